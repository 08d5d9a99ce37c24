package apigw

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/pagetoken"
	"github.com/awsfake/awsfake/internal/protocol"
)

// The control plane of HTTP and WebSocket APIs: wire handlers over the v2
// state (they are not operations of the Go API; Calls and InjectFault do
// not see them).

// scopeOf is the caller's account and region.
func (s *Service) scopeOf(c *call) faults.Scope {
	if sc, ok := faults.ScopeFrom(c.r.Context()); ok {
		return sc
	}
	return s.env.Scope()
}

// bodyOf reads a control-plane body, {} when there is none.
func bodyOf(c *call) ([]byte, error) {
	b, err := protocol.ReadBody(c.r, requestLimit)
	if err != nil {
		return nil, badRequest("Request body too large")
	}
	if len(strings.TrimSpace(string(b))) == 0 {
		return []byte("{}"), nil
	}
	return b, nil
}

// writeJSON answers v with status.
func writeJSON(c *call, status int, v any) error {
	rest.Write(c.w, status, v)
	return nil
}

// withAPI runs f on the caller's API of the path, under the lock.
func (s *Service) withAPI(c *call, f func(a *hAPI) error) error {
	sc := s.scopeOf(c)
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.hAPILocked(sc, c.label("ApiId"))
	if err != nil {
		return err
	}
	return f(a)
}

// apiCreate is CreateApi's input: the API and the quick-create members.
type apiCreate struct {
	hAPIDoc
	CredentialsArn string `json:"credentialsArn"`
	RouteKey       string `json:"routeKey"`
	Target         string `json:"target"`
}

// createAPI is CreateApi: an HTTP API (with quick create: target, and
// routeKey, gives it an integration, a route and an autoDeploy $default
// stage) or a WebSocket API.
func createAPI(s *Service, c *call) error {
	body, err := bodyOf(c)
	if err != nil {
		return err
	}
	var in apiCreate
	if err := json.Unmarshal(body, &in); err != nil {
		return badRequest("Invalid request body: %s", jsonProblem(err))
	}
	if err := checkAPIDoc(&in.hAPIDoc, true); err != nil {
		return err
	}
	if in.ProtocolType == "WEBSOCKET" && (in.Target != "" || in.RouteKey != "") {
		return badRequest("Quick create is only supported for HTTP APIs")
	}
	sc := s.scopeOf(c)
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.httpLocked()
	id := s.newSharedIDLocked(nil)
	doc := in.hAPIDoc
	doc.APIID = id
	doc.CreatedDate = s.env.Clock.Now().UTC().Truncate(time.Second)
	doc.APIEndpoint = "https://" + id + ".execute-api." + sc.Region + ".amazonaws.com"
	if doc.ProtocolType == "WEBSOCKET" {
		doc.APIEndpoint = "wss://" + id + ".execute-api." + sc.Region + ".amazonaws.com"
	}
	a := newHAPI(sc, doc)
	if in.Target != "" {
		if err := s.quickCreateLocked(a, in); err != nil {
			return err
		}
	}
	h.apis[id] = a
	return writeJSON(c, http.StatusCreated, a.doc)
}

// quickCreateLocked gives a the integration of target (a Lambda function
// ARN: AWS_PROXY, payload 2.0; a URL: HTTP_PROXY ANY), a route of
// routeKey ($default when absent) and an autoDeploy $default stage.
func (s *Service) quickCreateLocked(a *hAPI, in apiCreate) error {
	integ := hIntegration{IntegrationType: "AWS_PROXY", IntegrationURI: in.Target, PayloadFormatVersion: "2.0",
		CredentialsArn: in.CredentialsArn}
	if strings.HasPrefix(in.Target, "http://") || strings.HasPrefix(in.Target, "https://") {
		integ = hIntegration{IntegrationType: "HTTP_PROXY", IntegrationURI: in.Target, IntegrationMethod: "ANY",
			PayloadFormatVersion: "1.0"}
	}
	if err := checkHIntegration(a, &integ, true); err != nil {
		return err
	}
	integ.IntegrationID = s.newSharedIDLocked(a)
	a.integrations[integ.IntegrationID] = integ
	key := in.RouteKey
	if key == "" {
		key = "$default"
	}
	r := hRoute{RouteKey: key, Target: "integrations/" + integ.IntegrationID}
	if err := checkRoute(a, &r, ""); err != nil {
		return err
	}
	r.RouteID = s.newSharedIDLocked(a)
	a.routes[r.RouteID] = r
	now := s.env.Clock.Now().UTC().Truncate(time.Second)
	a.stages["$default"] = hStage{StageName: "$default", AutoDeploy: true, CreatedDate: now, LastUpdatedDate: now,
		DefaultRouteSettings: &hRouteSettings{}}
	s.changedLocked(a)
	return nil
}

// checkAPIDoc validates an API's members and fills its defaults.
func checkAPIDoc(d *hAPIDoc, create bool) error {
	if strings.TrimSpace(d.Name) == "" {
		return badRequest("Name is required")
	}
	switch d.ProtocolType {
	case "HTTP":
		if d.RouteSelectionExpression == "" {
			d.RouteSelectionExpression = "$request.method $request.path"
		}
		if d.RouteSelectionExpression != "$request.method $request.path" {
			return badRequest("Unsupported route selection expression for HTTP APIs: %s", d.RouteSelectionExpression)
		}
	case "WEBSOCKET":
		if d.RouteSelectionExpression == "" {
			return badRequest("RouteSelectionExpression is required for WEBSOCKET APIs")
		}
		if d.CorsConfiguration != nil {
			return badRequest("CORS configuration is supported only for HTTP APIs")
		}
	default:
		if create {
			return badRequest("Invalid protocol type specified: %s", d.ProtocolType)
		}
	}
	if d.APIKeySelectionExpression == "" {
		d.APIKeySelectionExpression = "$request.header.x-api-key"
	}
	if d.IPAddressType == "" {
		d.IPAddressType = "ipv4"
	}
	return nil
}

func getAPI(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error { return writeJSON(c, http.StatusOK, a.doc) })
}

func getAPIs(s *Service, c *call) error {
	sc := s.scopeOf(c)
	s.mu.Lock()
	defer s.mu.Unlock()
	items := []hAPIDoc{}
	for _, id := range slices.Sorted(maps.Keys(s.httpLocked().apis)) {
		if a := s.h.apis[id]; a.scope.Account == sc.Account && a.scope.Region == sc.Region {
			items = append(items, a.doc)
		}
	}
	return writePage(c, items, func(d hAPIDoc) string { return d.APIID })
}

// updateAPI is UpdateApi: the members the body names replace the API's;
// the protocol stays.
func updateAPI(s *Service, c *call) error {
	body, err := bodyOf(c)
	if err != nil {
		return err
	}
	return s.withAPI(c, func(a *hAPI) error {
		d, err := overlay(a.doc, body)
		if err != nil {
			return err
		}
		d.APIID, d.ProtocolType, d.CreatedDate, d.APIEndpoint, d.Tags = a.doc.APIID, a.doc.ProtocolType, a.doc.CreatedDate, a.doc.APIEndpoint, a.doc.Tags
		if err := checkAPIDoc(&d, false); err != nil {
			return err
		}
		a.doc = d
		s.changedLocked(a)
		return writeJSON(c, http.StatusOK, a.doc)
	})
}

func deleteAPI(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		delete(s.h.apis, a.doc.APIID)
		c.w.WriteHeader(http.StatusNoContent)
		return nil
	})
}

// deleteCors is DeleteCorsConfiguration.
func deleteCors(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		a.doc.CorsConfiguration = nil
		s.changedLocked(a)
		c.w.WriteHeader(http.StatusNoContent)
		return nil
	})
}

// writePage answers a v2 listing: the page of items (sorted by key) that
// the maxResults and nextToken query parameters name, and the next
// page's token. maxResults is a string of a positive number (the SDK
// sends it so); without it every item is on one page.
func writePage[T any](c *call, items []T, key func(T) string) error {
	size := 0
	if raw := c.query.Get("maxResults"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 {
			return badRequest("Invalid maxResults specified: %s", raw)
		}
		size = n
	}
	page, next, ok := pagetoken.Page(items, key, c.query.Get("nextToken"), size)
	if !ok {
		return badRequest("Invalid nextToken specified")
	}
	out := map[string]any{"items": page}
	if next != "" {
		out["nextToken"] = next
	}
	return writeJSON(c, http.StatusOK, out)
}
