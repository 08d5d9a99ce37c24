package apigw

// Integration responses and route responses: children of an integration
// or a route of a WebSocket API (HTTP APIs have neither), stored and
// served by the control plane; invoke does not use them (WebSocket APIs
// are not invoked, doc.go).

// hIntegrationResponse is an integration response.
type hIntegrationResponse struct {
	ContentHandlingStrategy     string            `json:"contentHandlingStrategy,omitempty"`
	IntegrationResponseID       string            `json:"integrationResponseId"`
	IntegrationResponseKey      string            `json:"integrationResponseKey"`
	ResponseParameters          map[string]string `json:"responseParameters,omitempty"`
	ResponseTemplates           map[string]string `json:"responseTemplates,omitempty"`
	TemplateSelectionExpression string            `json:"templateSelectionExpression,omitempty"`
	integrationID               string
}

// hParameterConstraints is a route response parameter's constraint.
type hParameterConstraints struct {
	Required bool `json:"required"`
}

// hRouteResponse is a route response.
type hRouteResponse struct {
	ModelSelectionExpression string                           `json:"modelSelectionExpression,omitempty"`
	ResponseModels           map[string]string                `json:"responseModels,omitempty"`
	ResponseParameters       map[string]hParameterConstraints `json:"responseParameters,omitempty"`
	RouteResponseID          string                           `json:"routeResponseId"`
	RouteResponseKey         string                           `json:"routeResponseKey"`
	routeID                  string
}

// webSocketOnly refuses a WebSocket API's child on an HTTP API.
func webSocketOnly(a *hAPI, what string) error {
	if a.doc.ProtocolType != "WEBSOCKET" {
		return badRequest("%s are supported only for WebSocket APIs", what)
	}
	return nil
}

var integrationResponseKind = kind[hIntegrationResponse]{name: "IntegrationResponse", label: "IntegrationResponseId",
	coll: func(a *hAPI) map[string]hIntegrationResponse {
		if a.intResponses == nil {
			a.intResponses = map[string]hIntegrationResponse{}
		}
		return a.intResponses
	},
	setID: func(v *hIntegrationResponse, id string) { v.IntegrationResponseID = id },
	idOf:  func(v hIntegrationResponse) string { return v.IntegrationResponseID },
	check: func(a *hAPI, v *hIntegrationResponse, _ string, _ bool) error {
		if err := webSocketOnly(a, "Integration responses"); err != nil {
			return err
		}
		if v.IntegrationResponseKey == "" {
			return badRequest("IntegrationResponseKey is required")
		}
		switch v.ContentHandlingStrategy {
		case "", "CONVERT_TO_BINARY", "CONVERT_TO_TEXT":
			return nil
		}
		return badRequest("Invalid content handling strategy specified: %s", v.ContentHandlingStrategy)
	},
	parent: &parentOf[hIntegrationResponse]{label: "IntegrationId",
		exists: func(a *hAPI, id string) error {
			if _, ok := a.integrations[id]; !ok {
				return integrationKind.notFound(id)
			}
			return nil
		},
		get: func(v hIntegrationResponse) string { return v.integrationID },
		set: func(v *hIntegrationResponse, id string) { v.integrationID = id }}}

var routeResponseKind = kind[hRouteResponse]{name: "RouteResponse", label: "RouteResponseId",
	coll: func(a *hAPI) map[string]hRouteResponse {
		if a.routeResponses == nil {
			a.routeResponses = map[string]hRouteResponse{}
		}
		return a.routeResponses
	},
	setID: func(v *hRouteResponse, id string) { v.RouteResponseID = id },
	idOf:  func(v hRouteResponse) string { return v.RouteResponseID },
	check: func(a *hAPI, v *hRouteResponse, _ string, _ bool) error {
		if err := webSocketOnly(a, "Route responses"); err != nil {
			return err
		}
		// AWS's documentation of RouteResponseKey: only $default is
		// supported.
		if v.RouteResponseKey != "$default" {
			return badRequest("Only $default is supported as a RouteResponseKey")
		}
		return nil
	},
	parent: &parentOf[hRouteResponse]{label: "RouteId",
		exists: func(a *hAPI, id string) error {
			if _, ok := a.routes[id]; !ok {
				return routeKind.notFound(id)
			}
			return nil
		},
		get: func(v hRouteResponse) string { return v.routeID },
		set: func(v *hRouteResponse, id string) { v.routeID = id }}}
