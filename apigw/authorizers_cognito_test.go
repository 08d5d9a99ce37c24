package apigw_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const poolARN = "arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Pool1"

// cognitoAPI builds GET /me (MOCK answering the sub claim) guarded by a
// COGNITO_USER_POOLS authorizer of poolARN, with scopes when given.
func cognitoAPI(t *testing.T, f *fixture, scopes ...string) string {
	t.Helper()
	api, root := f.api(t, "cog")
	z, err := f.client.CreateAuthorizer(f.ctx, &sdk.CreateAuthorizerInput{RestApiId: &api, Name: aws.String("pool"),
		Type: types.AuthorizerTypeCognitoUserPools, ProviderARNs: []string{poolARN},
		IdentitySource: aws.String("method.request.header.Authorization")})
	require.NoError(t, err)
	res := f.resource(t, api, root, "me")
	f.mock(t, api, res, "GET", "200", `{"sub":"$context.authorizer.claims.sub"}`)
	ops := []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/authorizationType"), Value: aws.String("COGNITO_USER_POOLS")},
		{Op: types.OpReplace, Path: aws.String("/authorizerId"), Value: z.Id}}
	_, err = f.client.UpdateMethod(f.ctx, &sdk.UpdateMethodInput{RestApiId: &api, ResourceId: &res, HttpMethod: aws.String("GET"),
		PatchOperations: ops})
	require.NoError(t, err)
	if len(scopes) > 0 {
		// PutMethod takes the scopes; re-create the method with them.
		_, err = f.client.DeleteMethod(f.ctx, &sdk.DeleteMethodInput{RestApiId: &api, ResourceId: &res, HttpMethod: aws.String("GET")})
		require.NoError(t, err)
		_, err = f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &res, HttpMethod: aws.String("GET"),
			AuthorizationType: aws.String("COGNITO_USER_POOLS"), AuthorizerId: z.Id, AuthorizationScopes: scopes})
		require.NoError(t, err)
		_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &res, HttpMethod: aws.String("GET"),
			Type: types.IntegrationTypeMock, RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
		require.NoError(t, err)
		_, err = f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &res, HttpMethod: aws.String("GET"), StatusCode: aws.String("200")})
		require.NoError(t, err)
		_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &res, HttpMethod: aws.String("GET"),
			StatusCode: aws.String("200"), ResponseTemplates: map[string]string{"application/json": `{"scope":"$context.authorizer.claims.scope"}`}})
		require.NoError(t, err)
	}
	f.deploy(t, api, "stage")
	return f.cloud.APIGateway().InvokeURL(api, "stage")
}

// A pool's token is checked on the cloud clock: served just before its
// exp, refused at it.
func TestAuthorizer_CognitoTokenExpiresOnTheClock(t *testing.T) {
	f := newFixture(t)
	url := cognitoAPI(t, f)
	pool := f.cloud.APIGateway().CognitoPool(poolARN)
	assert.Equal(t, "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1", pool.Issuer)
	tok := pool.Token(map[string]any{"sub": "alice", "exp": t0.Add(time.Hour).Unix()})

	status, _, body := f.call(t, "GET", url+"/me", "", "Authorization", tok)
	require.Equal(t, 200, status, body)
	assert.JSONEq(t, `{"sub":"alice"}`, body)
	f.clk.Advance(time.Hour - time.Second)
	status, _, _ = f.call(t, "GET", url+"/me", "", "Authorization", tok)
	assert.Equal(t, 200, status, "just before exp")
	f.clk.Advance(time.Second)
	status, _, body = f.call(t, "GET", url+"/me", "", "Authorization", tok)
	assert.Equal(t, 401, status, "at exp")
	assert.JSONEq(t, `{"message":"Unauthorized"}`, body)
}

func TestAuthorizer_CognitoRefusesForeignAndWrongTokens(t *testing.T) {
	f := newFixture(t)
	url := cognitoAPI(t, f)
	pool := f.cloud.APIGateway().CognitoPool(poolARN)
	other := f.cloud.APIGateway().CognitoPool("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Other")
	for name, tok := range map[string]string{
		"another pool's key": other.Token(map[string]any{"sub": "x", "iss": pool.Issuer}),
		"another issuer":     pool.Token(map[string]any{"sub": "x", "iss": "https://example.com"}),
		"a refresh token":    pool.Token(map[string]any{"sub": "x", "token_use": "refresh"}),
		"garbage":            "not.a.jwt",
	} {
		status, _, _ := f.call(t, "GET", url+"/me", "", "Authorization", tok)
		assert.Equal(t, 401, status, name)
	}
	status, _, _ := f.call(t, "GET", url+"/me", "")
	assert.Equal(t, 401, status, "no token")
}

// A method with authorization scopes takes an access token with one of
// them.
func TestAuthorizer_CognitoScopes(t *testing.T) {
	f := newFixture(t)
	url := cognitoAPI(t, f, "pets/read")
	pool := f.cloud.APIGateway().CognitoPool(poolARN)
	cases := map[string]int{
		pool.Token(map[string]any{"sub": "a", "token_use": "access", "scope": "openid pets/read"}): 200,
		pool.Token(map[string]any{"sub": "a", "token_use": "access", "scope": "pets/write"}):       401,
		pool.Token(map[string]any{"sub": "a"}):                                                     401, // an id token
	}
	for tok, want := range cases {
		status, _, body := f.call(t, "GET", url+"/me", "", "Authorization", tok)
		assert.Equal(t, want, status, body)
	}
}
