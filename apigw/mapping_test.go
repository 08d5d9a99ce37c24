package apigw_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	sqssdk "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// integration puts a method and its integration on a new resource of api.
func (f *fixture) integration(t *testing.T, api, parent, part string, in sdk.PutIntegrationInput) string {
	t.Helper()
	res := f.resource(t, api, parent, part)
	method := "POST"
	if in.HttpMethod != nil {
		method = *in.HttpMethod
	}
	f.method(t, api, res, method)
	in.RestApiId, in.ResourceId, in.HttpMethod = &api, &res, &method
	if in.Type != types.IntegrationTypeMock && in.IntegrationHttpMethod == nil {
		in.IntegrationHttpMethod = aws.String("POST")
	}
	_, err := f.client.PutIntegration(f.ctx, &in)
	require.NoError(t, err)
	return res
}

// respond adds a method response and its integration response.
func (f *fixture) respond(t *testing.T, api, res, method, status, pattern string, templates map[string]string) {
	t.Helper()
	_, err := f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &res,
		HttpMethod: &method, StatusCode: &status})
	require.NoError(t, err)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &res,
		HttpMethod: &method, StatusCode: &status, SelectionPattern: &pattern, ResponseTemplates: templates})
	require.NoError(t, err)
}

// lambdaURI is the integration URI of a function.
func lambdaURI(fn string) *string {
	return aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fn + "/invocations")
}

const orderTemplate = `#set($items = $input.path('$.items'))
{
  "customer": "$util.escapeJavaScript($input.params('customer'))",
  "count": $items.size(),
  "names": [#foreach($i in $items)"$i.name"#if($foreach.hasNext), #end#end],
  "raw": $input.json('$.items[0]')
}`

// A non-proxy Lambda: the request template (#set, #foreach, $input.json,
// $input.params, $util.escapeJavaScript) makes the event, the response
// template reshapes the result, and a function error whose errorMessage
// matches a selection pattern is a 400 built from
// $input.path('$.errorMessage') (as test_apigateway_lambda.py::
// test_lambda_selection_patterns maps its errors).
func TestMapping_NonProxyLambdaWithRequestAndResponseTemplates(t *testing.T) {
	f := newFixture(t)
	var got map[string]any
	fn := f.cloud.Lambda().FunctionT(t, "orders", func(_ context.Context, ev map[string]any) (any, error) {
		got = ev
		if ev["count"] == float64(0) {
			return nil, errors.New("Error: no items in the order")
		}
		return map[string]any{"accepted": ev["count"]}, nil
	})
	f.cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	api, root := f.api(t, "orders")
	res := f.integration(t, api, root, "orders", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws, Uri: lambdaURI(fn.ARN),
		RequestTemplates: map[string]string{"application/json": orderTemplate}})
	f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `{"ok": $input.json('$.accepted')}`})
	f.respond(t, api, res, "POST", "400", "Error: no .*", map[string]string{"application/json": `{"error": "$input.path('$.errorMessage')"}`})
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod") + "/orders?customer=O%22Brien"

	status, _, body := f.call(t, "POST", url, `{"items": [{"name": "tea"}, {"name": "cake"}]}`)
	assert.Equal(t, 200, status)
	assert.JSONEq(t, `{"ok": 2}`, body)
	assert.Equal(t, map[string]any{"customer": "O\"Brien", "count": float64(2), "names": []any{"tea", "cake"},
		"raw": map[string]any{"name": "tea"}}, got)

	status, h, body := f.call(t, "POST", url, `{"items": []}`)
	assert.Equal(t, 400, status)
	assert.JSONEq(t, `{"error": "Error: no items in the order"}`, body)
	assert.Equal(t, "application/json", h.Get("Content-Type"))
}

// The recorded templates of test_lambda_aws_integration_response_with_
// mapping_templates (testdata/request-template.vm and
// response-template.vm, copied from the recordings): the response template sets
// $context.responseOverride.status, 400 for "customerror", else 202, and
// renders the function's result as it is.
func TestMapping_RecordedResponseOverrideTemplates(t *testing.T) {
	f := newFixture(t)
	reqTpl, err := os.ReadFile("testdata/request-template.vm")
	require.NoError(t, err)
	respTpl, err := os.ReadFile("testdata/response-template.vm")
	require.NoError(t, err)
	var event map[string]any
	fn := f.cloud.Lambda().FunctionT(t, "echo", func(_ context.Context, ev map[string]any) (any, error) {
		event = ev
		return map[string]any{"statusCode": 200, "body": ev["body"].(map[string]any)["message"]}, nil
	})
	f.cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	api, root := f.api(t, "templates")
	res := f.integration(t, api, root, "{id}", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws, Uri: lambdaURI(fn.ARN),
		RequestTemplates: map[string]string{"application/json": string(reqTpl)}})
	f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": string(respTpl)})
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	for _, tc := range []struct {
		msg    string
		status int
	}{{"customerror", 400}, {"noerror", 202}} {
		status, _, body := f.call(t, "POST", url+"/abc?q=1", `{"message": "`+tc.msg+`"}`, "Content-Type", "application/json")
		assert.Equal(t, tc.status, status)
		assert.JSONEq(t, `{"body": "`+tc.msg+`", "statusCode": 200}`, body)
	}
	ctx := event["apiContext"].(map[string]any)
	assert.Equal(t, api, ctx["apiId"])
	assert.Equal(t, "POST", ctx["method"])
	assert.Equal(t, "/prod/abc", ctx["path"])
	assert.Equal(t, "prod", ctx["stage"])
	assert.Equal(t, map[string]any{"id": "abc"}, event["path"].(map[string]any)["parameterMap"])
	assert.Equal(t, map[string]any{"q": "1"}, event["querystring"].(map[string]any)["parameterMap"])
	assert.Equal(t, "application/json", event["header"].(map[string]any)["parameterMap"].(map[string]any)["Content-Type"])
}

// Recorded: test_lambda_aws_integration_with_request_template
// ({"param1": "$input.params('param1')"} gives {"param1": "foobar"}) and
// test_lambda_selection_patterns (no template: the error document is the
// body of the matched 400).
func TestMapping_RecordedLambdaRequestTemplateAndSelectionPatterns(t *testing.T) {
	f := newFixture(t)
	fn := f.cloud.Lambda().FunctionT(t, "select", func(_ context.Context, ev map[string]any) (any, error) {
		switch ev["param1"] {
		case "400":
			return nil, errors.New("Error: Raising four hundred from within the Lambda function")
		case "500":
			return nil, errors.New("Error: Raising five hundred from within the Lambda function")
		}
		return ev, nil
	})
	f.cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	api, root := f.api(t, "select")
	get := "GET"
	res := f.integration(t, api, root, "test", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws, HttpMethod: &get,
		Uri: lambdaURI(fn.ARN), RequestTemplates: map[string]string{"application/json": `{"param1": "$input.params('param1')"}`}})
	f.respond(t, api, res, get, "200", "", nil)
	f.respond(t, api, res, get, "400", ".*four hundred.*", nil)
	f.respond(t, api, res, get, "500", ".*five hundred.*", nil)
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod") + "/test?param1="
	status, _, body := f.call(t, get, url+"foobar", "")
	assert.Equal(t, 200, status)
	assert.JSONEq(t, `{"param1": "foobar"}`, body)
	for _, code := range []int{400, 500} {
		status, _, body := f.call(t, get, url+itoa(code), "")
		assert.Equal(t, code, status)
		var doc map[string]any
		require.NoError(t, json.Unmarshal([]byte(body), &doc))
		assert.Contains(t, doc["errorMessage"], "Error: Raising")
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// A MOCK takes its status from its rendered request template, and the
// integration response of that status answers.
func TestMapping_MockChoosesItsStatusFromATemplate(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "mock")
	get := "GET"
	res := f.integration(t, api, root, "pets", sdk.PutIntegrationInput{Type: types.IntegrationTypeMock, HttpMethod: &get,
		RequestTemplates: map[string]string{"application/json": `#if($input.params('id') == "7"){"statusCode": 200}#else{"statusCode": 404}#end`}})
	f.respond(t, api, res, get, "200", "", map[string]string{"application/json": `{"id": "$input.params('id')"}`})
	f.respond(t, api, res, get, "404", "404", map[string]string{"application/json": `{"message": "no pet $input.params('id')"}`})
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod") + "/pets?id="
	status, _, body := f.call(t, get, url+"7", "")
	assert.Equal(t, 200, status)
	assert.JSONEq(t, `{"id": "7"}`, body)
	status, _, body = f.call(t, get, url+"8", "")
	assert.Equal(t, 404, status)
	assert.JSONEq(t, `{"message": "no pet 8"}`, body)
}

// passthroughBehavior: NEVER refuses a content type without a template
// (415 Unsupported Media Type), WHEN_NO_TEMPLATES refuses it only when
// templates are defined, WHEN_NO_MATCH passes the body through.
func TestMapping_PassthroughBehavior(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "passthrough")
	tpl := map[string]string{"application/json": `{"statusCode": 200}`}
	for _, tc := range []struct {
		behavior  string
		templates map[string]string
		want      int
	}{{"NEVER", tpl, 415}, {"NEVER", nil, 415}, {"WHEN_NO_TEMPLATES", tpl, 415}, {"WHEN_NO_TEMPLATES", nil, 200},
		{"WHEN_NO_MATCH", tpl, 200}} {
		part := tc.behavior + itoa(len(tc.templates))
		res := f.integration(t, api, root, part, sdk.PutIntegrationInput{Type: types.IntegrationTypeMock,
			PassthroughBehavior: aws.String(tc.behavior), RequestTemplates: tc.templates})
		f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `{"passed": true}`})
		defer func(part string, want int) {
			status, h, body := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/"+part, "hello", "Content-Type", "text/plain")
			assert.Equal(t, want, status, part)
			if want == 415 {
				assert.JSONEq(t, `{"message": "Unsupported Media Type"}`, body)
				assert.Equal(t, "UnsupportedMediaTypeException", h.Get("x-amzn-ErrorType"))
			}
		}(part, tc.want)
	}
	f.deploy(t, api, "prod")
}

// $util's six functions answer as AWS documents them, and an unknown
// reference is rendered as written.
func TestMapping_UtilFunctionsAndUnknownReferences(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "util")
	res := f.integration(t, api, root, "util", sdk.PutIntegrationInput{Type: types.IntegrationTypeMock,
		RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `escape=$util.escapeJavaScript("it's ""x""")
parse=$util.parseJson('{"a": [1, 2]}').a.get(1)
urlEncode=$util.urlEncode("a b&c=d/é")
urlDecode=$util.urlDecode("a+b%26c")
b64=$util.base64Encode("hello")
unb64=$util.base64Decode("aGVsbG8=")
unknown=$nothing.here and $util.toJson($input.body) and ${stageVariables.missing}`})
	f.deploy(t, api, "prod")
	status, _, body := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/util", `{}`)
	assert.Equal(t, 200, status)
	assert.Equal(t, `escape=it\'s \"x\"
parse=2
urlEncode=a+b%26c%3Dd%2F%C3%A9
urlDecode=a b&c
b64=aGVsbG8=
unb64=hello
unknown=$nothing.here and $util.toJson($input.body) and `, body)
}

// A template that does not parse is AWS's 500 Internal server error, the
// parse error in the invocation's record.
func TestMapping_TemplateParseErrorIs500(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "broken")
	res := f.integration(t, api, root, "broken", sdk.PutIntegrationInput{Type: types.IntegrationTypeMock,
		RequestTemplates: map[string]string{"application/json": `#if($x) never closed`}})
	f.respond(t, api, res, "POST", "200", "", nil)
	f.deploy(t, api, "prod")
	_, err := f.client.UpdateStage(f.ctx, &sdk.UpdateStageInput{RestApiId: &api, StageName: aws.String("prod"), PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/*/*/logging/loglevel"), Value: aws.String("ERROR")}}})
	require.NoError(t, err)
	status, _, body := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/broken", `{}`)
	assert.Equal(t, 500, status)
	assert.JSONEq(t, `{"message": "Internal server error"}`, body)
	inv := f.cloud.APIGateway().Invocations()
	assert.Contains(t, inv[len(inv)-1].Error, "Unable to transform request")
	exec := f.cloud.APIGateway().ExecutionLogs(api, "prod")
	require.Len(t, exec, 2)
	assert.Contains(t, exec[0].Message, "Execution failed due to configuration error: Unable to transform request: ")
	assert.Contains(t, exec[1].Message, "Method completed with status: 500")
}

// A request template's $context.requestOverride values are seen by the
// response template (as recorded: test_apigateway_integrations.py::
// test_integration_mock_with_request_overrides_in_response_template,
// "path was path one" / "path was path two" / the else clause).
func TestMapping_RequestOverridesSeenByTheResponseTemplate(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "overrides")
	res := f.integration(t, api, root, "{name}", sdk.PutIntegrationInput{Type: types.IntegrationTypeMock,
		RequestTemplates: map[string]string{"application/json": `#set($context.requestOverride.path.name = $input.params('name'))
{"statusCode": 200}`}})
	f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `#set($p = $context.requestOverride.path.name)
#if($p == "path1"){"response": "path was path one"}#elseif($p == "path2"){"response": "path was path two"}#else{"response": "this is the else clause"}#end`})
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	for path, want := range map[string]string{"path1": "path was path one", "path2": "path was path two", "other": "this is the else clause"} {
		status, _, body := f.call(t, "POST", url+"/"+path, `{}`)
		assert.Equal(t, 200, status)
		assert.JSONEq(t, `{"response": "`+want+`"}`, body)
	}
}

// A request template may set $context.responseOverride.status and
// headers (recorded: test_integration_mock_with_response_override_in_
// request_template, status 444).
func TestMapping_ResponseOverrideFromTheRequestTemplate(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "override")
	res := f.integration(t, api, root, "o", sdk.PutIntegrationInput{Type: types.IntegrationTypeMock,
		RequestTemplates: map[string]string{"application/json": `#set($context.responseOverride.status = 444)
#set($context.responseOverride.header.fooHeader = "bar")
{"statusCode": 200}`}})
	f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `{"fooHeader": "$context.responseOverride.header.fooHeader", "statusOverride": "$context.responseOverride.status"}`})
	f.deploy(t, api, "prod")
	status, h, body := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/o", `{}`)
	assert.Equal(t, 444, status)
	assert.Equal(t, "bar", h.Get("Fooheader"))
	assert.JSONEq(t, `{"fooHeader": "bar", "statusOverride": "444"}`, body)
}

// An SQS service integration (the classic tutorial: path/{account}/{queue},
// a form body of Action=SendMessage&MessageBody=...): the message arrives
// in the queue, and the answer is SendMessage's.
func TestMapping_SQSServiceIntegrationDeliversTheMessage(t *testing.T) {
	f := newFixture(t)
	sqsc := sqssdk.NewFromConfig(f.cloud.AWSConfig())
	q, err := sqsc.CreateQueue(f.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("orders")})
	require.NoError(t, err)
	api, root := f.api(t, "sqs")
	res := f.integration(t, api, root, "send", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws,
		Uri:         aws.String("arn:aws:apigateway:us-east-1:sqs:path/000000000000/orders"),
		Credentials: aws.String("arn:aws:iam::000000000000:role/apigw-sqs"),
		RequestParameters: map[string]string{"integration.request.header.Content-Type": "'application/x-www-form-urlencoded'",
			"integration.request.header.Accept": "'application/json'"},
		RequestTemplates: map[string]string{"application/json": `Action=SendMessage&MessageBody=$util.urlEncode($input.body)` +
			`&MessageAttribute.1.Name=user-agent&MessageAttribute.1.Value.StringValue=$util.urlEncode($input.params('User-Agent'))` +
			`&MessageAttribute.1.Value.DataType=String`}})
	f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `{"messageId": "$input.path('$.SendMessageResponse.SendMessageResult.MessageId')"}`})
	f.deploy(t, api, "prod")
	status, _, body := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/send", `{"order": "tea & cake"}`,
		"User-Agent", "BAR-Header")
	require.Equal(t, 200, status, body)
	var doc map[string]string
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	out, err := sqsc.ReceiveMessage(f.ctx, &sqssdk.ReceiveMessageInput{QueueUrl: q.QueueUrl, MessageAttributeNames: []string{"All"}})
	require.NoError(t, err)
	require.Len(t, out.Messages, 1)
	assert.Equal(t, `{"order": "tea & cake"}`, *out.Messages[0].Body)
	assert.Equal(t, *out.Messages[0].MessageId, doc["messageId"])
	// Recorded (test_sqs_aws_integration_with_message_attribute): the
	// attribute as the template named it.
	attr := out.Messages[0].MessageAttributes["user-agent"]
	assert.Equal(t, "String", *attr.DataType)
	assert.Equal(t, "BAR-Header", *attr.StringValue)

	// Recorded (test_sqs_aws_integration, without payload): an empty body
	// is {} to the template.
	status, _, body = f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/send", "", "User-Agent", "x")
	require.Equal(t, 200, status, body)
	out, err = sqsc.ReceiveMessage(f.ctx, &sqssdk.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
	require.NoError(t, err)
	require.Len(t, out.Messages, 1)
	assert.Equal(t, `{}`, *out.Messages[0].Body)
}

// Response templates are keyed by media types, and an empty template
// reads back null (recorded: test_apigateway_api.py::
// TestApigatewayIntegrationResponse::test_integration_response_invalid_responsetemplates,
// TestApigatewayIntegration::test_put_integration_response_templates).
func TestMapping_ResponseTemplatesControlPlane(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "cp")
	res := f.integration(t, api, root, "cp", sdk.PutIntegrationInput{Type: types.IntegrationTypeMock})
	post := aws.String("POST")
	_, err := f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &res, HttpMethod: post, StatusCode: aws.String("200")})
	require.NoError(t, err)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &res,
		HttpMethod: post, StatusCode: aws.String("200"), ResponseTemplates: map[string]string{"123": "x"}})
	checkErr(t, err, "BadRequestException", "Validation Result: warnings : [], errors : [Invalid content type specified: 123]")
	out, err := f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &res,
		HttpMethod: post, StatusCode: aws.String("200"), SelectionPattern: aws.String(""), ResponseTemplates: map[string]string{"application/json": ""}})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"application/json": ""}, out.ResponseTemplates)
	f.deploy(t, api, "prod")
	status, _, body := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/cp", `{"a": 1}`)
	assert.Equal(t, 200, status)
	assert.Equal(t, "", body) // a MOCK's own body, passed through by the null template
}

// A selection pattern matches the whole errorMessage with Java's rules: .
// does not match a newline, so AWS's guide matches a multi-line message
// with (\n|.)+; a pattern matching only part of it does not select.
func TestMapping_SelectionPatternIsJavaMatches(t *testing.T) {
	f := newFixture(t)
	fn := f.cloud.Lambda().FunctionT(t, "fail", func(_ context.Context, ev map[string]any) (any, error) {
		return nil, errors.New(ev["msg"].(string))
	})
	f.cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	api, root := f.api(t, "java")
	res := f.integration(t, api, root, "fail", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws, Uri: lambdaURI(fn.ARN)})
	f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `default`})
	f.respond(t, api, res, "POST", "400", "Bad.*", map[string]string{"application/json": `single`})
	f.respond(t, api, res, "POST", "409", "Conflict(\\n|.)+", map[string]string{"application/json": `multi`})
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod") + "/fail"
	for _, tc := range []struct {
		msg    string
		status int
		body   string
	}{{"Bad input", 400, "single"}, {"Bad\ninput", 200, "default"}, {"Conflict\nwith x", 409, "multi"}, {"Not Bad", 200, "default"}} {
		doc, _ := json.Marshal(map[string]string{"msg": tc.msg})
		status, _, body := f.call(t, "POST", url, string(doc))
		assert.Equal(t, tc.status, status, tc.msg)
		assert.Equal(t, tc.body, body, tc.msg)
	}
}

// A method response header API Gateway reserves is sent remapped, others
// as mapped (recorded: test_apigateway_integrations.py::
// TestApiGatewayHeaderRemapping::test_apigateway_header_remapping_aws[AWS],
// full-integration: x-amzn-Remapped-Server, Pragma as it is).
func TestMapping_ReservedResponseHeadersAreRemapped(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "remap")
	res := f.integration(t, api, root, "r", sdk.PutIntegrationInput{Type: types.IntegrationTypeMock,
		RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	post := aws.String("POST")
	_, err := f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &res, HttpMethod: post,
		StatusCode: aws.String("200"), ResponseParameters: map[string]bool{"method.response.header.Server": false, "method.response.header.Pragma": false}})
	require.NoError(t, err)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &res, HttpMethod: post,
		StatusCode: aws.String("200"), ResponseParameters: map[string]string{"method.response.header.Server": "'response_param_Server'",
			"method.response.header.Pragma": "'response_param_Pragma'"}})
	require.NoError(t, err)
	f.deploy(t, api, "prod")
	status, h, _ := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/r", `{}`)
	assert.Equal(t, 200, status)
	assert.Equal(t, "response_param_Server", h.Get("x-amzn-Remapped-Server"))
	assert.Empty(t, h.Get("Server"))
	assert.Equal(t, "response_param_Pragma", h.Get("Pragma"))
}
