package logs_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Retention deletes old events and keeps fresh ones, on the cloud's
// clock: an event is visible until exactly its timestamp plus the
// retention, gone a millisecond later, and the group's sweep frees it.
func TestRetention_DeletesOldEventsKeepsFresh(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "s")
	_, err := f.client.PutRetentionPolicy(ctx, &sdk.PutRetentionPolicyInput{LogGroupName: aws.String("g"), RetentionInDays: aws.Int32(1)})
	require.NoError(t, err)
	f.put(t, "g", "s", ev{0, "old"})
	f.advance(t, 12*time.Hour)
	f.put(t, "g", "s", ev{0, "fresh"})
	visible := func() []string {
		out, err := f.client.FilterLogEvents(ctx, &sdk.FilterLogEventsInput{LogGroupName: aws.String("g")})
		require.NoError(t, err)
		return messages(out.Events)
	}
	stored := func() int64 {
		out, err := f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{})
		require.NoError(t, err)
		return aws.ToInt64(out.LogGroups[0].StoredBytes)
	}
	f.advance(t, 12*time.Hour-time.Millisecond) // just before t0 + 1 day
	assert.Equal(t, []string{"old", "fresh"}, visible())
	f.advance(t, time.Millisecond) // exactly t0 + 1 day
	assert.Equal(t, []string{"old", "fresh"}, visible())
	assert.Equal(t, int64(len("old")+len("fresh")), stored())
	f.advance(t, time.Millisecond) // just after: old is gone, and swept
	assert.Equal(t, []string{"fresh"}, visible())
	assert.Equal(t, int64(len("fresh")), stored())
	got, err := f.client.GetLogEvents(ctx, &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"), StartFromHead: aws.Bool(true)})
	require.NoError(t, err)
	assert.Equal(t, []string{"fresh"}, outMessages(got.Events))

	f.advance(t, 12*time.Hour)
	assert.Empty(t, visible())
	assert.Equal(t, int64(0), stored())
}

// Shortening the retention hides older events at once, before any sweep
// has run; removing it keeps events forever.
func TestRetention_ShorteningHidesAtOnce(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "s")
	f.put(t, "g", "s", ev{0, "day 0"})
	f.advance(t, 2*24*time.Hour)
	f.put(t, "g", "s", ev{0, "day 2"})
	_, err := f.client.PutRetentionPolicy(ctx, &sdk.PutRetentionPolicyInput{LogGroupName: aws.String("g"), RetentionInDays: aws.Int32(1)})
	require.NoError(t, err)
	assert.Equal(t, []string{"day 2"}, eventsOf(f.cloud.Logs().Events("g")))
	_, err = f.client.DeleteRetentionPolicy(ctx, &sdk.DeleteRetentionPolicyInput{LogGroupName: aws.String("g")})
	require.NoError(t, err)
	f.advance(t, 30*24*time.Hour)
	assert.Contains(t, eventsOf(f.cloud.Logs().Events("g")), "day 2")
}
