// Package sigv4 verifies AWS Signature Version 4 on incoming requests, as
// AWS does, for a fake that knows the secrets of its credentials.
//
//	v := &sigv4.Verifier{Secrets: lookup, Now: clk.Now, Dialect: sigv4.S3, Skew: 15 * time.Minute}
//	sig, f := v.Check(r, body)           // or v.Verify(r, body) for the Failure only
//	data, trailers, f := v.VerifyChunks(sig, body) // aws-chunked bodies
//
// # What is verified
//
//   - The Authorization header (AWS4-HMAC-SHA256 Credential=…,
//     SignedHeaders=…, Signature=…) or a presigned query (X-Amz-Algorithm,
//     X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders,
//     X-Amz-Signature); the header wins when both are present.
//   - The canonical request as AWS builds it: each path segment URI-encoded
//     once for S3 and twice for every other service; the query decoded,
//     re-encoded with AWS's UriEncode and sorted by name then value (a
//     presigned URL's X-Amz-Signature left out); the signed headers
//     lower-cased, values trimmed, runs of spaces collapsed, repeats joined
//     by commas; the payload hash.
//   - The payload hash: x-amz-content-sha256 when present (a hex sha256
//     must match the body when the caller gives it; UNSIGNED-PAYLOAD and the
//     STREAMING-* values are signed as they are), UNSIGNED-PAYLOAD for a
//     presigned S3 URL, else the body's sha256. S3 requires the header on
//     header-signed requests, as S3 does.
//   - The credential scope: five parts, the aws4_request terminator, its
//     date equal to X-Amz-Date's (or Date's), and Verifier.Service if set.
//   - The request time against Now ± Skew (5 minutes unless set), and a
//     presigned URL's X-Amz-Expires (1..604800 s; expired at date+expires
//     exactly).
//   - aws-chunked bodies: each chunk's signature in the chain seeded by the
//     request's signature, and a signed trailer's x-amz-trailer-signature;
//     STREAMING-UNSIGNED-PAYLOAD-TRAILER bodies are decoded unchecked. The
//     decoded length must equal x-amz-decoded-content-length when present.
//
// Failures carry AWS's codes, statuses and wording for the chosen Dialect:
// Query (IncompleteSignature 400, InvalidClientTokenId 403,
// SignatureDoesNotMatch 403 also for a skewed or expired time,
// MissingAuthenticationToken 403), JSON (the …Exception codes) and S3
// (AuthorizationHeaderMalformed / AuthorizationQueryParametersError 400,
// InvalidAccessKeyId, SignatureDoesNotMatch with the canonical request and
// string-to-sign, RequestTimeTooSkewed, AccessDenied "Request has expired").
// No Failure has a 5xx status.
//
// # Where it differs from AWS
//
//   - X-Amz-Security-Token is signed like any header but not checked: the
//     caller resolves session tokens (internal/creds).
//   - The region in the scope is not checked against an endpoint: the
//     caller takes the region from it.
//   - Non-S3 paths are not normalized (dot segments, repeated slashes): the
//     SDKs sign them as sent, and so does this package.
//   - SigV4A (AWS4-ECDSA-P256-SHA256), SigV2 and event-stream framing are
//     not verified; SigV4A answers an unsupported-algorithm failure.
//   - Trailer checksums (x-amz-checksum-*) are returned, not checked, and
//     S3's 8 KiB minimum chunk size is not enforced.
//   - An unsigned S3 request answers AccessDenied here; a caller serving
//     anonymous access checks Signed first.
//   - Nothing reads the wall clock: the time is Verifier.Now.
package sigv4
