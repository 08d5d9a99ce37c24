package sqs_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/sqs"
)

// With WithSeed and a fake clock, the same scenario gives byte-identical
// responses: message ids, receipt handles, sequence numbers, request ids.
func TestDeterminism_SameSeedSameResponses(t *testing.T) {
	scenario := func() string {
		clk := clock.NewFake(t0)
		cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithSeed(42))
		var out strings.Builder
		call := func(target, body string) {
			req, err := http.NewRequest(http.MethodPost, cloud.URL()+"/", strings.NewReader(body))
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/x-amz-json-1.0")
			req.Header.Set("X-Amz-Target", "AmazonSQS."+target)
			resp, err := cloud.HTTPClient().Do(req)
			require.NoError(t, err)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			out.WriteString(resp.Header.Get("x-amzn-RequestId") + " " + string(b) + "\n")
		}
		q := `"QueueUrl":"http://awsfake.localhost/000000000000/`
		call("CreateQueue", `{"QueueName":"q"}`)
		call("CreateQueue", `{"QueueName":"f.fifo","Attributes":{"FifoQueue":"true","ContentBasedDeduplication":"true"}}`)
		call("SendMessage", `{`+q+`q","MessageBody":"a","MessageAttributes":{"k":{"DataType":"String","StringValue":"v"}}}`)
		call("SendMessageBatch", `{`+q+`f.fifo","Entries":[{"Id":"1","MessageBody":"x","MessageGroupId":"g"},{"Id":"2","MessageBody":"y","MessageGroupId":"g"}]}`)
		call("ReceiveMessage", `{`+q+`q","AttributeNames":["All"],"MessageAttributeNames":["All"]}`)
		clk.Advance(31 * time.Second)
		call("ReceiveMessage", `{`+q+`q","AttributeNames":["All"]}`)
		call("ReceiveMessage", `{`+q+`f.fifo","MaxNumberOfMessages":10,"AttributeNames":["All"]}`)
		call("GetQueueAttributes", `{`+q+`q","AttributeNames":["All"]}`)
		return out.String()
	}
	first := scenario()
	assert.Equal(t, first, scenario())
	assert.Contains(t, first, "ReceiptHandle")
}

// perQueue sends n messages to each of four queues, each queue from a
// goroutine of its own when concurrent, then receives them; it returns each
// queue's message ids and receipt handles in order.
func perQueue(t *testing.T, concurrent bool) map[string][]string {
	cloud := awsfake.NewT(t, awsfake.WithClock(clock.NewFake(t0)), awsfake.WithSeed(7))
	api := cloud.SQS()
	names := []string{"a", "b", "c", "d"}
	urls := map[string]string{}
	for _, name := range names {
		out, err := api.CreateQueue(ctx, sqs.CreateQueueInput{QueueName: name})
		require.NoError(t, err)
		urls[name] = out.QueueUrl
	}
	got := map[string][]string{}
	var mu sync.Mutex
	work := func(name string) {
		var seen []string
		for i := range 20 {
			out, err := api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: urls[name], MessageBody: fmt.Sprint(i)})
			require.NoError(t, err)
			seen = append(seen, out.MessageId)
		}
		for range 2 {
			out, err := api.ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: urls[name], MaxNumberOfMessages: aws.Int32(10)})
			require.NoError(t, err)
			for _, m := range out.Messages {
				seen = append(seen, m.MessageId, m.ReceiptHandle)
			}
		}
		mu.Lock()
		got[name] = seen
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for _, name := range names {
		if !concurrent {
			work(name)
			continue
		}
		wg.Go(func() { work(name) })
	}
	wg.Wait()
	return got
}

// Each queue draws its ids from a stream of its own, derived from the seed
// and the queue: work on several queues at once (SNS fan-out, several
// pollers) gives each queue the same message ids and receipt handles
// whatever the interleaving.
func TestDeterminism_EachQueueHasItsOwnIDStream(t *testing.T) {
	want := perQueue(t, false)
	require.Len(t, want["a"], 60)
	for range 5 {
		assert.Equal(t, want, perQueue(t, true))
	}
}

// A queue created again with a deleted queue's name gets a stream of its
// own: it does not hand out the ids of the queue it replaces.
func TestDeterminism_AQueueCreatedAgainDoesNotReplayIDs(t *testing.T) {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithSeed(7))
	api := cloud.SQS()
	life := func() (id, handle string) {
		out, err := api.CreateQueue(ctx, sqs.CreateQueueInput{QueueName: "q"})
		require.NoError(t, err)
		sent, err := api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: out.QueueUrl, MessageBody: "m"})
		require.NoError(t, err)
		got, err := api.ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: out.QueueUrl})
		require.NoError(t, err)
		require.Len(t, got.Messages, 1)
		require.NoError(t, api.DeleteQueue(ctx, sqs.DeleteQueueInput{QueueUrl: out.QueueUrl}))
		clk.Advance(time.Minute)
		return sent.MessageId, got.Messages[0].ReceiptHandle
	}
	id1, h1 := life()
	id2, h2 := life()
	assert.NotEqual(t, id1, id2)
	assert.NotEqual(t, h1, h2)
}
