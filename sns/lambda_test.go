package sns_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snsEvent is the SNSEvent of aws-lambda-go's events package.
type snsEvent struct {
	Records []struct {
		EventSource          string
		EventSubscriptionArn string
		Sns                  struct {
			Type, MessageId, TopicArn, Message, SigningCertUrl, UnsubscribeUrl string
			Subject                                                            *string
		}
	}
}

// function creates a Lambda function run by handler and allows topic to
// invoke it.
func (f *fixture) function(t *testing.T, name, topic string, handler any) string {
	t.Helper()
	require.NoError(t, f.cloud.Lambda().RegisterHandler(name, handler))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("bootstrap")
	require.NoError(t, err)
	_, _ = w.Write([]byte("#!/bin/sh\n"))
	require.NoError(t, zw.Close())
	client := awslambda.NewFromConfig(f.cloud.AWSConfig())
	out, err := client.CreateFunction(f.ctx, &awslambda.CreateFunctionInput{FunctionName: aws.String(name),
		Runtime: lambdatypes.RuntimeProvidedal2023, Handler: aws.String(name), Role: aws.String("arn:aws:iam::000000000000:role/fn"),
		Code: &lambdatypes.FunctionCode{ZipFile: buf.Bytes()}})
	require.NoError(t, err)
	if topic != "" {
		_, err = client.AddPermission(f.ctx, &awslambda.AddPermissionInput{FunctionName: aws.String(name), StatementId: aws.String("sns"),
			Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("sns.amazonaws.com"), SourceArn: aws.String(topic)})
		require.NoError(t, err)
	}
	return aws.ToString(out.FunctionArn)
}

func TestLambda_FunctionSubscriberIsInvokedAsynchronouslyWithTheSNSEvent(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	got := make(chan snsEvent, 1)
	fn := f.function(t, "on-order", topic, func(_ context.Context, ev snsEvent) error {
		got <- ev
		return nil
	})
	sub := f.subscribe(t, topic, "lambda", fn, nil)
	out, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("order 7")})
	require.NoError(t, err)
	f.settle(t)

	ev := <-got
	require.Len(t, ev.Records, 1)
	r := ev.Records[0]
	assert.Equal(t, "aws:sns", r.EventSource)
	assert.Equal(t, sub, r.EventSubscriptionArn)
	assert.Equal(t, aws.ToString(out.MessageId), r.Sns.MessageId)
	assert.Equal(t, "order 7", r.Sns.Message)
	assert.Nil(t, r.Sns.Subject)
	inv := f.cloud.Lambda().Invocations("on-order")
	require.Len(t, inv, 1)
	assert.Equal(t, "Event", inv[0].InvocationType)
}

func TestLambda_RefusedInvocationsGoToTheSubscriptionsDeadLetterQueue(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	dlqURL, dlq := f.queue(t, "dlq", nil)
	// No AddPermission: Lambda refuses SNS's invocation.
	fn := f.function(t, "private", "", func(context.Context, json.RawMessage) error { return nil })
	f.subscribe(t, topic, "lambda", fn, map[string]string{"RedrivePolicy": `{"deadLetterTargetArn":"` + dlq + `"}`})
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("refused")})
	require.NoError(t, err)
	f.settle(t)
	assert.Empty(t, f.cloud.Lambda().Invocations("private"))
	msgs := f.receive(t, dlqURL)
	require.Len(t, msgs, 1)
	var ev snsEvent
	require.NoError(t, json.Unmarshal([]byte(aws.ToString(msgs[0].Body)), &ev))
	assert.Equal(t, "refused", ev.Records[0].Sns.Message)
}
