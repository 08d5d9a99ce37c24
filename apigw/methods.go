package apigw

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// MethodRef names a method of a resource.
type MethodRef struct{ RestAPIID, ResourceID, HTTPMethod string }

// ResponseRef names a method response or integration response.
type ResponseRef struct{ RestAPIID, ResourceID, HTTPMethod, StatusCode string }

// UpdateMethodInput is UpdateMethod's input.
type UpdateMethodInput struct {
	RestAPIID       string           `json:"-"`
	ResourceID      string           `json:"-"`
	HTTPMethod      string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// httpMethods are the methods a resource may have.
var httpMethods = []string{"GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "ANY"}

// statusCodeRE is the StatusCode pattern of the model: [1-5]\d\d.
var statusCodeRE = regexp.MustCompile(`^[1-5]\d\d$`)

// requestParamRE is the form of a method request parameter name.
var requestParamRE = regexp.MustCompile(`^method\.request\.(querystring|header|path|multivaluequerystring|multivalueheader)\.[^.]+$`)

// PutMethod adds a method to a resource.
func (s *Service) PutMethod(ctx context.Context, in PutMethodInput) (Method, error) {
	sc, err := s.enter(ctx, "PutMethod")
	if err != nil {
		return Method{}, err
	}
	if !slices.Contains(httpMethods, in.HTTPMethod) {
		return Method{}, badRequest("Invalid HttpMethod specified. Valid options are %s", strings.Join(httpMethods, ","))
	}
	switch in.AuthorizationType {
	case "NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS":
	default:
		return Method{}, badRequest("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS")
	}
	if err := checkRequestParameters(in.RequestParameters); err != nil {
		return Method{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, r, err := s.resourceLocked(sc, in.RestAPIID, in.ResourceID)
	if err != nil {
		return Method{}, err
	}
	if in.RequestValidatorID != "" && a.validators[in.RequestValidatorID] == nil {
		return Method{}, badRequest("Invalid Request Validator identifier specified")
	}
	if err := a.checkMethodAuthorizer(in.AuthorizationType, in.AuthorizerID); err != nil {
		return Method{}, err
	}
	for _, name := range in.RequestModels {
		if a.models[name] == nil {
			return Method{}, badRequest("Invalid model identifier specified: %s", name)
		}
	}
	if r.methods[in.HTTPMethod] != nil {
		return Method{}, conflict("Method already exists for this resource")
	}
	m := &Method{HTTPMethod: in.HTTPMethod, AuthorizationType: in.AuthorizationType, APIKeyRequired: in.APIKeyRequired,
		RequestValidatorID: in.RequestValidatorID, OperationName: in.OperationName, AuthorizerID: in.AuthorizerID,
		RequestParameters: clone(in.RequestParameters), RequestModels: clone(in.RequestModels),
		AuthorizationScopes: slices.Clone(in.AuthorizationScopes)}
	r.methods[in.HTTPMethod] = m
	return cloneMethod(*m), nil
}

// checkRequestParameters checks method request parameter names: their form,
// and that a name is used once across querystring, header and path
// (test_method_request_parameters).
func checkRequestParameters(params map[string]bool) error {
	seen := map[string]bool{}
	for k := range params {
		if !requestParamRE.MatchString(k) {
			return badRequest("Invalid method request parameter name specified: %s", k)
		}
		name := k[strings.LastIndexByte(k, '.')+1:]
		if seen[name] {
			return badRequest("Parameter names must be unique across querystring, header and path")
		}
		seen[name] = true
	}
	return nil
}

func clone[M ~map[K]V, K comparable, V any](m M) M {
	if m == nil {
		return nil
	}
	out := make(M, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// methodLocked returns an API, a resource and one of its methods.
func (s *Service) methodLocked(sc faults.Scope, ref MethodRef) (*api, *resource, *Method, error) {
	a, r, err := s.resourceLocked(sc, ref.RestAPIID, ref.ResourceID)
	if err != nil {
		return nil, nil, nil, err
	}
	m := r.methods[ref.HTTPMethod]
	if m == nil {
		return nil, nil, nil, errMethodNotFound()
	}
	return a, r, m, nil
}

// GetMethod returns a method with its responses and integration.
func (s *Service) GetMethod(ctx context.Context, in MethodRef) (Method, error) {
	sc, err := s.enter(ctx, "GetMethod")
	if err != nil {
		return Method{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, in)
	if err != nil {
		return Method{}, err
	}
	return cloneMethod(*m), nil
}

// DeleteMethod deletes a method and its integration.
func (s *Service) DeleteMethod(ctx context.Context, in MethodRef) error {
	sc, err := s.enter(ctx, "DeleteMethod")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, _, err := s.methodLocked(sc, in)
	if err != nil {
		return err
	}
	delete(r.methods, in.HTTPMethod)
	return nil
}

// UpdateMethod applies replace /authorizationType, /authorizerId, /apiKeyRequired,
// /requestValidatorId, /operationName, and add or remove
// /requestParameters/{name}.
func (s *Service) UpdateMethod(ctx context.Context, in UpdateMethodInput) (Method, error) {
	sc, err := s.enter(ctx, "UpdateMethod")
	if err != nil {
		return Method{}, err
	}
	if err := checkPatch("updateMethodInput", in.PatchOperations); err != nil {
		return Method{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, _, m, err := s.methodLocked(sc, MethodRef{in.RestAPIID, in.ResourceID, in.HTTPMethod})
	if err != nil {
		return Method{}, err
	}
	next := cloneMethod(*m)
	for _, op := range in.PatchOperations {
		if err := a.patchMethod(&next, op); err != nil {
			return Method{}, err
		}
	}
	if err := a.checkMethodAuthorizer(next.AuthorizationType, next.AuthorizerID); err != nil {
		return Method{}, err
	}
	*m = next
	return cloneMethod(next), nil
}

func (a *api) patchMethod(m *Method, op PatchOperation) error {
	v := op.value()
	if name, ok := strings.CutPrefix(op.Path, "/requestParameters/"); ok && (op.Op == "add" || op.Op == "remove") {
		if op.Op == "remove" {
			delete(m.RequestParameters, name)
			return nil
		}
		next := clone(m.RequestParameters)
		if next == nil {
			next = map[string]bool{}
		}
		next[name] = v == "true"
		if err := checkRequestParameters(next); err != nil {
			return err
		}
		m.RequestParameters = next
		return nil
	}
	if op.Op != "replace" {
		return badRequest("Invalid patch path %s", op.Path)
	}
	switch op.Path {
	case "/authorizationType":
		if !slices.Contains(authorizationTypes, v) {
			return badRequest("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS")
		}
		m.AuthorizationType = v
	case "/authorizerId":
		m.AuthorizerID = v
	case "/apiKeyRequired":
		m.APIKeyRequired = v == "true"
	case "/requestValidatorId":
		if v != "" && a.validators[v] == nil {
			return badRequest("Invalid Request Validator identifier specified")
		}
		m.RequestValidatorID = v
	case "/operationName":
		m.OperationName = v
	default:
		return badRequest("Invalid patch path %s", op.Path)
	}
	return nil
}

// PutMethodResponse adds or replaces a method response.
func (s *Service) PutMethodResponse(ctx context.Context, in PutMethodResponseInput) (MethodResponse, error) {
	sc, err := s.enter(ctx, "PutMethodResponse")
	if err != nil {
		return MethodResponse{}, err
	}
	if err := checkStatusCode(in.StatusCode); err != nil {
		return MethodResponse{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, MethodRef{in.RestAPIID, in.ResourceID, in.HTTPMethod})
	if err != nil {
		return MethodResponse{}, err
	}
	mr := MethodResponse{StatusCode: in.StatusCode, ResponseParameters: clone(in.ResponseParameters),
		ResponseModels: clone(in.ResponseModels)}
	if m.MethodResponses == nil {
		m.MethodResponses = map[string]MethodResponse{}
	}
	m.MethodResponses[in.StatusCode] = mr
	return cloneMethodResponse(mr), nil
}

// checkStatusCode answers a status code outside [1-5]\d\d as recorded
// (test_integration_response_invalid_statuscode).
func checkStatusCode(code string) error {
	if p := statusCodeProblem(code); p != "" {
		return errValidation(p)
	}
	return nil
}

// statusCodeProblem is checkStatusCode's text, "" for a valid code.
func statusCodeProblem(code string) string {
	if statusCodeRE.MatchString(code) {
		return ""
	}
	return "Value '" + code + "' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d"
}

// GetMethodResponse returns a method response.
func (s *Service) GetMethodResponse(ctx context.Context, in ResponseRef) (MethodResponse, error) {
	sc, err := s.enter(ctx, "GetMethodResponse")
	if err != nil {
		return MethodResponse{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, MethodRef{in.RestAPIID, in.ResourceID, in.HTTPMethod})
	if err != nil {
		return MethodResponse{}, err
	}
	mr, ok := m.MethodResponses[in.StatusCode]
	if !ok {
		return MethodResponse{}, errResponseNotFound()
	}
	return cloneMethodResponse(mr), nil
}

// DeleteMethodResponse deletes a method response.
func (s *Service) DeleteMethodResponse(ctx context.Context, in ResponseRef) error {
	sc, err := s.enter(ctx, "DeleteMethodResponse")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, MethodRef{in.RestAPIID, in.ResourceID, in.HTTPMethod})
	if err != nil {
		return err
	}
	if _, ok := m.MethodResponses[in.StatusCode]; !ok {
		return errResponseNotFound()
	}
	delete(m.MethodResponses, in.StatusCode)
	return nil
}
