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
//     definition or role changes), Delete, List; tracing and encryption
//     configurations stored; logging: each execution's history events go
//     to the configured log group when it closes, by level (ALL, ERROR,
//     FATAL), as AWS's JSON records (logging.go; the stream is
//     states/<machine>/<execution>, AWS's stream naming is not
//     documented); tags; versions (publish on
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
//   - Task tokens: .waitForTaskToken on lambda:invoke, sqs:sendMessage,
//     sns:publish and states:startExecution; $$.Task.Token; TaskSubmitted
//     with the call's answer, then SendTaskSuccess (InvalidOutput for
//     output that is not JSON), SendTaskFailure and SendTaskHeartbeat.
//     HeartbeatSeconds (and HeartbeatSecondsPath) count on the cloud's
//     clock from the submission and again from each heartbeat; a missed
//     heartbeat is TaskTimedOut with States.Timeout, as AWS's histories
//     record it. A token never handed out is InvalidToken, one whose task
//     has ended (completed, timed out, execution closed) TaskTimedOut
//     "Provided task does not exist anymore". A Lambda handler may send
//     its own token during its invocation: the outcome applies once the
//     call has answered.
//   - Activities: Create (idempotent on the name, tags kept),
//     Describe, Delete, List (pages), tags; Activity* events; a task on
//     an activity that does not exist fails with States.Runtime as AWS
//     words it. GetActivityTask hands the oldest task over at once, or
//     waits for one up to 60 s on the cloud's clock and then answers
//     empty (Polls tells how many workers wait, so a test can move the
//     clock once its worker is polling); TimeoutSeconds counts from the
//     scheduling, HeartbeatSeconds from the worker's start.
//   - aws-sdk: integrations: sqs:sendMessage and sns:publish through the
//     bus, sfn:startExecution, sfn:sendTaskSuccess, sfn:sendTaskFailure
//     and sfn:sendTaskHeartbeat in process; the answer is the operation's
//     response, an error <Service>.<Code>Exception with the SDK client's
//     name (Sfn.InvalidTokenException, Sqs.QueueDoesNotExistException) and
//     the SDK's cause suffix.
//   - Mocks: LoadMocks reads a Step Functions Local mock file as it is
//     (StateMachines / TestCases / MockedResponses, "0" and "1-2" call
//     keys, Return and Throw); SetMocks takes the same as Go values. An
//     execution started with <machine ARN>#<TestCase> runs that test
//     case: each mocked Task answers its response for its n-th call
//     (retries count), the others run for real.
//   - TestState: one state (or stateName of a machine's definition) on an
//     input and variables, with the mock parameter (result or
//     errorOutput); status SUCCEEDED, FAILED, CAUGHT_ERROR (the catcher's
//     Next) or RETRIABLE (an error a Retry matches); nextState; at DEBUG
//     and TRACE the inspection data of the data flow, with the fields the
//     recordings show for each state type.
//
// X-Ray (trace.go): a task's call to a Lambda function, an SQS queue or an
// SNS topic carries the execution's traceHeader (StartExecution's, or the
// one a bus start carried), so that the callee continues the caller's
// trace. The execution writes no segment of its own, with or without
// tracingConfiguration (AWS writes the execution's and each state's), and
// StartExecution does not read the request's X-Amzn-Trace-Id.
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
//     ResultWriter, ItemBatcher, map runs), the HTTP task and the
//     integrations not listed above are not modelled yet: JSONata and
//     Distributed Map are refused at validation with an awsfake message,
//     an unmodelled integration or aws-sdk: operation fails its task with
//     States.Runtime.
//   - Tokens stay known for as long as the cloud lives, so that a late
//     call answers TaskTimedOut rather than InvalidToken.
//   - Past the last call key of a mocked response, its last answer
//     repeats (Step Functions Local's behaviour there is not documented).
//     An unknown #TestCase is a ValidationException with an awsfake
//     message.
//   - TestState does not run a Retry (it reports RETRIABLE) and a Wait
//     does not wait; it refuses activities, .sync and .waitForTaskToken
//     tasks without a mock (ValidationException), as AWS's TestState did
//     before mocks. The TRACE level adds nothing to DEBUG: the HTTP task,
//     whose request and response it shows, is not modelled.
//
// # Operations answered for features not modelled
//
// ListMapRuns answers an empty list, DescribeMapRun and UpdateMapRun
// ResourceNotFound: what an account with no map run gets.
//
// # Plumbing for the root package
//
// New, Describe (the handler for the states signing name, the bus
// endpoint for states ARNs, Close) and Close are what awsfake calls.
package stepfn
