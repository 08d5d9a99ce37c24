package eventbridge_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	awssched "github.com/aws/aws-sdk-go-v2/service/scheduler"
	schedtypes "github.com/aws/aws-sdk-go-v2/service/scheduler/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// Close cancels every armed rule, schedule and retry and leaves no
// goroutine; the clock moving on afterwards runs nothing.
func TestClose_DisarmsAndLeavesNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	cfg := cloud.AWSConfig()
	eb, sch := awseb.NewFromConfig(cfg), awssched.NewFromConfig(cfg)
	missing := "arn:aws:sqs:us-east-1:000000000000:missing"
	_, err := eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("r"), ScheduleExpression: aws.String("rate(1 minute)")})
	require.NoError(t, err)
	_, err = eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: aws.String("r"), Targets: []ebtypes.Target{{Id: aws.String("q"), Arn: &missing}}})
	require.NoError(t, err)
	_, err = sch.CreateSchedule(ctx, &awssched.CreateScheduleInput{Name: aws.String("s"), ScheduleExpression: aws.String("rate(1 minute)"),
		FlexibleTimeWindow: &schedtypes.FlexibleTimeWindow{Mode: schedtypes.FlexibleTimeWindowModeOff},
		Target:             &schedtypes.Target{Arn: &missing, RoleArn: aws.String(role)}})
	require.NoError(t, err)
	clk.Advance(3 * time.Minute)
	require.NoError(t, cloud.Settle(ctx))
	require.NoError(t, cloud.Close())
	clk.Advance(time.Hour)
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "goroutines left after Close")
}
