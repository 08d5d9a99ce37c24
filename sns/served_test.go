package sns_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/sns"
)

// Every operation of the SNS client (aws-sdk-go-v2 sns v1.47.9) is bound
// in the wire table.
func TestServed_EveryOperationOfTheSDKClientIsInTheWireTable(t *testing.T) {
	servicetest.CheckServed(t, &awssns.Client{}, sns.Operations())
	assert.Len(t, sns.Operations(), 42)
}

// Every code the package raises is in its catalogue.
func TestServed_EveryCodeRaisedIsInTheCatalogue(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", sns.Errs)
}

// A real error and the same code injected answer alike through the SDK.
func TestServed_AnInjectedFaultAnswersAsTheRealError(t *testing.T) {
	f := newFixture(t)
	svc := f.cloud.SNS()
	topic := f.topic(t, "orders", nil)
	missingTopic := aws.String(topic + "-none")
	once := func(o *awssns.Options) { o.RetryMaxAttempts = 1 }
	for _, c := range []struct {
		op   string
		call func() error
	}{
		{"GetTopicAttributes", func() error { // NotFound, 404
			_, err := f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: missingTopic}, once)
			return err
		}},
		{"ListTagsForResource", func() error { // ResourceNotFound, 404
			_, err := f.sns.ListTagsForResource(f.ctx, &awssns.ListTagsForResourceInput{ResourceArn: missingTopic}, once)
			return err
		}},
		{"PublishBatch", func() error { // EmptyBatchRequest, 400
			_, err := f.sns.PublishBatch(f.ctx, &awssns.PublishBatchInput{TopicArn: aws.String(topic),
				PublishBatchRequestEntries: []types.PublishBatchRequestEntry{}}, once)
			return err
		}},
		{"Publish", func() error { // InvalidParameter, 400
			_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("")}, once)
			return err
		}},
	} {
		t.Run(c.op, func(t *testing.T) {
			real := c.call()
			_, code := servicetest.Status(real)
			svc.InjectFault(c.op, code, 1)
			servicetest.CheckSameAnswer(t, real, c.call())
		})
	}
}

// InjectLatency parks the call on the cloud's clock until the test advances
// it by the latency; it never sleeps.
func TestInjectLatency_ParksTheCallOnTheClock(t *testing.T) {
	f := newFixture(t)
	svc := f.cloud.SNS()
	topic := f.topic(t, "orders", nil)
	svc.InjectLatency("Publish", time.Minute)
	done := make(chan error, 1)
	go func() {
		_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("late")})
		done <- err
	}()
	ctx, cancel := context.WithTimeout(f.ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, f.clk.BlockUntil(ctx, 1), "the call waits on the clock")
	f.clk.Advance(time.Minute - time.Nanosecond)
	select {
	case err := <-done:
		t.Fatalf("the call returned (%v) before the latency was over", err)
	case <-time.After(20 * time.Millisecond):
	}
	f.clk.Advance(time.Nanosecond)
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-ctx.Done():
		t.Fatal("the call did not return once the clock passed the latency")
	}
	svc.ClearFaults()
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("now")})
	require.NoError(t, err, "ClearFaults removes the latency")
	assert.PanicsWithValue(t, `sns.InjectLatency: unknown operation "Fly"`, func() { svc.InjectLatency("Fly", time.Second) })
}

// Every operation of the Go API starts with enter: the call log, faults,
// latency and the caller's scope.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", sns.Operations())
}
