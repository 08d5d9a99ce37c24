package lambda_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/lambda"
)

func TestAddPermission_PolicyRoundTripsAndRejectsDuplicates(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h")
	_, err := e.client.GetPolicy(e.ctx, &sdk.GetPolicyInput{FunctionName: aws.String("fn")})
	ae := requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, "The resource you requested does not exist.", ae.ErrorMessage())

	out, err := e.client.AddPermission(e.ctx, &sdk.AddPermissionInput{FunctionName: aws.String("fn"), StatementId: aws.String("sns"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("sns.amazonaws.com"),
		SourceArn: aws.String("arn:aws:sns:us-east-1:000000000000:orders")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"Sid":"sns","Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"lambda:InvokeFunction",
		"Resource":"arn:aws:lambda:us-east-1:000000000000:function:fn",
		"Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:sns:us-east-1:000000000000:orders"}}}`, aws.ToString(out.Statement))

	_, err = e.client.AddPermission(e.ctx, &sdk.AddPermissionInput{FunctionName: aws.String("fn"), StatementId: aws.String("sns"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("s3.amazonaws.com")})
	requireCode(t, err, "ResourceConflictException")
	_, err = e.client.AddPermission(e.ctx, &sdk.AddPermissionInput{FunctionName: aws.String("fn"), StatementId: aws.String("bad id!"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("s3.amazonaws.com")})
	requireCode(t, err, "ValidationException")

	pol, err := e.client.GetPolicy(e.ctx, &sdk.GetPolicyInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	var doc struct {
		Version   string
		Statement []map[string]any
	}
	require.NoError(t, json.Unmarshal([]byte(aws.ToString(pol.Policy)), &doc))
	assert.Equal(t, "2012-10-17", doc.Version)
	assert.Len(t, doc.Statement, 1)

	_, err = e.client.RemovePermission(e.ctx, &sdk.RemovePermissionInput{FunctionName: aws.String("fn"), StatementId: aws.String("sns")})
	require.NoError(t, err)
	_, err = e.client.RemovePermission(e.ctx, &sdk.RemovePermissionInput{FunctionName: aws.String("fn"), StatementId: aws.String("sns")})
	requireCode(t, err, "ResourceNotFoundException")
}

// snsEvent is the SNSEvent of aws-lambda-go.
type snsEvent struct {
	Records []struct {
		EventSource string `json:"EventSource"`
		Sns         struct {
			TopicArn string `json:"TopicArn"`
			Message  string `json:"Message"`
			Subject  string `json:"Subject"`
		} `json:"Sns"`
	} `json:"Records"`
}

func TestSNSTrigger_DeliversSNSEventOnlyWithPermission(t *testing.T) {
	e := newEnv(t)
	got := make(chan snsEvent, 4)
	e.register(t, "onMessage", func(ctx context.Context, ev snsEvent) error { got <- ev; return nil })
	fn := e.createFunction(t, "subscriber", "onMessage")
	snsc := sns.NewFromConfig(e.cloud.AWSConfig())
	topic, err := snsc.CreateTopic(e.ctx, &sns.CreateTopicInput{Name: aws.String("orders")})
	require.NoError(t, err)
	_, err = snsc.Subscribe(e.ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("lambda"), Endpoint: fn.FunctionArn})
	require.NoError(t, err)

	// No resource-based policy: Lambda refuses SNS, as AWS does.
	_, err = snsc.Publish(e.ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("first")})
	require.NoError(t, err)
	e.settle(t)
	assert.Empty(t, got)
	fails := e.cloud.DeliveryFailures()
	require.Len(t, fails, 1)
	assert.Contains(t, fails[0].Err.Error(), "AccessDeniedException")

	// A statement for another topic does not help; one for this topic does.
	_, err = e.client.AddPermission(e.ctx, &sdk.AddPermissionInput{FunctionName: aws.String("subscriber"), StatementId: aws.String("other"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("sns.amazonaws.com"),
		SourceArn: aws.String("arn:aws:sns:us-east-1:000000000000:elsewhere")})
	require.NoError(t, err)
	_, err = snsc.Publish(e.ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("second")})
	require.NoError(t, err)
	e.settle(t)
	assert.Empty(t, got)
	assert.Len(t, e.cloud.DeliveryFailures(), 2)

	_, err = e.client.AddPermission(e.ctx, &sdk.AddPermissionInput{FunctionName: aws.String("subscriber"), StatementId: aws.String("orders"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("sns.amazonaws.com"), SourceArn: topic.TopicArn})
	require.NoError(t, err)
	_, err = snsc.Publish(e.ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("third"), Subject: aws.String("hi")})
	require.NoError(t, err)
	e.settle(t)
	require.Len(t, got, 1)
	ev := <-got
	require.Len(t, ev.Records, 1)
	assert.Equal(t, "aws:sns", ev.Records[0].EventSource)
	assert.Equal(t, "third", ev.Records[0].Sns.Message)
	assert.Equal(t, "hi", ev.Records[0].Sns.Subject)
	assert.Equal(t, aws.ToString(topic.TopicArn), ev.Records[0].Sns.TopicArn)
	recs := e.cloud.Lambda().Invocations("subscriber")
	require.Len(t, recs, 1)
	assert.Equal(t, "Event", recs[0].InvocationType, "SNS invokes asynchronously")
}

// s3Event is the S3Event of aws-lambda-go.
type s3Event struct {
	Records []struct {
		EventSource string `json:"eventSource"`
		EventName   string `json:"eventName"`
		S3          struct {
			Bucket struct {
				Name string `json:"name"`
			} `json:"bucket"`
			Object struct {
				Key  string `json:"key"`
				Size int64  `json:"size"`
			} `json:"object"`
		} `json:"s3"`
	} `json:"Records"`
}

func TestS3Trigger_DeliversS3EventWithPermission(t *testing.T) {
	e := newEnv(t)
	got := make(chan s3Event, 4)
	e.register(t, "onObject", func(ev s3Event) error { got <- ev; return nil })
	fn := e.createFunction(t, "thumbnailer", "onObject")
	_, err := e.client.AddPermission(e.ctx, &sdk.AddPermissionInput{FunctionName: aws.String("thumbnailer"), StatementId: aws.String("s3"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("s3.amazonaws.com"),
		SourceArn: aws.String("arn:aws:s3:::photos"), SourceAccount: aws.String("000000000000")})
	require.NoError(t, err)

	s3c := s3.NewFromConfig(e.cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	_, err = s3c.CreateBucket(e.ctx, &s3.CreateBucketInput{Bucket: aws.String("photos")})
	require.NoError(t, err)
	_, err = s3c.PutBucketNotificationConfiguration(e.ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("photos"),
		NotificationConfiguration: &s3types.NotificationConfiguration{LambdaFunctionConfigurations: []s3types.LambdaFunctionConfiguration{{
			LambdaFunctionArn: fn.FunctionArn, Events: []s3types.Event{"s3:ObjectCreated:*"}}}}})
	require.NoError(t, err)
	_, err = s3c.PutObject(e.ctx, &s3.PutObjectInput{Bucket: aws.String("photos"), Key: aws.String("cats/tom cat.jpg"),
		Body: bytes.NewReader([]byte("meow"))})
	require.NoError(t, err)
	e.settle(t)
	require.Len(t, got, 1)
	ev := <-got
	require.Len(t, ev.Records, 1)
	r := ev.Records[0]
	assert.Equal(t, "aws:s3", r.EventSource)
	assert.Equal(t, "ObjectCreated:Put", r.EventName)
	assert.Equal(t, "photos", r.S3.Bucket.Name)
	assert.Equal(t, "cats/tom+cat.jpg", r.S3.Object.Key, "keys are form-encoded in S3 events")
	assert.Equal(t, int64(4), r.S3.Object.Size)
	assert.Empty(t, e.cloud.DeliveryFailures())
}

func TestBusDelivery_SourceAccountConditionIsChecked(t *testing.T) {
	svc, b, _ := newBare(t)
	ran := make(chan struct{}, 2)
	require.NoError(t, svc.RegisterHandler("h", func() error { ran <- struct{}{}; return nil }))
	fn, err := svc.CreateFunction(context.Background(), lambdaCreate("fn", "h"))
	require.NoError(t, err)
	_, err = svc.AddPermission(context.Background(), lambda.AddPermissionInput{FunctionName: "fn", StatementId: "s3",
		Action: "lambda:*", Principal: "s3.amazonaws.com", SourceArn: "arn:aws:s3:::*", SourceAccount: "111111111111"})
	require.NoError(t, err)
	settle := func() { require.NoError(t, b.Settle(context.Background())) }
	b.Post(fn.FunctionArn, bus.Message{Source: "arn:aws:s3:::bucket", Principal: "s3.amazonaws.com", Body: []byte(`{}`),
		Meta: map[string]string{bus.MetaSourceAccount: "000000000000"}})
	settle()
	assert.Empty(t, ran, "the bucket's account is not the one the statement names")
	require.Len(t, b.Failures(), 1)
	b.Post(fn.FunctionArn, bus.Message{Source: "arn:aws:s3:::bucket", Principal: "s3.amazonaws.com", Body: []byte(`{}`),
		Meta: map[string]string{bus.MetaSourceAccount: "111111111111"}})
	settle()
	assert.Len(t, ran, 1)
}

func TestBusInvoke_RunsSynchronouslyAndReturnsFunctionError(t *testing.T) {
	svc, b, _ := newBare(t)
	ctx := context.Background()
	require.NoError(t, svc.RegisterHandler("double", func(n int) (int, error) { return 2 * n, nil }))
	require.NoError(t, svc.RegisterHandler("fail", func(n int) (int, error) { return 0, assert.AnError }))
	ok, err := svc.CreateFunction(ctx, lambdaCreate("double", "double"))
	require.NoError(t, err)
	bad, err := svc.CreateFunction(ctx, lambdaCreate("fail", "fail"))
	require.NoError(t, err)
	out, err := b.Invoke(ctx, ok.FunctionArn, bus.Message{Body: []byte(`21`)})
	require.NoError(t, err)
	assert.Equal(t, "42", string(out))
	_, err = b.Invoke(ctx, bad.FunctionArn+":$LATEST", bus.Message{Body: []byte(`1`)})
	var fe *bus.FunctionError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "Unhandled", fe.Type)
	assert.Contains(t, string(fe.Payload), "errorMessage")
	_, err = b.Invoke(ctx, "arn:aws:lambda:us-east-1:000000000000:function:nope", bus.Message{Body: []byte(`1`)})
	assert.ErrorContains(t, err, "Function not found")
	recs := svc.Invocations("")
	require.Len(t, recs, 2)
	assert.Equal(t, "RequestResponse", recs[0].InvocationType)
}
