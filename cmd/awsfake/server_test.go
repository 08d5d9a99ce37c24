package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testServer is run serving on a free loopback port.
type testServer struct {
	url    string
	stdout *syncBuffer
	stderr *syncBuffer
	client *http.Client
	cancel context.CancelFunc
	done   chan error
}

// startServer runs the command with args (plus -addr 127.0.0.1:0) until the
// test ends, and waits until it serves.
func startServer(t testing.TB, args ...string) *testServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &testServer{stdout: &syncBuffer{}, stderr: &syncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	ready := make(chan string, 1)
	go func() {
		s.done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), s.stdout, s.stderr, func(addr string) { ready <- addr })
	}()
	select {
	case addr := <-ready:
		s.url = "http://" + addr
	case err := <-s.done:
		cancel()
		t.Fatalf("run: %v\nstderr: %s", err, s.stderr)
	}
	s.client = &http.Client{Transport: &bufferingTransport{next: http.DefaultTransport.(*http.Transport).Clone()}}
	t.Cleanup(func() { _ = s.stop() })
	return s
}

// stop shuts the server down as SIGINT does and returns what run returned.
func (s *testServer) stop() error {
	s.client.CloseIdleConnections()
	s.cancel()
	err, ok := <-s.done
	if !ok {
		return nil
	}
	close(s.done)
	return err
}

// awsConfig is what a Go user of server mode configures: the server's URL,
// any static credentials, and the buffering client the README recommends.
func (s *testServer) awsConfig() aws.Config {
	return aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		BaseEndpoint: aws.String(s.url),
		HTTPClient:   s.client,
	}
}

// do sends method path with body and returns the status and body.
func (s *testServer) do(t testing.TB, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.url+path, strings.NewReader(body))
	require.NoError(t, err)
	resp, err := s.client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// bufferingTransport is the README's advice for Go clients of server mode:
// it reads each request body into memory before sending it, because
// aws-sdk-go-v2 closes a request body as soon as the round trip returns,
// which can make net/http drop the connection while the response arrives
// (aws/aws-sdk-go-v2#1825, #2737).
type bufferingTransport struct{ next http.RoundTripper }

func (b *bufferingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil && r.Body != http.NoBody {
		body, err := io.ReadAll(r.Body)
		r.Body.Close()
		if err != nil {
			return nil, err
		}
		r = r.Clone(r.Context())
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		r.ContentLength = int64(len(body))
	}
	return b.next.RoundTrip(r)
}

func (b *bufferingTransport) CloseIdleConnections() {
	if c, ok := b.next.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

// syncBuffer is a bytes.Buffer safe for the server's concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestServer_GetCallerIdentityOverLoopback(t *testing.T) {
	s := startServer(t, "-account", "123456789012")
	out, err := sts.NewFromConfig(s.awsConfig()).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "123456789012", aws.ToString(out.Account))
	assert.Equal(t, "arn:aws:iam::123456789012:root", aws.ToString(out.Arn))
	assert.Contains(t, s.stdout.String(), "awsfake: serving "+s.url+" (region us-east-1, account 123456789012, clock real)")
}

func TestServer_RefusesNonLoopbackAddressUnlessAllowed(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0"} {
		var stderr bytes.Buffer
		err := run(context.Background(), []string{"-addr", addr}, io.Discard, &stderr, func(string) {
			t.Errorf("%s: the server listened", addr)
		})
		var usage usageError
		require.ErrorAs(t, err, &usage, addr)
		assert.Contains(t, err.Error(), "is not a loopback address", addr)
		assert.Contains(t, stderr.String(), "-allow-remote", addr)
	}

	ctx, cancel := context.WithCancel(context.Background())
	err := run(ctx, []string{"-addr", "0.0.0.0:0", "-allow-remote"}, io.Discard, io.Discard, func(string) { cancel() })
	assert.NoError(t, err)
}

func TestServer_ReportsAnAddressInUse(t *testing.T) {
	s := startServer(t)
	err := run(context.Background(), []string{"-addr", strings.TrimPrefix(s.url, "http://")}, io.Discard, io.Discard, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "address already in use")
}

func TestServer_ContextCancelShutsDownAndLeavesNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	s := startServer(t, "-clock", "fake")
	_, err := sts.NewFromConfig(s.awsConfig()).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	status, _ := s.do(t, http.MethodPost, clockPath, `{"advance":"1h"}`)
	require.Equal(t, http.StatusOK, status)

	require.NoError(t, s.stop())
	assert.Contains(t, s.stdout.String(), "awsfake: shut down")
	// Connections wind down asynchronously on both sides; wait for them.
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines before, %d after shutdown:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
	_, err = http.Get(s.url + healthPath)
	assert.Error(t, err, "the server still answers after shutdown")
}

func TestServer_LogsOneLinePerRequestWithV(t *testing.T) {
	s := startServer(t, "-v")
	_, err := sts.NewFromConfig(s.awsConfig()).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	s.do(t, http.MethodGet, healthPath, "")
	require.NoError(t, s.stop())

	lines := strings.Split(strings.TrimSpace(s.stderr.String()), "\n")
	require.Len(t, lines, 2, s.stderr.String())
	assert.Regexp(t, `sts\.GetCallerIdentity POST / 200 \d+B [0-9a-f-]{36}$`, lines[0])
	assert.Regexp(t, `awsfake\.health GET /_awsfake/health 200 \d+B$`, lines[1])
}

func TestServer_LogsNothingByDefault(t *testing.T) {
	s := startServer(t)
	_, err := sts.NewFromConfig(s.awsConfig()).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	s.do(t, http.MethodGet, "/_awsfake/nosuch/thing", "")
	require.NoError(t, s.stop())
	assert.Empty(t, s.stderr.String())
}

func TestServer_UsageErrorsServeNothing(t *testing.T) {
	err := run(context.Background(), []string{"-clock", "sundial"}, io.Discard, io.Discard, func(string) {
		t.Error("the server listened")
	})
	var usage usageError
	require.ErrorAs(t, err, &usage)

	err = run(context.Background(), []string{"-h"}, io.Discard, io.Discard, nil)
	require.ErrorAs(t, err, &usage)
	assert.True(t, usage.help)
	assert.True(t, errors.Is(err, flag.ErrHelp))
}

func BenchmarkServer_GetCallerIdentityOverLoopback(b *testing.B) {
	s := startServer(b)
	client := sts.NewFromConfig(s.awsConfig())
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkServer_Reset(b *testing.B) {
	s := startServer(b)
	b.ReportAllocs()
	for b.Loop() {
		if status, body := s.do(b, http.MethodPost, resetPath, ""); status != http.StatusOK {
			b.Fatal(status, body)
		}
	}
}
