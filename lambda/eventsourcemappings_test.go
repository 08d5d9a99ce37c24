package lambda_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	sqssdk "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sqsEvent is the SQSEvent of aws-lambda-go.
type sqsEvent struct {
	Records []struct {
		MessageID         string            `json:"messageId"`
		ReceiptHandle     string            `json:"receiptHandle"`
		Body              string            `json:"body"`
		Attributes        map[string]string `json:"attributes"`
		MessageAttributes map[string]struct {
			StringValue *string `json:"stringValue"`
			DataType    string  `json:"dataType"`
		} `json:"messageAttributes"`
		MD5OfBody      string `json:"md5OfBody"`
		EventSource    string `json:"eventSource"`
		EventSourceARN string `json:"eventSourceARN"`
		AWSRegion      string `json:"awsRegion"`
	} `json:"Records"`
}

type batchResponse struct {
	BatchItemFailures []itemFailure `json:"batchItemFailures"`
}

type itemFailure struct {
	ItemIdentifier string `json:"itemIdentifier"`
}

// batches records the batches a handler received.
type batches struct {
	mu  sync.Mutex
	all [][]string // bodies
}

func (b *batches) add(ev sqsEvent) {
	var bodies []string
	for _, r := range ev.Records {
		bodies = append(bodies, r.Body)
	}
	b.mu.Lock()
	b.all = append(b.all, bodies)
	b.mu.Unlock()
}

func (b *batches) sizes() []int {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []int
	for _, x := range b.all {
		out = append(out, len(x))
	}
	return out
}

func (b *batches) bodies() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, x := range b.all {
		out = append(out, x...)
	}
	return out
}

func (e *env) send(t *testing.T, url string, bodies ...string) {
	t.Helper()
	c := sqssdk.NewFromConfig(e.cloud.AWSConfig())
	for _, b := range bodies {
		_, err := c.SendMessage(e.ctx, &sqssdk.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(b)})
		require.NoError(t, err)
	}
}

// queueDepth returns the visible and in-flight message counts of a queue.
func (e *env) queueDepth(t *testing.T, url string) (visible, inFlight string) {
	t.Helper()
	c := sqssdk.NewFromConfig(e.cloud.AWSConfig())
	out, err := c.GetQueueAttributes(e.ctx, &sqssdk.GetQueueAttributesInput{QueueUrl: aws.String(url),
		AttributeNames: []sqstypesAttr{"ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"}})
	require.NoError(t, err)
	return out.Attributes["ApproximateNumberOfMessages"], out.Attributes["ApproximateNumberOfMessagesNotVisible"]
}

func (e *env) mapQueue(t *testing.T, queueARN, fn string, edit ...func(*sdk.CreateEventSourceMappingInput)) *sdk.CreateEventSourceMappingOutput {
	t.Helper()
	in := &sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(queueARN), FunctionName: aws.String(fn)}
	for _, f := range edit {
		f(in)
	}
	out, err := e.client.CreateEventSourceMapping(e.ctx, in)
	require.NoError(t, err)
	return out
}

// consumer maps a new queue "work" to a function "consumer" that records
// each batch it gets in got; edit adjusts the mapping.
func (e *env) consumer(t *testing.T, got *batches, edit func(*sdk.CreateEventSourceMappingInput)) (url string, m *sdk.CreateEventSourceMappingOutput) {
	t.Helper()
	e.register(t, "consume", func(ev sqsEvent) error { got.add(ev); return nil })
	e.createFunction(t, "consumer", "consume")
	url, arn := e.queue(t, "work", nil)
	return url, e.mapQueue(t, arn, "consumer", edit)
}

func TestSQSMapping_BatchesPartialFailuresAndDrainsTheQueue(t *testing.T) {
	e := newEnv(t)
	var got batches
	var mu sync.Mutex
	failedOnce := map[string]bool{}
	e.register(t, "consume", func(ctx context.Context, ev sqsEvent) (batchResponse, error) {
		got.add(ev)
		var resp batchResponse
		mu.Lock()
		defer mu.Unlock()
		for _, r := range ev.Records {
			if strings.HasPrefix(r.Body, "flaky") && !failedOnce[r.Body] {
				failedOnce[r.Body] = true
				resp.BatchItemFailures = append(resp.BatchItemFailures, itemFailure{ItemIdentifier: r.MessageID})
			}
		}
		return resp, nil
	})
	e.createFunction(t, "consumer", "consume")
	url, arn := e.queue(t, "work", map[string]string{"VisibilityTimeout": "30"})
	var bodies []string
	for i := range 12 {
		b := fmt.Sprintf("m%02d", i)
		if i == 3 || i == 8 {
			b = fmt.Sprintf("flaky%02d", i)
		}
		bodies = append(bodies, b)
	}
	e.send(t, url, bodies...)

	m := e.mapQueue(t, arn, "consumer", func(in *sdk.CreateEventSourceMappingInput) {
		in.BatchSize = aws.Int32(5)
		in.FunctionResponseTypes = []types.FunctionResponseType{types.FunctionResponseTypeReportBatchItemFailures}
	})
	assert.Equal(t, "Creating", aws.ToString(m.State))
	assert.Equal(t, int32(5), aws.ToInt32(m.BatchSize))
	e.settle(t)
	sizes := got.sizes()
	sort.Sort(sort.Reverse(sort.IntSlice(sizes)))
	assert.Equal(t, []int{5, 5, 2}, sizes, "batches of up to BatchSize")
	visible, inFlight := e.queueDepth(t, url)
	assert.Equal(t, "0", visible)
	assert.Equal(t, "2", inFlight, "the two reported failures stay in flight")

	e.clk.Advance(30*time.Second - time.Nanosecond)
	e.settle(t)
	assert.Len(t, got.sizes(), 3, "nothing comes back before the visibility timeout")
	e.clk.Advance(time.Nanosecond)
	e.settle(t)
	require.Len(t, got.sizes(), 4)
	assert.ElementsMatch(t, []string{"flaky03", "flaky08"}, got.all[3], "the failed items come back together")
	visible, inFlight = e.queueDepth(t, url)
	assert.Equal(t, "0", visible)
	assert.Equal(t, "0", inFlight, "the queue is drained")

	g, err := e.client.GetEventSourceMapping(e.ctx, &sdk.GetEventSourceMappingInput{UUID: m.UUID})
	require.NoError(t, err)
	assert.Equal(t, "Enabled", aws.ToString(g.State))
	assert.Equal(t, "OK", aws.ToString(g.LastProcessingResult))
}

func TestSQSMapping_EventHasSQSEventShape(t *testing.T) {
	e := newEnv(t)
	events := make(chan sqsEvent, 1)
	e.register(t, "consume", func(ev sqsEvent) error { events <- ev; return nil })
	e.createFunction(t, "consumer", "consume")
	url, arn := e.queue(t, "shape", nil)
	c := sqssdk.NewFromConfig(e.cloud.AWSConfig())
	_, err := c.SendMessage(e.ctx, &sqssdk.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String("hello"),
		MessageAttributes: map[string]sqsAttrValue{"color": {DataType: aws.String("String"), StringValue: aws.String("red")}}})
	require.NoError(t, err)
	e.mapQueue(t, arn, "consumer")
	e.settle(t)
	ev := <-events
	require.Len(t, ev.Records, 1)
	r := ev.Records[0]
	assert.Equal(t, "hello", r.Body)
	assert.Equal(t, "aws:sqs", r.EventSource)
	assert.Equal(t, arn, r.EventSourceARN)
	assert.Equal(t, "us-east-1", r.AWSRegion)
	assert.Equal(t, "5d41402abc4b2a76b9719d911017c592", r.MD5OfBody)
	assert.Equal(t, "1", r.Attributes["ApproximateReceiveCount"])
	assert.NotEmpty(t, r.Attributes["SentTimestamp"])
	assert.Equal(t, "red", aws.ToString(r.MessageAttributes["color"].StringValue))
	assert.Equal(t, "String", r.MessageAttributes["color"].DataType)
}

func TestSQSMapping_FunctionErrorLeavesTheWholeBatchForTheVisibilityTimeout(t *testing.T) {
	e := newEnv(t)
	var got batches
	calls := 0
	e.register(t, "consume", func(ev sqsEvent) error {
		got.add(ev)
		calls++
		if calls == 1 {
			return fmt.Errorf("transient")
		}
		return nil
	})
	e.createFunction(t, "consumer", "consume")
	url, arn := e.queue(t, "work", map[string]string{"VisibilityTimeout": "10"})
	e.send(t, url, "a", "b", "c")
	e.mapQueue(t, arn, "consumer")
	e.settle(t)
	_, inFlight := e.queueDepth(t, url)
	assert.Equal(t, "3", inFlight)
	e.clk.Advance(10 * time.Second)
	e.settle(t)
	assert.Equal(t, []int{3, 3}, got.sizes())
	visible, inFlight := e.queueDepth(t, url)
	assert.Equal(t, [2]string{"0", "0"}, [2]string{visible, inFlight})
}

func TestSQSMapping_DisabledMappingPausesAndResumes(t *testing.T) {
	e := newEnv(t)
	var got batches
	url, m := e.consumer(t, &got, func(in *sdk.CreateEventSourceMappingInput) { in.Enabled = aws.Bool(false) })
	e.send(t, url, "a", "b")
	e.settle(t)
	assert.Empty(t, got.sizes())
	g, err := e.client.GetEventSourceMapping(e.ctx, &sdk.GetEventSourceMappingInput{UUID: m.UUID})
	require.NoError(t, err)
	assert.Equal(t, "Disabled", aws.ToString(g.State))

	_, err = e.client.UpdateEventSourceMapping(e.ctx, &sdk.UpdateEventSourceMappingInput{UUID: m.UUID, Enabled: aws.Bool(true)})
	require.NoError(t, err)
	e.settle(t)
	assert.ElementsMatch(t, []string{"a", "b"}, got.bodies())

	_, err = e.client.UpdateEventSourceMapping(e.ctx, &sdk.UpdateEventSourceMappingInput{UUID: m.UUID, Enabled: aws.Bool(false)})
	require.NoError(t, err)
	e.send(t, url, "c")
	e.settle(t)
	assert.Len(t, got.bodies(), 2)
	visible, _ := e.queueDepth(t, url)
	assert.Equal(t, "1", visible, "a paused mapping leaves messages in the queue")

	_, err = e.client.DeleteEventSourceMapping(e.ctx, &sdk.DeleteEventSourceMappingInput{UUID: m.UUID})
	require.NoError(t, err)
	_, err = e.client.GetEventSourceMapping(e.ctx, &sdk.GetEventSourceMappingInput{UUID: m.UUID})
	requireCode(t, err, "ResourceNotFoundException")
}

func TestSQSMapping_BatchingWindowWaitsOnTheClock(t *testing.T) {
	e := newEnv(t)
	var got batches
	url, _ := e.consumer(t, &got, func(in *sdk.CreateEventSourceMappingInput) {
		in.BatchSize = aws.Int32(100)
		in.MaximumBatchingWindowInSeconds = aws.Int32(5)
	})
	e.send(t, url, "a", "b", "c")
	e.settle(t)
	assert.Empty(t, got.sizes(), "the window is open")
	e.clk.Advance(5*time.Second - time.Nanosecond)
	e.send(t, url, "d")
	e.settle(t)
	assert.Empty(t, got.sizes())
	e.clk.Advance(time.Nanosecond)
	e.settle(t)
	assert.Equal(t, []int{4}, got.sizes(), "one batch when the window closes")
}

func TestSQSMapping_BatchSizeUpTo10000WithAWindow(t *testing.T) {
	e := newEnv(t)
	var got batches
	url, _ := e.consumer(t, &got, func(in *sdk.CreateEventSourceMappingInput) {
		in.BatchSize = aws.Int32(25)
		in.MaximumBatchingWindowInSeconds = aws.Int32(60)
	})
	var bodies []string
	for i := range 30 {
		bodies = append(bodies, fmt.Sprint(i))
	}
	e.send(t, url, bodies...)
	e.settle(t)
	assert.Equal(t, []int{25}, got.sizes(), "a full batch goes at once")
	e.clk.Advance(time.Minute)
	e.settle(t)
	assert.Equal(t, []int{25, 5}, got.sizes())
}

func TestSQSMapping_FIFOKeepsOrderWithinEachGroup(t *testing.T) {
	e := newEnv(t)
	var got batches
	e.register(t, "consume", func(ev sqsEvent) error { got.add(ev); return nil })
	e.createFunction(t, "consumer", "consume")
	url, arn := e.queue(t, "orders.fifo", map[string]string{"FifoQueue": "true", "ContentBasedDeduplication": "true"})
	c := sqssdk.NewFromConfig(e.cloud.AWSConfig())
	for i := range 10 {
		for _, g := range []string{"g1", "g2", "g3"} {
			_, err := c.SendMessage(e.ctx, &sqssdk.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String(g),
				MessageBody: aws.String(fmt.Sprintf("%s-%02d", g, i))})
			require.NoError(t, err)
		}
	}
	e.mapQueue(t, arn, "consumer", func(in *sdk.CreateEventSourceMappingInput) { in.BatchSize = aws.Int32(4) })
	e.settle(t)
	seen := map[string][]string{}
	for _, b := range got.bodies() {
		g := b[:2]
		seen[g] = append(seen[g], b)
	}
	for _, g := range []string{"g1", "g2", "g3"} {
		require.Len(t, seen[g], 10, g)
		assert.True(t, sort.StringsAreSorted(seen[g]), "%s out of order: %v", g, seen[g])
	}
}

func TestSQSMapping_MaximumConcurrencyCapsBatchesInFlight(t *testing.T) {
	e := newEnv(t)
	started, release := make(chan struct{}, 10), make(chan struct{})
	e.register(t, "consume", func(ev sqsEvent) error {
		started <- struct{}{}
		<-release
		return nil
	})
	e.createFunction(t, "consumer", "consume")
	url, arn := e.queue(t, "work", nil)
	e.send(t, url, "1", "2", "3", "4", "5")
	e.mapQueue(t, arn, "consumer", func(in *sdk.CreateEventSourceMappingInput) {
		in.BatchSize = aws.Int32(1)
		in.ScalingConfig = &types.ScalingConfig{MaximumConcurrency: aws.Int32(2)}
	})
	<-started
	<-started
	envs, err := e.cloud.Lambda().Environments(e.ctx, "consumer")
	require.NoError(t, err)
	assert.Len(t, envs, 2, "two batches at a time")
	close(release)
	e.settle(t)
	e.cloud.Lambda().CheckInvoked(t, "consumer", 5)
	visible, inFlight := e.queueDepth(t, url)
	assert.Equal(t, [2]string{"0", "0"}, [2]string{visible, inFlight})
}

func TestCreateEventSourceMapping_RejectsWhatAWSRejects(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "consumer", "h", func(in *sdk.CreateFunctionInput) { in.Timeout = aws.Int32(60) })
	e.createFunction(t, "quick", "h")
	_, std := e.queue(t, "std", nil)
	_, fifo := e.queue(t, "q.fifo", map[string]string{"FifoQueue": "true"})
	for name, tc := range map[string]struct {
		in   sdk.CreateEventSourceMappingInput
		code string
	}{
		"batch over 10 without window": {sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(std), FunctionName: aws.String("quick"), BatchSize: aws.Int32(11)}, "InvalidParameterValueException"},
		"batch over 10000":             {sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(std), FunctionName: aws.String("quick"), BatchSize: aws.Int32(10001), MaximumBatchingWindowInSeconds: aws.Int32(1)}, "InvalidParameterValueException"},
		"FIFO batch over 10":           {sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(fifo), FunctionName: aws.String("quick"), BatchSize: aws.Int32(11)}, "InvalidParameterValueException"},
		"window over 300":              {sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(std), FunctionName: aws.String("quick"), MaximumBatchingWindowInSeconds: aws.Int32(301)}, "ValidationException"},
		"concurrency 1":                {sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(std), FunctionName: aws.String("quick"), ScalingConfig: &types.ScalingConfig{MaximumConcurrency: aws.Int32(1)}}, "ValidationException"},
		"concurrency 1001":             {sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(std), FunctionName: aws.String("quick"), ScalingConfig: &types.ScalingConfig{MaximumConcurrency: aws.Int32(1001)}}, "ValidationException"},
		"visibility below timeout":     {sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(std), FunctionName: aws.String("consumer")}, "InvalidParameterValueException"},
		"no such queue":                {sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String("arn:aws:sqs:us-east-1:000000000000:nope"), FunctionName: aws.String("quick")}, "InvalidParameterValueException"},
		"no such stream":               {sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String("arn:aws:kinesis:us-east-1:000000000000:stream/s"), FunctionName: aws.String("quick")}, "InvalidParameterValueException"},
		"no such function":             {sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(std), FunctionName: aws.String("nope")}, "ResourceNotFoundException"},
	} {
		t.Run(name, func(t *testing.T) {
			in := tc.in
			_, err := e.client.CreateEventSourceMapping(e.ctx, &in)
			requireCode(t, err, tc.code)
		})
	}
	m := e.mapQueue(t, std, "quick")
	_, err := e.client.CreateEventSourceMapping(e.ctx, &sdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(std), FunctionName: aws.String("quick")})
	ae := requireCode(t, err, "ResourceConflictException")
	assert.Contains(t, ae.ErrorMessage(), aws.ToString(m.UUID))
	list, err := e.client.ListEventSourceMappings(e.ctx, &sdk.ListEventSourceMappingsInput{FunctionName: aws.String("quick")})
	require.NoError(t, err)
	require.Len(t, list.EventSourceMappings, 1)
	assert.Equal(t, t0, aws.ToTime(list.EventSourceMappings[0].LastModified))
	raw, _ := json.Marshal(list.EventSourceMappings[0].ScalingConfig)
	assert.Equal(t, "null", string(raw))
}

func TestSQSMapping_UnregisteredHandlerShowsInDeliveryFailures(t *testing.T) {
	e := newEnv(t)
	fn := e.createFunction(t, "consumer", "bootstrap")
	url, arn := e.queue(t, "work", map[string]string{"VisibilityTimeout": "10"})
	m := e.mapQueue(t, arn, "consumer")
	e.send(t, url, "a")
	e.settle(t)

	fs := e.cloud.DeliveryFailures()
	require.Len(t, fs, 1)
	assert.Equal(t, aws.ToString(fn.FunctionArn), fs[0].Target)
	assert.Equal(t, arn, fs[0].Source)
	assert.Equal(t, t0, fs[0].At)
	assert.EqualError(t, fs[0].Err, "lambda: event source mapping "+aws.ToString(m.UUID)+
		": Handler 'bootstrap' missing: no Go handler is registered for function consumer (RegisterFunctionHandler)"+
		" or under this name (RegisterHandler); the batch stays in the queue")
	var ev sqsEvent
	require.NoError(t, json.Unmarshal(fs[0].Body, &ev))
	require.Len(t, ev.Records, 1)
	assert.Equal(t, "a", ev.Records[0].Body)
	_, inFlight := e.queueDepth(t, url)
	assert.Equal(t, "1", inFlight, "left for its visibility timeout")

	var got batches
	require.NoError(t, e.cloud.Lambda().RegisterFunctionHandler("consumer", func(ev sqsEvent) error { got.add(ev); return nil }))
	e.clk.Advance(10 * time.Second)
	e.settle(t)
	assert.Equal(t, []string{"a"}, got.bodies(), "registered late, the handler gets the batch again")
	assert.Len(t, e.cloud.DeliveryFailures(), 1)
}
