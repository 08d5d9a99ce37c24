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
// ScanBy, MaxDatapoints pages) and ListMetrics (filters, RecentlyActive
// PT3H, metrics without data for two weeks omitted, 500 a page).
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
// Throttles, ConcurrentExecutions). They go through the cloud's
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
//   - Metric math (Expression queries, Metrics alarms of several queries),
//     anomaly detection alarms (ThresholdMetricId), composite alarms and
//     dashboards are issue 25's: they answer InvalidParameterValue.
//
// # Operations answered for a feature not modelled
//
// Dashboards, composite and log alarms, anomaly detectors, insight rules,
// metric streams, alarm mute rules, metric data query definitions,
// datasets, OTel enrichment, resource metrics configurations and metric
// widget images (wire_unsupported.go): lists are empty, a named one is
// not found (ResourceNotFoundException, DashboardNotFoundError), and one
// that would create or change something is InvalidParameterValue naming
// the operation.
//
// # Plumbing for the root package
//
// New (which installs the cloud's metrics recorder, env.Metrics),
// Describe, Close and ServeHTTP.
package cloudwatch
