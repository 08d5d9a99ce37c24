package sns_test

import (
	"context"
	"fmt"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/sns"
)

// TopicT makes a topic with its subscriptions in one line.
func ExampleService_TopicT() {
	cloud := awsfake.New()
	defer cloud.Close()
	t := exampleTB{} // in a test: t *testing.T
	all := cloud.SQS().QueueT(t, "all", nil)
	big := cloud.SQS().QueueT(t, "big", nil)
	topic := cloud.SNS().TopicT(t, "orders",
		sns.Subscriber{Protocol: "sqs", Endpoint: all.ARN, Attributes: map[string]string{"RawMessageDelivery": "true"}},
		sns.Subscriber{Protocol: "sqs", Endpoint: big.ARN, Attributes: map[string]string{"FilterPolicy": `{"size":["big"]}`}})
	fmt.Println(topic.ARN, len(topic.Subscriptions))

	ctx := context.Background()
	_, _ = cloud.SNS().Publish(ctx, sns.PublishInput{TopicArn: topic.ARN, Message: "small order",
		MessageAttributes: map[string]sns.MessageAttributeValue{"size": {DataType: "String", StringValue: "small"}}})
	_ = cloud.Settle(ctx)
	cloud.SQS().CheckDepth(t, all.URL, 1, 0, 0)
	cloud.SQS().CheckDepth(t, big.URL, 0, 0, 0)
	// Output:
	// arn:aws:sns:us-east-1:000000000000:orders 2
}
