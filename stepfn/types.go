package stepfn

import (
	"encoding/json"
	"math"
	"strconv"
	"time"
)

// Timestamp is an instant as Step Functions' JSON carries it: epoch
// seconds with a fraction.
type Timestamp struct{ time.Time }

// MarshalJSON writes epoch seconds, to the millisecond.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	return []byte(strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', -1, 64)), nil
}

// UnmarshalJSON reads epoch seconds.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	sec, frac := math.Modf(f)
	t.Time = time.Unix(int64(sec), int64(frac*1e9)).UTC()
	return nil
}

func stamp(t time.Time) *Timestamp {
	if t.IsZero() {
		return nil
	}
	return &Timestamp{t}
}

// Tag is a resource tag.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// LoggingConfiguration is a machine's logging configuration, stored as
// given.
type LoggingConfiguration struct {
	Level                string           `json:"level,omitempty"`
	IncludeExecutionData bool             `json:"includeExecutionData"`
	Destinations         []map[string]any `json:"destinations,omitempty"`
}

// TracingConfiguration is a machine's X-Ray tracing switch.
type TracingConfiguration struct {
	Enabled bool `json:"enabled"`
}

// EncryptionConfiguration is a machine's encryption, stored as given.
type EncryptionConfiguration struct {
	Type                         string `json:"type,omitempty"`
	KmsKeyID                     string `json:"kmsKeyId,omitempty"`
	KmsDataKeyReusePeriodSeconds *int   `json:"kmsDataKeyReusePeriodSeconds,omitempty"`
}

// CreateStateMachineInput is CreateStateMachine's request.
type CreateStateMachineInput struct {
	Name                    string                   `json:"name"`
	Definition              string                   `json:"definition"`
	RoleArn                 string                   `json:"roleArn"`
	Type                    string                   `json:"type,omitempty"`
	LoggingConfiguration    *LoggingConfiguration    `json:"loggingConfiguration,omitempty"`
	TracingConfiguration    *TracingConfiguration    `json:"tracingConfiguration,omitempty"`
	EncryptionConfiguration *EncryptionConfiguration `json:"encryptionConfiguration,omitempty"`
	Tags                    []Tag                    `json:"tags,omitempty"`
	Publish                 bool                     `json:"publish,omitempty"`
	VersionDescription      string                   `json:"versionDescription,omitempty"`
}

// CreateStateMachineOutput is CreateStateMachine's answer.
type CreateStateMachineOutput struct {
	StateMachineArn        string    `json:"stateMachineArn"`
	CreationDate           Timestamp `json:"creationDate"`
	StateMachineVersionArn string    `json:"stateMachineVersionArn,omitempty"`
}

// StateMachineInput names a state machine (or a version or an alias of
// one) by ARN.
type StateMachineInput struct {
	StateMachineArn string `json:"stateMachineArn"`
	IncludedData    string `json:"includedData,omitempty"`
}

// DescribeStateMachineOutput is DescribeStateMachine's answer.
type DescribeStateMachineOutput struct {
	StateMachineArn         string                   `json:"stateMachineArn"`
	Name                    string                   `json:"name"`
	Status                  string                   `json:"status,omitempty"`
	Definition              string                   `json:"definition"`
	RoleArn                 string                   `json:"roleArn"`
	Type                    string                   `json:"type"`
	CreationDate            Timestamp                `json:"creationDate"`
	LoggingConfiguration    *LoggingConfiguration    `json:"loggingConfiguration,omitempty"`
	TracingConfiguration    *TracingConfiguration    `json:"tracingConfiguration,omitempty"`
	EncryptionConfiguration *EncryptionConfiguration `json:"encryptionConfiguration,omitempty"`
	RevisionID              string                   `json:"revisionId,omitempty"`
	Description             string                   `json:"description,omitempty"`
}

// UpdateStateMachineInput is UpdateStateMachine's request.
type UpdateStateMachineInput struct {
	StateMachineArn         string                   `json:"stateMachineArn"`
	Definition              *string                  `json:"definition,omitempty"`
	RoleArn                 *string                  `json:"roleArn,omitempty"`
	LoggingConfiguration    *LoggingConfiguration    `json:"loggingConfiguration,omitempty"`
	TracingConfiguration    *TracingConfiguration    `json:"tracingConfiguration,omitempty"`
	EncryptionConfiguration *EncryptionConfiguration `json:"encryptionConfiguration,omitempty"`
	Publish                 bool                     `json:"publish,omitempty"`
	VersionDescription      string                   `json:"versionDescription,omitempty"`
}

// UpdateStateMachineOutput is UpdateStateMachine's answer.
type UpdateStateMachineOutput struct {
	UpdateDate             Timestamp `json:"updateDate"`
	RevisionID             string    `json:"revisionId,omitempty"`
	StateMachineVersionArn string    `json:"stateMachineVersionArn,omitempty"`
}

// ListInput is a list request: its page size and token.
type ListInput struct {
	MaxResults int    `json:"maxResults,omitempty"`
	NextToken  string `json:"nextToken,omitempty"`
}

// StateMachineListItem is one state machine of ListStateMachines.
type StateMachineListItem struct {
	StateMachineArn string    `json:"stateMachineArn"`
	Name            string    `json:"name"`
	Type            string    `json:"type"`
	CreationDate    Timestamp `json:"creationDate"`
}

// ListStateMachinesOutput is ListStateMachines' answer.
type ListStateMachinesOutput struct {
	StateMachines []StateMachineListItem `json:"stateMachines"`
	NextToken     string                 `json:"nextToken,omitempty"`
}

// PublishStateMachineVersionInput is PublishStateMachineVersion's
// request.
type PublishStateMachineVersionInput struct {
	StateMachineArn string  `json:"stateMachineArn"`
	RevisionID      *string `json:"revisionId,omitempty"`
	Description     string  `json:"description,omitempty"`
}

// PublishStateMachineVersionOutput is its answer.
type PublishStateMachineVersionOutput struct {
	CreationDate           Timestamp `json:"creationDate"`
	StateMachineVersionArn string    `json:"stateMachineVersionArn"`
}

// ListStateMachineVersionsInput is ListStateMachineVersions' request.
type ListStateMachineVersionsInput struct {
	StateMachineArn string `json:"stateMachineArn"`
	MaxResults      int    `json:"maxResults,omitempty"`
	NextToken       string `json:"nextToken,omitempty"`
}

// VersionListItem is one version of ListStateMachineVersions.
type VersionListItem struct {
	StateMachineVersionArn string    `json:"stateMachineVersionArn"`
	CreationDate           Timestamp `json:"creationDate"`
}

// ListStateMachineVersionsOutput is its answer.
type ListStateMachineVersionsOutput struct {
	StateMachineVersions []VersionListItem `json:"stateMachineVersions"`
	NextToken            string            `json:"nextToken,omitempty"`
}

// VersionInput names a version by ARN.
type VersionInput struct {
	StateMachineVersionArn string `json:"stateMachineVersionArn"`
}

// RoutingConfiguration is one version of an alias and its weight.
type RoutingConfiguration struct {
	StateMachineVersionArn string `json:"stateMachineVersionArn"`
	Weight                 int    `json:"weight"`
}

// CreateStateMachineAliasInput is CreateStateMachineAlias' request.
type CreateStateMachineAliasInput struct {
	Name                 string                 `json:"name"`
	Description          string                 `json:"description,omitempty"`
	RoutingConfiguration []RoutingConfiguration `json:"routingConfiguration"`
}

// CreateStateMachineAliasOutput is its answer.
type CreateStateMachineAliasOutput struct {
	StateMachineAliasArn string    `json:"stateMachineAliasArn"`
	CreationDate         Timestamp `json:"creationDate"`
}

// AliasInput names an alias by ARN.
type AliasInput struct {
	StateMachineAliasArn string `json:"stateMachineAliasArn"`
}

// DescribeStateMachineAliasOutput is DescribeStateMachineAlias' answer.
type DescribeStateMachineAliasOutput struct {
	StateMachineAliasArn string                 `json:"stateMachineAliasArn"`
	Name                 string                 `json:"name"`
	Description          string                 `json:"description,omitempty"`
	RoutingConfiguration []RoutingConfiguration `json:"routingConfiguration"`
	CreationDate         Timestamp              `json:"creationDate"`
	UpdateDate           Timestamp              `json:"updateDate"`
}

// UpdateStateMachineAliasInput is UpdateStateMachineAlias' request.
type UpdateStateMachineAliasInput struct {
	StateMachineAliasArn string                 `json:"stateMachineAliasArn"`
	Description          *string                `json:"description,omitempty"`
	RoutingConfiguration []RoutingConfiguration `json:"routingConfiguration,omitempty"`
}

// UpdateStateMachineAliasOutput is its answer.
type UpdateStateMachineAliasOutput struct {
	UpdateDate Timestamp `json:"updateDate"`
}

// AliasListItem is one alias of ListStateMachineAliases.
type AliasListItem struct {
	StateMachineAliasArn string    `json:"stateMachineAliasArn"`
	CreationDate         Timestamp `json:"creationDate"`
}

// ListStateMachineAliasesOutput is its answer.
type ListStateMachineAliasesOutput struct {
	StateMachineAliases []AliasListItem `json:"stateMachineAliases"`
	NextToken           string          `json:"nextToken,omitempty"`
}

// TagResourceInput is TagResource's request.
type TagResourceInput struct {
	ResourceArn string `json:"resourceArn"`
	Tags        []Tag  `json:"tags"`
}

// UntagResourceInput is UntagResource's request.
type UntagResourceInput struct {
	ResourceArn string   `json:"resourceArn"`
	TagKeys     []string `json:"tagKeys"`
}

// ResourceInput names a taggable resource.
type ResourceInput struct {
	ResourceArn string `json:"resourceArn"`
}

// ListTagsForResourceOutput is ListTagsForResource's answer.
type ListTagsForResourceOutput struct {
	Tags []Tag `json:"tags"`
}

// ValidateStateMachineDefinitionInput is the validation request.
type ValidateStateMachineDefinitionInput struct {
	Definition string `json:"definition"`
	Type       string `json:"type,omitempty"`
	Severity   string `json:"severity,omitempty"`
	MaxResults int    `json:"maxResults,omitempty"`
}

// Diagnostic is one finding of ValidateStateMachineDefinition.
type Diagnostic struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Location string `json:"location,omitempty"`
}

// ValidateStateMachineDefinitionOutput is the validation answer.
type ValidateStateMachineDefinitionOutput struct {
	Result      string       `json:"result"`
	Diagnostics []Diagnostic `json:"diagnostics"`
	Truncated   bool         `json:"truncated"`
}
