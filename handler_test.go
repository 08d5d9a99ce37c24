package awsfake_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

type queryError struct {
	Error struct {
		Type, Code, Message string
	}
	RequestID string `xml:"RequestId"`
}

func TestServeHTTP_BadRequestsGetTheProtocolsError(t *testing.T) {
	const form = "application/x-www-form-urlencoded"
	for _, tc := range []struct {
		name, service, contentType, body string
		chunked                          bool
		status                           int
		code                             string
		xmlBody                          bool // awsQuery error, else JSON
	}{
		{"unknown service (JSON)", "dynamodb", "application/x-amz-json-1.0", "{}", false, 400, "UnknownServiceException", false},
		{"unknown service (query)", "elasticache", form, "Action=DescribeCacheClusters&Version=2015-02-02", false, 400, "UnknownServiceException", true},
		{"unknown STS action", "sts", form, "Action=NoSuchThing&Version=2011-06-15", false, 400, "InvalidAction", true},
		{"malformed form", "sts", form, "Action=GetCallerIdentity&%zz", false, 400, "MalformedQueryString", true},
		{"oversize body", "sts", form, "Action=GetCallerIdentity&Pad=" + strings.Repeat("x", 9<<20), false, 413, "RequestEntityTooLarge", true},
		{"oversize chunked body", "sts", form, "Action=GetCallerIdentity&Pad=" + strings.Repeat("x", 9<<20), true, 413, "RequestEntityTooLarge", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := awsfake.New()
			defer c.Close()
			req := httptest.NewRequest("POST", "/", strings.NewReader(tc.body))
			req.Header.Set("Content-Type", tc.contentType)
			req.Header.Set("Authorization", signedBy(awsfake.TestAccessKeyID, tc.service))
			if tc.chunked {
				req.ContentLength = -1
			}
			w := httptest.NewRecorder()
			c.ServeHTTP(w, req)

			assert.Equal(t, tc.status, w.Code, w.Body.String())
			id := w.Header().Get("x-amzn-RequestId")
			assert.NotEmpty(t, id, "every response carries a request id")
			if tc.xmlBody {
				var e queryError
				require.NoError(t, xml.Unmarshal(w.Body.Bytes(), &e), w.Body.String())
				assert.Equal(t, tc.code, e.Error.Code)
				assert.Equal(t, "Sender", e.Error.Type)
				assert.Equal(t, id, e.RequestID)
			} else {
				var e map[string]string
				require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e), w.Body.String())
				assert.Equal(t, tc.code, e["__type"])
				assert.Equal(t, tc.code, w.Header().Get("X-Amzn-ErrorType"))
			}
		})
	}
}

// FuzzServeHTTP sends arbitrary requests to a whole cloud: each must get an
// HTTP answer with a request id, and none a 5xx (ServeHTTP turns a panic into
// a 500 InternalFailure, so a 5xx here is a bug found).
func FuzzServeHTTP(f *testing.F) {
	f.Add("POST", "/", "sts", "application/x-www-form-urlencoded", "", "Action=GetCallerIdentity&Version=2011-06-15", false)
	f.Add("POST", "/", "sts", "application/x-www-form-urlencoded", "", "Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::1:role/r&RoleSessionName=ab&DurationSeconds=99999999999999999999", false)
	f.Add("GET", "/?Action=GetSessionToken&Version=2011-06-15&DurationSeconds=-1", "", "", "", "", false)
	f.Add("POST", "/", "sqs", "application/x-amz-json-1.0", "AmazonSQS.SendMessage", `{"QueueUrl":"http://awsfake.localhost/000000000000/q","MessageBody":"x"}`, false)
	f.Add("POST", "/", "sqs", "application/x-amz-json-1.0", "AmazonSQS.CreateQueue", `{"QueueName":"q","Attributes":{"VisibilityTimeout":"x"}}`, false)
	f.Add("POST", "/", "sns", "application/x-www-form-urlencoded", "", "Action=CreateTopic&Version=2010-03-31&Name=t", false)
	f.Add("POST", "/service/GraniteServiceVersion20100801/operation/PutMetricData", "monitoring", "application/cbor", "", "\xbf\xff", false)
	f.Add("PUT", "/bucket/key", "s3", "", "", "data", false)
	f.Add("GET", "/bucket?list-type=2&max-keys=-5", "s3", "", "", "", false)
	f.Add("POST", "/2015-03-31/functions/f/invocations", "lambda", "application/json", "", `{"a":1}`, false)
	f.Add("POST", "/", "", "application/x-www-form-urlencoded", "", "\x1f\x8b\x08", true)
	f.Add("DELETE", "/_awsfake/sns/x", "", "", "", "", false)
	f.Fuzz(func(t *testing.T, method, target, service, contentType, amzTarget, body string, gz bool) {
		c := awsfake.New()
		defer c.Close()
		u, err := url.ParseRequestURI(target)
		if err != nil || method == "" || strings.ContainsAny(method, " \r\n\t") {
			t.Skip()
		}
		req := &http.Request{Method: method, URL: u, RequestURI: target, Host: "awsfake.localhost", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: http.Header{}, Body: io.NopCloser(bytes.NewReader([]byte(body))), ContentLength: int64(len(body))}
		for k, v := range map[string]string{"Content-Type": contentType, "X-Amz-Target": amzTarget} {
			if v != "" {
				req.Header.Set(k, v)
			}
		}
		if service != "" {
			req.Header.Set("Authorization", signedBy(awsfake.TestAccessKeyID, service))
		}
		if gz {
			req.Header.Set("Content-Encoding", "gzip")
		}
		w := httptest.NewRecorder()
		c.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %s (%s): %d %s", method, target, service, w.Code, w.Body.String())
		}
		if w.Header().Get("x-amzn-RequestId") == "" {
			t.Fatal("no request id")
		}
	})
}

// An unsigned Query request whose form cannot be read whole gets its
// service's own error, not S3's 405 (issue 13).
func TestServeHTTP_UnreadableFormsGetTheirServicesError(t *testing.T) {
	cloud := awsfake.NewT(t)
	for name, tc := range map[string]struct {
		body   string
		status int
	}{
		"bad escape": {"Action=SendMessage&Version=2012-11-05&QueueUrl=x&MessageBody=%zz", http.StatusBadRequest},
		"oversize":   {"Version=2012-11-05&Action=SendMessage&MessageBody=" + strings.Repeat("x", 9<<20), http.StatusRequestEntityTooLarge},
	} {
		req := httptest.NewRequest("POST", "/", strings.NewReader(tc.body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		cloud.ServeHTTP(w, req)
		assert.Equal(t, tc.status, w.Code, name)
		assert.Contains(t, w.Body.String(), "<ErrorResponse", name)
	}
}
