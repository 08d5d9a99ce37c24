// Package eventbridge is the fake of Amazon EventBridge (once CloudWatch
// Events; AWS JSON 1.1, X-Amz-Target AWSEvents.<Op>, signing name events)
// and of EventBridge Scheduler (restJson1, signing name scheduler), served
// on one handler, for the real eventbridge and scheduler clients of
// aws-sdk-go-v2, and cloud.EventBridge() for the Go API.
//
// # Quick start
//
//	clk := clock.NewFake(start)
//	cloud := awsfake.New(awsfake.WithClock(clk))
//	eb := eventbridge.NewFromConfig(cloud.AWSConfig())   // the SDK's client
//	eb.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("noon"),
//		ScheduleExpression: aws.String("cron(0 12 ? * MON-FRI *)")})
//	eb.PutTargets(ctx, ...)                              // an SQS queue, a function, a topic, a bus
//	clk.Advance(7 * 24 * time.Hour)                      // five firings
//	cloud.Settle(ctx)
//
// # What is implemented
//
//   - Event buses: default and custom (CreateEventBus, DeleteEventBus,
//     DescribeEventBus, ListEventBuses, UpdateEventBus), their resource
//     policies (PutPermission, RemovePermission: stored and described),
//     tags; per account and region.
//   - Rules (PutRule, DescribeRule, DeleteRule, EnableRule, DisableRule,
//     ListRules, ListRuleNamesByTarget) with event patterns in the full
//     language of internal/pattern (exact, prefix, suffix, equals-ignore-
//     case, wildcard, anything-but with values, prefix, suffix, wildcard and
//     equals-ignore-case, numeric, exists, cidr, $or, arrays, dotted
//     paths), checked against AWS's documented examples; TestEventPattern
//     with the same engine. Rules whose pattern names exact sources are
//     indexed by source, so an event is matched against the rules that may
//     match it and those the index cannot serve.
//   - PutEvents: at most 10 entries under 1 MB in all (sizes as "Calculating
//     PutEvents event entry size" counts them), per-entry errors
//     (InvalidArgument, MalformedDetail), AWS's envelope in AWS's member
//     order.
//   - Targets (PutTargets, RemoveTargets, ListTargetsByRule; five per
//     rule): any ARN a service of the cloud owns, through the bus with
//     principal events.amazonaws.com: SQS (FIFO with
//     SqsParameters.MessageGroupId, the event id as deduplication id), SNS,
//     Lambda (asynchronous invocation; Lambda checks the function's
//     resource policy for events.amazonaws.com), another event bus (any
//     account and region; the event is forwarded as it is), Step
//     Functions, and CloudWatch Logs log groups (the payload written as one
//     log event, timestamped at the delivery, in a stream named for the
//     event's id; targetkinds.go).
//     Input, InputPath, InputTransformer (InputPathsMap, JSON and string
//     InputTemplates, <aws.events.rule-arn>, <aws.events.rule-name>,
//     <aws.events.event>, <aws.events.event.json>,
//     <aws.events.event.ingestion-time>).
//   - RetryPolicy (defaults 185 attempts, 86,400 s) on the cloud scheduler
//     and DeadLetterConfig to SQS with RULE_ARN, TARGET_ARN, ERROR_CODE and
//     ERROR_MESSAGE attributes.
//   - Scheduled rules on the default bus: rate(n unit) counted from the
//     PutRule that set it, and AWS's six-field cron in UTC (?, L, L-n, W,
//     LW, nL, n#k, ranges, lists, steps, names, years; day-of-week
//     1 = Sunday), sending AWS's "Scheduled Event" from aws.events with the
//     rule's ARN in resources and the due instant as its time.
//   - Archives (CreateArchive, DescribeArchive, ListArchives,
//     DeleteArchive; RetentionDays applied when an archive is read) and
//     replays (StartReplay, DescribeReplay, ListReplays, CancelReplay): a
//     replay runs at the next firing of the cloud scheduler, sending the
//     archived events of its range in order to the bus's rules (or those of
//     FilterArns) with "replay-name" added; replayed events are not archived
//     again.
//   - S3 events: a bucket whose notification configuration turns
//     EventBridge on sends Object Created, Object Deleted, Object Restore,
//     Object Tags and Object ACL events to its account's default bus.
//   - Scheduler: schedule groups (default and custom, tags), schedules
//     (CreateSchedule, GetSchedule, UpdateSchedule, DeleteSchedule,
//     ListSchedules) with at(), rate() and cron() read in
//     ScheduleExpressionTimezone (IANA zones, time/tzdata embedded),
//     StartDate and EndDate, State, FlexibleTimeWindow (the offset drawn
//     from the cloud's seeded ids), ActionAfterCompletion DELETE, templated
//     targets (SQS, SNS, Lambda, Step Functions, EventBridge with
//     EventBridgeParameters) with the context attributes
//     <aws.scheduler.schedule-arn>, <aws.scheduler.scheduled-time>,
//     <aws.scheduler.execution-id>, <aws.scheduler.attempt-number>, and
//     the same retries and dead-letter queue.
//
// All time runs on the cloud scheduler: one job per armed rule or schedule
// at its next due instant, re-armed when it fires; nothing runs between.
//
// X-Ray (trace.go): an event carries its entry's TraceHeader, else the
// X-Amzn-Trace-Id of its PutEvents request, to its rules' targets, whose
// deliveries continue the trace (Lambda) or keep it (SQS's
// AWSTraceHeader); EventBridge writes no segment of its own, and events
// a bus receives from another bus or a schedule carry none.
//
// # Where it differs from AWS
//
//   - Retries: AWS backs off exponentially with jitter and documents no
//     schedule; the fake waits 2^n seconds before retry n, at most five
//     minutes, within the policy's attempts and event age. Failures AWS
//     does not retry (the resource does not exist, access denied, invalid
//     parameters) go straight to the dead-letter queue, as "Event retry
//     policy and using dead-letter queues" says. A retry runs in the
//     scheduler's callback (a bus Invoke), so that one Advance sees every
//     retry it covers.
//   - Wildcard complexity: AWS refuses wildcard patterns its matcher finds
//     too complex by a measure it does not document; the fake refuses more
//     than five '*' in one pattern (AWS refuses "*:*:*:*:*:event-bus/*").
//   - Daylight saving: a cron wall time a zone skips is skipped, one it
//     repeats fires once, at its first occurrence (Scheduler User Guide);
//     a one-time at() on a skipped wall time runs at the instant Go's
//     time.Date gives it (an hour later on the wall clock).
//   - Scheduler's rate() first fires one period after StartDate (or the
//     creation), as rules' rates do.
//   - Bus policies, the target's RoleArn and the schedule's role are stored,
//     not used for deliveries (iam:PassRole of the roles is checked with
//     awsfake.WithIAMEnforcement); a PutEvents from another account is not checked against
//     the bus's policy.
//   - Universal targets (arn:aws:scheduler:::aws-sdk:<service>:<action>)
//     are delivered for sqs:sendMessage, sns:publish, lambda:invoke and
//     sfn:startExecution, reading the request members those actions need
//     (targetkinds.go); any other action, or a request naming no
//     resource, fails with ValidationException, not retried (AWS fails an
//     invalid request without retries), to the dead-letter queue.
//   - A log group target that does not exist is created, as Logs' bus
//     endpoint creates groups for every writer; AWS's target needs the
//     group and a resource policy for events.amazonaws.com.
//   - A replay sends all its events at once, at the scheduler's next
//     firing; AWS paces them and is RUNNING meanwhile. Archives are not
//     charged to the cloud's record budget.
//   - DeleteScheduleGroup deletes the schedules at once (AWS's group is
//     DELETING for a while).
//
// # Operations answered for features not modelled
//
// API destinations and connections, global endpoints, partner event
// sources and UpdateArchive (wire_unsupported.go): List* answer an empty
// list, Describe*, Delete*, DeauthorizeConnection, ActivateEventSource and
// DeactivateEventSource ResourceNotFoundException, and Create*, Update* and
// PutPartnerEvents ValidationException
// naming the operation. They record no call and take no injected fault.
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised by the
// action tables in wire_authz.go (Actions: events:<Operation> on the bus,
// rule, archive, replay, connection, API destination, endpoint or event
// source it names, PutEvents once per bus with events:source and
// events:detail-type, PutTargets asking iam:PassRole of each target role;
// SchedulerActions: scheduler:<Operation> on schedule/<group>/<name> or the
// group, CreateSchedule and UpdateSchedule asking iam:PassRole of the
// target role). A refusal is AccessDeniedException: 400 for EventBridge,
// 403 for Scheduler. Bus policies are not read into the decision.
// The resource an action is asked on lends its tags as
// aws:ResourceTag/<key>.
//
// # Plumbing for the root package
//
// New and Describe (one handler for the signing names events and scheduler,
// the bus endpoint for events ARNs: a bus as a target, and the relay through
// which deliveries learn their outcome), Close.
package eventbridge
