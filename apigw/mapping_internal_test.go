package apigw

import (
	"encoding/json"
	"testing"
)

// An empty response template is written null on the wire (recorded:
// TestApigatewayIntegration::test_put_integration_response_templates,
// put-integration-response-template-empty).
func TestTemplates_EmptyIsNullOnTheWire(t *testing.T) {
	b, err := json.Marshal(IntegrationResponse{StatusCode: "200", ResponseTemplates: Templates{"application/json": "", "text/plain": "x"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"statusCode":"200","responseTemplates":{"application/json":null,"text/plain":"x"}}`; string(b) != want {
		t.Fatalf("got %s, want %s", b, want)
	}
}
