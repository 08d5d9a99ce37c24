package cloudwatch

// Tag is a key/value pair on an alarm.
type Tag struct {
	Key   string `json:"Key" xml:"Key"`
	Value string `json:"Value" xml:"Value"`
}

// PutMetricAlarmInput is the input of PutMetricAlarm.
type PutMetricAlarmInput struct {
	AlarmName                        string
	AlarmDescription                 *string           `json:",omitempty"`
	ActionsEnabled                   *bool             `json:",omitempty"`
	OKActions                        []string          `json:",omitempty"`
	AlarmActions                     []string          `json:",omitempty"`
	InsufficientDataActions          []string          `json:",omitempty"`
	MetricName                       string            `json:",omitempty"`
	Namespace                        string            `json:",omitempty"`
	Statistic                        string            `json:",omitempty"`
	ExtendedStatistic                string            `json:",omitempty"`
	Dimensions                       []Dimension       `json:",omitempty"`
	Period                           *int32            `json:",omitempty"`
	Unit                             string            `json:",omitempty"`
	EvaluationPeriods                *int32            `json:",omitempty"`
	DatapointsToAlarm                *int32            `json:",omitempty"`
	Threshold                        *float64          `json:",omitempty"`
	ComparisonOperator               string            `json:",omitempty"`
	TreatMissingData                 string            `json:",omitempty"`
	EvaluateLowSampleCountPercentile string            `json:",omitempty"`
	Metrics                          []MetricDataQuery `json:",omitempty"`
	Tags                             []Tag             `json:",omitempty"`
	ThresholdMetricId                string            `json:",omitempty"`
}

// PutMetricAlarmOutput is the (empty) output of PutMetricAlarm.
type PutMetricAlarmOutput struct{}

// MetricAlarm is an alarm as DescribeAlarms shows it.
type MetricAlarm struct {
	AlarmName                          string            `json:"AlarmName" xml:"AlarmName"`
	AlarmArn                           string            `json:"AlarmArn" xml:"AlarmArn"`
	AlarmDescription                   *string           `json:",omitempty" xml:",omitempty"`
	AlarmConfigurationUpdatedTimestamp *Time             `json:",omitempty" xml:",omitempty"`
	ActionsEnabled                     bool              `json:"ActionsEnabled" xml:"ActionsEnabled"`
	OKActions                          []string          `json:"OKActions" xml:"OKActions>member"`
	AlarmActions                       []string          `json:"AlarmActions" xml:"AlarmActions>member"`
	InsufficientDataActions            []string          `json:"InsufficientDataActions" xml:"InsufficientDataActions>member"`
	StateValue                         string            `json:"StateValue" xml:"StateValue"`
	StateReason                        string            `json:"StateReason" xml:"StateReason"`
	StateReasonData                    string            `json:",omitempty" xml:",omitempty"`
	StateUpdatedTimestamp              *Time             `json:",omitempty" xml:",omitempty"`
	StateTransitionedTimestamp         *Time             `json:",omitempty" xml:",omitempty"`
	MetricName                         string            `json:",omitempty" xml:",omitempty"`
	Namespace                          string            `json:",omitempty" xml:",omitempty"`
	Statistic                          string            `json:",omitempty" xml:",omitempty"`
	ExtendedStatistic                  string            `json:",omitempty" xml:",omitempty"`
	Dimensions                         []Dimension       `json:"Dimensions" xml:"Dimensions>member"`
	Period                             *int32            `json:",omitempty" xml:",omitempty"`
	Unit                               string            `json:",omitempty" xml:",omitempty"`
	EvaluationPeriods                  int32             `json:"EvaluationPeriods" xml:"EvaluationPeriods"`
	DatapointsToAlarm                  *int32            `json:",omitempty" xml:",omitempty"`
	Threshold                          *float64          `json:",omitempty" xml:",omitempty"`
	ComparisonOperator                 string            `json:"ComparisonOperator" xml:"ComparisonOperator"`
	TreatMissingData                   string            `json:",omitempty" xml:",omitempty"`
	EvaluateLowSampleCountPercentile   string            `json:",omitempty" xml:",omitempty"`
	Metrics                            []MetricDataQuery `json:",omitempty" xml:"Metrics>member,omitempty"`
	ThresholdMetricId                  string            `json:",omitempty" xml:",omitempty"`
}

// DescribeAlarmsInput is the input of DescribeAlarms.
type DescribeAlarmsInput struct {
	AlarmNames          []string `json:",omitempty"`
	AlarmNamePrefix     string   `json:",omitempty"`
	AlarmTypes          []string `json:",omitempty"`
	ActionPrefix        string   `json:",omitempty"`
	StateValue          string   `json:",omitempty"`
	MaxRecords          *int32   `json:",omitempty"`
	NextToken           string   `json:",omitempty"`
	ChildrenOfAlarmName string   `json:",omitempty"`
	ParentsOfAlarmName  string   `json:",omitempty"`
}

// CompositeAlarm is a composite alarm as DescribeAlarms shows it.
type CompositeAlarm struct {
	AlarmName                          string   `json:",omitempty" xml:",omitempty"`
	AlarmArn                           string   `json:",omitempty" xml:",omitempty"`
	AlarmDescription                   *string  `json:",omitempty" xml:",omitempty"`
	AlarmRule                          string   `json:",omitempty" xml:",omitempty"`
	ActionsEnabled                     bool     `json:"ActionsEnabled" xml:"ActionsEnabled"`
	AlarmActions                       []string `json:"AlarmActions" xml:"AlarmActions>member"`
	OKActions                          []string `json:"OKActions" xml:"OKActions>member"`
	InsufficientDataActions            []string `json:"InsufficientDataActions" xml:"InsufficientDataActions>member"`
	AlarmConfigurationUpdatedTimestamp *Time    `json:",omitempty" xml:",omitempty"`
	StateValue                         string   `json:"StateValue" xml:"StateValue"`
	StateReason                        string   `json:",omitempty" xml:",omitempty"`
	StateReasonData                    string   `json:",omitempty" xml:",omitempty"`
	StateUpdatedTimestamp              *Time    `json:",omitempty" xml:",omitempty"`
	StateTransitionedTimestamp         *Time    `json:",omitempty" xml:",omitempty"`
	ActionsSuppressor                  string   `json:",omitempty" xml:",omitempty"`
	ActionsSuppressorWaitPeriod        *int32   `json:",omitempty" xml:",omitempty"`
	ActionsSuppressorExtensionPeriod   *int32   `json:",omitempty" xml:",omitempty"`
	ActionsSuppressedBy                string   `json:",omitempty" xml:",omitempty"`
	ActionsSuppressedReason            string   `json:",omitempty" xml:",omitempty"`
}

// DescribeAlarmsOutput is the output of DescribeAlarms.
type DescribeAlarmsOutput struct {
	MetricAlarms    []MetricAlarm    `json:"MetricAlarms" xml:"MetricAlarms>member"`
	CompositeAlarms []CompositeAlarm `json:"CompositeAlarms" xml:"CompositeAlarms>member"`
	NextToken       string           `json:",omitempty" xml:",omitempty"`
}

// DescribeAlarmsForMetricInput is the input of DescribeAlarmsForMetric.
type DescribeAlarmsForMetricInput struct {
	Namespace         string
	MetricName        string
	Dimensions        []Dimension `json:",omitempty"`
	Statistic         string      `json:",omitempty"`
	ExtendedStatistic string      `json:",omitempty"`
	Period            *int32      `json:",omitempty"`
	Unit              string      `json:",omitempty"`
}

// DescribeAlarmsForMetricOutput is the output of DescribeAlarmsForMetric.
type DescribeAlarmsForMetricOutput struct {
	MetricAlarms []MetricAlarm `json:"MetricAlarms" xml:"MetricAlarms>member"`
}

// DeleteAlarmsInput is the input of DeleteAlarms.
type DeleteAlarmsInput struct {
	AlarmNames []string `json:",omitempty"`
}

// SetAlarmStateInput is the input of SetAlarmState.
type SetAlarmStateInput struct {
	AlarmName       string
	StateValue      string
	StateReason     string
	StateReasonData *string `json:",omitempty"`
}

// AlarmActionsInput is the input of EnableAlarmActions and
// DisableAlarmActions.
type AlarmActionsInput struct {
	AlarmNames []string `json:",omitempty"`
}

// DescribeAlarmHistoryInput is the input of DescribeAlarmHistory.
type DescribeAlarmHistoryInput struct {
	AlarmName       string   `json:",omitempty"`
	AlarmTypes      []string `json:",omitempty"`
	HistoryItemType string   `json:",omitempty"`
	StartDate       *Time    `json:",omitempty"`
	EndDate         *Time    `json:",omitempty"`
	MaxRecords      *int32   `json:",omitempty"`
	NextToken       string   `json:",omitempty"`
	ScanBy          string   `json:",omitempty"`
}

// AlarmHistoryItem is one entry of an alarm's history.
type AlarmHistoryItem struct {
	AlarmName       string `json:"AlarmName" xml:"AlarmName"`
	AlarmType       string `json:"AlarmType" xml:"AlarmType"`
	Timestamp       Time   `json:"Timestamp" xml:"Timestamp"`
	HistoryItemType string `json:"HistoryItemType" xml:"HistoryItemType"`
	HistorySummary  string `json:"HistorySummary" xml:"HistorySummary"`
	HistoryData     string `json:"HistoryData" xml:"HistoryData"`
}

// DescribeAlarmHistoryOutput is the output of DescribeAlarmHistory.
type DescribeAlarmHistoryOutput struct {
	AlarmHistoryItems []AlarmHistoryItem `json:"AlarmHistoryItems" xml:"AlarmHistoryItems>member"`
	NextToken         string             `json:",omitempty" xml:",omitempty"`
}

// TagResourceInput is the input of TagResource.
type TagResourceInput struct {
	ResourceARN string
	Tags        []Tag `json:",omitempty"`
}

// UntagResourceInput is the input of UntagResource.
type UntagResourceInput struct {
	ResourceARN string
	TagKeys     []string `json:",omitempty"`
}

// ListTagsForResourceInput is the input of ListTagsForResource.
type ListTagsForResourceInput struct {
	ResourceARN string
}

// ListTagsForResourceOutput is the output of ListTagsForResource.
type ListTagsForResourceOutput struct {
	Tags []Tag `json:"Tags" xml:"Tags>member"`
}
