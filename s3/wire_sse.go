package s3

import (
	"net/http"
	"strconv"
)

// sseHeaders reads the encryption a request names; copySource reads the
// copy source's SSE-C key (x-amz-copy-source-server-side-encryption-customer-*)
// instead.
func sseHeaders(h http.Header, copySource bool) SSE {
	if copySource {
		const p = "x-amz-copy-source-server-side-encryption-customer-"
		return SSE{CustomerAlgorithm: h.Get(p + "algorithm"), CustomerKey: h.Get(p + "key"), CustomerKeyMD5: h.Get(p + "key-MD5")}
	}
	const p = "x-amz-server-side-encryption"
	return SSE{
		ServerSideEncryption: h.Get(p), KMSKeyID: h.Get(p + "-aws-kms-key-id"), KMSContext: h.Get(p + "-context"),
		BucketKeyEnabled:  h.Get(p + "-bucket-key-enabled"),
		CustomerAlgorithm: h.Get(p + "-customer-algorithm"), CustomerKey: h.Get(p + "-customer-key"),
		CustomerKeyMD5: h.Get(p + "-customer-key-MD5"),
	}
}

// writeEncryption sets the encryption headers S3 answers for an object:
// SSE-C's algorithm and key MD5 alone, else the algorithm, with a KMS
// key's ARN, context and bucket key.
func writeEncryption(h http.Header, e ObjectEncryption) {
	const p = "x-amz-server-side-encryption"
	if e.CustomerAlgorithm != "" {
		h.Set(p+"-customer-algorithm", e.CustomerAlgorithm)
		h.Set(p+"-customer-key-MD5", e.CustomerKeyMD5)
		return
	}
	h.Set(p, e.ServerSideEncryption)
	setIf(h, p+"-aws-kms-key-id", e.KMSKeyID)
	setIf(h, p+"-context", e.KMSContext)
	if e.BucketKeyEnabled {
		h.Set(p+"-bucket-key-enabled", strconv.FormatBool(true))
	}
}
