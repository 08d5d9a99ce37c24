package s3_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
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
		if !strings.HasPrefix(cli.Version, "2.9.") {
			// CLI v2.9's model predates TransitionDefaultMinimumObjectSize
			// (2024), a response header it does not print.
			assert.Contains(t, got, "all_storage_classes_128K")
		}
		run("s3api", "delete-bucket-lifecycle", "--bucket", bucket)
	})
}

// The CLI's website flow against the served cloud: aws s3 website sets
// the index and error documents, s3api get-bucket-website reads them back,
// and the website endpoint (by its Host, once allowed) serves the index
// for "/" and the error document with a 404 for a missing key, as
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/CustomErrorDocSupport.html
// describes.
func TestAWSCLI_Website(t *testing.T) {
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		srv := httptest.NewUnstartedServer(nil)
		url := "http://" + srv.Listener.Addr().String()
		cloud := awsfake.NewT(t, awsfake.WithURL(url), awsfake.WithAllowedHosts(".amazonaws.com"))
		srv.Config.Handler = cloud.Handler()
		srv.Start()
		t.Cleanup(srv.Close)
		run := func(args ...string) string { t.Helper(); return string(cli.Run(t, url, args...)) }
		dir := t.TempDir()
		index, missing := filepath.Join(dir, "index.html"), filepath.Join(dir, "error.html")
		require.NoError(t, os.WriteFile(index, []byte("<h1>home</h1>"), 0o600))
		require.NoError(t, os.WriteFile(missing, []byte("<h1>lost</h1>"), 0o600))

		bucket := "cli-web-" + cli.Name()
		run("s3", "mb", "s3://"+bucket)
		run("s3", "cp", index, "s3://"+bucket+"/index.html", "--no-progress")
		run("s3", "cp", missing, "s3://"+bucket+"/error.html", "--no-progress")
		run("s3", "website", "s3://"+bucket, "--index-document", "index.html", "--error-document", "error.html")
		got := run("s3api", "get-bucket-website", "--bucket", bucket)
		assert.Contains(t, got, `"Suffix": "index.html"`)
		assert.Contains(t, got, `"Key": "error.html"`)

		host := bucket + ".s3-website-us-east-1.amazonaws.com"
		code, body := browseSocket(t, url+"/", host)
		assert.Equal(t, 200, code)
		assert.Equal(t, "<h1>home</h1>", body)
		code, body = browseSocket(t, url+"/no/such/page", host)
		assert.Equal(t, 404, code)
		assert.Equal(t, "<h1>lost</h1>", body)
	})
}

// browseSocket GETs url with the Host header host, as a browser does at a
// website endpoint, and returns the status and the body.
func browseSocket(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	require.NoError(t, err)
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}
