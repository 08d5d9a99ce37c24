package apigw

import (
	"context"
	"net/http/httptest"
	"net/url"
	"testing"
)

// The patch bodies of UpdateMethodResponse, UpdateIntegrationResponse and
// UpdateModel, and GetModelTemplate over the schema a patch leaves, are
// fuzzed: whatever the body, the answer is never a 5xx.
func FuzzUpdateResponsesAndModels_NoServerErrors(f *testing.F) {
	s, id := fuzzAPI(f)
	root, err := s.GetResources(context.Background(), GetResourcesInput{RestAPIID: id})
	if err != nil {
		f.Fatal(err)
	}
	var rootID string
	for _, r := range root.Items {
		if r.Path == "/" {
			rootID = r.ID
		}
	}
	for _, seed := range []string{
		`{"patchOperations":[{"op":"add","path":"/responseModels/application~1json","value":"Empty"}]}`,
		`{"patchOperations":[{"op":"remove","path":"/responseParameters/method.response.header.X"}]}`,
		`{"patchOperations":[{"op":"replace","path":"/responseTemplates/","value":"x"},{"op":"wrong"}]}`,
		`{"patchOperations":[{"op":"replace","path":"/schema","value":"{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{}}}"}]}`,
		`{"patchOperations":[{"op":"replace","path":"/contentHandling","value":"CONVERT_TO_TEXT"}]}`,
		`{"patchOperations":null}`, `[]`, `{`,
	} {
		f.Add(seed, "200")
		f.Add(seed, "wrong")
	}
	f.Fuzz(func(t *testing.T, body, status string) {
		status = url.PathEscape(status)
		for _, path := range []string{
			"/restapis/" + id + "/resources/" + rootID + "/methods/GET/responses/" + status,
			"/restapis/" + id + "/resources/" + rootID + "/methods/GET/integration/responses/" + status,
			"/restapis/" + id + "/models/Pet",
		} {
			w := httptest.NewRecorder()
			s.ServeHTTP(w, newReq("PATCH", "http://awsfake.localhost"+path, body))
			if w.Code >= 500 {
				t.Fatalf("PATCH %s %q: %d %s", path, body, w.Code, w.Body)
			}
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, newReq("GET", "http://awsfake.localhost/restapis/"+id+"/models/Pet/default_template", ""))
		if w.Code >= 500 {
			t.Fatalf("template after %q: %d %s", body, w.Code, w.Body)
		}
	})
}
