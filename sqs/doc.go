// Package sqs fakes Amazon SQS: all 23 operations of the current
// aws-sdk-go-v2 client, served over both protocols real clients speak (AWS
// JSON 1.0, query-compatible, for the Go SDK and recent CLIs; awsQuery for
// the AWS CLI 2.9 and older SDKs), with a Go API of the same operations and
// helpers for tests. Time comes from the cloud's clock, so a test moves
// visibility timeouts, delays, long polls and retention by advancing a
// clock.Fake or by running in a testing/synctest bubble.
//
// # Quick start
//
//	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
//	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
//	client := sqs.NewFromConfig(cloud.AWSConfig()) // aws-sdk-go-v2/service/sqs
//	q, _ := client.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
//	client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("hi")})
//	clk.Advance(30 * time.Second)                  // visibility timeouts end, long polls return
//	msgs, _ := cloud.SQS().Messages(*q.QueueUrl)   // snapshots: state, times, receive counts
//
// # What is implemented
//
// Queues: names and FIFO suffix, idempotent CreateQueue, every attribute
// with AWS's ranges and defaults, exact Approximate* counters, tags,
// AddPermission/RemovePermission editing the Policy, ListQueues and
// ListDeadLetterSourceQueues with pagination. Messages: body characters and
// size limits, up to 10 typed attributes, AWS's MD5 digests, system
// attributes, per-message and queue delays, visibility timeouts with
// ChangeMessageVisibility and its 12-hour ceiling (on a standard queue any
// handle of a message in flight changes its timeout, and a change after the
// timeout ended is OK and changes nothing, as AWS answers; on a FIFO queue a
// handle expires with its receive), a new receipt handle per receive, long
// polling, retention, dead-letter queues with RedriveAllowPolicy, message
// move tasks, FIFO ordering, group blocking, deduplication (by id or
// content, per queue or per group), sequence numbers and
// ReceiveRequestAttemptId, in-flight quotas, batch rules, PurgeQueue, and
// the exact error codes, so that the SDK returns its typed errors.
//
// The bus endpoint receives deliveries addressed to queue ARNs (SNS
// subscriptions, S3 notifications, Lambda destinations).
//
// X-Ray (trace.go): a message keeps its AWSTraceHeader system attribute,
// else the X-Amzn-Trace-Id its SendMessage or SendMessageBatch request
// came with (when it is a trace header), as X-Ray documents for SQS; only
// the system attribute sent counts in MD5OfMessageSystemAttributes. A
// Lambda event source mapping links the consumer's trace to these
// headers.
//
// # Test helpers
//
// Messages returns snapshots; CheckDepth asserts a queue's visible,
// in-flight and delayed counts and CheckMessage finds a message by body,
// beside the root's awsfake.CheckCode. InjectFault makes the next calls of
// an operation fail with an AWS error code, with AWS's status and fault
// side; InjectLatency makes its calls wait on the cloud's clock;
// ClearFaults removes both; Calls lists the calls of every operation (the
// last 10,000 at least). SetAWSLikeDelivery makes a standard queue
// duplicate and reorder as AWS may, seeded; Notify lets a poller sleep
// until a message may be receivable.
//
// Scheduled work (a notifier's wake-up when a delay or visibility timeout
// ends, the batches of a paced message move task) runs on the cloud's
// scheduler: the cloud's Settle waits for what the clock has made due. A
// task's progress and the queues it moves between are brought up to date
// by every call that looks a queue up, so they never read behind the clock.
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised before the
// service serves it, by the action table (Actions, in wire_authz.go: one row
// per operation, the batch operations as their single action, ListQueues on
// "*") against the caller's policies and the queue policy; deliveries from
// SNS and S3 are checked against the queue policy for their service
// principal, with aws:SourceArn and aws:SourceAccount, and a refused one
// lands in the cloud's DeliveryFailures; a refusal is AccessDenied (403)
// with AWS's message ("User: arn:... is not authorized to perform: ACTION on
// resource: ARN because no identity-based policy allows the ACTION action").
// Off by default: nothing is authorised.
//
// # Plumbing for the root package
//
// What only the root package awsfake calls: New builds the service on a
// cloud's environment, Describe tells the cloud how to wire it (signing
// name, ARN service, handler, bus endpoint, closer), ServeHTTP serves both
// protocols, Close stops its scheduled work and wakes its long polls.
// With enforcement on, Authorization says what a request asks (its action,
// queue and policy), DeliveryAsk what a bus delivery asks, AccessDenied is
// the refusal; Actions is the action table.
//
// The poller path (PollerAttributes, PollerReceive, PollerDelete,
// PollerNotify) serves Lambda's SQS event source mappings through the root
// package's adapter. It addresses queues by ARN, as AWS's pollers do; a
// registration for an ARN outlives its queue and serves a queue created
// later with the same name. Its calls are the cloud's own: they are not in
// Calls and injected faults neither fail them nor are consumed by them, so
// that a fault a test injects reaches the test's own client (to fail a
// mapping's batches, fail its function).
//
// # Determinism
//
// With awsfake.WithSeed, each queue draws its message ids, receipt handles
// and AWS-like delivery choices from a stream of its own, derived from the
// seed, the queue's ARN and its place in the cloud's sequence of queue
// creations (one counter, not a record of every name ever used): deliveries that reach several queues at once (SNS fan-out, S3
// notifications, several pollers) give each queue the same ids on every
// run, and a queue created again with a deleted one's name does not replay
// its ids. FIFO sequence numbers are counted per queue.
//
// # Accounts and regions
//
// Queues are per account and region, as in AWS: the same name in two
// regions or two accounts is two queues, each with its own ARN
// (arn:<partition>:sqs:<region>:<account>:<name>, partition aws, aws-cn
// for cn-*, aws-us-gov for us-gov-*), messages, tags and 60 s
// QueueDeletedRecently window. Any syntactically valid region name is
// accepted (as LocalStack does). A call through the wire acts in the
// region of its SigV4 credential scope and the account of its credentials;
// a Go API call in the scope of its ctx (faults.WithScope), the cloud's
// region and account when it carries none. A partition is created with
// its first queue; a test that uses one region pays a string comparison.
//
// Queue URLs have one endpoint, the cloud's, and carry what finds the
// queue again:
//
//   - in the cloud's region, <endpoint>/<account>/<name>, as before;
//   - in another region, <endpoint>/queue/<region>/<account>/<name>
//     (LocalStack's "path" endpoint strategy), so that the URL alone leads
//     back to its queue from any client, the Go API and the Check helpers.
//
// A QueueUrl is resolved thus: one without a '/' is a queue's name, in the
// caller's account and region, as AWS takes it for every operation with a
// QueueUrl (LocalStack's AWS-validated test_posting_to_queue_via_queue_name
// sends with one); otherwise the account and the name are the last two
// segments of its path; the region is the one after /queue/ in the path,
// else the one its host names where AWS puts it
// (https://sqs.eu-west-1.amazonaws.com/<account>/<name>,
// sqs.eu-west-1.localhost.localstack.cloud), else the caller's. As
// LocalStack does, any host is accepted. GetQueueUrl and ListQueues answer
// in the caller's region (QueueOwnerAWSAccountId picks another account).
//
// Lookups by ARN use the ARN's own account and region: the bus endpoint
// (an SNS topic of us-east-1 delivers to a queue of another account in
// eu-west-1), dead-letter targets, message move tasks and the poller path
// of Lambda's event source mappings (Poller*, notifiers keyed by queue
// ARN).
//
// # Where the fake differs from AWS
//
//   - Queue URLs are on the cloud's endpoint (see Accounts and regions),
//     and a QueueUrl with any host names the queue of that account and
//     name, in the region the URL names or else the caller's.
//   - A dead-letter queue must be of the source's account and region, as
//     in AWS; one elsewhere is "Dead letter target does not exist.".
//     Cross-account access is authorised only with
//     awsfake.WithIAMEnforcement (see IAM enforcement).
//   - The Approximate* counters are exact, and a receive returns every
//     receivable message up to MaxNumberOfMessages (AWS samples its servers
//     and may return fewer). Standard queues deliver once each, oldest first,
//     unless AWS-like delivery is on.
//   - DeleteQueue and PurgeQueue take effect at once (AWS: up to 60 s); the
//     60 s before a deleted name can be reused and between purges are
//     enforced on the clock, as AWS documents.
//   - Deleting with an older receipt handle of a standard message deletes
//     it (AWS: "the request will succeed, but the message might not be
//     deleted"; with AWS-like delivery it may be kept).
//   - The 12-hour ceiling of ChangeMessageVisibility counts from the receive
//     that put the message in flight.
//   - On a FIFO queue, ChangeMessageVisibility with a handle whose receive is
//     no longer in flight (its timeout ended, or a later receive replaced it)
//     answers that the handle has expired, as AWS answers DeleteMessage
//     (recorded: test_fifo_delete_after_visibility_timeout); AWS's answer to
//     the change itself is not recorded.
//   - The in-flight quota is 120,000 messages for both queue types, as the
//     current SDK documentation states (older documentation said 20,000 for
//     FIFO). A standard queue's short poll past it gets OverLimit; a long
//     poll or a FIFO queue gets nothing, with no error.
//   - KMS settings are stored and reported, not enforced; queue policies
//     only with awsfake.WithIAMEnforcement.
//     SenderId is the sender's: an assumed role's AROA...:session id, the
//     caller's account for any other key (the fake has no IAM users yet),
//     the queue owner's for a delivery through the bus (SNS, S3, EventBridge
//     send as their service principals on AWS). Throughput quotas are not enforced
//     (FifoThroughputLimit is validated and reported).
//   - A message move task moves its first batch when it starts: everything
//     without MaxNumberOfMessagesPerSecond, else that many now and again
//     every second. Moved messages keep their MessageId and restart their
//     retention and receive count. Cancelling is immediate (CANCELLED).
//   - Error codes and HTTP statuses follow the SQS model; messages follow
//     AWS's wording where it is known.
package sqs
