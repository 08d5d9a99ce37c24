package apigw

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// kind describes one kind of an API's children (routes, integrations,
// authorizers, models) for the generic create, get, list, update and
// delete handlers.
type kind[T any] struct {
	name  string // as AWS's messages name it: "Route"
	label string // the path label of its id: "RouteId"
	coll  func(*hAPI) map[string]T
	setID func(*T, string)
	idOf  func(T) string
	// check validates v (old is the stored child on update, nil on
	// create) and fills its defaults.
	check func(a *hAPI, v *T, id string, create bool) error
	// deployed reports whether a change is part of what deployments
	// freeze (an autoDeploy stage redeploys).
	deployed bool
	// parent is set for the children of a route or an integration.
	parent *parentOf[T]
	// removed, when set, drops what belonged to a deleted child.
	removed func(a *hAPI, id string)
}

// parentOf ties a kind's children to a parent (a route or an
// integration): the path label of its id, its lookup, and the child's
// parent id.
type parentOf[T any] struct {
	label  string
	exists func(a *hAPI, id string) error
	get    func(T) string
	set    func(*T, string)
}

// find returns the child the path names, checking its parent.
func (k kind[T]) find(a *hAPI, c *call) (T, string, error) {
	var zero T
	id := c.label(k.label)
	v, ok := k.coll(a)[id]
	if k.parent != nil {
		pid := c.label(k.parent.label)
		if err := k.parent.exists(a, pid); err != nil {
			return zero, id, err
		}
		ok = ok && k.parent.get(v) == pid
	}
	if !ok {
		return zero, id, k.notFound(id)
	}
	return v, id, nil
}

func (k kind[T]) notFound(id string) error {
	return notFound("Invalid %s identifier specified %s", k.name, id)
}

func (k kind[T]) create(s *Service, c *call) error {
	body, err := bodyOf(c)
	if err != nil {
		return err
	}
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		return badRequest("Invalid request body: %s", jsonProblem(err))
	}
	return s.withAPI(c, func(a *hAPI) error {
		if k.parent != nil {
			pid := c.label(k.parent.label)
			if err := k.parent.exists(a, pid); err != nil {
				return err
			}
			k.parent.set(&v, pid)
		}
		if err := k.check(a, &v, "", true); err != nil {
			return err
		}
		id := s.newSharedIDLocked(a)
		k.setID(&v, id)
		k.coll(a)[id] = v
		if k.deployed {
			s.changedLocked(a)
		}
		return writeJSON(c, http.StatusCreated, v)
	})
}

func (k kind[T]) get(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		v, _, err := k.find(a, c)
		if err != nil {
			return err
		}
		return writeJSON(c, http.StatusOK, v)
	})
}

func (k kind[T]) list(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		m := k.coll(a)
		ids := make([]string, 0, len(m))
		if k.parent != nil {
			if err := k.parent.exists(a, c.label(k.parent.label)); err != nil {
				return err
			}
		}
		for _, id := range slices.Sorted(maps.Keys(m)) {
			if k.parent == nil || k.parent.get(m[id]) == c.label(k.parent.label) {
				ids = append(ids, id)
			}
		}
		items := make([]T, len(ids))
		for i, id := range ids {
			items[i] = m[id]
		}
		return writePage(c, items, k.idOf)
	})
}

func (k kind[T]) update(s *Service, c *call) error {
	body, err := bodyOf(c)
	if err != nil {
		return err
	}
	return s.withAPI(c, func(a *hAPI) error {
		old, id, err := k.find(a, c)
		if err != nil {
			return err
		}
		v, err := overlay(old, body)
		if err != nil {
			return err
		}
		k.setID(&v, id)
		if k.parent != nil {
			k.parent.set(&v, k.parent.get(old)) // overlay drops what the wire does not show
		}
		if err := k.check(a, &v, id, false); err != nil {
			return err
		}
		k.coll(a)[id] = v
		if k.deployed {
			s.changedLocked(a)
		}
		return writeJSON(c, http.StatusOK, v)
	})
}

func (k kind[T]) remove(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		_, id, err := k.find(a, c)
		if err != nil {
			return err
		}
		delete(k.coll(a), id)
		if k.removed != nil {
			k.removed(a, id)
		}
		if k.deployed {
			s.changedLocked(a)
		}
		c.w.WriteHeader(http.StatusNoContent)
		return nil
	})
}

var routeKind = kind[hRoute]{name: "Route", label: "RouteId", deployed: true,
	coll:  func(a *hAPI) map[string]hRoute { return a.routes },
	setID: func(r *hRoute, id string) { r.RouteID = id },
	idOf:  func(r hRoute) string { return r.RouteID },
	removed: func(a *hAPI, id string) {
		maps.DeleteFunc(a.routeResponses, func(_ string, v hRouteResponse) bool { return v.routeID == id })
	},
	check: func(a *hAPI, r *hRoute, id string, _ bool) error { return checkRoute(a, r, id) }}

var integrationKind = kind[hIntegration]{name: "Integration", label: "IntegrationId", deployed: true,
	coll:  func(a *hAPI) map[string]hIntegration { return a.integrations },
	setID: func(i *hIntegration, id string) { i.IntegrationID = id },
	idOf:  func(i hIntegration) string { return i.IntegrationID },
	removed: func(a *hAPI, id string) {
		maps.DeleteFunc(a.intResponses, func(_ string, v hIntegrationResponse) bool { return v.integrationID == id })
	},
	check: func(a *hAPI, i *hIntegration, _ string, create bool) error { return checkHIntegration(a, i, create) }}

var authorizerKind = kind[hAuthorizer]{name: "Authorizer", label: "AuthorizerId", deployed: true,
	coll:  func(a *hAPI) map[string]hAuthorizer { return a.authorizers },
	setID: func(au *hAuthorizer, id string) { au.AuthorizerID = id },
	idOf:  func(au hAuthorizer) string { return au.AuthorizerID },
	check: func(a *hAPI, au *hAuthorizer, _ string, _ bool) error { return checkHAuthorizer(a, au) }}

var modelKind = kind[hModel]{name: "Model", label: "ModelId",
	coll:  func(a *hAPI) map[string]hModel { return a.models },
	setID: func(m *hModel, id string) { m.ModelID = id },
	idOf:  func(m hModel) string { return m.ModelID },
	check: func(_ *hAPI, m *hModel, _ string, _ bool) error {
		if m.Name == "" || m.Schema == "" {
			return badRequest("Model name and schema are required")
		}
		if err := checkSchema(m.Schema); err != nil {
			return badRequest("Invalid model schema specified")
		}
		return nil
	}}

// routeMethods are the methods a route key of an HTTP API may name.
var routeMethods = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true,
	"HEAD": true, "OPTIONS": true, "ANY": true}

// checkRoute validates a route: its key (unique in the API; for an HTTP
// API "$default" or "METHOD /path" with a greedy variable only last), its
// target and its authorization.
func checkRoute(a *hAPI, r *hRoute, id string) error {
	if r.RouteKey == "" {
		return badRequest("RouteKey is required")
	}
	for rid, other := range a.routes {
		if rid != id && other.RouteKey == r.RouteKey {
			return conflict("Route with key %s already exists for this API", r.RouteKey)
		}
	}
	if a.doc.ProtocolType == "HTTP" && r.RouteKey != "$default" {
		if err := checkRouteKey(r.RouteKey); err != nil {
			return err
		}
	}
	if r.Target != "" {
		iid, ok := strings.CutPrefix(r.Target, "integrations/")
		if _, found := a.integrations[iid]; !ok || !found {
			return badRequest("Invalid target specified: %s", r.Target)
		}
	}
	if r.AuthorizationType == "" {
		r.AuthorizationType = "NONE"
	}
	switch r.AuthorizationType {
	case "NONE", "AWS_IAM":
		if r.AuthorizerID != "" {
			return badRequest("AuthorizerId can only be set for JWT or CUSTOM authorization")
		}
	case "JWT", "CUSTOM":
		au, ok := a.authorizers[r.AuthorizerID]
		if !ok {
			return badRequest("Invalid authorizer identifier specified: %s", r.AuthorizerID)
		}
		if (au.AuthorizerType == "JWT") != (r.AuthorizationType == "JWT") {
			return badRequest("AuthorizationType %s does not match the authorizer's type %s", r.AuthorizationType, au.AuthorizerType)
		}
	default:
		return badRequest("Invalid authorization type specified: %s", r.AuthorizationType)
	}
	if len(r.AuthorizationScopes) > 0 && r.AuthorizationType != "JWT" {
		return badRequest("Authorization scopes are supported only for JWT authorizers")
	}
	return nil
}

// checkRouteKey checks "METHOD /path": a known method, a path of
// segments each a literal or {name}, {name+} only as the last one.
func checkRouteKey(key string) error {
	method, path, ok := strings.Cut(key, " ")
	if !ok || !routeMethods[method] || !strings.HasPrefix(path, "/") {
		return badRequest("Unable to parse route key: %s", key)
	}
	if path == "/" {
		return nil
	}
	segs := strings.Split(path[1:], "/")
	for i, seg := range segs {
		if seg == "" {
			return badRequest("Unable to parse route key: %s", key)
		}
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			name := seg[1 : len(seg)-1]
			if strings.HasSuffix(name, "+") && i != len(segs)-1 {
				return badRequest("Greedy path variables must be the last segment of the path: %s", key)
			}
			if strings.TrimSuffix(name, "+") == "" {
				return badRequest("Unable to parse route key: %s", key)
			}
		} else if strings.ContainsAny(seg, "{}") {
			return badRequest("Unable to parse route key: %s", key)
		}
	}
	return nil
}

// hIntegrationTypes are the integration types each protocol accepts.
var hIntegrationTypes = map[string]map[string]bool{
	"HTTP":      {"AWS_PROXY": true, "HTTP_PROXY": true},
	"WEBSOCKET": {"AWS": true, "AWS_PROXY": true, "HTTP": true, "HTTP_PROXY": true, "MOCK": true},
}

// integrationSubtypes are the AWS service integrations modelled on invoke.
var integrationSubtypes = map[string]bool{"SQS-SendMessage": true, "StepFunctions-StartExecution": true,
	"EventBridge-PutEvents": true, "SQS-ReceiveMessage": true, "SQS-DeleteMessage": true, "SQS-PurgeQueue": true,
	"StepFunctions-StartSyncExecution": true, "StepFunctions-StopExecution": true, "Kinesis-PutRecord": true,
	"AppConfig-GetConfiguration": true}

// checkHIntegration validates an integration and fills its defaults: a
// timeout of 30 s (50 ms to 30 s for HTTP APIs), payload 1.0 when none
// is named, an INTERNET connection.
func checkHIntegration(a *hAPI, i *hIntegration, _ bool) error {
	if !hIntegrationTypes[a.doc.ProtocolType][i.IntegrationType] {
		return badRequest("Invalid integration type specified: %s", i.IntegrationType)
	}
	if i.TimeoutInMillis == 0 {
		i.TimeoutInMillis = 30000
		if a.doc.ProtocolType == "WEBSOCKET" {
			i.TimeoutInMillis = 29000
		}
	}
	if i.TimeoutInMillis < 50 || i.TimeoutInMillis > 30000 {
		return badRequest("Timeout must be between 50 milliseconds and 30 seconds.")
	}
	if i.ConnectionType == "" {
		i.ConnectionType = "INTERNET"
	}
	if i.PayloadFormatVersion == "" {
		i.PayloadFormatVersion = "1.0"
	}
	switch i.PayloadFormatVersion {
	case "1.0":
	case "2.0":
		if i.IntegrationType != "AWS_PROXY" || i.IntegrationSubtype != "" {
			return badRequest("Payload format version 2.0 is supported only for Lambda proxy integrations")
		}
	default:
		return badRequest("Invalid payload format version specified: %s", i.PayloadFormatVersion)
	}
	if i.IntegrationSubtype != "" {
		if !integrationSubtypes[i.IntegrationSubtype] || i.IntegrationType != "AWS_PROXY" {
			return badRequest("Invalid integration subtype specified: %s", i.IntegrationSubtype)
		}
		return nil
	}
	if i.IntegrationType == "HTTP_PROXY" && a.doc.ProtocolType == "HTTP" {
		if i.IntegrationMethod == "" {
			return badRequest("IntegrationMethod is required for HTTP_PROXY integrations")
		}
		if !strings.HasPrefix(i.IntegrationURI, "http://") && !strings.HasPrefix(i.IntegrationURI, "https://") {
			return badRequest("Invalid HTTP endpoint specified for URI")
		}
		if err := checkMappings(i.RequestParameters); err != nil {
			return err
		}
	}
	if i.IntegrationType == "AWS_PROXY" && i.IntegrationURI == "" {
		return badRequest("IntegrationUri is required for AWS_PROXY integrations")
	}
	return nil
}

// checkHAuthorizer validates an authorizer: a name; JWT with an issuer
// and an audience (HTTP APIs only); REQUEST with a Lambda URI and, for
// HTTP APIs, a payload format version, simple responses only with 2.0.
func checkHAuthorizer(a *hAPI, au *hAuthorizer) error {
	if au.Name == "" {
		return badRequest("Name is required")
	}
	switch au.AuthorizerType {
	case "JWT":
		if a.doc.ProtocolType != "HTTP" {
			return badRequest("JWT authorizers are supported only for HTTP APIs")
		}
		if au.JWTConfiguration == nil || au.JWTConfiguration.Issuer == "" || len(au.JWTConfiguration.Audience) == 0 {
			return badRequest("JwtConfiguration with an Issuer and an Audience is required for JWT authorizers")
		}
		if len(au.IdentitySource) == 0 {
			return badRequest("IdentitySource is required")
		}
	case "REQUEST":
		if au.AuthorizerURI == "" {
			return badRequest("AuthorizerUri is required for REQUEST authorizers")
		}
		if a.doc.ProtocolType == "HTTP" {
			switch au.AuthorizerPayloadFormatVersion {
			case "1.0":
				if au.EnableSimpleResponses {
					return badRequest("Simple responses are supported only for authorizer payload format version 2.0")
				}
			case "2.0":
			default:
				return badRequest("AuthorizerPayloadFormatVersion must be 1.0 or 2.0")
			}
		}
		if au.AuthorizerResultTTLInSeconds == nil {
			zero := int32(0)
			au.AuthorizerResultTTLInSeconds = &zero
		}
		if ttl := *au.AuthorizerResultTTLInSeconds; ttl < 0 || ttl > 3600 {
			return badRequest("AuthorizerResultTtlInSeconds must be between 0 and 3600")
		}
		if *au.AuthorizerResultTTLInSeconds > 0 && len(au.IdentitySource) == 0 {
			return badRequest("IdentitySource is required when caching is enabled")
		}
	default:
		return badRequest("Invalid authorizer type specified: %s", au.AuthorizerType)
	}
	return nil
}

// getModelTemplate is GetModelTemplate: the model's mapping template.
// AWS writes one out of the schema's properties; awsfake answers the
// template's first line only (doc.go).
func getModelTemplate(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		id := c.label("ModelId")
		if _, ok := a.models[id]; !ok {
			return modelKind.notFound(id)
		}
		return writeJSON(c, http.StatusOK, map[string]string{"value": "#set($inputRoot = $input.path('$'))\n"})
	})
}

// deleteRouteRequestParameter is DeleteRouteRequestParameter.
func deleteRouteRequestParameter(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		id, key := c.label("RouteId"), c.label("RequestParameterKey")
		r, ok := a.routes[id]
		if !ok {
			return routeKind.notFound(id)
		}
		if _, ok := r.RequestParameters[key]; !ok {
			return notFound("Invalid request parameter key specified %s", key)
		}
		r.RequestParameters = maps.Clone(r.RequestParameters)
		delete(r.RequestParameters, key)
		a.routes[id] = r
		s.changedLocked(a)
		c.w.WriteHeader(http.StatusNoContent)
		return nil
	})
}
