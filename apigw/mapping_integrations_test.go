package apigw_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	ebsdk "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	s3sdk "github.com/aws/aws-sdk-go-v2/service/s3"
	sfnsdk "github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	sqssdk "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Without an Accept: application/json mapping, SQS answers API Gateway
// with its query protocol's XML document (the SQS Developer Guide,
// "Interpreting Amazon SQS XML API responses"), which a response without
// template passes through; an error is its <ErrorResponse> with the
// query code, selected by its status.
func TestMapping_SQSAnswersXMLWithoutAcceptJSON(t *testing.T) {
	f := newFixture(t)
	sqsc := sqssdk.NewFromConfig(f.cloud.AWSConfig())
	_, err := sqsc.CreateQueue(f.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("orders")})
	require.NoError(t, err)
	api, root := f.api(t, "sqs-xml")
	for _, q := range []string{"orders", "missing"} {
		res := f.integration(t, api, root, q, sdk.PutIntegrationInput{Type: types.IntegrationTypeAws,
			Uri:              aws.String("arn:aws:apigateway:us-east-1:sqs:path/000000000000/" + q),
			RequestTemplates: map[string]string{"application/json": `Action=SendMessage&MessageBody=hello`}})
		f.respond(t, api, res, "POST", "200", "", nil)
		f.respond(t, api, res, "POST", "400", "4\\d{2}", nil)
	}
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")

	status, _, body := f.call(t, "POST", url+"/orders", `{}`)
	require.Equal(t, 200, status, body)
	assert.Contains(t, body, `<SendMessageResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><SendMessageResult><MessageId>`)
	// MD5 of "hello", as SQS answers it.
	assert.Contains(t, body, `<MD5OfMessageBody>5d41402abc4b2a76b9719d911017c592</MD5OfMessageBody></SendMessageResult><ResponseMetadata><RequestId>`)

	status, _, body = f.call(t, "POST", url+"/missing", `{}`)
	assert.Equal(t, 400, status)
	assert.Contains(t, body, `<ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code>`)
}

// S3 by path, as the tutorial "Create a REST API as an Amazon S3 proxy"
// builds it: ANY on /{item} to path/{bucket}/{item}, the item from the
// method's path. PUT stores the body, GET reads it back with its
// ETag mapped, DELETE removes it, and a GET then answers S3's NoSuchKey
// document with its 404 (recorded: test_apigateway_s3_any, get-object-
// deleted); GET on the bucket lists it.
func TestMapping_S3ByPathPutGetDeleteAndList(t *testing.T) {
	f := newFixture(t)
	s3c := s3sdk.NewFromConfig(f.cloud.AWSConfig())
	_, err := s3c.CreateBucket(f.ctx, &s3sdk.CreateBucketInput{Bucket: aws.String("photos")})
	require.NoError(t, err)
	api, root := f.api(t, "s3")
	item := f.integration(t, api, root, "{item}", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws,
		HttpMethod: aws.String("ANY"), IntegrationHttpMethod: aws.String("ANY"),
		Uri:         aws.String("arn:aws:apigateway:us-east-1:s3:path/photos/{object}"),
		Credentials: aws.String("arn:aws:iam::000000000000:role/apigw-s3"),
		RequestParameters: map[string]string{"integration.request.path.object": "method.request.path.item",
			"integration.request.header.Content-Type": "method.request.header.Content-Type"}})
	// The ETag mapped to the method response, as recorded
	// (test_apigw_s3_binary_support_request_convert_to_binary_with_request_template).
	_, err = f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &item, HttpMethod: aws.String("ANY"),
		StatusCode: aws.String("200"), ResponseParameters: map[string]bool{"method.response.header.ETag": false}})
	require.NoError(t, err)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &item,
		HttpMethod: aws.String("ANY"), StatusCode: aws.String("200"), SelectionPattern: aws.String(""),
		ResponseParameters: map[string]string{"method.response.header.ETag": "integration.response.header.ETag"}})
	require.NoError(t, err)
	f.respond(t, api, item, "ANY", "404", "404", nil)
	bucket := f.resource(t, api, root, "list")
	f.method(t, api, bucket, "GET")
	_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &bucket, HttpMethod: aws.String("GET"),
		Type: types.IntegrationTypeAws, IntegrationHttpMethod: aws.String("GET"), Uri: aws.String("arn:aws:apigateway:us-east-1:s3:path/photos")})
	require.NoError(t, err)
	f.respond(t, api, bucket, "GET", "200", "", nil)
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")

	status, h, body := f.call(t, "PUT", url+"/cat.txt", "meow", "Content-Type", "text/plain")
	require.Equal(t, 200, status, body)
	assert.Equal(t, `"4a4be40c96ac6314e91d93f38043a634"`, h.Get("ETag"), "the MD5 of meow, S3's ETag")
	obj, err := s3c.GetObject(f.ctx, &s3sdk.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.txt")})
	require.NoError(t, err)
	assert.Equal(t, "text/plain", *obj.ContentType)

	status, h, body = f.call(t, "GET", url+"/cat.txt", "")
	assert.Equal(t, 200, status)
	assert.Equal(t, "meow", body)
	assert.Equal(t, `"4a4be40c96ac6314e91d93f38043a634"`, h.Get("ETag"))

	status, _, body = f.call(t, "GET", url+"/list", "")
	assert.Equal(t, 200, status)
	assert.Contains(t, body, "<ListBucketResult")
	assert.Contains(t, body, "<Key>cat.txt</Key>")

	status, _, _ = f.call(t, "DELETE", url+"/cat.txt", "")
	assert.Equal(t, 200, status, "S3's 204 selects the default response")
	status, _, body = f.call(t, "GET", url+"/cat.txt", "")
	assert.Equal(t, 404, status)
	assert.Contains(t, body, "<Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>")
	assert.Contains(t, body, "<Key>cat.txt</Key>")
}

// StartSyncExecution runs an EXPRESS machine to its end and answers its
// document; a STANDARD machine is refused by Step Functions, whose error
// selects by its status.
func TestMapping_StepFunctionsStartSyncExecution(t *testing.T) {
	f := newFixture(t)
	sfnc := sfnsdk.NewFromConfig(f.cloud.AWSConfig())
	def := `{"StartAt": "Hi", "States": {"Hi": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('hi {}', $.name)"}, "End": true}}}`
	express, err := sfnc.CreateStateMachine(f.ctx, &sfnsdk.CreateStateMachineInput{Name: aws.String("fast"), Definition: &def,
		Type: sfntypes.StateMachineTypeExpress, RoleArn: aws.String("arn:aws:iam::000000000000:role/sfn")})
	require.NoError(t, err)
	standard, err := sfnc.CreateStateMachine(f.ctx, &sfnsdk.CreateStateMachineInput{Name: aws.String("slow"), Definition: &def,
		RoleArn: aws.String("arn:aws:iam::000000000000:role/sfn")})
	require.NoError(t, err)
	api, root := f.api(t, "sfn-sync")
	for part, machine := range map[string]string{"fast": *express.StateMachineArn, "slow": *standard.StateMachineArn} {
		res := f.integration(t, api, root, part, sdk.PutIntegrationInput{Type: types.IntegrationTypeAws,
			Uri: aws.String("arn:aws:apigateway:us-east-1:states:action/StartSyncExecution"),
			RequestTemplates: map[string]string{"application/json": `{"stateMachineArn": "` + machine +
				`", "input": "$util.escapeJavaScript($input.json('$'))"}`}})
		f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `{"status": "$input.path('$.status')", "output": $input.path('$.output')}`})
		f.respond(t, api, res, "POST", "400", "4\\d{2}", map[string]string{"application/json": `{"error": "$input.path('$.__type')"}`})
	}
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")

	status, _, body := f.call(t, "POST", url+"/fast", `{"name": "ann"}`)
	require.Equal(t, 200, status, body)
	assert.JSONEq(t, `{"status": "SUCCEEDED", "output": {"greeting": "hi ann"}}`, body)

	status, _, body = f.call(t, "POST", url+"/slow", `{"name": "ann"}`)
	assert.Equal(t, 400, status, body)
	assert.JSONEq(t, `{"error": "StateMachineTypeNotSupported"}`, body)
}

// EventBridge PutEvents (action/PutEvents, a JSON body of Entries): the
// event reaches the rule's queue target, and the answer is PutEvents'
// (recorded: test_apigateway_to_eventbridge, Entries with an EventId and
// FailedEntryCount 0).
func TestMapping_EventBridgePutEvents(t *testing.T) {
	f := newFixture(t)
	sqsc := sqssdk.NewFromConfig(f.cloud.AWSConfig())
	q, err := sqsc.CreateQueue(f.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("events")})
	require.NoError(t, err)
	eb := ebsdk.NewFromConfig(f.cloud.AWSConfig())
	_, err = eb.PutRule(f.ctx, &ebsdk.PutRuleInput{Name: aws.String("orders"), EventPattern: aws.String(`{"source": ["shop"]}`)})
	require.NoError(t, err)
	_, err = eb.PutTargets(f.ctx, &ebsdk.PutTargetsInput{Rule: aws.String("orders"), Targets: []ebtypes.Target{{Id: aws.String("q"),
		Arn: aws.String("arn:aws:sqs:us-east-1:000000000000:events")}}})
	require.NoError(t, err)
	api, root := f.api(t, "events")
	res := f.integration(t, api, root, "put", sdk.PutIntegrationInput{Type: types.IntegrationTypeAws,
		Uri: aws.String("arn:aws:apigateway:us-east-1:events:action/PutEvents"),
		RequestTemplates: map[string]string{"application/json": `{"Entries": [{"Source": "shop", "DetailType": "order",` +
			` "Detail": "$util.escapeJavaScript($input.json('$'))", "EventBusName": "default"}]}`}})
	f.respond(t, api, res, "POST", "200", "", nil)
	f.deploy(t, api, "prod")
	status, _, body := f.call(t, "POST", f.cloud.APIGateway().InvokeURL(api, "prod")+"/put", `{"id": 7}`)
	require.Equal(t, 200, status, body)
	var doc struct {
		Entries          []struct{ EventId string }
		FailedEntryCount int
	}
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	require.Len(t, doc.Entries, 1)
	assert.NotEmpty(t, doc.Entries[0].EventId)
	assert.Zero(t, doc.FailedEntryCount)
	require.NoError(t, f.cloud.Settle(context.Background()))
	out, err := sqsc.ReceiveMessage(f.ctx, &sqssdk.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	require.NoError(t, err)
	require.Len(t, out.Messages, 1)
	var ev struct {
		ID     string         `json:"id"`
		Detail map[string]int `json:"detail"`
	}
	require.NoError(t, json.NewDecoder(strings.NewReader(*out.Messages[0].Body)).Decode(&ev))
	assert.Equal(t, doc.Entries[0].EventId, ev.ID)
	assert.Equal(t, map[string]int{"id": 7}, ev.Detail)
}
