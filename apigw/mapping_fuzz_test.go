package apigw

import (
	"context"
	"errors"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/awsfake/awsfake/internal/vtl"
)

// fuzzTemplates are the templates of fuzzMappingAPI's MOCK: every $input
// accessor, $util function and $context reads the fuzzed request.
const fuzzRequestTemplate = `#set($b = $input.path('$'))
#set($context.responseOverride.header.X-Q = $input.params('q'))
#if($input.params('status') == "404"){"statusCode": 404}#else{"statusCode": 200}#end`

const fuzzResponseTemplate = `{"json": $input.json('$.a'), "path": "$input.path('$.a[0]')", "q": "$util.escapeJavaScript($input.params('q'))",
"all": "$input.params()", "enc": "$util.urlEncode($input.body)", "dec": "$util.urlDecode($input.params('q'))",
"b64": "$util.base64Decode($util.base64Encode($input.body))", "parsed": "$util.parseJson($input.body)",
#foreach($k in $input.params().header.keySet())"$k": "$input.params().header.get($k)",#end
"ctx": "$context.requestId $context.identity.sourceIp $stageVariables"}`

// fuzzMappingAPI is a service with POST /tpl a MOCK whose templates read
// everything of the request, deployed to stage prod.
func fuzzMappingAPI(t testing.TB) (*Service, string) {
	s, id := fuzzAPI(t)
	ctx := context.Background()
	a, err := s.GetRestApi(ctx, RestAPIRef{RestAPIID: id})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.CreateResource(ctx, CreateResourceInput{RestAPIID: id, ParentID: a.RootResourceID, PathPart: "tpl"})
	if err != nil {
		t.Fatal(err)
	}
	steps := []error{}
	_, err = s.PutMethod(ctx, PutMethodInput{RestAPIID: id, ResourceID: r.ID, HTTPMethod: "POST", AuthorizationType: "NONE"})
	steps = append(steps, err)
	_, err = s.PutIntegration(ctx, PutIntegrationInput{RestAPIID: id, ResourceID: r.ID, HTTPMethod: "POST", Type: "MOCK",
		RequestTemplates: map[string]string{"application/json": fuzzRequestTemplate}})
	steps = append(steps, err)
	for _, code := range []string{"200", "404"} {
		_, err = s.PutMethodResponse(ctx, PutMethodResponseInput{RestAPIID: id, ResourceID: r.ID, HTTPMethod: "POST", StatusCode: code})
		steps = append(steps, err)
		pattern := ""
		if code == "404" {
			pattern = "4\\d\\d"
		}
		_, err = s.PutIntegrationResponse(ctx, PutIntegrationResponseInput{RestAPIID: id, ResourceID: r.ID, HTTPMethod: "POST",
			StatusCode: code, SelectionPattern: pattern, ResponseTemplates: map[string]string{"application/json": fuzzResponseTemplate}})
		steps = append(steps, err)
	}
	_, err = s.CreateDeployment(ctx, CreateDeploymentInput{RestAPIID: id, StageName: "prod"})
	steps = append(steps, err)
	if err := errors.Join(steps...); err != nil {
		t.Fatal(err)
	}
	return s, id
}

// Mapping templates over any request: whatever the body, query string and
// headers, the MOCK's templates answer without a 5xx.
func FuzzMapping_TemplatesOverAnyRequest(f *testing.F) {
	s, id := fuzzMappingAPI(f)
	f.Add(`{"a": [1, "x", {"b": null}]}`, "hello world", "200", "text/plain")
	f.Add(`not json`, "%zz", "404", "application/json")
	f.Add(``, "'\"\\", "", "")
	f.Fuzz(func(t *testing.T, body, q, status, hdr string) {
		v := url.Values{"q": {q}, "status": {status}}
		r := newReq("POST", "https://"+id+".execute-api.us-east-1.amazonaws.com/prod/tpl?"+v.Encode(), body)
		if r == nil {
			return
		}
		if hdr != "" && validHeader(hdr) {
			r.Header.Set("X-Fuzz", hdr)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%q %q: %d %s", body, q, w.Code, w.Body)
		}
	})
}

// A template from the user, whatever it is, renders or is the 500 of a
// parse error (or of the engine's limits): never a panic, never a 500
// for a template that parses.
func FuzzMapping_AnyTemplate(f *testing.F) {
	f.Add(`#set($x = $input.path('$')) $x.size() $context.responseOverride.status`, `{"a": 1}`)
	f.Add(`#foreach($i in [1..5])$i#end $util.nothing($input.json('$..a'))`, `[1]`)
	f.Fuzz(func(t *testing.T, tpl, body string) {
		x := &exchange{r: httptest.NewRequest("POST", "/", nil), t: target{apiID: "abc", stage: "prod"},
			node: &node{id: "r", path: "/"}, snap: &snapshot{}, params: map[string]string{}, record: &Invocation{}}
		_, res := x.render(x.newMapping(), tpl, body)
		if res == nil {
			return
		}
		p, err := vtl.Parse(tpl)
		if err != nil {
			return
		}
		if _, err := p.Render(x.vars(x.newMapping(), body), vtl.Limits{}); !errors.Is(err, vtl.ErrLimit) {
			t.Fatalf("template %q parses but answered %d: %s", tpl, res.status, res.note)
		}
	})
}

func validHeader(v string) bool {
	for _, c := range v {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}
