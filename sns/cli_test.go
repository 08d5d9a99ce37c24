package sns_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// The AWS CLI (botocore's awsQuery client, v1 on PATH and v2.9 in
// /usr/bin) against the cloud served over HTTP. Skipped where no CLI is
// installed.
func TestCLI_TopicSubscriptionPublishAndErrors(t *testing.T) {
	var clis []string
	for _, name := range []string{"aws", "/usr/bin/aws"} {
		if p, err := exec.LookPath(name); err == nil && !slices.Contains(clis, p) {
			clis = append(clis, p)
		}
	}
	if len(clis) == 0 || testing.Short() {
		t.Skip("no AWS CLI installed, or -short")
	}
	for _, cli := range clis {
		t.Run(cli, func(t *testing.T) {
			srv := httptest.NewUnstartedServer(nil)
			cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()))
			srv.Config.Handler = cloud.Handler()
			srv.Start()
			t.Cleanup(srv.Close)
			run := func(v any, args ...string) (string, error) {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				cmd := exec.CommandContext(ctx, cli, append([]string{"--endpoint-url", srv.URL, "--output", "json"}, args...)...)
				cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY=secret",
					"AWS_DEFAULT_REGION=us-east-1", "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_PAGER=")
				var stderr strings.Builder
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				if err == nil && v != nil {
					require.NoError(t, json.Unmarshal(out, v), "%s", out)
				}
				return stderr.String(), err
			}
			var topic struct{ TopicArn string }
			_, err := run(&topic, "sns", "create-topic", "--name", "orders")
			require.NoError(t, err)
			var queue struct{ QueueUrl string }
			_, err = run(&queue, "sqs", "create-queue", "--queue-name", "books")
			require.NoError(t, err)
			var sub struct{ SubscriptionArn string }
			_, err = run(&sub, "sns", "subscribe", "--topic-arn", topic.TopicArn, "--protocol", "sqs",
				"--notification-endpoint", "arn:aws:sqs:us-east-1:000000000000:books",
				"--attributes", `{"RawMessageDelivery":"true","FilterPolicy":"{\"kind\":[\"book\"]}"}`)
			require.NoError(t, err)
			_, err = run(nil, "sns", "publish", "--topic-arn", topic.TopicArn, "--message", "a book",
				"--message-attributes", `{"kind":{"DataType":"String","StringValue":"book"}}`)
			require.NoError(t, err)
			var batch struct{ Successful []struct{ Id string } }
			_, err = run(&batch, "sns", "publish-batch", "--topic-arn", topic.TopicArn, "--publish-batch-request-entries",
				"Id=a,Message=m1", "Id=b,Message=m2")
			require.NoError(t, err)
			assert.Len(t, batch.Successful, 2)
			require.NoError(t, cloud.Settle(context.Background()))

			var got struct{ Messages []struct{ Body string } }
			_, err = run(&got, "sqs", "receive-message", "--queue-url", queue.QueueUrl, "--max-number-of-messages", "10")
			require.NoError(t, err)
			require.Len(t, got.Messages, 1)
			assert.Equal(t, "a book", got.Messages[0].Body)

			var attrs struct{ Attributes map[string]string }
			_, err = run(&attrs, "sns", "get-subscription-attributes", "--subscription-arn", sub.SubscriptionArn)
			require.NoError(t, err)
			assert.Equal(t, "true", attrs.Attributes["RawMessageDelivery"])

			var opted struct {
				IsOptedOut *bool `json:"isOptedOut"`
			}
			_, err = run(&opted, "sns", "check-if-phone-number-is-opted-out", "--phone-number", "+15550100")
			require.NoError(t, err)
			require.NotNil(t, opted.IsOptedOut)

			stderr, err := run(nil, "sns", "get-topic-attributes", "--topic-arn", topic.TopicArn+"-missing")
			require.Error(t, err)
			assert.Contains(t, stderr, "(NotFound)")
			assert.Contains(t, stderr, "Topic does not exist")
		})
	}
}
