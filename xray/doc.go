// Package xray is an in-process fake of AWS X-Ray for the real
// aws-sdk-go-v2 xray client (restJson1, signing name xray): segment
// documents assembled into traces, trace summaries selected by the filter
// expression language, service and trace graphs, groups, sampling rules
// and targets, and the X-Ray daemon's UDP protocol.
//
// # Quick start
//
//	cloud := awsfake.NewT(t, awsfake.WithClock(clock.NewFake(t0)))
//	client := xray.NewFromConfig(cloud.AWSConfig()) // the SDK's xray package
//	client.PutTraceSegments(ctx, &xray.PutTraceSegmentsInput{TraceSegmentDocuments: docs})
//	client.GetTraceSummaries(ctx, &xray.GetTraceSummariesInput{
//		StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour)),
//		FilterExpression: aws.String(`service("api") { fault } AND http.method = "POST"`)})
//	cloud.XRay().CheckSelects(t, "fault", traceID)
//
// A test's own tracer may send its segments to a UDP daemon
// (cloud.XRay().StartDaemon("127.0.0.1:0") returns the address for
// AWS_XRAY_DAEMON_ADDRESS), draw ids from NewTraceID and NewSegmentID (the
// cloud clock's seconds and the cloud's seeded generator), and decide
// what to trace with Sample, the centralized sampling an X-Ray SDK does.
//
// # What is implemented
//
//   - PutTraceSegments: each document a segment, an independent subsegment
//     (type "subsegment", parent_id) or an array of them, validated against
//     the segment document schema: id (16 hex digits), trace_id
//     (1-<8 hex>-<24 hex>; the time part is not checked, as AWS does not),
//     name (at most 200 characters of letters, digits, whitespace and
//     _ . : / % & # = + \ - @), start_time, end_time or in_progress,
//     parent_id, the error, fault and throttle booleans, http, annotations
//     (keys of letters, digits and _; values strings, numbers or booleans),
//     nested subsegments, and the 64 kB segment size limit. A bad document
//     is unprocessed with its id, a code and a message; the rest are
//     stored. A complete segment overwrites the in-progress one with its id.
//     Everything else in a document (metadata, aws, sql, cause, links,
//     origin) is kept as sent. PutTelemetryRecords is counted.
//   - BatchGetTraces returns each segment's document with the subsegments
//     sent apart merged under their parent (parent_id, trace_id and type
//     dropped), and those whose parent never came as segments of their own;
//     a trace over 500 KB has LimitExceeded. An in-progress segment does not
//     overwrite the complete one with its id.
//   - GetTraceSummaries over a window of at most 24 hours, newest first,
//     100 a page, TimeRangeType TraceId (the trace id's time; the default),
//     Event or Service (the trace's latest segment time), Sampling and
//     SamplingStrategy FixedRate (a stable share of the matches). Its cost
//     follows the window, not the store (sorted time indexes).
//   - The filter expression language: duration, responsetime, ok, error,
//     fault, throttle, partial, http.status, http.url, http.method,
//     http.useragent, http.clientip, user, id, annotation.key and
//     annotation[key], group.name and group.arn (the group's expression),
//     service("name") and service(id(name: "x", type: "y")) with an optional
//     { body } read per request of the service, edge(a, b) likewise,
//     rootcause.{fault,error,responsetime}.service.{name,type,inferred} and
//     .entity.{name,remote,exception.name,exception.message}, and a keyword
//     prefix block (rootcause.fault.service { name = "x" }); operators
//     = != < <= > >= BEGINSWITH ENDSWITH CONTAINS, AND OR NOT ! and
//     parentheses. A boolean keyword alone is keyword = true. An
//     expression X-Ray cannot read is InvalidRequestException.
//   - GetServiceGraph (of a group, when named) and GetTraceGraph: a node per
//     service name and type (a segment's name and origin; a call to a
//     service that sent no segment is inferred from the subsegment:
//     namespace aws gives AWS::<name>, remote gives remote), edges from a
//     segment to the segments whose parent is in it and to inferred nodes,
//     with ok, error, throttle and fault counts, total response time and a
//     response time histogram (millisecond buckets). A segment's links
//     (a Lambda consumer's, to the producers' SQS calls) draw an edge from
//     the linked entity's node in the other trace to the segment's
//     service, as the trace map's dashed SQS -> Lambda edge
//     (trace_links.go).
//     GetTimeSeriesServiceStatistics buckets the same counts per Period for
//     the services or edges an entity selector names.
//   - Groups (filter expressions parsed on write, insights configuration,
//     tags) and the Default group every account has (every trace; listed by
//     GetGroups, not created, changed or deleted); sampling rules with the Default rule every account has
//     (priority 10000, reservoir 1 a second, fixed rate 5%; it cannot be
//     deleted and takes only FixedRate and ReservoirSize); GetSamplingTargets
//     (the reservoir split between the clients that reported within the
//     10 s interval, ReservoirQuotaTTL one interval on, Interval 10) and
//     GetSamplingStatisticSummaries; encryption configuration; tags on
//     groups and rules; resource policies with revisions and their limits.
//   - Traces expire Retention (30 days) after their first segment came, on
//     the cloud's clock, checked when state is read.
//   - State per account and region.
//
// # Where it differs from AWS
//
//   - UnprocessedTraceSegment codes: AWS documents the member but not its
//     values. The fake names the schema rule broken: InvalidJson,
//     SegmentTooLarge, MissingRequiredField, InvalidTraceId, InvalidId,
//     InvalidParentId, InvalidName, InvalidTimestamp, InvalidField,
//     InvalidAnnotation. Times must be under 1e11 epoch seconds.
//   - Messages of InvalidRequestException are the fake's own wording; the
//     codes and statuses are the model's.
//   - Summaries are computed when read, not when segments come, so a trace
//     is found at once (AWS indexes it within seconds). Root causes are the
//     deepest flagged entities of each segment (a call whose called service
//     sent a flagged segment of its own defers to it); the response time
//     root cause follows the slowest subsegment from the root segment. A
//     keyword prefix block is read as its keywords under the prefix, each
//     tested on its own.
//   - The page sizes (100 summaries, 100 groups and rules) and the sampled
//     share when Sampling is true (10%) are the fake's: AWS documents none.
//   - The graph has no client node; a segment without origin is a node with
//     an empty type.
//   - PutEncryptionConfig is ACTIVE at once (AWS: UPDATING for a while).
//     GetSamplingStatisticSummaries reports the totals since the rule was
//     created, not per 10 s window.
//   - The service quota of segments a second is not modelled; a call takes
//     at most MaxSegmentsPerCall documents.
//
// # Not modelled
//
// Answered as for an account without the feature (wire_unsupported.go):
// X-Ray Insights (GetInsightSummaries is empty; GetInsight,
// GetInsightEvents and GetInsightImpactGraph are InvalidRequestException);
// Transaction Search (GetTraceSegmentDestination is XRay, ACTIVE;
// UpdateTraceSegmentDestination accepts XRay only; GetIndexingRules,
// UpdateIndexingRule, StartTraceRetrieval, ListRetrievedTraces,
// GetRetrievedTracesGraph and CancelTraceRetrieval are
// InvalidRequestException). SamplingBoostStatisticsDocuments are ignored.
// The standalone server serves the UDP daemon only with -xray-daemon.
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised by the
// action table in wire_authz.go (Actions: xray:<Operation>, on the group's
// ARN for a group named by name or ARN, CreateGroup on group/<name>/* as
// its id is not drawn yet, on sampling-rule/<name> for a rule, else "*");
// a refusal is AccessDeniedException (403).
// The resource an action is asked on lends its tags as
// aws:ResourceTag/<key>.
//
// # Plumbing for the root package
//
// New and Describe, which the cloud calls to build and wire the service;
// Close, which stops the UDP daemons; the bus endpoint: a delivery to
// SegmentsARN(scope) stores its document in that account and region, and
// one to the sampling resource (xtrace.Sample) answers the decision of
// that account's sampling rules (trace_bus.go). The cloud's services hand
// their segments over through env.Traces (an xtrace.Sink New installs), at
// O(1) cost per segment: X-Ray stores them, each at the instant it came,
// before every read of traces or once xtrace.FlushAt wait (trace_sink.go).
package xray
