package s3_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/ids"
	s3fake "github.com/awsfake/awsfake/s3"
)

// rig is an S3 service on a bus of its own whose SQS, SNS and Lambda
// endpoints record what they are sent, and an SDK client for it.
type rig struct {
	s   *s3fake.Service
	c   *s3.Client
	clk *clock.Fake
	bus *bus.Bus

	mu      sync.Mutex
	got     []delivery
	refused map[string]bool
}

type delivery struct {
	target string
	m      bus.Message
}

// handlerTransport serves requests with an http.Handler in memory.
type handlerTransport struct{ h http.Handler }

func (ht handlerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	sr := req.Clone(req.Context())
	if sr.Host == "" {
		sr.Host = req.URL.Host
	}
	sr.RequestURI = req.URL.RequestURI()
	sr.RemoteAddr = "192.0.2.7:4321"
	if sr.Body == nil {
		sr.Body = http.NoBody
	}
	rec := httptest.NewRecorder()
	ht.h.ServeHTTP(rec, sr)
	resp := rec.Result()
	resp.Request = req
	return resp, nil
}

func newRig(t *testing.T) *rig {
	clk := clock.NewFake(t0)
	b := bus.New(clk)
	t.Cleanup(b.Close)
	env := &cloudenv.Env{Clock: clk, Bus: b, IDs: ids.New(1), Region: "us-east-1", AccountID: "123456789012",
		URL: "http://awsfake.localhost", Host: "awsfake.localhost"}
	r := &rig{s: s3fake.New(env), clk: clk, bus: b, refused: map[string]bool{}}
	for _, svc := range []string{"sqs", "sns", "lambda"} {
		b.Register(svc, r.receive)
	}
	r.c = s3.NewFromConfig(aws.Config{
		Region: "us-east-1", BaseEndpoint: aws.String(env.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDRIG", "secret", ""),
		HTTPClient:  &http.Client{Transport: handlerTransport{r.s}},
	})
	return r
}

func (r *rig) receive(_ context.Context, target string, m bus.Message) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.refused[target] {
		return nil, errors.New("refused")
	}
	r.got = append(r.got, delivery{target, m})
	return []byte("id"), nil
}

// deliveries waits for the bus to settle and returns what arrived.
func (r *rig) deliveries(t *testing.T) []delivery {
	t.Helper()
	require.NoError(t, r.bus.Settle(context.Background()))
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.got
	r.got = nil
	return out
}

const (
	queueARN = "arn:aws:sqs:us-east-1:123456789012:events"
	topicARN = "arn:aws:sns:us-east-1:123456789012:events"
	funcARN  = "arn:aws:lambda:us-east-1:123456789012:function:handler"
)

func (r *rig) configure(t *testing.T, cfg *types.NotificationConfiguration) error {
	t.Helper()
	_, err := r.c.PutBucketNotificationConfiguration(context.Background(), &s3.PutBucketNotificationConfigurationInput{
		Bucket: aws.String("bkt"), NotificationConfiguration: cfg})
	return err
}

func filter(prefix, suffix string) *types.NotificationConfigurationFilter {
	var rules []types.FilterRule
	if prefix != "" {
		rules = append(rules, types.FilterRule{Name: types.FilterRuleNamePrefix, Value: aws.String(prefix)})
	}
	if suffix != "" {
		rules = append(rules, types.FilterRule{Name: types.FilterRuleNameSuffix, Value: aws.String(suffix)})
	}
	return &types.NotificationConfigurationFilter{Key: &types.S3KeyFilter{FilterRules: rules}}
}

func TestPutBucketNotificationConfiguration_SendsTestEventToQueuesAndTopics(t *testing.T) {
	r := newRig(t)
	createBucket(t, r.c, "bkt")
	r.clk.Advance(1234 * 1e6)
	require.NoError(t, r.configure(t, &types.NotificationConfiguration{
		QueueConfigurations: []types.QueueConfiguration{{QueueArn: aws.String(queueARN), Events: []types.Event{"s3:ObjectCreated:*"}}},
		TopicConfigurations: []types.TopicConfiguration{{Id: aws.String("mine"), TopicArn: aws.String(topicARN), Events: []types.Event{"s3:ObjectRemoved:*"}}},
		LambdaFunctionConfigurations: []types.LambdaFunctionConfiguration{{LambdaFunctionArn: aws.String(funcARN),
			Events: []types.Event{"s3:ObjectTagging:*"}}},
	}))
	got := r.deliveries(t)
	require.Len(t, got, 2, "S3 tests queues and topics; a function is not invoked")
	assert.Equal(t, queueARN, got[0].target)
	assert.Equal(t, topicARN, got[1].target)
	var ev map[string]string
	require.NoError(t, json.Unmarshal(got[0].m.Body, &ev))
	assert.Equal(t, "Amazon S3", ev["Service"])
	assert.Equal(t, "s3:TestEvent", ev["Event"])
	assert.Equal(t, "2030-01-01T00:00:01.234Z", ev["Time"])
	assert.Equal(t, "bkt", ev["Bucket"])
	assert.NotEmpty(t, ev["RequestId"])
	assert.True(t, strings.HasPrefix(string(got[0].m.Body), `{"Service":"Amazon S3","Event":"s3:TestEvent","Time":`), "AWS's field order")
	assert.Equal(t, "Amazon S3 Notification", got[1].m.Meta[bus.MetaSubject])

	out, err := r.c.GetBucketNotificationConfiguration(context.Background(), &s3.GetBucketNotificationConfigurationInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	require.Len(t, out.QueueConfigurations, 1)
	assert.NotEmpty(t, aws.ToString(out.QueueConfigurations[0].Id), "S3 assigns an id when none is given")
	assert.Equal(t, "mine", aws.ToString(out.TopicConfigurations[0].Id))
	assert.Equal(t, funcARN, aws.ToString(out.LambdaFunctionConfigurations[0].LambdaFunctionArn))
}

func TestPutBucketNotificationConfiguration_UnreachableDestinationFailsAtomically(t *testing.T) {
	r := newRig(t)
	createBucket(t, r.c, "bkt")
	first := &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
		Id: aws.String("first"), QueueArn: aws.String(queueARN), Events: []types.Event{"s3:ObjectCreated:*"}}}}
	require.NoError(t, r.configure(t, first))
	r.refused[topicARN] = true
	err := r.configure(t, &types.NotificationConfiguration{TopicConfigurations: []types.TopicConfiguration{{
		TopicArn: aws.String(topicARN), Events: []types.Event{"s3:ObjectCreated:*"}}}})
	requireCode(t, err, "InvalidArgument", 400)
	assert.ErrorContains(t, err, "Unable to validate the following destination configurations")
	out, err := r.c.GetBucketNotificationConfiguration(context.Background(), &s3.GetBucketNotificationConfigurationInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	require.Len(t, out.QueueConfigurations, 1, "the earlier configuration stays")
	assert.Empty(t, out.TopicConfigurations)

	_, err = r.c.PutBucketNotificationConfiguration(context.Background(), &s3.PutBucketNotificationConfigurationInput{
		Bucket: aws.String("bkt"), SkipDestinationValidation: aws.Bool(true),
		NotificationConfiguration: &types.NotificationConfiguration{TopicConfigurations: []types.TopicConfiguration{{
			TopicArn: aws.String(topicARN), Events: []types.Event{"s3:ObjectCreated:*"}}}}})
	require.NoError(t, err, "x-amz-skip-destination-validation skips the test event")
}

func TestPutBucketNotificationConfiguration_InvalidConfigurationsAreRefused(t *testing.T) {
	r := newRig(t)
	createBucket(t, r.c, "bkt")
	q := func(events []types.Event, f *types.NotificationConfigurationFilter) types.QueueConfiguration {
		return types.QueueConfiguration{QueueArn: aws.String(queueARN), Events: events, Filter: f}
	}
	created := []types.Event{"s3:ObjectCreated:*"}
	two := func(a, b types.QueueConfiguration) *types.NotificationConfiguration {
		return &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{a, b}}
	}
	for name, cfg := range map[string]*types.NotificationConfiguration{
		"queue ARN that is a topic": {QueueConfigurations: []types.QueueConfiguration{{QueueArn: aws.String(topicARN), Events: created}}},
		"not an ARN":                {TopicConfigurations: []types.TopicConfiguration{{TopicArn: aws.String("events"), Events: created}}},
		"unknown event":             {QueueConfigurations: []types.QueueConfiguration{q([]types.Event{"s3:ObjectCreated:Touch"}, nil)}},
		"two prefix rules": {QueueConfigurations: []types.QueueConfiguration{q(created, &types.NotificationConfigurationFilter{Key: &types.S3KeyFilter{
			FilterRules: []types.FilterRule{{Name: "prefix", Value: aws.String("a")}, {Name: "prefix", Value: aws.String("b")}}}})}},
		"bad rule name": {QueueConfigurations: []types.QueueConfiguration{q(created, &types.NotificationConfigurationFilter{Key: &types.S3KeyFilter{
			FilterRules: []types.FilterRule{{Name: "infix", Value: aws.String("a")}}}})}},
		"overlapping wildcard and put":          two(q(created, nil), q([]types.Event{"s3:ObjectCreated:Put"}, nil)),
		"overlapping prefixes":                  two(q(created, filter("img/", "")), q(created, filter("img/cats/", ""))),
		"overlapping prefix and suffix filters": two(q(created, filter("img/", "")), q(created, filter("", ".jpg"))),
	} {
		t.Run(name, func(t *testing.T) {
			requireCode(t, r.configure(t, cfg), "InvalidArgument", 400)
		})
	}
	require.NoError(t, r.configure(t, two(q(created, filter("img/", "")), q(created, filter("doc/", "")))), "disjoint prefixes do not overlap")
	require.NoError(t, r.configure(t, two(q(created, filter("", ".jpg")), q(created, filter("", ".png")))), "disjoint suffixes do not overlap")
	require.NoError(t, r.configure(t, two(q(created, nil), q([]types.Event{"s3:ObjectRemoved:*"}, nil))), "different event types do not overlap")
}
