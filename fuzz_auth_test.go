package awsfake_test

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// fuzzAuthRequests are the requests FuzzAuthorization sends, one per
// protocol the root handler routes on the credential scope.
var fuzzAuthRequests = []struct{ method, target, contentType, amzTarget, body string }{
	{"POST", "/", "application/x-amz-json-1.0", "AmazonSQS.ListQueues", `{}`},
	{"POST", "/", "application/x-www-form-urlencoded", "", "Action=GetCallerIdentity&Version=2011-06-15"},
	{"POST", "/", "application/x-www-form-urlencoded", "", "Action=ListTopics&Version=2010-03-31"},
	{"POST", "/", "application/x-www-form-urlencoded", "", "Action=ListQueues&Version=2012-11-05"},
	{"GET", "/bkt/k", "", "", ""},
	{"GET", "/2015-03-31/functions", "", "", ""},
	{"GET", "/?Action=GetCallerIdentity&Version=2011-06-15", "", "", ""},
}

// FuzzAuthorization sends requests with an arbitrary Authorization header
// (and so credential scope: access key, date, region, service), X-Amz-Date
// and presigned X-Amz-Credential to the root handler of a cloud, with and
// without SigV4 verification. No answer may be a 5xx.
func FuzzAuthorization(f *testing.F) {
	f.Add(uint8(0), false, signedBy(awsfake.TestAccessKeyID, "sqs"), "20300101T000000Z", "")
	f.Add(uint8(1), true, signedBy(awsfake.TestAccessKeyID, "sts"), "20300101T000000Z", "")
	f.Add(uint8(2), false, signedBy("AKIDNOTKNOWN", "sns"), "", "")
	f.Add(uint8(4), true, signedBy(awsfake.TestAccessKeyID, "s3"), "x", "")
	f.Add(uint8(5), false, "AWS4-HMAC-SHA256 Credential=a/b/c/lambda/aws4_request", "", "")
	f.Add(uint8(0), false, "AWS4-HMAC-SHA256 Credential=//////aws4_request, SignedHeaders=, Signature=", "", "")
	f.Add(uint8(3), true, "AWS4-HMAC-SHA256 Credential=AKID/20300101/eu-west-1/sqs/aws4_request,SignedHeaders=host,Signature=zz", "20300101T000000Z", "")
	f.Add(uint8(1), false, "AWS AKID:sig", "", "")
	f.Add(uint8(0), false, "Credential=", "", "")
	f.Add(uint8(6), true, "", "", "AKID/20300101/us-east-1/sts/aws4_request")
	f.Add(uint8(6), false, "", "", "a/b/c/d/aws4_request/e")
	f.Add(uint8(4), true, "", "20300101T000000Z", "AKID/20300101/us-east-1/s3/aws4_request")
	clk := clock.NewFake(t0)
	plain := awsfake.New(awsfake.WithClock(clk))
	verifying := awsfake.New(awsfake.WithClock(clk), awsfake.WithSigV4Verification())
	f.Cleanup(func() { _ = plain.Close(); _ = verifying.Close() })
	f.Fuzz(func(t *testing.T, which uint8, verify bool, authorization, amzDate, credential string) {
		r := fuzzAuthRequests[int(which)%len(fuzzAuthRequests)]
		req := httptest.NewRequest(r.method, "http://awsfake.localhost"+r.target, strings.NewReader(r.body))
		if r.contentType != "" {
			req.Header.Set("Content-Type", r.contentType)
		}
		if r.amzTarget != "" {
			req.Header.Set("X-Amz-Target", r.amzTarget)
		}
		if authorization != "" {
			req.Header["Authorization"] = []string{authorization}
		}
		if amzDate != "" {
			req.Header["X-Amz-Date"] = []string{amzDate}
		}
		if credential != "" {
			q := req.URL.Query()
			q.Set("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
			q.Set("X-Amz-Credential", credential)
			q.Set("X-Amz-Date", amzDate)
			q.Set("X-Amz-SignedHeaders", "host")
			q.Set("X-Amz-Signature", "00")
			req.URL.RawQuery = q.Encode()
			req.RequestURI = req.URL.RequestURI()
		}
		c := plain
		if verify {
			c = verifying
		}
		w := httptest.NewRecorder()
		c.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %s Authorization %q X-Amz-Date %q X-Amz-Credential %q: status %d: %s",
				r.method, r.target, authorization, amzDate, url.QueryEscape(credential), w.Code, w.Body)
		}
	})
}
