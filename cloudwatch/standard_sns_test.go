package cloudwatch_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snsValues are the one-minute sums of AWS/SNS metrics of topic, by name.
func snsValues(t *testing.T, f *fixture, topic string, names ...string) map[string][]float64 {
	t.Helper()
	var qs []types.MetricDataQuery
	for i, n := range names {
		qs = append(qs, types.MetricDataQuery{Id: aws.String("m" + string(rune('a'+i))), MetricStat: &types.MetricStat{Metric: &types.Metric{
			Namespace: aws.String("AWS/SNS"), MetricName: aws.String(n),
			Dimensions: []types.Dimension{{Name: aws.String("TopicName"), Value: aws.String(topic)}}},
			Period: aws.Int32(60), Stat: aws.String("Sum")}})
	}
	out, err := f.client.GetMetricData(f.ctx, &awscw.GetMetricDataInput{StartTime: aws.Time(t0.Add(-time.Hour)),
		EndTime: aws.Time(t0.Add(time.Hour)), MetricDataQueries: qs, ScanBy: types.ScanByTimestampAscending})
	require.NoError(t, err)
	values := map[string][]float64{}
	for _, r := range out.MetricDataResults {
		values[aws.ToString(r.Label)] = r.Values
	}
	return values
}

// A topic's publishes and the fate of each notification are AWS/SNS
// metrics by TopicName, as the SNS Developer Guide lists them: one queue
// receives, one filter policy refuses a message without attributes, one
// subscription names a queue that does not exist; each minute is its
// own datapoint.
func TestStandard_SNSMetrics(t *testing.T) {
	f := newFixture(t)
	sn, sq := awssns.NewFromConfig(f.cloud.AWSConfig()), awssqs.NewFromConfig(f.cloud.AWSConfig())
	topic, err := sn.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("orders")})
	require.NoError(t, err)
	queueArn := func(name string) string {
		q, err := sq.CreateQueue(f.ctx, &awssqs.CreateQueueInput{QueueName: aws.String(name)})
		require.NoError(t, err)
		qa, err := sq.GetQueueAttributes(f.ctx, &awssqs.GetQueueAttributesInput{QueueUrl: q.QueueUrl,
			AttributeNames: []sqstypes.QueueAttributeName{"QueueArn"}})
		require.NoError(t, err)
		return qa.Attributes["QueueArn"]
	}
	subscribe := func(endpoint string, attrs map[string]string) {
		_, err := sn.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
			Endpoint: aws.String(endpoint), Attributes: attrs})
		require.NoError(t, err)
	}
	subscribe(queueArn("all"), nil)
	subscribe(queueArn("big"), map[string]string{"FilterPolicy": `{"kind":["big"]}`})
	subscribe("arn:aws:sqs:us-east-1:000000000000:missing", nil)

	publish := func(msg string) {
		_, err := sn.Publish(f.ctx, &awssns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String(msg)})
		require.NoError(t, err)
		require.NoError(t, f.cloud.Settle(f.ctx))
	}
	publish("hello")
	f.clk.Advance(59 * time.Second) // the last instant of the first minute
	publish("hi")
	f.clk.Advance(time.Second) // the next minute
	publish("hey!")

	got := snsValues(t, f, "orders", "NumberOfMessagesPublished", "PublishSize", "NumberOfNotificationsDelivered",
		"NumberOfNotificationsFailed", "NumberOfNotificationsFilteredOut", "NumberOfNotificationsFilteredOut-NoMessageAttributes")
	assert.Equal(t, map[string][]float64{"NumberOfMessagesPublished": {2, 1}, "PublishSize": {7, 4},
		"NumberOfNotificationsDelivered": {2, 1}, "NumberOfNotificationsFailed": {2, 1},
		"NumberOfNotificationsFilteredOut": {2, 1}, "NumberOfNotificationsFilteredOut-NoMessageAttributes": {2, 1}}, got)
}
