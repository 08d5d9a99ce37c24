package s3_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/awsfake/awsfake"
	s3fake "github.com/awsfake/awsfake/s3"
)

// The real SDK client, served in memory.
func Example() {
	ctx := context.Background()
	cloud := awsfake.New()
	defer cloud.Close()
	client := s3.NewFromConfig(cloud.AWSConfig())

	_, _ = client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("photos")})
	_, _ = client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos"), Key: aws.String("cats/tom.txt"),
		Body: strings.NewReader("meow")})
	out, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cats/tom.txt")})
	if err != nil {
		panic(err)
	}
	body, _ := io.ReadAll(out.Body)
	fmt.Println(string(body), aws.ToString(out.ETag))
	// Output: meow "4a4be40c96ac6314e91d93f38043a634"
}

// Snapshots read the engine's state without the wire.
func ExampleService_Objects() {
	ctx := context.Background()
	cloud := awsfake.New()
	defer cloud.Close()
	s := cloud.S3()
	_, _ = s.CreateBucket(ctx, s3fake.CreateBucketInput{Bucket: "logs"})
	for _, k := range []string{"b.log", "a.log"} {
		_, _ = s.PutObject(ctx, s3fake.PutObjectInput{Bucket: "logs", Key: k, Body: []byte("line of " + k)})
	}
	for _, o := range s.Objects("logs") {
		fmt.Printf("%s %q\n", o.Key, o.Data)
	}
	// Output:
	// a.log "line of a.log"
	// b.log "line of b.log"
}

// ObjectCreated events reach an SQS queue through the cloud's bus.
func ExampleService_PutBucketNotificationConfiguration() {
	ctx := context.Background()
	cloud := awsfake.New()
	defer cloud.Close()
	q, _ := sqs.NewFromConfig(cloud.AWSConfig()).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("uploads")})
	client := s3.NewFromConfig(cloud.AWSConfig())
	_, _ = client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("inbox")})
	_, err := client.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{
		Bucket: aws.String("inbox"),
		NotificationConfiguration: &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
			QueueArn: aws.String("arn:aws:sqs:us-east-1:000000000000:uploads"),
			Events:   []types.Event{"s3:ObjectCreated:*"},
		}}},
	})
	if err != nil {
		panic(err)
	}
	_, _ = client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("inbox"), Key: aws.String("new file.txt"), Body: strings.NewReader("hi")})
	_ = cloud.Settle(ctx)

	msgs, _ := sqs.NewFromConfig(cloud.AWSConfig()).ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
	for _, m := range msgs.Messages {
		var ev struct {
			Event   string
			Records []struct {
				EventName string `json:"eventName"`
				S3        struct {
					Object struct{ Key string } `json:"object"`
				} `json:"s3"`
			}
		}
		_ = json.Unmarshal([]byte(aws.ToString(m.Body)), &ev)
		if ev.Event != "" {
			fmt.Println(ev.Event)
			continue
		}
		fmt.Println(ev.Records[0].EventName, ev.Records[0].S3.Object.Key)
	}
	// Output:
	// s3:TestEvent
	// ObjectCreated:Put new+file.txt
}

// An injected fault reaches SDK clients as the AWS error it names, with
// S3's status and message.
func ExampleService_InjectFault() {
	ctx := context.Background()
	cloud := awsfake.New()
	defer cloud.Close()
	client := s3.NewFromConfig(cloud.AWSConfig())
	_, _ = client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("data")})
	_, _ = client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("data"), Key: aws.String("k"), Body: strings.NewReader("v")})
	cloud.S3().InjectFault("GetObject", "NoSuchKey", 1)

	_, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("data"), Key: aws.String("k")})
	var missing *types.NoSuchKey
	fmt.Println(errors.As(err, &missing), missing.ErrorMessage())
	_, err = client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("data"), Key: aws.String("k")})
	fmt.Println(err)
	// Output:
	// true The specified key does not exist.
	// <nil>
}

// printTB reports what a Check helper finds instead of failing a test.
type printTB struct{ testing.TB }

func (printTB) Helper()                        {}
func (printTB) Errorf(format string, a ...any) { fmt.Printf(format+"\n", a...) }

// The Check helpers fail a test (here: print) when the bucket does not hold
// what the test expects, and say nothing when it does.
func ExampleService_CheckObject() {
	ctx := context.Background()
	cloud := awsfake.New()
	defer cloud.Close()
	client := s3.NewFromConfig(cloud.AWSConfig())
	_, _ = client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("data")})
	_, _ = client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("data"), Key: aws.String("k"), Body: strings.NewReader("v")})
	_, _ = client.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("data"), Key: aws.String("big")})

	var t printTB // a test's *testing.T
	cloud.S3().CheckObject(t, "data", "k", []byte("v"))
	cloud.S3().CheckNoObject(t, "data", "gone")
	cloud.S3().CheckObject(t, "data", "k", []byte("w"))
	cloud.S3().CheckObject(t, "data", "gone", nil)
	cloud.S3().CheckNoObject(t, "data", "k")
	cloud.S3().CheckNoUploads(t, "data")
	cloud.S3().CheckNoUploads(t, "nope")
	// Output:
	// s3://data/k: holds 1 bytes "v", want 1 bytes "w"
	// s3://data/gone: no such object
	// s3://data/k: holds 1 bytes "v", want no object
	// s3://data: 1 multipart uploads in progress, want none
	// s3://nope: no such bucket
}
