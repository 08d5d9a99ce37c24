package apigw

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// v2Call sends a control-plane request of the apigatewayv2 client to s
// and returns the status and the answer's members.
func v2Call(s *Service, method, path string, body any) (int, map[string]any) {
	b, _ := json.Marshal(body)
	r := httptest.NewRequest(method, "https://apigateway.us-east-1.amazonaws.com"+path, strings.NewReader(string(b)))
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	var out map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &out)
	return w.Code, out
}

// fuzzHTTPAPI is a fresh service holding an HTTP API with an autoDeploy
// $default stage and an HTTP_PROXY integration of mappings to backend;
// it returns the service, the API's id and the integration's id ("" when
// CreateIntegration refused the mappings, whose status is returned).
func fuzzHTTPAPI(t *testing.T, backend *httptest.Server, mappings map[string]string) (*Service, string, string, int) {
	env := cloudenv.ForTest(clock.NewFake(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
	s := New(env)
	env.Attach(s.Describe())
	s.SetHTTPClient(backend.Client()) // one client, its connections reused across the services
	_, api := v2Call(s, "POST", "/v2/apis", map[string]any{"name": "fuzz", "protocolType": "HTTP"})
	id, _ := api["apiId"].(string)
	if st, _ := v2Call(s, "POST", "/v2/apis/"+id+"/stages", map[string]any{"stageName": "$default", "autoDeploy": true}); st != 201 {
		t.Fatalf("CreateStage: %d", st)
	}
	st, integ := v2Call(s, "POST", "/v2/apis/"+id+"/integrations", map[string]any{"integrationType": "HTTP_PROXY",
		"integrationMethod": "ANY", "integrationUri": backend.URL + "/b/{proxy}", "payloadFormatVersion": "1.0",
		"requestParameters": mappings})
	iid, _ := integ["integrationId"].(string)
	return s, id, iid, st
}

// fuzzBackend answers every request 200.
func fuzzBackend(f *testing.F) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) }))
	f.Cleanup(srv.Close)
	return srv
}

// invokeHTTPAPI sends method path to the API's $default stage; ok is
// false when the request cannot be built.
func invokeHTTPAPI(s *Service, id, method, path string, header ...string) (int, string, bool) {
	r := newReq(method, "https://"+id+".execute-api.us-east-1.amazonaws.com"+path, "")
	if r == nil {
		return 0, "", false
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w.Code, w.Body.String(), true
}

// The route-key parser: whatever the key, CreateRoute answers without a
// 5xx; a key it accepts is matched against any request without a 5xx,
// and a request of the key's own method and literal path reaches it.
func FuzzHTTPAPI_RouteKey(f *testing.F) {
	backend := fuzzBackend(f)
	f.Add("GET /items/{id}", "GET", "/items/7")
	f.Add("ANY /{proxy+}", "POST", "/a/b/c")
	f.Add("$default", "PATCH", "/")
	f.Add("GET /a/{b+}/c", "GET", "/a/b/c")
	f.Add("GET /{}", "DELETE", "/%zz")
	f.Add("GET /pets/dog", "HEAD", "/pets/dog")
	f.Fuzz(func(t *testing.T, key, method, path string) {
		s, id, iid, _ := fuzzHTTPAPI(t, backend, nil)
		st, _ := v2Call(s, "POST", "/v2/apis/"+id+"/routes", map[string]any{"routeKey": key, "target": "integrations/" + iid})
		if st >= 500 {
			t.Fatalf("CreateRoute %q: %d", key, st)
		}
		if st != 201 || !validMethod(method) || !strings.HasPrefix(path, "/") {
			return
		}
		if code, body, ok := invokeHTTPAPI(s, id, method, path); ok && code >= 500 {
			t.Fatalf("route %q, %s %q: %d %s", key, method, path, code, body)
		}
		m, p, _ := strings.Cut(key, " ")
		if m == "ANY" || !validMethod(m) || strings.ContainsAny(p, "{}?#%") || (&url.URL{Path: p}).EscapedPath() != p {
			return
		}
		if code, body, ok := invokeHTTPAPI(s, id, m, p); ok && code != 200 {
			t.Fatalf("route %q not reached by its own path: %d %s", key, code, body)
		}
	})
}

// The parameter-mapping parser: whatever the mapping, CreateIntegration
// answers without a 5xx; a mapping it accepts, applied to any request,
// reaches the backend (200), never a 5xx.
func FuzzHTTPAPI_ParameterMapping(f *testing.F) {
	backend := fuzzBackend(f)
	f.Add("overwrite:header.X-A", "$request.querystring.q", "q=1", "v")
	f.Add("append:querystring.z", "pre ${request.header.X-F} ${context.stage}", "q=%0d%0a", "\x7f")
	f.Add("overwrite:path", "${request.path.proxy}/../x", "", "")
	f.Add("remove:header.X-F", "''", "a=1&a=2", "x")
	f.Add("overwrite:header.Host", "$request.body.a.b", "", "")
	f.Fuzz(func(t *testing.T, key, value, query, header string) {
		s, id, iid, st := fuzzHTTPAPI(t, backend, map[string]string{key: value})
		if st >= 500 {
			t.Fatalf("CreateIntegration %q: %q: %d", key, value, st)
		}
		if st != 201 {
			return
		}
		if st, _ := v2Call(s, "POST", "/v2/apis/"+id+"/routes", map[string]any{"routeKey": "ANY /{proxy+}",
			"target": "integrations/" + iid}); st != 201 {
			t.Fatalf("CreateRoute: %d", st)
		}
		h := []string{}
		if validHeader(header) {
			h = append(h, "X-F", header)
		}
		code, body, ok := invokeHTTPAPI(s, id, "GET", "/p/q?"+query, h...)
		if ok && code != 200 {
			t.Fatalf("%q: %q over ?%s: %d %s", key, value, query, code, body)
		}
	})
}
