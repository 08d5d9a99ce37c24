package s3

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// SSE is the server-side encryption a request names in its
// x-amz-server-side-encryption* headers: SSE-S3 or SSE-KMS for a write,
// or an SSE-C customer key (algorithm, base64 key, base64 MD5 of the key)
// for a write or a read.
type SSE struct {
	ServerSideEncryption string // AES256, aws:kms or aws:kms:dsse
	KMSKeyID             string
	KMSContext           string // base64 JSON object
	BucketKeyEnabled     string // "true", "false" or "" (the bucket's)
	CustomerAlgorithm    string
	CustomerKey          string
	CustomerKeyMD5       string
}

// customer reports whether the request names an SSE-C key.
func (e SSE) customer() bool {
	return e.CustomerAlgorithm != "" || e.CustomerKey != "" || e.CustomerKeyMD5 != ""
}

// ObjectEncryption is how an object is stored encrypted, as S3 reports it:
// ServerSideEncryption with its KMS key, context and bucket key, or, for
// SSE-C, the customer algorithm and key MD5 alone. The fake keeps the
// data as sent.
type ObjectEncryption struct {
	ServerSideEncryption string
	KMSKeyID             string // the key's ARN
	KMSContext           string
	BucketKeyEnabled     bool
	CustomerAlgorithm    string
	CustomerKeyMD5       string
}

// sseArg is the argument S3 names in its SSE errors.
const sseArg = "x-amz-server-side-encryption"

func sseInvalid(msg string) error {
	return withFields(errs.New(codeInvalidArgument, "%s", msg), "ArgumentName", sseArg)
}

// checkCustomerKey checks an SSE-C key as S3 does on a write
// (shared/aws-recordings, s3 test_put_object_validation_sse_c); a read
// without the key's MD5 is AccessDenied instead.
func checkCustomerKey(e SSE, read bool) error {
	switch {
	case e.CustomerAlgorithm == "":
		return sseInvalid("Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.")
	case e.CustomerAlgorithm != SSEAES256:
		return withFields(errs.New(codeInvalidEncryptionAlgorithmError, "The Encryption request you specified is not valid. Supported value: AES256."),
			"ArgumentName", sseArg, "ArgumentValue", e.CustomerAlgorithm)
	case e.CustomerKey == "":
		return sseInvalid("Requests specifying Server Side Encryption with Customer provided keys must provide an appropriate secret key.")
	}
	key, err := base64.StdEncoding.DecodeString(e.CustomerKey)
	if err != nil || len(key) != 32 {
		return sseInvalid("The secret key was invalid for the specified algorithm.")
	}
	if e.CustomerKeyMD5 == "" {
		if read {
			return wrongCustomerKey()
		}
		return sseInvalid("The secret key was invalid for the specified algorithm.")
	}
	sum := md5.Sum(key)
	if base64.StdEncoding.EncodeToString(sum[:]) != e.CustomerKeyMD5 {
		return sseInvalid("The calculated MD5 hash of the key did not match the hash that was provided.")
	}
	return nil
}

func wrongCustomerKey() error {
	return errs.New(codeAccessDenied, "Requests specifying Server Side Encryption with Customer provided keys must provide the correct secret key.")
}

// encrypt resolves how a write stores its object: the SSE-C key, the
// SSE-S3 or SSE-KMS the request names, or the bucket's default, checked
// as S3 checks them. KMS keys named by id live in the bucket's account
// and region. The caller holds s.mu.
func (b *bucket) encrypt(e SSE) (ObjectEncryption, error) {
	if e.customer() {
		if e.ServerSideEncryption != "" {
			return ObjectEncryption{}, withFields(errs.New(codeInvalidArgument,
				"Server Side Encryption with Customer provided key is incompatible with the encryption method specified"),
				"ArgumentName", sseArg, "ArgumentValue", e.ServerSideEncryption)
		}
		if err := checkCustomerKey(e, false); err != nil {
			return ObjectEncryption{}, err
		}
		return ObjectEncryption{CustomerAlgorithm: SSEAES256, CustomerKeyMD5: e.CustomerKeyMD5}, nil
	}
	def := b.defaultEncryption()
	out := ObjectEncryption{ServerSideEncryption: e.ServerSideEncryption}
	if out.ServerSideEncryption == "" {
		out.ServerSideEncryption = def.ApplyServerSideEncryptionByDefault.SSEAlgorithm
	}
	switch out.ServerSideEncryption {
	case SSEAES256:
		if e.KMSKeyID != "" || e.KMSContext != "" {
			return ObjectEncryption{}, withFields(errs.New(codeInvalidArgument,
				"Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms"),
				"ArgumentName", sseArg+"-aws-kms-key-id")
		}
		return out, nil
	case SSEKMS, SSEKMSDSSE:
	default:
		return ObjectEncryption{}, withFields(errs.New(codeInvalidArgument, "The encryption method specified is not supported"),
			"ArgumentName", sseArg, "ArgumentValue", e.ServerSideEncryption)
	}
	if e.KMSContext != "" && !validContext(e.KMSContext) {
		return ObjectEncryption{}, withFields(errs.New(codeInvalidArgument,
			"The header 'x-amz-server-side-encryption-context' shall be Base64-encoded UTF-8 string holding JSON which represents a string-string map"),
			"ArgumentName", sseArg+"-context")
	}
	out.KMSContext = e.KMSContext
	kmsDefault := def.ApplyServerSideEncryptionByDefault.SSEAlgorithm != SSEAES256
	out.KMSKeyID = e.KMSKeyID
	if out.KMSKeyID == "" && kmsDefault {
		out.KMSKeyID = def.ApplyServerSideEncryptionByDefault.KMSMasterKeyID
	}
	out.KMSKeyID = keyARN(faults.Scope{Account: b.account, Region: b.region, Partition: b.partition}, out.KMSKeyID)
	out.BucketKeyEnabled = strings.EqualFold(e.BucketKeyEnabled, "true") || (e.BucketKeyEnabled == "" && kmsDefault && def.BucketKeyEnabled)
	return out, nil
}

// validContext reports whether an encryption context is base64 JSON of a
// string-to-string map.
func validContext(c string) bool {
	b, err := base64.StdEncoding.DecodeString(c)
	var m map[string]string
	return err == nil && json.Unmarshal(b, &m) == nil
}

// keyARN is the ARN of a KMS key named by id, alias or ARN; none names the
// account's AWS managed key for S3 (aws/s3), whose id the fake derives
// from the account and region.
func keyARN(sc faults.Scope, id string) string {
	switch {
	case strings.HasPrefix(id, "arn:"):
		return id
	case id == "":
		h := sha256.Sum256([]byte("awsfake aws/s3 key " + sc.Account + " " + sc.Region))
		x := hex.EncodeToString(h[:16])
		id = x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
	case strings.HasPrefix(id, "alias/"):
		return sc.ARN("kms", id)
	}
	return sc.ARN("kms", "key/"+id)
}

// checkCustomerRead checks the SSE-C key of a read (GetObject, HeadObject,
// a copy source) against the object's, as S3 does
// (shared/aws-recordings, s3 test_object_retrieval_sse_c).
func checkCustomerRead(o ObjectEncryption, e SSE) error {
	if o.CustomerAlgorithm == "" {
		if e.customer() {
			return errs.New(codeInvalidRequest, "The encryption parameters are not applicable to this object.")
		}
		return nil
	}
	if !e.customer() {
		return errs.New(codeInvalidRequest, "The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.")
	}
	if err := checkCustomerKey(e, true); err != nil {
		return err
	}
	if e.CustomerKeyMD5 != o.CustomerKeyMD5 {
		return wrongCustomerKey()
	}
	return nil
}

// protect gives a written object the ACL and the encryption its request
// names, checked against the bucket's settings. The caller holds s.mu.
func (s *Service) protect(b *bucket, o *object, acl ACL, e SSE) error {
	g, err := s.objectACL(b, acl)
	if err != nil {
		return err
	}
	enc, err := b.encrypt(e)
	if err != nil {
		return err
	}
	o.acl, o.enc = g, enc
	return nil
}

// checkPartKey checks that an UploadPart to an upload initiated with an
// SSE-C key carries that key, as S3 requires.
func checkPartKey(u ObjectEncryption, e SSE) error {
	if u.CustomerAlgorithm != "" && !e.customer() {
		return errs.New(codeInvalidRequest,
			"The multipart upload initiate requested encryption. Subsequent part requests must include the appropriate encryption parameters.")
	}
	return checkCustomerRead(u, e)
}
