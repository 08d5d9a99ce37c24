package eventbridge_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssched "github.com/aws/aws-sdk-go-v2/service/scheduler"
	schedtypes "github.com/aws/aws-sdk-go-v2/service/scheduler/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

const role = "arn:aws:iam::000000000000:role/scheduler"

func (f *fixture) schedule(t *testing.T, name, expr, tz, queueARN string, opts ...func(*awssched.CreateScheduleInput)) {
	t.Helper()
	in := &awssched.CreateScheduleInput{Name: &name, ScheduleExpression: &expr, FlexibleTimeWindow: &schedtypes.FlexibleTimeWindow{Mode: schedtypes.FlexibleTimeWindowModeOff},
		Target: &schedtypes.Target{Arn: &queueARN, RoleArn: aws.String(role), Input: aws.String(`{"at":"<aws.scheduler.scheduled-time>"}`)}}
	if tz != "" {
		in.ScheduleExpressionTimezone = &tz
	}
	for _, o := range opts {
		o(in)
	}
	_, err := f.sched.CreateSchedule(ctx, in)
	require.NoError(t, err)
}

// A one-time schedule in Europe/Paris on the day summer time starts
// (29 March 2026, 02:00 CET becomes 03:00 CEST) fires once, at 10:00
// CEST = 08:00 UTC, and with ActionAfterCompletion DELETE is gone after.
func TestScheduler_OneTimeScheduleInParisOnTheDSTDay(t *testing.T) {
	f := newFixtureAt(t, time.Date(2026, 3, 29, 0, 0, 0, 0, time.UTC))
	url, arn := f.queue(t, "q", nil)
	f.schedule(t, "once", "at(2026-03-29T10:00:00)", "Europe/Paris", arn, func(in *awssched.CreateScheduleInput) {
		in.ActionAfterCompletion = schedtypes.ActionAfterCompletionDelete
	})
	f.advance(t, 8*time.Hour-time.Nanosecond)
	assert.Empty(t, f.bodies(t, url), "just before 08:00 UTC")
	f.advance(t, time.Nanosecond)
	assert.Equal(t, []string{`{"at":"2026-03-29T08:00:00Z"}`}, f.bodies(t, url), "at 08:00 UTC")
	f.advance(t, 48*time.Hour)
	assert.Empty(t, f.bodies(t, url), "once only")
	_, err := f.sched.GetSchedule(ctx, &awssched.GetScheduleInput{Name: aws.String("once")})
	awsfake.CheckCode(t, err, "ResourceNotFoundException")
}

// A cron schedule reads its fields in its zone: 09:00 in New York is
// 14:00 UTC in winter.
func TestScheduler_CronInAZone(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.schedule(t, "ny", "cron(0 9 * * ? *)", "America/New_York", arn)
	f.advance(t, 14*time.Hour-time.Nanosecond)
	assert.Empty(t, f.bodies(t, url))
	f.advance(t, time.Nanosecond)
	assert.Len(t, f.bodies(t, url), 1)
	got, err := f.sched.GetSchedule(ctx, &awssched.GetScheduleInput{Name: aws.String("ny")})
	require.NoError(t, err)
	assert.Equal(t, "America/New_York", aws.ToString(got.ScheduleExpressionTimezone))
	assert.Equal(t, schedtypes.ScheduleStateEnabled, got.State)
	assert.Equal(t, "default", aws.ToString(got.GroupName))
}

// EndDate stops a recurring schedule; a disabled one does not fire.
func TestScheduler_EndDateAndState(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.schedule(t, "ends", "rate(1 hour)", "", arn, func(in *awssched.CreateScheduleInput) {
		in.EndDate = aws.Time(t0.Add(3 * time.Hour))
	})
	f.schedule(t, "off", "rate(1 hour)", "", arn, func(in *awssched.CreateScheduleInput) { in.State = schedtypes.ScheduleStateDisabled })
	f.advance(t, 10*time.Hour)
	assert.Len(t, f.bodies(t, url), 3)
}

// Invalid expressions are "Invalid Schedule Expression <expr>." (recorded:
// test_scheduler.py::tests_create_schedule_with_invalid_schedule_expression).
func TestScheduler_InvalidExpressions(t *testing.T) {
	f := newFixture(t)
	for _, expr := range []string{"cron(0 1 * * * *)", "cron(INVALID)", "rate(10 seconds)", "rate( 10 minutes )", " rate(10 minutes)",
		"at(2021-12-31T23:59:59Z)", "at(2021-12-31)", "rate(10 minutess)"} {
		_, err := f.sched.CreateSchedule(ctx, &awssched.CreateScheduleInput{Name: aws.String("s"), ScheduleExpression: aws.String(expr),
			FlexibleTimeWindow: &schedtypes.FlexibleTimeWindow{Mode: schedtypes.FlexibleTimeWindowModeOff},
			Target:             &schedtypes.Target{Arn: aws.String("arn:aws:sqs:us-east-1:000000000000:q"), RoleArn: aws.String(role)}})
		e := awsfake.CheckCode(t, err, "ValidationException")
		assert.Equal(t, "Invalid Schedule Expression "+expr+".", e.ErrorMessage())
	}
	list, err := f.sched.ListSchedules(ctx, &awssched.ListSchedulesInput{})
	require.NoError(t, err)
	assert.Empty(t, list.Schedules)
}

// Schedule groups, and tags on them (recorded: test_scheduler.py::test_tag_resource, test_untag_resource).
func TestScheduler_GroupsAndTags(t *testing.T) {
	f := newFixture(t)
	g, err := f.sched.CreateScheduleGroup(ctx, &awssched.CreateScheduleGroupInput{Name: aws.String("g")})
	require.NoError(t, err)
	_, err = f.sched.CreateScheduleGroup(ctx, &awssched.CreateScheduleGroupInput{Name: aws.String("g")})
	awsfake.CheckCode(t, err, "ConflictException")
	_, err = f.sched.TagResource(ctx, &awssched.TagResourceInput{ResourceArn: g.ScheduleGroupArn, Tags: []schedtypes.Tag{{Key: aws.String("TagKey"), Value: aws.String("TagValue")}}})
	require.NoError(t, err)
	tags, err := f.sched.ListTagsForResource(ctx, &awssched.ListTagsForResourceInput{ResourceArn: g.ScheduleGroupArn})
	require.NoError(t, err)
	require.Len(t, tags.Tags, 1)
	assert.Equal(t, "TagValue", *tags.Tags[0].Value)
	_, err = f.sched.UntagResource(ctx, &awssched.UntagResourceInput{ResourceArn: g.ScheduleGroupArn, TagKeys: []string{"TagKey"}})
	require.NoError(t, err)
	tags, err = f.sched.ListTagsForResource(ctx, &awssched.ListTagsForResourceInput{ResourceArn: g.ScheduleGroupArn})
	require.NoError(t, err)
	assert.Empty(t, tags.Tags)
	groups, err := f.sched.ListScheduleGroups(ctx, &awssched.ListScheduleGroupsInput{})
	require.NoError(t, err)
	assert.Len(t, groups.ScheduleGroups, 2)
	_, err = f.sched.DeleteScheduleGroup(ctx, &awssched.DeleteScheduleGroupInput{Name: aws.String("g")})
	require.NoError(t, err)
	_, err = f.sched.GetScheduleGroup(ctx, &awssched.GetScheduleGroupInput{Name: aws.String("g")})
	awsfake.CheckCode(t, err, "ResourceNotFoundException")
}
