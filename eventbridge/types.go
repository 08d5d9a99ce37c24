package eventbridge

import (
	"encoding/json"
	"strconv"
	"time"
)

// Timestamp is a time as AWS's JSON protocols carry it: seconds since the
// epoch, with a fraction.
type Timestamp struct{ time.Time }

// At returns t as a *Timestamp.
func At(t time.Time) *Timestamp { return &Timestamp{t} }

// MarshalJSON writes epoch seconds with milliseconds.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(t.UnixMilli())/1000, 'f', -1, 64), nil
}

// UnmarshalJSON reads epoch seconds (a number), or an RFC 3339 string as
// some clients send.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err == nil {
		sec := int64(f)
		t.Time = time.Unix(sec, int64((f-float64(sec))*1e9)).UTC()
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	p, err := time.Parse(time.RFC3339Nano, s)
	t.Time = p.UTC()
	return err
}

// Tag is a resource tag.
type Tag struct {
	Key   string
	Value string
}

// DeadLetterConfig names the SQS queue that receives what a target could
// not be given.
type DeadLetterConfig struct {
	Arn string `json:",omitempty"`
}

// RetryPolicy bounds the retries of a target: at most MaximumRetryAttempts
// (0..185, default 185) within MaximumEventAgeInSeconds (60..86,400,
// default 86,400).
type RetryPolicy struct {
	MaximumRetryAttempts     *int32 `json:",omitempty"`
	MaximumEventAgeInSeconds *int32 `json:",omitempty"`
}

// InputTransformer builds a target's input from an InputTemplate whose
// <name> placeholders InputPathsMap fills with JSON paths of the event.
type InputTransformer struct {
	InputPathsMap map[string]string `json:",omitempty"`
	InputTemplate string
}

// SqsParameters are a FIFO queue target's message group.
type SqsParameters struct {
	MessageGroupId string `json:",omitempty"`
}

// Target is what a rule sends matching events to.
type Target struct {
	Id               string
	Arn              string
	RoleArn          string            `json:",omitempty"`
	Input            string            `json:",omitempty"`
	InputPath        string            `json:",omitempty"`
	InputTransformer *InputTransformer `json:",omitempty"`
	SqsParameters    *SqsParameters    `json:",omitempty"`
	RetryPolicy      *RetryPolicy      `json:",omitempty"`
	DeadLetterConfig *DeadLetterConfig `json:",omitempty"`
	// Parameters of targets the fake stores but does not act on (ECS,
	// Kinesis, Batch, HTTP, Redshift, SageMaker, AppSync): kept verbatim.
	EcsParameters        json.RawMessage `json:",omitempty"`
	KinesisParameters    json.RawMessage `json:",omitempty"`
	BatchParameters      json.RawMessage `json:",omitempty"`
	HttpParameters       json.RawMessage `json:",omitempty"`
	RunCommandParameters json.RawMessage `json:",omitempty"`
}

// EventBus is an event bus as ListEventBuses lists it.
type EventBus struct {
	Name             string
	Arn              string
	Description      string     `json:",omitempty"`
	Policy           string     `json:",omitempty"`
	CreationTime     *Timestamp `json:",omitempty"`
	LastModifiedTime *Timestamp `json:",omitempty"`
}

// Rule is a rule as ListRules lists it.
type Rule struct {
	Name               string
	Arn                string
	EventBusName       string
	EventPattern       string `json:",omitempty"`
	ScheduleExpression string `json:",omitempty"`
	State              string
	Description        string `json:",omitempty"`
	RoleArn            string `json:",omitempty"`
	ManagedBy          string `json:",omitempty"`
}

// The states of a rule.
const (
	RuleEnabled  = "ENABLED"
	RuleDisabled = "DISABLED"
)
