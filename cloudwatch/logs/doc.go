// Package logs is CloudWatch Logs for the cloud: log groups, streams and
// events over AWS JSON 1.1 (X-Amz-Target Logs_20140328.<Op>) for the real
// cloudwatchlogs client, with the filter pattern language complete, metric
// and subscription filters, retention on the cloud's clock, and every
// Lambda invocation's log lines landing in /aws/lambda/<function>.
//
// # Quick start
//
//	cloud := awsfake.New(awsfake.WithClock(clk))
//	client := cloudwatchlogs.NewFromConfig(cloud.AWSConfig())
//	client.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String("/app")})
//	...
//	cloud.Logs().CheckLogged(t, "/aws/lambda/worker", "REPORT RequestId")
//
// # What is implemented
//
//   - Log groups: CreateLogGroup (classes STANDARD, INFREQUENT_ACCESS,
//     DELIVERY; KMS key, tags, deletion protection), DeleteLogGroup,
//     DescribeLogGroups (name order, prefix, case-sensitive pattern with
//     AWS's short form, identifiers, class, 50 a page), ListLogGroups,
//     PutRetentionPolicy / DeleteRetentionPolicy (AWS's day values),
//     AssociateKmsKey / DisassociateKmsKey and the data protection policy
//     (stored only), PutLogGroupDeletionProtection, both tagging APIs.
//   - Streams: CreateLogStream, DeleteLogStream, DescribeLogStreams (by
//     name or last event time, either way, prefix, paging).
//   - Events: PutLogEvents with the current rules (chronological order,
//     1 to 10,000 events, 1,048,576 bytes counting 26 per event, 24-hour
//     span; too new, too old and expired events rejected one by one in
//     rejectedLogEventsInfo; sequence tokens ignored); GetLogEvents (newest
//     page by default, startFromHead, f/ and b/ tokens, the token passed
//     coming back at the end, start inclusive and end exclusive, 10,000
//     events or 1 MB a page); FilterLogEvents (streams by name or prefix,
//     interleaved in timestamp order, paging, 56-digit event ids).
//   - The filter pattern language (pattern*.go): terms, quoted phrases, ?
//     OR terms, - exclusions, %regex%; JSON patterns with && || and
//     parentheses, = != < <= > >=, * wildcards, $.a.b[0] and [*] / .*
//     selectors, IS TRUE / FALSE / NULL, NOT EXISTS, regular expressions;
//     space-delimited patterns with ..., conditions joined by && and ||,
//     wildcards and regular expressions. TestMetricFilter with the
//     extracted values.
//   - Metric filters (at most 100 a group, exactly one transformation, at
//     most two regular expressions a pattern and five patterns with one a
//     group): each matching event publishes metricValue (a number or a
//     field) with dimensions and unit; a batch with no match the default
//     value. MetricData lists what was published; the values reach
//     CloudWatch metrics (cloud.CloudWatch()) at each event's minute, the
//     first two dimensions by name (AWS allows three).
//   - Subscription filters (at most two a group): a Lambda destination is
//     sent AWS's CONTROL_MESSAGE when the filter is created and refused when
//     the function does not exist or its policy does not let
//     logs.amazonaws.com or logs.<region>.amazonaws.com invoke it (Lambda
//     accepts either form); each stored batch delivers its matching events
//     as AWS's payload, {"awslogs":{"data":base64(gzip(DATA_MESSAGE))}}.
//     Kinesis, Firehose and Logs destinations are stored, not delivered.
//   - Retention on the cloud's scheduler: an event older than the group's
//     retention is invisible to every read at once; one sweep per group,
//     scheduled at the instant its oldest event expires, deletes them.
//   - Logs Insights (queries*.go, query_*.go): StartQuery over one to 50
//     groups (names or ARNs) and a time range in seconds, both ends
//     inclusive; the query Scheduled for 100 ms, Running until 500 ms,
//     then Complete, computed from the clock (GetQueryResults answers rows
//     and statistics once Complete), at most 100 Scheduled or Running at
//     once (LimitExceededException); StopQuery (Cancelled), DescribeQueries
//     (newest first, by group, status, language; AWS's SOURCE "<group>"
//     START= END= | prefix on the query string), GetLogRecord for a @ptr,
//     and query definitions (Put, Describe by name prefix, Delete). The
//     language: fields (with expressions and as), filter (= != < <= > >=,
//     like and =~ with strings and /regex/i, not like, in [..], not in,
//     not, and, or, ispresent), stats (count, count_distinct, sum, avg,
//     min, max, pct, stddev, earliest, latest) by fields and bin(5m),
//     sort asc|desc, limit (1,000 rows by default, 10,000 at most), parse
//     (glob "a=*" as x, or a regex with (?<name>) captures), display,
//     dedup, # comments; functions strlen, toupper, tolower, concat, trim,
//     ltrim, rtrim, substr, replace, strcontains, isempty, isblank,
//     coalesce, abs, ceil, floor, round, log, sqrt, pow, greatest, least,
//     datefloor, dateceil, fromMillis, toMillis, and + - * / % ^. Fields:
//     @timestamp, @message, @logStream, @log (account:group),
//     @ingestionTime, @ptr, JSON fields flattened with dots (arrays by
//     index), and on Lambda's lines @type, @requestId, @duration,
//     @billedDuration, @initDuration (ms), @memorySize and @maxMemoryUsed
//     (bytes, 1 MB = 1,000,000). Statistics: recordsScanned (the events in
//     the range), bytesScanned (their messages' bytes), recordsMatched
//     (the rows left by filter and dedup, before stats and limit). A query
//     that chooses its fields (fields, display or stats) reads only the
//     JSON fields it names from each message (query_need.go,
//     query_json.go); one without reads them all, as it shows them all.
//   - Every service's logs through the bus (bus.MetaLogStream): a Post to a
//     log group ARN stores lines, creating the group and stream. Lambda
//     posts the lines of every invocation (lambda/logsink.go); Step
//     Functions and API Gateway post theirs the same way once they exist.
//
// # Where it differs from AWS
//   - Expired events are deleted by the sweep the instant they expire; AWS
//     deletes them "within 72 hours" (api_op_PutRetentionPolicy.go) but
//     hides them from reads at once, which the fake follows.
//   - Terms match as case-sensitive substrings of the event, the rule of
//     the filter pattern syntax page; AWS's tokenisation of unquoted terms
//     at punctuation is not modelled.
//   - Regular expressions are RE2's, a superset of the subset AWS accepts.
//   - Deleting a group with deletion protection on answers
//     OperationAbortedException (inferred: no recording pins the code).
//   - Lambda's lines arrive in one bus message when the invocation ends
//     (a subscription on its group receives one DATA_MESSAGE per
//     invocation), where AWS's runtime may flush during a long one.
//   - With LogFormat JSON, START, END and REPORT become platform.start,
//     platform.runtimeDone and platform.report records, all at level INFO.
//   - Insights queries run whole when StartQuery is called: events stored
//     later are not in the result, where AWS scans while the query runs.
//     The delays of the statuses are the fake's (AWS gives none). Results
//     come in one page (the SDK's nextToken is never set). Only the CWLI
//     language: PPL and SQL answer InvalidParameterException. Rows
//     without a sort are newest first; stats rows are in ascending order
//     of their by values (AWS documents no order for either). pct is the
//     nearest rank and stddev the sample's, where AWS approximates. A
//     missing field compares false with every operator (not in and not
//     like included) and sorts last. A query with no fields, display or
//     stats shows every field of the event but @ingestionTime. The SOURCE
//     prefix of a query over several groups names them one after the other
//     (inferred: the recording has one group). Commands the fake does not
//     parse (unmask, pattern, diff, anomaly, filterIndex, SOURCE in the
//     query string) answer MalformedQueryException.
//
// # Operations answered as an account without the feature
//
// StartLiveTail (its event stream is not served:
// InvalidOperationException), deliveries, destinations, export and import
// tasks, anomaly detection, transformers, field indexes, integrations,
// lookup tables, scheduled queries, account policies,
// storage tier and syslog settings: Describe and List answer an empty
// list, operations on a named resource ResourceNotFoundException, those
// that would create or start something InvalidOperationException naming
// the operation (wire_unsupported.go).
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised by the
// action table in wire_authz.go (Actions: logs:<Operation>; a log group's
// actions on arn:...:log-group:<name>:log-stream:, a stream's on
// ...:log-stream:<stream>, as AWS's refusals name them; the account-wide
// operations on "*"; PutSubscriptionFilter and PutDestination roles asking
// iam:PassRole); a refusal is AccessDeniedException (400). Resource
// policies are not read into the decision.
// The resource an action is asked on lends its tags as
// aws:ResourceTag/<key>.
//
// # Plumbing for the root package
//
// New, Describe (the handler, the bus endpoint for log group ARNs, Close)
// and Close are what awsfake calls, and AppendLines, Lambda's log sink
// (lambda.SetLogSink); cloud.Logs() gives the Go API.
package logs
