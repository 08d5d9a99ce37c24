package sigv4

import (
	"fmt"
	"net/http"
	"time"
)

// Dialect picks the codes and wording a family of AWS services answers a
// signature failure with.
type Dialect int

const (
	// Query is the awsQuery / ec2Query services' dialect (SQS query, SNS,
	// STS, IAM, CloudWatch): IncompleteSignature, InvalidClientTokenId,
	// SignatureDoesNotMatch.
	Query Dialect = iota
	// JSON is the awsJson / restJson services' dialect (Lambda, Logs,
	// EventBridge, Step Functions): the same failures with the codes
	// IncompleteSignatureException, UnrecognizedClientException and
	// InvalidSignatureException.
	JSON
	// S3 is Amazon S3's dialect: AuthorizationHeaderMalformed,
	// InvalidAccessKeyId, SignatureDoesNotMatch (with the canonical request
	// and string-to-sign), RequestTimeTooSkewed, AccessDenied for an expired
	// presigned URL.
	S3
)

// Failure is why a request's signature was refused, as AWS answers it.
type Failure struct {
	Code    string
	Status  int
	Message string
	// CanonicalRequest and StringToSign are what the verifier computed.
	// Only the S3 dialect fills them on SignatureDoesNotMatch, as S3 returns
	// them (the <CanonicalRequest> and <StringToSign> elements); the other
	// services never reveal them.
	CanonicalRequest, StringToSign string
	// AccessKeyID and SignatureProvided accompany them (S3's <AWSAccessKeyId>
	// and <SignatureProvided>).
	AccessKeyID, SignatureProvided string
}

// Error makes a Failure an error.
func (f *Failure) Error() string { return f.Code + ": " + f.Message }

// Messages AWS answers with.
const (
	msgMismatchS3 = "The request signature we calculated does not match the signature you provided. Check your key and signing method."
	msgMismatch   = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
	msgBadToken   = "The security token included in the request is invalid."
	msgBadKeyS3   = "The AWS Access Key Id you provided does not exist in our records."
	msgSkewS3     = "The difference between the request time and the current time is too large."
)

func (v *Verifier) fail(code string, status int, msg string) *Failure {
	return &Failure{Code: code, Status: status, Message: msg}
}

// missing is a request that carries no signature at all. S3 treats such a
// request as anonymous and answers AccessDenied when policy does not allow
// it; a caller that allows anonymous S3 access checks Signed first.
func (v *Verifier) missing() *Failure {
	switch v.Dialect {
	case S3:
		return v.fail("AccessDenied", http.StatusForbidden, "Access Denied")
	case JSON:
		return v.fail("MissingAuthenticationTokenException", http.StatusForbidden, "Missing Authentication Token")
	}
	return v.fail("MissingAuthenticationToken", http.StatusForbidden, "Request is missing Authentication Token")
}

// incomplete is a malformed signature: a broken Authorization header or a
// presigned query missing a part. S3 names the header and query cases apart.
func (v *Verifier) incomplete(presigned bool, msg string) *Failure {
	switch v.Dialect {
	case S3:
		if presigned {
			return v.fail("AuthorizationQueryParametersError", http.StatusBadRequest, msg)
		}
		return v.fail("AuthorizationHeaderMalformed", http.StatusBadRequest, "The authorization header is malformed; "+msg)
	case JSON:
		return v.fail("IncompleteSignatureException", http.StatusBadRequest, msg)
	}
	return v.fail("IncompleteSignature", http.StatusBadRequest, msg)
}

func (v *Verifier) unknownKey() *Failure {
	switch v.Dialect {
	case S3:
		return v.fail("InvalidAccessKeyId", http.StatusForbidden, msgBadKeyS3)
	case JSON:
		return v.fail("UnrecognizedClientException", http.StatusForbidden, msgBadToken)
	}
	return v.fail("InvalidClientTokenId", http.StatusForbidden, msgBadToken)
}

// mismatch is a signature that does not match, or a scope the service
// refuses (msg then says why, as AWS does).
func (v *Verifier) mismatch(msg string) *Failure {
	switch v.Dialect {
	case S3:
		if msg == "" {
			msg = msgMismatchS3
		}
		return v.fail("SignatureDoesNotMatch", http.StatusForbidden, msg)
	case JSON:
		if msg == "" {
			msg = msgMismatch
		}
		return v.fail("InvalidSignatureException", http.StatusForbidden, msg)
	}
	if msg == "" {
		msg = msgMismatch
	}
	return v.fail("SignatureDoesNotMatch", http.StatusForbidden, msg)
}

// skewed is a request time outside the window. The Query and JSON services
// answer, for STS, EKS and CloudFormation alike (403, InvalidSignatureException
// in the x-amzn-ErrorType of JSON services, SignatureDoesNotMatch in Query
// ones):
//
//	Signature expired: 20240522T115159Z is now earlier than 20240522T120519Z (20240522T121019Z - 5 min.)
//	Signature not yet current: 20260627T150000Z is still later than 20260627T143000Z (20260627T144500Z + 15 min.)
//
// (as quoted from the services in
// https://hashnode-hub.vercel.app/posts/664de5a91e584186cd68a61c and
// https://devopsaitoolkit.com/blog/aws-error-invalid-signature-clock-skew/).
// S3 answers RequestTimeTooSkewed, 403, "The difference between the request
// time and the current time is too large."
func (v *Verifier) skewed(at, now time.Time, skew time.Duration) *Failure {
	if v.Dialect == S3 {
		return v.fail("RequestTimeTooSkewed", http.StatusForbidden, msgSkewS3)
	}
	if at.Before(now) {
		return v.mismatch(fmt.Sprintf("Signature expired: %s is now earlier than %s (%s - %s.)",
			stamp(at), stamp(now.Add(-skew)), stamp(now), minutes(skew)))
	}
	return v.mismatch(fmt.Sprintf("Signature not yet current: %s is still later than %s (%s + %s.)",
		stamp(at), stamp(now.Add(skew)), stamp(now), minutes(skew)))
}

// expired is a presigned URL used at or after X-Amz-Date + X-Amz-Expires.
// S3 answers AccessDenied "Request has expired"; the other services answer
// the skew message with the URL's end in place of the window's start.
func (v *Verifier) expired(at, end, now time.Time) *Failure {
	if v.Dialect == S3 {
		return v.fail("AccessDenied", http.StatusForbidden, "Request has expired")
	}
	return v.mismatch(fmt.Sprintf("Signature expired: %s is now earlier than %s (%s - %s.)",
		stamp(at), stamp(now.Add(at.Sub(end))), stamp(now), minutes(end.Sub(at))))
}

func minutes(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%d min", int64(d/time.Minute))
	}
	return d.String()
}
