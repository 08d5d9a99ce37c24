package stepfn

// TestStateInput is TestState's request.
type TestStateInput struct {
	Definition      string         `json:"definition"`
	RoleArn         string         `json:"roleArn,omitempty"`
	Input           *string        `json:"input,omitempty"`
	InspectionLevel string         `json:"inspectionLevel,omitempty"`
	RevealSecrets   bool           `json:"revealSecrets,omitempty"`
	StateName       string         `json:"stateName,omitempty"`
	Variables       *string        `json:"variables,omitempty"`
	Mock            *TestStateMock `json:"mock,omitempty"`
}

// TestStateMock is TestState's mock: the task's result, or its error.
type TestStateMock struct {
	Result      *string    `json:"result,omitempty"`
	ErrorOutput *MockThrow `json:"errorOutput,omitempty"`
}

// TestStateOutput is TestState's answer.
type TestStateOutput struct {
	Output         *string         `json:"output,omitempty"`
	Error          string          `json:"error,omitempty"`
	Cause          string          `json:"cause,omitempty"`
	InspectionData *InspectionData `json:"inspectionData,omitempty"`
	NextState      string          `json:"nextState,omitempty"`
	Status         string          `json:"status"`
}

// InspectionData is the data of a TestState at DEBUG or TRACE: the input
// as each field of the state's data flow left it.
type InspectionData struct {
	Input               string `json:"input,omitempty"`
	AfterInputPath      string `json:"afterInputPath,omitempty"`
	AfterParameters     string `json:"afterParameters,omitempty"`
	Result              string `json:"result,omitempty"`
	AfterResultSelector string `json:"afterResultSelector,omitempty"`
	AfterResultPath     string `json:"afterResultPath,omitempty"`
	Variables           string `json:"variables,omitempty"`
	// Request and Response are an HTTP task's, at TRACE.
	Request  *InspectionDataRequest  `json:"request,omitempty"`
	Response *InspectionDataResponse `json:"response,omitempty"`
}

// InspectionDataRequest is an HTTP task's request as TestState shows it
// at TRACE.
type InspectionDataRequest struct {
	Protocol string `json:"protocol,omitempty"`
	Method   string `json:"method,omitempty"`
	URL      string `json:"url,omitempty"`
	Headers  string `json:"headers,omitempty"`
	Body     string `json:"body,omitempty"`
}

// InspectionDataResponse is an HTTP task's response as TestState shows it
// at TRACE.
type InspectionDataResponse struct {
	Protocol      string `json:"protocol,omitempty"`
	StatusCode    string `json:"statusCode,omitempty"`
	StatusMessage string `json:"statusMessage,omitempty"`
	Headers       string `json:"headers,omitempty"`
	Body          string `json:"body,omitempty"`
}
