package apigw

import (
	"encoding/json"
	"math"
	"strconv"
	"time"
)

// Timestamp is a time as API Gateway's restJson1 wire writes it: epoch
// seconds.
type Timestamp time.Time

// Time returns t as a time.Time.
func (t Timestamp) Time() time.Time { return time.Time(t) }

// MarshalJSON writes epoch seconds (with milliseconds as a fraction).
func (t Timestamp) MarshalJSON() ([]byte, error) {
	ms := time.Time(t).UnixMilli()
	return strconv.AppendFloat(nil, float64(ms)/1000, 'f', -1, 64), nil
}

// UnmarshalJSON reads epoch seconds.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	sec, frac := math.Modf(f)
	*t = Timestamp(time.Unix(int64(sec), int64(frac*1e9)).UTC())
	return nil
}

// EndpointConfiguration is a REST API's endpoint types.
type EndpointConfiguration struct {
	Types          []string `json:"types,omitempty"`
	IPAddressType  string   `json:"ipAddressType,omitempty"`
	VpcEndpointIDs []string `json:"vpcEndpointIds,omitempty"`
}

// RestApi is a REST API as GetRestApi returns it.
type RestApi struct {
	ID                        string                 `json:"id"`
	Name                      string                 `json:"name"`
	Description               string                 `json:"description,omitempty"`
	CreatedDate               Timestamp              `json:"createdDate"`
	Version                   string                 `json:"version,omitempty"`
	BinaryMediaTypes          []string               `json:"binaryMediaTypes,omitempty"`
	MinimumCompressionSize    *int32                 `json:"minimumCompressionSize,omitempty"`
	APIKeySource              string                 `json:"apiKeySource"`
	EndpointConfiguration     *EndpointConfiguration `json:"endpointConfiguration,omitempty"`
	DisableExecuteAPIEndpoint bool                   `json:"disableExecuteApiEndpoint"`
	RootResourceID            string                 `json:"rootResourceId"`
	Policy                    string                 `json:"policy,omitempty"`
	Tags                      map[string]string      `json:"tags,omitempty"`
}

// CreateRestApiInput is CreateRestApi's input.
type CreateRestApiInput struct {
	Name                      string                 `json:"name"`
	Description               *string                `json:"description,omitempty"`
	Version                   string                 `json:"version,omitempty"`
	BinaryMediaTypes          []string               `json:"binaryMediaTypes,omitempty"`
	MinimumCompressionSize    *int32                 `json:"minimumCompressionSize,omitempty"`
	APIKeySource              string                 `json:"apiKeySource,omitempty"`
	EndpointConfiguration     *EndpointConfiguration `json:"endpointConfiguration,omitempty"`
	DisableExecuteAPIEndpoint bool                   `json:"disableExecuteApiEndpoint,omitempty"`
	Policy                    string                 `json:"policy,omitempty"`
	Tags                      map[string]string      `json:"tags,omitempty"`
}

// PatchOperation is one change of an Update* call: op (add, remove,
// replace, move, copy, test) at a path, with a value.
type PatchOperation struct {
	Op    string  `json:"op"`
	Path  string  `json:"path"`
	Value *string `json:"value,omitempty"`
	From  string  `json:"from,omitempty"`
}

// Page is a Get* listing's page: position is the token of the next page.
type Page[T any] struct {
	Items    []T    `json:"item"`
	Position string `json:"position,omitempty"`
}

// PageInput selects a page: the position a previous page returned and at
// most Limit items (default 25, at most 500).
type PageInput struct {
	Position string
	Limit    int32
}

// Resource is a resource of a REST API: its path and its methods.
type Resource struct {
	ID              string            `json:"id"`
	ParentID        string            `json:"parentId,omitempty"`
	PathPart        string            `json:"pathPart,omitempty"`
	Path            string            `json:"path"`
	ResourceMethods map[string]Method `json:"resourceMethods,omitempty"`
}

// Method is a method of a resource, with its method responses and
// integration.
type Method struct {
	HTTPMethod          string                    `json:"httpMethod"`
	AuthorizationType   string                    `json:"authorizationType"`
	AuthorizerID        string                    `json:"authorizerId,omitempty"`
	APIKeyRequired      bool                      `json:"apiKeyRequired"`
	RequestValidatorID  string                    `json:"requestValidatorId,omitempty"`
	OperationName       string                    `json:"operationName,omitempty"`
	RequestParameters   map[string]bool           `json:"requestParameters,omitempty"`
	RequestModels       map[string]string         `json:"requestModels,omitempty"`
	AuthorizationScopes []string                  `json:"authorizationScopes,omitempty"`
	MethodResponses     map[string]MethodResponse `json:"methodResponses,omitempty"`
	MethodIntegration   *Integration              `json:"methodIntegration,omitempty"`
}

// PutMethodInput is PutMethod's input.
type PutMethodInput struct {
	RestAPIID           string            `json:"-"`
	ResourceID          string            `json:"-"`
	HTTPMethod          string            `json:"-"`
	AuthorizationType   string            `json:"authorizationType"`
	AuthorizerID        string            `json:"authorizerId,omitempty"`
	APIKeyRequired      bool              `json:"apiKeyRequired,omitempty"`
	RequestValidatorID  string            `json:"requestValidatorId,omitempty"`
	OperationName       string            `json:"operationName,omitempty"`
	RequestParameters   map[string]bool   `json:"requestParameters,omitempty"`
	RequestModels       map[string]string `json:"requestModels,omitempty"`
	AuthorizationScopes []string          `json:"authorizationScopes,omitempty"`
}

// MethodResponse is a method response: the status and the headers and
// models the method may answer.
type MethodResponse struct {
	StatusCode         string            `json:"statusCode"`
	ResponseParameters map[string]bool   `json:"responseParameters,omitempty"`
	ResponseModels     map[string]string `json:"responseModels,omitempty"`
}

// PutMethodResponseInput is PutMethodResponse's input.
type PutMethodResponseInput struct {
	RestAPIID          string            `json:"-"`
	ResourceID         string            `json:"-"`
	HTTPMethod         string            `json:"-"`
	StatusCode         string            `json:"-"`
	ResponseParameters map[string]bool   `json:"responseParameters,omitempty"`
	ResponseModels     map[string]string `json:"responseModels,omitempty"`
}

// Integration is a method's integration with its backend.
type Integration struct {
	Type                 string                         `json:"type"`
	HTTPMethod           string                         `json:"httpMethod,omitempty"`
	URI                  string                         `json:"uri,omitempty"`
	ConnectionType       string                         `json:"connectionType,omitempty"`
	ConnectionID         string                         `json:"connectionId,omitempty"`
	Credentials          string                         `json:"credentials,omitempty"`
	RequestParameters    map[string]string              `json:"requestParameters,omitempty"`
	RequestTemplates     map[string]string              `json:"requestTemplates,omitempty"`
	PassthroughBehavior  string                         `json:"passthroughBehavior,omitempty"`
	ContentHandling      string                         `json:"contentHandling,omitempty"`
	TimeoutInMillis      int32                          `json:"timeoutInMillis"`
	CacheNamespace       string                         `json:"cacheNamespace,omitempty"`
	CacheKeyParameters   []string                       `json:"cacheKeyParameters"`
	IntegrationResponses map[string]IntegrationResponse `json:"integrationResponses,omitempty"`
}

// PutIntegrationInput is PutIntegration's input.
type PutIntegrationInput struct {
	RestAPIID             string            `json:"-"`
	ResourceID            string            `json:"-"`
	HTTPMethod            string            `json:"-"`
	Type                  string            `json:"type"`
	IntegrationHTTPMethod string            `json:"httpMethod,omitempty"`
	URI                   string            `json:"uri,omitempty"`
	ConnectionType        string            `json:"connectionType,omitempty"`
	ConnectionID          string            `json:"connectionId,omitempty"`
	Credentials           string            `json:"credentials,omitempty"`
	RequestParameters     map[string]string `json:"requestParameters,omitempty"`
	RequestTemplates      map[string]string `json:"requestTemplates,omitempty"`
	PassthroughBehavior   string            `json:"passthroughBehavior,omitempty"`
	ContentHandling       string            `json:"contentHandling,omitempty"`
	TimeoutInMillis       *int32            `json:"timeoutInMillis,omitempty"`
	CacheNamespace        string            `json:"cacheNamespace,omitempty"`
	CacheKeyParameters    []string          `json:"cacheKeyParameters,omitempty"`
}

// IntegrationResponse maps a backend answer to a method response.
type IntegrationResponse struct {
	StatusCode         string            `json:"statusCode"`
	SelectionPattern   string            `json:"selectionPattern,omitempty"`
	ResponseParameters map[string]string `json:"responseParameters,omitempty"`
	ResponseTemplates  Templates         `json:"responseTemplates,omitempty"`
	ContentHandling    string            `json:"contentHandling,omitempty"`
}

// PutIntegrationResponseInput is PutIntegrationResponse's input.
type PutIntegrationResponseInput struct {
	RestAPIID          string            `json:"-"`
	ResourceID         string            `json:"-"`
	HTTPMethod         string            `json:"-"`
	StatusCode         string            `json:"-"`
	SelectionPattern   string            `json:"selectionPattern,omitempty"`
	ResponseParameters map[string]string `json:"responseParameters,omitempty"`
	ResponseTemplates  map[string]string `json:"responseTemplates,omitempty"`
	ContentHandling    string            `json:"contentHandling,omitempty"`
}

// Deployment is a snapshot of a REST API that stages serve.
type Deployment struct {
	ID          string    `json:"id"`
	Description string    `json:"description,omitempty"`
	CreatedDate Timestamp `json:"createdDate"`
}

// CreateDeploymentInput is CreateDeployment's input: with a StageName, the
// stage is created or pointed at the new deployment.
type CreateDeploymentInput struct {
	RestAPIID        string            `json:"-"`
	StageName        string            `json:"stageName,omitempty"`
	StageDescription string            `json:"stageDescription,omitempty"`
	Description      string            `json:"description,omitempty"`
	Variables        map[string]string `json:"variables,omitempty"`
	TracingEnabled   bool              `json:"tracingEnabled,omitempty"`
	// CanarySettings makes the new deployment the stage's canary (canary.go).
	CanarySettings *DeploymentCanarySettings `json:"canarySettings,omitempty"`
	stageNameSent  bool                      // the body named a stageName, "" included (canary.go)
}

// MethodSetting is a stage's setting for one method (or */* for all).
type MethodSetting struct {
	MetricsEnabled                         bool    `json:"metricsEnabled"`
	LoggingLevel                           string  `json:"loggingLevel"`
	DataTraceEnabled                       bool    `json:"dataTraceEnabled"`
	ThrottlingBurstLimit                   int32   `json:"throttlingBurstLimit"`
	ThrottlingRateLimit                    float64 `json:"throttlingRateLimit"`
	CachingEnabled                         bool    `json:"cachingEnabled"`
	CacheTTLInSeconds                      int32   `json:"cacheTtlInSeconds"`
	CacheDataEncrypted                     bool    `json:"cacheDataEncrypted"`
	RequireAuthorizationForCacheControl    bool    `json:"requireAuthorizationForCacheControl"`
	UnauthorizedCacheControlHeaderStrategy string  `json:"unauthorizedCacheControlHeaderStrategy"`
}

// AccessLogSettings is a stage's access log: where and in what format.
type AccessLogSettings struct {
	Format         string `json:"format,omitempty"`
	DestinationArn string `json:"destinationArn,omitempty"`
}

// Stage is a named pointer to a deployment, with its own settings.
type Stage struct {
	StageName            string                   `json:"stageName"`
	DeploymentID         string                   `json:"deploymentId"`
	Description          string                   `json:"description,omitempty"`
	Variables            map[string]string        `json:"variables,omitempty"`
	CacheClusterEnabled  bool                     `json:"cacheClusterEnabled"`
	CacheClusterStatus   string                   `json:"cacheClusterStatus"`
	TracingEnabled       bool                     `json:"tracingEnabled"`
	MethodSettings       map[string]MethodSetting `json:"methodSettings"`
	AccessLogSettings    *AccessLogSettings       `json:"accessLogSettings,omitempty"`
	CanarySettings       *CanarySettings          `json:"canarySettings,omitempty"`
	Tags                 map[string]string        `json:"tags,omitempty"`
	CreatedDate          Timestamp                `json:"createdDate"`
	LastUpdatedDate      Timestamp                `json:"lastUpdatedDate"`
	DocumentationVersion string                   `json:"documentationVersion,omitempty"`
}

// CreateStageInput is CreateStage's input.
type CreateStageInput struct {
	RestAPIID      string            `json:"-"`
	StageName      string            `json:"stageName"`
	DeploymentID   string            `json:"deploymentId"`
	Description    string            `json:"description,omitempty"`
	Variables      map[string]string `json:"variables,omitempty"`
	TracingEnabled bool              `json:"tracingEnabled,omitempty"`
	Tags           map[string]string `json:"tags,omitempty"`
	CanarySettings *CanarySettings   `json:"canarySettings,omitempty"`
}

// RequestValidator says what of a method request API Gateway validates.
type RequestValidator struct {
	ID                        string `json:"id"`
	Name                      string `json:"name"`
	ValidateRequestBody       bool   `json:"validateRequestBody"`
	ValidateRequestParameters bool   `json:"validateRequestParameters"`
}

// CreateRequestValidatorInput is CreateRequestValidator's input.
type CreateRequestValidatorInput struct {
	RestAPIID                 string `json:"-"`
	Name                      string `json:"name"`
	ValidateRequestBody       bool   `json:"validateRequestBody"`
	ValidateRequestParameters bool   `json:"validateRequestParameters"`
}

// Model is a JSON Schema (draft 4) of a payload.
type Model struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Schema      string `json:"schema,omitempty"`
	ContentType string `json:"contentType"`
}

// CreateModelInput is CreateModel's input.
type CreateModelInput struct {
	RestAPIID   string `json:"-"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Schema      string `json:"schema,omitempty"`
	ContentType string `json:"contentType"`
}
