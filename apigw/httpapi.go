package apigw

import (
	"encoding/json"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// httpState is the HTTP and WebSocket APIs (API Gateway v2) of the cloud,
// kept apart from the REST APIs: by id across accounts, since invoke URLs
// name no account. Ids share the REST APIs' form and namespace.
type httpState struct {
	apis map[string]*hAPI
	jwks jwksCache // JWT authorizers' issuer keys (httpapi_jwt.go)
}

// hAPI is one v2 API and what it owns.
type hAPI struct {
	scope        faults.Scope
	doc          hAPIDoc
	routes       map[string]hRoute
	integrations map[string]hIntegration
	authorizers  map[string]hAuthorizer
	stages       map[string]hStage
	deployments  map[string]hDeployment
	models       map[string]hModel
	// snaps are the deployments' frozen configurations, by deployment id.
	snaps map[string]*hSnap
	// buckets are the token buckets of the routes' throttling, by stage
	// and route key, filled lazily on the clock.
	buckets map[string]*bucket
	// intResponses and routeResponses are the integrations' and the
	// routes' responses (httpapi_responses.go), created on first use.
	intResponses   map[string]hIntegrationResponse
	routeResponses map[string]hRouteResponse
}

// hCors is an HTTP API's CORS configuration.
type hCors struct {
	AllowCredentials bool     `json:"allowCredentials,omitempty"`
	AllowHeaders     []string `json:"allowHeaders,omitempty"`
	AllowMethods     []string `json:"allowMethods,omitempty"`
	AllowOrigins     []string `json:"allowOrigins,omitempty"`
	ExposeHeaders    []string `json:"exposeHeaders,omitempty"`
	MaxAge           *int32   `json:"maxAge,omitempty"`
}

// hAPIDoc is an API as the wire shows it.
type hAPIDoc struct {
	APIEndpoint               string            `json:"apiEndpoint,omitempty"`
	APIID                     string            `json:"apiId"`
	APIKeySelectionExpression string            `json:"apiKeySelectionExpression,omitempty"`
	CorsConfiguration         *hCors            `json:"corsConfiguration,omitempty"`
	CreatedDate               time.Time         `json:"createdDate,omitzero"`
	Description               string            `json:"description,omitempty"`
	DisableExecuteAPIEndpoint bool              `json:"disableExecuteApiEndpoint"`
	DisableSchemaValidation   bool              `json:"disableSchemaValidation,omitempty"`
	IPAddressType             string            `json:"ipAddressType,omitempty"`
	Name                      string            `json:"name"`
	ProtocolType              string            `json:"protocolType"`
	RouteSelectionExpression  string            `json:"routeSelectionExpression,omitempty"`
	Tags                      map[string]string `json:"tags,omitempty"`
	Version                   string            `json:"version,omitempty"`
}

// hRoute is a route.
type hRoute struct {
	APIKeyRequired      bool              `json:"apiKeyRequired"`
	AuthorizationScopes []string          `json:"authorizationScopes,omitempty"`
	AuthorizationType   string            `json:"authorizationType,omitempty"`
	AuthorizerID        string            `json:"authorizerId,omitempty"`
	OperationName       string            `json:"operationName,omitempty"`
	RequestModels       map[string]string `json:"requestModels,omitempty"`
	RequestParameters   map[string]any    `json:"requestParameters,omitempty"`
	RouteID             string            `json:"routeId"`
	RouteKey            string            `json:"routeKey"`
	Target              string            `json:"target,omitempty"`
}

// hIntegration is an integration.
type hIntegration struct {
	ConnectionType       string                       `json:"connectionType,omitempty"`
	CredentialsArn       string                       `json:"credentialsArn,omitempty"`
	Description          string                       `json:"description,omitempty"`
	IntegrationID        string                       `json:"integrationId"`
	IntegrationMethod    string                       `json:"integrationMethod,omitempty"`
	IntegrationSubtype   string                       `json:"integrationSubtype,omitempty"`
	IntegrationType      string                       `json:"integrationType"`
	IntegrationURI       string                       `json:"integrationUri,omitempty"`
	PayloadFormatVersion string                       `json:"payloadFormatVersion,omitempty"`
	RequestParameters    map[string]string            `json:"requestParameters,omitempty"`
	ResponseParameters   map[string]map[string]string `json:"responseParameters,omitempty"`
	TimeoutInMillis      int32                        `json:"timeoutInMillis,omitempty"`
}

// hJWT is a JWT authorizer's configuration.
type hJWT struct {
	Audience []string `json:"audience,omitempty"`
	Issuer   string   `json:"issuer,omitempty"`
}

// hAuthorizer is an authorizer.
type hAuthorizer struct {
	AuthorizerCredentialsArn       string   `json:"authorizerCredentialsArn,omitempty"`
	AuthorizerID                   string   `json:"authorizerId"`
	AuthorizerPayloadFormatVersion string   `json:"authorizerPayloadFormatVersion,omitempty"`
	AuthorizerResultTTLInSeconds   *int32   `json:"authorizerResultTtlInSeconds,omitempty"`
	AuthorizerType                 string   `json:"authorizerType"`
	AuthorizerURI                  string   `json:"authorizerUri,omitempty"`
	EnableSimpleResponses          bool     `json:"enableSimpleResponses,omitempty"`
	IdentitySource                 []string `json:"identitySource,omitempty"`
	JWTConfiguration               *hJWT    `json:"jwtConfiguration,omitempty"`
	Name                           string   `json:"name"`
}

// hRouteSettings are a stage's settings for its routes.
type hRouteSettings struct {
	DataTraceEnabled       bool     `json:"dataTraceEnabled,omitempty"`
	DetailedMetricsEnabled bool     `json:"detailedMetricsEnabled,omitempty"`
	LoggingLevel           string   `json:"loggingLevel,omitempty"`
	ThrottlingBurstLimit   *int32   `json:"throttlingBurstLimit,omitempty"`
	ThrottlingRateLimit    *float64 `json:"throttlingRateLimit,omitempty"`
}

// hStage is a stage.
type hStage struct {
	AccessLogSettings    map[string]string         `json:"accessLogSettings,omitempty"`
	AutoDeploy           bool                      `json:"autoDeploy"`
	CreatedDate          time.Time                 `json:"createdDate,omitzero"`
	DefaultRouteSettings *hRouteSettings           `json:"defaultRouteSettings,omitempty"`
	DeploymentID         string                    `json:"deploymentId,omitempty"`
	Description          string                    `json:"description,omitempty"`
	LastUpdatedDate      time.Time                 `json:"lastUpdatedDate,omitzero"`
	RouteSettings        map[string]hRouteSettings `json:"routeSettings,omitempty"`
	StageName            string                    `json:"stageName"`
	StageVariables       map[string]string         `json:"stageVariables,omitempty"`
	Tags                 map[string]string         `json:"tags,omitempty"`
}

// hDeployment is a deployment.
type hDeployment struct {
	AutoDeployed     bool      `json:"autoDeployed"`
	CreatedDate      time.Time `json:"createdDate,omitzero"`
	DeploymentID     string    `json:"deploymentId"`
	DeploymentStatus string    `json:"deploymentStatus"`
	Description      string    `json:"description,omitempty"`
}

// hModel is a model.
type hModel struct {
	ContentType string `json:"contentType,omitempty"`
	Description string `json:"description,omitempty"`
	ModelID     string `json:"modelId"`
	Name        string `json:"name"`
	Schema      string `json:"schema,omitempty"`
}

// hSnap is what a deployment froze: the routes, integrations, authorizers
// and CORS configuration of the API when it was deployed.
type hSnap struct {
	id           string
	routes       []hRoute
	integrations map[string]hIntegration
	authorizers  map[string]hAuthorizer
	cors         *hCors
}

// httpLocked returns the v2 state, creating it.
func (s *Service) httpLocked() *httpState {
	if s.h == nil {
		s.h = &httpState{apis: map[string]*hAPI{}}
	}
	return s.h
}

// hAPILocked returns the caller's v2 API id.
func (s *Service) hAPILocked(sc faults.Scope, id string) (*hAPI, error) {
	a := s.httpLocked().apis[id]
	if a == nil || a.scope.Account != sc.Account || a.scope.Region != sc.Region {
		return nil, errHTTPAPINotFound(id)
	}
	return a, nil
}

// newSharedIDLocked returns a fresh id of the REST id form that no REST
// or v2 API, nor any child of a, holds.
func (s *Service) newSharedIDLocked(a *hAPI) string {
	for {
		id := s.newID(10)
		if a != nil {
			id = s.newID(7)
		}
		if s.byID[id] != nil || s.httpLocked().apis[id] != nil {
			continue
		}
		if a != nil && a.owns(id) {
			continue
		}
		return id
	}
}

// owns reports whether one of a's children has id.
func (a *hAPI) owns(id string) bool {
	_, r := a.routes[id]
	_, i := a.integrations[id]
	_, au := a.authorizers[id]
	_, d := a.deployments[id]
	_, m := a.models[id]
	_, ir := a.intResponses[id]
	_, rr := a.routeResponses[id]
	return r || i || au || d || m || ir || rr
}

// overlay applies a PATCH body to v: each top-level member the body names
// replaces v's, the others stay.
func overlay[T any](v T, body []byte) (T, error) {
	base, _ := json.Marshal(v)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(base, &m)
	var p map[string]json.RawMessage
	if len(body) > 0 {
		if err := json.Unmarshal(body, &p); err != nil {
			return v, badRequest("Invalid request body: %s", jsonProblem(err))
		}
	}
	for k, raw := range p {
		m[k] = raw
	}
	merged, _ := json.Marshal(m)
	var out T
	if err := json.Unmarshal(merged, &out); err != nil {
		return v, badRequest("Invalid request body: %s", jsonProblem(err))
	}
	return out, nil
}

// jsonProblem words a decoding error without Go's type names.
func jsonProblem(err error) string {
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		return "invalid value for " + te.Field
	}
	return "malformed JSON"
}

// freeze builds a deployment's snapshot of a.
func (a *hAPI) freeze(id string) *hSnap {
	sn := &hSnap{id: id, integrations: map[string]hIntegration{}, authorizers: map[string]hAuthorizer{}}
	for _, r := range a.routes {
		sn.routes = append(sn.routes, r)
	}
	for k, v := range a.integrations {
		sn.integrations[k] = v
	}
	for k, v := range a.authorizers {
		sn.authorizers[k] = v
	}
	if a.doc.CorsConfiguration != nil {
		c := *a.doc.CorsConfiguration
		sn.cors = &c
	}
	return sn
}

// deployLocked creates a deployment of a's current configuration.
func (s *Service) deployLocked(a *hAPI, description string, auto bool) hDeployment {
	id := s.newSharedIDLocked(a)
	d := hDeployment{AutoDeployed: auto, CreatedDate: s.env.Clock.Now().UTC().Truncate(time.Second), DeploymentID: id,
		DeploymentStatus: "DEPLOYED", Description: description}
	a.deployments[id] = d
	a.snaps[id] = a.freeze(id)
	return d
}

// changedLocked redeploys every autoDeploy stage of a after a change to
// its routes, integrations, authorizers or CORS configuration.
func (s *Service) changedLocked(a *hAPI) {
	for name, st := range a.stages {
		if !st.AutoDeploy || len(a.routes) == 0 {
			continue
		}
		d := s.deployLocked(a, "Automatic deployment triggered by changes to the Api configuration", true)
		st.DeploymentID = d.DeploymentID
		st.LastUpdatedDate = d.CreatedDate
		a.stages[name] = st
	}
}

// errHTTPAPINotFound is the answer for an unknown v2 API id.
func errHTTPAPINotFound(id string) error {
	return notFound("Invalid API identifier specified %s", id)
}
