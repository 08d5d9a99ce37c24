package sns_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/sns"
)

// Fan-out from a topic to a queue that only wants book orders, delivered raw.
func Example() {
	ctx := context.Background()
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))))
	defer cloud.Close()
	snsClient := awssns.NewFromConfig(cloud.AWSConfig())
	sqsClient := awssqs.NewFromConfig(cloud.AWSConfig())

	topic, _ := snsClient.CreateTopic(ctx, &awssns.CreateTopicInput{Name: aws.String("orders")})
	queue, _ := sqsClient.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("books")})
	_, _ = snsClient.Subscribe(ctx, &awssns.SubscribeInput{
		TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:us-east-1:000000000000:books"),
		Attributes: map[string]string{
			"FilterPolicy":       `{"category":["books"]}`,
			"RawMessageDelivery": "true",
		},
	})
	for _, c := range []string{"games", "books"} {
		_, _ = snsClient.Publish(ctx, &awssns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("an order of " + c),
			MessageAttributes: map[string]types.MessageAttributeValue{
				"category": {DataType: aws.String("String"), StringValue: aws.String(c)},
			}})
	}
	_ = cloud.Settle(ctx)

	got, _ := sqsClient.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: queue.QueueUrl, MaxNumberOfMessages: 10})
	for _, m := range got.Messages {
		fmt.Println(aws.ToString(m.Body))
	}
	// Output: an order of books
}

// Email subscriptions are confirmed with the token of the confirmation email,
// which lands in the outbox with everything else SNS would have mailed.
func ExampleService_Outbox() {
	ctx := context.Background()
	cloud := awsfake.New(awsfake.WithSeed(1), awsfake.WithClock(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))))
	defer cloud.Close()
	svc := cloud.SNS()

	topic, _ := svc.CreateTopic(ctx, sns.CreateTopicInput{Name: "alerts"})
	sub, _ := svc.Subscribe(ctx, sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: "email", Endpoint: "ops@example.com"})
	fmt.Println(sub.SubscriptionArn)

	confirmation := svc.Outbox()[0]
	fmt.Println(confirmation.Type, "to", confirmation.Endpoint)
	subscribeURL, _ := url.Parse(confirmation.Body[strings.LastIndex(confirmation.Body, "\n")+1:])
	token := subscribeURL.Query().Get("Token")
	_, _ = svc.ConfirmSubscription(ctx, sns.ConfirmSubscriptionInput{TopicArn: topic.TopicArn, Token: token})

	_, _ = svc.Publish(ctx, sns.PublishInput{TopicArn: topic.TopicArn, Subject: "Disk", Message: "disk 91% full"})
	mail := svc.Outbox()[1]
	fmt.Printf("%s %q: %s\n", mail.Type, mail.Subject, mail.Body)
	// Output:
	// pending confirmation
	// SubscriptionConfirmation to ops@example.com
	// Notification "Disk": disk 91% full
}

// InjectFault makes an operation fail with an AWS error code, here once.
func ExampleService_InjectFault() {
	ctx := context.Background()
	cloud := awsfake.New()
	defer cloud.Close()
	cloud.SNS().InjectFault("CreateTopic", "AuthorizationError", 1)

	client := awssns.NewFromConfig(cloud.AWSConfig())
	_, err := client.CreateTopic(ctx, &awssns.CreateTopicInput{Name: aws.String("t")})
	var denied *types.AuthorizationErrorException
	fmt.Println(errors.As(err, &denied), denied.ErrorCode())
	_, err = client.CreateTopic(ctx, &awssns.CreateTopicInput{Name: aws.String("t")})
	fmt.Println(err)
	// Output:
	// true AuthorizationError
	// <nil>
}

// Deliveries shows what each subscription was sent.
func ExampleService_Deliveries() {
	ctx := context.Background()
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))))
	defer cloud.Close()
	svc := cloud.SNS()
	topic, _ := svc.CreateTopic(ctx, sns.CreateTopicInput{Name: "orders"})
	sub, _ := svc.Subscribe(ctx, sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: "sqs",
		Endpoint: "arn:aws:sqs:us-east-1:000000000000:orders", Attributes: map[string]string{"RawMessageDelivery": "true"}})
	_, _ = svc.Publish(ctx, sns.PublishInput{TopicArn: topic.TopicArn, Message: "order 1"})

	for _, d := range svc.Deliveries(sub.SubscriptionArn) {
		fmt.Println(d.Status, d.Body, d.At.Format(time.RFC3339))
	}
	// Output: Posted order 1 2030-01-01T00:00:00Z
}

// exampleTB stands in for the *testing.T a test passes to the Check
// helpers: it prints what they fail with.
type exampleTB struct{ testing.TB }

func (exampleTB) Helper() {}
func (exampleTB) Fatalf(format string, args ...any) {
	fmt.Printf("FAIL: "+format+"\n", args...)
}

// CheckDelivered asserts that a subscription got a message, whatever the
// protocol wraps it in (here the JSON envelope of an SQS subscription);
// CheckDeliveryStatus asserts how far the last delivery got; CheckOutbox
// asserts what an email address, a phone number or a device was sent. In a
// test, pass t.
func ExampleService_CheckDelivered() {
	ctx := context.Background()
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))))
	defer cloud.Close()
	t := exampleTB{}
	svc := cloud.SNS()
	topic, _ := svc.CreateTopic(ctx, sns.CreateTopicInput{Name: "orders"})
	sub, _ := svc.Subscribe(ctx, sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: "sqs",
		Endpoint: "arn:aws:sqs:us-east-1:000000000000:orders"})
	_, _ = svc.Subscribe(ctx, sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: "sms", Endpoint: "+15550100"})
	_, _ = svc.Publish(ctx, sns.PublishInput{TopicArn: topic.TopicArn, Message: "order 1"})
	_ = cloud.Settle(ctx)

	d := svc.CheckDelivered(t, sub.SubscriptionArn, "order 1")
	fmt.Println(d.Status, d.Type)
	svc.CheckDeliveryStatus(t, sub.SubscriptionArn, sns.DeliveryPosted)
	svc.CheckOutbox(t, "+15550100", "order 1")
	svc.CheckOutbox(t, "+15550100", "order 2")
	// Output:
	// Posted Notification
	// FAIL: sns: the outbox holds no message "order 2" to +15550100; it holds ["order 1"] for it (newest first)
}
