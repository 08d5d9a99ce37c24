package sigv4

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Secrets looks up the secret of an access key; ok false for an unknown key.
type Secrets func(accessKeyID string) (secret string, ok bool)

// Verifier checks Signature Version 4 signatures on incoming requests.
type Verifier struct {
	// Secrets resolves an access key to its secret.
	Secrets Secrets
	// Now is the client-timestamp timeline the request time is checked
	// against (the cloud's clock). Required.
	Now func() time.Time
	// Skew is the window either side of Now a request time may fall in;
	// zero means AWS's 5 minutes (S3 allows 15: its caller sets it).
	Skew time.Duration
	// Dialect picks the codes and wording of the failures (Query if unset).
	Dialect Dialect
	// Service, when set, is the only service a credential scope may name.
	Service string
}

// Payload hash values of x-amz-content-sha256 that are not a hex sha256.
const (
	UnsignedPayload          = "UNSIGNED-PAYLOAD"
	StreamingPayload         = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
	StreamingPayloadTrailer  = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"
	StreamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER"
)

const (
	algorithm   = "AWS4-HMAC-SHA256"
	isoLayout   = "20060102T150405Z"
	dateLayout  = "20060102"
	maxExpires  = 604800
	defaultSkew = 5 * time.Minute
)

// Signature is what a verified request was signed with: its scope, and
// what a streaming body's chunks are chained to.
type Signature struct {
	AccessKeyID string
	// Date is the request time (X-Amz-Date, or Date).
	Date            time.Time
	Region, Service string
	SignedHeaders   []string
	// Seed is the request's own signature, the first link of a chunk chain.
	Seed string
	// PayloadHash is the canonical request's payload hash: a hex sha256,
	// UNSIGNED-PAYLOAD or one of the STREAMING-* values.
	PayloadHash string
	Presigned   bool
	// DecodedLength is x-amz-decoded-content-length, -1 when absent.
	DecodedLength int64
	key           []byte
	scopeStr      string
}

func (s *Signature) scope() string { return s.scopeStr }

// Streaming reports whether the body is aws-chunked (a STREAMING-* payload
// hash) and must go through VerifyChunks.
func (s *Signature) Streaming() bool { return strings.HasPrefix(s.PayloadHash, "STREAMING-") }

// Signed reports whether r carries a signature at all, in the Authorization
// header or a presigned query; S3 serves an unsigned request anonymously.
func Signed(r *http.Request) bool {
	return r.Header.Get("Authorization") != "" || r.URL.Query().Has("X-Amz-Algorithm") ||
		r.URL.Query().Has("X-Amz-Signature")
}

// Verify checks r's signature against body: the Authorization header, or a
// presigned query (X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date,
// X-Amz-Expires, X-Amz-SignedHeaders, X-Amz-Signature). body nil means the
// caller does not have it: the payload hash is then taken from
// x-amz-content-sha256 unchecked. A streaming body is accepted here; use
// Check and VerifyChunks to verify its chunks.
func (v *Verifier) Verify(r *http.Request, body []byte) *Failure {
	_, f := v.Check(r, body)
	return f
}

// Check is Verify answering, on success, what the request was signed with.
func (v *Verifier) Check(r *http.Request, body []byte) (*Signature, *Failure) {
	a, f := v.parse(r)
	if f != nil {
		return nil, f
	}
	secret, ok := v.Secrets(a.key)
	if !ok {
		return nil, v.unknownKey()
	}
	if f := v.checkTime(a); f != nil {
		return nil, f
	}
	hash, f := v.payloadHash(r, a, body)
	if f != nil {
		return nil, f
	}
	creq := canonicalRequest(r, a, hash, v.singleEncode(a))
	sts := stringToSign(algorithm, a.date, a.scope(), hexSHA(creq))
	key := signingKey(secret, a.day, a.region, a.service)
	want := hex.EncodeToString(hmacSHA(key, sts))
	if !hmac.Equal([]byte(want), []byte(strings.ToLower(a.signature))) {
		f := v.mismatch("")
		if v.Dialect == S3 {
			f.CanonicalRequest, f.StringToSign = creq, sts
			f.AccessKeyID, f.SignatureProvided = a.key, a.signature
		}
		return nil, f
	}
	return &Signature{
		AccessKeyID: a.key, Date: a.date, Region: a.region, Service: a.service,
		SignedHeaders: a.headers, Seed: want, PayloadHash: hash, Presigned: a.presigned, key: key,
		DecodedLength: decodedLength(r), scopeStr: a.scope(),
	}, nil
}

// singleEncode: S3 signs its path as sent (each segment encoded once); every
// other service encodes the encoded path again.
func (v *Verifier) singleEncode(a *auth) bool {
	return v.Dialect == S3 || a.service == "s3" || a.service == "s3express"
}

func (v *Verifier) checkTime(a *auth) *Failure {
	now := v.Now()
	skew := v.Skew
	if skew <= 0 {
		skew = defaultSkew
	}
	if a.presigned && a.expires > 0 {
		end := a.date.Add(time.Duration(a.expires) * time.Second)
		if !now.Before(end) {
			return v.expired(a.date, end, now)
		}
		if a.date.After(now.Add(skew)) {
			return v.skewed(a.date, now, skew)
		}
		return nil
	}
	if a.date.Before(now.Add(-skew)) || a.date.After(now.Add(skew)) {
		return v.skewed(a.date, now, skew)
	}
	return nil
}

// payloadHash is the canonical request's last line. x-amz-content-sha256,
// when present, names it (and a hex sha256 must match the body when the
// caller gave it); a presigned S3 URL signs UNSIGNED-PAYLOAD; otherwise it
// is the body's sha256.
func (v *Verifier) payloadHash(r *http.Request, a *auth, body []byte) (string, *Failure) {
	named := r.Header.Get("X-Amz-Content-Sha256")
	if named == "" && a.presigned && v.singleEncode(a) {
		return UnsignedPayload, nil
	}
	if named == "" {
		if v.Dialect == S3 {
			return "", v.fail("InvalidRequest", http.StatusBadRequest,
				"Missing required header for this request: x-amz-content-sha256")
		}
		return hexSHA(string(body)), nil
	}
	switch named {
	case UnsignedPayload, StreamingPayload, StreamingPayloadTrailer, StreamingUnsignedTrailer:
		return named, nil
	}
	if !isHexSHA(named) {
		if v.Dialect == S3 {
			return "", v.fail("InvalidArgument", http.StatusBadRequest,
				"x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.")
		}
		return named, nil
	}
	if body != nil && !strings.EqualFold(hexSHA(string(body)), named) {
		if v.Dialect == S3 {
			return "", v.fail("XAmzContentSHA256Mismatch", http.StatusBadRequest,
				"The provided 'x-amz-content-sha256' header does not match what was computed.")
		}
		return "", v.mismatch("")
	}
	return strings.ToLower(named), nil
}

func decodedLength(r *http.Request) int64 {
	n, err := strconv.ParseInt(r.Header.Get("X-Amz-Decoded-Content-Length"), 10, 64)
	if err != nil || n < 0 {
		return -1
	}
	return n
}

func isHexSHA(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

func hexSHA(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func hmacSHA(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

func signingKey(secret, day, region, service string) []byte {
	k := hmacSHA([]byte("AWS4"+secret), day)
	k = hmacSHA(k, region)
	k = hmacSHA(k, service)
	return hmacSHA(k, "aws4_request")
}

func stringToSign(alg string, at time.Time, scope string, lines ...string) string {
	return alg + "\n" + stamp(at) + "\n" + scope + "\n" + strings.Join(lines, "\n")
}

func stamp(t time.Time) string { return t.UTC().Format(isoLayout) }

// CheckExpiry is what a cloud that does not verify signatures still checks:
// a presigned URL's expiry (X-Amz-Date + X-Amz-Expires) on v.Now. It
// answers nil for a request that is not presigned or not expired, and for
// one whose presigned query does not parse (the service then answers it as
// it would any request).
func (v *Verifier) CheckExpiry(r *http.Request) *Failure {
	if r.Header.Get("Authorization") != "" || !r.URL.Query().Has("X-Amz-Expires") {
		return nil
	}
	a, f := v.parse(r)
	if f != nil || !a.presigned || a.expires <= 0 {
		return nil
	}
	end := a.date.Add(time.Duration(a.expires) * time.Second)
	if now := v.Now(); !now.Before(end) {
		return v.expired(a.date, end, now)
	}
	return nil
}
