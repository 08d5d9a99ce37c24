package apigw

import (
	"context"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
)

// UpdateIntegrationInput is UpdateIntegration's input.
type UpdateIntegrationInput struct {
	RestAPIID       string           `json:"-"`
	ResourceID      string           `json:"-"`
	HTTPMethod      string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// Integration timeouts: "between 50 and 29,000 milliseconds ... The
// default value is 29,000 milliseconds or 29 seconds"
// (api_op_PutIntegration.go).
const (
	minTimeoutMillis     = 50
	maxTimeoutMillis     = 29000
	defaultTimeoutMillis = 29000
)

var integrationTypes = []string{"HTTP", "MOCK", "AWS_PROXY", "HTTP_PROXY", "AWS"}

// mappingKeyRE and mappingValueRE are the forms of a request parameter
// mapping: integration.request.{header|querystring|path}.name =
// method.request.{...}.name, 'static', context.x or stageVariables.x.
var (
	mappingKeyRE   = regexp.MustCompile(`^integration\.request\.(header|querystring|path|multivalueheader|multivaluequerystring)\.[^.]+$`)
	mappingValueRE = regexp.MustCompile(`^(method\.request\.(querystring|header|path|multivaluequerystring|multivalueheader|body)(\.[^.]+)?|'[^']*'|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)$`)
	// stageVariableRef is a stage variable in an integration's URI, which
	// AWS allows anywhere in it, the host included ("Amazon API Gateway
	// stage variables reference": http://${stageVariables.url}/...).
	stageVariableRef = regexp.MustCompile(`\$\{stageVariables\.[A-Za-z0-9_]+\}`)
)

// PutIntegration sets a method's integration.
func (s *Service) PutIntegration(ctx context.Context, in PutIntegrationInput) (Integration, error) {
	sc, err := s.enter(ctx, "PutIntegration")
	if err != nil {
		return Integration{}, err
	}
	if err := checkIntegration(in); err != nil {
		return Integration{}, err
	}
	timeout := int32(defaultTimeoutMillis)
	if in.TimeoutInMillis != nil {
		timeout = *in.TimeoutInMillis
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, m, err := s.methodLocked(sc, MethodRef{in.RestAPIID, in.ResourceID, in.HTTPMethod})
	if err != nil {
		return Integration{}, err
	}
	i := &Integration{Type: in.Type, HTTPMethod: in.IntegrationHTTPMethod, URI: in.URI, ConnectionType: in.ConnectionType,
		ConnectionID: in.ConnectionID, Credentials: in.Credentials, RequestParameters: clone(in.RequestParameters),
		RequestTemplates: clone(in.RequestTemplates), PassthroughBehavior: in.PassthroughBehavior,
		ContentHandling: in.ContentHandling, TimeoutInMillis: timeout, CacheNamespace: in.CacheNamespace,
		CacheKeyParameters: append([]string{}, in.CacheKeyParameters...)}
	if i.PassthroughBehavior == "" {
		i.PassthroughBehavior = "WHEN_NO_MATCH"
	}
	if i.ConnectionType == "" && in.Type != "MOCK" {
		i.ConnectionType = "INTERNET"
	}
	if i.CacheNamespace == "" {
		i.CacheNamespace = r.id
	}
	m.MethodIntegration = i
	return cloneIntegration(*i), nil
}

// checkIntegration checks PutIntegration's members with AWS's texts.
func checkIntegration(in PutIntegrationInput) error {
	if !slices.Contains(integrationTypes, in.Type) {
		// Recorded: test_apigateway_api.py::test_put_integration_wrong_type.
		return errValidation("Value '" + in.Type + "' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]")
	}
	if t := in.TimeoutInMillis; t != nil && (*t < minTimeoutMillis || *t > maxTimeoutMillis) {
		return badRequest("Timeout should be between %d ms and %d ms", minTimeoutMillis, maxTimeoutMillis)
	}
	for k, v := range in.RequestParameters {
		if !mappingKeyRE.MatchString(k) || !mappingValueRE.MatchString(v) {
			return badRequest("Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: %s]", v)
		}
	}
	switch in.Type {
	case "MOCK":
		return nil
	case "HTTP", "HTTP_PROXY":
		probe := stageVariableRef.ReplaceAllString(in.URI, "stagevariable")
		if u, err := url.Parse(probe); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return badRequest("Invalid HTTP endpoint specified for URI")
		}
	case "AWS_PROXY":
		if _, ok := lambdaTarget(in.URI); !ok {
			return badRequest("Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.")
		}
	case "AWS":
		if !strings.HasPrefix(in.URI, "arn:") {
			return badRequest("AWS ARN for integration must contain path or action")
		}
	}
	if in.IntegrationHTTPMethod == "" {
		return badRequest("Enumeration value for HttpMethod must be non-empty")
	}
	return nil
}

// lambdaTarget returns the function ARN of a Lambda integration URI:
// arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations.
func lambdaTarget(uri string) (string, bool) {
	a, err := arn.Parse(uri)
	if err != nil || a.Service != "apigateway" || a.Account != "lambda" {
		return "", false
	}
	rest, ok := strings.CutPrefix(a.Resource, "path/2015-03-31/functions/")
	if !ok {
		return "", false
	}
	fn, ok := strings.CutSuffix(rest, "/invocations")
	if !ok {
		return "", false
	}
	if f, err := arn.Parse(fn); err != nil || f.Service != "lambda" {
		return "", false
	}
	return fn, true
}

// GetIntegration returns a method's integration.
func (s *Service) GetIntegration(ctx context.Context, in MethodRef) (Integration, error) {
	sc, err := s.enter(ctx, "GetIntegration")
	if err != nil {
		return Integration{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, in)
	if err != nil {
		return Integration{}, err
	}
	if m.MethodIntegration == nil {
		return Integration{}, errIntegrationNotFound()
	}
	return cloneIntegration(*m.MethodIntegration), nil
}

// DeleteIntegration deletes a method's integration.
func (s *Service) DeleteIntegration(ctx context.Context, in MethodRef) error {
	sc, err := s.enter(ctx, "DeleteIntegration")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, in)
	if err != nil {
		return err
	}
	if m.MethodIntegration == nil {
		return errIntegrationNotFound()
	}
	m.MethodIntegration = nil
	return nil
}

// UpdateIntegration applies replace /uri, /httpMethod, /timeoutInMillis,
// /passthroughBehavior, /contentHandling, /connectionType, /connectionId,
// /credentials, and add, replace or remove /requestParameters/{name} and
// /requestTemplates/{type}.
func (s *Service) UpdateIntegration(ctx context.Context, in UpdateIntegrationInput) (Integration, error) {
	sc, err := s.enter(ctx, "UpdateIntegration")
	if err != nil {
		return Integration{}, err
	}
	if err := checkPatch("updateIntegrationInput", in.PatchOperations); err != nil {
		return Integration{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, MethodRef{in.RestAPIID, in.ResourceID, in.HTTPMethod})
	if err != nil {
		return Integration{}, err
	}
	if m.MethodIntegration == nil {
		return Integration{}, errIntegrationNotFound()
	}
	next := cloneIntegration(*m.MethodIntegration)
	for _, op := range in.PatchOperations {
		if err := patchIntegration(&next, op); err != nil {
			return Integration{}, err
		}
	}
	check := PutIntegrationInput{Type: next.Type, IntegrationHTTPMethod: next.HTTPMethod, URI: next.URI,
		RequestParameters: next.RequestParameters, TimeoutInMillis: &next.TimeoutInMillis}
	if err := checkIntegration(check); err != nil {
		return Integration{}, err
	}
	*m.MethodIntegration = next
	return cloneIntegration(next), nil
}

func patchIntegration(i *Integration, op PatchOperation) error {
	v := op.value()
	for _, prefix := range []string{"/requestParameters/", "/requestTemplates/"} {
		name, ok := strings.CutPrefix(op.Path, prefix)
		if !ok || name == "" {
			continue
		}
		name = unescapePointer(name)
		target := &i.RequestParameters
		if prefix == "/requestTemplates/" {
			target = &i.RequestTemplates
		}
		switch op.Op {
		case "add", "replace":
			if *target == nil {
				*target = map[string]string{}
			}
			(*target)[name] = v
		case "remove":
			delete(*target, name)
		default:
			return errPatchPath(op)
		}
		return nil
	}
	if op.Op != "replace" {
		return errPatchPath(op)
	}
	switch op.Path {
	case "/uri":
		i.URI = v
	case "/httpMethod":
		i.HTTPMethod = v
	case "/timeoutInMillis":
		n, err := strconv.ParseInt(v, 10, 32)
		if err != nil {
			return badRequest("Invalid timeout specified: %s", v)
		}
		i.TimeoutInMillis = int32(n)
	case "/passthroughBehavior":
		i.PassthroughBehavior = v
	case "/contentHandling":
		i.ContentHandling = v
	case "/connectionType":
		i.ConnectionType = v
	case "/connectionId":
		i.ConnectionID = v
	case "/credentials":
		i.Credentials = v
	default:
		return badRequest("Invalid patch path %s", op.Path)
	}
	return nil
}

// PutIntegrationResponse adds or replaces an integration response.
func (s *Service) PutIntegrationResponse(ctx context.Context, in PutIntegrationResponseInput) (IntegrationResponse, error) {
	sc, err := s.enter(ctx, "PutIntegrationResponse")
	if err != nil {
		return IntegrationResponse{}, err
	}
	if err := checkStatusCode(in.StatusCode); err != nil {
		return IntegrationResponse{}, err
	}
	if err := checkTemplateTypes(in.ResponseTemplates); err != nil {
		return IntegrationResponse{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, MethodRef{in.RestAPIID, in.ResourceID, in.HTTPMethod})
	if err != nil {
		return IntegrationResponse{}, err
	}
	if m.MethodIntegration == nil {
		return IntegrationResponse{}, errIntegrationNotFound()
	}
	ir := IntegrationResponse{StatusCode: in.StatusCode, SelectionPattern: in.SelectionPattern,
		ResponseParameters: clone(in.ResponseParameters), ResponseTemplates: clone(in.ResponseTemplates),
		ContentHandling: in.ContentHandling}
	if m.MethodIntegration.IntegrationResponses == nil {
		m.MethodIntegration.IntegrationResponses = map[string]IntegrationResponse{}
	}
	m.MethodIntegration.IntegrationResponses[in.StatusCode] = ir
	return cloneIntegrationResponse(ir), nil
}

// GetIntegrationResponse returns an integration response.
func (s *Service) GetIntegrationResponse(ctx context.Context, in ResponseRef) (IntegrationResponse, error) {
	sc, err := s.enter(ctx, "GetIntegrationResponse")
	if err != nil {
		return IntegrationResponse{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, MethodRef{in.RestAPIID, in.ResourceID, in.HTTPMethod})
	if err != nil {
		return IntegrationResponse{}, err
	}
	if m.MethodIntegration == nil {
		return IntegrationResponse{}, errIntegrationNotFound()
	}
	ir, ok := m.MethodIntegration.IntegrationResponses[in.StatusCode]
	if !ok {
		return IntegrationResponse{}, errResponseNotFound()
	}
	return cloneIntegrationResponse(ir), nil
}

// DeleteIntegrationResponse deletes an integration response.
func (s *Service) DeleteIntegrationResponse(ctx context.Context, in ResponseRef) error {
	sc, err := s.enter(ctx, "DeleteIntegrationResponse")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, MethodRef{in.RestAPIID, in.ResourceID, in.HTTPMethod})
	if err != nil {
		return err
	}
	if m.MethodIntegration == nil {
		return errIntegrationNotFound()
	}
	if _, ok := m.MethodIntegration.IntegrationResponses[in.StatusCode]; !ok {
		return errResponseNotFound()
	}
	delete(m.MethodIntegration.IntegrationResponses, in.StatusCode)
	return nil
}
