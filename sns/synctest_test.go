package sns_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// Inside a synctest bubble, with the default real clock (virtual there):
// SNS to SQS fan-out and FIFO deduplication work, virtual time moves the
// deduplication window, and the cloud leaves nothing running (synctest fails
// the test on a leaked goroutine).
func TestSynctest_FanOutAndDeduplicationInABubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		cloud := awsfake.NewT(t)
		f := &fixture{cloud: cloud, sns: awssns.NewFromConfig(cloud.AWSConfig()), sqs: awssqs.NewFromConfig(cloud.AWSConfig()), ctx: ctx}
		topic := f.topic(t, "orders.fifo", map[string]string{"FifoTopic": "true", "ContentBasedDeduplication": "true"})
		url, q := f.queue(t, "orders.fifo", map[string]string{"FifoQueue": "true"})
		f.subscribe(t, topic, "sqs", q, nil)
		publish := func() string {
			out, err := f.sns.Publish(ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("m"), MessageGroupId: aws.String("g")})
			require.NoError(t, err)
			return aws.ToString(out.MessageId)
		}
		first := publish()
		assert.Equal(t, first, publish(), "a duplicate within five minutes")
		time.Sleep(5 * time.Minute)
		assert.NotEqual(t, first, publish(), "five minutes later it is new")
		require.NoError(t, cloud.Settle(ctx))
		msgs, err := cloud.SQS().Messages(url)
		require.NoError(t, err)
		assert.Len(t, msgs, 2)
	})
}
