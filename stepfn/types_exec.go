package stepfn

import "encoding/json"

// StartExecutionInput is StartExecution's (and StartSyncExecution's)
// request.
type StartExecutionInput struct {
	StateMachineArn string  `json:"stateMachineArn"`
	Name            string  `json:"name,omitempty"`
	Input           *string `json:"input,omitempty"`
	TraceHeader     string  `json:"traceHeader,omitempty"`
	IncludedData    string  `json:"includedData,omitempty"`
}

// StartExecutionOutput is StartExecution's answer.
type StartExecutionOutput struct {
	ExecutionArn string    `json:"executionArn"`
	StartDate    Timestamp `json:"startDate"`
}

// Details says whether a payload was truncated.
type Details struct {
	Included  bool `json:"included,omitempty"`
	Truncated bool `json:"truncated"`
}

// BillingDetails is a synchronous Express execution's billing.
type BillingDetails struct {
	BilledMemoryUsedInMB         int64 `json:"billedMemoryUsedInMB"`
	BilledDurationInMilliseconds int64 `json:"billedDurationInMilliseconds"`
}

// StartSyncExecutionOutput is StartSyncExecution's answer.
type StartSyncExecutionOutput struct {
	ExecutionArn    string          `json:"executionArn"`
	StateMachineArn string          `json:"stateMachineArn"`
	Name            string          `json:"name"`
	StartDate       Timestamp       `json:"startDate"`
	StopDate        Timestamp       `json:"stopDate"`
	Status          string          `json:"status"`
	Error           string          `json:"error,omitempty"`
	Cause           string          `json:"cause,omitempty"`
	Input           *string         `json:"input,omitempty"`
	InputDetails    *Details        `json:"inputDetails,omitempty"`
	Output          *string         `json:"output,omitempty"`
	OutputDetails   *Details        `json:"outputDetails,omitempty"`
	TraceHeader     string          `json:"traceHeader,omitempty"`
	BillingDetails  *BillingDetails `json:"billingDetails,omitempty"`
}

// StopExecutionInput is StopExecution's request.
type StopExecutionInput struct {
	ExecutionArn string `json:"executionArn"`
	Error        string `json:"error,omitempty"`
	Cause        string `json:"cause,omitempty"`
}

// StopExecutionOutput is StopExecution's answer.
type StopExecutionOutput struct {
	StopDate Timestamp `json:"stopDate"`
}

// ExecutionInput names an execution by ARN.
type ExecutionInput struct {
	ExecutionArn string `json:"executionArn"`
	IncludedData string `json:"includedData,omitempty"`
}

// DescribeExecutionOutput is DescribeExecution's answer.
type DescribeExecutionOutput struct {
	ExecutionArn           string     `json:"executionArn"`
	StateMachineArn        string     `json:"stateMachineArn"`
	Name                   string     `json:"name"`
	Status                 string     `json:"status"`
	StartDate              Timestamp  `json:"startDate"`
	StopDate               *Timestamp `json:"stopDate,omitempty"`
	Input                  *string    `json:"input,omitempty"`
	InputDetails           *Details   `json:"inputDetails,omitempty"`
	Output                 *string    `json:"output,omitempty"`
	OutputDetails          *Details   `json:"outputDetails,omitempty"`
	Error                  string     `json:"error,omitempty"`
	Cause                  string     `json:"cause,omitempty"`
	TraceHeader            string     `json:"traceHeader,omitempty"`
	RedriveCount           int        `json:"redriveCount"`
	RedriveDate            *Timestamp `json:"redriveDate,omitempty"`
	RedriveStatus          string     `json:"redriveStatus,omitempty"`
	RedriveStatusReason    string     `json:"redriveStatusReason,omitempty"`
	StateMachineVersionArn string     `json:"stateMachineVersionArn,omitempty"`
	StateMachineAliasArn   string     `json:"stateMachineAliasArn,omitempty"`
}

// ListExecutionsInput is ListExecutions' request.
type ListExecutionsInput struct {
	StateMachineArn string `json:"stateMachineArn,omitempty"`
	StatusFilter    string `json:"statusFilter,omitempty"`
	MaxResults      int    `json:"maxResults,omitempty"`
	NextToken       string `json:"nextToken,omitempty"`
	MapRunArn       string `json:"mapRunArn,omitempty"`
	RedriveFilter   string `json:"redriveFilter,omitempty"`
}

// ExecutionListItem is one execution of ListExecutions.
type ExecutionListItem struct {
	ExecutionArn           string     `json:"executionArn"`
	StateMachineArn        string     `json:"stateMachineArn"`
	Name                   string     `json:"name"`
	Status                 string     `json:"status"`
	StartDate              Timestamp  `json:"startDate"`
	StopDate               *Timestamp `json:"stopDate,omitempty"`
	RedriveCount           *int       `json:"redriveCount,omitempty"`
	RedriveDate            *Timestamp `json:"redriveDate,omitempty"`
	StateMachineVersionArn string     `json:"stateMachineVersionArn,omitempty"`
	StateMachineAliasArn   string     `json:"stateMachineAliasArn,omitempty"`
}

// ListExecutionsOutput is ListExecutions' answer.
type ListExecutionsOutput struct {
	Executions []ExecutionListItem `json:"executions"`
	NextToken  string              `json:"nextToken,omitempty"`
}

// DescribeStateMachineForExecutionOutput is the machine an execution ran.
type DescribeStateMachineForExecutionOutput struct {
	StateMachineArn      string                `json:"stateMachineArn"`
	Name                 string                `json:"name"`
	Definition           string                `json:"definition"`
	RoleArn              string                `json:"roleArn"`
	UpdateDate           Timestamp             `json:"updateDate"`
	LoggingConfiguration *LoggingConfiguration `json:"loggingConfiguration,omitempty"`
	TracingConfiguration *TracingConfiguration `json:"tracingConfiguration,omitempty"`
	RevisionID           string                `json:"revisionId,omitempty"`
}

// GetExecutionHistoryInput is GetExecutionHistory's request.
type GetExecutionHistoryInput struct {
	ExecutionArn         string `json:"executionArn"`
	MaxResults           int    `json:"maxResults,omitempty"`
	ReverseOrder         bool   `json:"reverseOrder,omitempty"`
	NextToken            string `json:"nextToken,omitempty"`
	IncludeExecutionData *bool  `json:"includeExecutionData,omitempty"`
}

// HistoryEvent is one event of an execution's history: its id, the
// previous event's, its type, its time and its details under their
// member name (stateEnteredEventDetails, ...).
type HistoryEvent struct {
	ID              int64
	PreviousEventID int64
	Type            string
	Timestamp       Timestamp
	DetailsKey      string
	Details         map[string]any
}

// MarshalJSON writes the event in the wire shape.
func (e HistoryEvent) MarshalJSON() ([]byte, error) {
	m := map[string]any{"id": e.ID, "previousEventId": e.PreviousEventID, "type": e.Type, "timestamp": e.Timestamp}
	if e.DetailsKey != "" {
		m[e.DetailsKey] = e.Details
	}
	return json.Marshal(m)
}

// GetExecutionHistoryOutput is GetExecutionHistory's answer.
type GetExecutionHistoryOutput struct {
	Events    []HistoryEvent `json:"events"`
	NextToken string         `json:"nextToken,omitempty"`
}

// RedriveExecutionInput is RedriveExecution's request.
type RedriveExecutionInput struct {
	ExecutionArn string `json:"executionArn"`
	ClientToken  string `json:"clientToken,omitempty"`
}

// RedriveExecutionOutput is RedriveExecution's answer.
type RedriveExecutionOutput struct {
	RedriveDate Timestamp `json:"redriveDate"`
}
