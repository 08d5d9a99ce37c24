package lambda

import (
	"crypto/sha256"
	"encoding/base64"
)

// codeInfo is what Lambda computes from a deployment package.
type codeInfo struct {
	sha   string
	size  int64
	zip   []byte
	image string
}

// codeOf checks a deployment package as operation (CreateFunction,
// UpdateFunctionCode or PublishLayerVersion) does and computes its
// CodeSha256 (base64 of the SHA-256 of the package) and CodeSize. The fake
// cannot read S3 objects or images: their hash is taken over their location
// and their size is 0.
func codeOf(operation string, c FunctionCode, packageType string) (codeInfo, error) {
	if packageType == "Image" {
		if c.ImageUri == "" {
			return codeInfo{}, errInvalid("Please provide ImageUri when updating a function with packageType Image.")
		}
		return codeInfo{sha: sha256b64([]byte(c.ImageUri)), image: c.ImageUri}, nil
	}
	switch {
	case len(c.ZipFile) > 0:
		// The package travels base64-encoded in the request, whose quota is
		// maxCodeRequest: a package whose encoding alone is over it could
		// not have been sent.
		if base64.StdEncoding.EncodedLen(len(c.ZipFile)) > maxCodeRequest {
			return codeInfo{}, errRequestTooLarge(operation)
		}
		return codeInfo{sha: sha256b64(c.ZipFile), size: int64(len(c.ZipFile)), zip: c.ZipFile}, nil
	case c.S3Bucket != "" && c.S3Key != "":
		return codeInfo{sha: sha256b64([]byte("s3://" + c.S3Bucket + "/" + c.S3Key + "?" + c.S3ObjectVersion))}, nil
	case c.ImageUri != "":
		return codeInfo{}, errInvalid("Please don't provide ImageUri when updating a function with packageType Zip.")
	}
	return codeInfo{}, errInvalid("Please provide a source for function code.")
}

func sha256b64(b []byte) string {
	h := sha256.Sum256(b)
	return base64.StdEncoding.EncodeToString(h[:])
}
