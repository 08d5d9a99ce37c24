package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// CreateApi fills AWS's defaults (the route and API key selection
// expressions, ipv4, the endpoint); quick create with a target makes the
// integration, the route and an autoDeploy $default stage; GetApis,
// UpdateApi and DeleteApi; a bad protocol is BadRequestException and
// leaves nothing behind.
func TestHTTPAPI_ControlPlaneAPIs(t *testing.T) {
	f := newHFixture(t)
	api, err := f.v2.GetApi(f.ctx, &sdkv2.GetApiInput{ApiId: &f.api})
	require.NoError(t, err)
	assert.Equal(t, "$request.method $request.path", *api.RouteSelectionExpression)
	assert.Equal(t, "$request.header.x-api-key", *api.ApiKeySelectionExpression)
	assert.Equal(t, types.IpAddressTypeIpv4, api.IpAddressType)
	assert.Equal(t, "https://"+f.api+".execute-api.us-east-1.amazonaws.com", *api.ApiEndpoint)
	assert.Equal(t, t0, *api.CreatedDate)

	_, err = f.v2.CreateApi(f.ctx, &sdkv2.CreateApiInput{Name: aws.String("x"), ProtocolType: "SOAP"})
	checkErr(t, err, "BadRequestException", "Invalid protocol type specified: SOAP")
	_, err = f.v2.CreateApi(f.ctx, &sdkv2.CreateApiInput{Name: aws.String("x"), ProtocolType: "HTTP",
		RouteSelectionExpression: aws.String("$request.body.action")})
	checkErr(t, err, "BadRequestException", "")
	apis, err := f.v2.GetApis(f.ctx, &sdkv2.GetApisInput{})
	require.NoError(t, err)
	assert.Len(t, apis.Items, 1, "a refused create leaves nothing")

	quick, err := f.v2.CreateApi(f.ctx, &sdkv2.CreateApiInput{Name: aws.String("q"), ProtocolType: "HTTP",
		Target: aws.String("arn:aws:lambda:us-east-1:000000000000:function:fn"), RouteKey: aws.String("GET /q")})
	require.NoError(t, err)
	routes, err := f.v2.GetRoutes(f.ctx, &sdkv2.GetRoutesInput{ApiId: quick.ApiId})
	require.NoError(t, err)
	require.Len(t, routes.Items, 1)
	assert.Equal(t, "GET /q", *routes.Items[0].RouteKey)
	integ, err := f.v2.GetIntegrations(f.ctx, &sdkv2.GetIntegrationsInput{ApiId: quick.ApiId})
	require.NoError(t, err)
	require.Len(t, integ.Items, 1)
	assert.Equal(t, "2.0", *integ.Items[0].PayloadFormatVersion)
	st, err := f.v2.GetStage(f.ctx, &sdkv2.GetStageInput{ApiId: quick.ApiId, StageName: aws.String("$default")})
	require.NoError(t, err)
	assert.True(t, *st.AutoDeploy)
	assert.NotEmpty(t, aws.ToString(st.DeploymentId))

	up, err := f.v2.UpdateApi(f.ctx, &sdkv2.UpdateApiInput{ApiId: &f.api, Description: aws.String("d"), Name: aws.String("renamed")})
	require.NoError(t, err)
	assert.Equal(t, "renamed", *up.Name)
	assert.Equal(t, "d", *up.Description)
	assert.Equal(t, types.ProtocolTypeHttp, up.ProtocolType)
	_, err = f.v2.DeleteApi(f.ctx, &sdkv2.DeleteApiInput{ApiId: quick.ApiId})
	require.NoError(t, err)
	_, err = f.v2.GetApi(f.ctx, &sdkv2.GetApiInput{ApiId: quick.ApiId})
	checkErr(t, err, "NotFoundException", "Invalid API identifier specified "+*quick.ApiId)
}

// Routes: keys checked (a method, a path, a greedy variable last only),
// unique in the API (ConflictException), a target that exists,
// authorization matching its authorizer; GetRoute, UpdateRoute,
// DeleteRoute and DeleteRouteRequestParameter.
func TestHTTPAPI_ControlPlaneRoutes(t *testing.T) {
	f := newHFixture(t)
	integ := f.lambdaIntegration(t, "arn:aws:lambda:us-east-1:000000000000:function:fn", "2.0")
	id := f.route(t, "GET /items/{id}", integ)
	for key, msg := range map[string]string{
		"GET items":            "Unable to parse route key: GET items",
		"FETCH /items":         "Unable to parse route key: FETCH /items",
		"GET /a/{p+}/b":        "Greedy path variables must be the last segment of the path: GET /a/{p+}/b",
		"GET /a//b":            "Unable to parse route key: GET /a//b",
		"GET /a/{}":            "Unable to parse route key: GET /a/{}",
		"GET /a/b{c}":          "Unable to parse route key: GET /a/b{c}",
		"GET /items/{id}/x/{y": "Unable to parse route key: GET /items/{id}/x/{y",
	} {
		_, err := f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: &f.api, RouteKey: aws.String(key)})
		checkErr(t, err, "BadRequestException", msg)
	}
	_, err := f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: &f.api, RouteKey: aws.String("GET /items/{id}")})
	checkErr(t, err, "ConflictException", "Route with key GET /items/{id} already exists for this API")
	_, err = f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: &f.api, RouteKey: aws.String("GET /t"),
		Target: aws.String("integrations/nope")})
	checkErr(t, err, "BadRequestException", "Invalid target specified: integrations/nope")
	_, err = f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: &f.api, RouteKey: aws.String("GET /t"),
		AuthorizationType: types.AuthorizationTypeJwt, AuthorizerId: aws.String("nope")})
	checkErr(t, err, "BadRequestException", "Invalid authorizer identifier specified: nope")
	_, err = f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: &f.api, RouteKey: aws.String("GET /t"),
		AuthorizationScopes: []string{"read"}})
	checkErr(t, err, "BadRequestException", "Authorization scopes are supported only for JWT authorizers")

	got, err := f.v2.GetRoute(f.ctx, &sdkv2.GetRouteInput{ApiId: &f.api, RouteId: &id})
	require.NoError(t, err)
	assert.Equal(t, types.AuthorizationTypeNone, got.AuthorizationType)
	assert.Equal(t, "integrations/"+integ, *got.Target)
	up, err := f.v2.UpdateRoute(f.ctx, &sdkv2.UpdateRouteInput{ApiId: &f.api, RouteId: &id, RouteKey: aws.String("POST /items/{id}"),
		RequestParameters: map[string]types.ParameterConstraints{"route.request.header.x": {Required: aws.Bool(true)}}})
	require.NoError(t, err)
	assert.Equal(t, "POST /items/{id}", *up.RouteKey)
	assert.Equal(t, "integrations/"+integ, *up.Target, "members not named stay")
	_, err = f.v2.DeleteRouteRequestParameter(f.ctx, &sdkv2.DeleteRouteRequestParameterInput{ApiId: &f.api, RouteId: &id,
		RequestParameterKey: aws.String("route.request.header.x")})
	require.NoError(t, err)
	got, err = f.v2.GetRoute(f.ctx, &sdkv2.GetRouteInput{ApiId: &f.api, RouteId: &id})
	require.NoError(t, err)
	assert.Empty(t, got.RequestParameters)
	_, err = f.v2.DeleteRouteRequestParameter(f.ctx, &sdkv2.DeleteRouteRequestParameterInput{ApiId: &f.api, RouteId: &id,
		RequestParameterKey: aws.String("route.request.header.x")})
	checkErr(t, err, "NotFoundException", "")
	_, err = f.v2.DeleteRoute(f.ctx, &sdkv2.DeleteRouteInput{ApiId: &f.api, RouteId: &id})
	require.NoError(t, err)
	_, err = f.v2.GetRoute(f.ctx, &sdkv2.GetRouteInput{ApiId: &f.api, RouteId: &id})
	checkErr(t, err, "NotFoundException", "Invalid Route identifier specified "+id)
}

// Integrations: the type per protocol, payload 2.0 only for Lambda
// proxies, HTTP_PROXY with a method and an http(s) URI, the timeout 50 ms
// to 30 s (default 30 s), the service subtypes.
func TestHTTPAPI_ControlPlaneIntegrations(t *testing.T) {
	f := newHFixture(t)
	for _, c := range []struct {
		in  sdkv2.CreateIntegrationInput
		msg string
	}{
		{sdkv2.CreateIntegrationInput{IntegrationType: "MOCK"}, "Invalid integration type specified: MOCK"},
		{sdkv2.CreateIntegrationInput{IntegrationType: "HTTP_PROXY", IntegrationUri: aws.String("https://x"),
			IntegrationMethod: aws.String("GET"), PayloadFormatVersion: aws.String("2.0")},
			"Payload format version 2.0 is supported only for Lambda proxy integrations"},
		{sdkv2.CreateIntegrationInput{IntegrationType: "HTTP_PROXY", IntegrationUri: aws.String("https://x")},
			"IntegrationMethod is required for HTTP_PROXY integrations"},
		{sdkv2.CreateIntegrationInput{IntegrationType: "HTTP_PROXY", IntegrationUri: aws.String("ftp://x"),
			IntegrationMethod: aws.String("GET")}, "Invalid HTTP endpoint specified for URI"},
		{sdkv2.CreateIntegrationInput{IntegrationType: "AWS_PROXY"}, "IntegrationUri is required for AWS_PROXY integrations"},
		{sdkv2.CreateIntegrationInput{IntegrationType: "AWS_PROXY", IntegrationSubtype: aws.String("Nope-Nothing")},
			"Invalid integration subtype specified: Nope-Nothing"},
		{sdkv2.CreateIntegrationInput{IntegrationType: "AWS_PROXY", IntegrationUri: aws.String("arn:aws:lambda:us-east-1:000000000000:function:f"),
			PayloadFormatVersion: aws.String("3.0")}, "Invalid payload format version specified: 3.0"},
	} {
		in := c.in
		in.ApiId = &f.api
		_, err := f.v2.CreateIntegration(f.ctx, &in)
		checkErr(t, err, "BadRequestException", c.msg)
	}
	list, err := f.v2.GetIntegrations(f.ctx, &sdkv2.GetIntegrationsInput{ApiId: &f.api})
	require.NoError(t, err)
	assert.Empty(t, list.Items, "refused creates leave nothing")

	out, err := f.v2.CreateIntegration(f.ctx, &sdkv2.CreateIntegrationInput{ApiId: &f.api, IntegrationType: "AWS_PROXY",
		IntegrationSubtype: aws.String("SQS-SendMessage"), RequestParameters: map[string]string{
			"QueueUrl": "$request.header.queue", "MessageBody": "$request.body"}})
	require.NoError(t, err)
	assert.Equal(t, int32(30000), *out.TimeoutInMillis)
	assert.Equal(t, "1.0", *out.PayloadFormatVersion)
	assert.Equal(t, types.ConnectionTypeInternet, out.ConnectionType)
	up, err := f.v2.UpdateIntegration(f.ctx, &sdkv2.UpdateIntegrationInput{ApiId: &f.api, IntegrationId: out.IntegrationId,
		TimeoutInMillis: aws.Int32(50)})
	require.NoError(t, err)
	assert.Equal(t, int32(50), *up.TimeoutInMillis)
	assert.Equal(t, "SQS-SendMessage", *up.IntegrationSubtype)
	got, err := f.v2.GetIntegration(f.ctx, &sdkv2.GetIntegrationInput{ApiId: &f.api, IntegrationId: out.IntegrationId})
	require.NoError(t, err)
	assert.Equal(t, int32(50), *got.TimeoutInMillis)
	_, err = f.v2.DeleteIntegration(f.ctx, &sdkv2.DeleteIntegrationInput{ApiId: &f.api, IntegrationId: out.IntegrationId})
	require.NoError(t, err)
	_, err = f.v2.GetIntegration(f.ctx, &sdkv2.GetIntegrationInput{ApiId: &f.api, IntegrationId: out.IntegrationId})
	checkErr(t, err, "NotFoundException", "Invalid Integration identifier specified "+*out.IntegrationId)
}

// Authorizers: JWT needs an issuer and an audience; REQUEST a URI and a
// payload format version, simple responses only with 2.0, a TTL of 0 to
// 3600 s and an identity source when caching.
func TestHTTPAPI_ControlPlaneAuthorizers(t *testing.T) {
	f := newHFixture(t)
	uri := aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:a/invocations")
	for _, c := range []struct {
		in  sdkv2.CreateAuthorizerInput
		msg string
	}{
		{sdkv2.CreateAuthorizerInput{AuthorizerType: "JWT", IdentitySource: []string{"$request.header.Authorization"}},
			"JwtConfiguration with an Issuer and an Audience is required for JWT authorizers"},
		{sdkv2.CreateAuthorizerInput{AuthorizerType: "REQUEST", AuthorizerPayloadFormatVersion: aws.String("2.0")},
			"AuthorizerUri is required for REQUEST authorizers"},
		{sdkv2.CreateAuthorizerInput{AuthorizerType: "REQUEST", AuthorizerUri: uri},
			"AuthorizerPayloadFormatVersion must be 1.0 or 2.0"},
		{sdkv2.CreateAuthorizerInput{AuthorizerType: "REQUEST", AuthorizerUri: uri, AuthorizerPayloadFormatVersion: aws.String("1.0"),
			EnableSimpleResponses: aws.Bool(true)}, "Simple responses are supported only for authorizer payload format version 2.0"},
		{sdkv2.CreateAuthorizerInput{AuthorizerType: "REQUEST", AuthorizerUri: uri, AuthorizerPayloadFormatVersion: aws.String("2.0"),
			AuthorizerResultTtlInSeconds: aws.Int32(3601)}, "AuthorizerResultTtlInSeconds must be between 0 and 3600"},
		{sdkv2.CreateAuthorizerInput{AuthorizerType: "REQUEST", AuthorizerUri: uri, AuthorizerPayloadFormatVersion: aws.String("2.0"),
			AuthorizerResultTtlInSeconds: aws.Int32(300), IdentitySource: []string{}}, "IdentitySource is required when caching is enabled"},
	} {
		in := c.in
		in.ApiId, in.Name = &f.api, aws.String("a")
		if in.IdentitySource == nil {
			in.IdentitySource = []string{"$request.header.Authorization"}
		}
		_, err := f.v2.CreateAuthorizer(f.ctx, &in)
		checkErr(t, err, "BadRequestException", c.msg)
	}
	z, err := f.v2.CreateAuthorizer(f.ctx, &sdkv2.CreateAuthorizerInput{ApiId: &f.api, Name: aws.String("j"), AuthorizerType: "JWT",
		IdentitySource:   []string{"$request.header.Authorization"},
		JwtConfiguration: &types.JWTConfiguration{Issuer: aws.String("https://issuer.example"), Audience: []string{"a"}}})
	require.NoError(t, err)
	up, err := f.v2.UpdateAuthorizer(f.ctx, &sdkv2.UpdateAuthorizerInput{ApiId: &f.api, AuthorizerId: z.AuthorizerId,
		JwtConfiguration: &types.JWTConfiguration{Issuer: aws.String("https://issuer.example"), Audience: []string{"a", "b"}}})
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, up.JwtConfiguration.Audience)
	list, err := f.v2.GetAuthorizers(f.ctx, &sdkv2.GetAuthorizersInput{ApiId: &f.api})
	require.NoError(t, err)
	assert.Len(t, list.Items, 1)
	_, err = f.v2.DeleteAuthorizer(f.ctx, &sdkv2.DeleteAuthorizerInput{ApiId: &f.api, AuthorizerId: z.AuthorizerId})
	require.NoError(t, err)
	_, err = f.v2.GetAuthorizer(f.ctx, &sdkv2.GetAuthorizerInput{ApiId: &f.api, AuthorizerId: z.AuthorizerId})
	checkErr(t, err, "NotFoundException", "Invalid Authorizer identifier specified "+*z.AuthorizerId)
}

// Models: a name and a JSON schema that compiles.
func TestHTTPAPI_ControlPlaneModels(t *testing.T) {
	f := newHFixture(t)
	_, err := f.v2.CreateModel(f.ctx, &sdkv2.CreateModelInput{ApiId: &f.api, Name: aws.String("m"), Schema: aws.String("{not json")})
	checkErr(t, err, "BadRequestException", "Invalid model schema specified")
	m, err := f.v2.CreateModel(f.ctx, &sdkv2.CreateModelInput{ApiId: &f.api, Name: aws.String("m"), ContentType: aws.String("application/json"),
		Schema: aws.String(`{"type":"object"}`)})
	require.NoError(t, err)
	up, err := f.v2.UpdateModel(f.ctx, &sdkv2.UpdateModelInput{ApiId: &f.api, ModelId: m.ModelId, Description: aws.String("d")})
	require.NoError(t, err)
	assert.Equal(t, "d", *up.Description)
	assert.Equal(t, `{"type":"object"}`, *up.Schema)
	tpl, err := f.v2.GetModelTemplate(f.ctx, &sdkv2.GetModelTemplateInput{ApiId: &f.api, ModelId: m.ModelId})
	require.NoError(t, err)
	assert.NotNil(t, tpl.Value)
	_, err = f.v2.GetModelTemplate(f.ctx, &sdkv2.GetModelTemplateInput{ApiId: &f.api, ModelId: aws.String("nope")})
	checkErr(t, err, "NotFoundException", "Invalid Model identifier specified nope")
	_, err = f.v2.DeleteModel(f.ctx, &sdkv2.DeleteModelInput{ApiId: &f.api, ModelId: m.ModelId})
	require.NoError(t, err)
	list, err := f.v2.GetModels(f.ctx, &sdkv2.GetModelsInput{ApiId: &f.api})
	require.NoError(t, err)
	assert.Empty(t, list.Items)
}

// Stages and deployments: names checked, unique (ConflictException),
// route settings of existing routes; a deployment needs a route; a
// deployment a stage points at cannot be deleted; settings deleted one by
// one.
func TestHTTPAPI_ControlPlaneStagesAndDeployments(t *testing.T) {
	f := newHFixture(t)
	_, err := f.v2.CreateDeployment(f.ctx, &sdkv2.CreateDeploymentInput{ApiId: &f.api})
	checkErr(t, err, "BadRequestException", "At least one route is required before deploying the Api.")
	f.route(t, "GET /a", f.lambdaIntegration(t, "arn:aws:lambda:us-east-1:000000000000:function:fn", "2.0"))
	_, err = f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("bad name")})
	checkErr(t, err, "BadRequestException", "Stage name only allows a-zA-Z0-9_-")
	_, err = f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("s"),
		RouteSettings: map[string]types.RouteSettings{"GET /nope": {}}})
	checkErr(t, err, "NotFoundException", "Unable to find Route by key GET /nope within the provided RouteSettings")
	_, err = f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("s"),
		DeploymentId: aws.String("nope")})
	checkErr(t, err, "NotFoundException", "Invalid Deployment identifier specified nope")
	d, err := f.v2.CreateDeployment(f.ctx, &sdkv2.CreateDeploymentInput{ApiId: &f.api, Description: aws.String("first")})
	require.NoError(t, err)
	assert.Equal(t, types.DeploymentStatusDeployed, d.DeploymentStatus)
	st, err := f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("s"), DeploymentId: d.DeploymentId,
		RouteSettings:     map[string]types.RouteSettings{"GET /a": {ThrottlingBurstLimit: aws.Int32(1)}},
		AccessLogSettings: &types.AccessLogSettings{DestinationArn: aws.String("arn:aws:logs:us-east-1:000000000000:log-group:g"), Format: aws.String("$context.requestId")}})
	require.NoError(t, err)
	assert.Equal(t, *d.DeploymentId, *st.DeploymentId)
	_, err = f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("s")})
	checkErr(t, err, "ConflictException", "Stage s already exists")

	_, err = f.v2.DeleteDeployment(f.ctx, &sdkv2.DeleteDeploymentInput{ApiId: &f.api, DeploymentId: d.DeploymentId})
	checkErr(t, err, "BadRequestException", "Active stages pointing to this deployment must be moved or deleted")
	ud, err := f.v2.UpdateDeployment(f.ctx, &sdkv2.UpdateDeploymentInput{ApiId: &f.api, DeploymentId: d.DeploymentId, Description: aws.String("second")})
	require.NoError(t, err)
	assert.Equal(t, "second", *ud.Description)

	_, err = f.v2.DeleteRouteSettings(f.ctx, &sdkv2.DeleteRouteSettingsInput{ApiId: &f.api, StageName: aws.String("s"), RouteKey: aws.String("GET /a")})
	require.NoError(t, err)
	_, err = f.v2.DeleteRouteSettings(f.ctx, &sdkv2.DeleteRouteSettingsInput{ApiId: &f.api, StageName: aws.String("s"), RouteKey: aws.String("GET /a")})
	checkErr(t, err, "NotFoundException", "Unable to find route settings for route key GET /a")
	_, err = f.v2.DeleteAccessLogSettings(f.ctx, &sdkv2.DeleteAccessLogSettingsInput{ApiId: &f.api, StageName: aws.String("s")})
	require.NoError(t, err)
	got, err := f.v2.GetStage(f.ctx, &sdkv2.GetStageInput{ApiId: &f.api, StageName: aws.String("s")})
	require.NoError(t, err)
	assert.Nil(t, got.AccessLogSettings)
	assert.Empty(t, got.RouteSettings)
	stages, err := f.v2.GetStages(f.ctx, &sdkv2.GetStagesInput{ApiId: &f.api})
	require.NoError(t, err)
	assert.Len(t, stages.Items, 1)

	_, err = f.v2.DeleteStage(f.ctx, &sdkv2.DeleteStageInput{ApiId: &f.api, StageName: aws.String("s")})
	require.NoError(t, err)
	_, err = f.v2.DeleteDeployment(f.ctx, &sdkv2.DeleteDeploymentInput{ApiId: &f.api, DeploymentId: d.DeploymentId})
	require.NoError(t, err)
	_, err = f.v2.GetDeployment(f.ctx, &sdkv2.GetDeploymentInput{ApiId: &f.api, DeploymentId: d.DeploymentId})
	checkErr(t, err, "NotFoundException", "Invalid Deployment identifier specified "+*d.DeploymentId)
}

// Tags on an API and a stage by ARN: TagResource, GetTags, UntagResource,
// also as CreateApi's tags.
func TestHTTPAPI_ControlPlaneTags(t *testing.T) {
	f := newHFixture(t)
	apiARN := "arn:aws:apigateway:us-east-1::/apis/" + f.api
	_, err := f.v2.TagResource(f.ctx, &sdkv2.TagResourceInput{ResourceArn: &apiARN, Tags: map[string]string{"a": "1", "b": "2"}})
	require.NoError(t, err)
	_, err = f.v2.UntagResource(f.ctx, &sdkv2.UntagResourceInput{ResourceArn: &apiARN, TagKeys: []string{"b"}})
	require.NoError(t, err)
	tags, err := f.v2.GetTags(f.ctx, &sdkv2.GetTagsInput{ResourceArn: &apiARN})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "1"}, tags.Tags)
	api, err := f.v2.GetApi(f.ctx, &sdkv2.GetApiInput{ApiId: &f.api})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "1"}, api.Tags)

	f.autoStage(t)
	stageARN := apiARN + "/stages/$default"
	_, err = f.v2.TagResource(f.ctx, &sdkv2.TagResourceInput{ResourceArn: &stageARN, Tags: map[string]string{"s": "x"}})
	require.NoError(t, err)
	tags, err = f.v2.GetTags(f.ctx, &sdkv2.GetTagsInput{ResourceArn: &stageARN})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"s": "x"}, tags.Tags)
	_, err = f.v2.GetTags(f.ctx, &sdkv2.GetTagsInput{ResourceArn: aws.String("arn:aws:apigateway:us-east-1::/apis/nope")})
	checkErr(t, err, "NotFoundException", "Invalid API identifier specified nope")
	tagged, err := f.v2.CreateApi(f.ctx, &sdkv2.CreateApiInput{Name: aws.String("t"), ProtocolType: "HTTP", Tags: map[string]string{"k": "v"}})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"k": "v"}, tagged.Tags)
}

// WebSocket APIs are stored (a route selection expression required, no
// $default stage, no CORS); invoking one over HTTP is answered as not
// modelled.
func TestHTTPAPI_WebSocketStoredNotInvoked(t *testing.T) {
	f := newHFixture(t)
	_, err := f.v2.CreateApi(f.ctx, &sdkv2.CreateApiInput{Name: aws.String("ws"), ProtocolType: "WEBSOCKET"})
	checkErr(t, err, "BadRequestException", "RouteSelectionExpression is required for WEBSOCKET APIs")
	ws, err := f.v2.CreateApi(f.ctx, &sdkv2.CreateApiInput{Name: aws.String("ws"), ProtocolType: "WEBSOCKET",
		RouteSelectionExpression: aws.String("$request.body.action")})
	require.NoError(t, err)
	assert.Equal(t, "wss://"+*ws.ApiId+".execute-api.us-east-1.amazonaws.com", *ws.ApiEndpoint)
	integ, err := f.v2.CreateIntegration(f.ctx, &sdkv2.CreateIntegrationInput{ApiId: ws.ApiId, IntegrationType: "MOCK"})
	require.NoError(t, err)
	_, err = f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: ws.ApiId, RouteKey: aws.String("$connect"),
		Target: aws.String("integrations/" + *integ.IntegrationId)})
	require.NoError(t, err)
	_, err = f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: ws.ApiId, StageName: aws.String("$default")})
	checkErr(t, err, "BadRequestException", "$default stage is supported only for HTTP APIs")
	_, err = f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: ws.ApiId, StageName: aws.String("prod"), AutoDeploy: aws.Bool(true)})
	require.NoError(t, err)
	resp, body := f.send(t, "GET", "https://"+*ws.ApiId+".execute-api.us-east-1.amazonaws.com/prod", "")
	assert.Equal(t, 501, resp.StatusCode)
	assert.Contains(t, body, "WebSocket")
}

// Integration responses and route responses belong to a WebSocket API's
// integration or route: created, listed under their parent only, updated
// and deleted; an HTTP API has none (BadRequestException); an unknown
// parent is NotFoundException.
func TestHTTPAPI_ControlPlaneIntegrationAndRouteResponses(t *testing.T) {
	f := newHFixture(t)
	httpInteg := f.lambdaIntegration(t, "arn:aws:lambda:us-east-1:000000000000:function:fn", "2.0")
	httpRoute := f.route(t, "GET /a", httpInteg)
	_, err := f.v2.CreateIntegrationResponse(f.ctx, &sdkv2.CreateIntegrationResponseInput{ApiId: &f.api, IntegrationId: &httpInteg,
		IntegrationResponseKey: aws.String("$default")})
	checkErr(t, err, "BadRequestException", "Integration responses are supported only for WebSocket APIs")
	_, err = f.v2.CreateRouteResponse(f.ctx, &sdkv2.CreateRouteResponseInput{ApiId: &f.api, RouteId: &httpRoute,
		RouteResponseKey: aws.String("$default")})
	checkErr(t, err, "BadRequestException", "Route responses are supported only for WebSocket APIs")

	ws, err := f.v2.CreateApi(f.ctx, &sdkv2.CreateApiInput{Name: aws.String("ws"), ProtocolType: "WEBSOCKET",
		RouteSelectionExpression: aws.String("$request.body.action")})
	require.NoError(t, err)
	var integs [2]string
	for i := range integs {
		out, err := f.v2.CreateIntegration(f.ctx, &sdkv2.CreateIntegrationInput{ApiId: ws.ApiId, IntegrationType: "MOCK"})
		require.NoError(t, err)
		integs[i] = *out.IntegrationId
	}
	ir, err := f.v2.CreateIntegrationResponse(f.ctx, &sdkv2.CreateIntegrationResponseInput{ApiId: ws.ApiId, IntegrationId: &integs[0],
		IntegrationResponseKey: aws.String("/200/"), ResponseTemplates: map[string]string{"application/json": "{}"}})
	require.NoError(t, err)
	_, err = f.v2.CreateIntegrationResponse(f.ctx, &sdkv2.CreateIntegrationResponseInput{ApiId: ws.ApiId, IntegrationId: &integs[0],
		IntegrationResponseKey: aws.String("$default"), ContentHandlingStrategy: "CONVERT_TO_NOTHING"})
	checkErr(t, err, "BadRequestException", "Invalid content handling strategy specified: CONVERT_TO_NOTHING")
	_, err = f.v2.CreateIntegrationResponse(f.ctx, &sdkv2.CreateIntegrationResponseInput{ApiId: ws.ApiId, IntegrationId: aws.String("nope"),
		IntegrationResponseKey: aws.String("$default")})
	checkErr(t, err, "NotFoundException", "Invalid Integration identifier specified nope")
	list, err := f.v2.GetIntegrationResponses(f.ctx, &sdkv2.GetIntegrationResponsesInput{ApiId: ws.ApiId, IntegrationId: &integs[0]})
	require.NoError(t, err)
	require.Len(t, list.Items, 1)
	assert.Equal(t, "/200/", *list.Items[0].IntegrationResponseKey)
	other, err := f.v2.GetIntegrationResponses(f.ctx, &sdkv2.GetIntegrationResponsesInput{ApiId: ws.ApiId, IntegrationId: &integs[1]})
	require.NoError(t, err)
	assert.Empty(t, other.Items, "listed under its own integration only")
	_, err = f.v2.GetIntegrationResponse(f.ctx, &sdkv2.GetIntegrationResponseInput{ApiId: ws.ApiId, IntegrationId: &integs[1],
		IntegrationResponseId: ir.IntegrationResponseId})
	checkErr(t, err, "NotFoundException", "Invalid IntegrationResponse identifier specified "+*ir.IntegrationResponseId)
	up, err := f.v2.UpdateIntegrationResponse(f.ctx, &sdkv2.UpdateIntegrationResponseInput{ApiId: ws.ApiId, IntegrationId: &integs[0],
		IntegrationResponseId: ir.IntegrationResponseId, TemplateSelectionExpression: aws.String("$integration.response.statuscode")})
	require.NoError(t, err)
	assert.Equal(t, "/200/", *up.IntegrationResponseKey)
	got, err := f.v2.GetIntegrationResponse(f.ctx, &sdkv2.GetIntegrationResponseInput{ApiId: ws.ApiId, IntegrationId: &integs[0],
		IntegrationResponseId: ir.IntegrationResponseId})
	require.NoError(t, err)
	assert.Equal(t, "$integration.response.statuscode", *got.TemplateSelectionExpression)
	_, err = f.v2.DeleteIntegrationResponse(f.ctx, &sdkv2.DeleteIntegrationResponseInput{ApiId: ws.ApiId, IntegrationId: &integs[0],
		IntegrationResponseId: ir.IntegrationResponseId})
	require.NoError(t, err)

	route, err := f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: ws.ApiId, RouteKey: aws.String("$connect")})
	require.NoError(t, err)
	_, err = f.v2.CreateRouteResponse(f.ctx, &sdkv2.CreateRouteResponseInput{ApiId: ws.ApiId, RouteId: route.RouteId,
		RouteResponseKey: aws.String("other")})
	checkErr(t, err, "BadRequestException", "Only $default is supported as a RouteResponseKey")
	rr, err := f.v2.CreateRouteResponse(f.ctx, &sdkv2.CreateRouteResponseInput{ApiId: ws.ApiId, RouteId: route.RouteId,
		RouteResponseKey: aws.String("$default"), ResponseParameters: map[string]types.ParameterConstraints{"h": {Required: aws.Bool(true)}}})
	require.NoError(t, err)
	rup, err := f.v2.UpdateRouteResponse(f.ctx, &sdkv2.UpdateRouteResponseInput{ApiId: ws.ApiId, RouteId: route.RouteId,
		RouteResponseId: rr.RouteResponseId, ModelSelectionExpression: aws.String("$default")})
	require.NoError(t, err)
	assert.True(t, *rup.ResponseParameters["h"].Required)
	rrs, err := f.v2.GetRouteResponses(f.ctx, &sdkv2.GetRouteResponsesInput{ApiId: ws.ApiId, RouteId: route.RouteId})
	require.NoError(t, err)
	assert.Len(t, rrs.Items, 1)
	_, err = f.v2.DeleteRouteResponse(f.ctx, &sdkv2.DeleteRouteResponseInput{ApiId: ws.ApiId, RouteId: route.RouteId,
		RouteResponseId: rr.RouteResponseId})
	require.NoError(t, err)
	_, err = f.v2.GetRouteResponse(f.ctx, &sdkv2.GetRouteResponseInput{ApiId: ws.ApiId, RouteId: route.RouteId,
		RouteResponseId: rr.RouteResponseId})
	checkErr(t, err, "NotFoundException", "Invalid RouteResponse identifier specified "+*rr.RouteResponseId)
}

// Listings page by maxResults (a string on the wire) and nextToken: every
// item once, in order; a bad token or size is BadRequestException.
func TestHTTPAPI_ControlPlaneListsPage(t *testing.T) {
	f := newHFixture(t)
	integ := f.lambdaIntegration(t, "arn:aws:lambda:us-east-1:000000000000:function:fn", "2.0")
	want := map[string]bool{}
	for _, k := range []string{"GET /a", "GET /b", "GET /c", "GET /d", "GET /e"} {
		want[f.route(t, k, integ)] = true
	}
	seen := map[string]bool{}
	var token *string
	pages := 0
	for {
		out, err := f.v2.GetRoutes(f.ctx, &sdkv2.GetRoutesInput{ApiId: &f.api, MaxResults: aws.String("2"), NextToken: token})
		require.NoError(t, err)
		pages++
		assert.LessOrEqual(t, len(out.Items), 2)
		for _, r := range out.Items {
			assert.False(t, seen[*r.RouteId], "once")
			seen[*r.RouteId] = true
		}
		if out.NextToken == nil {
			break
		}
		token = out.NextToken
	}
	assert.Equal(t, want, seen)
	assert.Equal(t, 3, pages)
	_, err := f.v2.GetRoutes(f.ctx, &sdkv2.GetRoutesInput{ApiId: &f.api, NextToken: aws.String("garbage!")})
	checkErr(t, err, "BadRequestException", "Invalid nextToken specified")
	_, err = f.v2.GetApis(f.ctx, &sdkv2.GetApisInput{MaxResults: aws.String("zero")})
	checkErr(t, err, "BadRequestException", "Invalid maxResults specified: zero")
	apis, err := f.v2.GetApis(f.ctx, &sdkv2.GetApisInput{MaxResults: aws.String("1")})
	require.NoError(t, err)
	assert.Len(t, apis.Items, 1)
	assert.Nil(t, apis.NextToken, "one API, one page")
}

// What is not modelled answers as there is nothing: domain names, API
// mappings, VPC links: empty lists, NotFoundException naming the kind,
// BadRequestException for a create.
func TestHTTPAPI_NotModelledAnswerNothingThere(t *testing.T) {
	f := newHFixture(t)
	links, err := f.v2.GetVpcLinks(f.ctx, &sdkv2.GetVpcLinksInput{})
	require.NoError(t, err)
	assert.Empty(t, links.Items)
	_, err = f.v2.GetDomainName(f.ctx, &sdkv2.GetDomainNameInput{DomainName: aws.String("api.example.com")})
	checkErr(t, err, "NotFoundException", "Invalid domainname identifier specified")
	_, err = f.v2.GetApiMapping(f.ctx, &sdkv2.GetApiMappingInput{DomainName: aws.String("api.example.com"), ApiMappingId: aws.String("m")})
	checkErr(t, err, "NotFoundException", "Invalid apimapping identifier specified")
	_, err = f.v2.CreateDomainName(f.ctx, &sdkv2.CreateDomainNameInput{DomainName: aws.String("api.example.com")})
	checkErr(t, err, "BadRequestException", "awsfake does not model CreateDomainName yet: API Gateway v2's CreateDomainName is not available in this fake")
}
