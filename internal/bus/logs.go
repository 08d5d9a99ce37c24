package bus

// What a service hands CloudWatch Logs: a Post to a log group ARN
// (arn:<partition>:logs:<region>:<account>:log-group:<name>) whose
// Meta[MetaLogStream] names the stream and whose Body is the JSON array
// of LogLine, oldest first. Logs creates the group and the stream when
// they do not exist, as the writers AWS runs (Lambda's runtime, Step
// Functions, API Gateway) create them with logs:CreateLogGroup and
// logs:CreateLogStream.
const MetaLogStream = "LogStream"

// LogLine is one line of a Post to a log group: its Unix-millisecond
// timestamp and its message.
type LogLine struct {
	Timestamp int64  `json:"timestamp"`
	Message   string `json:"message"`
}
