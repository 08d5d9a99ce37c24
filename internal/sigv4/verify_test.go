package sigv4

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

var (
	t0    = time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	creds = aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}
)

func verifier(d Dialect) *Verifier {
	return &Verifier{
		Secrets: func(k string) (string, bool) {
			if k == creds.AccessKeyID {
				return creds.SecretAccessKey, true
			}
			return "", false
		},
		Now:     func() time.Time { return t0 },
		Dialect: d,
	}
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func sign(t *testing.T, r *http.Request, body []byte, service string, at time.Time, c aws.Credentials, opts ...func(*v4.SignerOptions)) {
	t.Helper()
	hash := sum(body)
	if h := r.Header.Get("X-Amz-Content-Sha256"); h != "" {
		hash = h
	}
	if err := v4.NewSigner(opts...).SignHTTP(context.Background(), c, r, hash, service, "us-east-1", at); err != nil {
		t.Fatal(err)
	}
}

func s3Escape(o *v4.SignerOptions) { o.DisableURIPathEscaping = true }

func sqsForm(t *testing.T) (*http.Request, []byte) {
	body := []byte("Action=SendMessage&QueueUrl=http%3A%2F%2Flocalhost%2F000000000000%2Fq&MessageBody=hello+world")
	r, err := http.NewRequest("POST", "http://sqs.us-east-1.amazonaws.com/", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	r.Header.Set("X-Custom", "  a   b  ")
	return r, body
}

func s3Put(t *testing.T, key string, body []byte) *http.Request {
	u := &url.URL{Scheme: "http", Host: "bucket.s3.us-east-1.amazonaws.com", Path: "/" + key}
	u.RawPath = "/" + strings.ReplaceAll(uriEncode(key), "%2F", "/")
	r, err := http.NewRequest("PUT", u.String(), strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("X-Amz-Content-Sha256", sum(body))
	return r
}

func TestAcceptsSDKSignatures(t *testing.T) {
	t.Run("sqs form", func(t *testing.T) {
		r, body := sqsForm(t)
		sign(t, r, body, "sqs", t0, creds)
		if f := verifier(Query).Verify(r, body); f != nil {
			t.Fatal(f)
		}
	})
	t.Run("lambda rest path", func(t *testing.T) {
		r, _ := http.NewRequest("GET", "http://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af/configuration?Qualifier=%241", nil)
		sign(t, r, nil, "lambda", t0, creds)
		if f := verifier(JSON).Verify(r, nil); f != nil {
			t.Fatal(f)
		}
	})
	for _, key := range []string{"plain.txt", "dir/with space.txt", "ünïcødé/ключ", "a+b=c&d!'()*.txt", "a//double"} {
		t.Run("s3 "+key, func(t *testing.T) {
			body := []byte("object body")
			r := s3Put(t, key, body)
			sign(t, r, body, "s3", t0, creds, s3Escape)
			if f := verifier(S3).Verify(r, body); f != nil {
				t.Fatalf("%v\n%s", f, f.CanonicalRequest)
			}
		})
	}
	t.Run("s3 get with query", func(t *testing.T) {
		r, _ := http.NewRequest("GET", "http://s3.us-east-1.amazonaws.com/bucket?list-type=2&prefix=a%20b%2Bc&delimiter=%2F&encoding-type=url&x=", nil)
		r.Header.Set("X-Amz-Content-Sha256", UnsignedPayload)
		sign(t, r, nil, "s3", t0, creds, s3Escape)
		if f := verifier(S3).Verify(r, nil); f != nil {
			t.Fatalf("%v\n%s", f, f.CanonicalRequest)
		}
	})
}

func TestRejects(t *testing.T) {
	wrong := creds
	wrong.SecretAccessKey = "not-the-secret"
	unknown := creds
	unknown.AccessKeyID = "AKIDUNKNOWN"
	cases := []struct {
		name   string
		d      Dialect
		c      aws.Credentials
		tamper func(r *http.Request, body []byte) []byte
		code   string
		status int
	}{
		{"wrong secret", Query, wrong, nil, "SignatureDoesNotMatch", 403},
		{"wrong secret json", JSON, wrong, nil, "InvalidSignatureException", 403},
		{"unknown key", Query, unknown, nil, "InvalidClientTokenId", 403},
		{"unknown key json", JSON, unknown, nil, "UnrecognizedClientException", 403},
		{"unknown key s3", S3, unknown, nil, "InvalidAccessKeyId", 403},
		{"tampered header", Query, creds, func(r *http.Request, b []byte) []byte {
			r.Header.Set("X-Custom", "other")
			return b
		}, "SignatureDoesNotMatch", 403},
		{"tampered body", Query, creds, func(r *http.Request, b []byte) []byte {
			return []byte("Action=DeleteQueue")
		}, "SignatureDoesNotMatch", 403},
		{"unsigned", Query, creds, func(r *http.Request, b []byte) []byte {
			r.Header.Del("Authorization")
			return b
		}, "MissingAuthenticationToken", 403},
		{"malformed", Query, creds, func(r *http.Request, b []byte) []byte {
			r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300102/us-east-1/sqs/aws4_request")
			return b
		}, "IncompleteSignature", 400},
		{"no equals", Query, creds, func(r *http.Request, b []byte) []byte {
			r.Header.Set("Authorization", "AWS4-HMAC-SHA256 garbage")
			return b
		}, "IncompleteSignature", 400},
		{"algorithm", Query, creds, func(r *http.Request, b []byte) []byte {
			r.Header.Set("Authorization", "AWS4-HMAC-SHA512 Credential=a/b/c/d/e, SignedHeaders=host, Signature=0")
			return b
		}, "IncompleteSignature", 400},
		{"scope date", Query, creds, func(r *http.Request, b []byte) []byte {
			r.Header.Set("X-Amz-Date", "20300103T030405Z")
			return b
		}, "SignatureDoesNotMatch", 403},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, body := sqsForm(t)
			if c.d == S3 {
				r.Header.Set("X-Amz-Content-Sha256", sum(body))
			}
			sign(t, r, body, "sqs", t0, c.c)
			if c.tamper != nil {
				body = c.tamper(r, body)
			}
			f := verifier(c.d).Verify(r, body)
			if f == nil || f.Code != c.code || f.Status != c.status {
				t.Fatalf("got %+v, want %s %d", f, c.code, c.status)
			}
		})
	}
}

func TestS3MismatchCarriesCanonicalRequest(t *testing.T) {
	body := []byte("x")
	r := s3Put(t, "k ey", body)
	wrong := creds
	wrong.SecretAccessKey = "nope"
	sign(t, r, body, "s3", t0, wrong, s3Escape)
	f := verifier(S3).Verify(r, body)
	if f == nil || f.Code != "SignatureDoesNotMatch" || f.Message != msgMismatchS3 {
		t.Fatalf("got %+v", f)
	}
	if !strings.HasPrefix(f.CanonicalRequest, "PUT\n/k%20ey\n\n") || !strings.HasPrefix(f.StringToSign, "AWS4-HMAC-SHA256\n20300102T030405Z\n20300102/us-east-1/s3/aws4_request\n") {
		t.Fatalf("canonical request %q, string to sign %q", f.CanonicalRequest, f.StringToSign)
	}
	if f.AccessKeyID != creds.AccessKeyID || f.SignatureProvided == "" {
		t.Fatalf("got %+v", f)
	}
	r.Header.Set("X-Amz-Content-Sha256", sum([]byte("other")))
	if f := verifier(S3).Verify(r, body); f == nil || f.Code != "XAmzContentSHA256Mismatch" {
		t.Fatalf("got %+v", f)
	}
}

func TestSkew(t *testing.T) {
	for _, c := range []struct {
		name string
		off  time.Duration
		d    Dialect
		code string
		msg  string
	}{
		{"just inside past", -5 * time.Minute, Query, "", ""},
		{"just inside future", 5 * time.Minute, Query, "", ""},
		{"just outside past", -5*time.Minute - time.Second, Query, "SignatureDoesNotMatch",
			"Signature expired: 20300102T025904Z is now earlier than 20300102T025905Z (20300102T030405Z - 5 min.)"},
		{"just outside future", 5*time.Minute + time.Second, JSON, "InvalidSignatureException",
			"Signature not yet current: 20300102T030906Z is still later than 20300102T030905Z (20300102T030405Z + 5 min.)"},
		{"s3", 16 * time.Minute, S3, "RequestTimeTooSkewed", msgSkewS3},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, body := sqsForm(t)
			r.Header.Set("X-Amz-Content-Sha256", sum(body))
			sign(t, r, body, "sqs", t0.Add(c.off), creds)
			v := verifier(c.d)
			if c.d == S3 {
				v.Skew = 15 * time.Minute
			}
			f := v.Verify(r, body)
			if c.code == "" {
				if f != nil {
					t.Fatal(f)
				}
				return
			}
			if f == nil || f.Code != c.code || f.Status != 403 || f.Message != c.msg {
				t.Fatalf("got %+v", f)
			}
		})
	}
}
