package awsfake_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// fuzzEnforced are the services whose requests enforcement reads before
// they are served, by signing name, with how their requests are sent.
var fuzzEnforced = []struct{ service, method, contentType, amzTarget string }{
	{"sqs", "POST", "application/x-amz-json-1.0", "AmazonSQS.SendMessage"},
	{"sqs", "POST", "application/x-www-form-urlencoded", ""},
	{"sns", "POST", "application/x-www-form-urlencoded", ""},
	{"sts", "POST", "application/x-www-form-urlencoded", ""},
	{"iam", "POST", "application/x-www-form-urlencoded", ""},
	{"lambda", "POST", "application/json", ""},
	{"s3", "PUT", "", ""},
}

// FuzzEnforcement sends arbitrary paths and bodies, signed by an IAM user
// with no policy, to a cloud enforcing IAM: what each service's
// Authorization reads (JSON bodies, Query forms, REST paths, the copy
// source) must never make a 5xx.
func FuzzEnforcement(f *testing.F) {
	f.Add(uint8(0), "/", `{"QueueUrl":"http://awsfake.localhost/000000000000/q","MessageBody":"x"}`, "")
	f.Add(uint8(1), "/000000000000/q", "Action=SendMessage&MessageBody=x", "")
	f.Add(uint8(1), "/", "Action=TagQueue&QueueUrl=q&Tags.1.Key=k&Tags.1.Value=v", "")
	f.Add(uint8(2), "/", "Action=Publish&TopicArn=arn:aws:sns:us-east-1:000000000000:t&Message=m", "")
	f.Add(uint8(3), "/", "Action=AssumeRole&RoleArn=arn:aws:iam::000000000000:role/r&RoleSessionName=s1", "")
	f.Add(uint8(4), "/", "Action=CreateUser&UserName=u&Tags.member.1.Key=k", "")
	f.Add(uint8(4), "/", "Action=ListAccessKeys", "")
	f.Add(uint8(5), "/2015-03-31/functions", `{"FunctionName":"f","Role":"arn:aws:iam::000000000000:role/r"}`, "")
	f.Add(uint8(5), "/2015-03-31/event-source-mappings", `{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:us-east-1:000000000000:q"}`, "")
	f.Add(uint8(6), "/b/k", "body", "/src/%ZZkey?versionId=1")
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)), awsfake.WithIAMEnforcement())
	f.Cleanup(func() { _ = cloud.Close() })
	key := enforcedUser(f, cloud, "fuzz")
	creds, err := key.Credentials.Retrieve(f.Context())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, which uint8, path, body, copySource string) {
		r := fuzzEnforced[int(which)%len(fuzzEnforced)]
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \t\r\n#") {
			path = "/" + strings.Map(func(c rune) rune {
				if c <= ' ' || c == '#' || c == 0x7f {
					return -1
				}
				return c
			}, path)
		}
		req := httptest.NewRequest(r.method, "http://awsfake.localhost/", strings.NewReader(body))
		req.URL.Path, req.URL.RawPath = path, ""
		if r.contentType != "" {
			req.Header.Set("Content-Type", r.contentType)
		}
		if r.amzTarget != "" {
			req.Header.Set("X-Amz-Target", r.amzTarget)
		}
		if copySource != "" {
			req.Header["X-Amz-Copy-Source"] = []string{copySource}
		}
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+creds.AccessKeyID+"/20300101/us-east-1/"+r.service+
			"/aws4_request, SignedHeaders=host, Signature=00")
		w := httptest.NewRecorder()
		cloud.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %s %q (copy source %q): status %d: %s", r.service, path, body, copySource, w.Code, w.Body)
		}
	})
}
