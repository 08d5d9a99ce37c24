package s3

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hosts S3 clients address buckets by, virtual-hosted or path style.
func TestHostBucket_VirtualHostedAndPathStyleHosts(t *testing.T) {
	s := newTestService()
	for host, want := range map[string]string{
		"awsfake.localhost":                            "",
		"photos.awsfake.localhost":                     "photos",
		"my.dotted.bucket.awsfake.localhost":           "my.dotted.bucket",
		"127.0.0.1:4566":                               "",
		"[::1]:4566":                                   "",
		"localhost:4566":                               "",
		"photos.localhost:4566":                        "photos",
		"s3.amazonaws.com":                             "",
		"photos.s3.amazonaws.com":                      "photos",
		"s3.us-west-2.amazonaws.com":                   "",
		"photos.s3.us-west-2.amazonaws.com":            "photos",
		"photos.s3-us-west-2.amazonaws.com":            "photos",
		"my.s3.like.bucket.s3.eu-west-1.amazonaws.com": "my.s3.like.bucket",
		"PHOTOS.AWSFAKE.LOCALHOST":                     "photos",
		"example.com":                                  "",
	} {
		assert.Equal(t, want, s.hostBucket(host), host)
	}
}

func TestServeHTTP_AddressesBucketsByHostOrPathAndKeepsKeysGreedy(t *testing.T) {
	s := newTestService()
	_, err := s.CreateBucket(t.Context(), CreateBucketInput{Bucket: "bkt"})
	require.NoError(t, err)
	for _, tc := range []struct{ host, path, key string }{
		{"bkt.s3.amazonaws.com", "/a%20b%2Bc/d", "a b+c/d"},
		{"s3.us-east-1.amazonaws.com", "/bkt/x//y/", "x//y/"},
		{"awsfake.localhost", "/bkt/%2Fleading", "/leading"},
		{"bkt.localhost:9000", "/q%3Fmark", "q?mark"},
	} {
		req := httptest.NewRequest(http.MethodPut, "http://"+tc.host+tc.path, strings.NewReader("v"))
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		require.Equal(t, http.StatusOK, rec.Code, "%s%s: %s", tc.host, tc.path, rec.Body)
		_, ok := s.Object("bkt", tc.key)
		assert.True(t, ok, "%s%s stored as %q", tc.host, tc.path, tc.key)
		assert.NotEmpty(t, rec.Header().Get("x-amz-request-id"))
		assert.NotEmpty(t, rec.Header().Get("x-amz-id-2"))
	}
}

func TestServeHTTP_ErrorsAreS3ErrorDocumentsWithoutBodyOnHead(t *testing.T) {
	s := newTestService()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://nope.awsfake.localhost/key", nil))
	assert.Equal(t, http.StatusNotFound, rec.Code)
	assert.Contains(t, rec.Body.String(), "<Error><Code>NoSuchBucket</Code>")
	assert.Contains(t, rec.Body.String(), "<BucketName>nope</BucketName>")

	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "http://nope.awsfake.localhost/key", nil))
	assert.Equal(t, http.StatusNotFound, rec.Code)
	assert.Empty(t, rec.Body.String())

	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodPatch, "http://awsfake.localhost/bkt/key", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	assert.Contains(t, rec.Body.String(), "<Code>MethodNotAllowed</Code>")
}
