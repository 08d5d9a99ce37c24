package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// UpdateModel: replace /schema and /description; the refusals as
// recorded, the model unchanged
// (test_apigateway_api.py::TestApiGatewayApiModels::test_update_model).
func TestUpdateModel(t *testing.T) {
	f := newFixture(t)
	api, _ := f.api(t, "models")
	up := func(name string, ops ...types.PatchOperation) (*sdk.UpdateModelOutput, error) {
		return f.client.UpdateModel(f.ctx, &sdk.UpdateModelInput{RestApiId: &api, ModelName: aws.String(name), PatchOperations: ops})
	}
	_, err := up("mySchema", patchOp("replace", "/schema", `{"title":"Updated schema","type":"object"}`))
	checkErr(t, err, "NotFoundException", "Invalid model name specified: mySchema")
	_, err = f.client.CreateModel(f.ctx, &sdk.CreateModelInput{RestApiId: &api, Name: aws.String("mySchema"),
		ContentType: aws.String("application/json"), Schema: aws.String(`{"title":"mySchema","type":"object"}`)})
	require.NoError(t, err)
	out, err := up("mySchema", patchOp("replace", "/schema", `{"title":"Updated schema","type":"object"}`),
		patchOp("replace", "/description", "d"))
	require.NoError(t, err)
	assert.JSONEq(t, `{"title":"Updated schema","type":"object"}`, *out.Schema)
	assert.Equal(t, "d", *out.Description)
	_, err = up("mySchema", patchOp("add", "/wrong-path", "x"))
	checkErr(t, err, "BadRequestException", "Invalid patch path  '/wrong-path' specified for op 'add'. Please choose supported operations")
	_, err = up("mySchema", patchOp("replace", "/name", "x"))
	checkErr(t, err, "BadRequestException", "Invalid patch path  '/name' specified for op 'replace'. Must be one of: [/description, /schema]")
	_, err = up("mySchema", patchOp("replace", "/schema", "{}"))
	checkErr(t, err, "BadRequestException", "Model schema must have at least 1 property or array items defined")
	_, err = up("mySchema", patchOp("replace", "/schema", `{"type":`))
	checkErr(t, err, "BadRequestException", "")
	_, err = up("mySchema", patchOp("nope", "/schema", "{}"))
	checkErr(t, err, "ValidationException", "")
	got, err := f.client.GetModel(f.ctx, &sdk.GetModelInput{RestApiId: &api, ModelName: aws.String("mySchema")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"title":"Updated schema","type":"object"}`, *got.Schema)
}

// GetModelTemplate: the template generated from the schema as the AWS
// developer guide's "Mapping template generated from a model" shows it:
// strings quoted, numbers bare, arrays as #foreach, nested objects.
func TestGetModelTemplate(t *testing.T) {
	f := newFixture(t)
	api, _ := f.api(t, "templates")
	schema := `{"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer"},
		"tags":{"type":"array","items":{"type":"object","properties":{"id":{"type":"number"}}}},
		"owner":{"type":"object","properties":{"id":{"type":"string"}}}}}`
	_, err := f.client.CreateModel(f.ctx, &sdk.CreateModelInput{RestApiId: &api, Name: aws.String("Pet"),
		ContentType: aws.String("application/json"), Schema: &schema})
	require.NoError(t, err)
	out, err := f.client.GetModelTemplate(f.ctx, &sdk.GetModelTemplateInput{RestApiId: &api, ModelName: aws.String("Pet")})
	require.NoError(t, err)
	want := "#set($inputRoot = $input.path('$'))\n{\n" +
		"  \"count\" : $inputRoot.count,\n" +
		"  \"name\" : \"$inputRoot.name\",\n" +
		"  \"owner\" : {\n    \"id\" : \"$inputRoot.owner.id\"\n  },\n" +
		"  \"tags\" : [\n#foreach($elem in $inputRoot.tags)\n    {\n      \"id\" : $elem.id\n    }#if($foreach.hasNext),#end\n#end\n  ]\n" +
		"}\n"
	assert.Equal(t, want, *out.Value)
	_, err = f.client.GetModelTemplate(f.ctx, &sdk.GetModelTemplateInput{RestApiId: &api, ModelName: aws.String("nope")})
	checkErr(t, err, "NotFoundException", "Invalid model name specified: nope")
	empty, err := f.client.GetModelTemplate(f.ctx, &sdk.GetModelTemplateInput{RestApiId: &api, ModelName: aws.String("Empty")})
	require.NoError(t, err)
	assert.Contains(t, *empty.Value, "#set($inputRoot = $input.path('$'))")
}
