package apigw_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/apigw"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// The IAM action tables have one row per operation of the wire tables,
// the apigateway client's and the apigatewayv2 client's.
func TestActions_OneRowPerOperation(t *testing.T) {
	servicetest.CheckActions(t, apigw.Actions(), apigw.Operations())
	servicetest.CheckActions(t, apigw.HTTPActions(), apigw.HTTPOperations())
}

// A row is the operation's HTTP method, on the resource type its path
// names, as the Service Authorization Reference lists them.
func TestActions_ByMethodAndPath(t *testing.T) {
	rest, v2 := apigw.Actions(), apigw.HTTPActions()
	for _, c := range []struct{ op, action, resource string }{
		{"CreateRestApi", "apigateway:POST", "RestApis"},
		{"GetRestApi", "apigateway:GET", "RestApi"},
		{"PutIntegration", "apigateway:PUT", "Integration"},
		{"GetIntegrationResponse", "apigateway:GET", "IntegrationResponse"},
		{"DeleteMethodResponse", "apigateway:DELETE", "MethodResponse"},
		{"UpdateStage", "apigateway:PATCH", "Stage"},
		{"TagResource", "apigateway:PUT", "Tags"},
	} {
		assert.Equal(t, c.action, rest[c.op].Action, c.op)
		assert.Equal(t, c.resource, rest[c.op].Resource, c.op)
	}
	assert.Equal(t, "apigateway:POST", v2["TagResource"].Action)
	assert.Equal(t, "Api", v2["GetApi"].Resource)
	assert.Equal(t, "Routes", v2["GetRoutes"].Resource)
}
