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

func (f *fixture) scheduledRule(t *testing.T, name, expr, queueARN string) {
	t.Helper()
	_, err := f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: &name, ScheduleExpression: &expr})
	require.NoError(t, err)
	_, err = f.eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: &name, Targets: []ebtypes.Target{{Id: aws.String("q"), Arn: &queueARN}}})
	require.NoError(t, err)
}

// cron(0 12 ? * MON-FRI *) fires exactly five times across a week, each
// at noon UTC with the scheduled event AWS sends.
func TestScheduledRule_CronFiresOnWeekdaysOnly(t *testing.T) {
	f := newFixture(t) // Monday 00:00 UTC
	url, arn := f.queue(t, "q", nil)
	f.scheduledRule(t, "weekdays", "cron(0 12 ? * MON-FRI *)", arn)
	var times []string
	for range 7 * 24 {
		f.advance(t, time.Hour)
		for _, b := range f.bodies(t, url) {
			ev := decode(t, b)
			assert.Equal(t, "Scheduled Event", ev["detail-type"])
			assert.Equal(t, "aws.events", ev["source"])
			assert.Equal(t, []any{"arn:aws:events:us-east-1:000000000000:rule/weekdays"}, ev["resources"])
			assert.Equal(t, map[string]any{}, ev["detail"])
			times = append(times, ev["time"].(string))
		}
	}
	assert.Equal(t, []string{"2026-11-30T12:00:00Z", "2026-12-01T12:00:00Z", "2026-12-02T12:00:00Z", "2026-12-03T12:00:00Z", "2026-12-04T12:00:00Z"}, times)
}

// rate(5 minutes) fires twelve times in an hour, counted from PutRule: not
// a nanosecond before each boundary, exactly at it.
func TestScheduledRule_RateFiresTwelveTimesAnHour(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.scheduledRule(t, "every5", "rate(5 minutes)", arn)
	f.advance(t, 5*time.Minute-time.Nanosecond)
	assert.Empty(t, f.bodies(t, url), "just before the boundary")
	f.advance(t, time.Nanosecond)
	assert.Len(t, f.bodies(t, url), 1, "at the boundary")
	f.advance(t, time.Nanosecond)
	assert.Empty(t, f.bodies(t, url), "just after")
	f.advance(t, 55*time.Minute-time.Nanosecond)
	assert.Len(t, f.bodies(t, url), 11, "the rest of the hour")
}

// A disabled rule fires no more; enabled again, it resumes.
func TestScheduledRule_DisableStopsIt(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.scheduledRule(t, "m", "rate(1 minute)", arn)
	_, err := f.eb.DisableRule(ctx, &awseb.DisableRuleInput{Name: aws.String("m")})
	require.NoError(t, err)
	f.advance(t, 10*time.Minute)
	assert.Empty(t, f.bodies(t, url))
	_, err = f.eb.EnableRule(ctx, &awseb.EnableRuleInput{Name: aws.String("m")})
	require.NoError(t, err)
	f.advance(t, time.Minute)
	assert.Len(t, f.bodies(t, url), 1)
}

// Invalid schedule expressions are ValidationException "Parameter
// ScheduleExpression is not valid." (recorded: TestScheduleCron::
// tests_put_rule_with_invalid_schedule_cron), and a schedule is refused on
// a custom bus.
func TestPutRule_InvalidSchedules(t *testing.T) {
	f := newFixture(t)
	for _, expr := range []string{"cron(INVALID)", "cron(0 dummy ? * MON-FRI *)", "cron(7 20 * * NOT *)", "cron(71 8 1 * ? *)", "cron(0 1 * * * *)", "rate(10 seconds)"} {
		_, err := f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("r"), ScheduleExpression: aws.String(expr)})
		e := awsfake.CheckCode(t, err, "ValidationException")
		assert.Equal(t, "Parameter ScheduleExpression is not valid.", e.ErrorMessage(), expr)
	}
	_, err := f.eb.CreateEventBus(ctx, &awseb.CreateEventBusInput{Name: aws.String("custom")})
	require.NoError(t, err)
	_, err = f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("r"), EventBusName: aws.String("custom"), ScheduleExpression: aws.String("rate(1 minute)")})
	awsfake.CheckCode(t, err, "ValidationException")
}
