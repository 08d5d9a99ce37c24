package protocol_test

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/protocol"
)

func TestCredentialScope(t *testing.T) {
	const auth = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300101/us-east-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc"
	r := httptest.NewRequest("POST", "/", nil)
	r.Header.Set("Authorization", auth)
	s, ok := protocol.CredentialScope(r)
	assert.True(t, ok)
	assert.Equal(t, protocol.Scope{AccessKeyID: "AKIDEXAMPLE", Date: "20300101", Region: "us-east-1", Service: "sqs"}, s)

	// A presigned URL carries the credential in the query string.
	r = httptest.NewRequest("GET", "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20300101%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Signature=x", nil)
	s, ok = protocol.CredentialScope(r)
	assert.True(t, ok)
	assert.Equal(t, "s3", s.Service)
	assert.Equal(t, "eu-west-1", s.Region)

	for _, bad := range []string{"", "Bearer x", "AWS4-HMAC-SHA256 Credential=AKID/20300101/us-east-1/sqs", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e/f", "AWS4-HMAC-SHA256 Credential=a/b/c/d/aws5_request"} {
		r = httptest.NewRequest("POST", "/", nil)
		r.Header.Set("Authorization", bad)
		_, ok = protocol.CredentialScope(r)
		assert.False(t, ok, "%q", bad)
	}
}
