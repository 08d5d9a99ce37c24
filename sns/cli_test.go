package sns_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/awscli"
)

// The AWS CLI (botocore's awsQuery client, v1 on PATH and v2.9 in
// /usr/bin) against the cloud served over HTTP.
func TestCLI_TopicSubscriptionPublishAndErrors(t *testing.T) {
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		srv := httptest.NewUnstartedServer(nil)
		cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()))
		srv.Config.Handler = cloud.Handler()
		srv.Start()
		t.Cleanup(srv.Close)
		run := func(v any, args ...string) { t.Helper(); cli.RunJSON(t, srv.URL, v, args...) }

		var topic struct{ TopicArn string }
		run(&topic, "sns", "create-topic", "--name", "orders")
		var queue struct{ QueueUrl string }
		run(&queue, "sqs", "create-queue", "--queue-name", "books")
		var sub struct{ SubscriptionArn string }
		run(&sub, "sns", "subscribe", "--topic-arn", topic.TopicArn, "--protocol", "sqs",
			"--notification-endpoint", "arn:aws:sqs:us-east-1:000000000000:books",
			"--attributes", `{"RawMessageDelivery":"true","FilterPolicy":"{\"kind\":[\"book\"]}"}`)
		var published struct{ MessageId string }
		run(&published, "sns", "publish", "--topic-arn", topic.TopicArn, "--message", "a book",
			"--message-attributes", `{"kind":{"DataType":"String","StringValue":"book"}}`)
		var batch struct{ Successful []struct{ Id string } }
		run(&batch, "sns", "publish-batch", "--topic-arn", topic.TopicArn, "--publish-batch-request-entries",
			"Id=a,Message=m1", "Id=b,Message=m2")
		assert.Len(t, batch.Successful, 2)
		require.NoError(t, cloud.Settle(context.Background()))

		var got struct{ Messages []struct{ Body string } }
		run(&got, "sqs", "receive-message", "--queue-url", queue.QueueUrl, "--max-number-of-messages", "10")
		require.Len(t, got.Messages, 1)
		assert.Equal(t, "a book", got.Messages[0].Body)

		var attrs struct{ Attributes map[string]string }
		run(&attrs, "sns", "get-subscription-attributes", "--subscription-arn", sub.SubscriptionArn)
		assert.Equal(t, "true", attrs.Attributes["RawMessageDelivery"])

		var opted struct {
			IsOptedOut *bool `json:"isOptedOut"`
		}
		run(&opted, "sns", "check-if-phone-number-is-opted-out", "--phone-number", "+15550100")
		require.NotNil(t, opted.IsOptedOut)

		stderr := cli.Fail(t, srv.URL, "sns", "get-topic-attributes", "--topic-arn", topic.TopicArn+"-missing")
		assert.Contains(t, stderr, "(NotFound)")
		assert.Contains(t, stderr, "Topic does not exist")
	})
}
