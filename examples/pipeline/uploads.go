package main

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	ltypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// uploads: S3 notifies a queue of each upload, an event source mapping
// hands the messages to a handler, which reports the broken one failed; it
// comes back after its visibility timeout and succeeds the second time.
func (a *app) uploads(ctx context.Context) error {
	a.printf("# S3 -> SQS -> Lambda, partial batch failures")
	url, arn, err := a.queue(ctx, "uploads", map[string]string{"VisibilityTimeout": "30"})
	if err != nil {
		return err
	}
	bucket := s3.NewFromConfig(a.cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	if _, err := bucket.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("photos")}); err != nil {
		return err
	}
	if _, err := bucket.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{
		Bucket: aws.String("photos"),
		NotificationConfiguration: &s3types.NotificationConfiguration{QueueConfigurations: []s3types.QueueConfiguration{
			{QueueArn: aws.String(arn), Events: []s3types.Event{"s3:ObjectCreated:*"}}}},
	}); err != nil {
		return err
	}
	if err := a.cloud.Lambda().RegisterHandler("thumbnail", a.thumbnail); err != nil {
		return err
	}
	fn := lambda.NewFromConfig(a.cloud.AWSConfig())
	if _, err := fn.CreateFunction(ctx, &lambda.CreateFunctionInput{FunctionName: aws.String("thumbnail"),
		Handler: aws.String("thumbnail"), Runtime: ltypes.RuntimeProvidedal2023, Role: aws.String(role),
		Code: &ltypes.FunctionCode{ZipFile: []byte("bootstrap")}}); err != nil {
		return err
	}
	if _, err := fn.CreateEventSourceMapping(ctx, &lambda.CreateEventSourceMappingInput{
		FunctionName: aws.String("thumbnail"), EventSourceArn: aws.String(arn), BatchSize: aws.Int32(10),
		FunctionResponseTypes: []ltypes.FunctionResponseType{ltypes.FunctionResponseTypeReportBatchItemFailures},
	}); err != nil {
		return err
	}
	if err := a.cloud.Settle(ctx); err != nil { // the mapping takes the s3:TestEvent
		return err
	}
	for _, key := range []string{"cat.jpg", "broken.jpg"} {
		if _, err := bucket.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos"), Key: aws.String(key),
			Body: strings.NewReader("pixels")}); err != nil {
			return err
		}
		if err := a.cloud.Settle(ctx); err != nil {
			return err
		}
	}
	a.clk.Advance(30 * time.Second) // the failed message's visibility timeout ends
	if err := a.cloud.Settle(ctx); err != nil {
		return err
	}
	left, err := a.drain(ctx, url)
	a.printf("uploads queue holds %d messages", len(left))
	return err
}

// thumbnail is the handler under test, as it is written for aws-lambda-go:
// it skips S3's test event and fails the first attempt at a broken image.
func (a *app) thumbnail(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	for _, m := range ev.Records {
		var note struct {
			Event string
			events.S3Event
		}
		if err := json.Unmarshal([]byte(m.Body), &note); err != nil {
			return resp, err
		}
		if note.Event == "s3:TestEvent" {
			a.printf("handler: skipped the s3:TestEvent S3 sent when notifications were configured")
			continue
		}
		for _, r := range note.Records {
			key, count := r.S3.Object.Key, m.Attributes["ApproximateReceiveCount"]
			if key == "broken.jpg" && count == "1" {
				a.printf("handler: %s failed (receive %s): reported in BatchItemFailures", key, count)
				resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: m.MessageId})
				continue
			}
			a.printf("handler: thumbnail of %s (%s, receive %s)", key, r.EventName, count)
		}
	}
	return resp, nil
}
