package awsfake

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
)

func TestTransport_ServesAnyHostInMemory(t *testing.T) {
	var got *http.Request
	var gotBody string
	client := &http.Client{Transport: &memTransport{handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r
		b, _ := io.ReadAll(r.Body)
		gotBody = string(b)
		w.Header().Set("X-Test", "1")
		w.WriteHeader(http.StatusAccepted)
		_, _ = io.WriteString(w, "hello")
	})}}
	for _, host := range []string{"awsfake.localhost", "sync-awsfake.localhost", "stream-awsfake.localhost",
		"my-bucket.awsfake.localhost", "127.0.0.1:4566", "no.such.host.invalid"} {
		resp, err := client.Post("http://"+host+"/a%2Fb/c?x=1", "text/plain", strings.NewReader("body"))
		require.NoError(t, err, host)
		b, _ := io.ReadAll(resp.Body)
		assert.Equal(t, http.StatusAccepted, resp.StatusCode)
		assert.Equal(t, "202 Accepted", resp.Status)
		assert.Equal(t, "hello", string(b))
		assert.Equal(t, int64(5), resp.ContentLength)
		assert.Equal(t, "1", resp.Header.Get("X-Test"))

		assert.Equal(t, host, got.Host, "the handler sees the host the client dialled")
		assert.Equal(t, "/a%2Fb/c", got.URL.EscapedPath(), "encoded slashes survive")
		assert.Equal(t, "x=1", got.URL.RawQuery)
		assert.Equal(t, "/a%2Fb/c?x=1", got.RequestURI)
		assert.Empty(t, got.URL.Host, "the handler sees a server-side URL")
		assert.Equal(t, "body", gotBody)
	}
}

func TestTransport_HeaderChangesAfterWriteHeaderAreNotSent(t *testing.T) {
	client := &http.Client{Transport: &memTransport{handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Before", "1")
		_, _ = io.WriteString(w, "x") // implicit 200
		w.Header().Set("After", "1")
		w.WriteHeader(http.StatusTeapot) // ignored, as net/http ignores it
	})}}
	resp, err := client.Get("http://h/")
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "1", resp.Header.Get("Before"))
	assert.Empty(t, resp.Header.Get("After"))

	client = &http.Client{Transport: &memTransport{handler: http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})}}
	resp, err = client.Get("http://h/")
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode, "a handler that writes nothing answers 200")
}

func TestTransport_HeadKeepsContentLengthAndHasNoBody(t *testing.T) {
	client := &http.Client{Transport: &memTransport{handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1234")
		w.Header().Set("ETag", `"abc"`)
		w.WriteHeader(200)
	})}}
	resp, err := client.Head("http://bucket.awsfake.localhost/key")
	require.NoError(t, err)
	assert.Equal(t, int64(1234), resp.ContentLength, "HeadObject reads the size from Content-Length")
	b, _ := io.ReadAll(resp.Body)
	assert.Empty(t, b)
}

func TestTransport_CancelledContextEndsAnInFlightRequest(t *testing.T) {
	started := make(chan struct{})
	client := &http.Client{Transport: &memTransport{handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done() // a long poll that honours its context
	})}}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	req, _ := http.NewRequestWithContext(ctx, "POST", "http://awsfake.localhost/", strings.NewReader("{}"))
	_, err := client.Do(req)
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.Canceled), "%v", err)

	// A context already done never reaches the handler.
	called := false
	client = &http.Client{Transport: &memTransport{handler: http.HandlerFunc(func(http.ResponseWriter, *http.Request) { called = true })}}
	req, _ = http.NewRequestWithContext(ctx, "GET", "http://awsfake.localhost/", nil)
	_, err = client.Do(req)
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, called)
}

func TestTransport_HonoursVirtualTimeInsideSynctest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// A 20 s long poll on the real clock, which is virtual in a bubble.
		clk := clock.Real()
		client := &http.Client{Transport: &memTransport{handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			tm := clk.TimerAt(clk.Now().Add(20 * time.Second))
			defer tm.Stop()
			select {
			case <-tm.C():
				_, _ = io.WriteString(w, "timed out")
			case <-r.Context().Done():
			}
		})}}
		start := time.Now()
		resp, err := client.Get("http://awsfake.localhost/")
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		assert.Equal(t, "timed out", string(b))
		assert.Equal(t, 20*time.Second, time.Since(start), "exactly 20 s of virtual time passed")

		// A request deadline cuts the wait short, in virtual time too.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", "http://awsfake.localhost/", nil)
		start = time.Now()
		_, err = client.Do(req)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 5*time.Second, time.Since(start))
	})
}
