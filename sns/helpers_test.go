package sns_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// t0 is when every test's fake clock starts.
var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// fixture is a cloud on a fake clock with SNS and SQS clients.
type fixture struct {
	cloud *awsfake.Cloud
	clk   *clock.Fake
	sns   *awssns.Client
	sqs   *awssqs.Client
	ctx   context.Context
}

func newFixture(t *testing.T, opts ...awsfake.Option) *fixture {
	t.Helper()
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, append([]awsfake.Option{awsfake.WithClock(clk)}, opts...)...)
	cfg := cloud.AWSConfig()
	return &fixture{cloud: cloud, clk: clk, sns: awssns.NewFromConfig(cfg), sqs: awssqs.NewFromConfig(cfg), ctx: context.Background()}
}

// topic creates a topic and returns its ARN.
func (f *fixture) topic(t *testing.T, name string, attrs map[string]string) string {
	t.Helper()
	out, err := f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String(name), Attributes: attrs})
	require.NoError(t, err)
	return aws.ToString(out.TopicArn)
}

// queue creates an SQS queue and returns its URL and ARN.
func (f *fixture) queue(t *testing.T, name string, attrs map[string]string) (string, string) {
	t.Helper()
	out, err := f.sqs.CreateQueue(f.ctx, &awssqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
	require.NoError(t, err)
	a, err := f.sqs.GetQueueAttributes(f.ctx, &awssqs.GetQueueAttributesInput{QueueUrl: out.QueueUrl,
		AttributeNames: []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameQueueArn}})
	require.NoError(t, err)
	return aws.ToString(out.QueueUrl), a.Attributes["QueueArn"]
}

// subscribe subscribes an endpoint and returns the subscription ARN.
func (f *fixture) subscribe(t *testing.T, topicArn, protocol, endpoint string, attrs map[string]string) string {
	t.Helper()
	out, err := f.sns.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: aws.String(topicArn), Protocol: aws.String(protocol),
		Endpoint: aws.String(endpoint), Attributes: attrs, ReturnSubscriptionArn: true})
	require.NoError(t, err)
	return aws.ToString(out.SubscriptionArn)
}

// settle waits until the cloud's asynchronous deliveries are done.
func (f *fixture) settle(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, f.cloud.Settle(ctx))
}

// receive returns every message waiting in a queue, in order.
func (f *fixture) receive(t *testing.T, queueURL string) []sqstypes.Message {
	t.Helper()
	var all []sqstypes.Message
	for {
		out, err := f.sqs.ReceiveMessage(f.ctx, &awssqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL),
			MaxNumberOfMessages: 10, MessageAttributeNames: []string{"All"}, MessageSystemAttributeNames: []sqstypes.MessageSystemAttributeName{"All"}})
		require.NoError(t, err)
		if len(out.Messages) == 0 {
			return all
		}
		all = append(all, out.Messages...)
	}
}

// requireCode asserts that err is an AWS API error with the given code and
// returns it.
func requireCode(t *testing.T, err error, code string) smithy.APIError {
	t.Helper()
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "want %s, got %v", code, err)
	require.Equal(t, code, ae.ErrorCode(), "%v", err)
	return ae
}

// pad4 formats i in four digits.
func pad4(i int) string { return fmt.Sprintf("%04d", i) }

func deleteInput(queueURL string, handle *string) *awssqs.DeleteMessageInput {
	return &awssqs.DeleteMessageInput{QueueUrl: aws.String(queueURL), ReceiptHandle: handle}
}
