package cloudwatch

import "encoding/base64"

// PutDashboardInput is the input of PutDashboard.
type PutDashboardInput struct {
	DashboardName string `json:",omitempty"`
	DashboardBody string `json:",omitempty"`
	Tags          []Tag  `json:",omitempty"`
}

// DashboardValidationMessage is one fault found in a dashboard body: where
// (a JSON pointer) and what.
type DashboardValidationMessage struct {
	DataPath string `json:"DataPath" xml:"DataPath"`
	Message  string `json:"Message" xml:"Message"`
}

// PutDashboardOutput is the output of PutDashboard: warnings, if any.
type PutDashboardOutput struct {
	DashboardValidationMessages []DashboardValidationMessage `json:"DashboardValidationMessages" xml:"DashboardValidationMessages>member"`
}

// GetDashboardInput is the input of GetDashboard.
type GetDashboardInput struct {
	DashboardName string `json:",omitempty"`
}

// GetDashboardOutput is the output of GetDashboard.
type GetDashboardOutput struct {
	DashboardArn  string `json:"DashboardArn" xml:"DashboardArn"`
	DashboardBody string `json:"DashboardBody" xml:"DashboardBody"`
	DashboardName string `json:"DashboardName" xml:"DashboardName"`
}

// ListDashboardsInput is the input of ListDashboards.
type ListDashboardsInput struct {
	DashboardNamePrefix string `json:",omitempty"`
	NextToken           string `json:",omitempty"`
}

// DashboardEntry is one dashboard of ListDashboards.
type DashboardEntry struct {
	DashboardArn  string `json:"DashboardArn" xml:"DashboardArn"`
	DashboardName string `json:"DashboardName" xml:"DashboardName"`
	LastModified  *Time  `json:"LastModified" xml:"LastModified"`
	Size          int64  `json:"Size" xml:"Size"`
}

// ListDashboardsOutput is the output of ListDashboards.
type ListDashboardsOutput struct {
	DashboardEntries []DashboardEntry `json:"DashboardEntries" xml:"DashboardEntries>member"`
	NextToken        string           `json:",omitempty" xml:",omitempty"`
}

// DeleteDashboardsInput is the input of DeleteDashboards.
type DeleteDashboardsInput struct {
	DashboardNames []string `json:",omitempty"`
}

// GetMetricWidgetImageInput is the input of GetMetricWidgetImage.
type GetMetricWidgetImageInput struct {
	MetricWidget string `json:",omitempty"`
	OutputFormat string `json:",omitempty"`
}

// GetMetricWidgetImageOutput is the output of GetMetricWidgetImage: the
// PNG.
type GetMetricWidgetImageOutput struct {
	MetricWidgetImage Blob `json:"MetricWidgetImage" xml:"MetricWidgetImage"`
}

// Blob is binary data: a byte string in CBOR, base64 in JSON and XML (its
// text form, as awsQuery needs).
type Blob []byte

// MarshalText is the base64 of b.
func (b Blob) MarshalText() ([]byte, error) {
	return []byte(base64.StdEncoding.EncodeToString(b)), nil
}
