// Package cloudwatch is an in-process fake of Amazon CloudWatch metrics and
// alarms, for the real aws-sdk-go-v2 cloudwatch client and the AWS CLIs.
//
// # Quick start
//
//	cloud := awsfake.New(awsfake.WithClock(clk))
//	cw := cloudwatch.NewFromConfig(cloud.AWSConfig()) // the SDK client
//	cw.PutMetricData(ctx, ...)                        // metrics
//	cw.PutMetricAlarm(ctx, ...)                       // an alarm, evaluated on clk
//	clk.Advance(time.Minute)                          // it evaluates at the minute boundary
//	cloud.CloudWatch().CheckAlarmState(t, "name", "ALARM")
//
// # What is implemented
//
// Three protocols on one handler: rpcv2Cbor (the Go SDK, gzipped bodies
// included; botocore 1.43 and the CLI v1 pick it too), AWS JSON 1.0
// (X-Amz-Target GraniteServiceVersion20100801.<Op>; doubles always carry a
// fraction, as botocore needs) and awsQuery (Version 2010-08-01: CLI 2.9,
// older SDKs). All three are query-compatible: errors carry the legacy
// code (InvalidParameterValue, MissingParameter, ValidationError, ...).
//
// Metrics: PutMetricData with Value, Values and Counts, StatisticValues,
// Unit, StorageResolution 1 or 60, Timestamp (two weeks back to two hours
// ahead), up to 30 dimensions, EntityMetricData, and AWS's validation
// messages; namespaces starting with AWS/ are reserved for the services.
// GetMetricStatistics (the five statistics; extended statistics p, tm, wm,
// tc, ts, pr and IQM in their short and TM(a%:b%) forms; Unit filter;
// Period rules by the data's age; start rounding; the 1,440 data point
// limit), GetMetricData with MetricStat queries (Label, ReturnData,
// ScanBy, MaxDatapoints pages) and metric math, and ListMetrics (filters,
// RecentlyActive PT3H, metrics without data for two weeks omitted, 500 a
// page).
//
// # Metric math
//
// Expression queries of GetMetricData and of alarms (math_*.go): numbers,
// query Ids, + - * / ^, comparisons (== != < <= > >=), AND/&&, OR/||, NOT,
// [arrays], and the functions SUM, AVG, MIN, MAX, STDDEV (of one series a
// scalar, of an array a series), METRICS() and METRICS("filter") (the
// MetricStat queries whose Id contains filter), ABS, CEIL, FLOOR, LOG,
// LOG10, RATE, DIFF, DIFF_TIME, RUNNING_SUM, FILL (a value, REPEAT,
// LINEAR), IF, FIRST, LAST, SORT, SLICE, PERIOD, DATAPOINT_COUNT,
// TIME_SERIES and SEARCH('{Namespace,Dim} MetricName="x" word', 'Stat',
// period) over the stored metrics, and Metrics Insights queries (SELECT
// AVG|COUNT|MAX|MIN|SUM(metric) FROM namespace | SCHEMA(namespace, dims)
// [WHERE dim = 'v' | dim != 'v' AND ...] [GROUP BY dims] [ORDER BY
// FUNC() ASC|DESC] [LIMIT n], at the query's Period) answered for the
// stored data, one series per group. Two series meet at the timestamps
// both have; a division by zero, NaN or infinity drops the point and the
// result carries AWS's ArithmeticError message. An array answers one
// result per series, under the query's Id, labelled with the series'
// label. An expression that does not parse or names no query is
// ValidationError "Error in expression <id>: ...".
//
// Metric math alarms (PutMetricAlarm Metrics with expressions, exactly one
// query returning data) evaluate the returned expression over their
// evaluation range as a single-metric alarm evaluates its statistic.
//
// # Composite alarms
//
// PutCompositeAlarm with AlarmRule (ALARM(), OK(), INSUFFICIENT_DATA() of
// alarms by name or ARN, quoted or not, AND, OR, NOT, TRUE, FALSE,
// parentheses; every alarm named must exist). A composite is evaluated
// when it is put and whenever an alarm it names changes state (cascading
// through composites of composites): ALARM when the rule is true, else
// OK. Its actions are those of metric alarms (SNS, Lambda). With
// ActionsSuppressor, its actions are held while the suppressor is in
// ALARM; a change to ALARM waits ActionsSuppressorWaitPeriod seconds for
// the suppressor (run at its end unless the suppressor went to ALARM);
// when the suppressor leaves ALARM, held actions run after
// ActionsSuppressorExtensionPeriod seconds; both timers are jobs on the
// cloud scheduler. DescribeAlarms lists composites with AlarmTypes
// CompositeAlarm (ActionsSuppressedBy shows the hold), history items are
// of AlarmType CompositeAlarm, SetAlarmState and DeleteAlarms take them.
//
// # Dashboards and widget images
//
// PutDashboard (name: 1–255 of A-Z a-z 0-9 - _, with the recorded
// message; body: a JSON object with a widgets array, each widget a type
// of metric, text, log, alarm, explorer or custom, properties, x/y/width/
// height on the 24-column grid, metric rows of strings with an options
// object last), GetDashboard, ListDashboards (prefix, 1,000 a page) and
// DeleteDashboards (all or none). Dashboards are global: per account.
// GetMetricWidgetImage renders a PNG with image/png of the standard
// library (no plotting library is among the module's dependencies):
// width × height (600 × 395 by default, at most 2,000), the metrics and
// expressions of the widget over start..end (ISO 8601 durations such as
// -PT3H, or timestamps) at its period and stat, lines or stacked areas
// in CloudWatch's palette, horizontal annotations, title, left axis with
// its label and 5 ticks, the time axis (HH:MM, UTC) and a legend, in a
// built-in 3×5 bitmap font.
//
// Storage is a time-sorted timeline per metric and unit: a read finds its
// window by binary search and costs what the window holds. AWS's
// retention applies on the clock: sub-minute data becomes minute data after
// 3 hours, 5-minute data after 15 days, hourly data after 63 days, and is
// dropped after 455 days (15 months).
//
// Alarms: PutMetricAlarm (Period 10, 20, 30 or a multiple of 60; Period ×
// EvaluationPeriods at most 7 days, 1 day below an hour; M of N with
// DatapointsToAlarm; every ComparisonOperator of a static threshold;
// percentile alarms and EvaluateLowSampleCountPercentile; a Metrics alarm
// of one MetricStat query), DescribeAlarms (metric alarms; filters;
// pages), DescribeAlarmsForMetric, DeleteAlarms, SetAlarmState,
// DescribeAlarmHistory (ConfigurationUpdate, StateUpdate and Action items,
// kept two weeks), Enable/DisableAlarmActions and tags.
//
// # The evaluation rule
//
// One job on the cloud scheduler evaluates every alarm at each minute
// boundary (each 10-second boundary while an alarm has a period under a
// minute); nothing is scheduled while there is no alarm. At instant T an
// alarm reads its evaluation range: the EvaluationPeriods + 2 most recent
// complete periods (aligned on the Unix epoch, the last ending at or
// before T). Then, as AWS's "Configuring how CloudWatch alarms treat
// missing data" says: with at least N real data points, the newest N
// decide and TreatMissingData is not used; with none, missing gives
// INSUFFICIENT_DATA, ignore keeps the state, breaching ALARM and
// notBreaching OK; with some, breaching and notBreaching fill the missing
// ones up to N, missing decides on the real points alone (ALARM when at
// least min(M, real) breach), and ignore does the same but keeps the state
// when too few breaching points would decide. The two tables of that page
// are the decide test. A state change records StateReason and
// StateReasonData in AWS's wording and runs the actions of the new state
// when actions are enabled: SNS topics get the notification AWS sends
// (Subject `ALARM: "<name>" in <region long name>`), Lambda functions the
// alarm event, under the principal lambda.alarms.cloudwatch.amazonaws.com
// their resource policy must allow; other actions (EC2, Auto Scaling,
// Systems Manager) are stored and not run.
//
// # Standard metrics
//
// SQS publishes AWS/SQS by QueueName (NumberOfMessagesSent, Received,
// Deleted, NumberOfEmptyReceives, SentMessageSize, and the
// ApproximateNumberOfMessagesVisible / NotVisible / Delayed and
// ApproximateAgeOfOldestMessage gauges sampled whenever the queue is used);
// Lambda publishes AWS/Lambda by FunctionName, and by FunctionName and
// Resource for a qualified invocation (Invocations, Errors, Duration,
// Throttles, ConcurrentExecutions, and the Async* metrics); S3 publishes
// AWS/S3 request metrics by BucketName and FilterId for buckets with a
// metrics configuration; HTTP APIs publish AWS/ApiGateway by ApiId and
// ApiId and Stage (Count, 4xx, 5xx, Latency, IntegrationLatency,
// DataProcessed); SNS publishes AWS/SNS by TopicName (published, publish
// size, delivered, failed, filtered out); Step Functions publishes
// AWS/States by StateMachineArn (executions started, each close,
// ExecutionTime). They go through the cloud's
// internal/metrics recorder: a counter per metric and minute, drained when
// CloudWatch next reads or evaluates.
//
// # Where it differs from AWS
//
//   - The evaluation range is N + 2 periods, the range AWS's tables use
//     (AWS says only that it reads more than N).
//   - Percentiles are nearest-rank over every value sent (AWS
//     approximates); a percentile alarm's period has too few samples below
//     1/(1 − p) of them.
//   - Standard metrics are one-minute data with no visibility delay; gauges
//     are reported for the minutes a queue is used, not every minute.
//   - Anomaly detection alarms (ThresholdMetricId) answer
//     InvalidParameterValue.
//   - Metric math: a scalar result is returned at every period of the
//     window; an expression's default label is its Id (an array's series
//     keep theirs); STDDEV is the population deviation; FILL REPEAT fills
//     the periods before the first point with it, LINEAR fills only
//     between points; SEARCH terms are ANDed (no OR, no parentheses) and
//     a bare word matches part of a name, namespace or dimension
//     case-insensitively; Metrics Insights takes the clauses above only
//     (no OR, no arithmetic in SELECT); labels expand ${PROP('...')}
//     (MetricName, Namespace, Stat, Period, Dim.<name>) of a metric's own
//     series only, ${LABEL}, and ${AVG} ${MIN} ${MAX} ${SUM} ${FIRST}
//     ${LAST} ${DATAPOINT_COUNT}; the LabelOptions time zone and
//     cross-account queries are not modelled (an unknown function is
//     ValidationError).
//   - A dashboard body refused is DashboardInvalidInputError whose message
//     lists the validation messages as AWS's does; the
//     DashboardValidationMessages member of the error is not filled, and
//     PutDashboard answers no warnings. Widget images in server mode by
//     URL are not served.
//   - A composite alarm's StateReason is "<child ARN> transitioned to
//     <state> at <time>" (or "Composite alarm rule evaluated to TRUE/
//     FALSE" when it is put); its SNS notification carries AlarmRule and
//     no Trigger; suppression holds every action, not only ALARM actions.
//     DescribeAlarms with both alarm types lists every matching composite
//     on the first page.
//
// # Operations answered for a feature not modelled
//
// Log alarms, anomaly detectors, insight rules, metric streams, alarm mute
// rules, metric data query definitions, datasets, OTel enrichment and
// resource metrics configurations (wire_unsupported.go): lists are empty,
// a named one is not found (ResourceNotFoundException), and one that
// would create or change something is InvalidParameterValue naming the
// operation.
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request (CBOR, JSON or Query) is
// authorised by the action table in wire_authz.go (Actions:
// cloudwatch:<Operation> on each alarm, dashboard, insight rule or metric
// stream it names, else "*"; PutMetricData with cloudwatch:namespace;
// PutMetricStream's role asks iam:PassRole); a refusal is AccessDenied
// (403).
//
// # Plumbing for the root package
//
// New (which installs the cloud's metrics recorder, env.Metrics),
// Describe, Close and ServeHTTP.
package cloudwatch
