package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// awsCLIs returns the AWS CLIs on this machine: the one on PATH and Debian's
// /usr/bin/aws (CLI v2.9) when PATH finds another one first.
func awsCLIs() []string {
	var found []string
	if p, err := exec.LookPath("aws"); err == nil {
		found = append(found, p)
	}
	if p, err := exec.LookPath("/usr/bin/aws"); err == nil && (len(found) == 0 || !sameFile(found[0], p)) {
		found = append(found, p)
	}
	return found
}

func sameFile(a, b string) bool {
	ra, errA := filepath.EvalSymlinks(a)
	rb, errB := filepath.EvalSymlinks(b)
	return errA == nil && errB == nil && ra == rb
}

// cliEnv is a clean environment for the CLI: test credentials and region
// from the environment, no configuration or credentials files, no pager.
func cliEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			env = append(env, kv)
		}
	}
	return append(env, "AWS_ACCESS_KEY_ID=AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_DEFAULT_REGION=us-east-1", "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null",
		"AWS_PAGER=")
}

// runCLI runs cli against s with args and decodes its JSON output into v.
func runCLI(t *testing.T, s *testServer, cli string, v any, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, cli, append([]string{"--endpoint-url", s.url, "--output", "json"}, args...)...)
	cmd.Env = cliEnv()
	out, err := cmd.Output()
	var stderr []byte
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		stderr = ee.Stderr
	}
	require.NoError(t, err, "%s", stderr)
	require.NoError(t, json.Unmarshal(out, v), "%s", out)
}

// forEachCLI runs f for every AWS CLI on this machine, or skips.
func forEachCLI(t *testing.T, f func(t *testing.T, cli string)) {
	clis := awsCLIs()
	if len(clis) == 0 {
		t.Skip("no aws CLI on PATH")
	}
	for _, cli := range clis {
		t.Run(cli, func(t *testing.T) { f(t, cli) })
	}
}

func TestAWSCLI_GetCallerIdentity(t *testing.T) {
	s := startServer(t, "-account", "123456789012")
	forEachCLI(t, func(t *testing.T, cli string) {
		var id struct{ Account, Arn, UserId string }
		runCLI(t, s, cli, &id, "sts", "get-caller-identity")
		assert.Equal(t, "123456789012", id.Account)
		assert.Equal(t, "arn:aws:iam::123456789012:root", id.Arn)
	})
}

// CLI 2.9 speaks SQS's query protocol, newer CLIs its JSON protocol.
func TestAWSCLI_SQSSendAndReceive(t *testing.T) {
	s := startServer(t)
	forEachCLI(t, func(t *testing.T, cli string) {
		name := "jobs" + strings.Map(func(r rune) rune { // a queue name per CLI, of [a-zA-Z0-9_-]
			if r >= 'a' && r <= 'z' {
				return r
			}
			return '_'
		}, cli)
		var q struct{ QueueUrl string }
		runCLI(t, s, cli, &q, "sqs", "create-queue", "--queue-name", name)
		assert.Equal(t, s.url+"/000000000000/"+name, q.QueueUrl)
		var sent struct{ MessageId, MD5OfMessageBody string }
		runCLI(t, s, cli, &sent, "sqs", "send-message", "--queue-url", q.QueueUrl, "--message-body", "hello")
		assert.Equal(t, "5d41402abc4b2a76b9719d911017c592", sent.MD5OfMessageBody, "MD5 of hello")
		var got struct {
			Messages []struct{ MessageId, Body string }
		}
		runCLI(t, s, cli, &got, "sqs", "receive-message", "--queue-url", q.QueueUrl)
		require.Len(t, got.Messages, 1)
		assert.Equal(t, sent.MessageId, got.Messages[0].MessageId)
		assert.Equal(t, "hello", got.Messages[0].Body)
	})
}
