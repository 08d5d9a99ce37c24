package s3_test

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// The recorded answers these tests pin are AWS's, in
// shared/aws-recordings/localstack/s3/test_s3_cors.snapshot.json; each
// test names the test id it pins.
const (
	corsNotAllowed = "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec."
	corsVary       = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method"
)

// corsAnswer is a raw HTTP answer: status, headers, body and, for an XML
// error, its elements.
type corsAnswer struct {
	status int
	header http.Header
	body   string
	err    struct {
		Code, Message, Method, ResourceType string
	}
}

// corsCloud is a cloud with bucket bkt holding object "obj" ("test-cors"),
// and a path-style SDK client.
func corsCloud(t *testing.T) (*awsfake.Cloud, *s3.Client) {
	t.Helper()
	cloud := awsfake.NewT(t)
	c := s3.NewFromConfig(cloud.AWSConfig(), pathStyle)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "obj", "test-cors")
	return cloud, c
}

func putCORS(t *testing.T, c *s3.Client, rules ...types.CORSRule) {
	t.Helper()
	_, err := c.PutBucketCors(context.Background(), &s3.PutBucketCorsInput{Bucket: aws.String("bkt"),
		CORSConfiguration: &types.CORSConfiguration{CORSRules: rules}})
	require.NoError(t, err)
}

// vhost is the virtual-hosted URL of a bucket's path.
func vhost(bucket, path string) string { return "http://" + bucket + ".awsfake.localhost/" + path }

// send sends an unsigned request, as a browser does, with headers given
// as name, value pairs.
func send(t *testing.T, cloud *awsfake.Cloud, method, url string, kv ...string) corsAnswer {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(kv); i += 2 {
		req.Header.Set(kv[i], kv[i+1])
	}
	resp, err := cloud.HTTPClient().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	a := corsAnswer{status: resp.StatusCode, header: resp.Header, body: string(b)}
	if strings.Contains(resp.Header.Get("Content-Type"), "xml") && len(b) > 0 {
		require.NoError(t, xml.Unmarshal(b, &a.err), "%s", b)
	}
	return a
}

// requireRefusal fails unless a is the recorded error.
func requireRefusal(t *testing.T, a corsAnswer, status int, code, msg, method, kind string) {
	t.Helper()
	require.Equal(t, status, a.status, a.body)
	assert.Equal(t, code, a.err.Code)
	assert.Equal(t, msg, a.err.Message)
	assert.Equal(t, method, a.err.Method)
	assert.Equal(t, kind, a.err.ResourceType)
	assert.Equal(t, "application/xml", a.header.Get("Content-Type"))
}

// requireNoCORS fails unless a carries no Access-Control-* header.
func requireNoCORS(t *testing.T, a corsAnswer) {
	t.Helper()
	for k := range a.header {
		assert.NotContains(t, strings.ToLower(k), "access-control", "header %s", k)
	}
}

// requireCORS fails unless a carries exactly the CORS headers want
// (and Vary), none other.
func requireCORS(t *testing.T, a corsAnswer, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for k := range a.header {
		if strings.HasPrefix(strings.ToLower(k), "access-control") {
			got[k] = a.header.Get(k)
		}
	}
	assert.Equal(t, want, got)
	assert.Equal(t, corsVary, a.header.Get("Vary"))
}

// tests/aws/services/s3/test_s3_cors.py::TestS3Cors::test_cors_http_options_no_config
func TestCORS_PreflightWithoutConfig(t *testing.T) {
	cloud, _ := corsCloud(t)
	for _, url := range []string{vhost("bkt", "obj"), cloud.URL() + "/bkt/obj"} {
		a := send(t, cloud, http.MethodOptions, url)
		requireRefusal(t, a, 400, "BadRequest", "Insufficient information. Origin request header needed.", "", "")
		a = send(t, cloud, http.MethodOptions, url, "Origin", "whatever", "Access-Control-Request-Method", "PUT")
		requireRefusal(t, a, 403, "AccessForbidden", "CORSResponse: CORS is not enabled for this bucket.", "PUT", "BUCKET")
		a = send(t, cloud, http.MethodOptions, url, "Origin", "whatever")
		requireRefusal(t, a, 403, "AccessForbidden", "CORSResponse: CORS is not enabled for this bucket.", "OPTIONS", "BUCKET")
	}
}

// tests/aws/services/s3/test_s3_cors.py::TestS3Cors::test_cors_http_get_no_config
func TestCORS_GetWithoutConfigHasNoCORSHeaders(t *testing.T) {
	cloud, _ := corsCloud(t)
	for _, kv := range [][]string{nil, {"Origin", "whatever"}} {
		a := send(t, cloud, http.MethodGet, vhost("bkt", "obj"), kv...)
		require.Equal(t, 200, a.status, a.body)
		assert.Equal(t, "test-cors", a.body)
		requireNoCORS(t, a)
	}
}

// tests/aws/services/s3/test_s3_cors.py::TestS3Cors::test_cors_http_options_non_existent_bucket
func TestCORS_PreflightOnMissingBucket(t *testing.T) {
	cloud, _ := corsCloud(t)
	url := vhost("fake-bucket", "key")
	a := send(t, cloud, http.MethodOptions, url)
	requireRefusal(t, a, 400, "BadRequest", "Insufficient information. Origin request header needed.", "", "")
	a = send(t, cloud, http.MethodOptions, url, "Origin", "whatever")
	requireRefusal(t, a, 403, "AccessForbidden", "CORSResponse: Bucket not found", "OPTIONS", "BUCKET")
}
