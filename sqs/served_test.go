package sqs_test

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/sqs"
)

// Every operation of the current SDK client is bound in the wire table,
// and nothing else is.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	servicetest.CheckServed(t, &awssqs.Client{}, sqs.Operations())
}

// The Query binding serves the same operations as the JSON one.
func TestServed_QueryBindsTheSameOperations(t *testing.T) {
	assert.Equal(t, sqs.Operations(), slices.Sorted(slices.Values(sqs.QueryActions())))
}

// Every code the package raises is in its error catalogue.
func TestServed_EveryCodeRaisedIsInTheCatalogue(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", sqs.Errs)
}

// A fault injected with InjectFault answers as the real error does, through
// the SDK: the same HTTP status and code.
func TestServed_InjectedFaultsAnswerAsTheRealErrors(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	api := f.cloud.SQS()
	for _, tc := range []struct {
		op, code string
		call     func() error
	}{
		{"GetQueueUrl", "QueueDoesNotExist", func() error {
			_, err := f.client.GetQueueUrl(ctx, &awssqs.GetQueueUrlInput{QueueName: aws.String("missing")})
			return err
		}},
		{"PurgeQueue", "PurgeQueueInProgress", func() error {
			_, err := f.client.PurgeQueue(ctx, &awssqs.PurgeQueueInput{QueueUrl: &url})
			return err
		}},
		{"DeleteMessage", "ReceiptHandleIsInvalid", func() error {
			_, err := f.client.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: &url, ReceiptHandle: aws.String("bad")})
			return err
		}},
		{"ReceiveMessage", "InvalidParameterValueException", func() error {
			_, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 11})
			return err
		}},
	} {
		if tc.op == "PurgeQueue" {
			_, err := f.client.PurgeQueue(ctx, &awssqs.PurgeQueueInput{QueueUrl: &url})
			require.NoError(t, err)
		}
		real := tc.call()
		require.Error(t, real, tc.op)
		api.InjectFault(tc.op, tc.code, 1)
		injected := tc.call()
		servicetest.CheckSameAnswer(t, real, injected)
	}
}

// Every operation of the Go API starts with enter: the call log, faults,
// latency and the caller's scope.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", sqs.Operations())
}
