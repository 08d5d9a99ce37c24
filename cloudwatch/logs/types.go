package logs

// LogGroup is a log group as DescribeLogGroups describes it.
type LogGroup struct {
	Arn                       string `json:"arn,omitempty"`
	CreationTime              int64  `json:"creationTime,omitempty"`
	DataProtectionStatus      string `json:"dataProtectionStatus,omitempty"`
	DeletionProtectionEnabled *bool  `json:"deletionProtectionEnabled,omitempty"`
	KmsKeyID                  string `json:"kmsKeyId,omitempty"`
	LogGroupArn               string `json:"logGroupArn,omitempty"`
	LogGroupClass             string `json:"logGroupClass,omitempty"`
	LogGroupName              string `json:"logGroupName,omitempty"`
	MetricFilterCount         int    `json:"metricFilterCount"`
	RetentionInDays           int32  `json:"retentionInDays,omitempty"`
	StoredBytes               *int64 `json:"storedBytes,omitempty"`
}

// LogGroupSummary is a log group as ListLogGroups lists it.
type LogGroupSummary struct {
	LogGroupArn   string `json:"logGroupArn,omitempty"`
	LogGroupClass string `json:"logGroupClass,omitempty"`
	LogGroupName  string `json:"logGroupName,omitempty"`
}

// LogStream is a log stream as DescribeLogStreams describes it. The
// timestamps are Unix milliseconds; first and last event timestamps are
// absent while the stream holds no event.
type LogStream struct {
	Arn                 string `json:"arn,omitempty"`
	CreationTime        int64  `json:"creationTime,omitempty"`
	FirstEventTimestamp int64  `json:"firstEventTimestamp,omitempty"`
	LastEventTimestamp  int64  `json:"lastEventTimestamp,omitempty"`
	LastIngestionTime   int64  `json:"lastIngestionTime,omitempty"`
	LogStreamName       string `json:"logStreamName,omitempty"`
	StoredBytes         int64  `json:"storedBytes"`
	UploadSequenceToken string `json:"uploadSequenceToken,omitempty"`
}

// InputLogEvent is one event of a PutLogEvents batch: a message and its
// timestamp in Unix milliseconds.
type InputLogEvent struct {
	Message   *string `json:"message"`
	Timestamp *int64  `json:"timestamp"`
}

// OutputLogEvent is an event as GetLogEvents returns it.
type OutputLogEvent struct {
	IngestionTime int64  `json:"ingestionTime"`
	Message       string `json:"message"`
	Timestamp     int64  `json:"timestamp"`
}

// FilteredLogEvent is an event as FilterLogEvents returns it.
type FilteredLogEvent struct {
	EventID       string `json:"eventId"`
	IngestionTime int64  `json:"ingestionTime"`
	LogStreamName string `json:"logStreamName"`
	Message       string `json:"message"`
	Timestamp     int64  `json:"timestamp"`
}

// SearchedLogStream says whether FilterLogEvents searched a stream
// completely (deprecated by AWS, still returned).
type SearchedLogStream struct {
	LogStreamName      string `json:"logStreamName"`
	SearchedCompletely bool   `json:"searchedCompletely"`
}

// RejectedLogEventsInfo gives the indexes of the events of a batch that
// PutLogEvents rejected, the rest being stored.
type RejectedLogEventsInfo struct {
	ExpiredLogEventEndIndex  *int32 `json:"expiredLogEventEndIndex,omitempty"`
	TooNewLogEventStartIndex *int32 `json:"tooNewLogEventStartIndex,omitempty"`
	TooOldLogEventEndIndex   *int32 `json:"tooOldLogEventEndIndex,omitempty"`
}

// MetricFilter is a stored metric filter.
type MetricFilter struct {
	ApplyOnTransformedLogs bool                   `json:"applyOnTransformedLogs"`
	CreationTime           int64                  `json:"creationTime,omitempty"`
	FilterName             string                 `json:"filterName,omitempty"`
	FilterPattern          string                 `json:"filterPattern"`
	LogGroupName           string                 `json:"logGroupName,omitempty"`
	MetricTransformations  []MetricTransformation `json:"metricTransformations"`
}

// MetricTransformation says what a metric filter publishes for a matching
// event: metricValue is a number or a field ($.x, $name) of the event.
type MetricTransformation struct {
	DefaultValue    *float64          `json:"defaultValue,omitempty"`
	Dimensions      map[string]string `json:"dimensions,omitempty"`
	MetricName      string            `json:"metricName"`
	MetricNamespace string            `json:"metricNamespace"`
	MetricValue     string            `json:"metricValue"`
	Unit            string            `json:"unit,omitempty"`
}

// SubscriptionFilter is a stored subscription filter.
type SubscriptionFilter struct {
	ApplyOnTransformedLogs bool   `json:"applyOnTransformedLogs"`
	CreationTime           int64  `json:"creationTime,omitempty"`
	DestinationArn         string `json:"destinationArn,omitempty"`
	Distribution           string `json:"distribution,omitempty"`
	FilterName             string `json:"filterName,omitempty"`
	FilterPattern          string `json:"filterPattern"`
	LogGroupName           string `json:"logGroupName,omitempty"`
	RoleArn                string `json:"roleArn,omitempty"`
}

// MetricFilterMatchRecord is one matching line of TestMetricFilter.
type MetricFilterMatchRecord struct {
	EventMessage    string            `json:"eventMessage"`
	EventNumber     int64             `json:"eventNumber"`
	ExtractedValues map[string]string `json:"extractedValues"`
}
