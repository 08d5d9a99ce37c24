package eventbridge_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cwlogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	awssched "github.com/aws/aws-sdk-go-v2/service/scheduler"
	schedtypes "github.com/aws/aws-sdk-go-v2/service/scheduler/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A log group target receives the event as one log event, the event's
// JSON as its message (recorded: TestEventsTargetCloudWatchLogs::
// test_put_events_with_target_cloudwatch_logs), in a stream named for the
// event's id, read back with the cloudwatchlogs client.
func TestLogsTarget_EventWrittenAsALogEvent(t *testing.T) {
	f := newFixture(t)
	logs := cwlogs.NewFromConfig(f.cloud.AWSConfig())
	_, err := logs.CreateLogGroup(ctx, &cwlogs.CreateLogGroupInput{LogGroupName: aws.String("/aws/events/x")})
	require.NoError(t, err)
	_, err = f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String(`{"source":["core.update-account-command"]}`)})
	require.NoError(t, err)
	_, err = f.eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: aws.String("r"), Targets: []ebtypes.Target{{Id: aws.String("logs"),
		Arn: aws.String("arn:aws:logs:us-east-1:000000000000:log-group:/aws/events/x")}}})
	require.NoError(t, err)
	f.clk.Advance(time.Second)
	out := f.put(t, "core.update-account-command", "core.update-account-command", `{"command":"update-account"}`)
	require.NoError(t, f.cloud.Settle(ctx))

	evs, err := logs.FilterLogEvents(ctx, &cwlogs.FilterLogEventsInput{LogGroupName: aws.String("/aws/events/x")})
	require.NoError(t, err)
	require.Len(t, evs.Events, 1)
	assert.Equal(t, *out.Entries[0].EventId, *evs.Events[0].LogStreamName)
	assert.Equal(t, t0.Add(time.Second).UnixMilli(), *evs.Events[0].Timestamp)
	msg := decode(t, *evs.Events[0].Message)
	assert.Equal(t, *out.Entries[0].EventId, msg["id"])
	assert.Equal(t, "update-account", msg["detail"].(map[string]any)["command"])
}

// universal creates a schedule due in a minute whose target is the
// universal target of action with the request input.
func (f *fixture) universal(t *testing.T, name, action, input string, dlq *schedtypes.DeadLetterConfig) {
	t.Helper()
	_, err := f.sched.CreateSchedule(ctx, &awssched.CreateScheduleInput{Name: &name, ScheduleExpression: aws.String("rate(1 minute)"),
		FlexibleTimeWindow: &schedtypes.FlexibleTimeWindow{Mode: schedtypes.FlexibleTimeWindowModeOff},
		Target: &schedtypes.Target{Arn: aws.String("arn:aws:scheduler:::aws-sdk:" + action), RoleArn: aws.String(role), Input: &input,
			DeadLetterConfig: dlq, RetryPolicy: &schedtypes.RetryPolicy{MaximumRetryAttempts: aws.Int32(0)}}})
	require.NoError(t, err)
}

// Universal targets of Scheduler ("Using universal targets") call the
// action their ARN names with the Input as its request: sqs:sendMessage,
// sns:publish (to a queue subscribed raw), lambda:invoke and
// sfn:startExecution, each at the schedule's first firing.
func TestScheduler_UniversalTargets(t *testing.T) {
	f := newFixture(t)
	url, qarn := f.queue(t, "q", nil)
	f.universal(t, "sqs", "sqs:sendMessage", `{"QueueUrl":"`+url+`","MessageBody":"from sqs"}`, nil)

	sns := awssns.NewFromConfig(f.cloud.AWSConfig())
	topic, err := sns.CreateTopic(ctx, &awssns.CreateTopicInput{Name: aws.String("t")})
	require.NoError(t, err)
	_, err = sns.Subscribe(ctx, &awssns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"), Endpoint: &qarn,
		Attributes: map[string]string{"RawMessageDelivery": "true"}})
	require.NoError(t, err)
	f.universal(t, "sns", "sns:publish", `{"TopicArn":"`+*topic.TopicArn+`","Message":"from sns"}`, nil)

	lam := f.cloud.Lambda()
	got := make(chan string, 4)
	lam.FunctionT(t, "fn", func(_ context.Context, ev json.RawMessage) (string, error) { got <- string(ev); return "ok", nil })
	lam.AllowT(t, "fn", "events.amazonaws.com", "")
	f.universal(t, "lambda", "lambda:invoke", `{"FunctionName":"fn","Payload":"{\"from\":\"lambda\"}"}`, nil)

	sf := sfn.NewFromConfig(f.cloud.AWSConfig())
	sm, err := sf.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("m"), RoleArn: aws.String(role),
		Definition: aws.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`)})
	require.NoError(t, err)
	f.universal(t, "sfn", "sfn:startExecution", `{"StateMachineArn":"`+*sm.StateMachineArn+`","Input":"{\"from\":\"sfn\"}"}`, nil)

	f.advance(t, time.Minute-time.Nanosecond)
	assert.Empty(t, f.bodies(t, url))
	f.advance(t, time.Nanosecond)
	assert.ElementsMatch(t, []string{"from sqs", "from sns"}, f.bodies(t, url))
	require.Len(t, got, 1)
	assert.JSONEq(t, `{"from":"lambda"}`, <-got)
	ex, err := sf.ListExecutions(ctx, &sfn.ListExecutionsInput{StateMachineArn: sm.StateMachineArn})
	require.NoError(t, err)
	require.Len(t, ex.Executions, 1)
	d, err := sf.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: ex.Executions[0].ExecutionArn})
	require.NoError(t, err)
	assert.JSONEq(t, `{"from":"sfn"}`, *d.Input)
}

// A universal target whose request names no resource, or an action no
// service of the cloud has, fails without retries and goes to the
// dead-letter queue with ValidationException.
func TestScheduler_UniversalTargetBadRequestToDeadLetter(t *testing.T) {
	f := newFixture(t)
	dlqURL, dlqARN := f.queue(t, "dlq", nil)
	dlq := &schedtypes.DeadLetterConfig{Arn: &dlqARN}
	f.universal(t, "noqueue", "sqs:sendMessage", `{"MessageBody":"x"}`, dlq)
	f.universal(t, "other", "ec2:runInstances", `{}`, dlq)
	f.universal(t, "notjson", "sqs:sendMessage", `nope`, dlq)
	f.advance(t, time.Minute)
	msgs, err := f.sqs.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &dlqURL, MaxNumberOfMessages: 10, MessageAttributeNames: []string{"All"}})
	require.NoError(t, err)
	require.Len(t, msgs.Messages, 3)
	for _, m := range msgs.Messages {
		assert.Equal(t, "ValidationException", *m.MessageAttributes["ERROR_CODE"].StringValue)
	}
}
