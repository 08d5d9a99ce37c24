package apigw

import (
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// Deleting an integration or a route deletes its responses with it.
func TestHTTPAPI_DeleteParentDropsResponses(t *testing.T) {
	env := cloudenv.ForTest(clock.NewFake(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
	s := New(env)
	env.Attach(s.Describe())
	_, api := v2Call(s, "POST", "/v2/apis", map[string]any{"name": "ws", "protocolType": "WEBSOCKET",
		"routeSelectionExpression": "$request.body.action"})
	id := api["apiId"].(string)
	_, integ := v2Call(s, "POST", "/v2/apis/"+id+"/integrations", map[string]any{"integrationType": "MOCK"})
	iid := integ["integrationId"].(string)
	_, route := v2Call(s, "POST", "/v2/apis/"+id+"/routes", map[string]any{"routeKey": "$connect"})
	rid := route["routeId"].(string)
	for _, c := range []struct{ path, key string }{
		{"/integrations/" + iid + "/integrationresponses", "integrationResponseKey"},
		{"/routes/" + rid + "/routeresponses", "routeResponseKey"},
	} {
		if st, out := v2Call(s, "POST", "/v2/apis/"+id+c.path, map[string]any{c.key: "$default"}); st != 201 {
			t.Fatalf("%s: %d %v", c.path, st, out)
		}
	}
	a := s.h.apis[id]
	if len(a.intResponses) != 1 || len(a.routeResponses) != 1 {
		t.Fatalf("responses: %d %d", len(a.intResponses), len(a.routeResponses))
	}
	v2Call(s, "DELETE", "/v2/apis/"+id+"/integrations/"+iid, nil)
	v2Call(s, "DELETE", "/v2/apis/"+id+"/routes/"+rid, nil)
	if len(a.intResponses) != 0 || len(a.routeResponses) != 0 {
		t.Fatalf("left behind: %d %d", len(a.intResponses), len(a.routeResponses))
	}
}
