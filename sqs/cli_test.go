package sqs_test

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// The AWS CLI against a served cloud, in both protocols: the CLI v1 of the
// machine's Python (botocore 1.43) speaks JSON, Debian's awscli 2.9 speaks
// Query. Each CLI missing on the machine is skipped.
func TestCLI_CreateSendReceiveDeleteInBothProtocols(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the AWS CLI")
	}
	for _, cli := range []struct{ name, path string }{{"json", "aws"}, {"query", "/usr/bin/aws"}} {
		t.Run(cli.name, func(t *testing.T) {
			bin, err := exec.LookPath(cli.path)
			if err != nil {
				t.Skipf("%s not installed", cli.path)
			}
			srv := httptest.NewUnstartedServer(nil)
			cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()))
			srv.Config.Handler = cloud.Handler()
			srv.Start()
			t.Cleanup(srv.Close)
			run := func(args ...string) map[string]any {
				t.Helper()
				cmd := exec.Command(bin, append([]string{"--endpoint-url", srv.URL, "--region", "us-east-1", "--output", "json", "sqs"}, args...)...)
				cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=test", "AWS_SECRET_ACCESS_KEY=test", "AWS_CONFIG_FILE=/dev/null",
					"AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_PAGER=")
				out, err := cmd.CombinedOutput()
				require.NoError(t, err, "%s", out)
				var v map[string]any
				if len(out) > 0 {
					require.NoError(t, json.Unmarshal(out, &v), "%s", out)
				}
				return v
			}
			created := run("create-queue", "--queue-name", "cli-"+cli.name)
			url, _ := created["QueueUrl"].(string)
			assert.Equal(t, srv.URL+"/000000000000/cli-"+cli.name, url)
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
}
