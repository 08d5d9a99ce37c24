package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// send makes a raw request over the socket with the given headers.
func (s *testServer) send(t *testing.T, method, path, body string, header map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.url+path, strings.NewReader(body))
	require.NoError(t, err)
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := s.client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func queueNames(t *testing.T, s *testServer) []string {
	t.Helper()
	out, err := sqs.NewFromConfig(s.awsConfig()).ListQueues(context.Background(), &sqs.ListQueuesInput{})
	require.NoError(t, err)
	return out.QueueUrls
}

// A web page the developer has open cannot drive the fake: another site's
// text/plain POST to /_awsfake/reset, its form POST of an SQS action and its
// cross-site GET are refused, and the state is intact; the same requests
// without a browser's marks work.
func TestGuard_WebPagesCannotDriveTheServer(t *testing.T) {
	s := startServer(t)
	_, err := sqs.NewFromConfig(s.awsConfig()).CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String("keep")})
	require.NoError(t, err)
	page := map[string]string{"Origin": "http://evil.example", "Content-Type": "text/plain"}

	status, body := s.send(t, "POST", "/_awsfake/reset", "", page)
	assert.Equal(t, http.StatusForbidden, status)
	assert.Contains(t, body, "-allow-origin http://evil.example", "the refusal says how to allow it")
	require.Len(t, queueNames(t, s), 1, "the reset did not happen")

	form := map[string]string{"Origin": "http://evil.example", "Content-Type": "application/x-www-form-urlencoded"}
	status, _ = s.send(t, "POST", "/", "Action=CreateQueue&QueueName=evil&Version=2012-11-05", form)
	assert.Equal(t, http.StatusForbidden, status)
	status, _ = s.send(t, "GET", "/?Action=CreateQueue&QueueName=evil2&Version=2012-11-05", "", map[string]string{"Sec-Fetch-Site": "cross-site"})
	assert.Equal(t, http.StatusForbidden, status)
	require.Len(t, queueNames(t, s), 1, "no queue was created")

	status, _ = s.send(t, "POST", "/", "Action=CreateQueue&QueueName=cli&Version=2012-11-05",
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
	assert.Equal(t, http.StatusOK, status, "without a browser's marks")
	status, _ = s.send(t, "GET", "/_awsfake/health", "", map[string]string{"Sec-Fetch-Site": "same-origin"})
	assert.Equal(t, http.StatusOK, status, "the fake's own pages")
	status, _ = s.send(t, "POST", "/_awsfake/reset", "", nil)
	assert.Equal(t, http.StatusOK, status)
	assert.Empty(t, queueNames(t, s))
}

// -allow-origin lets a front end's origin in; a page served by the fake
// itself (its own origin) is always in.
func TestGuard_AllowedOriginsDriveTheServer(t *testing.T) {
	s := startServer(t, "-allow-origin", "http://localhost:3000")
	status, _ := s.send(t, "GET", "/_awsfake/health", "", map[string]string{"Origin": "http://localhost:3000", "Sec-Fetch-Site": "same-site"})
	assert.Equal(t, http.StatusOK, status)
	status, _ = s.send(t, "GET", "/_awsfake/health", "", map[string]string{"Origin": s.url})
	assert.Equal(t, http.StatusOK, status)
	status, _ = s.send(t, "GET", "/_awsfake/health", "", map[string]string{"Origin": "null"})
	assert.Equal(t, http.StatusForbidden, status)
}

// A DNS-rebinding page reaches the server under its own name: the Host is
// not a loopback name or the -url host, and is refused unless allowed.
func TestGuard_HostAllowList(t *testing.T) {
	s := startServer(t, "-allow-host", ".corp.test")
	for host, want := range map[string]int{
		"evil.example":                             http.StatusForbidden,
		"localhost:4566":                           http.StatusOK,
		"bucket.localhost:4566":                    http.StatusOK,
		"sqs.us-east-1.localhost.localstack.cloud": http.StatusOK,
		"[::1]:4566":                               http.StatusOK,
		"fake.corp.test":                           http.StatusOK,
	} {
		status, body := s.send(t, "GET", "/_awsfake/health", "", map[string]string{"Host": host})
		assert.Equal(t, want, status, "%s: %s", host, body)
	}
	status, body := s.send(t, "GET", "/?Action=ListQueues&Version=2012-11-05", "", map[string]string{"Host": "evil.example"})
	assert.Equal(t, http.StatusForbidden, status)
	assert.Contains(t, body, "-allow-host evil.example")
}

// S3 object requests answer CORS by the bucket's rules, as AWS does: a
// browser upload is not refused by the guard, while the bucket's
// configuration is.
func TestGuard_S3ObjectRequestsAreExempt(t *testing.T) {
	s := startServer(t)
	client := s3.NewFromConfig(s.awsConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	_, err := client.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String("uploads")})
	require.NoError(t, err)
	page := map[string]string{"Origin": "http://app.example"}
	status, body := s.send(t, "PUT", "/uploads/photo.jpg", "jpeg", page)
	assert.NotEqual(t, http.StatusForbidden, status, body)
	status, _ = s.send(t, "PUT", "/uploads?cors", "<CORSConfiguration/>", page)
	assert.Equal(t, http.StatusForbidden, status, "bucket configuration is the control plane")
}

// Over a socket, a browser's preflight and upload to a bucket with a CORS
// rule succeed with the CORS headers, and to a bucket without one the
// preflight fails as S3 fails it (recorded: s3 test_cors_http_options_no_config).
func TestGuard_BrowserUploadsFollowTheBucketsCORS(t *testing.T) {
	s := startServer(t)
	ctx := context.Background()
	client := s3.NewFromConfig(s.awsConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	for _, b := range []string{"with-cors", "no-cors"} {
		_, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(b)})
		require.NoError(t, err)
	}
	_, err := client.PutBucketCors(ctx, &s3.PutBucketCorsInput{Bucket: aws.String("with-cors"), CORSConfiguration: &s3types.CORSConfiguration{
		CORSRules: []s3types.CORSRule{{AllowedOrigins: []string{"http://app.example"}, AllowedMethods: []string{"PUT"}, AllowedHeaders: []string{"*"}}}}})
	require.NoError(t, err)
	preflight := map[string]string{"Origin": "http://app.example", "Access-Control-Request-Method": "PUT",
		"Access-Control-Request-Headers": "content-type", "Sec-Fetch-Site": "cross-site"}

	req, err := http.NewRequest(http.MethodOptions, s.url+"/with-cors/photo.jpg", nil)
	require.NoError(t, err)
	for k, v := range preflight {
		req.Header.Set(k, v)
	}
	resp, err := s.client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "http://app.example", resp.Header.Get("Access-Control-Allow-Origin"))

	req, err = http.NewRequest(http.MethodPut, s.url+"/with-cors/photo.jpg", strings.NewReader("jpeg"))
	require.NoError(t, err)
	req.Header.Set("Origin", "http://app.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err = s.client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "http://app.example", resp.Header.Get("Access-Control-Allow-Origin"))

	status, body := s.send(t, http.MethodOptions, "/no-cors/photo.jpg", "", preflight)
	assert.Equal(t, http.StatusForbidden, status)
	assert.Contains(t, body, "CORSResponse: CORS is not enabled for this bucket.")
}
