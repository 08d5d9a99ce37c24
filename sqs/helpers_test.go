package sqs_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// t0 is where every fake clock of these tests starts.
var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

var ctx = context.Background()

// fixture is a cloud on a fake clock with an SDK client.
type fixture struct {
	cloud  *awsfake.Cloud
	clk    *clock.Fake
	client *awssqs.Client
}

func newFixture(t testing.TB, opts ...awsfake.Option) *fixture {
	t.Helper()
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, append([]awsfake.Option{awsfake.WithClock(clk)}, opts...)...)
	return &fixture{cloud: cloud, clk: clk, client: awssqs.NewFromConfig(cloud.AWSConfig())}
}

// createQueue creates a queue through the SDK and returns its URL.
func (f *fixture) createQueue(t testing.TB, name string, attrs map[string]string) string {
	t.Helper()
	out, err := f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
	require.NoError(t, err)
	return aws.ToString(out.QueueUrl)
}

// requireCode asserts that err is an AWS API error with the given code.
func requireCode(t testing.TB, err error, code string) smithy.APIError {
	t.Helper()
	return awsfake.CheckCode(t, err, code)
}

// advance moves the clock by d and waits for the work it made due on the
// cloud's scheduler (notifiers called when a delay or visibility timeout
// ends), as a test of scheduled work does.
func (f *fixture) advance(t testing.TB, d time.Duration) {
	t.Helper()
	f.clk.Advance(d)
	require.NoError(t, f.cloud.Settle(ctx))
}
