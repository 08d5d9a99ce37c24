// Package sns fakes Amazon Simple Notification Service: topics,
// subscriptions and the fan-out of published messages to SQS queues, Lambda
// functions, HTTP/S endpoints, email addresses, phone numbers and mobile
// devices, over the awsQuery protocol every SNS client speaks.
//
// # Quick start
//
//	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
//	client := sns.NewFromConfig(cloud.AWSConfig()) // aws-sdk-go-v2/service/sns
//	topic, _ := client.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("orders")})
//	client.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
//		Endpoint: aws.String(queueArn), Attributes: map[string]string{"RawMessageDelivery": "true"}})
//	client.Publish(ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("hello")})
//	cloud.Settle(ctx) // the message is in the queue
//
// The same operations are methods of Service (cloud.SNS()), which also
// offers what tests inspect: Deliveries (what each subscription was sent,
// and how far each delivery got), Outbox (the emails, SMS messages and
// mobile pushes SNS would have sent), Calls (every call of every
// operation), InjectFault (the next calls of an operation fail with an AWS
// error code, with AWS's status and fault side), InjectLatency (the next
// calls wait on the cloud's clock), ClearFaults and OptOutPhoneNumber.
//
// # Assertions
//
// Beside awsfake.CheckCode(t, err, code), Service has Check helpers for what
// tests assert most, each failing the test with what it found instead:
//
//	cloud.Settle(ctx)
//	svc := cloud.SNS()
//	svc.CheckDelivered(t, subscriptionArn, "order 1")              // the subscriber got it
//	svc.CheckDeliveryStatus(t, httpSubscriptionArn, sns.DeliveryPending) // its retry waits
//	svc.CheckOutbox(t, "+15550100", "code 1234")                    // an SMS, email or push
//
// # Regions and accounts
//
// Any syntactically valid region name is accepted (as LocalStack does).
// State is partitioned as AWS partitions it, by account and region: a
// request signed for eu-west-1 with the key of account 111111111111 (see
// cloud.AWSConfigFor) creates and lists that account's topics,
// subscriptions, platform applications and SMS settings in eu-west-1, with
// ARNs of the region's partition (arn:aws-cn:sns:cn-north-1:... for a
// China region). A call of the Go API runs in the scope its ctx carries,
// the cloud's default region and account without one.
//
// Everything addressed by ARN (TopicArn, SubscriptionArn, TargetArn,
// PlatformApplicationArn, EndpointArn, ResourceArn, and the Check helpers
// and Deliveries) is found in the ARN's own account and region: a topic of
// another account of the caller's region is reached by its ARN; a TopicArn
// of another region is InvalidParameter, as from AWS, since a topic is
// reached through its own region's endpoint. A subscription belongs to the
// account that made it (its Owner, listed by its ListSubscriptions) in the
// topic's region. Fan-out posts to the endpoint ARN as given, so that a
// topic in us-east-1 delivers to a queue or function of another region and
// account; a publish from another service over the bus runs in the topic's
// own account and region. SubscribeURL and UnsubscribeURL find their
// subscription whatever its region. OptOutPhoneNumber opts out in the
// cloud's default account and region, OptOutPhoneNumberIn in another.
//
// # What is implemented
//
// Every operation of the SNS API (aws-sdk-go-v2 sns v1.47.9, 42 operations)
// answers as AWS does:
//
//   - topics, standard and FIFO, with their attributes (DeliveryPolicy,
//     SignatureVersion, MaximumMessageSize, ContentBasedDeduplication,
//     FifoThroughputScope, ...), access policy (AddPermission,
//     RemovePermission), tags and data protection policy;
//   - subscriptions for sqs, lambda, http, https, email, email-json, sms,
//     application and firehose, with FilterPolicy and FilterPolicyScope,
//     RawMessageDelivery, RedrivePolicy and DeliveryPolicy; HTTP/S and email
//     subscriptions stay pending until ConfirmSubscription with the token
//     sent to the endpoint (or a GET of the SubscribeURL); tokens expire
//     after three days;
//   - Publish and PublishBatch, with Subject, MessageAttributes,
//     MessageStructure json, size limits, MessageGroupId and
//     MessageDeduplicationId; FIFO topics deduplicate for five minutes on
//     the clock and deliver in order;
//   - filter policies on attributes and on the body: exact strings and
//     numbers, anything-but, prefix, suffix, equals-ignore-case, numeric
//     ranges, exists, cidr, $or and nested keys, with AWS's validation
//     errors and limits (5 keys, 150 combinations, 200 policies per topic);
//     numbers compare to five decimal places within -10^9..10^9, as AWS
//     documents ("with five digits of accuracy after the decimal point"):
//     100.123456789 matches 100.1234567;
//   - boolean attributes (FifoTopic, ContentBasedDeduplication,
//     RawMessageDelivery, an endpoint's Enabled) read true or false in any
//     case, as AWS reads them ("True" from boto3's str(True)), and stored
//     as "true" or "false";
//   - the notification envelope as AWS formats it, signed (SignatureVersion
//     1: SHA1withRSA, 2: SHA256withRSA) with a key whose certificate is
//     served at SigningCertURL
//     (<cloud URL>/_awsfake/sns/SimpleNotificationService-<hash>.pem); the
//     SNSEvent for Lambda; raw delivery;
//   - delivery to SQS and Lambda through the cloud's bus (as
//     sns.amazonaws.com, with the topic as Source); to HTTP/S endpoints by
//     real POSTs with AWS's headers, retried per the delivery policy on the
//     clock; to a subscription's dead-letter queue when undeliverable;
//   - the bus endpoint for "sns" ARNs, through which S3 notifications, alarm
//     actions and Lambda destinations publish to topics;
//   - platform applications and endpoints, SMS attributes, opt-outs and the
//     SMS sandbox's numbers, as stored state, with pushes and texts in the
//     outbox;
//   - AWS/SNS standard metrics by TopicName in CloudWatch (metrics.go):
//     NumberOfMessagesPublished, PublishSize, NumberOfNotificationsDelivered
//     and Failed (once the target answered), FilteredOut and
//     FilteredOut-NoMessageAttributes, RedrivenToDlq and
//     FailedToRedriveToDlq. The SMS metrics (SMSSuccessRate, spend) and
//     FilteredOut-InvalidAttributes are not written.
//   - X-Ray (trace.go): the X-Amzn-Trace-Id of a Publish (or the trace a
//     bus publish carries) is passed to the SQS and Lambda subscriptions,
//     as TracingConfig PassThrough does; the topic writes no segment of
//     its own (Active is stored, not acted on), and PublishBatch and HTTP/S
//     deliveries pass no header.
//
// # Where the fake differs from AWS
//
//   - Nothing leaves the process except HTTP/S deliveries: email, SMS and
//     mobile pushes go to the outbox (an email's body is the message alone,
//     without AWS's unsubscribe footer); firehose deliveries are posted on
//     the bus, where nothing owns them (see cloud.DeliveryFailures).
//   - What tests inspect is bounded, so that a long-running server does not
//     grow without bound: Calls, Outbox and each subscription's Deliveries
//     keep their newest entries, at most 10,000 (record.Keep); Outbox and
//     Deliveries, which hold bodies, also stay within the cloud's record
//     byte budget (awsfake.WithRecordBytes, 64 MiB by default), forgetting
//     their own oldest entries past it, never the newest; a subscription's
//     deliveries are dropped when it is deleted (by Unsubscribe or with its
//     topic); a delivery still in flight then completes unrecorded.
//   - The signing key is a fixed RSA-1024 test key published with this
//     source (signingkey.go), of no value, and its certificate is
//     self-signed: signatures verify against SigningCertURL's certificate,
//     not against AWS's certificate chain. Being fixed, and PKCS #1 v1.5
//     signatures being deterministic, a scenario seeded with WithSeed on a
//     fake clock sends byte-identical signed messages on every run. AWS's
//     key is RSA-2048; the fake's is 1,024 bits, the smallest crypto/x509
//     accepts, because a signature is most of a fan-out's cost and 1,024
//     bits sign in a third of the time. One signature per published
//     message and text, shared by its subscribers (raw and FIFO deliveries
//     are not signed); the certificate itself is signed SHA256withRSA.
//   - cloud.Settle waits for HTTP/S deliveries in flight, and the 15 s an
//     endpoint has to answer runs on the cloud's clock: with a fake clock
//     and an endpoint that does not answer, Settle returns only once the
//     test advances the clock past the timeout (or its own context ends).
//     A retry parked on the clock does not hold Settle.
//   - Delivery retries: HTTP/S deliveries follow the delivery policy without
//     jitter, and AWS's unpublished backoff curves are approximated
//     (engine_deliverypolicy.go); the throttle policy is stored, not enforced.
//     Deliveries to SQS and Lambda are not retried: a refused one is a bus
//     failure, or goes to the dead-letter queue. A subscription with a
//     RedrivePolicy has its deliveries relayed through this service's own
//     bus endpoint so that it learns their outcome.
//   - Policies are stored and reported, not evaluated: any caller may do
//     anything. AuthenticateOnUnsubscribe is recorded, not enforced, and an
//     unauthenticated Unsubscribe sends no UnsubscribeConfirmation.
//   - Cross-account subscriptions need no confirmation, and the topic's
//     policy is not consulted.
//   - The signing certificate names the cloud's default region, whichever
//     region's topic signed the message.
//   - FIFO topics accept SQS subscriptions only, FIFO or standard queues,
//     as AWS does today (a standard queue gets the FIFO envelope, with its
//     SequenceNumber, and neither MessageGroupId nor
//     MessageDeduplicationId); message archiving and replay policies are
//     stored, not acted on.
//   - Filter policies keep a number to its fifth decimal place rounded
//     down (AWS documents the five digits, not the rounding); a policy's
//     number outside -10^9..10^9 is refused with the wording of AWS's rule
//     engine ("Value must be between -1.0E9 and 1.0E9, inclusive"), and a
//     message's matches no numeric rule.
//   - The account is out of the SMS sandbox; it has no origination numbers.
//   - A Subject set to the empty string is taken as absent (AWS rejects it).
//   - Deleting a topic deletes its subscriptions at once (AWS keeps them for
//     a while).
//   - Where AWS's error messages are not documented, the fake's follow the
//     form of those that are ("Invalid parameter: <name> Reason: <why>").
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised before the
// service serves it, by the action table (Actions, in wire_authz.go;
// PublishBatch is sns:Publish; the subscription, platform and SMS operations
// act on "*") against the caller's policies and the topic policy (AWS's
// default one when none is set); S3's notifications to a topic are checked
// against the topic policy for s3.amazonaws.com; a refusal is
// AuthorizationError (403) with AWS's message ("User: arn:... is not
// authorized to perform: ACTION on resource: ARN because no identity-based
// policy allows the ACTION action"). Off by default: nothing is authorised.
//
// # Plumbing for the root package
//
// IAM enforcement (awsfake.WithIAMEnforcement) calls Actions, Authorization, DeliveryAsk and AccessDenied.
//
// What only the awsfake package calls, to build and wire the service of a
// cloud: New(env), Describe (the service's name, signing name, ARN
// service, handler, bus endpoint and closer), ServeHTTP (the handler the
// cloud routes SNS's requests to) and Close (called by cloud.Close). Tests
// use the cloud's accessor, cloud.SNS(), instead.
package sns
