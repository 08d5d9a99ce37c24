package awsfake

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/creds"
	"github.com/awsfake/awsfake/internal/dispatch"
	"github.com/awsfake/awsfake/internal/protocol"
	"github.com/awsfake/awsfake/internal/sigv4"
)

// WithSigV4Verification makes the cloud verify every request's Signature
// Version 4, as AWS does, against the credentials it knows: the test keys
// (TestAccessKeyID, and any twelve-digit key, with TestSecretAccessKey) and
// the keys STS issued (IAM users' keys once IAM exists). A wrong secret is
// SignatureDoesNotMatch (S3's with its canonical request and string to
// sign), an unknown key InvalidClientTokenId (S3: InvalidAccessKeyId), an
// expired STS session ExpiredToken, a request time outside AWS's window
// (5 minutes; S3's 15) a skew error, an expired presigned URL AWS's
// answer; aws-chunked bodies are verified chunk by chunk. Client times are
// compared on the cloud's timeline (see WithClock). Off by default: then
// only presigned URLs' expiry is checked. Unsigned requests AWS serves
// unsigned (S3's anonymous requests, SNS's SubscribeURL and
// UnsubscribeURL, API Gateway invocations, the fake's /_awsfake/ paths)
// are not checked, except that API Gateway's AWS_IAM methods and routes
// are verified as signed for execute-api (enforce_apigw.go).
func WithSigV4Verification() Option { return func(o *config) { o.verify = true } }

// checkSignature returns the error AWS answers r with for its signature
// or, with verification off, its presigned URL's expiry; nil when r may
// go on. It may read r's body, which it leaves readable again.
func (c *Cloud) checkSignature(r *http.Request, svc string) error {
	if exemptFromSigning(r, svc) {
		return nil
	}
	v := &sigv4.Verifier{Secrets: c.secret, Now: c.env.Timeline.Now, Dialect: dialectOf(r, svc)}
	if svc == dispatch.S3 {
		v.Skew = 15 * time.Minute
	}
	if !c.verify {
		return failure(v.CheckExpiry(r))
	}
	if svc == dispatch.S3 && !sigv4.Signed(r) {
		return nil // S3 serves anonymous requests by its policies
	}
	if key, _ := protocol.CredentialScope(r); key.AccessKeyID != "" {
		if _, st := c.env.Creds.Lookup(key.AccessKeyID, c.env.Clock.Now()); st == creds.Expired {
			return awserr.New("ExpiredToken", http.StatusForbidden, "The security token included in the request is expired")
		}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return awserr.BadRequest("IncompleteBody", "The request body could not be read: %v", err)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	sig, f := v.Check(r, body)
	if f == nil && sig.Streaming() {
		_, _, f = v.VerifyChunks(sig, body)
	}
	return failure(f)
}

// secret is the secret of a key the cloud knows.
func (c *Cloud) secret(key string) (string, bool) {
	if key == TestAccessKeyID || creds.AccountOf(key, "") == key {
		return TestSecretAccessKey, true
	}
	if p, st := c.env.Creds.Lookup(key, c.env.Clock.Now()); st == creds.Valid && p.Secret != "" {
		return p.Secret, true
	}
	return "", false
}

// exemptFromSigning are the requests AWS serves unsigned.
func exemptFromSigning(r *http.Request, svc string) bool {
	if svc == dispatch.ExecuteAPI || strings.HasPrefix(r.URL.Path, "/_awsfake/") {
		return true
	}
	if svc == dispatch.SNS && r.Method == http.MethodGet && r.Header.Get("Authorization") == "" {
		a := r.URL.Query().Get("Action")
		return a == "ConfirmSubscription" || a == "Unsubscribe"
	}
	return false
}

// dialectOf is the family of answers a request's protocol gives signature
// failures: S3's own; the awsQuery services' (a form POST, or a query GET
// naming an Action: SNS, STS, SQS and CloudWatch over Query); the JSON and
// REST-JSON services' for the rest (X-Amz-Target, Lambda's REST paths).
func dialectOf(r *http.Request, svc string) sigv4.Dialect {
	switch {
	case svc == dispatch.S3:
		return sigv4.S3
	case strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded"), r.URL.Query().Get("Action") != "":
		return sigv4.Query
	}
	return sigv4.JSON
}

// failure is f as the error the wire renders, nil for none.
func failure(f *sigv4.Failure) error {
	if f == nil {
		return nil
	}
	e := &awserr.Error{Code: f.Code, Status: f.Status, Message: f.Message}
	if f.CanonicalRequest != "" {
		e.Fields = map[string]string{"AWSAccessKeyId": f.AccessKeyID, "StringToSign": f.StringToSign,
			"SignatureProvided": f.SignatureProvided, "CanonicalRequest": f.CanonicalRequest}
	}
	return e
}
