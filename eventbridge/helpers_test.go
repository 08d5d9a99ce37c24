package eventbridge_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	awssched "github.com/aws/aws-sdk-go-v2/service/scheduler"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

var ctx = context.Background()

// t0 is a Monday at midnight UTC.
var t0 = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

type fixture struct {
	cloud *awsfake.Cloud
	clk   *clock.Fake
	eb    *awseb.Client
	sched *awssched.Client
	sqs   *awssqs.Client
}

func newFixture(t testing.TB) *fixture { return newFixtureAt(t, t0) }

func newFixtureAt(t testing.TB, start time.Time) *fixture {
	t.Helper()
	clk := clock.NewFake(start)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	cfg := cloud.AWSConfig()
	return &fixture{cloud: cloud, clk: clk, eb: awseb.NewFromConfig(cfg), sched: awssched.NewFromConfig(cfg), sqs: awssqs.NewFromConfig(cfg)}
}

// queue creates a queue and returns its URL and ARN.
func (f *fixture) queue(t testing.TB, name string, attrs map[string]string) (url, arn string) {
	t.Helper()
	out, err := f.sqs.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
	require.NoError(t, err)
	a, err := f.sqs.GetQueueAttributes(ctx, &awssqs.GetQueueAttributesInput{QueueUrl: out.QueueUrl, AttributeNames: []sqstypes.QueueAttributeName{"QueueArn"}})
	require.NoError(t, err)
	return *out.QueueUrl, a.Attributes["QueueArn"]
}

// bodies receives every message of a queue (up to 10 per call) and
// deletes them.
func (f *fixture) bodies(t testing.TB, url string) []string {
	t.Helper()
	require.NoError(t, f.cloud.Settle(ctx))
	var out []string
	for {
		r, err := f.sqs.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 10})
		require.NoError(t, err)
		if len(r.Messages) == 0 {
			return out
		}
		for _, m := range r.Messages {
			out = append(out, *m.Body)
			_, err := f.sqs.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: &url, ReceiptHandle: m.ReceiptHandle})
			require.NoError(t, err)
		}
	}
}

// ruleToQueue puts a rule with pattern on the default bus targeting the
// queue.
func (f *fixture) ruleToQueue(t testing.TB, name, pattern, queueARN string, target ebtypes.Target) {
	t.Helper()
	_, err := f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: &name, EventPattern: &pattern})
	require.NoError(t, err)
	if target.Id == nil {
		target.Id = aws.String("t1")
	}
	target.Arn = &queueARN
	_, err = f.eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: &name, Targets: []ebtypes.Target{target}})
	require.NoError(t, err)
}

func (f *fixture) put(t testing.TB, source, detailType, detail string) *awseb.PutEventsOutput {
	t.Helper()
	out, err := f.eb.PutEvents(ctx, &awseb.PutEventsInput{Entries: []ebtypes.PutEventsRequestEntry{
		{Source: &source, DetailType: &detailType, Detail: &detail}}})
	require.NoError(t, err)
	return out
}

// advance moves the clock by d and settles what it made due.
func (f *fixture) advance(t testing.TB, d time.Duration) {
	t.Helper()
	f.clk.Advance(d)
	require.NoError(t, f.cloud.Settle(ctx))
}

func decode(t testing.TB, s string) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(s), &m), s)
	return m
}
