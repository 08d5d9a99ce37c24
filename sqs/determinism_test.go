package sqs_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
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
