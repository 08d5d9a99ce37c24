// Package stepfn fakes AWS Step Functions: the control plane over AWS
// JSON 1.0 (X-Amz-Target AWSStepFunctions.<Op>, SigV4 name states) for the
// real aws-sdk-go-v2 sfn client, and an interpreter of the Amazon States
// Language (JSONPath and JSONata) that runs executions in the test's own process on
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
//     documented); AWS/States metrics by StateMachineArn (metrics.go:
//     ExecutionsStarted, Redriven, Succeeded, Failed, TimedOut, Aborted and
//     ExecutionTime; not the Lambda-task, activity or throttling metrics);
//     tags; versions (publish on
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
//   - Distributed Map (distmap*.go): ItemProcessor ProcessorConfig Mode
//     DISTRIBUTED with ExecutionType STANDARD or EXPRESS; each item (or
//     batch) is a child execution of the processor, named
//     execution:<machine>/<label>:<uuid> (express:... for EXPRESS, which
//     stay invisible as EXPRESS executions are), in a Map Run
//     mapRun:<machine>/<label or uuid>:<uuid>. The parent's history has
//     MapStateStarted, MapRunStarted, MapRunSucceeded or MapRunFailed, as
//     recorded; Label (40 characters, the recorded texts), MaxConcurrency,
//     ToleratedFailureCount and ToleratedFailurePercentage
//     (States.ExceedToleratedFailureThreshold once either is exceeded;
//     none tolerated by default). ItemReader over the cloud's S3 (an
//     ObjectStore the root package sets): s3:getObject with InputType
//     CSV (CSVHeaderLocation FIRST_ROW or GIVEN with CSVHeaders), JSON,
//     JSONL, MANIFEST (an S3 Inventory manifest's gzip CSV files, items
//     named by fileSchema), and MaxItems; s3:listObjectsV2 (Bucket, Prefix). A reader's
//     failure is States.ItemReaderFailed with the recorded causes.
//     ItemBatcher (MaxItemsPerBatch, MaxInputBytesPerBatch, BatchInput):
//     a child's input is {"Items": [...], "BatchInput": {...}}.
//     ResultWriter (s3:putObject, Bucket and Prefix): SUCCEEDED_0.json,
//     FAILED_0.json and manifest.json under <Prefix>/<map run id>/, and
//     the Map's output {MapRunArn, ResultWriterDetails}. ListMapRuns,
//     DescribeMapRun (item and execution counts), UpdateMapRun
//     (MaxConcurrency, tolerated failures, on a running run) and
//     ListExecutions by mapRunArn. Stopping the parent aborts the run and
//     its running children.
//   - JSONata (jsonata*.go): QueryLanguage JSONata at the top level or
//     per state (a JSONata machine refuses a JSONPath state with AWS's
//     text; a JSONPath machine may hold JSONata states). Arguments (Task,
//     Parallel), Output, Assign (evaluated before Output; both read the
//     variables as they were on entering the state, the new values
//     apply when it exits), Choice Condition with a rule's own Output and
//     Assign, Map Items, ItemSelector and MaxConcurrency, Task
//     TimeoutSeconds and HeartbeatSeconds, Wait Seconds and Timestamp,
//     Fail Error and Cause, Catch Output and Assign over
//     $states.errorOutput; "{% expression %}" strings anywhere in those
//     values, other strings literal; $states.input, .result, .errorOutput
//     and .context. The functions Step Functions adds: $partition,
//     $range, $hash, $random (with an optional seed), $uuid (from the
//     cloud's seeded source), $parse; $now and $millis read the cloud's
//     clock; $eval is not available (T1006). JSONPath's fields
//     (InputPath, Parameters, ResultSelector, ResultPath, OutputPath,
//     Result, the *Path fields) are refused in a JSONata state.
//     Expressions are compiled when the definition is, so once per
//     machine version; one that does not parse is refused at validation.
//     An evaluation error, an undefined result, a result of the wrong
//     type or a function is States.QueryEvaluationError (retriable and
//     catchable) with an EvaluationFailed event, AWS's cause texts and
//     locations (Output/field), as the recordings show.
//   - Variable scopes: a Parallel branch or a Map iteration reads the
//     outer variables and assigns its own, which do not leave it; a
//     definition where an inner scope assigns a variable an outer scope
//     assigns is refused, in both query languages.
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
//   - The HTTP task (arn:aws:states:::http:invoke, http*.go): ApiEndpoint
//     (HTTPS), Method, Authentication.ConnectionArn (required; its shape
//     checked, its authorization applied by the ConnectionAuthorizer set
//     with SetConnections), Headers, QueryParameters, RequestBody and
//     Transform (URL_ENCODED with ArrayFormat); through the client set
//     with SetHTTPClient (by default one that dials nothing:
//     States.Http.Socket); the result StatusCode, StatusText, Headers and
//     ResponseBody (parsed when JSON); States.Http.StatusCode.<code> for
//     a non-2xx answer, States.Http.Socket after 60 s on the cloud clock.
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
// X-Ray (trace.go): an execution continues the request's X-Amzn-Trace-Id,
// else StartExecution's traceHeader (0-256 ASCII characters, else
// ValidationException), else the header a bus start carried.
// A machine with tracingConfiguration enabled decides the trace as AWS
// does (the caller's sampling decision, else the account's sampling
// rules, on a new trace when none came) and, when sampled, writes when the
// execution closes one segment (origin AWS::StepFunctions::StateMachine,
// named for the machine, start and end on the cloud's clock; a fault when
// FAILED or TIMED_OUT, an error when ABORTED) holding a subsegment per
// state entered (branch and iteration states under their Parallel's or
// Map's) and, under a Task's, one per call (namespace aws, named for the
// service: Lambda, SQS, SNS, with its operation; a fault when the task
// failed). The call carries Root=...;Parent=<that subsegment>;Sampled=1,
// so that the callee's segments nest under it. A machine with tracing off
// writes nothing and passes the caller's header to its tasks untouched;
// an untraced execution costs a nil check per state.
//
// # Where it differs from AWS
//
//   - X-Ray: a redriven execution is not traced again; a nested
//     execution started by aws-sdk:sfn:startExecution gets no trace
//     header (states:startExecution's continues the task's call); the
//     segment's aws object holds the execution and machine
//     ARNs under names of its own (AWS does not document them).
//   - JSON objects are written with their members in key order (AWS keeps
//     the order of the input); the values are the same.
//   - Paths (InputPath, OutputPath, ItemsPath, Parameters' ".$" values)
//     take full JSONPath: filters, slices, unions, .., negative indices
//     (parsed by github.com/ohler55/ojg, evaluated in engine_path_full.go
//     in document order as Jayway, AWS's evaluator, does); Reference
//     Paths (ResultPath, the Path forms of Choice comparators) take only
//     member names and non-negative indices. Deviations: objects' members
//     come in key order under wildcards and ..; in a filter, $ is the
//     candidate, not the document; Jayway's functions (length()) are not
//     evaluated. ItemsPath is read as a Path, as the brief of issue 18
//     says; the ASL text calls it a reference path.
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
//   - The integrations not listed above are not modelled yet: an
//     unmodelled integration or aws-sdk: operation fails its task with
//     States.Runtime.
//   - The HTTP task (http*.go): a bad or missing parameter is
//     States.Runtime at run time (AWS refuses some at creation); headers
//     AWS lists as not sent are dropped silently; a string RequestBody is
//     sent as text/plain; form keys keep their brackets unescaped; a
//     connection's refusal fails the task as serviceFailure("Events")
//     names it (States.TaskFailed for a plain error); the status error's
//     cause is the result's JSON; TestState's header texts are one
//     "Name: value" line each (none of these is recorded).
//   - Distributed Map differs from AWS here: ReaderConfig's *Path fields, ItemsPointer, ResultWriter's
//     WriterConfig, the *Path forms of MaxItemsPerBatch and the tolerated
//     failures and redriving a Map Run are not modelled (refused at
//     validation or ignored as said); a JSONata MaxConcurrency
//     expression is not read when an ItemReader is; ItemsPath is ignored
//     with an ItemReader (as recorded). MaxInputBytesPerBatch measures the
//     items' JSON before the ItemSelector; a CSV row shorter than the
//     headers has "" for the rest. The result files are one of each
//     (AWS splits them at 5 GB); TIMED_OUT and ABORTED children go to
//     FAILED_0.json (a run failed by the tolerance writes what ended
//     before it failed; its aborted children are not written). A failed item without a
//     ResultWriter has {Error, Cause} in its place in the Map's output.
//     The texts of the ProcessorConfig, ItemReader, ItemBatcher and
//     ResultWriter checks, of UpdateMapRun on a run that ended, the
//     tolerance cause ("The specified tolerance threshold was
//     exceeded.") and ListMapRuns' order (oldest first) are not recorded.
//   - JSONata is evaluated by github.com/recolabs/gnata, pinned at v0.2.2
//     (go.mod), behind jexpr (jsonata.go). AWS does not publish its
//     JSONata version; it behaves as JSONata 2.0.x, so 2.1's ?: and ??,
//     which gnata accepts, are refused at validation (outside strings and
//     comments; "(?:" is a regular expression's group). gnata's own port
//     of the jsonata-js suite (1,692 cases in 103 groups, its
//     testdata/groups) passes whole here (go test -run TestSuite in the
//     module); the measure against the official jsonata-js 2.2.2
//     suite is 1,678 of 1,686: the 8 cases it fails were not identified
//     here (not measured). Known differences from jsonata-js, from gnata's
//     README: regular expressions are RE2 (no lookahead, lookbehind or
//     backreferences: such a pattern is an evaluation error), integers
//     beyond 2^53 keep their digits inside an expression (a result is
//     written through float64, as JavaScript writes it), automapping
//     leaves no null placeholders. gnata words T1006 otherwise; it is
//     answered with jsonata-js's "Attempted to invoke a non-function", as
//     recorded. Other error messages are gnata's.
//   - JSONata texts not recorded are modelled on AWS's: a JSONPath field
//     in a JSONata state is "Field 'X' is not supported", an expression
//     that does not parse "The JSONata expression '...' specified for the
//     field '...' is not valid: <parser error>", an inner scope assigning
//     an outer variable an awsfake sentence; a number, boolean or
//     timestamp of the wrong type is "returned an unexpected result type.
//     Expected '<type>'..." as the recorded Items message is. A Parallel
//     whose Arguments fail has no ParallelStateFailed (not recorded); an
//     ItemSelector's EvaluationFailed follows the Map's last event. An
//     expression runs without a time limit (gnata stops at a stack depth
//     of 100 and jsonata-js's range limits).
//   - Numbers a JSONata expression returns are written as JavaScript
//     writes them (1.50 is 1.5, -0 is 0). $states.context.State has no
//     RetryCount before a retry, as recorded; after one it has (not
//     recorded).
//   - Tokens stay known for as long as the cloud lives, so that a late
//     call answers TaskTimedOut rather than InvalidToken.
//   - Past the last call key of a mocked response, its last answer
//     repeats (Step Functions Local's behaviour there is not documented).
//     An unknown #TestCase is a ValidationException with an awsfake
//     message.
//   - TestState does not run a Retry (it reports RETRIABLE) and a Wait
//     does not wait; it refuses activities, .sync and .waitForTaskToken
//     tasks without a mock (ValidationException), as AWS's TestState did
//     before mocks. The TRACE level adds the HTTP task's request and
//     response to DEBUG's data (the connection's additions only with
//     revealSecrets). A mocked
//     Parallel or Map answers the mock as its result (or error) without
//     running a branch (teststate_fork.go). A JSONata state's inspection
//     data is its input and the variables it reads.
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised by the
// action table in wire_authz.go (Actions: states:<Operation> on the
// activity, state machine, version, alias, execution or map run its ARN
// names, tag keys on creations and tagging), CreateStateMachine,
// UpdateStateMachine and TestState with a roleArn asking iam:PassRole to
// states.amazonaws.com; a refusal is AccessDeniedException (400) with AWS's
// message. The task-token operations are asked on "*" (the token, not the
// request, names the resource).
// The resource an action is asked on lends its tags as
// aws:ResourceTag/<key>.
//
// # Plumbing for the root package
//
// SetObjectStore, SetHTTPClient and SetConnections are what the root (or
// a test) sets. New, Describe (the handler for the states signing name, the bus
// endpoint for states ARNs, Close) and Close are what awsfake calls.
package stepfn
