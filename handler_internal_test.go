package awsfake

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestServeHTTP_PanicBecomesInternalFailure(t *testing.T) {
	c := New()
	defer c.Close()
	c.routes["panicky"] = http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("engine bug") })
	req := httptest.NewRequest("POST", "/", strings.NewReader("{}"))
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20300101/us-east-1/panicky/aws4_request, SignedHeaders=host, Signature=00")
	w := httptest.NewRecorder()
	c.ServeHTTP(w, req)
	assert.Equal(t, 500, w.Code)
	assert.Equal(t, "InternalFailure", w.Header().Get("X-Amzn-ErrorType"))
	assert.Contains(t, w.Body.String(), "engine bug")
	assert.NotEmpty(t, w.Header().Get("x-amzn-RequestId"))
}
