package awsfake_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/s3"
	"github.com/awsfake/awsfake/sns"
)

// The fixtures build what tests need most in one line each, and fail the
// test with the AWS error when the input is one AWS refuses.
func TestFixtures_BuildAndFailLoudly(t *testing.T) {
	cloud := awsfake.NewT(t)
	q := cloud.SQS().QueueT(t, "fixture", nil)
	assert.Equal(t, "arn:aws:sqs:us-east-1:000000000000:fixture", q.ARN)
	topic := cloud.SNS().TopicT(t, "alerts.fifo", sns.Subscriber{Protocol: "sqs", Endpoint: cloud.SQS().QueueT(t, "alerts.fifo", nil).ARN})
	assert.Len(t, topic.Subscriptions, 1)
	cloud.S3().BucketT(t, "fixture-bucket", s3.NotificationConfiguration{})
	fn := cloud.Lambda().FunctionT(t, "fixture-fn", func(context.Context) error { return nil })
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:function:fixture-fn", fn.ARN)
	assert.NotEmpty(t, cloud.Lambda().MappingT(t, fn.Name, q.ARN))
	cloud.Lambda().AllowT(t, fn.Name, "s3.amazonaws.com", "arn:aws:s3:::fixture-bucket")

	for name, build := range map[string]func(tb testing.TB){
		"queue":    func(tb testing.TB) { cloud.SQS().QueueT(tb, "bad name", nil) },
		"topic":    func(tb testing.TB) { cloud.SNS().TopicT(tb, "bad name") },
		"bucket":   func(tb testing.TB) { cloud.S3().BucketT(tb, "Bad_Bucket", s3.NotificationConfiguration{}) },
		"function": func(tb testing.TB) { cloud.Lambda().FunctionT(tb, "bad name", func() {}) },
		"mapping":  func(tb testing.TB) { cloud.Lambda().MappingT(tb, "no-such-function", q.ARN) },
		"allow":    func(tb testing.TB) { cloud.Lambda().AllowT(tb, "no-such-function", "s3.amazonaws.com", "") },
	} {
		r := &servicetest.Recorder{TB: t}
		build(r)
		assert.NotEmpty(t, r.Message, name)
	}
	r := &servicetest.Recorder{TB: t}
	cloud.SNS().TopicT(r, "t", sns.Subscriber{Protocol: "carrier-pigeon", Endpoint: "x"})
	assert.Contains(t, r.Message, "subscribing carrier-pigeon")
}
