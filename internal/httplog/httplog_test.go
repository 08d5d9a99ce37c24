package httplog_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/httplog"
)

func TestWriter_RecordsTheFinalStatusAndSize(t *testing.T) {
	rec := httptest.NewRecorder()
	w := httplog.New(rec)
	assert.Equal(t, http.StatusOK, w.Status(), "nothing written yet")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write([]byte("missing"))
	w.Flush()
	assert.Equal(t, http.StatusNotFound, w.Status())
	assert.Equal(t, 7, w.Size())
	assert.Equal(t, "missing", rec.Body.String())
	assert.Equal(t, rec, w.Unwrap())

	interim := httplog.New(headerOnly{})
	interim.WriteHeader(http.StatusContinue)
	assert.Equal(t, http.StatusOK, interim.Status(), "an interim answer is not the status")
	interim.WriteHeader(http.StatusNoContent)
	assert.Equal(t, http.StatusNoContent, interim.Status())

	implicit := httplog.New(httptest.NewRecorder())
	_, _ = implicit.Write([]byte("ok"))
	assert.Equal(t, http.StatusOK, implicit.Status())
}

// headerOnly is a ResponseWriter that takes any sequence of statuses.
type headerOnly struct{ http.ResponseWriter }

func (headerOnly) WriteHeader(int) {}
