package lambda_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/lambda"
)

// concurrentScenario runs invocations that overlap in time under one seed:
// an SQS mapping with BatchSize 1 over 20 messages, all 20 batches in flight
// at once on a weighted alias, then three asynchronous invokes of another
// function. It returns one line per invocation: request id, executed
// version, log stream and payload, sorted.
func concurrentScenario(t *testing.T) []string {
	e := newEnv(t, awsfake.WithSeed(42))
	svc := e.cloud.Lambda()
	const messages = 20
	arrived := make(chan struct{}, messages)
	release := make(chan struct{})
	e.register(t, "consume", func(ctx context.Context, _ sqsEvent) error {
		arrived <- struct{}{}
		select { // every batch runs at once: each one starts cold
		case <-release:
		case <-ctx.Done():
		}
		return nil
	})
	e.createFunction(t, "consumer", "consume", func(in *sdk.CreateFunctionInput) { in.Publish = true })
	_, err := e.client.UpdateFunctionConfiguration(e.ctx, &sdk.UpdateFunctionConfigurationInput{FunctionName: aws.String("consumer"),
		Description: aws.String("second")})
	require.NoError(t, err)
	_, err = e.client.PublishVersion(e.ctx, &sdk.PublishVersionInput{FunctionName: aws.String("consumer")})
	require.NoError(t, err)
	_, err = e.client.CreateAlias(e.ctx, &sdk.CreateAliasInput{FunctionName: aws.String("consumer"), Name: aws.String("live"),
		FunctionVersion: aws.String("1"), RoutingConfig: &types.AliasRoutingConfiguration{AdditionalVersionWeights: map[string]float64{"2": 0.5}}})
	require.NoError(t, err)
	url, arn := e.queue(t, "work", nil)
	var bodies []string
	for i := range messages {
		bodies = append(bodies, fmt.Sprintf("m%02d", i))
	}
	e.send(t, url, bodies...)
	e.mapQueue(t, arn, "consumer:live", func(in *sdk.CreateEventSourceMappingInput) { in.BatchSize = aws.Int32(1) })
	for range messages {
		select {
		case <-arrived:
		case <-time.After(10 * time.Second):
			t.Fatal("the batches did not all start")
		}
	}
	close(release)
	e.settle(t)

	e.register(t, "record", func(json.RawMessage) error { return nil })
	e.createFunction(t, "events", "record")
	for i := range 3 {
		_, err := svc.Invoke(e.ctx, lambda.InvokeInput{FunctionName: "events", InvocationType: "Event",
			Payload: fmt.Appendf(nil, `{"n":%d}`, i)})
		require.NoError(t, err)
		e.settle(t)
	}

	stream := map[string]string{}
	for _, fn := range []string{"consumer", "events"} {
		logs, err := svc.Logs(e.ctx, fn)
		require.NoError(t, err)
		for _, l := range logs {
			stream[l.RequestID] = l.LogStream
		}
	}
	var out []string
	for _, inv := range svc.Invocations("") {
		out = append(out, strings.Join([]string{inv.RequestID, inv.ExecutedVersion, stream[inv.RequestID], string(inv.Payload)}, " "))
	}
	sort.Strings(out)
	return out
}

// With WithSeed, request ids, log stream names and the versions a weighted
// alias picks do not depend on how the goroutines of concurrent
// invocations happen to be scheduled.
func TestDeterminism_ConcurrentInvocationsGiveTheSameIDsUnderASeed(t *testing.T) {
	first := concurrentScenario(t)
	require.Len(t, first, 23)
	assert.Equal(t, first, concurrentScenario(t))
}
