package apigw

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// ImportRestApi's parser, PutRestApi and GetExport are fuzzed: whatever
// the document, in JSON or YAML, Swagger or OpenAPI 3, no import, put or
// export of what was imported gets a 5xx.
func FuzzOpenAPI_NoServerErrors(f *testing.F) {
	s, id := fuzzAPI(f)
	for _, seed := range []string{
		`{"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{"/a/{b}":{"get":{"parameters":[{"name":"b","in":"path","required":true}],` +
			`"responses":{"200":{"description":"x","content":{"application/json":{"schema":{"$ref":"#/components/schemas/M"}}}}},` +
			`"security":[{"k":[]}],"x-amazon-apigateway-integration":{"type":"mock","responses":{"default":{"statusCode":200}}}}}},` +
			`"components":{"schemas":{"M":{"type":"object"}},"securitySchemes":{"k":{"type":"apiKey","name":"Authorization","in":"header",` +
			`"x-amazon-apigateway-authorizer":{"type":"token","authorizerUri":"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:f/invocations"}}}}}`,
		"swagger: '2.0'\ninfo: {title: t, version: '1'}\nbasePath: /v1/x\npaths:\n  /p:\n    x-amazon-apigateway-any-method:\n      responses: {200: {description: x}}\n" +
			"      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: ANY, uri: 'https://example.com'}\n" +
			"x-amazon-apigateway-request-validators: {v: {validateRequestBody: true}}\nx-amazon-apigateway-request-validator: v\n",
		`{"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{"/{x+}/y":{"get":{}}},"definitions":{"A":{"$ref":"#/definitions/A"}}}`,
		"openapi: 3.0.0\ninfo: {title: t}\npaths: {/: {get: {responses: {}}}}\nx-amazon-apigateway-gateway-responses: {BAD: {statusCode: 9}}\n",
		"{", "[]", "a: &a [*a]",
	} {
		f.Add(seed, "prepend")
	}
	f.Fuzz(func(t *testing.T, doc, basepath string) {
		serve := func(method, path, body string) (int, string) {
			r := newReq(method, "http://awsfake.localhost"+path, body)
			if r == nil {
				return 0, ""
			}
			r.Header.Set("Accept", "application/yaml")
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			if w.Code >= 500 {
				t.Fatalf("%s %s: %d %s\n%s", method, path, w.Code, w.Body, doc)
			}
			return w.Code, w.Body.String()
		}
		q := "&basepath=" + strings.ReplaceAll(basepath, "&", "")
		code, body := serve("POST", "/restapis?mode=import"+q, doc)
		serve("PUT", "/restapis/"+id+"?mode=merge"+q, doc)
		if code != 201 {
			return
		}
		var out struct{ ID string }
		if json.Unmarshal([]byte(body), &out) != nil {
			t.Fatalf("import answered %s", body)
		}
		serve("POST", "/restapis/"+out.ID+"/deployments", `{"stageName":"s"}`)
		serve("GET", "/restapis/"+out.ID+"/stages/s/exports/oas30?extensions=apigateway", "")
		serve("GET", "/restapis/"+out.ID+"/stages/s/exports/swagger?extensions=apigateway", "")
		serve("PUT", "/restapis/"+out.ID+"?mode=overwrite", doc)
		serve("DELETE", "/restapis/"+out.ID, "")
	})
}
