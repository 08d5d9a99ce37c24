package cloudwatch_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// t0 is the fixtures' start: a minute boundary.
var t0 = time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)

type fixture struct {
	cloud  *awsfake.Cloud
	clk    *clock.Fake
	client *awscw.Client
	ctx    context.Context
}

func newFixture(t *testing.T) *fixture {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	return &fixture{cloud: cloud, clk: clk, client: awscw.NewFromConfig(cloud.AWSConfig()), ctx: context.Background()}
}

// put sends one value of metric m (namespace app) at ts.
func (f *fixture) put(t *testing.T, m string, v float64, ts time.Time, dims ...types.Dimension) {
	t.Helper()
	_, err := f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"),
		MetricData: []types.MetricDatum{{MetricName: aws.String(m), Value: aws.Float64(v), Timestamp: aws.Time(ts), Dimensions: dims}}})
	require.NoError(t, err)
}

// state returns an alarm's state and reason.
func (f *fixture) state(t *testing.T, name string) (types.StateValue, string) {
	t.Helper()
	out, err := f.client.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{AlarmNames: []string{name}})
	require.NoError(t, err)
	require.Len(t, out.MetricAlarms, 1)
	return out.MetricAlarms[0].StateValue, aws.ToString(out.MetricAlarms[0].StateReason)
}

// advance moves the clock by d and waits for what it caused.
func (f *fixture) advance(t *testing.T, d time.Duration) {
	t.Helper()
	f.clk.Advance(d)
	require.NoError(t, f.cloud.Settle(f.ctx))
}
