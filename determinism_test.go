package awsfake_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httputil"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	s3sdk "github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	snssdk "github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	sqssdk "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

func signedBy(accessKey, service string) string {
	return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20300101/us-east-1/" + service +
		"/aws4_request, SignedHeaders=host;x-amz-date, Signature=00"
}

var accessKeyID = regexp.MustCompile(`<AccessKeyId>([^<]+)</AccessKeyId>`)

// scenario runs a fixed sequence of raw requests against a fresh cloud and
// returns every response as raw HTTP bytes.
func scenario(t *testing.T, seed uint64) []byte {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithSeed(seed))
	client := cloud.HTTPClient()
	var out bytes.Buffer
	do := func(method, path, auth, contentType, body string) string {
		req, err := http.NewRequest(method, awsfake.DefaultURL+path, strings.NewReader(body))
		require.NoError(t, err)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		resp, err := client.Do(req)
		require.NoError(t, err)
		dump, err := httputil.DumpResponse(resp, true)
		require.NoError(t, err)
		out.Write(dump)
		return string(dump)
	}
	const form = "application/x-www-form-urlencoded"
	root := signedBy(awsfake.TestAccessKeyID, "sts")
	do("POST", "/", root, form, "Action=GetCallerIdentity&Version=2011-06-15")
	role := do("POST", "/", root, form, "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2Fr&RoleSessionName=run&DurationSeconds=900")
	do("POST", "/", root, form, "Action=GetSessionToken&Version=2011-06-15")
	clk.Advance(10 * time.Minute)
	m := accessKeyID.FindStringSubmatch(role)
	require.Len(t, m, 2, role)
	do("POST", "/", signedBy(m[1], "sts"), form, "Action=GetCallerIdentity&Version=2011-06-15")
	do("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", "", "", "")
	do("POST", "/", root, form, "Action=NoSuchAction&Version=2011-06-15")
	do("POST", "/", signedBy(awsfake.TestAccessKeyID, "dynamodb"), "application/x-amz-json-1.0", "{}")
	clk.Advance(5 * time.Minute) // the role's credentials expire
	do("POST", "/", signedBy(m[1], "sts"), form, "Action=GetCallerIdentity&Version=2011-06-15")
	return out.Bytes()
}

func TestDeterminism_SameSeedAndClockGiveByteIdenticalResponses(t *testing.T) {
	a, b := scenario(t, 42), scenario(t, 42)
	assert.Equal(t, string(a), string(b))
	assert.Contains(t, string(a), "ExpiredToken", "the scenario ran to its end")
	assert.NotEqual(t, string(a), string(scenario(t, 43)), "the seed drives the ids")
}

// recorder is an aws.HTTPClient that keeps the raw bytes of every response
// it passes on, headers and body.
type recorder struct {
	inner *http.Client
	out   *bytes.Buffer
}

func (r recorder) Do(req *http.Request) (*http.Response, error) {
	resp, err := r.inner.Do(req)
	if err != nil {
		return nil, err
	}
	dump, err := httputil.DumpResponse(resp, true)
	if err != nil {
		return nil, err
	}
	r.out.Write(dump)
	return resp, nil
}

// recordedCloud is a cloud on a fake clock and seed whose SDK clients'
// responses are all recorded in out.
func recordedCloud(t *testing.T, seed uint64) (*awsfake.Cloud, *clock.Fake, aws.Config, *bytes.Buffer) {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithSeed(seed))
	out := &bytes.Buffer{}
	cfg := cloud.AWSConfig()
	cfg.HTTPClient = recorder{inner: cloud.HTTPClient(), out: out}
	return cloud, clk, cfg, out
}

func settle(t *testing.T, cloud *awsfake.Cloud) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(t, cloud.Settle(ctx))
}

// receiveAll receives, with every attribute, from each queue in turn.
func receiveAll(t *testing.T, client *sqssdk.Client, urls ...string) {
	for _, u := range urls {
		for {
			got, err := client.ReceiveMessage(context.Background(), &sqssdk.ReceiveMessageInput{QueueUrl: aws.String(u),
				MaxNumberOfMessages: 10, MessageSystemAttributeNames: []sqstypes.MessageSystemAttributeName{"All"},
				MessageAttributeNames: []string{"All"}})
			require.NoError(t, err)
			if len(got.Messages) == 0 {
				break
			}
		}
	}
}

// fanOutScenario publishes to a topic with four raw SQS subscriptions and
// one with the SNS envelope, then receives from each queue. The deliveries
// run on bus workers, concurrently, in an order the scheduler picks.
func fanOutScenario(t *testing.T, seed uint64) string {
	cloud, clk, cfg, out := recordedCloud(t, seed)
	ctx := context.Background()
	topics, queues := snssdk.NewFromConfig(cfg), sqssdk.NewFromConfig(cfg)
	topic, err := topics.CreateTopic(ctx, &snssdk.CreateTopicInput{Name: aws.String("fan")})
	require.NoError(t, err)
	var urls []string
	for i, raw := range []bool{true, true, true, true, false} {
		name := fmt.Sprint("q", i)
		q, err := queues.CreateQueue(ctx, &sqssdk.CreateQueueInput{QueueName: aws.String(name)})
		require.NoError(t, err)
		urls = append(urls, aws.ToString(q.QueueUrl))
		_, err = topics.Subscribe(ctx, &snssdk.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
			Endpoint:   aws.String("arn:aws:sqs:us-east-1:000000000000:" + name),
			Attributes: map[string]string{"RawMessageDelivery": fmt.Sprint(raw)}})
		require.NoError(t, err)
	}
	for i := range 5 {
		_, err := topics.Publish(ctx, &snssdk.PublishInput{TopicArn: topic.TopicArn, Message: aws.String(fmt.Sprint("event ", i)),
			MessageAttributes: map[string]snstypes.MessageAttributeValue{"n": {DataType: aws.String("Number"), StringValue: aws.String(fmt.Sprint(i))}}})
		require.NoError(t, err)
	}
	settle(t, cloud)
	clk.Advance(time.Second)
	receiveAll(t, queues, urls...)
	return out.String()
}

// s3Scenario sends S3 ObjectCreated notifications to a queue and receives
// them.
func s3Scenario(t *testing.T, seed uint64) string {
	cloud, clk, cfg, out := recordedCloud(t, seed)
	ctx := context.Background()
	buckets, queues := s3sdk.NewFromConfig(cfg), sqssdk.NewFromConfig(cfg)
	q, err := queues.CreateQueue(ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("uploads")})
	require.NoError(t, err)
	_, err = buckets.CreateBucket(ctx, &s3sdk.CreateBucketInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	_, err = buckets.PutBucketNotificationConfiguration(ctx, &s3sdk.PutBucketNotificationConfigurationInput{Bucket: aws.String("bkt"),
		NotificationConfiguration: &s3types.NotificationConfiguration{QueueConfigurations: []s3types.QueueConfiguration{{
			QueueArn: aws.String("arn:aws:sqs:us-east-1:000000000000:uploads"), Events: []s3types.Event{"s3:ObjectCreated:*"}}}}})
	require.NoError(t, err)
	for i := range 4 {
		clk.Advance(time.Second)
		_, err := buckets.PutObject(ctx, &s3sdk.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String(fmt.Sprint("k", i)),
			Body: strings.NewReader(fmt.Sprint("body ", i))})
		require.NoError(t, err)
		settle(t, cloud) // the notification is sent (SentTimestamp) before the clock moves on
	}
	receiveAll(t, queues, aws.ToString(q.QueueUrl))
	return out.String()
}

// With the same seed and fake clock, work that crosses services on
// concurrent bus workers gives byte-identical responses: each queue draws
// its ids from a stream of its own, so the order in which the workers run
// does not matter.
func TestDeterminism_CrossServiceScenariosAreByteIdentical(t *testing.T) {
	for _, tc := range []struct {
		name     string
		scenario func(*testing.T, uint64) string
		want     []string
	}{
		{"SNS fan-out to SQS", fanOutScenario, []string{`"Body":"event 4"`, `\"Message\" : \"event 4\"`}},
		{"S3 notifications to SQS", s3Scenario, []string{`ObjectCreated:Put`, `\"key\":\"k3\"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first := tc.scenario(t, 42)
			for _, w := range tc.want {
				require.Contains(t, first, w, "the scenario ran to its end")
			}
			for range 10 {
				if again := tc.scenario(t, 42); again != first {
					require.Equal(t, first, again)
				}
			}
			assert.NotEqual(t, first, tc.scenario(t, 43), "the seed drives the ids")
		})
	}
}
