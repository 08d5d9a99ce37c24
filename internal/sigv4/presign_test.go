package sigv4

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

func presign(t *testing.T, service, rawURL, expires string, at time.Time, hash string) *http.Request {
	t.Helper()
	sep := "?"
	if strings.Contains(rawURL, "?") {
		sep = "&"
	}
	r, err := http.NewRequest("GET", rawURL+sep+"X-Amz-Expires="+expires, nil)
	if err != nil {
		t.Fatal(err)
	}
	signed, _, err := v4.NewSigner(s3Escape).PresignHTTP(context.Background(), creds, r, hash, service, "us-east-1", at)
	if err != nil {
		t.Fatal(err)
	}
	out, err := http.NewRequest("GET", signed, nil)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPresigned(t *testing.T) {
	const u = "http://bucket.s3.us-east-1.amazonaws.com/dir/a%20b%2Bc.txt"
	for _, c := range []struct {
		name, expires string
		age           time.Duration
		code          string
		status        int
	}{
		{"fresh", "900", 0, "", 0},
		{"just before expiry", "900", 900*time.Second - time.Second, "", 0},
		{"at expiry", "900", 900 * time.Second, "AccessDenied", 403},
		{"a week", "604800", 604799 * time.Second, "", 0},
		{"over a week", "604801", 0, "AuthorizationQueryParametersError", 400},
		{"zero", "0", 0, "AuthorizationQueryParametersError", 400},
		{"not a number", "soon", 0, "AuthorizationQueryParametersError", 400},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := presign(t, "s3", u, c.expires, t0.Add(-c.age), UnsignedPayload)
			f := verifier(S3).Verify(r, nil)
			if c.code == "" {
				if f != nil {
					t.Fatalf("%v\n%s", f, f.CanonicalRequest)
				}
				return
			}
			if f == nil || f.Code != c.code || f.Status != c.status {
				t.Fatalf("got %+v, want %s", f, c.code)
			}
		})
	}
	t.Run("tampered query", func(t *testing.T) {
		r := presign(t, "s3", u, "900", t0, UnsignedPayload)
		r.URL.RawQuery += "&versionId=1"
		if f := verifier(S3).Verify(r, nil); f == nil || f.Code != "SignatureDoesNotMatch" {
			t.Fatalf("got %+v", f)
		}
	})
	t.Run("missing part", func(t *testing.T) {
		r := presign(t, "s3", u, "900", t0, UnsignedPayload)
		r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "X-Amz-SignedHeaders", "X-Other", 1)
		if f := verifier(S3).Verify(r, nil); f == nil || f.Code != "AuthorizationQueryParametersError" {
			t.Fatalf("got %+v", f)
		}
	})
	t.Run("sts", func(t *testing.T) {
		r := presign(t, "sts", "http://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15", "60", t0, sum(nil))
		if f := verifier(Query).Verify(r, nil); f != nil {
			t.Fatal(f)
		}
		later := verifier(Query)
		later.Now = func() time.Time { return t0.Add(time.Minute) }
		if f := later.Verify(r, nil); f == nil || f.Code != "SignatureDoesNotMatch" || !strings.HasPrefix(f.Message, "Signature expired: ") {
			t.Fatalf("got %+v", f)
		}
	})
}
