package s3_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// awsCLIs are the AWS CLIs on this machine: the one on PATH and Debian's
// /usr/bin/aws (CLI v2) when it is another one.
func awsCLIs() []string {
	var out []string
	if p, err := exec.LookPath("aws"); err == nil {
		out = append(out, p)
	}
	if p, err := exec.LookPath("/usr/bin/aws"); err == nil {
		if len(out) == 0 {
			out = append(out, p)
		} else if a, b := realPath(out[0]), realPath(p); a != b {
			out = append(out, p)
		}
	}
	return out
}

func realPath(p string) string {
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		return p
	}
	return r
}

// The AWS CLI against the cloud served on a socket: s3 mb, cp (a small
// file, and one large enough for a multipart upload), ls, cp back, rm, rb.
func TestAWSCLI_CopyListAndDownload(t *testing.T) {
	clis := awsCLIs()
	if len(clis) == 0 {
		t.Skip("no aws CLI on this machine")
	}
	if testing.Short() {
		t.Skip("runs the AWS CLI: slow")
	}
	srv := newServer(t)
	dir := t.TempDir()
	small := filepath.Join(dir, "small file.txt")
	big := filepath.Join(dir, "big.bin")
	require.NoError(t, os.WriteFile(small, []byte("hello from the CLI\n"), 0o600))
	bigData := randomBytes(9*mib+123, 9) // over the CLI's 8 MiB multipart threshold
	require.NoError(t, os.WriteFile(big, bigData, 0o600))

	for _, cli := range clis {
		t.Run(cli, func(t *testing.T) {
			run := func(args ...string) string {
				t.Helper()
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
				defer cancel()
				cmd := exec.CommandContext(ctx, cli, append([]string{"--endpoint-url", srv}, args...)...)
				cmd.Env = append(cleanEnv(), "AWS_ACCESS_KEY_ID=AKIDCLI", "AWS_SECRET_ACCESS_KEY=secret",
					"AWS_DEFAULT_REGION=us-east-1", "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_PAGER=")
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				require.NoError(t, err, "aws %s: %s", strings.Join(args, " "), stderr.String())
				return string(out)
			}
			bucket := "s3://cli-" + strings.ReplaceAll(filepath.Base(filepath.Dir(cli))+filepath.Base(cli), "_", "-")
			run("s3", "mb", bucket)
			run("s3", "cp", small, bucket+"/docs/small file.txt", "--no-progress")
			run("s3", "cp", big, bucket+"/data/big.bin", "--no-progress")
			ls := run("s3", "ls", bucket, "--recursive")
			assert.Contains(t, ls, "docs/small file.txt")
			assert.Contains(t, ls, "data/big.bin")

			back := filepath.Join(t.TempDir(), "back.bin")
			run("s3", "cp", bucket+"/data/big.bin", back, "--no-progress")
			got, err := os.ReadFile(back)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(bigData, got), "download is byte-identical")

			run("s3", "rm", bucket, "--recursive")
			run("s3", "rb", bucket)
		})
	}
}

// newServer serves a new cloud on a local socket and returns its URL.
func newServer(t *testing.T) string {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	url := "http://" + srv.Listener.Addr().String()
	cloud := awsfake.NewT(t, awsfake.WithURL(url))
	srv.Config.Handler = cloud.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	return url
}

// cleanEnv is the environment without AWS_* variables.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			env = append(env, kv)
		}
	}
	return env
}
