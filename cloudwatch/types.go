package cloudwatch

// The Go API's inputs and outputs. Their field names are the members of
// CloudWatch's model, so that one struct serves the three protocols: CBOR
// and AWS JSON by name, awsQuery by the form decoder (wire_query.go) and the
// xml tags.

// Dimension is a name/value pair of a metric's identity.
type Dimension struct {
	Name  string `json:"Name" xml:"Name"`
	Value string `json:"Value" xml:"Value"`
}

// DimensionFilter filters ListMetrics by a dimension name and, optionally,
// its value.
type DimensionFilter struct {
	Name  string `json:"Name"`
	Value string `json:"Value,omitempty"`
}

// StatisticSet is a pre-aggregated set of values.
type StatisticSet struct {
	SampleCount float64 `json:"SampleCount" xml:"SampleCount"`
	Sum         float64 `json:"Sum" xml:"Sum"`
	Minimum     float64 `json:"Minimum" xml:"Minimum"`
	Maximum     float64 `json:"Maximum" xml:"Maximum"`
}

// MetricDatum is one metric's data in PutMetricData: a Value, Values with
// Counts, or StatisticValues.
type MetricDatum struct {
	MetricName        string
	Dimensions        []Dimension   `json:",omitempty"`
	Timestamp         *Time         `json:",omitempty"`
	Value             *float64      `json:",omitempty"`
	Values            []float64     `json:",omitempty"`
	Counts            []float64     `json:",omitempty"`
	StatisticValues   *StatisticSet `json:",omitempty"`
	Unit              string        `json:",omitempty"`
	StorageResolution *int32        `json:",omitempty"`
}

// Entity names the resource an EntityMetricData's metrics belong to.
type Entity struct {
	KeyAttributes map[string]string `json:",omitempty"`
	Attributes    map[string]string `json:",omitempty"`
}

// EntityMetricData is a set of metrics with the entity they belong to.
type EntityMetricData struct {
	Entity     *Entity       `json:",omitempty"`
	MetricData []MetricDatum `json:",omitempty"`
}

// PutMetricDataInput is the input of PutMetricData.
type PutMetricDataInput struct {
	Namespace              string
	MetricData             []MetricDatum      `json:",omitempty"`
	EntityMetricData       []EntityMetricData `json:",omitempty"`
	StrictEntityValidation *bool              `json:",omitempty"`
}

// PutMetricDataOutput is the (empty) output of PutMetricData.
type PutMetricDataOutput struct{}

// GetMetricStatisticsInput is the input of GetMetricStatistics.
type GetMetricStatisticsInput struct {
	Namespace          string
	MetricName         string
	Dimensions         []Dimension `json:",omitempty"`
	StartTime          *Time       `json:",omitempty"`
	EndTime            *Time       `json:",omitempty"`
	Period             *int32      `json:",omitempty"`
	Statistics         []string    `json:",omitempty"`
	ExtendedStatistics []string    `json:",omitempty"`
	Unit               string      `json:",omitempty"`
}

// Datapoint is one period's statistics.
type Datapoint struct {
	Timestamp          *Time              `json:",omitempty" xml:",omitempty"`
	SampleCount        *float64           `json:",omitempty" xml:",omitempty"`
	Average            *float64           `json:",omitempty" xml:",omitempty"`
	Sum                *float64           `json:",omitempty" xml:",omitempty"`
	Minimum            *float64           `json:",omitempty" xml:",omitempty"`
	Maximum            *float64           `json:",omitempty" xml:",omitempty"`
	Unit               string             `json:",omitempty" xml:",omitempty"`
	ExtendedStatistics map[string]float64 `json:",omitempty" xml:"-"`
	// ExtendedStatisticsXML is ExtendedStatistics as awsQuery spells a
	// map; the wire fills it.
	ExtendedStatisticsXML []xmlEntry `json:"-" cbor:"-" xml:"ExtendedStatistics>entry,omitempty"`
}

// xmlEntry is one entry of an awsQuery map.
type xmlEntry struct {
	Key   string  `xml:"key"`
	Value float64 `xml:"value"`
}

// GetMetricStatisticsOutput is the output of GetMetricStatistics.
type GetMetricStatisticsOutput struct {
	Label      string      `json:"Label" xml:"Label"`
	Datapoints []Datapoint `json:"Datapoints" xml:"Datapoints>member"`
}

// Metric names a metric: its namespace, name and dimensions.
type Metric struct {
	Namespace  string      `json:",omitempty" xml:",omitempty"`
	MetricName string      `json:",omitempty" xml:",omitempty"`
	Dimensions []Dimension `json:"Dimensions" xml:"Dimensions>member"`
}

// MetricStat is a metric, a period and a statistic.
type MetricStat struct {
	Metric Metric `json:"Metric" xml:"Metric"`
	Period int32  `json:"Period" xml:"Period"`
	Stat   string `json:"Stat" xml:"Stat"`
	Unit   string `json:",omitempty" xml:",omitempty"`
}

// MetricDataQuery is one query of GetMetricData (or of a metric math
// alarm): a MetricStat or an Expression.
type MetricDataQuery struct {
	Id         string      `json:"Id" xml:"Id"`
	MetricStat *MetricStat `json:",omitempty" xml:",omitempty"`
	Expression string      `json:",omitempty" xml:",omitempty"`
	Label      string      `json:",omitempty" xml:",omitempty"`
	ReturnData *bool       `json:",omitempty" xml:",omitempty"`
	Period     *int32      `json:",omitempty" xml:",omitempty"`
	AccountId  string      `json:",omitempty" xml:",omitempty"`
}

// LabelOptions sets the time zone of labels.
type LabelOptions struct {
	Timezone string `json:",omitempty"`
}

// GetMetricDataInput is the input of GetMetricData.
type GetMetricDataInput struct {
	MetricDataQueries []MetricDataQuery `json:",omitempty"`
	StartTime         *Time             `json:",omitempty"`
	EndTime           *Time             `json:",omitempty"`
	NextToken         string            `json:",omitempty"`
	ScanBy            string            `json:",omitempty"`
	MaxDatapoints     *int32            `json:",omitempty"`
	LabelOptions      *LabelOptions     `json:",omitempty"`
}

// MessageData is a message about a query's results.
type MessageData struct {
	Code  string `json:",omitempty" xml:",omitempty"`
	Value string `json:",omitempty" xml:",omitempty"`
}

// MetricDataResult is one query's timestamps and values.
type MetricDataResult struct {
	Id         string        `json:"Id" xml:"Id"`
	Label      string        `json:"Label" xml:"Label"`
	Timestamps []Time        `json:"Timestamps" xml:"Timestamps>member"`
	Values     []float64     `json:"Values" xml:"Values>member"`
	StatusCode string        `json:"StatusCode" xml:"StatusCode"`
	Messages   []MessageData `json:",omitempty" xml:"Messages>member,omitempty"`
}

// GetMetricDataOutput is the output of GetMetricData.
type GetMetricDataOutput struct {
	MetricDataResults []MetricDataResult `json:"MetricDataResults" xml:"MetricDataResults>member"`
	Messages          []MessageData      `json:"Messages" xml:"Messages>member"`
	NextToken         string             `json:",omitempty" xml:",omitempty"`
}

// ListMetricsInput is the input of ListMetrics.
type ListMetricsInput struct {
	Namespace             string            `json:",omitempty"`
	MetricName            string            `json:",omitempty"`
	Dimensions            []DimensionFilter `json:",omitempty"`
	NextToken             string            `json:",omitempty"`
	RecentlyActive        string            `json:",omitempty"`
	IncludeLinkedAccounts *bool             `json:",omitempty"`
	OwningAccount         string            `json:",omitempty"`
}

// ListMetricsOutput is the output of ListMetrics.
type ListMetricsOutput struct {
	Metrics   []Metric `json:"Metrics" xml:"Metrics>member"`
	NextToken string   `json:",omitempty" xml:",omitempty"`
}
