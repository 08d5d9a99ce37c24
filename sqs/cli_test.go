package sqs_test

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/awscli"
)

// The AWS CLI against a served cloud, in both protocols: CLI v1 with the
// machine's botocore (1.43) speaks JSON, Debian's awscli 2.9 speaks Query.
func TestCLI_CreateSendReceiveDeleteInBothProtocols(t *testing.T) {
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		srv := httptest.NewUnstartedServer(nil)
		cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()))
		srv.Config.Handler = cloud.Handler()
		srv.Start()
		t.Cleanup(srv.Close)
		run := func(args ...string) map[string]any {
			t.Helper()
			var v map[string]any
			cli.RunJSON(t, srv.URL, &v, append([]string{"sqs"}, args...)...)
			return v
		}
		name := "cli-" + cli.Name()
		created := run("create-queue", "--queue-name", name)
		url, _ := created["QueueUrl"].(string)
		assert.Equal(t, srv.URL+"/000000000000/"+name, url)
		sent := run("send-message", "--queue-url", url, "--message-body", "hello <&>",
			"--message-attributes", `{"k":{"DataType":"String","StringValue":"v"}}`)
		got := run("receive-message", "--queue-url", url, "--message-attribute-names", "All", "--attribute-names", "All")
		msgs, _ := got["Messages"].([]any)
		require.Len(t, msgs, 1)
		m := msgs[0].(map[string]any)
		assert.Equal(t, "hello <&>", m["Body"])
		assert.Equal(t, sent["MessageId"], m["MessageId"])
		assert.Equal(t, sent["MD5OfMessageAttributes"], m["MD5OfMessageAttributes"])
		run("delete-message", "--queue-url", url, "--receipt-handle", m["ReceiptHandle"].(string))
		left, err := cloud.SQS().Messages(url)
		require.NoError(t, err)
		assert.Empty(t, left)
	})
}
