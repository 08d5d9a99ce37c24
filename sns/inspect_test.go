package sns_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/sns"
)

func TestInjectFault_FailsTheNamedOperationTheGivenNumberOfTimes(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	svc := f.cloud.SNS()
	svc.InjectFault("Publish", sns.Fault{Code: "AuthorizationError", Status: 403, Message: "not allowed"}, 1)

	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x")})
	ae := requireCode(t, err, "AuthorizationError")
	assert.Equal(t, "not allowed", ae.ErrorMessage())
	var typed *types.AuthorizationErrorException
	assert.ErrorAs(t, err, &typed)
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x")})
	require.NoError(t, err, "the fault was for one call")

	svc.InjectFault("ListTopics", sns.Fault{Code: "InternalError", Status: 500, Message: "boom"}, 0)
	_, err = f.sns.ListTopics(f.ctx, &awssns.ListTopicsInput{}, func(o *awssns.Options) { o.RetryMaxAttempts = 1 })
	requireCode(t, err, "InternalError")
	_, err = f.sns.ListTopics(f.ctx, &awssns.ListTopicsInput{}, func(o *awssns.Options) { o.RetryMaxAttempts = 1 })
	requireCode(t, err, "InternalError")
	svc.ClearFaults()
	_, err = f.sns.ListTopics(f.ctx, &awssns.ListTopicsInput{})
	require.NoError(t, err)

	var ops []string
	for _, c := range svc.Calls() {
		ops = append(ops, c.Operation)
		assert.Equal(t, t0, c.At)
	}
	assert.Equal(t, []string{"CreateTopic", "Publish", "Publish", "ListTopics", "ListTopics", "ListTopics"}, ops)
}
