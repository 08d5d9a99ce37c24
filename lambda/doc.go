// Package lambda fakes AWS Lambda: the control plane over Lambda's restJson1
// API for the real aws-sdk-go-v2 client, and an execution engine that runs Go
// handlers in the test's own process with Lambda's semantics, on the cloud's
// clock.
//
// # Quick start
//
//	cloud := awsfake.NewT(t)
//	cloud.Lambda().RegisterHandler("orders.handle", func(ctx context.Context, o Order) (Receipt, error) {
//		...
//	})
//	client := lambda.NewFromConfig(cloud.AWSConfig()) // the SDK's lambda package
//	client.CreateFunction(ctx, &lambda.CreateFunctionInput{FunctionName: aws.String("orders"),
//		Handler: aws.String("orders.handle"), Runtime: types.RuntimeProvidedal2023,
//		Role: aws.String("arn:aws:iam::000000000000:role/r"), Code: &types.FunctionCode{ZipFile: zip}})
//	out, _ := client.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("orders"), Payload: event})
//
// A function runs the handler bound to it (RegisterFunctionHandler, by name
// or ARN), else the one registered under its Handler setting
// (RegisterHandler), whatever its runtime: every signature aws-lambda-go
// accepts, or any value with Invoke(context.Context, []byte) ([]byte,
// error), such as aws-lambda-go's lambda.NewHandler(fn). Every
// provided.al2023 function's Handler is bootstrap: bind their handlers to
// the functions.
//
// # What a handler sees: pass your ctx
//
// A handler runs in the test's process, beside every other function's, so
// what AWS gives a function in its own process cannot be process-global
// here. The rule of in-process Lambda is: what the invocation owns travels
// in the handler's ctx; read it from there, and pass that ctx (or one
// derived from it) to every call the handler makes.
//
//   - aws-lambda-go's lambdacontext.FromContext(ctx) works unchanged: the
//     context is built with lambdacontext.NewContext, with AwsRequestID
//     (the Invoke call's request id), InvokedFunctionArn as invoked (with
//     the version or alias the caller named) and ClientContext (what the
//     caller sent with X-Amz-Client-Context). Identity is empty: AWS fills
//     it only for a caller with Amazon Cognito identity pool credentials.
//   - FromContext(ctx) returns the same and more: function name, version,
//     memory, log group and stream, and the deadline on the cloud's clock
//     (also ctx.Deadline(); ctx is cancelled when the clock reaches it).
//     Logger(ctx) writes to the function's log.
//   - Getenv(ctx, key), LookupEnv and Environ(ctx) read the function's
//     environment: its Environment.Variables (of the version that runs)
//     and the runtime variables AWS defines (AWS_REGION,
//     AWS_LAMBDA_FUNCTION_NAME, _X_AMZN_TRACE_ID, ...; see Environ).
//     Concurrent invocations of different functions each read their own.
//   - An AWS call made with ctx through the cloud's in-memory transport
//     (AWSConfig, LoadOptions) is the execution role's: the cloud signs it
//     as a session of the role named after the function, as the
//     credentials AWS puts in the function's environment would
//     (GetCallerIdentity answers arn:aws:sts::<account>:assumed-role/<role>/<function>),
//     unless it is signed with credentials the cloud issued (the handler
//     assumed another role); it carries the invocation's X-Amzn-Trace-Id.
//     InvocationOf(ctx) gives the role and the trace header. When the
//     invocation is traced, the call is recorded as the X-Ray SDK records
//     an instrumented client's: a subsegment of the function's segment
//     named for the service (SQS, SNS, Lambda, ...), the callee's parent.
//
// What cannot follow the invocation, because it is process-global:
//
//   - os.Getenv: the process has one environment. SetProcessEnvironment
//     sets it for each invocation, opt-in, only where that is safe: one
//     function in the cloud, one invocation at a time, a test that does not
//     run in parallel (it refuses otherwise, see its doc).
//   - aws-lambda-go's package variables lambdacontext.FunctionName,
//     LogGroupName, LogStreamName, MemoryLimitInMB and FunctionVersion: they
//     are read from the environment once, when the process starts, and stay
//     empty (even with SetProcessEnvironment). Read FromContext or Getenv.
//   - The SDK's recursion detection, which reads AWS_LAMBDA_FUNCTION_NAME
//     and _X_AMZN_TRACE_ID from the process environment to send
//     X-Amzn-Trace-Id: without SetProcessEnvironment it sends nothing; the
//     trace header travels in ctx instead (InvocationOf).
//   - A call made with another context (context.Background()) carries
//     nothing of the invocation. Neither does one over a socket (server
//     mode, or a client built for an endpoint URL): the ctx stays in the
//     handler's process and does not cross the connection.
//
// # Accounts and regions
//
// State is partitioned as AWS partitions Lambda: every account in every
// region has its own functions (with their versions, aliases, policies, URLs
// and configurations), event source mappings, layers, reserved concurrency
// and GetAccountSettings. Any syntactically valid region name is accepted
// (as LocalStack does). A request runs in the account and region it is
// signed for (cloud.AWSConfigFor(region, account) gives an SDK config for
// another one), and ARNs carry its partition: arn:aws-cn:lambda:cn-north-1:...
// for a cn-north-1 client. A FunctionName that is a full or partial ARN must
// name the caller's region and account, as in AWS: another region answers
// 404 "Functions from 'r' are not reachable in this region", another account
// 403 AccessDeniedException. Deliveries through the bus (SNS, S3,
// destinations, other services) find the function by the target ARN's
// account and region, whoever sends. Handlers registered under a Handler
// setting are code and are shared by every partition; one bound to a
// function (RegisterFunctionHandler) runs that function of its account and
// region only; the Go API's helpers (Invocations, Logs,
// Environments, ColdStarts, Code, FailNextInvocations, SetLatency) take a name in
// the cloud's default account and region or an ARN of any; SetAccountConcurrency
// sets the quota of every account in every region.
//
// # What is implemented
//
//   - Functions: Create (with AWS's validation: memory 128-10240 MB, timeout
//     1-900 s, ephemeral storage 512-10240 MB, environment variables within
//     4 KB, names, ARNs and partial ARNs, runtimes), Get, GetConfiguration,
//     List (paged), UpdateFunctionCode, UpdateFunctionConfiguration (with
//     RevisionId checks), Delete (a function or one version); CodeSha256 and
//     CodeSize computed from the package, which GetFunction's Code.Location
//     serves back. Create with Publish answers version 1 under the
//     unqualified ARN, GetFunction of $LATEST by name under the qualified
//     one, as AWS does.
//   - Every list operation's MaxItems has the model's range (1-10,000, or
//     1-50), a ValidationException outside it, and a page holds no more
//     than AWS's documented most (50 for ListFunctions and
//     ListVersionsByFunction, 100 for ListEventSourceMappings).
//   - PublishVersion, ListVersionsByFunction; aliases with RoutingConfig
//     weights, the version drawn from the cloud's seeded source.
//   - Invoke (RequestResponse, Event, DryRun; Qualifier; LogType Tail with the
//     last 4 KB of the log; ClientContext; X-Amz-Executed-Version and
//     X-Amz-Function-Error) and InvokeAsync, with AWS's size quotas: 6 MB for
//     a synchronous payload, 1 MB for an Event one, 256 KB for InvokeAsync,
//     50 MB for a .zip uploaded directly (69905067 bytes of request, its
//     base64), 1 MB for the other requests; over them, AWS's
//     RequestEntityTooLargeException (413). Handler errors and panics
//     become aws-lambda-go's error document; a timeout returns
//     {"errorMessage":"<time> <request id> Task timed out after N.NN seconds"}
//     when the clock passes it, even if the handler ignores its context.
//   - Execution environments: one event at a time each, warm reuse, a cold
//     start when none is free (ColdStarts, Environments), idle ones retired
//     after SetIdleTimeout on the clock (checked lazily), new code or
//     configuration starting fresh ones, a crash or timeout discarding its
//     environment, provisioned concurrency keeping environments ready.
//   - Concurrency: the account quota (SetAccountConcurrency, default 1000)
//     and reserved concurrency (Put/Get/DeleteFunctionConcurrency, keeping
//     100 unreserved); over the limit a synchronous call gets
//     TooManyRequestsException (429) with its Reason; provisioned
//     concurrency configurations; GetAccountSettings.
//   - Asynchronous invocation: the event's first attempt starts at once; a
//     function error is retried (MaximumRetryAttempts, default 2) one minute
//     after the first attempt and two minutes after the second; a throttled
//     event is retried after 1 s, doubling to 5 minutes; an event older than
//     MaximumEventAgeInSeconds is discarded. The invocation record goes to
//     the OnSuccess or OnFailure destination (SQS, SNS, Lambda, through the
//     bus) with AWS's shape, and a failed event to the DeadLetterConfig
//     target with the RequestID, ErrorCode and ErrorMessage attributes.
//     Put/Get/Update/Delete/ListFunctionEventInvokeConfig(s).
//   - AWS/Lambda standard metrics (metrics.go): Invocations, Errors,
//     Duration, Throttles, ConcurrentExecutions, and the asynchronous
//     AsyncEventsReceived, AsyncEventAge, AsyncEventsDropped,
//     DeadLetterErrors and DestinationDeliveryFailures, by FunctionName and
//     by FunctionName and Resource.
//   - The bus: a Post to a function ARN (SNS, S3, destinations) is an
//     asynchronous invocation; an Invoke runs the function and returns its
//     response or a *bus.FunctionError. Deliveries from SNS, S3,
//     EventBridge, API Gateway and CloudWatch Logs must be allowed by the
//     function's resource-based policy (AddPermission with Principal,
//     SourceArn and SourceAccount), as AWS requires; a refused delivery is an
//     AccessDeniedException the bus records. Add/RemovePermission, GetPolicy.
//   - SQS event source mappings (Create/Get/List/Update/Delete): a poller
//     with no goroutine at rest, woken by the queue (a send, the end of a
//     delay or visibility timeout), by the end of a batch or of a batching
//     window. It receives batches of BatchSize (1-10 for FIFO queues, up to
//     10,000 with MaximumBatchingWindowInSeconds), runs up to
//     ScalingConfig.MaximumConcurrency batches at once, deletes a batch on
//     success, leaves it for its visibility timeout on failure, and honours
//     ReportBatchItemFailures with AWS's rules; FIFO groups stay in order
//     (SQS hands out one batch of a group at a time); Enabled=false pauses
//     it. The records have aws-lambda-go's SQSEvent shape. A batch for a function
//     with no handler registered yet fails as a function error does, and is
//     reported in the cloud's DeliveryFailures (target the function, source
//     the queue, body the event) with the reason. A receive that fails (the
//     queue gone, the execution role refused) shows in LastProcessingResult
//     ("PROBLEM: ...") and the mapping polls again 20 seconds later, the
//     end of the long poll Lambda's pollers make.
//   - Tags (functions and mappings), function URL configurations, layers
//     (publish, list, get, delete, attach; a layer's version numbers are
//     never reused, even once all its versions are deleted), and the
//     defaults of the settings the fake does not model (code signing,
//     recursion, runtime management).
//   - For tests: Invocations (a record of each run: payload, response or
//     error, version, cold or warm, start and end on the clock; the newest
//     of each function while it exists, and the newest of all functions),
//     Logs (START, END and REPORT lines in AWS's format, and what handlers
//     wrote, with log group and stream; the newest lines of each function).
//     Each of these records keeps at most 10,000 entries (record.Keep) and,
//     with the cloud's other records, no more bytes of payloads, responses
//     and lines than the cloud's record budget (awsfake.WithRecordBytes,
//     64 MiB by default; an invocation counts in both records that hold
//     it); past either bound it forgets its own oldest entries, never the
//     newest, and a deleted function's records return their bytes.
//     FailNextInvocations and SetLatency (the function
//     itself fails or is slow), InjectFault and ClearFaults (the next calls
//     of an API operation fail with an AWS error code, with Lambda's status
//     and fault side), InjectLatency (the next calls of an API operation
//     wait on the cloud's clock), Calls (every API call, the last 10,000 at
//     least), Environments, ColdStarts, Code, and the assertions
//     CheckInvoked and CheckColdStarts (inspect.go).
//
// Long waits run on the cloud's clock: advance a clock.Fake, or run the test
// in a testing/synctest bubble with the default clock. Asynchronous attempts
// and pollers count as work in progress for Cloud.Settle.
//
// Under WithSeed, ids do not depend on how concurrent invocations are
// scheduled: each function draws the request ids of its own invocations
// from a generator of its own, each SQS mapping those of its batches in the
// order it dispatches them, and an environment's log stream name and a
// weighted alias's choice of version are derived from the request id of
// the invocation that needs them. The calls that bring no request id of
// their own (the Go API's Invoke, deliveries through the bus) take theirs
// in the order they reach the function.
//
// # Where the fake differs from AWS
//
//   - Code is never run and need not be a valid .zip; the Go handler
//     registered under Handler runs instead. Packages from S3 or images are
//     not fetched: their CodeSha256 is computed over their location and their
//     CodeSize is 0. A function is Active as soon as it is created, and a
//     provisioned concurrency configuration READY as soon as it is put.
//   - Durations come from the cloud's clock: a handler that does not wait on
//     it takes 0 ms (Billed Duration 1 ms), and Init Duration is 0.
//     Max Memory Used is not measured (a fixed 32 MB).
//   - Go cannot stop a goroutine: a handler that ignores its context keeps
//     running after its timeout or after Close (which cancels its context and
//     does not wait for it), and outlives the cloud; what it returns then is
//     dropped, as are its log lines.
//   - A synchronous invocation whose caller gave up (its context ended, or
//     the HTTP client went away) keeps running to its end, as in AWS, and is
//     recorded then; it is not work in progress for Cloud.Settle, which
//     counts only what runs in the background (asynchronous attempts,
//     pollers and their batches).
//   - CreateEventSourceMapping of an enabled mapping, and enabling one,
//     registers the mapping for its queue's notifications, and SQS then
//     keeps one clock timer per watched queue, for the instant a delay or
//     visibility timeout ends. This is the one deliberate exception to
//     "creating a resource starts nothing": without it the poller would
//     have to poll on a timer of its own, or miss messages that become
//     visible with no send. The registration is cancelled when the mapping
//     is disabled or deleted and by Close; a mapping created disabled
//     registers nothing.
//   - Idle environments retire after a fixed idle time (AWS's is
//     undocumented). Provisioned concurrency on an alias serves every
//     invocation of the alias's version.
//   - Timestamps of the timeout error follow the classic runtime format
//     ({"errorMessage": "<time> <id> Task timed out after 3.00 seconds"});
//     newer runtimes add errorType Sandbox.Timedout.
//   - Function URLs are configured but not served; FilterCriteria of mappings
//     are stored but not applied; only SQS sources can be mapped (a stream or
//     broker ARN is refused as a source that does not exist). Operations on
//     code signing, capacity providers, durable executions, layer
//     permissions, response streaming and resource policies answer as AWS
//     does when there is nothing to find, and refuse changes with
//     InvalidParameterValueException.
//   - Asynchronous retries are scheduled from the end of the attempt as the
//     clock reads it; with a clock.Fake, advance to each retry instant (or
//     Settle between advances) for exact spacing, since handlers run on
//     their own goroutines while Advance continues.
//
// Scheduled work (asynchronous retries, batching windows, the pollers'
// poll steps, invocation timeouts) runs on the cloud's scheduler
// (internal/sched): nothing runs while nothing is due.
//
//   - The runtime environment (Environ) omits the execution role's
//     credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
//     AWS_SESSION_TOKEN): a call made with the handler's ctx is attributed
//     to the role instead (InvocationOf). AWS_LAMBDA_RUNTIME_API is not
//     defined (no Runtime API is served), nor PATH, LD_LIBRARY_PATH and
//     LANG, which describe the execution environment's file system.
//     AWS_LAMBDA_INITIALIZATION_TYPE is on-demand or
//     provisioned-concurrency (SnapStart is not modelled).
//   - X-Ray (trace.go): an invocation continues the caller's
//     X-Amzn-Trace-Id (the Invoke request's header, the trace an API
//     Gateway integration or a posted message carries), as AWS documents
//     TracingConfig: a caller's Sampled=1 is traced whatever the mode,
//     Sampled=0 never; with no decision an Active function asks the
//     account's X-Ray sampling rules (Sampled=1 for every Active
//     invocation in a cloud without X-Ray) and a PassThrough one traces
//     nothing. With no caller's header the trace is new: Root=1-<the
//     start's Unix seconds on the cloud clock>-<24 hex>. The handler's
//     header (_X_AMZN_TRACE_ID, InvocationOf) has Parent= the
//     AWS::Lambda::Function segment. A traced invocation writes, when it
//     ends, an AWS::Lambda segment (the caller's entity its parent, status
//     200, the producers' traces of an SQS batch as links: one per trace,
//     at most 20) and an AWS::Lambda::Function segment with Initialization
//     (cold starts; zero long, as the fake's Init Duration), Invocation
//     and Overhead (zero long) subsegments, times on the cloud clock,
//     fault for a function error or a timeout. Not written: the Dwell Time
//     and Attempt subsegments of an Event invocation, the throttle of a
//     refused one (no segment), the Lineage field of the header.
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised before the
// service serves it, by the action table (Actions, in wire_authz.go; Invoke
// is lambda:InvokeFunction) against the caller's policies and the function
// policy; CreateFunction and UpdateFunctionConfiguration with a role ask
// iam:PassRole on it (iam:PassedToService lambda.amazonaws.com) and refuse a
// role Lambda cannot assume (missing, or not trusting lambda.amazonaws.com)
// with InvalidParameterValueException "The role defined for the function
// cannot be assumed by Lambda."; CreateEventSourceMapping on an SQS queue
// checks the execution role for sqs:ReceiveMessage, sqs:DeleteMessage and
// sqs:GetQueueAttributes ("The provided execution role does not have
// permissions to call ReceiveMessage on SQS"), and each later poll is
// checked again against the role (by the root package, through the
// QueueSource: a refused poll receives nothing and shows "PROBLEM: The
// provided execution role does not have permissions to call ReceiveMessage
// on SQS" in LastProcessingResult); a handler's SDK calls are its execution role's session; a
// refusal is AccessDeniedException (403) with AWS's message ("User: arn:...
// is not authorized to perform: ACTION on resource: ARN because no
// identity-based policy allows the ACTION action"). Off by default: nothing
// is authorised.
//
// # Plumbing for the root package
//
// IAM enforcement (awsfake.WithIAMEnforcement) calls Actions, Authorization, AccessDenied and SetRoleSource (IAM's roles).
//
// What only the awsfake package calls, to build a cloud and wire its
// services together; tests reach the service through Cloud.Lambda():
//
//   - New(env) builds the service on the cloud's environment (clock, bus,
//     scheduler, ids) and starts nothing.
//   - Describe tells the cloud how to wire it: its signing name, ARN
//     service, HTTP handler (ServeHTTP), bus endpoint and Close.
//   - SetQueueSource connects the SQS event source mappings to the cloud's
//     SQS service, through the QueueSource interface (QueueAttributes,
//     ReceiveMessages, DeleteMessages, Notify); PollingFunction(ctx) names
//     the function whose mapping makes a QueueSource call, so that the
//     cloud authorises the poll against its execution role.
//   - SetLogSink connects invocations' log lines to CloudWatch Logs
//     (LogSink.AppendLines), one call when an invocation ends.
//   - Close stops the service's background work; the cloud calls it after
//     closing its scheduler and bus.
//   - InvocationOf(ctx) tells the in-memory transport which invocation an
//     AWS call made with a handler's ctx belongs to: the execution role and
//     trace header to attribute it to; CallTrace(ctx) what the root needs
//     to record such a call of a traced invocation.
package lambda
