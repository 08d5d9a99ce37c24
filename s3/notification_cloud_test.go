package s3_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	neturl "net/url"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	lambdasdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	stssdk "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// queue creates an SQS queue and returns its URL and ARN.
func queue(t *testing.T, c *sqs.Client, name string) (string, string) {
	t.Helper()
	ctx := context.Background()
	q, err := c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(name)})
	require.NoError(t, err)
	a, err := c.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: q.QueueUrl,
		AttributeNames: []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameQueueArn}})
	require.NoError(t, err)
	return aws.ToString(q.QueueUrl), a.Attributes["QueueArn"]
}

// drain receives every message waiting in a queue.
func drain(t *testing.T, c *sqs.Client, url string) []string {
	t.Helper()
	var out []string
	for {
		r, err := c.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: 10})
		require.NoError(t, err)
		if len(r.Messages) == 0 {
			return out
		}
		for _, m := range r.Messages {
			out = append(out, aws.ToString(m.Body))
			_, err := c.DeleteMessage(context.Background(), &sqs.DeleteMessageInput{QueueUrl: aws.String(url), ReceiptHandle: m.ReceiptHandle})
			require.NoError(t, err)
		}
	}
}

// eventKey returns the event name and key of an S3 event document, or the
// Event of a test event.
func eventKey(t *testing.T, body string) string {
	t.Helper()
	var doc struct {
		Event   string
		Records []struct {
			EventName string `json:"eventName"`
			S3        struct {
				Object struct {
					Key string `json:"key"`
				} `json:"object"`
			} `json:"s3"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(body), &doc), body)
	if doc.Event != "" {
		return doc.Event
	}
	require.Len(t, doc.Records, 1)
	return doc.Records[0].EventName + " " + doc.Records[0].S3.Object.Key
}

// The "done when": ObjectCreated notifications reach SQS and SNS,
// with filters honoured, through the real SDK clients of all three.
func TestNotifications_ObjectCreatedReachesSQSAndSNSWithFiltersHonoured(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	cfg := cloud.AWSConfig()
	sq, sn := sqs.NewFromConfig(cfg), sns.NewFromConfig(cfg)

	imagesURL, imagesARN := queue(t, sq, "images")
	docsURL, docsARN := queue(t, sq, "docs")
	topic, err := sn.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("documents")})
	require.NoError(t, err)
	_, err = sn.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"), Endpoint: aws.String(docsARN)})
	require.NoError(t, err)

	createBucket(t, c, "uploads")
	_, err = c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("uploads"),
		NotificationConfiguration: &types.NotificationConfiguration{
			QueueConfigurations: []types.QueueConfiguration{{QueueArn: aws.String(imagesARN),
				Events: []types.Event{"s3:ObjectCreated:*"}, Filter: filter("images/", ".jpg")}},
			TopicConfigurations: []types.TopicConfiguration{{TopicArn: topic.TopicArn,
				Events: []types.Event{"s3:ObjectCreated:Put"}, Filter: filter("docs/", "")}},
		}})
	require.NoError(t, err)

	for _, k := range []string{"images/cat.jpg", "images/cat.png", "docs/report.txt", "cat.jpg"} {
		putObject(t, c, "uploads", k, k)
	}
	require.NoError(t, cloud.Settle(ctx))

	assert.Equal(t, []string{"s3:TestEvent", "ObjectCreated:Put images/cat.jpg"}, mapStrings(drain(t, sq, imagesURL), func(b string) string { return eventKey(t, b) }))

	var viaTopic []string
	for _, body := range drain(t, sq, docsURL) {
		var env struct{ Type, Subject, Message, TopicArn string }
		require.NoError(t, json.Unmarshal([]byte(body), &env))
		assert.Equal(t, "Notification", env.Type)
		assert.Equal(t, "Amazon S3 Notification", env.Subject)
		assert.Equal(t, aws.ToString(topic.TopicArn), env.TopicArn)
		viaTopic = append(viaTopic, eventKey(t, env.Message))
	}
	assert.Equal(t, []string{"s3:TestEvent", "ObjectCreated:Put docs/report.txt"}, viaTopic)
	assert.Empty(t, cloud.DeliveryFailures())
}

// Queues that do not exist cannot be validated: each is named with "The
// destination queue does not exist" (recorded: s3 TestS3NotificationsToSQS::
// test_multiple_invalid_sqs_arns, "multiple-queues-do-not-exist").
func TestPutBucketNotificationConfiguration_MissingQueueCannotBeValidated(t *testing.T) {
	var rec answers
	cloud, c, _ := newS3(t, recording(&rec))
	createBucket(t, c, "uploads")
	q1, q2 := "arn:aws:sqs:us-east-1:000000000000:my-queue", "arn:aws:sqs:us-east-1:000000000000:my-queue-2"
	_, err := c.PutBucketNotificationConfiguration(context.Background(), &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("uploads"),
		NotificationConfiguration: &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{
			{QueueArn: aws.String(q1), Events: []types.Event{"s3:ObjectCreated:*"}},
			{QueueArn: aws.String(q2), Events: []types.Event{"s3:ObjectRemoved:*"}}}}})
	requireCode(t, err, "InvalidArgument", 400)
	var doc struct {
		Message, ArgumentName1, ArgumentValue1, ArgumentName2, ArgumentValue2 string
	}
	require.NoError(t, xml.Unmarshal(rec.Last().body, &doc))
	assert.Equal(t, "Unable to validate the following destination configurations", doc.Message)
	assert.Equal(t, []string{q1, "The destination queue does not exist", q2, "The destination queue does not exist"},
		[]string{doc.ArgumentName1, doc.ArgumentValue1, doc.ArgumentName2, doc.ArgumentValue2})
	assert.Empty(t, cloud.S3().Buckets()[0].Notification.QueueConfigurations)
}

func mapStrings(in []string, f func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}

// S3Event is the shape of aws-lambda-go's events.S3Event, for a handler.
type s3Event struct {
	Records []struct {
		EventVersion string `json:"eventVersion"`
		EventSource  string `json:"eventSource"`
		EventName    string `json:"eventName"`
		S3           struct {
			Bucket struct {
				Name string `json:"name"`
				Arn  string `json:"arn"`
			} `json:"bucket"`
			Object struct {
				Key  string `json:"key"`
				Size int64  `json:"size"`
				ETag string `json:"eTag"`
			} `json:"object"`
		} `json:"s3"`
	} `json:"Records"`
}

// A Lambda function runs with the S3 event when its policy lets
// s3.amazonaws.com invoke it for the bucket.
func TestNotifications_ObjectCreatedInvokesALambdaFunction(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	var mu sync.Mutex
	var got []s3Event
	require.NoError(t, cloud.Lambda().RegisterHandler("thumbnail", func(_ context.Context, ev s3Event) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, ev)
		return nil
	}))
	lc := lambdasdk.NewFromConfig(cloud.AWSConfig())
	fn, err := lc.CreateFunction(ctx, &lambdasdk.CreateFunctionInput{FunctionName: aws.String("thumbnail"),
		Role: aws.String("arn:aws:iam::000000000000:role/lambda"), Runtime: lambdatypes.RuntimeProvidedal2023,
		Handler: aws.String("thumbnail"), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")}})
	require.NoError(t, err)
	_, err = lc.AddPermission(ctx, &lambdasdk.AddPermissionInput{FunctionName: aws.String("thumbnail"), StatementId: aws.String("s3"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("s3.amazonaws.com"),
		SourceArn: aws.String("arn:aws:s3:::photos"), SourceAccount: aws.String("000000000000")})
	require.NoError(t, err)

	createBucket(t, c, "photos")
	_, err = c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("photos"),
		NotificationConfiguration: &types.NotificationConfiguration{LambdaFunctionConfigurations: []types.LambdaFunctionConfiguration{{
			LambdaFunctionArn: fn.FunctionArn, Events: []types.Event{"s3:ObjectCreated:*"}, Filter: filter("", ".jpg")}}}})
	require.NoError(t, err)
	putObject(t, c, "photos", "cat.jpg", "meow")
	putObject(t, c, "photos", "notes.txt", "skip")
	require.NoError(t, cloud.Settle(ctx))

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, got, 1)
	r := got[0].Records[0]
	assert.Equal(t, "2.1", r.EventVersion)
	assert.Equal(t, "aws:s3", r.EventSource)
	assert.Equal(t, "ObjectCreated:Put", r.EventName)
	assert.Equal(t, "photos", r.S3.Bucket.Name)
	assert.Equal(t, "arn:aws:s3:::photos", r.S3.Bucket.Arn)
	assert.Equal(t, "cat.jpg", r.S3.Object.Key)
	assert.Equal(t, int64(4), r.S3.Object.Size)
	assert.Equal(t, md5hex([]byte("meow")), r.S3.Object.ETag)
	assert.Empty(t, cloud.DeliveryFailures())
}

// The principal in an event record agrees with GetCallerIdentity: an
// object put with an assumed role's credentials names the role session.
func TestNotifications_UserIdentityIsTheCallersPrincipal(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	sq := sqs.NewFromConfig(cloud.AWSConfig())
	url, arn := queue(t, sq, "events")
	createBucket(t, c, "watched")
	_, err := c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("watched"),
		NotificationConfiguration: &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{
			{QueueArn: aws.String(arn), Events: []types.Event{"s3:ObjectCreated:*"}}}}})
	require.NoError(t, err)
	role, err := stssdk.NewFromConfig(cloud.AWSConfig()).AssumeRole(ctx, &stssdk.AssumeRoleInput{
		RoleArn: aws.String("arn:aws:iam::000000000000:role/uploader"), RoleSessionName: aws.String("job")})
	require.NoError(t, err)
	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(role.Credentials.AccessKeyId),
		aws.ToString(role.Credentials.SecretAccessKey), aws.ToString(role.Credentials.SessionToken))
	putObject(t, s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }), "watched", "k", "v")
	require.NoError(t, cloud.Settle(ctx))
	bodies := drain(t, sq, url)
	require.Len(t, bodies, 2) // the test event, then the put
	var doc struct {
		Records []struct {
			UserIdentity struct{ PrincipalID string } `json:"userIdentity"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(bodies[1]), &doc))
	require.Len(t, doc.Records, 1)
	assert.Equal(t, "AWS:"+aws.ToString(role.AssumedRoleUser.AssumedRoleId), doc.Records[0].UserIdentity.PrincipalID)
}

// S3 refuses FIFO destinations: a FIFO queue is InvalidArgument "FIFO SQS
// queues are not supported." ("Amazon SQS FIFO queues aren't supported as
// an Amazon S3 event notification destination", S3 User Guide), and a FIFO
// topic fails the destination test S3 publishes (no message group), so
// "Unable to validate the following destination configurations" names it.
// Nothing is stored.
func TestPutBucketNotificationConfiguration_FIFODestinationsAreRefused(t *testing.T) {
	ctx := context.Background()
	var rec answers
	cloud, c, _ := newS3(t, recording(&rec))
	cfg := cloud.AWSConfig()
	sq, sn := sqs.NewFromConfig(cfg), sns.NewFromConfig(cfg)
	createBucket(t, c, "uploads")
	q, err := sq.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("events.fifo"),
		Attributes: map[string]string{"FifoQueue": "true"}})
	require.NoError(t, err)
	a, err := sq.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: q.QueueUrl,
		AttributeNames: []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameQueueArn}})
	require.NoError(t, err)
	topic, err := sn.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("events.fifo"),
		Attributes: map[string]string{"FifoTopic": "true"}})
	require.NoError(t, err)

	for _, skip := range []bool{false, true} {
		_, err = c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("uploads"),
			SkipDestinationValidation: aws.Bool(skip),
			NotificationConfiguration: &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
				QueueArn: aws.String(a.Attributes["QueueArn"]), Events: []types.Event{"s3:ObjectCreated:*"}}}}})
		requireCode(t, err, "InvalidArgument", 400)
		assert.Equal(t, "FIFO SQS queues are not supported.", rec.Error(t).Message)
	}

	_, err = c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("uploads"),
		NotificationConfiguration: &types.NotificationConfiguration{TopicConfigurations: []types.TopicConfiguration{{
			TopicArn: topic.TopicArn, Events: []types.Event{"s3:ObjectCreated:*"}}}}})
	requireCode(t, err, "InvalidArgument", 400)
	assert.Equal(t, "Unable to validate the following destination configurations", rec.Error(t).Message)
	assert.Contains(t, string(rec.Last().body), "<ArgumentName1>"+aws.ToString(topic.TopicArn)+"</ArgumentName1>")
	n := cloud.S3().Buckets()[0].Notification
	assert.Empty(t, n.QueueConfigurations)
	assert.Empty(t, n.TopicConfigurations)
}

// A destination that is not an ARN is InvalidArgument "The ARN could not be
// parsed" naming the configuration kind and the value, with or without
// destination validation (recorded: s3 TestS3NotificationsToSQS::
// test_invalid_sqs_arn, TestS3NotificationsToLambda::test_invalid_lambda_arn).
func TestPutBucketNotificationConfiguration_UnparsableARN(t *testing.T) {
	ctx := context.Background()
	var rec answers
	_, c, _ := newS3(t, recording(&rec))
	createBucket(t, c, "uploads")
	for _, skip := range []bool{false, true} {
		for kind, conf := range map[string]*types.NotificationConfiguration{
			"Queue": {QueueConfigurations: []types.QueueConfiguration{{QueueArn: aws.String("invalid-queue"), Events: []types.Event{"s3:ObjectCreated:*"}}}},
			"CloudFunction": {LambdaFunctionConfigurations: []types.LambdaFunctionConfiguration{{LambdaFunctionArn: aws.String("invalid-queue"),
				Events: []types.Event{"s3:ObjectCreated:*"}}}},
		} {
			_, err := c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("uploads"),
				SkipDestinationValidation: aws.Bool(skip), NotificationConfiguration: conf})
			requireCode(t, err, "InvalidArgument", 400)
			assert.Equal(t, errorDoc{Code: "InvalidArgument", Message: "The ARN could not be parsed", ArgumentName: kind, ArgumentValue: "invalid-queue"}, rec.Error(t))
		}
	}
}

// Event records carry the key URL-encoded, as S3 documents ("The s3 key
// provided in the event notification is URL encoded"): form encoding, a
// space as "+", "/" kept, every other byte outside letters, digits and
// "-_.*" percent-encoded (recorded: s3 TestS3NotificationsToSQS::
// test_key_encoding, "a@b" as "a%40b"; ::test_notifications_with_filter,
// "testupload/dir1/testfile.txt" as is). Form decoding, what
// aws-lambda-go's URLDecodedKey does, gives the key back.
func TestNotifications_KeysAreURLEncodedInEventRecords(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	sq := sqs.NewFromConfig(cloud.AWSConfig())
	url, arn := queue(t, sq, "events")
	createBucket(t, c, "bkt")
	_, err := c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("bkt"),
		NotificationConfiguration: &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
			QueueArn: aws.String(arn), Events: []types.Event{"s3:ObjectCreated:*"}}}}})
	require.NoError(t, err)
	want := map[string]string{
		"a@b":                          "a%40b",
		"testupload/dir1/testfile.txt": "testupload/dir1/testfile.txt",
		"dir/sub dir/my file.txt":      "dir/sub+dir/my+file.txt",
		"a+b=c&d":                      "a%2Bb%3Dc%26d",
		"café/ü.txt":                   "caf%C3%A9/%C3%BC.txt",
		"x-y_z.*":                      "x-y_z.*",
	}
	for key := range want {
		putObject(t, c, "bkt", key, "v")
	}
	require.NoError(t, cloud.Settle(ctx))
	got := map[string]string{}
	for _, body := range drain(t, sq, url) {
		ev := eventKey(t, body)
		if ev == "s3:TestEvent" {
			continue
		}
		encoded := strings.TrimPrefix(ev, "ObjectCreated:Put ")
		key, err := neturl.QueryUnescape(encoded)
		require.NoError(t, err)
		got[key] = encoded
	}
	assert.Equal(t, want, got)
}
