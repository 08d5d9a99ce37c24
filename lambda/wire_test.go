package lambda_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInvoke_EventAndDryRunStatuses(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() error { return nil })
	e.createFunction(t, "fn", "h")
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn"), InvocationType: types.InvocationTypeDryRun})
	require.NoError(t, err)
	assert.Equal(t, int32(204), out.StatusCode)
	assert.Empty(t, e.cloud.Lambda().Invocations("fn"), "a dry run runs nothing")
	out, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn"), InvocationType: types.InvocationTypeEvent})
	require.NoError(t, err)
	assert.Equal(t, int32(202), out.StatusCode)
	assert.Empty(t, out.Payload)
	e.settle(t)
	e.cloud.Lambda().CheckInvoked(t, "fn", 1)

	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("ghost"), InvocationType: types.InvocationTypeEvent})
	requireCode(t, err, "ResourceNotFoundException")
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn"), InvocationType: "Later"})
	requireCode(t, err, "ValidationException")

	async, err := e.client.InvokeAsync(e.ctx, &sdk.InvokeAsyncInput{FunctionName: aws.String("fn"), InvokeArgs: strings.NewReader(`{}`)})
	require.NoError(t, err)
	assert.Equal(t, int32(202), async.Status)
}

func TestInvoke_RejectsBadPayloadsAsAWSDoes(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() error { return nil })
	e.createFunction(t, "fn", "h")
	_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn"), Payload: []byte("not json")})
	ae := requireCode(t, err, "InvalidRequestContentException")
	assert.Contains(t, ae.ErrorMessage(), "Could not parse request body into json")

	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn"), ClientContext: aws.String("%%%")})
	requireCode(t, err, "InvalidRequestContentException")
	assert.Empty(t, e.cloud.Lambda().Invocations("fn"), "nothing ran") // sizes: limits_test.go
}

// raw sends an unsigned request to the cloud's handler.
func raw(t *testing.T, e *env, method, path, body string) (*http.Response, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20300102/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=x")
	rec := httptest.NewRecorder()
	e.cloud.Handler().ServeHTTP(rec, req)
	resp := rec.Result()
	b, _ := io.ReadAll(resp.Body)
	var doc map[string]any
	_ = json.Unmarshal(b, &doc)
	return resp, doc
}

func TestWire_ErrorsCarryTypeAndCodeHeader(t *testing.T) {
	e := newEnv(t)
	resp, doc := raw(t, e, "GET", "/2015-03-31/functions/ghost", "")
	assert.Equal(t, 404, resp.StatusCode)
	assert.Equal(t, "ResourceNotFoundException", resp.Header.Get("X-Amzn-ErrorType"))
	assert.Equal(t, "User", doc["Type"])
	assert.Equal(t, "Function not found: arn:aws:lambda:us-east-1:000000000000:function:ghost", doc["Message"])

	resp, _ = raw(t, e, "GET", "/2015-03-31/nothing-here", "")
	assert.Equal(t, 404, resp.StatusCode)
	assert.Equal(t, "UnknownOperationException", resp.Header.Get("X-Amzn-ErrorType"))

	resp, _ = raw(t, e, "POST", "/2015-03-31/functions", "{not json")
	assert.Equal(t, 400, resp.StatusCode)
	assert.Equal(t, "SerializationException", resp.Header.Get("X-Amzn-ErrorType"))
}

func TestWire_TrailingSlashAsBotocoreSendsIt(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h")
	resp, doc := raw(t, e, "GET", "/2015-03-31/functions/", "")
	require.Equal(t, 200, resp.StatusCode)
	assert.Len(t, doc["Functions"], 1)
	resp, _ = raw(t, e, "GET", "/2016-08-19/account-settings/", "")
	assert.Equal(t, 200, resp.StatusCode)
}

func TestWire_UnmodelledOperationsAnswerAsAWSDoesWhenThereIsNothing(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h")
	cs, err := e.client.GetFunctionCodeSigningConfig(e.ctx, &sdk.GetFunctionCodeSigningConfigInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, "fn", aws.ToString(cs.FunctionName))
	rc, err := e.client.GetFunctionRecursionConfig(e.ctx, &sdk.GetFunctionRecursionConfigInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, types.RecursiveLoopTerminate, rc.RecursiveLoop)
	list, err := e.client.ListCodeSigningConfigs(e.ctx, &sdk.ListCodeSigningConfigsInput{})
	require.NoError(t, err)
	assert.Empty(t, list.CodeSigningConfigs)
	_, err = e.client.GetCodeSigningConfig(e.ctx, &sdk.GetCodeSigningConfigInput{CodeSigningConfigArn: aws.String("arn:aws:lambda:us-east-1:000000000000:code-signing-config:csc-1")})
	requireCode(t, err, "CodeSigningConfigNotFoundException")
	_, err = e.client.PutFunctionRecursionConfig(e.ctx, &sdk.PutFunctionRecursionConfigInput{FunctionName: aws.String("fn"), RecursiveLoop: types.RecursiveLoopAllow})
	ae := requireCode(t, err, "InvalidParameterValueException")
	assert.Contains(t, ae.ErrorMessage(), "PutFunctionRecursionConfig")
}

func FuzzServeHTTP(f *testing.F) {
	for _, s := range []struct{ method, path, body string }{
		{"POST", "/2015-03-31/functions", `{"FunctionName":"f","Role":"arn:aws:iam::000000000000:role/r","Runtime":"provided.al2023","Handler":"h","Code":{"ZipFile":"eg=="}}`},
		{"POST", "/2015-03-31/functions/f/invocations", `{"a":1}`},
		{"PUT", "/2015-03-31/functions/f/configuration", `{"Timeout":"x"}`},
		{"POST", "/2015-03-31/event-source-mappings", `{"EventSourceArn":"arn:aws:sqs:us-east-1:000000000000:q","FunctionName":"f","BatchSize":-1}`},
		{"POST", "/2015-03-31/functions/f/aliases", `{"Name":"a","FunctionVersion":"$LATEST","RoutingConfig":{"AdditionalVersionWeights":{"1":2}}}`},
		{"POST", "/2015-03-31/functions/f/policy", `{"StatementId":"s","Action":"lambda:*","Principal":"*"}`},
		{"GET", "/2015-03-31/functions?MaxItems=abc&Marker=%%", ""},
		{"DELETE", "/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Af?tagKeys=a", ""},
		{"GET", "/2019-09-30/functions/f/provisioned-concurrency?List=ALL", ""},
		{"GET", "/2018-10-31/layers?find=LayerVersion&Arn=x", ""},
		{"PUT", "/2019-09-25/functions/f:1/event-invoke-config", `{"DestinationConfig":{"OnFailure":{"Destination":"arn"}}}`},
	} {
		f.Add(s.method, s.path, s.body)
	}
	f.Fuzz(func(t *testing.T, method, path, body string) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \r\n#") || strings.ContainsAny(method, " \r\n") || method == "" {
			return
		}
		req, err := http.NewRequest(method, "http://awsfake.localhost"+path, strings.NewReader(body))
		if err != nil {
			return
		}
		e := newEnv(t)
		e.register(t, "h", func() error { return nil })
		e.createFunction(t, "f", "h", func(in *sdk.CreateFunctionInput) { in.Publish = true })
		rec := httptest.NewRecorder()
		e.cloud.Lambda().ServeHTTP(rec, req) // must not panic
		if rec.Code >= 400 {
			assert.NotEmpty(t, rec.Header().Get("X-Amzn-ErrorType"), "%s %s: %d", method, path, rec.Code)
		}
	})
}
