package sns_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/sns"
)

// requireStatus asserts that err came from an HTTP answer with the status.
func requireStatus(t *testing.T, err error, status int) {
	t.Helper()
	var re *smithyhttp.ResponseError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, status, re.HTTPStatusCode())
}

// InjectFault fails the next calls of an operation with an SNS error code,
// with the status the SNS model gives it, so that the SDK returns the typed
// error the operation models; the failed calls change nothing.
func TestInjectFault_FailsTheNamedOperationTheGivenNumberOfTimes(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	queueURL, queueArn := f.queue(t, "books", nil)
	f.subscribe(t, topic, "sqs", queueArn, map[string]string{"RawMessageDelivery": "true"})
	svc := f.cloud.SNS()
	for _, tc := range []struct {
		code   string
		status int
		typed  any
	}{
		{"AuthorizationError", 403, new(*types.AuthorizationErrorException)},
		{"NotFound", 404, new(*types.NotFoundException)},
		{"InvalidParameter", 400, new(*types.InvalidParameterException)},
	} {
		t.Run(tc.code, func(t *testing.T) {
			svc.InjectFault("Publish", tc.code, 1)
			_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("lost")})
			requireCode(t, err, tc.code)
			requireStatus(t, err, tc.status)
			assert.ErrorAs(t, err, tc.typed)
		})
	}
	f.settle(t)
	msgs, err := f.cloud.SQS().Messages(queueURL)
	require.NoError(t, err)
	assert.Empty(t, msgs, "failed publishes deliver nothing")
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x")})
	require.NoError(t, err, "each fault was for one call")

	// Throttled is a 429 (the SDK does not retry it), typed where modelled.
	svc.InjectFault("CheckIfPhoneNumberIsOptedOut", "Throttled", 1)
	_, err = f.sns.CheckIfPhoneNumberIsOptedOut(f.ctx, &awssns.CheckIfPhoneNumberIsOptedOutInput{PhoneNumber: aws.String("+15550100")})
	requireStatus(t, err, 429)
	var throttled *types.ThrottledException
	assert.ErrorAs(t, err, &throttled)
}

// A fault for every call lasts until ClearFaults; the Go API sees it too,
// and the call log lists every call, failed or not.
func TestInjectFault_EveryCallUntilClearedAndRecorded(t *testing.T) {
	f := newFixture(t)
	svc := f.cloud.SNS()
	svc.InjectFault("ListTopics", "InternalError", 0)
	once := func(o *awssns.Options) { o.RetryMaxAttempts = 1 }
	for range 2 {
		_, err := f.sns.ListTopics(f.ctx, &awssns.ListTopicsInput{}, once)
		requireCode(t, err, "InternalError")
		requireStatus(t, err, 500)
		var typed *types.InternalErrorException
		assert.ErrorAs(t, err, &typed)
	}
	_, err := svc.ListTopics(f.ctx, sns.ListInput{})
	requireCode(t, err, "InternalError")
	svc.ClearFaults()
	_, err = f.sns.ListTopics(f.ctx, &awssns.ListTopicsInput{})
	require.NoError(t, err)

	var ops []string
	var failed int
	for _, c := range svc.Calls() {
		ops = append(ops, c.Operation)
		assert.Equal(t, t0, c.At)
		if c.Err != nil {
			failed++
		}
	}
	assert.Equal(t, []string{"ListTopics", "ListTopics", "ListTopics", "ListTopics"}, ops)
	assert.Equal(t, 3, failed)
	assert.PanicsWithValue(t, `sns.InjectFault: unknown operation "Fly"`, func() { svc.InjectFault("Fly", "NotFound", 1) })
}

// Codes SNS does not model: AWS's common errors keep their status, and
// any other code is a 400 sender fault.
func TestInjectFault_CommonAndUnknownCodes(t *testing.T) {
	f := newFixture(t)
	svc := f.cloud.SNS()
	once := func(o *awssns.Options) { o.RetryMaxAttempts = 1 }
	svc.InjectFault("ListTopics", "ServiceUnavailable", 1)
	svc.InjectFault("ListTopics", "Gremlins", 1)
	_, err := f.sns.ListTopics(f.ctx, &awssns.ListTopicsInput{}, once)
	requireCode(t, err, "ServiceUnavailable")
	requireStatus(t, err, 503)
	_, err = f.sns.ListTopics(f.ctx, &awssns.ListTopicsInput{}, once)
	requireCode(t, err, "Gremlins")
	requireStatus(t, err, 400)
	assert.Len(t, svc.Calls(), 2)
}
