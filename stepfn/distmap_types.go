package stepfn

// MapRunInput names a Map Run (DescribeMapRun).
type MapRunInput struct {
	MapRunArn string `json:"mapRunArn"`
}

// MapRunCounts are a Map Run's items or child executions by status.
type MapRunCounts struct {
	Pending        int `json:"pending"`
	Running        int `json:"running"`
	Succeeded      int `json:"succeeded"`
	Failed         int `json:"failed"`
	TimedOut       int `json:"timedOut"`
	Aborted        int `json:"aborted"`
	Total          int `json:"total"`
	ResultsWritten int `json:"resultsWritten"`
}

// DescribeMapRunOutput is a Map Run's description.
type DescribeMapRunOutput struct {
	MapRunArn                  string       `json:"mapRunArn"`
	ExecutionArn               string       `json:"executionArn"`
	Status                     string       `json:"status"`
	StartDate                  Timestamp    `json:"startDate"`
	StopDate                   *Timestamp   `json:"stopDate,omitempty"`
	MaxConcurrency             int          `json:"maxConcurrency"`
	ToleratedFailureCount      int          `json:"toleratedFailureCount"`
	ToleratedFailurePercentage float64      `json:"toleratedFailurePercentage"`
	ItemCounts                 MapRunCounts `json:"itemCounts"`
	ExecutionCounts            MapRunCounts `json:"executionCounts"`
	RedriveCount               int          `json:"redriveCount"`
}

// ListMapRunsInput is ListMapRuns' request.
type ListMapRunsInput struct {
	ExecutionArn string `json:"executionArn"`
	MaxResults   int    `json:"maxResults,omitempty"`
	NextToken    string `json:"nextToken,omitempty"`
}

// MapRunListItem is one Map Run of ListMapRuns.
type MapRunListItem struct {
	ExecutionArn    string     `json:"executionArn"`
	MapRunArn       string     `json:"mapRunArn"`
	StateMachineArn string     `json:"stateMachineArn"`
	StartDate       Timestamp  `json:"startDate"`
	StopDate        *Timestamp `json:"stopDate,omitempty"`
}

// ListMapRunsOutput is ListMapRuns' answer.
type ListMapRunsOutput struct {
	MapRuns   []MapRunListItem `json:"mapRuns"`
	NextToken string           `json:"nextToken,omitempty"`
}

// UpdateMapRunInput changes a running Map Run's concurrency and
// tolerated failures.
type UpdateMapRunInput struct {
	MapRunArn                  string   `json:"mapRunArn"`
	MaxConcurrency             *int     `json:"maxConcurrency,omitempty"`
	ToleratedFailureCount      *int     `json:"toleratedFailureCount,omitempty"`
	ToleratedFailurePercentage *float64 `json:"toleratedFailurePercentage,omitempty"`
}
