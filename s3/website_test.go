package s3_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// browse sends an unsigned request to a bucket's website endpoint and
// returns the status, the Location and the body.
func browse(t *testing.T, cloud *awsfake.Cloud, method, host, path string) (int, string, string) {
	t.Helper()
	req := httptest.NewRequest(method, "http://"+host+path, nil)
	rec := httptest.NewRecorder()
	cloud.Handler().ServeHTTP(rec, req)
	body, err := io.ReadAll(rec.Result().Body)
	require.NoError(t, err)
	return rec.Code, rec.Header().Get("Location"), string(body)
}

// The website endpoint serves a bucket by its website configuration: the
// index document, a 302 to key/ when only key/index exists, the error
// document with a 404, routing rules and object redirects; S3's HTML
// errors otherwise (shared/aws-recordings, s3 test_website_hosting_404,
// test_website_hosting_index_lookup, test_website_hosting_no_such_website,
// test_website_hosting_http_methods).
func TestWebsiteEndpoint(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	const host = "site.s3-website-us-east-1.amazonaws.com"
	code, _, body := browse(t, cloud, "GET", "nope.s3-website-us-east-1.amazonaws.com", "/")
	assert.Equal(t, 404, code)
	assert.Contains(t, body, "<li>Code: NoSuchBucket</li>")
	createBucket(t, c, "site")
	code, _, body = browse(t, cloud, "GET", host, "/")
	assert.Equal(t, 404, code)
	assert.Contains(t, body, "<li>Code: NoSuchWebsiteConfiguration</li>")

	_, err := c.PutBucketWebsite(ctx, &s3.PutBucketWebsiteInput{Bucket: aws.String("site"), WebsiteConfiguration: &types.WebsiteConfiguration{
		IndexDocument: &types.IndexDocument{Suffix: aws.String("index.html")},
		ErrorDocument: &types.ErrorDocument{Key: aws.String("error.html")},
		RoutingRules: []types.RoutingRule{
			{Condition: &types.Condition{KeyPrefixEquals: aws.String("old/")}, Redirect: &types.Redirect{ReplaceKeyPrefixWith: aws.String("new/")}},
			{Condition: &types.Condition{HttpErrorCodeReturnedEquals: aws.String("404"), KeyPrefixEquals: aws.String("gone/")},
				Redirect: &types.Redirect{HostName: aws.String("example.com"), Protocol: types.ProtocolHttps, HttpRedirectCode: aws.String("302")}},
		}}})
	require.NoError(t, err)
	code, _, body = browse(t, cloud, "GET", host, "/")
	assert.Equal(t, 404, code)
	assert.Contains(t, body, "<li>Key: index.html</li>")
	assert.Contains(t, body, "An Error Occurred While Attempting to Retrieve a Custom Error Document")

	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("site"), Key: aws.String("index.html"), Body: strings.NewReader("<h1>home</h1>"), ContentType: aws.String("text/html")})
	require.NoError(t, err)
	putObject(t, c, "site", "docs/index.html", "docs")
	putObject(t, c, "site", "error.html", "oops")
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("site"), Key: aws.String("moved"), Body: strings.NewReader(""), WebsiteRedirectLocation: aws.String("/index.html")})
	require.NoError(t, err)

	code, _, body = browse(t, cloud, "GET", host, "/")
	assert.Equal(t, 200, code)
	assert.Equal(t, "<h1>home</h1>", body)
	code, _, body = browse(t, cloud, "GET", host, "/docs/")
	assert.Equal(t, 200, code)
	assert.Equal(t, "docs", body)
	code, loc, _ := browse(t, cloud, "GET", host, "/docs")
	assert.Equal(t, http.StatusFound, code)
	assert.Equal(t, "/docs/", loc)
	code, _, body = browse(t, cloud, "GET", host, "/missing")
	assert.Equal(t, 404, code)
	assert.Equal(t, "oops", body)
	code, loc, _ = browse(t, cloud, "GET", host, "/old/page.html")
	assert.Equal(t, http.StatusMovedPermanently, code)
	assert.Equal(t, "http://"+host+"/new/page.html", loc)
	code, loc, _ = browse(t, cloud, "GET", host, "/gone/x")
	assert.Equal(t, http.StatusFound, code)
	assert.Equal(t, "https://example.com/gone/x", loc)
	code, loc, _ = browse(t, cloud, "GET", host, "/moved")
	assert.Equal(t, http.StatusMovedPermanently, code)
	assert.Equal(t, "/index.html", loc)
	code, _, body = browse(t, cloud, "POST", "site.s3-website.us-east-1.amazonaws.com", "/")
	assert.Equal(t, http.StatusMethodNotAllowed, code)
	assert.Contains(t, body, "<li>Method: POST</li>\n<li>ResourceType: OBJECT</li>")
	code, _, body = browse(t, cloud, "HEAD", host, "/")
	assert.Equal(t, 200, code)
	assert.Empty(t, body)

	_, err = c.PutBucketWebsite(ctx, &s3.PutBucketWebsiteInput{Bucket: aws.String("site"), WebsiteConfiguration: &types.WebsiteConfiguration{
		RedirectAllRequestsTo: &types.RedirectAllRequestsTo{HostName: aws.String("www.example.com"), Protocol: types.ProtocolHttps}}})
	require.NoError(t, err)
	code, loc, _ = browse(t, cloud, "GET", host, "/a/b")
	assert.Equal(t, http.StatusMovedPermanently, code)
	assert.Equal(t, "https://www.example.com/a/b", loc)
}

// On a socket the website endpoint answers a browser's request by its
// Host, once the cloud allows AWS's host names (awsfake.WithAllowedHosts:
// the DNS-rebinding guard refuses others).
func TestWebsiteEndpoint_OnSocket(t *testing.T) {
	srv := httptest.NewUnstartedServer(nil)
	cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()), awsfake.WithAllowedHosts(".amazonaws.com"))
	srv.Config.Handler = cloud.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	code, body := browseSocket(t, srv.URL+"/", "nope.s3-website-us-east-1.amazonaws.com")
	assert.Equal(t, 404, code, body)
	assert.Contains(t, body, "NoSuchBucket")
}
