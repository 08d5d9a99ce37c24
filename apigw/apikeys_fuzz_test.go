package apigw

import (
	"context"
	"net/http/httptest"
	"testing"
)

// The API key file parser is fuzzed through ImportApiKeys: whatever the
// file, the answer is an import or a 4xx, never a 5xx, and every key it
// reports is there.
func FuzzImportApiKeys_NoServerErrors(f *testing.F) {
	s, _ := fuzzAPI(f)
	plan, err := s.CreateUsagePlan(context.Background(), CreateUsagePlanInput{Name: "p"})
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		"Key,name\napikey1234abcdefghij0123456789,MyFirstApiKey\n",
		"Enabled,Name,key,UsageplanIds\ntrue,MyFirstApiKey,apikey1234abcdefghij0123456789,\"" + plan.ID + ",glvrsr\"\n",
		"name,key,description\n'k',\"v\"\"q\",d\r\n\n",
		"name,key\n\"unclosed,abcdefghijklmnopqrstuvwxyz\n",
		"name,key\n\"a\"b,c\n",
		",,,\n,,,\n",
	} {
		f.Add(seed, true)
		f.Add(seed, false)
	}
	f.Fuzz(func(t *testing.T, file string, failOnWarnings bool) {
		q := "false"
		if failOnWarnings {
			q = "true"
		}
		r := newReq("POST", "http://awsfake.localhost/apikeys?mode=import&format=csv&failonwarnings="+q, file)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%q: %d %s", file, w.Code, w.Body)
		}
		if w.Code != 201 {
			return
		}
		var out ImportedApiKeys
		if err := jsonUnmarshal(w.Body.String(), &out); err != nil {
			t.Fatal(err)
		}
		for _, id := range out.IDs {
			if _, err := s.GetApiKey(context.Background(), GetApiKeyInput{APIKey: id}); err != nil {
				t.Fatalf("%q: imported %s is not there: %v", file, id, err)
			}
		}
	})
}
