package cloudwatch_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/sns"
	"github.com/awsfake/awsfake/sqs"
)

// inbox is an SNS topic with a queue subscribed: what the actions send.
type inbox struct {
	topic, queue string
}

func (f *fixture) inbox(t *testing.T) inbox {
	t.Helper()
	topic, err := f.cloud.SNS().CreateTopic(f.ctx, sns.CreateTopicInput{Name: "alarms"})
	require.NoError(t, err)
	q, err := f.cloud.SQS().CreateQueue(f.ctx, sqs.CreateQueueInput{QueueName: "inbox"})
	require.NoError(t, err)
	_, err = f.cloud.SNS().Subscribe(f.ctx, sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: "sqs",
		Endpoint: "arn:aws:sqs:us-east-1:" + f.cloud.AccountID() + ":inbox"})
	require.NoError(t, err)
	return inbox{topic.TopicArn, q.QueueUrl}
}

// received returns the NewStateValue of every notification the inbox got.
func (f *fixture) received(t *testing.T, in inbox) []string {
	t.Helper()
	require.NoError(t, f.cloud.Settle(f.ctx))
	out, err := f.cloud.SQS().ReceiveMessage(f.ctx, sqs.ReceiveMessageInput{QueueUrl: in.queue, MaxNumberOfMessages: aws.Int32(10)})
	require.NoError(t, err)
	var states []string
	for _, m := range out.Messages {
		var env struct{ Message string }
		require.NoError(t, json.Unmarshal([]byte(m.Body), &env))
		var n struct{ NewStateValue, AlarmRule string }
		require.NoError(t, json.Unmarshal([]byte(env.Message), &n))
		states = append(states, n.NewStateValue)
		err := f.cloud.SQS().DeleteMessage(f.ctx, sqs.DeleteMessageInput{QueueUrl: in.queue, ReceiptHandle: m.ReceiptHandle})
		require.NoError(t, err)
	}
	return states
}

func (f *fixture) setState(t *testing.T, name string, s types.StateValue) {
	t.Helper()
	_, err := f.client.SetAlarmState(f.ctx, &awscw.SetAlarmStateInput{AlarmName: aws.String(name), StateValue: s, StateReason: aws.String("test")})
	require.NoError(t, err)
	require.NoError(t, f.cloud.Settle(f.ctx))
}

func (f *fixture) composite(t *testing.T) types.CompositeAlarm {
	t.Helper()
	out, err := f.client.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{AlarmTypes: []types.AlarmType{types.AlarmTypeCompositeAlarm}})
	require.NoError(t, err)
	require.Len(t, out.CompositeAlarms, 1)
	assert.Empty(t, out.MetricAlarms)
	return out.CompositeAlarms[0]
}

// A composite of ALARM(a) AND ALARM(b) goes to ALARM when both are, and
// back to OK when one leaves; its actions run and its history records it.
func TestCompositeAlarm_AndFollowsItsChildren(t *testing.T) {
	f := newFixture(t)
	box := f.inbox(t)
	f.alarm(t, "a", 1, 1, "ignore")
	f.alarm(t, "b", 1, 1, "ignore")
	aARN := "arn:aws:cloudwatch:us-east-1:" + f.cloud.AccountID() + ":alarm:a"
	_, err := f.client.PutCompositeAlarm(f.ctx, &awscw.PutCompositeAlarmInput{AlarmName: aws.String("both"),
		AlarmRule: aws.String(`ALARM("` + aARN + `") AND ALARM(b)`), AlarmActions: []string{box.topic}, OKActions: []string{box.topic}})
	require.NoError(t, err)
	c := f.composite(t)
	assert.Equal(t, types.StateValueOk, c.StateValue)
	assert.Equal(t, []string{"OK"}, f.received(t, box))

	f.setState(t, "a", types.StateValueAlarm)
	assert.Equal(t, types.StateValueOk, f.composite(t).StateValue, "one child is not enough")
	f.setState(t, "b", types.StateValueAlarm)
	c = f.composite(t)
	assert.Equal(t, types.StateValueAlarm, c.StateValue)
	assert.Contains(t, aws.ToString(c.StateReason), ":alarm:b transitioned to ALARM at ")
	assert.Equal(t, []string{"ALARM"}, f.received(t, box))
	f.cloud.CloudWatch().CheckAlarmState(t, "both", "ALARM")
	f.setState(t, "a", types.StateValueOk)
	assert.Equal(t, types.StateValueOk, f.composite(t).StateValue)
	assert.Equal(t, []string{"OK"}, f.received(t, box))

	h, err := f.client.DescribeAlarmHistory(f.ctx, &awscw.DescribeAlarmHistoryInput{AlarmName: aws.String("both"),
		HistoryItemType: types.HistoryItemTypeStateUpdate})
	require.NoError(t, err)
	require.Len(t, h.AlarmHistoryItems, 3)
	assert.Equal(t, types.AlarmTypeCompositeAlarm, h.AlarmHistoryItems[0].AlarmType)
}

// With a suppressor, a change to ALARM waits the wait period for the
// suppressor: actions run at its end, not a second before; while the
// suppressor is in ALARM they are held, and after it leaves they run at
// the end of the extension period.
func TestCompositeAlarm_SuppressorOnTheClock(t *testing.T) {
	f := newFixture(t)
	box := f.inbox(t)
	f.alarm(t, "a", 1, 1, "ignore")
	f.alarm(t, "b", 1, 1, "ignore")
	f.alarm(t, "maintenance", 1, 1, "ignore")
	_, err := f.client.PutCompositeAlarm(f.ctx, &awscw.PutCompositeAlarmInput{AlarmName: aws.String("both"),
		AlarmRule: aws.String("ALARM(a) AND ALARM(b)"), AlarmActions: []string{box.topic},
		ActionsSuppressor: aws.String("maintenance"), ActionsSuppressorWaitPeriod: aws.Int32(120), ActionsSuppressorExtensionPeriod: aws.Int32(60)})
	require.NoError(t, err)

	// The wait period runs out: the actions run at its end.
	f.setState(t, "a", types.StateValueAlarm)
	f.setState(t, "b", types.StateValueAlarm)
	assert.Equal(t, types.ActionsSuppressedByWaitPeriod, f.composite(t).ActionsSuppressedBy)
	f.advance(t, 119*time.Second)
	assert.Empty(t, f.received(t, box), "just before the end of the wait period")
	f.advance(t, time.Second)
	assert.Equal(t, []string{"ALARM"}, f.received(t, box), "at the end of the wait period")
	assert.Empty(t, f.composite(t).ActionsSuppressedBy)

	// The suppressor goes to ALARM within the wait period: held.
	f.setState(t, "a", types.StateValueOk)
	f.setState(t, "a", types.StateValueAlarm)
	f.advance(t, 30*time.Second)
	f.setState(t, "maintenance", types.StateValueAlarm)
	assert.Equal(t, types.ActionsSuppressedByAlarm, f.composite(t).ActionsSuppressedBy)
	f.advance(t, 10*time.Minute)
	assert.Empty(t, f.received(t, box), "held while the suppressor is in ALARM")

	// It leaves ALARM: the extension period, then the actions.
	f.setState(t, "maintenance", types.StateValueOk)
	assert.Equal(t, types.ActionsSuppressedByExtensionPeriod, f.composite(t).ActionsSuppressedBy)
	f.advance(t, 59*time.Second)
	assert.Empty(t, f.received(t, box), "just before the end of the extension period")
	f.advance(t, time.Second)
	assert.Equal(t, []string{"ALARM"}, f.received(t, box), "at the end of the extension period")
}

// A rule that does not parse, or names an alarm that does not exist, is
// refused.
func TestCompositeAlarm_Refused(t *testing.T) {
	f := newFixture(t)
	f.alarm(t, "a", 1, 1, "ignore")
	put := func(rule string, mut ...func(*awscw.PutCompositeAlarmInput)) error {
		in := &awscw.PutCompositeAlarmInput{AlarmName: aws.String("c"), AlarmRule: aws.String(rule)}
		for _, m := range mut {
			m(in)
		}
		_, err := f.client.PutCompositeAlarm(f.ctx, in)
		return err
	}
	for _, r := range []string{"ALARM(a) AND", "ALARM a", "(ALARM(a)", "ALARMS(a)", "ALARM()"} {
		awsfake.CheckCode(t, put(r), "InvalidParameterValue")
	}
	err := put("ALARM(a) OR OK(nope)")
	awsfake.CheckCode(t, err, "InvalidParameterValue")
	assert.ErrorContains(t, err, "alarms [nope] in the alarm rule do not exist")
	awsfake.CheckCode(t, put("TRUE", func(in *awscw.PutCompositeAlarmInput) { in.ActionsSuppressor = aws.String("a") }), "InvalidParameterValue")
	require.NoError(t, put("NOT (ALARM(a) OR FALSE) AND TRUE"))
	assert.Equal(t, types.StateValueAlarm, f.composite(t).StateValue) // a is INSUFFICIENT_DATA: NOT ALARM(a) holds
}

// A composite alarm takes tags at creation and through TagResource and
// UntagResource (recorded: test_tagging_composite_alarm).
func TestCompositeAlarm_Tags(t *testing.T) {
	f := newFixture(t)
	f.alarm(t, "a", 1, 1, "ignore")
	_, err := f.client.PutCompositeAlarm(f.ctx, &awscw.PutCompositeAlarmInput{AlarmName: aws.String("c"), AlarmRule: aws.String("ALARM(a)"),
		Tags: []types.Tag{{Key: aws.String("Environment"), Value: aws.String("Production")}}})
	require.NoError(t, err)
	arn := f.composite(t).AlarmArn
	_, err = f.client.TagResource(f.ctx, &awscw.TagResourceInput{ResourceARN: arn, Tags: []types.Tag{
		{Key: aws.String("tag1"), Value: aws.String("foo")}, {Key: aws.String("tag2"), Value: aws.String("bar")}}})
	require.NoError(t, err)
	_, err = f.client.UntagResource(f.ctx, &awscw.UntagResourceInput{ResourceARN: arn, TagKeys: []string{"tag1"}})
	require.NoError(t, err)
	out, err := f.client.ListTagsForResource(f.ctx, &awscw.ListTagsForResourceInput{ResourceARN: arn})
	require.NoError(t, err)
	var keys []string
	for _, tg := range out.Tags {
		keys = append(keys, aws.ToString(tg.Key))
	}
	assert.Equal(t, []string{"Environment", "tag2"}, keys)
}
