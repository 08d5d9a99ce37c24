package apigw

import (
	"context"
	"slices"
	"strings"
)

// GatewayResponse is what API Gateway answers for one kind of failure of
// its own: the status, headers and body templates.
type GatewayResponse struct {
	ResponseType       string            `json:"responseType"`
	StatusCode         string            `json:"statusCode,omitempty"`
	ResponseParameters map[string]string `json:"responseParameters,omitempty"`
	ResponseTemplates  map[string]string `json:"responseTemplates,omitempty"`
	DefaultResponse    bool              `json:"defaultResponse"`
}

// PutGatewayResponseInput is PutGatewayResponse's input.
type PutGatewayResponseInput struct {
	RestAPIID          string            `json:"-"`
	ResponseType       string            `json:"-"`
	StatusCode         string            `json:"statusCode,omitempty"`
	ResponseParameters map[string]string `json:"responseParameters,omitempty"`
	ResponseTemplates  map[string]string `json:"responseTemplates,omitempty"`
}

// GatewayResponseRef names a gateway response.
type GatewayResponseRef struct{ RestAPIID, ResponseType string }

// UpdateGatewayResponseInput is UpdateGatewayResponse's input.
type UpdateGatewayResponseInput struct {
	RestAPIID       string           `json:"-"`
	ResponseType    string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// responseTypes are the gateway response types with their default
// statuses, in the order AWS's enum error lists them (recorded:
// test_gateway_response_validation); DEFAULT_4XX and DEFAULT_5XX have none.
var responseTypes = []struct{ name, status string }{
	{"REQUEST_TOO_LARGE", "413"}, {"RESOURCE_NOT_FOUND", "404"}, {"AUTHORIZER_CONFIGURATION_ERROR", "500"},
	{"MISSING_AUTHENTICATION_TOKEN", "403"}, {"BAD_REQUEST_BODY", "400"}, {"INVALID_SIGNATURE", "403"},
	{"INVALID_API_KEY", "403"}, {"BAD_REQUEST_PARAMETERS", "400"}, {"AUTHORIZER_FAILURE", "500"},
	{"UNAUTHORIZED", "401"}, {"INTEGRATION_TIMEOUT", "504"}, {"ACCESS_DENIED", "403"}, {"DEFAULT_4XX", ""},
	{"DEFAULT_5XX", ""}, {"WAF_FILTERED", "403"}, {"QUOTA_EXCEEDED", "429"}, {"THROTTLED", "429"},
	{"API_CONFIGURATION_ERROR", "500"}, {"UNSUPPORTED_MEDIA_TYPE", "415"}, {"INTEGRATION_FAILURE", "504"},
	{"EXPIRED_TOKEN", "403"},
}

// defaultTemplate is every default gateway response's body template.
const defaultTemplate = `{"message":$context.error.messageString}`

func defaultGatewayResponse(typ string) (GatewayResponse, bool) {
	for _, t := range responseTypes {
		if t.name == typ {
			return GatewayResponse{ResponseType: typ, StatusCode: t.status, ResponseParameters: map[string]string{},
				ResponseTemplates: map[string]string{"application/json": defaultTemplate}, DefaultResponse: true}, true
		}
	}
	return GatewayResponse{}, false
}

func checkResponseType(typ string) error {
	if _, ok := defaultGatewayResponse(typ); ok {
		return nil
	}
	names := make([]string, len(responseTypes))
	for i, t := range responseTypes {
		names[i] = t.name
	}
	return errValidation("Value '" + typ + "' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [" +
		strings.Join(names, ", ") + "]")
}

func cloneGatewayResponse(g GatewayResponse) GatewayResponse {
	g.ResponseParameters = clone(g.ResponseParameters)
	g.ResponseTemplates = clone(g.ResponseTemplates)
	return g
}

// PutGatewayResponse customises a gateway response. Like every change to
// an API, it is served from the next deployment.
func (s *Service) PutGatewayResponse(ctx context.Context, in PutGatewayResponseInput) (GatewayResponse, error) {
	sc, err := s.enter(ctx, "PutGatewayResponse")
	if err != nil {
		return GatewayResponse{}, err
	}
	if err := checkResponseType(in.ResponseType); err != nil {
		return GatewayResponse{}, err
	}
	if in.StatusCode != "" {
		if err := checkStatusCode(in.StatusCode); err != nil {
			return GatewayResponse{}, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return GatewayResponse{}, err
	}
	g := GatewayResponse{ResponseType: in.ResponseType, StatusCode: in.StatusCode,
		ResponseParameters: clone(in.ResponseParameters), ResponseTemplates: clone(in.ResponseTemplates)}
	if a.gateway == nil {
		a.gateway = map[string]*GatewayResponse{}
	}
	a.gateway[in.ResponseType] = &g
	return cloneGatewayResponse(g), nil
}

// GetGatewayResponse returns a gateway response: the customised one, else
// the default.
func (s *Service) GetGatewayResponse(ctx context.Context, in GatewayResponseRef) (GatewayResponse, error) {
	sc, err := s.enter(ctx, "GetGatewayResponse")
	if err != nil {
		return GatewayResponse{}, err
	}
	if err := checkResponseType(in.ResponseType); err != nil {
		return GatewayResponse{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return GatewayResponse{}, err
	}
	return a.gatewayResponse(in.ResponseType), nil
}

func (a *api) gatewayResponse(typ string) GatewayResponse {
	if g := a.gateway[typ]; g != nil {
		return cloneGatewayResponse(*g)
	}
	g, _ := defaultGatewayResponse(typ)
	return g
}

// GetGatewayResponses lists every gateway response type of an API, by type.
func (s *Service) GetGatewayResponses(ctx context.Context, in GetModelsInput) (Page[GatewayResponse], error) {
	a, unlock, err := s.enterAPI(ctx, "GetGatewayResponses", in.RestAPIID)
	if err != nil {
		return Page[GatewayResponse]{}, err
	}
	defer unlock()
	all := make([]GatewayResponse, 0, len(responseTypes))
	for _, t := range responseTypes {
		all = append(all, a.gatewayResponse(t.name))
	}
	slices.SortFunc(all, func(x, y GatewayResponse) int { return strings.Compare(x.ResponseType, y.ResponseType) })
	return page(all, func(g GatewayResponse) string { return g.ResponseType }, in.PageInput)
}

// DeleteGatewayResponse restores a gateway response to its default.
func (s *Service) DeleteGatewayResponse(ctx context.Context, in GatewayResponseRef) error {
	sc, err := s.enter(ctx, "DeleteGatewayResponse")
	if err != nil {
		return err
	}
	if err := checkResponseType(in.ResponseType); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return err
	}
	if a.gateway[in.ResponseType] == nil {
		return notFound("Gateway response type not defined on api")
	}
	delete(a.gateway, in.ResponseType)
	return nil
}

// UpdateGatewayResponse applies replace /statusCode and add, replace or
// remove /responseParameters/{name} and /responseTemplates/{type}.
func (s *Service) UpdateGatewayResponse(ctx context.Context, in UpdateGatewayResponseInput) (GatewayResponse, error) {
	sc, err := s.enter(ctx, "UpdateGatewayResponse")
	if err != nil {
		return GatewayResponse{}, err
	}
	if err := checkPatch("updateGatewayResponseInput", in.PatchOperations); err != nil {
		return GatewayResponse{}, err
	}
	if err := checkResponseType(in.ResponseType); err != nil {
		return GatewayResponse{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return GatewayResponse{}, err
	}
	next := a.gatewayResponse(in.ResponseType)
	next.DefaultResponse = false
	for _, op := range in.PatchOperations {
		if err := patchGatewayResponse(&next, op); err != nil {
			return GatewayResponse{}, err
		}
	}
	if a.gateway == nil {
		a.gateway = map[string]*GatewayResponse{}
	}
	a.gateway[in.ResponseType] = &next
	return cloneGatewayResponse(next), nil
}

func patchGatewayResponse(g *GatewayResponse, op PatchOperation) error {
	if op.Path == "/statusCode" && op.Op == "replace" {
		if err := checkStatusCode(op.value()); err != nil {
			return err
		}
		g.StatusCode = op.value()
		return nil
	}
	for _, prefix := range []string{"/responseParameters/", "/responseTemplates/"} {
		name, ok := strings.CutPrefix(op.Path, prefix)
		if !ok || name == "" {
			continue
		}
		name = unescapePointer(name)
		target, what := &g.ResponseParameters, "responseParameters"
		if prefix == "/responseTemplates/" {
			target, what = &g.ResponseTemplates, "responseTemplates"
		}
		switch op.Op {
		case "add", "replace":
			if op.value() == "" {
				return badRequest("Invalid null or empty value in %s", what)
			}
			if *target == nil {
				*target = map[string]string{}
			}
			(*target)[name] = op.value()
		case "remove":
			delete(*target, name)
		default:
			return badRequest("Invalid patch path %s", op.Path)
		}
		return nil
	}
	return badRequest("Invalid patch path %s", op.Path)
}
