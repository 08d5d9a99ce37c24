package apigw_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	sfnsdk "github.com/aws/aws-sdk-go-v2/service/sfn"
	sqssdk "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/sns"
)

// An HTTP (non-proxy) integration sends the rendered template with only
// the mapped headers and query string, and the backend's status selects
// the integration response (a 404 mapped to a 404 with its own body).
func TestMapping_HTTPIntegrationWithTemplatesAndStatusSelection(t *testing.T) {
	f := newFixture(t)
	var seen *http.Request
	var seenBody string
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		seen, seenBody = r, string(b)
		w.Header().Set("X-Backend", "v1")
		if r.URL.Query().Get("id") == "0" {
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"reason": "gone"}`))
			return
		}
		_, _ = w.Write([]byte(`{"name": "rex", "tags": ["a", "b"]}`))
	}))
	defer backend.Close()
	f.cloud.APIGateway().SetHTTPClient(backend.Client())
	api, root := f.api(t, "http")
	res := f.integration(t, api, root, "pets", sdk.PutIntegrationInput{Type: types.IntegrationTypeHttp,
		Uri: aws.String(backend.URL + "/backend"),
		RequestParameters: map[string]string{"integration.request.querystring.id": "method.request.querystring.id",
			"integration.request.header.X-Api": "'static'"},
		RequestTemplates: map[string]string{"application/json": `{"wrapped": $input.json('$'), "stage": "$context.stage"}`}})
	f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `{"pet": "$input.path('$.name')", "tags": $input.path('$.tags').size()}`})
	_, err := f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &res,
		HttpMethod: aws.String("POST"), StatusCode: aws.String("404"), ResponseParameters: map[string]bool{"method.response.header.X-From": false}})
	require.NoError(t, err)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &res,
		HttpMethod: aws.String("POST"), StatusCode: aws.String("404"), SelectionPattern: aws.String("4\\d{2}"),
		ResponseParameters: map[string]string{"method.response.header.X-From": "integration.response.header.X-Backend"},
		ResponseTemplates:  map[string]string{"application/json": `{"missing": "$input.path('$.reason')"}`}})
	require.NoError(t, err)
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod") + "/pets?id="

	status, _, body := f.call(t, "POST", url+"1", `{"a": 1}`, "X-Not-Mapped", "dropped")
	assert.Equal(t, 200, status)
	assert.JSONEq(t, `{"pet": "rex", "tags": 2}`, body)
	require.NotNil(t, seen)
	assert.JSONEq(t, `{"wrapped": {"a": 1}, "stage": "prod"}`, seenBody)
	assert.Equal(t, "1", seen.URL.Query().Get("id"))
	assert.Equal(t, "static", seen.Header.Get("X-Api"))
	assert.Empty(t, seen.Header.Get("X-Not-Mapped"))

	status, h, body := f.call(t, "POST", url+"0", `{}`)
	assert.Equal(t, 404, status)
	assert.JSONEq(t, `{"missing": "gone"}`, body)
	assert.Equal(t, "v1", h.Get("X-From"))
}

// An SNS Publish service integration (action/Publish, the parameters as
// query string mappings) delivers to the topic's subscribers.
func TestMapping_SNSPublishServiceIntegration(t *testing.T) {
	f := newFixture(t)
	sqsc := sqssdk.NewFromConfig(f.cloud.AWSConfig())
	q, err := sqsc.CreateQueue(f.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("fanout")})
	require.NoError(t, err)
	topic := f.cloud.SNS().TopicT(t, "news", sns.Subscriber{Protocol: "sqs",
		Endpoint: "arn:aws:sqs:us-east-1:000000000000:fanout", Attributes: map[string]string{"RawMessageDelivery": "true"}})
	api, root := f.api(t, "sns")
	res := f.integration(t, api, root, "publish", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws,
		Uri:         aws.String("arn:aws:apigateway:us-east-1:sns:action/Publish"),
		Credentials: aws.String("arn:aws:iam::000000000000:role/apigw-sns"),
		RequestParameters: map[string]string{"integration.request.querystring.TopicArn": "'" + topic.ARN + "'",
			"integration.request.querystring.Message": "method.request.querystring.msg",
			"integration.request.header.Accept":       "'application/json'"}})
	f.respond(t, api, res, "POST", "200", "", nil)
	f.deploy(t, api, "prod")
	status, _, body := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/publish?msg=hello", "")
	require.Equal(t, 200, status, body)
	var doc struct {
		PublishResponse struct{ PublishResult struct{ MessageId string } }
	}
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	assert.NotEmpty(t, doc.PublishResponse.PublishResult.MessageId)
	require.NoError(t, f.cloud.Settle(f.ctx))
	out, err := sqsc.ReceiveMessage(f.ctx, &sqssdk.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	require.NoError(t, err)
	require.Len(t, out.Messages, 1)
	assert.Equal(t, "hello", *out.Messages[0].Body)
}

// A Step Functions StartExecution service integration starts an execution
// of the machine with the template's input.
func TestMapping_StepFunctionsStartExecution(t *testing.T) {
	f := newFixture(t)
	sfnc := sfnsdk.NewFromConfig(f.cloud.AWSConfig())
	sm, err := sfnc.CreateStateMachine(f.ctx, &sfnsdk.CreateStateMachineInput{Name: aws.String("flow"),
		Definition: aws.String(`{"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}`),
		RoleArn:    aws.String("arn:aws:iam::000000000000:role/sfn")})
	require.NoError(t, err)
	api, root := f.api(t, "sfn")
	res := f.integration(t, api, root, "start", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws,
		Uri:         aws.String("arn:aws:apigateway:us-east-1:states:action/StartExecution"),
		Credentials: aws.String("arn:aws:iam::000000000000:role/apigw-sfn"),
		RequestTemplates: map[string]string{"application/json": `{"stateMachineArn": "` + *sm.StateMachineArn +
			`", "input": "$util.escapeJavaScript($input.json('$'))"}`}})
	f.respond(t, api, res, "POST", "200", "", nil)
	f.deploy(t, api, "prod")
	status, _, body := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/start", `{"n": 1}`)
	require.Equal(t, 200, status, body)
	var doc struct{ ExecutionArn string }
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	require.NoError(t, f.cloud.Settle(context.Background()))
	ex, err := sfnc.DescribeExecution(f.ctx, &sfnsdk.DescribeExecutionInput{ExecutionArn: &doc.ExecutionArn})
	require.NoError(t, err)
	assert.JSONEq(t, `{"n": 1}`, *ex.Input)
}

// A non-proxy integration's timeoutInMillis runs on the cloud's clock as
// a proxy's does: a Lambda answering 1 ms before a 1,000 ms timeout is
// mapped through its templates, one still running at it is a 504.
func TestMapping_NonProxyTimeoutOnTheClock(t *testing.T) {
	f := newFixture(t)
	release := make(chan struct{})
	fn := f.cloud.Lambda().FunctionT(t, "slow", func(ctx context.Context, _ json.RawMessage) (map[string]any, error) {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return map[string]any{"v": "late"}, nil
	})
	f.cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	api, root := f.api(t, "slow")
	res := f.integration(t, api, root, "slow", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws, Uri: lambdaURI(fn.ARN),
		TimeoutInMillis: aws.Int32(1000)})
	f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `$input.path('$.v')`})
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod") + "/slow"
	type answer struct {
		status int
		body   string
	}
	start := func() chan answer {
		ch := make(chan answer, 1)
		go func() {
			resp, err := f.http.Post(url, "application/json", nil)
			if err != nil {
				ch <- answer{-1, err.Error()}
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			ch <- answer{resp.StatusCode, string(b)}
		}()
		return ch
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ch := start()
	require.NoError(t, f.clk.BlockUntil(ctx, 1))
	f.clk.Advance(999 * time.Millisecond)
	release <- struct{}{}
	a := <-ch
	assert.Equal(t, answer{200, "late"}, a)

	ch = start()
	require.NoError(t, f.clk.BlockUntil(ctx, 1))
	f.clk.Advance(999 * time.Millisecond)
	select {
	case a := <-ch:
		t.Fatalf("answered before the deadline: %v", a)
	default:
	}
	f.clk.Advance(time.Millisecond)
	a = <-ch
	assert.Equal(t, 504, a.status)
	assert.JSONEq(t, `{"message":"Endpoint request timed out"}`, a.body)
}

// contentHandling on a non-proxy integration: CONVERT_TO_TEXT sends a
// binary payload (by binaryMediaTypes) as base64, CONVERT_TO_BINARY
// decodes what the template wrote, and an integration response's
// CONVERT_TO_BINARY decodes the backend's base64 answer.
func TestMapping_ContentHandling(t *testing.T) {
	f := newFixture(t)
	var got []string
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = append(got, string(b))
		_, _ = w.Write([]byte("aGk="))
	}))
	defer backend.Close()
	f.cloud.APIGateway().SetHTTPClient(backend.Client())
	out, err := f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("bin"), BinaryMediaTypes: []string{"application/octet-stream"}})
	require.NoError(t, err)
	api, root := *out.Id, *out.RootResourceId
	text := f.integration(t, api, root, "text", sdk.PutIntegrationInput{Type: types.IntegrationTypeHttp, Uri: aws.String(backend.URL),
		ContentHandling: types.ContentHandlingStrategyConvertToText})
	f.respond(t, api, text, "POST", "200", "", nil)
	bin := f.integration(t, api, root, "bin", sdk.PutIntegrationInput{Type: types.IntegrationTypeHttp, Uri: aws.String(backend.URL),
		ContentHandling:  types.ContentHandlingStrategyConvertToBinary,
		RequestTemplates: map[string]string{"application/json": `$input.path('$.data')`}})
	_, err = f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &bin, HttpMethod: aws.String("POST"), StatusCode: aws.String("200")})
	require.NoError(t, err)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &bin, HttpMethod: aws.String("POST"),
		StatusCode: aws.String("200"), ContentHandling: types.ContentHandlingStrategyConvertToBinary})
	require.NoError(t, err)
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")

	status, _, body := f.call(t, "POST", url+"/text", "\x00\x01", "Content-Type", "application/octet-stream")
	assert.Equal(t, 200, status)
	assert.Equal(t, "aGk=", body)
	status, _, body = f.call(t, "POST", url+"/bin", `{"data": "aGVsbG8="}`, "Content-Type", "application/json")
	assert.Equal(t, 200, status)
	assert.Equal(t, "hi", body)
	assert.Equal(t, []string{"AAE=", "hello"}, got)
}

// A service's error is its status to the selection patterns: a queue that
// does not exist selects the 4xx response, whose template reads the error
// document.
func TestMapping_ServiceErrorSelectsByStatus(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "sqs-missing")
	res := f.integration(t, api, root, "send", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws,
		Uri:               aws.String("arn:aws:apigateway:us-east-1:sqs:path/000000000000/missing"),
		RequestParameters: map[string]string{"integration.request.header.Accept": "'application/json'"},
		RequestTemplates:  map[string]string{"application/json": `Action=SendMessage&MessageBody=x`}})
	f.respond(t, api, res, "POST", "200", "", nil)
	f.respond(t, api, res, "POST", "400", "4\\d{2}", map[string]string{"application/json": `{"error": "$input.path('$.Error.Code')"}`})
	f.deploy(t, api, "prod")
	status, _, body := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/send", `{}`)
	assert.Equal(t, 400, status)
	assert.JSONEq(t, `{"error": "AWS.SimpleQueueService.NonExistentQueue"}`, body)
}
