// Package stepfn fakes AWS Step Functions: the control plane over AWS
// JSON 1.0 (X-Amz-Target AWSStepFunctions.<Op>, SigV4 name states) for the
// real aws-sdk-go-v2 sfn client, and an interpreter of the Amazon States
// Language (JSONPath) that runs executions in the test's own process on
// the cloud's clock: a Wait of months passes with one Advance, a workflow
// of Lambda tasks finishes in microseconds.
//
// # Quick start
//
//	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
//	fn := cloud.Lambda().FunctionT(t, "work", func(ctx context.Context, in Order) (Receipt, error) { ... })
//	client := sfn.NewFromConfig(cloud.AWSConfig())
//	sm, _ := client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("orders"),
//		RoleArn: aws.String("arn:aws:iam::000000000000:role/sfn"), Definition: aws.String(def)})
//	ex, _ := client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn})
//	cloud.Settle(ctx)          // Lambda tasks answered
//	clk.Advance(24 * time.Hour) // Waits and retries due pass, in order
//	cloud.StepFunctions().CheckStatus(t, *ex.ExecutionArn, "SUCCEEDED")
//
// # What is implemented
//
//   - State machines: Create (STANDARD, EXPRESS; definitions validated
//     with AWS's InvalidDefinition texts; the same machine again answers
//     the existing one), Describe, Update (a new revision id when the
//     definition or role changes), Delete, List; logging, tracing and
//     encryption configurations stored; tags; versions (publish on
//     create/update, PublishStateMachineVersion with revisionId,
//     List/Delete, ConflictException for a version an alias routes to);
//     aliases with weighted routing drawn from the cloud's seeded source.
//   - ValidateStateMachineDefinition: OK or FAIL with diagnostics (code,
//     message, location).
//   - Executions: StartExecution (names unique on a machine; the same
//     name and input while running answers the first), StartSyncExecution
//     (EXPRESS only), Stop, Describe, List (newest first, status and
//     redrive filters, pages), DescribeStateMachineForExecution,
//     GetExecutionHistory (reverseOrder, includeExecutionData, pages),
//     RedriveExecution of FAILED, ABORTED and TIMED_OUT executions within
//     14 days of closing. EXPRESS executions are invisible to Describe,
//     History and Stop (InvalidArn: "Resource type not valid in this
//     context: express") and List (StateMachineTypeNotSupported).
//   - The interpreter: Pass, Task, Choice, Wait, Succeed, Fail, Parallel
//     and inline Map (ItemsPath, ItemSelector, ItemProcessor or Iterator,
//     MaxConcurrency, $$.Map.Item); InputPath, Parameters, ResultSelector,
//     ResultPath, OutputPath, ".$" members, the context object, every
//     intrinsic function, workflow variables (Assign in states, rules and
//     catchers); every Choice comparator and its Path form; Retry
//     (defaults 1 s, 3 attempts, rate 2.0; MaxDelaySeconds; JitterStrategy
//     FULL drawn from the seeded source) and Catch; the predefined errors;
//     Task TimeoutSeconds/TimeoutSecondsPath, the machine's TimeoutSeconds,
//     a year at most (five minutes for EXPRESS), 25,000 history events and
//     256 KiB payloads at most.
//   - Time: every Wait, retry interval and timeout is a job on the cloud
//     scheduler (env.Sched); an execution advances in scheduler callbacks
//     and in the answers of its tasks, never on a goroutine of its own.
//     Settle waits for task calls in flight, not for timers.
//   - Integrations through the bus: a bare Lambda function ARN
//     (LambdaFunction* events), arn:aws:states:::lambda:invoke (Payload,
//     StatusCode, ExecutedVersion), sqs:sendMessage, sns:publish and
//     states:startExecution (async, .sync, .sync:2). A function's error is
//     named by its errorType; a service's error <Service>.<Code>Exception
//     (Lambda.ResourceNotFoundException).
//   - The bus endpoint for states ARNs: a message to a state machine ARN
//     starts an execution with the body as input (EventBridge targets).
//
// # Where it differs from AWS
//
//   - JSON objects are written with their members in key order (AWS keeps
//     the order of the input); the values are the same.
//   - JSONPath is the subset definitions use: $, $$, $variable, .name,
//     ['name'], [n], [*], .*; filters, slices and recursive descent are
//     refused at validation.
//   - An execution runs its first steps inside StartExecution on the
//     cloud's clock, so a machine of Pass states has finished when
//     StartExecution returns; AWS runs it moments later.
//   - Execution names stay taken for as long as the cloud lives (AWS:
//     90 days), and a deleted machine's executions stay readable.
//   - The history's previousEventId follows the recordings: the first
//     state's Entered and ExecutionAborted point to 0, a Map iteration's
//     Started to the previous iteration's last event, MapStateSucceeded to
//     the last MapIterationSucceeded and MapStateExited after a failure to
//     MapStateFailed. Where several branches run at once, events are
//     interleaved in the order the fake runs them.
//   - lambda:invoke's SdkHttpMetadata carries only Content-Type and
//     x-amzn-RequestId, and ExecutedVersion is $LATEST.
//   - Diagnostic codes beyond SCHEMA_VALIDATION_FAILED
//     (MISSING_TRANSITION_TARGET, UNREACHABLE_STATE) and their texts are
//     modelled on AWS's; the recorded texts are reproduced exactly.
//   - JSONata (QueryLanguage JSONata), Distributed Map (ItemReader,
//     ResultWriter, ItemBatcher), activities, task tokens
//     (.waitForTaskToken), HeartbeatSeconds, aws-sdk: and HTTP tasks and
//     other integrations are not modelled yet: JSONata and Distributed Map
//     are refused at validation with an awsfake message, an unmodelled
//     integration fails its task with States.Runtime.
//
// # Operations answered for features not modelled
//
// CreateActivity and TestState are refused with ValidationException;
// DescribeActivity and GetActivityTask answer ActivityDoesNotExist,
// DeleteActivity OK, ListActivities and ListMapRuns an empty list,
// SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat InvalidToken,
// DescribeMapRun and UpdateMapRun ResourceNotFound: what an account with
// no activity, task token or map run gets.
//
// # Plumbing for the root package
//
// New, Describe (the handler for the states signing name, the bus
// endpoint for states ARNs, Close) and Close are what awsfake calls.
package stepfn
