package apigw_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// iamAuthorization is an Authorization header of a SigV4 signature by the
// key AKIDEXAMPLE, which with verification off (the cloud's default) is
// taken as signed by the account's root user.
const iamAuthorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=abc"

// A mapping template reads the signer in $context.identity: accountId,
// caller, user, userArn and accessKey (issue 22's AWS_IAM bullet); so
// does an access log format; unsigned, the method is 403 Missing
// Authentication Token.
func TestIAM_MappingTemplateSeesTheCaller(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "iam")
	res := f.resource(t, api, root, "who")
	get := "GET"
	_, err := f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &res, HttpMethod: &get,
		AuthorizationType: aws.String("AWS_IAM")})
	require.NoError(t, err)
	_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &res, HttpMethod: &get,
		Type: types.IntegrationTypeMock, RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	require.NoError(t, err)
	_, err = f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &res,
		HttpMethod: &get, StatusCode: aws.String("200")})
	require.NoError(t, err)
	tpl := `{"accountId":"$context.identity.accountId","caller":"$context.identity.caller","user":"$context.identity.user",` +
		`"userArn":"$context.identity.userArn","accessKey":"$context.identity.accessKey"}`
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &res,
		HttpMethod: &get, StatusCode: aws.String("200"), ResponseTemplates: map[string]string{"application/json": tpl}})
	require.NoError(t, err)
	f.deploy(t, api, "stage")
	_, err = f.client.UpdateStage(f.ctx, &sdk.UpdateStageInput{RestApiId: &api, StageName: aws.String("stage"),
		PatchOperations: []types.PatchOperation{
			{Op: types.OpReplace, Path: aws.String("/accessLogSettings/destinationArn"), Value: aws.String("arn:aws:logs:us-east-1:000000000000:log-group:access")},
			{Op: types.OpReplace, Path: aws.String("/accessLogSettings/format"), Value: aws.String(`$context.identity.userArn $context.identity.accessKey $context.status`)}}})
	require.NoError(t, err)
	url := f.cloud.APIGateway().InvokeURL(api, "stage") + "/who"

	status, _, body := f.call(t, "GET", url, "", "Authorization", iamAuthorization)
	require.Equal(t, 200, status, body)
	assert.JSONEq(t, `{"accountId":"000000000000","caller":"000000000000","user":"000000000000",`+
		`"userArn":"arn:aws:iam::000000000000:root","accessKey":"AKIDEXAMPLE"}`, body)

	status, hdr, body := f.call(t, "GET", url, "")
	assert.Equal(t, 403, status)
	assert.Equal(t, "MissingAuthenticationTokenException", hdr.Get("X-Amzn-Errortype"))
	assert.JSONEq(t, `{"message":"Missing Authentication Token"}`, body)

	access := f.cloud.APIGateway().AccessLogs(api, "stage")
	require.Len(t, access, 2)
	assert.Equal(t, "arn:aws:iam::000000000000:root AKIDEXAMPLE 200", access[0].Message)
	assert.Equal(t, "  403", access[1].Message) // empty as the package writes any missing value
}

// An HTTP API's AWS_IAM route shows the signer in payload 2.0's
// requestContext.authorizer.iam and payload 1.0's requestContext.identity;
// unsigned, it is 403 Forbidden.
func TestIAM_HTTPAPIEventsShowTheCaller(t *testing.T) {
	for _, version := range []string{"2.0", "1.0"} {
		f := newHFixture(t)
		events := make(chan map[string]any, 2)
		fn := f.function(t, "echo", func(_ context.Context, ev map[string]any) (map[string]any, error) {
			events <- ev
			return map[string]any{"statusCode": 200, "body": "ok"}, nil
		})
		_, err := f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: &f.api, RouteKey: aws.String("GET /who"),
			Target: aws.String("integrations/" + f.lambdaIntegration(t, fn, version)), AuthorizationType: v2types.AuthorizationTypeAwsIam})
		require.NoError(t, err)
		f.autoStage(t)
		resp, body := f.send(t, "GET", f.url("$default", "/who"), "")
		assert.Equal(t, 403, resp.StatusCode)
		assert.JSONEq(t, `{"message":"Forbidden"}`, body)
		assert.Empty(t, events)

		resp, body = f.send(t, "GET", f.url("$default", "/who"), "", "Authorization", iamAuthorization)
		require.Equal(t, 200, resp.StatusCode, body)
		rc := (<-events)["requestContext"].(map[string]any)
		if version == "2.0" {
			got, _ := json.Marshal(rc["authorizer"])
			assert.JSONEq(t, `{"iam":{"accessKey":"AKIDEXAMPLE","accountId":"000000000000","callerId":"000000000000",`+
				`"cognitoIdentity":null,"principalOrgId":null,"userArn":"arn:aws:iam::000000000000:root","userId":"000000000000"}}`, string(got))
			continue
		}
		id := rc["identity"].(map[string]any)
		assert.Equal(t, "arn:aws:iam::000000000000:root", id["userArn"])
		assert.Equal(t, "AKIDEXAMPLE", id["accessKey"])
		assert.Equal(t, "000000000000", id["caller"])
	}
}
