package awsfake

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// A request's scope: the region its signature names (or, unsigned, its
// host), the account of its key.
func TestScope_RegionFromTheSignatureAccountFromTheKey(t *testing.T) {
	c := New()
	defer c.Close()
	sign := func(key, region string) *http.Request {
		r := httptest.NewRequest(http.MethodPost, "http://awsfake.localhost/", nil)
		r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+key+"/20300101/"+region+"/sqs/aws4_request, SignedHeaders=host, Signature=x")
		return r
	}
	for _, tc := range []struct {
		name string
		r    *http.Request
		want faults.Scope
	}{
		{"the test keys", sign(TestAccessKeyID, "us-east-1"), faults.Scope{Account: "000000000000", Region: "us-east-1", Partition: "aws", AccessKeyID: TestAccessKeyID}},
		{"another region", sign(TestAccessKeyID, "eu-west-1"), faults.Scope{Account: "000000000000", Region: "eu-west-1", Partition: "aws", AccessKeyID: TestAccessKeyID}},
		{"a 12-digit key, China", sign("111111111111", "cn-north-1"), faults.Scope{Account: "111111111111", Region: "cn-north-1", Partition: "aws-cn", AccessKeyID: "111111111111"}},
		{"unsigned, the host's region", httptest.NewRequest(http.MethodGet, "http://sqs.ap-south-1.amazonaws.com/", nil),
			faults.Scope{Account: "000000000000", Region: "ap-south-1", Partition: "aws"}},
		{"unsigned, no region in the host", httptest.NewRequest(http.MethodGet, "http://127.0.0.1:4566/", nil),
			faults.Scope{Account: "000000000000", Region: "us-east-1", Partition: "aws"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, c.scope(tc.r))
		})
	}
	cfg := c.AWSConfigFor("eu-central-1", "222222222222")
	assert.Equal(t, "eu-central-1", cfg.Region)
	creds, err := cfg.Credentials.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "222222222222", creds.AccessKeyID)
}
