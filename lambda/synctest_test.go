package lambda_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	sqssdk "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// The long-running behaviours again, inside a synctest bubble with the real
// clock: time is virtual, so the waits below take no wall time, and the
// bubble fails the test if anything is left running.

func bubbleEnv(t *testing.T) *env {
	cloud := awsfake.NewT(t)
	return &env{cloud: cloud, client: newClient(cloud), ctx: context.Background()}
}

func TestSynctest_TimeoutOnTheRealClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := bubbleEnv(t)
		e.register(t, "slow", func(ctx context.Context) error {
			<-ctx.Done() // honours its context, which ends at the timeout
			return ctx.Err()
		})
		e.createFunction(t, "slow", "slow", func(in *sdk.CreateFunctionInput) { in.Timeout = aws.Int32(3) })
		start := time.Now()
		out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("slow")})
		require.NoError(t, err)
		assert.Equal(t, 3*time.Second, time.Since(start))
		assert.Equal(t, "Unhandled", aws.ToString(out.FunctionError))
		assert.Contains(t, string(out.Payload), "Task timed out after 3.00 seconds")
		synctest.Wait()
	})
}

func TestSynctest_AsyncRetriesAtAWSSpacing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := bubbleEnv(t)
		var mu sync.Mutex
		var at []time.Duration
		start := time.Now()
		e.register(t, "fail", func() error {
			mu.Lock()
			at = append(at, time.Since(start))
			mu.Unlock()
			return errors.New("no")
		})
		e.createFunction(t, "worker", "fail")
		failURL, failARN := e.queue(t, "failures", nil)
		_, err := e.client.PutFunctionEventInvokeConfig(e.ctx, &sdk.PutFunctionEventInvokeConfigInput{FunctionName: aws.String("worker"),
			DestinationConfig: &types.DestinationConfig{OnFailure: &types.OnFailure{Destination: aws.String(failARN)}}})
		require.NoError(t, err)
		_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("worker"), InvocationType: types.InvocationTypeEvent})
		require.NoError(t, err)
		time.Sleep(10 * time.Minute)
		synctest.Wait()
		mu.Lock()
		assert.Equal(t, []time.Duration{0, time.Minute, 3 * time.Minute}, at)
		mu.Unlock()
		assert.Len(t, e.receiveAll(t, failURL), 1)
	})
}

func TestSynctest_SQSMappingDrainsWithPartialFailures(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := bubbleEnv(t)
		var mu sync.Mutex
		seen := map[string]int{}
		e.register(t, "consume", func(ev sqsEvent) (batchResponse, error) {
			mu.Lock()
			defer mu.Unlock()
			var resp batchResponse
			for _, r := range ev.Records {
				seen[r.Body]++
				if r.Body == "m3" && seen[r.Body] == 1 {
					resp.BatchItemFailures = append(resp.BatchItemFailures, itemFailure{ItemIdentifier: r.MessageID})
				}
			}
			return resp, nil
		})
		e.createFunction(t, "consumer", "consume")
		url, arn := e.queue(t, "work", map[string]string{"VisibilityTimeout": "30"})
		e.mapQueue(t, arn, "consumer", func(in *sdk.CreateEventSourceMappingInput) {
			in.BatchSize = aws.Int32(4)
			in.FunctionResponseTypes = []types.FunctionResponseType{types.FunctionResponseTypeReportBatchItemFailures}
		})
		c := sqssdk.NewFromConfig(e.cloud.AWSConfig())
		for i := range 10 {
			_, err := c.SendMessage(e.ctx, &sqssdk.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(fmt.Sprint("m", i))})
			require.NoError(t, err)
		}
		require.NoError(t, e.cloud.Settle(e.ctx))
		_, inFlight := e.queueDepth(t, url)
		assert.Equal(t, "1", inFlight)
		time.Sleep(31 * time.Second)
		require.NoError(t, e.cloud.Settle(e.ctx))
		visible, inFlight := e.queueDepth(t, url)
		assert.Equal(t, [2]string{"0", "0"}, [2]string{visible, inFlight})
		mu.Lock()
		assert.Len(t, seen, 10)
		assert.Equal(t, 2, seen["m3"])
		mu.Unlock()
	})
}
