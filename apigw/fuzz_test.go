package apigw

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// fuzzAPI is a service holding an API deployed to stage prod with literal,
// {param} and {proxy+} resources answered by MOCKs, a validator with a
// model on POST /pets, and the API's id.
func fuzzAPI(t testing.TB) (*Service, string) {
	env := cloudenv.ForTest(clock.NewFake(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
	s := New(env)
	env.Attach(s.Describe())
	ctx := context.Background()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.CreateRestApi(ctx, CreateRestApiInput{Name: "fuzz"})
	must(err)
	_, err = s.CreateModel(ctx, CreateModelInput{RestAPIID: a.ID, Name: "Pet", ContentType: "application/json",
		Schema: `{"type":"object","required":["name"],"properties":{"name":{"type":"string","pattern":"^[a-z]+$"}}}`})
	must(err)
	v, err := s.CreateRequestValidator(ctx, CreateRequestValidatorInput{RestAPIID: a.ID, Name: "v", ValidateRequestBody: true, ValidateRequestParameters: true})
	must(err)
	mock := func(res, method string, in PutMethodInput) {
		in.RestAPIID, in.ResourceID, in.HTTPMethod, in.AuthorizationType = a.ID, res, method, "NONE"
		_, err := s.PutMethod(ctx, in)
		must(err)
		_, err = s.PutIntegration(ctx, PutIntegrationInput{RestAPIID: a.ID, ResourceID: res, HTTPMethod: method, Type: "MOCK",
			RequestTemplates:  map[string]string{"application/json": `{"statusCode": 200}`},
			RequestParameters: map[string]string{"integration.request.header.x": "method.request.querystring.q"}})
		must(err)
		_, err = s.PutMethodResponse(ctx, PutMethodResponseInput{RestAPIID: a.ID, ResourceID: res, HTTPMethod: method, StatusCode: "200"})
		must(err)
		_, err = s.PutIntegrationResponse(ctx, PutIntegrationResponseInput{RestAPIID: a.ID, ResourceID: res, HTTPMethod: method, StatusCode: "200",
			ResponseParameters: map[string]string{"method.response.header.X": "method.request.path.id"}})
		must(err)
	}
	pets, err := s.CreateResource(ctx, CreateResourceInput{RestAPIID: a.ID, ParentID: a.RootResourceID, PathPart: "pets"})
	must(err)
	id, err := s.CreateResource(ctx, CreateResourceInput{RestAPIID: a.ID, ParentID: pets.ID, PathPart: "{id}"})
	must(err)
	proxy, err := s.CreateResource(ctx, CreateResourceInput{RestAPIID: a.ID, ParentID: a.RootResourceID, PathPart: "{proxy+}"})
	must(err)
	mock(a.RootResourceID, "GET", PutMethodInput{})
	mock(pets.ID, "POST", PutMethodInput{RequestValidatorID: v.ID, RequestModels: map[string]string{"application/json": "Pet"},
		RequestParameters: map[string]bool{"method.request.header.X-Need": true}})
	mock(id.ID, "ANY", PutMethodInput{})
	mock(proxy.ID, "ANY", PutMethodInput{})
	_, err = s.CreateDeployment(ctx, CreateDeploymentInput{RestAPIID: a.ID, StageName: "prod"})
	must(err)
	return s, a.ID
}

// The router and the method request are fuzzed: no request to a deployed
// stage gets a 5xx, whatever its method, path, headers and body.
func FuzzInvoke_NoServerErrors(f *testing.F) {
	s, id := fuzzAPI(f)
	for _, seed := range []string{"/prod/pets", "/prod/pets/7", "/prod//a//b/", "/prod/%zz", "/prod/pets/%2F", "//prod", "/nostage/x", "/"} {
		f.Add("GET", seed, "", "application/json")
		f.Add("POST", seed, `{"name":"rex"}`, "application/json")
	}
	f.Fuzz(func(t *testing.T, method, path, body, ct string) {
		if !validMethod(method) || !strings.HasPrefix(path, "/") {
			return
		}
		for _, form := range []func() *http.Request{
			func() *http.Request {
				return newReq(method, "https://"+id+".execute-api.us-east-1.amazonaws.com"+path, body)
			},
			func() *http.Request {
				return newReq(method, "http://awsfake.localhost/restapis/"+id+"/prod/_user_request_"+path, body)
			},
		} {
			r := form()
			if r == nil {
				return
			}
			r.Header.Set("Content-Type", ct)
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			if w.Code >= 500 {
				t.Fatalf("%s %s: %d %s", method, r.URL, w.Code, w.Body)
			}
		}
	})
}

// The control plane's decoders are fuzzed: no request gets a 5xx.
func FuzzControlPlane_NoServerErrors(f *testing.F) {
	s, id := fuzzAPI(f)
	for _, seed := range []struct{ m, p, b string }{
		{"POST", "/restapis", `{"name":"x","endpointConfiguration":{"types":["REGIONAL"]}}`},
		{"PATCH", "/restapis/" + id, `{"patchOperations":[{"op":"replace","path":"/name","value":"y"}]}`},
		{"PATCH", "/restapis/" + id + "/stages/prod", `{"patchOperations":[{"op":"replace","path":"/*/*/throttling/rateLimit","value":"1e309"}]}`},
		{"POST", "/restapis/" + id + "/models", `{"name":"m","contentType":"application/json","schema":"{\"type\":[1]}"}`},
		{"GET", "/restapis", ``},
		{"GET", "/restapis?limit=-1&position=%00", ``},
		{"PUT", "/restapis/" + id + "/resources/x/methods/GET", `{"authorizationType":"NONE"}`},
	} {
		f.Add(seed.m, seed.p, seed.b)
	}
	f.Fuzz(func(t *testing.T, method, path, body string) {
		if !validMethod(method) || !strings.HasPrefix(path, "/") {
			return
		}
		r := newReq(method, "http://awsfake.localhost"+path, body)
		if r == nil {
			return
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s %s: %d %s", method, path, w.Code, w.Body)
		}
	})
}

// A function's answer, whatever it is, is a response or a 502, never a
// panic; a schema and a document, whatever they are, validate or not.
func FuzzProxyResponseAndSchema(f *testing.F) {
	f.Add([]byte(`{"statusCode":"201","headers":{"a":1},"multiValueHeaders":{"b":["x",null]},"body":"aGk=","isBase64Encoded":true}`),
		`{"type":"object","properties":{"a":{"enum":[1,"x"]}},"anyOf":[{"required":["a"]}]}`, `{"a":1}`)
	f.Add([]byte(`[]`), `{"items":{"minimum":1,"exclusiveMinimum":true}}`, `[1,2]`)
	f.Fuzz(func(t *testing.T, out []byte, sch, doc string) {
		x := &exchange{r: httptest.NewRequest("GET", "/", nil), snap: &snapshot{binaryMediaTypes: []string{"*/*"}}}
		x.r.Header.Set("Accept", "image/png")
		if res, ok := x.proxyResponse(out); ok && (res.status < 100 || res.status > 599) {
			t.Fatalf("status %d", res.status)
		}
		if checkSchema(sch) == nil {
			if s := compileModels("api", map[string]string{"m": sch})["m"]; s != nil {
				_, _ = validateBody(s, []byte(doc))
			}
		}
	})
}

func validMethod(m string) bool {
	switch m {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
		return true
	}
	return false
}

func newReq(method, raw, body string) *http.Request {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil
	}
	r := httptest.NewRequest(method, "http://placeholder/", strings.NewReader(body))
	r.URL = u
	r.Host = u.Host
	r.RequestURI = u.RequestURI()
	return r
}
