package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// binaryDoc is the document of test_put_rest_api_mode_binary_media_types:
// a new title and version, two binary media types, GET /test as a MOCK.
const binaryDoc = `{"openapi": "3.0.1", "info": {"title": "put-binary", "version": "1.0.0"},
 "x-amazon-apigateway-binary-media-types": ["image/png", "image/jpg"],
 "paths": {"/test": {"get": {"responses": {"200": {"description": "ok"}},
  "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": "{\"statusCode\": 200}"},
   "responses": {"default": {"statusCode": "200"}}}}}}}`

// PutRestApi merge and overwrite, as recorded
// (test_put_rest_api_mode_binary_media_types[merge] and [overwrite]): merge
// adds the document's binary media types to the API's (image/heif,
// image/png, image/jpg), overwrite replaces them (image/png, image/jpg);
// both take the document's name and version. Merge keeps the API's own
// resources and methods, overwrite drops them; deployments stay.
func TestOpenAPI_PutRestApiMergeAndOverwrite(t *testing.T) {
	for _, mode := range []types.PutMode{types.PutModeMerge, types.PutModeOverwrite} {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t)
			created, err := f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("before"),
				BinaryMediaTypes: []string{"image/heif"}})
			require.NoError(t, err)
			api := *created.Id
			old := f.resource(t, api, *created.RootResourceId, "old")
			f.mock(t, api, old, "GET", "200", "{}")
			dep := f.deploy(t, api, "prod")
			out, err := f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: &api, Mode: mode, Body: []byte(binaryDoc)})
			require.NoError(t, err)
			assert.Equal(t, api, *out.Id)
			assert.Equal(t, *created.RootResourceId, *out.RootResourceId)
			assert.Equal(t, "put-binary", *out.Name)
			assert.Equal(t, "1.0.0", *out.Version)
			v := f.view(t, api)
			assert.Contains(t, v.Methods, "GET /test")
			if mode == types.PutModeMerge {
				assert.Equal(t, []string{"image/heif", "image/png", "image/jpg"}, out.BinaryMediaTypes)
				assert.Contains(t, v.Methods, "GET /old")
			} else {
				assert.Equal(t, []string{"image/png", "image/jpg"}, out.BinaryMediaTypes)
				assert.NotContains(t, v.Methods, "GET /old")
			}
			_, err = f.client.GetDeployment(f.ctx, &sdk.GetDeploymentInput{RestApiId: &api, DeploymentId: &dep})
			require.NoError(t, err, "deployments stay")
			// The stage serves the old deployment until the next one.
			url := f.cloud.APIGateway().InvokeURL(api, "prod")
			status, _, _ := f.call(t, "GET", url+"/test", "")
			assert.Equal(t, 403, status)
			f.deploy(t, api, "prod")
			status, _, _ = f.call(t, "GET", url+"/test", "")
			assert.Equal(t, 200, status)
		})
	}
}

// Merging a document twice replaces its methods rather than adding new
// resources; a validator and authorizer of the same name are updated in
// place, keeping their ids.
func TestOpenAPI_PutRestApiMergeTwiceIsIdempotent(t *testing.T) {
	f := newFixture(t)
	body := f.petsLambda(t)
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: body})
	require.NoError(t, err)
	api := *out.Id
	before := f.view(t, api)
	res1, err := f.client.GetResources(f.ctx, &sdk.GetResourcesInput{RestApiId: &api})
	require.NoError(t, err)
	_, err = f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: &api, Body: body})
	require.NoError(t, err)
	assert.Equal(t, before, f.view(t, api))
	res2, err := f.client.GetResources(f.ctx, &sdk.GetResourcesInput{RestApiId: &api})
	require.NoError(t, err)
	assert.Equal(t, len(res1.Items), len(res2.Items))
	apis, err := f.client.GetRestApis(f.ctx, &sdk.GetRestApisInput{})
	require.NoError(t, err)
	assert.Len(t, apis.Items, 1, "the API the document was first imported into is gone")
}

// A document that is not OpenAPI is refused with AWS's text, in JSON and
// YAML, by ImportRestApi and PutRestApi (recorded:
// test_import_api_bad_file), and nothing changes.
func TestOpenAPI_BadDocumentIsRefusedAndChangesNothing(t *testing.T) {
	f := newFixture(t)
	api, _ := f.api(t, "kept")
	before := f.view(t, api)
	for _, body := range []string{
		`{"swagger": "2.0", "info": {"title": "x", "version": "1"}, "paths": {"/a": "not an item"}}`,
		`{"openapi": "4.0.0", "info": {"title": "x"}}`,
		`{"info": {"title": "no version field"}, "paths": {}}`,
		"openapi: 3.0.1\ninfo: [not, a, map]\n",
		"just: yaml\n",
		"{not json",
		"",
	} {
		_, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: []byte(body)})
		checkErr(t, err, "BadRequestException", "Invalid OpenAPI input.")
		_, err = f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: &api, Body: []byte(body)})
		checkErr(t, err, "BadRequestException", "Invalid OpenAPI input.")
	}
	// A document the Go API refuses part of: the first error is the
	// answer and the half-built API is gone.
	badMethod := `{"openapi": "3.0.1", "info": {"title": "x", "version": "1"}, "paths": {"/a": {"get": {
	 "x-amazon-apigateway-integration": {"type": "mock", "timeoutInMillis": 10}}}}}`
	_, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: []byte(badMethod)})
	checkErr(t, err, "BadRequestException", "")
	_, err = f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: &api, Mode: types.PutModeOverwrite, Body: []byte(badMethod)})
	checkErr(t, err, "BadRequestException", "")
	_, err = f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: &api, Mode: "replace", Body: []byte(binaryDoc)})
	checkErr(t, err, "ValidationException", "1 validation error detected: Value 'replace' at 'mode' failed to satisfy constraint: Member must satisfy enum value set: [overwrite, merge]")
	_, err = f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: aws.String("nope"), Body: []byte(binaryDoc)})
	checkErr(t, err, "NotFoundException", "")
	apis, err := f.client.GetRestApis(f.ctx, &sdk.GetRestApisInput{})
	require.NoError(t, err)
	require.Len(t, apis.Items, 1)
	assert.Equal(t, before, f.view(t, api))
	assert.Equal(t, "kept", *apis.Items[0].Name)
}

// failOnWarnings: a reference to a model the document does not define is
// a warning ("a missing model reference", AWS's example); by default the
// import goes on and returns it, with failOnWarnings it is rolled back
// and the warning is the exception's message.
func TestOpenAPI_FailOnWarnings(t *testing.T) {
	f := newFixture(t)
	doc := []byte(`{"openapi": "3.0.1", "info": {"title": "warned", "version": "1"}, "paths": {"/a": {"post": {
	 "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}},
	 "responses": {"200": {"description": "ok"}}}}}}`)
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: doc})
	require.NoError(t, err)
	want := "Unable to find model for reference #/components/schemas/Missing in POST /a"
	assert.Equal(t, []string{want}, out.Warnings)
	v := f.view(t, *out.Id)
	assert.Empty(t, v.Methods["POST /a"].Models)

	_, err = f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: doc, FailOnWarnings: true})
	checkErr(t, err, "BadRequestException", "Warnings found during import:\n\t"+want)
	_, err = f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: out.Id, Body: []byte(binaryDoc)})
	require.NoError(t, err)
	_, err = f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: out.Id, Body: doc, FailOnWarnings: true,
		Mode: types.PutModeOverwrite})
	checkErr(t, err, "BadRequestException", "Warnings found during import:\n\t"+want)
	apis, err := f.client.GetRestApis(f.ctx, &sdk.GetRestApisInput{})
	require.NoError(t, err)
	require.Len(t, apis.Items, 1)
	assert.Equal(t, "put-binary", *apis.Items[0].Name, "the refused overwrite changed nothing")
}

// A merge that would give a resource a second variable child is refused
// with CreateResource's text and changes nothing.
func TestOpenAPI_MergeConflictChangesNothing(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "conflict")
	id := f.resource(t, api, root, "{id}")
	f.mock(t, api, id, "GET", "200", "{}")
	before := f.view(t, api)
	doc := `{"openapi": "3.0.1", "info": {"title": "other", "version": "2"}, "paths": {"/{other}": {"get": {
	 "responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": {"type": "mock"}}}}}`
	_, err := f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: &api, Body: []byte(doc)})
	checkErr(t, err, "BadRequestException", "A sibling ({id}) of this resource already has a variable path part -- only one is allowed")
	assert.Equal(t, before, f.view(t, api))
	got, err := f.client.GetRestApi(f.ctx, &sdk.GetRestApiInput{RestApiId: &api})
	require.NoError(t, err)
	assert.Equal(t, "conflict", *got.Name)
	// Overwrite drops {id} first: no conflict.
	_, err = f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: &api, Mode: types.PutModeOverwrite, Body: []byte(doc)})
	require.NoError(t, err)
	assert.Equal(t, []string{"/", "/{other} GET"}, f.paths(t, api))
}

// Imports and exports from many goroutines at once (go test -race).
func TestOpenAPI_ConcurrentImportsAndExports(t *testing.T) {
	f := newFixture(t)
	body := f.petsLambda(t)
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: body})
	require.NoError(t, err)
	f.deploy(t, *out.Id, "prod")
	errs := make(chan error, 16)
	for i := 0; i < 8; i++ {
		go func() {
			_, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: body})
			errs <- err
		}()
		go func() {
			_, err := f.client.GetExport(f.ctx, &sdk.GetExportInput{RestApiId: out.Id, StageName: aws.String("prod"),
				ExportType: aws.String("swagger"), Parameters: map[string]string{"extensions": "apigateway"}})
			if err == nil {
				_, err = f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: out.Id, Body: body})
			}
			errs <- err
		}()
	}
	for i := 0; i < 16; i++ {
		require.NoError(t, <-errs)
	}
	apis, err := f.client.GetRestApis(f.ctx, &sdk.GetRestApisInput{Limit: aws.Int32(100)})
	require.NoError(t, err)
	assert.Len(t, apis.Items, 9)
}

// x-amazon-apigateway-cors is HTTP APIs' extension
// (developerguide/api-gateway-swagger-extensions-cors-configuration.html:
// "the CORS configuration for an HTTP API"): a REST API import ignores it,
// without a warning, and adds no OPTIONS method.
func TestOpenAPI_CorsExtensionIsIgnored(t *testing.T) {
	f := newFixture(t)
	doc := `{"openapi": "3.0.1", "info": {"title": "cors", "version": "1"},
	 "x-amazon-apigateway-cors": {"allowOrigins": ["*"], "allowMethods": ["GET"]},
	 "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": {"type": "mock"}}}}}`
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: []byte(doc), FailOnWarnings: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"/", "/a GET"}, f.paths(t, *out.Id))
}

// An injected fault fails ImportRestApi before anything is read (codes
// the SDK does not retry); a fault
// on one of the operations an import is made of fails the import with
// that error and removes what was built.
func TestOpenAPI_InjectedFaults(t *testing.T) {
	f := newFixture(t)
	gw := f.cloud.APIGateway()
	gw.InjectFault("ImportRestApi", "BadRequestException", 1)
	_, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: []byte(binaryDoc)})
	checkErr(t, err, "BadRequestException", "")
	gw.InjectFault("PutIntegration", "ConflictException", 1)
	_, err = f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: []byte(binaryDoc)})
	checkErr(t, err, "ConflictException", "")
	apis, err := f.client.GetRestApis(f.ctx, &sdk.GetRestApisInput{})
	require.NoError(t, err)
	assert.Empty(t, apis.Items)
	_, err = f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: []byte(binaryDoc)})
	require.NoError(t, err)
}
