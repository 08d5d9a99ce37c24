package stepfn

// CreateActivityInput is CreateActivity's request.
type CreateActivityInput struct {
	Name                    string                   `json:"name"`
	Tags                    []Tag                    `json:"tags,omitempty"`
	EncryptionConfiguration *EncryptionConfiguration `json:"encryptionConfiguration,omitempty"`
}

// CreateActivityOutput is CreateActivity's answer.
type CreateActivityOutput struct {
	ActivityArn  string    `json:"activityArn"`
	CreationDate Timestamp `json:"creationDate"`
}

// ActivityInput names an activity (DescribeActivity, DeleteActivity).
type ActivityInput struct {
	ActivityArn string `json:"activityArn"`
}

// DescribeActivityOutput is DescribeActivity's answer.
type DescribeActivityOutput struct {
	ActivityArn             string                   `json:"activityArn"`
	Name                    string                   `json:"name"`
	CreationDate            Timestamp                `json:"creationDate"`
	EncryptionConfiguration *EncryptionConfiguration `json:"encryptionConfiguration,omitempty"`
}

// ActivityListItem is one activity of ListActivities.
type ActivityListItem struct {
	ActivityArn  string    `json:"activityArn"`
	Name         string    `json:"name"`
	CreationDate Timestamp `json:"creationDate"`
}

// ListActivitiesOutput is ListActivities' answer.
type ListActivitiesOutput struct {
	Activities []ActivityListItem `json:"activities"`
	NextToken  string             `json:"nextToken,omitempty"`
}

// GetActivityTaskInput is GetActivityTask's request.
type GetActivityTaskInput struct {
	ActivityArn string `json:"activityArn"`
	WorkerName  string `json:"workerName,omitempty"`
}

// GetActivityTaskOutput is GetActivityTask's answer: empty when no task
// came within the poll.
type GetActivityTaskOutput struct {
	TaskToken string `json:"taskToken,omitempty"`
	Input     string `json:"input,omitempty"`
}

// SendTaskSuccessInput is SendTaskSuccess's request.
type SendTaskSuccessInput struct {
	TaskToken string `json:"taskToken"`
	Output    string `json:"output"`
}

// SendTaskFailureInput is SendTaskFailure's request.
type SendTaskFailureInput struct {
	TaskToken string `json:"taskToken"`
	Error     string `json:"error,omitempty"`
	Cause     string `json:"cause,omitempty"`
}

// SendTaskHeartbeatInput is SendTaskHeartbeat's request.
type SendTaskHeartbeatInput struct {
	TaskToken string `json:"taskToken"`
}
