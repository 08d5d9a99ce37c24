package s3_test

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/awscli"
)

// The AWS CLI against the cloud served on a socket: s3 mb, cp (a small
// file, and one large enough for a multipart upload), ls, cp back, rm, rb.
func TestAWSCLI_CopyListAndDownload(t *testing.T) {
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		srv := newServer(t)
		dir := t.TempDir()
		small := filepath.Join(dir, "small file.txt")
		big := filepath.Join(dir, "big.bin")
		require.NoError(t, os.WriteFile(small, []byte("hello from the CLI\n"), 0o600))
		bigData := randomBytes(9*mib+123, 9) // over the CLI's 8 MiB multipart threshold
		require.NoError(t, os.WriteFile(big, bigData, 0o600))

		run := func(args ...string) string { t.Helper(); return string(cli.Run(t, srv, args...)) }
		bucket := "s3://cli-" + cli.Name()
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

// aws s3api put-bucket-lifecycle-configuration sends its document with a
// checksum and reads it back with get-bucket-lifecycle-configuration.
func TestAWSCLI_LifecycleConfiguration(t *testing.T) {
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		srv := newServer(t)
		run := func(args ...string) string { t.Helper(); return string(cli.Run(t, srv, args...)) }
		bucket := "cli-lc-" + cli.Name()
		run("s3api", "create-bucket", "--bucket", bucket)
		run("s3api", "put-bucket-lifecycle-configuration", "--bucket", bucket, "--lifecycle-configuration",
			`{"Rules":[{"ID":"logs","Status":"Enabled","Filter":{"Prefix":"logs/"},"Expiration":{"Days":30}}]}`)
		got := run("s3api", "get-bucket-lifecycle-configuration", "--bucket", bucket)
		assert.Contains(t, got, `"ID": "logs"`)
		assert.Contains(t, got, `"Days": 30`)
		assert.Contains(t, got, "all_storage_classes_128K")
		run("s3api", "delete-bucket-lifecycle", "--bucket", bucket)
	})
}
