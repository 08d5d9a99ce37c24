package apigw_test

import (
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkErr asserts an API error's code and message.
func checkErr(t *testing.T, err error, code, message string) {
	t.Helper()
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "want %s, got %v", code, err)
	assert.Equal(t, code, ae.ErrorCode())
	if message != "" {
		assert.Equal(t, message, ae.ErrorMessage())
	}
}

// CreateRestApi: a ten-character lowercase id, the root resource, AWS's
// defaults (EDGE, ipv4, HEADER) and the Empty and Error models; the
// validation texts as recorded (test_create_rest_api_with_optional_params,
// test_create_rest_api_with_endpoint_configuration).
func TestRestApis_CreateDefaultsAndValidation(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("pets")})
	require.NoError(t, err)
	assert.Regexp(t, `^[a-z0-9]{10}$`, *out.Id)
	assert.Equal(t, []types.EndpointType{types.EndpointTypeEdge}, out.EndpointConfiguration.Types)
	assert.Equal(t, types.IpAddressTypeIpv4, out.EndpointConfiguration.IpAddressType)
	assert.Equal(t, types.ApiKeySourceTypeHeader, out.ApiKeySource)
	assert.Equal(t, t0, out.CreatedDate.UTC())
	res, err := f.client.GetResources(f.ctx, &sdk.GetResourcesInput{RestApiId: out.Id})
	require.NoError(t, err)
	require.Len(t, res.Items, 1)
	assert.Equal(t, "/", *res.Items[0].Path)
	assert.Equal(t, *out.RootResourceId, *res.Items[0].Id)
	models, err := f.client.GetModels(f.ctx, &sdk.GetModelsInput{RestApiId: out.Id})
	require.NoError(t, err)
	require.Len(t, models.Items, 2)
	assert.Equal(t, "Empty", *models.Items[0].Name)

	_, err = f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("x"), Description: aws.String("")})
	checkErr(t, err, "BadRequestException", "Description cannot be an empty string")
	_, err = f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("x"), MinimumCompressionSize: aws.Int32(10485761)})
	checkErr(t, err, "BadRequestException", "Invalid minimum compression size, must be between 0 and 10485760")
	_, err = f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("x"), MinimumCompressionSize: aws.Int32(10485760)})
	require.NoError(t, err)
	_, err = f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("x"), EndpointConfiguration: &types.EndpointConfiguration{
		Types: []types.EndpointType{"EDGE", "REGIONAL"}}})
	checkErr(t, err, "BadRequestException", "Cannot create an api with multiple Endpoint Types.")
	_, err = f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("x"), EndpointConfiguration: &types.EndpointConfiguration{
		Types: []types.EndpointType{"wrong"}}})
	checkErr(t, err, "ValidationException", "1 validation error detected: Value '[wrong]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]")
	_, err = f.client.GetRestApi(f.ctx, &sdk.GetRestApiInput{RestApiId: aws.String("api_id")})
	checkErr(t, err, "NotFoundException", "Invalid API identifier specified 000000000000:api_id")
}

// GetRestApis pages by position and limit.
func TestRestApis_PaginationByPositionAndLimit(t *testing.T) {
	f := newFixture(t)
	for range 5 {
		f.api(t, "p")
	}
	var ids []string
	var pos *string
	for pages := 0; ; pages++ {
		out, err := f.client.GetRestApis(f.ctx, &sdk.GetRestApisInput{Limit: aws.Int32(2), Position: pos})
		require.NoError(t, err)
		assert.LessOrEqual(t, len(out.Items), 2)
		for _, a := range out.Items {
			ids = append(ids, *a.Id)
		}
		if out.Position == nil {
			assert.Equal(t, 2, pages)
			break
		}
		pos = out.Position
	}
	assert.Len(t, ids, 5)
	assert.IsIncreasing(t, ids)
	_, err := f.client.GetRestApis(f.ctx, &sdk.GetRestApisInput{Position: aws.String("!!")})
	checkErr(t, err, "BadRequestException", "")
}

// UpdateRestApi: patch operations all or nothing; bad ops are a
// ValidationException naming each, as recorded
// (test_update_rest_api_concatenation_of_errors).
func TestRestApis_UpdatePatchOperations(t *testing.T) {
	f := newFixture(t)
	id, _ := f.api(t, "before")
	out, err := f.client.UpdateRestApi(f.ctx, &sdk.UpdateRestApiInput{RestApiId: &id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/name"), Value: aws.String("after")},
		{Op: types.OpAdd, Path: aws.String("/binaryMediaTypes/image~1png")},
		{Op: types.OpReplace, Path: aws.String("/minimumCompressionSize"), Value: aws.String("100")},
	}})
	require.NoError(t, err)
	assert.Equal(t, "after", *out.Name)
	assert.Equal(t, []string{"image/png"}, out.BinaryMediaTypes)
	assert.Equal(t, int32(100), *out.MinimumCompressionSize)
	_, err = f.client.UpdateRestApi(f.ctx, &sdk.UpdateRestApiInput{RestApiId: &id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/name"), Value: aws.String("lost")},
		{Op: types.OpReplace, Path: aws.String("/binaryMediaTypes")},
	}})
	checkErr(t, err, "BadRequestException", "Invalid patch path /binaryMediaTypes")
	_, err = f.client.UpdateRestApi(f.ctx, &sdk.UpdateRestApiInput{RestApiId: &id, PatchOperations: []types.PatchOperation{
		{Op: types.OpAdd, Path: aws.String("/minimumCompressionSize"), Value: aws.String("1")}}})
	checkErr(t, err, "BadRequestException", "Invalid patch operation specified. Must be one of: [replace]")
	_, err = f.client.UpdateRestApi(f.ctx, &sdk.UpdateRestApiInput{RestApiId: &id, PatchOperations: []types.PatchOperation{
		{Op: "wrong", Path: aws.String("/name")}, {Op: "wrong", Path: aws.String("/name")}}})
	checkErr(t, err, "ValidationException", "2 validation errors detected: Value 'wrong' at 'updateRestApiInput.patchOperations.1.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]; Value 'wrong' at 'updateRestApiInput.patchOperations.2.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]")
	got, err := f.client.GetRestApi(f.ctx, &sdk.GetRestApiInput{RestApiId: &id})
	require.NoError(t, err)
	assert.Equal(t, "after", *got.Name, "a failed update changes nothing")
	_, err = f.client.DeleteRestApi(f.ctx, &sdk.DeleteRestApiInput{RestApiId: &id})
	require.NoError(t, err)
	_, err = f.client.GetRestApi(f.ctx, &sdk.GetRestApiInput{RestApiId: &id})
	checkErr(t, err, "NotFoundException", "")
}

// Resources: path parts, {param} and {proxy+} rules with the texts of
// test_create_proxy_resource_validation and test_update_resource_behaviour.
func TestResources_PathPartRules(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "res")
	pets := f.resource(t, api, root, "pets")
	got, err := f.client.GetResource(f.ctx, &sdk.GetResourceInput{RestApiId: &api, ResourceId: &pets})
	require.NoError(t, err)
	assert.Equal(t, "/pets", *got.Path)
	assert.Equal(t, root, *got.ParentId)
	_, err = f.client.CreateResource(f.ctx, &sdk.CreateResourceInput{RestApiId: &api, ParentId: &root, PathPart: aws.String("pets")})
	checkErr(t, err, "ConflictException", "Another resource with the same parent already has this name: pets")
	proxy := f.resource(t, api, root, "{proxy+}")
	_, err = f.client.CreateResource(f.ctx, &sdk.CreateResourceInput{RestApiId: &api, ParentId: &root, PathPart: aws.String("{id}")})
	checkErr(t, err, "BadRequestException", "A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed")
	_, err = f.client.CreateResource(f.ctx, &sdk.CreateResourceInput{RestApiId: &api, ParentId: &proxy, PathPart: aws.String("child")})
	checkErr(t, err, "BadRequestException", "Cannot create a child of a resource with a greedy path variable: {proxy+}")
	for _, bad := range []string{"a b", "{a", "a}", "{a+}x", "{}", ""} {
		_, err = f.client.CreateResource(f.ctx, &sdk.CreateResourceInput{RestApiId: &api, ParentId: &pets, PathPart: aws.String(bad)})
		checkErr(t, err, "BadRequestException", "")
	}
	_, err = f.client.CreateResource(f.ctx, &sdk.CreateResourceInput{RestApiId: &api, ParentId: aws.String("nope"), PathPart: aws.String("x")})
	checkErr(t, err, "NotFoundException", "Invalid Resource identifier specified")
	child := f.resource(t, api, pets, "{petId}")
	_, err = f.client.UpdateResource(f.ctx, &sdk.UpdateResourceInput{RestApiId: &api, ResourceId: &pets, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/parentId"), Value: &child}}})
	checkErr(t, err, "BadRequestException", "Resources cannot be cyclical.")
	_, err = f.client.UpdateResource(f.ctx, &sdk.UpdateResourceInput{RestApiId: &api, ResourceId: &pets, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/invalid"), Value: aws.String("x")}}})
	checkErr(t, err, "BadRequestException", "Invalid patch path  '/invalid' specified for op 'replace'. Must be one of: [/parentId, /pathPart]")
	_, err = f.client.UpdateResource(f.ctx, &sdk.UpdateResourceInput{RestApiId: &api, ResourceId: &root, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/pathPart"), Value: aws.String("x")}}})
	checkErr(t, err, "BadRequestException", "Root resource cannot update its pathPart.")
	moved, err := f.client.UpdateResource(f.ctx, &sdk.UpdateResourceInput{RestApiId: &api, ResourceId: &pets, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/pathPart"), Value: aws.String("animals")}}})
	require.NoError(t, err)
	assert.Equal(t, "/animals", *moved.Path)
	sub, err := f.client.GetResource(f.ctx, &sdk.GetResourceInput{RestApiId: &api, ResourceId: &child})
	require.NoError(t, err)
	assert.Equal(t, "/animals/{petId}", *sub.Path)
	_, err = f.client.DeleteResource(f.ctx, &sdk.DeleteResourceInput{RestApiId: &api, ResourceId: &pets})
	require.NoError(t, err)
	_, err = f.client.GetResource(f.ctx, &sdk.GetResourceInput{RestApiId: &api, ResourceId: &child})
	checkErr(t, err, "NotFoundException", "")
}

// Methods, method responses, integrations and integration responses: the
// validation texts as recorded in test_apigateway_api.py, defaults as
// GetIntegration shows them, embedded in GetResource with embed=methods.
func TestMethods_AndIntegrationsThroughTheSDK(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "m")
	_, err := f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("FETCH"), AuthorizationType: aws.String("NONE")})
	checkErr(t, err, "BadRequestException", "Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY")
	_, err = f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), AuthorizationType: aws.String("CUSTOM")})
	checkErr(t, err, "BadRequestException", "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.")
	_, err = f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), AuthorizationType: aws.String("NONE"),
		RequestModels: map[string]string{"application/json": "petModel"}})
	checkErr(t, err, "BadRequestException", "Invalid model identifier specified: petModel")
	_, err = f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), AuthorizationType: aws.String("NONE"),
		RequestParameters: map[string]bool{"method.request.querystring.a": true, "method.request.header.a": false}})
	checkErr(t, err, "BadRequestException", "Parameter names must be unique across querystring, header and path")
	_, err = f.client.GetMethod(f.ctx, &sdk.GetMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET")})
	checkErr(t, err, "NotFoundException", "Invalid Method identifier specified")
	f.method(t, api, root, "GET")
	_, err = f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), AuthorizationType: aws.String("NONE")})
	checkErr(t, err, "ConflictException", "")
	_, err = f.client.GetIntegration(f.ctx, &sdk.GetIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET")})
	checkErr(t, err, "NotFoundException", "Invalid Integration identifier specified")
	_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), Type: "HTTPS_PROXY"})
	checkErr(t, err, "ValidationException", "1 validation error detected: Value 'HTTPS_PROXY' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]")
	for _, ms := range []int32{49, 29001} {
		_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"),
			Type: types.IntegrationTypeMock, TimeoutInMillis: aws.Int32(ms)})
		checkErr(t, err, "BadRequestException", "Timeout should be between 50 ms and 29000 ms")
	}
	_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"),
		Type: types.IntegrationTypeMock, RequestParameters: map[string]string{"integration.request.header.x": "true"}})
	checkErr(t, err, "BadRequestException", "Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: true]")
	in, err := f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"),
		Type: types.IntegrationTypeHttpProxy, IntegrationHttpMethod: aws.String("GET"), Uri: aws.String("https://example.com/")})
	require.NoError(t, err)
	assert.Equal(t, int32(29000), in.TimeoutInMillis)
	assert.Equal(t, "WHEN_NO_MATCH", *in.PassthroughBehavior)
	assert.Equal(t, types.ConnectionTypeInternet, in.ConnectionType)
	assert.Equal(t, root, *in.CacheNamespace)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), StatusCode: aws.String("wrong")})
	checkErr(t, err, "ValidationException", `1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\d\d`)
	_, err = f.client.GetIntegrationResponse(f.ctx, &sdk.GetIntegrationResponseInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), StatusCode: aws.String("200")})
	checkErr(t, err, "NotFoundException", "Invalid Response status code specified")
	up, err := f.client.UpdateIntegration(f.ctx, &sdk.UpdateIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"),
		PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/timeoutInMillis"), Value: aws.String("1000")}}})
	require.NoError(t, err)
	assert.Equal(t, int32(1000), up.TimeoutInMillis)
	res, err := f.client.GetResource(f.ctx, &sdk.GetResourceInput{RestApiId: &api, ResourceId: &root, Embed: []string{"methods"}})
	require.NoError(t, err)
	assert.Equal(t, types.IntegrationTypeHttpProxy, res.ResourceMethods["GET"].MethodIntegration.Type)
	_, err = f.client.DeleteMethod(f.ctx, &sdk.DeleteMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET")})
	require.NoError(t, err)
}

// Deployments need methods with integrations; a stage serving a deployment
// keeps it from being deleted; stages and their settings through the SDK.
func TestDeployments_AndStages(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "d")
	_, err := f.client.CreateDeployment(f.ctx, &sdk.CreateDeploymentInput{RestApiId: &api, StageName: aws.String("prod")})
	checkErr(t, err, "BadRequestException", "The REST API doesn't contain any methods")
	f.method(t, api, root, "GET")
	_, err = f.client.CreateDeployment(f.ctx, &sdk.CreateDeploymentInput{RestApiId: &api, StageName: aws.String("prod")})
	checkErr(t, err, "BadRequestException", "No integration defined for method")
	_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), Type: types.IntegrationTypeMock})
	require.NoError(t, err)
	dep := f.deploy(t, api, "prod")
	assert.Regexp(t, `^[a-z0-9]{6}$`, dep)
	st, err := f.client.GetStage(f.ctx, &sdk.GetStageInput{RestApiId: &api, StageName: aws.String("prod")})
	require.NoError(t, err)
	assert.Equal(t, dep, *st.DeploymentId)
	_, err = f.client.DeleteDeployment(f.ctx, &sdk.DeleteDeploymentInput{RestApiId: &api, DeploymentId: &dep})
	checkErr(t, err, "BadRequestException", "Active stages pointing to this deployment must be moved or deleted")
	_, err = f.client.CreateStage(f.ctx, &sdk.CreateStageInput{RestApiId: &api, StageName: aws.String("prod"), DeploymentId: &dep})
	checkErr(t, err, "ConflictException", "")
	_, err = f.client.CreateStage(f.ctx, &sdk.CreateStageInput{RestApiId: &api, StageName: aws.String("dev"), DeploymentId: aws.String("nope")})
	checkErr(t, err, "NotFoundException", "Invalid Deployment identifier specified")
	up, err := f.client.UpdateStage(f.ctx, &sdk.UpdateStageInput{RestApiId: &api, StageName: aws.String("prod"), PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/*/*/logging/loglevel"), Value: aws.String("INFO")},
		{Op: types.OpReplace, Path: aws.String("/tracingEnabled"), Value: aws.String("true")},
		{Op: types.OpReplace, Path: aws.String("/accessLogSettings/format"), Value: aws.String("$context.requestId")},
		{Op: types.OpReplace, Path: aws.String("/accessLogSettings/destinationArn"), Value: aws.String("arn:aws:logs:us-east-1:000000000000:log-group:g")},
	}})
	require.NoError(t, err)
	assert.Equal(t, "INFO", *up.MethodSettings["*/*"].LoggingLevel)
	assert.True(t, up.TracingEnabled)
	assert.Equal(t, "$context.requestId", *up.AccessLogSettings.Format)
	_, err = f.client.UpdateStage(f.ctx, &sdk.UpdateStageInput{RestApiId: &api, StageName: aws.String("prod"), PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/accessLogSettings/randomValue"), Value: aws.String("x")}}})
	checkErr(t, err, "BadRequestException", "Invalid accessLogSettings path. Must be one of : [/accessLogSettings/destinationArn, /accessLogSettings/format]")
	stages, err := f.client.GetStages(f.ctx, &sdk.GetStagesInput{RestApiId: &api})
	require.NoError(t, err)
	require.Len(t, stages.Item, 1)
	_, err = f.client.DeleteStage(f.ctx, &sdk.DeleteStageInput{RestApiId: &api, StageName: aws.String("prod")})
	require.NoError(t, err)
	_, err = f.client.DeleteDeployment(f.ctx, &sdk.DeleteDeploymentInput{RestApiId: &api, DeploymentId: &dep})
	require.NoError(t, err)
	deps, err := f.client.GetDeployments(f.ctx, &sdk.GetDeploymentsInput{RestApiId: &api})
	require.NoError(t, err)
	assert.Empty(t, deps.Items)
}

// Models and validators: texts as recorded (test_model_validation,
// test_put_method_model, test_invalid_update_request_validator_operations).
func TestModelsAndValidators(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "mv")
	_, err := f.client.CreateModel(f.ctx, &sdk.CreateModelInput{RestApiId: &api, Name: aws.String("Empty"), ContentType: aws.String("application/json")})
	checkErr(t, err, "ConflictException", "Model name already exists for this REST API")
	_, err = f.client.CreateModel(f.ctx, &sdk.CreateModelInput{RestApiId: &api, Name: aws.String("M"), ContentType: aws.String("application/json"), Schema: aws.String("{}")})
	checkErr(t, err, "BadRequestException", "Model schema must have at least 1 property or array items defined")
	_, err = f.client.GetModel(f.ctx, &sdk.GetModelInput{RestApiId: &api, ModelName: aws.String("MySchema")})
	checkErr(t, err, "NotFoundException", "Invalid model name specified: MySchema")
	_, err = f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("ANY"), AuthorizationType: aws.String("NONE"),
		RequestModels: map[string]string{"application/json": "Empty"}})
	require.NoError(t, err)
	_, err = f.client.DeleteModel(f.ctx, &sdk.DeleteModelInput{RestApiId: &api, ModelName: aws.String("Empty")})
	checkErr(t, err, "ConflictException", "Cannot delete model 'Empty', is referenced in method request: //ANY")
	_, err = f.client.CreateRequestValidator(f.ctx, &sdk.CreateRequestValidatorInput{RestApiId: aws.String("nope"), Name: aws.String("v")})
	checkErr(t, err, "BadRequestException", "Invalid REST API identifier specified")
	v, err := f.client.CreateRequestValidator(f.ctx, &sdk.CreateRequestValidatorInput{RestApiId: &api, Name: aws.String("v")})
	require.NoError(t, err)
	_, err = f.client.UpdateRequestValidator(f.ctx, &sdk.UpdateRequestValidatorInput{RestApiId: &api, RequestValidatorId: v.Id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/invalidPath"), Value: aws.String("x")}}})
	checkErr(t, err, "BadRequestException", "Invalid patch path  '/invalidPath' specified for op 'replace'. Must be one of: [/name, /validateRequestParameters, /validateRequestBody]")
	_, err = f.client.UpdateRequestValidator(f.ctx, &sdk.UpdateRequestValidatorInput{RestApiId: &api, RequestValidatorId: v.Id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/name")}}})
	checkErr(t, err, "BadRequestException", "Request Validator name cannot be blank")
	_, err = f.client.DeleteRequestValidator(f.ctx, &sdk.DeleteRequestValidatorInput{RestApiId: &api, RequestValidatorId: v.Id})
	require.NoError(t, err)
	_, err = f.client.GetRequestValidator(f.ctx, &sdk.GetRequestValidatorInput{RestApiId: &api, RequestValidatorId: v.Id})
	checkErr(t, err, "NotFoundException", "Invalid Request Validator identifier specified")
}

// Lookups answer as AWS does when there is nothing: empty lists and
// NotFoundException with AWS's text.
func TestUnmodelled_AnswerNothingFound(t *testing.T) {
	f := newFixture(t)
	api, _ := f.api(t, "u")
	auths, err := f.client.GetAuthorizers(f.ctx, &sdk.GetAuthorizersInput{RestApiId: &api})
	require.NoError(t, err)
	assert.Empty(t, auths.Items)
	_, err = f.client.GetAuthorizers(f.ctx, &sdk.GetAuthorizersInput{RestApiId: aws.String("nope")})
	checkErr(t, err, "NotFoundException", "Invalid API identifier specified 000000000000:nope")
	_, err = f.client.GetVpcLink(f.ctx, &sdk.GetVpcLinkInput{VpcLinkId: aws.String("x")})
	checkErr(t, err, "NotFoundException", "Invalid Vpc Link identifier specified")
	_, err = f.client.GetDocumentationPart(f.ctx, &sdk.GetDocumentationPartInput{RestApiId: &api, DocumentationPartId: aws.String("x")})
	checkErr(t, err, "NotFoundException", "Invalid Documentation part identifier specified")
	_, err = f.client.FlushStageCache(f.ctx, &sdk.FlushStageCacheInput{RestApiId: &api, StageName: aws.String("s")})
	checkErr(t, err, "NotFoundException", "Invalid Stage identifier specified")
	acct, err := f.client.GetAccount(f.ctx, &sdk.GetAccountInput{})
	require.NoError(t, err)
	assert.Equal(t, int32(5000), acct.ThrottleSettings.BurstLimit)
}
