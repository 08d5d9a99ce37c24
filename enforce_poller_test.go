package awsfake_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// An SQS event source mapping's polls are authorised against its
// function's execution role at each poll, as AWS's pollers act with the
// role: once the role's policy is detached, the polls fail, the mapping
// shows why in LastProcessingResult and stays Enabled, and the messages
// stay in the queue; once it is attached again, the next poll (20 s
// after the refused one, or at the next message) processes them.
func TestEnforcement_MappingPollsAreCheckedAgainstTheRole(t *testing.T) {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement(), awsfake.WithClock(clk))
	ctx := context.Background()
	settle := func() {
		t.Helper()
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		require.NoError(t, cloud.Settle(ctx))
	}
	q, err := sqs.NewFromConfig(cloud.AWSConfig()).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("work")})
	require.NoError(t, err)
	url := aws.ToString(q.QueueUrl)
	send := func() {
		_, err := sqs.NewFromConfig(cloud.AWSConfig()).SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("job")})
		require.NoError(t, err)
	}
	role := createRole(t, cloud, "poller-role", lambdaTrust)
	admin := iam.NewFromConfig(cloud.AWSConfig())
	policy := &iam.AttachRolePolicyInput{RoleName: aws.String("poller-role"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole")}
	_, err = admin.AttachRolePolicy(ctx, policy)
	require.NoError(t, err)
	var handled atomic.Int32
	require.NoError(t, cloud.Lambda().RegisterHandler("work", func(context.Context) error { handled.Add(1); return nil }))
	fn := awslambda.NewFromConfig(cloud.AWSConfig())
	_, err = fn.CreateFunction(ctx, &awslambda.CreateFunctionInput{FunctionName: aws.String("worker"), Handler: aws.String("work"),
		Runtime: lambdatypes.RuntimeProvidedal2023, Role: aws.String(role), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")}})
	require.NoError(t, err)
	m, err := fn.CreateEventSourceMapping(ctx, &awslambda.CreateEventSourceMappingInput{FunctionName: aws.String("worker"),
		EventSourceArn: aws.String("arn:aws:sqs:us-east-1:000000000000:work")})
	require.NoError(t, err)
	mapping := func() *awslambda.GetEventSourceMappingOutput {
		out, err := fn.GetEventSourceMapping(ctx, &awslambda.GetEventSourceMappingInput{UUID: m.UUID})
		require.NoError(t, err)
		return out
	}

	send()
	settle()
	assert.Equal(t, int32(1), handled.Load())
	cloud.SQS().CheckDepth(t, url, 0, 0, 0)
	clk.Advance(time.Minute) // past the deleted message's visibility timeout, whose end wakes the mapping
	settle()

	_, err = admin.DetachRolePolicy(ctx, &iam.DetachRolePolicyInput{RoleName: policy.RoleName, PolicyArn: policy.PolicyArn})
	require.NoError(t, err)
	send()
	settle()
	assert.Equal(t, int32(1), handled.Load(), "the refused poll receives nothing")
	cloud.SQS().CheckDepth(t, url, 1, 0, 0)
	got := mapping()
	assert.Equal(t, "PROBLEM: The provided execution role does not have permissions to call ReceiveMessage on SQS", aws.ToString(got.LastProcessingResult))
	assert.Equal(t, "Enabled", aws.ToString(got.State))
	clk.Advance(20 * time.Second)
	settle()
	assert.Equal(t, int32(1), handled.Load(), "polls again, refused again")

	_, err = admin.AttachRolePolicy(ctx, policy)
	require.NoError(t, err)
	clk.Advance(20*time.Second - time.Nanosecond)
	settle()
	assert.Equal(t, int32(1), handled.Load(), "just before the next poll")
	clk.Advance(time.Nanosecond)
	settle()
	assert.Equal(t, int32(2), handled.Load(), "the next poll, 20 s after the refused one")
	cloud.SQS().CheckDepth(t, url, 0, 0, 0)
	assert.Equal(t, "OK", aws.ToString(mapping().LastProcessingResult))
}

// A queue policy's explicit deny refuses the role's polls too; a role
// allowed ReceiveMessage but not DeleteMessage does not poll, as Lambda
// needs the three actions.
func TestEnforcement_MappingPollsNeedEveryQueueAction(t *testing.T) {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement(), awsfake.WithClock(clk))
	ctx := context.Background()
	admin := iam.NewFromConfig(cloud.AWSConfig())
	q := sqs.NewFromConfig(cloud.AWSConfig())
	queue, err := q.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("work")})
	require.NoError(t, err)
	queueARN := "arn:aws:sqs:us-east-1:000000000000:work"
	role := createRole(t, cloud, "poller-role", lambdaTrust)
	_, err = admin.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("poller-role"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole")})
	require.NoError(t, err)
	require.NoError(t, cloud.Lambda().RegisterHandler("work", func(context.Context) error { return nil }))
	fn := awslambda.NewFromConfig(cloud.AWSConfig())
	_, err = fn.CreateFunction(ctx, &awslambda.CreateFunctionInput{FunctionName: aws.String("worker"), Handler: aws.String("work"),
		Runtime: lambdatypes.RuntimeProvidedal2023, Role: aws.String(role), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")}})
	require.NoError(t, err)
	m, err := fn.CreateEventSourceMapping(ctx, &awslambda.CreateEventSourceMappingInput{FunctionName: aws.String("worker"),
		EventSourceArn: aws.String(queueARN)})
	require.NoError(t, err)
	refusedWith := func(op string) {
		t.Helper()
		_, err := q.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: queue.QueueUrl, MessageBody: aws.String("job")})
		require.NoError(t, err)
		require.NoError(t, cloud.Settle(ctx))
		out, err := fn.GetEventSourceMapping(ctx, &awslambda.GetEventSourceMappingInput{UUID: m.UUID})
		require.NoError(t, err)
		assert.Equal(t, "PROBLEM: The provided execution role does not have permissions to call "+op+" on SQS", aws.ToString(out.LastProcessingResult))
	}

	_, err = q.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: queue.QueueUrl, Attributes: map[string]string{
		"Policy": `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sqs:DeleteMessage","Resource":"` + queueARN + `"}]}`}})
	require.NoError(t, err)
	refusedWith("DeleteMessage")
	cloud.SQS().CheckDepth(t, aws.ToString(queue.QueueUrl), 1, 0, 0)
}
