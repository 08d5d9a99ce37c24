package apigw

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// The canary paths of UpdateStage are fuzzed: whatever the op, path, from
// and value, UpdateStage answers without a 5xx, and the stage then still
// serves its requests without one.
func FuzzCanary_UpdateStageThenInvoke(f *testing.F) {
	s, id := fuzzAPI(f)
	for _, seed := range [][4]string{
		{"replace", "/canarySettings/percentTraffic", "", "37.5"},
		{"replace", "/canarySettings/percentTraffic", "", "1e400"},
		{"replace", "/canarySettings/stageVariableOverrides/a", "", "b"},
		{"replace", "/canarySettings/deploymentId", "", "nope"},
		{"remove", "/canarySettings/stageVariableOverrides/", "", ""},
		{"copy", "/deploymentId", "/canarySettings/deploymentId", ""},
		{"copy", "/variables", "/canarySettings/stageVariableOverrides", ""},
		{"remove", "/canarySettingsX", "", ""},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	f.Fuzz(func(t *testing.T, op, path, from, value string) {
		body, err := json.Marshal(map[string]any{"patchOperations": []map[string]string{
			{"op": "replace", "path": "/canarySettings/percentTraffic", "value": "50"},
			{"op": op, "path": path, "from": from, "value": value}}})
		if err != nil {
			return
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("PATCH", "http://awsfake.localhost/restapis/"+id+"/stages/prod", strings.NewReader(string(body))))
		if w.Code >= 500 {
			t.Fatalf("%s %s %s %q: %d %s", op, path, from, value, w.Code, w.Body)
		}
		for range 4 {
			w := httptest.NewRecorder()
			s.ServeHTTP(w, httptest.NewRequest("GET", "https://"+id+".execute-api.us-east-1.amazonaws.com/prod/pets/7", nil))
			if w.Code >= 500 {
				t.Fatalf("invoke after %s %s %s %q: %d %s", op, path, from, value, w.Code, w.Body)
			}
		}
		w = httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("PATCH", "http://awsfake.localhost/restapis/"+id+"/stages/prod",
			strings.NewReader(`{"patchOperations":[{"op":"remove","path":"/canarySettings"}]}`)))
		if w.Code != 200 {
			t.Fatalf("remove /canarySettings: %d %s", w.Code, w.Body)
		}
	})
}

// CreateDeployment's and CreateStage's bodies with a canary are fuzzed:
// no 5xx, and the stage still serves without one.
func FuzzCanary_CreateBodies(f *testing.F) {
	s, id := fuzzAPI(f)
	for _, seed := range []string{
		`{"stageName":"prod","canarySettings":{"percentTraffic":50,"stageVariableOverrides":{"a":"b"}}}`,
		`{"stageName":"","canarySettings":{}}`,
		`{"stageName":null,"canarySettings":{"percentTraffic":-1}}`,
		`{"stageName":"new","deploymentId":"x","canarySettings":{"deploymentId":"","percentTraffic":100.0}}`,
		`{"canarySettings":null}`,
	} {
		f.Add("deployments", seed)
		f.Add("stages", seed)
	}
	f.Fuzz(func(t *testing.T, coll, body string) {
		if coll != "deployments" && coll != "stages" {
			return
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("POST", "http://awsfake.localhost/restapis/"+id+"/"+coll, strings.NewReader(body)))
		if w.Code >= 500 {
			t.Fatalf("POST %s %q: %d %s", coll, body, w.Code, w.Body)
		}
		w = httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", "https://"+id+".execute-api.us-east-1.amazonaws.com/prod/pets/7", nil))
		if w.Code >= 500 {
			t.Fatalf("invoke after POST %s %q: %d %s", coll, body, w.Code, w.Body)
		}
	})
}
