package apigw

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// ImportApi's body is fuzzed: whatever the document and basepath, no
// import, reimport or export of what was imported gets a 5xx.
func FuzzImportApi_NoServerErrors(f *testing.F) {
	env := cloudenv.ForTest(clock.NewFake(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
	s := New(env)
	env.Attach(s.Describe())
	for _, seed := range []string{
		"openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-amazon-apigateway-cors: {allowOrigins: ['*'], maxAge: 5}\n" +
			"tags: [{name: a, x-amazon-apigateway-tag-value: b}]\npaths:\n  /$default:\n    x-amazon-apigateway-any-method:\n" +
			"      isDefaultRoute: true\n      x-amazon-apigateway-integration: {type: aws_proxy, uri: 'arn:aws:lambda:us-east-1:000000000000:function:f', payloadFormatVersion: '2.0'}\n" +
			"  /p/{x+}:\n    get:\n      security: [{j: [s]}]\n      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'https://example.com'}\n" +
			"components:\n  securitySchemes:\n    j:\n      type: oauth2\n      x-amazon-apigateway-authorizer: {type: jwt, identitySource: $request.header.Authorization, jwtConfiguration: {issuer: 'https://i', audience: [a]}}\n",
		`{"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{"/a":{"post":{"security":[{"l":[]}],"x-amazon-apigateway-integration":{"type":"aws","timeoutInMillis":-1}}}},` +
			`"components":{"securitySchemes":{"l":{"type":"apiKey","x-amazon-apigateway-authorizer":{"type":"request","identitySource":7,"authorizerUri":"u","authorizerPayloadFormatVersion":"2.0"}}}}}`,
		`{"swagger":"2.0","info":{"title":"t","version":"1"},"basePath":"/v1/x","paths":{"/{a}/{b+}":{"x-amazon-apigateway-any-method":{"isDefaultRoute":"yes"}}}}`,
		"{", "[]", "a: &a [*a]",
	} {
		f.Add(seed, "split")
	}
	f.Fuzz(func(t *testing.T, doc, basepath string) {
		serve := func(method, path string, body any) (int, []byte) {
			var raw []byte
			if body != nil {
				raw, _ = json.Marshal(body)
			}
			r := newReq(method, "https://apigateway.us-east-1.amazonaws.com"+path, string(raw))
			if r == nil {
				return 0, nil
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			if w.Code >= 500 {
				t.Fatalf("%s %s: %d %s\n%s", method, path, w.Code, w.Body, doc)
			}
			return w.Code, w.Body.Bytes()
		}
		q := "?basepath=" + url.QueryEscape(basepath)
		code, body := serve("PUT", "/v2/apis"+q, map[string]string{"body": doc})
		if code != 201 {
			return
		}
		var out struct{ APIID string }
		if json.Unmarshal(body, &out) != nil || out.APIID == "" {
			t.Fatalf("import answered %s", body)
		}
		serve("POST", "/v2/apis/"+out.APIID+"/stages", map[string]any{"stageName": "$default", "autoDeploy": true})
		_, exported := serve("GET", "/v2/apis/"+out.APIID+"/exports/OAS30?outputType=YAML&stageName=%24default", nil)
		serve("PUT", "/v2/apis/"+out.APIID+q, map[string]string{"body": string(exported)})
		_, exported = serve("GET", "/v2/apis/"+out.APIID+"/exports/OAS30?outputType=JSON", nil)
		code, body = serve("PUT", "/v2/apis", map[string]string{"body": string(exported)})
		if code != 201 {
			t.Fatalf("the export of an import is not importable: %d %s\n%s", code, body, strings.TrimSpace(string(exported)))
		}
		var again struct{ APIID string }
		_ = json.Unmarshal(body, &again)
		serve("DELETE", "/v2/apis/"+again.APIID, nil)
		serve("DELETE", "/v2/apis/"+out.APIID, nil)
	})
}
