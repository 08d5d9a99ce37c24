package xray_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/xray"
)

// The wire answers an unknown path, bad JSON and a timestamp that is not a
// number with AWS's errors, and no state changes.
func TestWire_BadRequests(t *testing.T) {
	s := xray.New(cloudenv.ForTest(clock.NewFake(t0)))
	t.Cleanup(s.Close)
	serve := func(path, body string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(http.MethodPost, path, strings.NewReader(body)))
		return w
	}
	w := serve("/NoSuchThing", "{}")
	assert.Equal(t, 404, w.Code)
	assert.Equal(t, "UnknownOperationException", w.Header().Get("X-Amzn-ErrorType"))
	w = serve("/TraceSegments", `{"TraceSegmentDocuments":`)
	assert.Equal(t, 400, w.Code)
	assert.Equal(t, "SerializationException", w.Header().Get("X-Amzn-ErrorType"))
	w = serve("/TraceSummaries", `{"StartTime":"2030-01-01T00:00:00Z","EndTime":1}`)
	assert.Equal(t, 400, w.Code)
	assert.Equal(t, "SerializationException", w.Header().Get("X-Amzn-ErrorType"))
	w = serve("/TraceSummaries", `{"StartTime":1893456000,"EndTime":1893456100,"FilterExpression":"duration >"}`)
	assert.Equal(t, 400, w.Code)
	assert.Equal(t, "InvalidRequestException", w.Header().Get("X-Amzn-ErrorType"))
	w = serve("/TraceSegments", `{"TraceSegmentDocuments":["{}"]}`)
	assert.Equal(t, 200, w.Code)
	assert.Contains(t, w.Body.String(), `"ErrorCode":"MissingRequiredField"`)
	assert.Empty(t, s.Traces(t.Context()))
}
