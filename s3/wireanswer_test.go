package s3_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/require"
)

// answer is an HTTP answer as the SDK client received it: the status, the
// headers with their keys as sent (not canonicalised) and the body.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// errorDoc is the S3 <Error> document of an answer.
type errorDoc struct {
	Code, Message, Method, ResourceType, Condition, ArgumentName, ArgumentValue, TagKey, TagValue, Header, Key string
}

// answers records the last answer an SDK client received.
type answers struct {
	inner s3.HTTPClient
	mu    sync.Mutex
	last  answer
}

// Do sends req through the client's own transport and keeps a copy of the
// answer, handing the SDK the body unread.
func (a *answers) Do(req *http.Request) (*http.Response, error) {
	resp, err := a.inner.Do(req)
	if err != nil {
		return resp, err
	}
	b, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(b))
	a.mu.Lock()
	a.last = answer{status: resp.StatusCode, header: resp.Header.Clone(), body: b}
	a.mu.Unlock()
	return resp, err
}

// recording makes a client record its answers in a.
func recording(a *answers) func(*s3.Options) {
	return func(o *s3.Options) {
		a.inner = o.HTTPClient
		o.HTTPClient = a
	}
}

// Last returns the last answer.
func (a *answers) Last() answer {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.last
}

// Error decodes the last answer's error document.
func (a *answers) Error(t *testing.T) errorDoc {
	t.Helper()
	var doc errorDoc
	last := a.Last()
	require.NoError(t, xml.Unmarshal(last.body, &doc), "%s", last.body)
	return doc
}
