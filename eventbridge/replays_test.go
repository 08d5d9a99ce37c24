package eventbridge_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// An archive keeps the bus's matching events; a replay of a time range
// sends them again to the bus's rules on the clock, each with
// "replay-name"; a replay's end in the future is refused (recorded:
// TestReplay::test_start_replay_error_invalid_end_time).
func TestArchiveAndReplay(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.ruleToQueue(t, "r", `{"source":["a"]}`, arn, ebtypes.Target{})
	bus, err := f.eb.DescribeEventBus(ctx, &awseb.DescribeEventBusInput{})
	require.NoError(t, err)
	arc, err := f.eb.CreateArchive(ctx, &awseb.CreateArchiveInput{ArchiveName: aws.String("arc"), EventSourceArn: bus.Arn,
		EventPattern: aws.String(`{"detail":{"keep":[true]}}`)})
	require.NoError(t, err)
	f.put(t, "a", "t", `{"keep":true,"n":1}`)
	f.advance(t, time.Minute)
	f.put(t, "a", "t", `{"keep":false,"n":2}`)
	f.advance(t, time.Minute)
	f.put(t, "a", "t", `{"keep":true,"n":3}`)
	require.Len(t, f.bodies(t, url), 3)
	d, err := f.eb.DescribeArchive(ctx, &awseb.DescribeArchiveInput{ArchiveName: aws.String("arc")})
	require.NoError(t, err)
	assert.Equal(t, int64(2), d.EventCount)

	f.advance(t, time.Hour)
	_, err = f.eb.StartReplay(ctx, &awseb.StartReplayInput{ReplayName: aws.String("rp"), EventSourceArn: arc.ArchiveArn,
		EventStartTime: aws.Time(t0), EventEndTime: aws.Time(t0.Add(90 * time.Second)), Destination: &ebtypes.ReplayDestination{Arn: bus.Arn}})
	require.NoError(t, err)
	rp, err := f.eb.DescribeReplay(ctx, &awseb.DescribeReplayInput{ReplayName: aws.String("rp")})
	require.NoError(t, err)
	assert.Equal(t, ebtypes.ReplayStateStarting, rp.State, "not before the scheduler runs it")
	f.advance(t, 0)
	got := f.bodies(t, url)
	require.Len(t, got, 1, "only the archived event in the range")
	ev := decode(t, got[0])
	assert.Equal(t, "rp", ev["replay-name"])
	assert.Equal(t, float64(1), ev["detail"].(map[string]any)["n"])
	rp, err = f.eb.DescribeReplay(ctx, &awseb.DescribeReplayInput{ReplayName: aws.String("rp")})
	require.NoError(t, err)
	assert.Equal(t, ebtypes.ReplayStateCompleted, rp.State)
	_, err = f.eb.CancelReplay(ctx, &awseb.CancelReplayInput{ReplayName: aws.String("rp")})
	awsfake.CheckCode(t, err, "IllegalStatusException")
	_, err = f.eb.StartReplay(ctx, &awseb.StartReplayInput{ReplayName: aws.String("future"), EventSourceArn: arc.ArchiveArn,
		EventStartTime: aws.Time(t0), EventEndTime: aws.Time(t0.Add(48 * time.Hour)), Destination: &ebtypes.ReplayDestination{Arn: bus.Arn}})
	awsfake.CheckCode(t, err, "ValidationException")
	_, err = f.eb.StartReplay(ctx, &awseb.StartReplayInput{ReplayName: aws.String("x"), EventSourceArn: aws.String("arn:aws:events:us-east-1:000000000000:archive/none"),
		EventStartTime: aws.Time(t0), EventEndTime: aws.Time(t0.Add(time.Minute)), Destination: &ebtypes.ReplayDestination{Arn: bus.Arn}})
	e := awsfake.CheckCode(t, err, "ValidationException") // recorded: TestReplay::test_start_replay_error_unknown_archive
	assert.Equal(t, "Parameter EventSourceArn is not valid. Reason: Archive none does not exist.", e.ErrorMessage())
}
