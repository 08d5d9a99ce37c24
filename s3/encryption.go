package s3

import (
	"context"
)

// Server-side encryption algorithms S3 names in x-amz-server-side-encryption
// and in a bucket's default encryption.
const (
	SSEAES256  = "AES256"
	SSEKMS     = "aws:kms"
	SSEKMSDSSE = "aws:kms:dsse"
)

// EncryptionByDefault is the encryption S3 applies to an object written
// without encryption headers.
type EncryptionByDefault struct {
	SSEAlgorithm   string `xml:"SSEAlgorithm"`
	KMSMasterKeyID string `xml:"KMSMasterKeyID,omitempty"`
}

// EncryptionRule is the one rule of a bucket's default encryption.
type EncryptionRule struct {
	ApplyServerSideEncryptionByDefault *EncryptionByDefault `xml:"ApplyServerSideEncryptionByDefault"`
	BucketKeyEnabled                   bool                 `xml:"BucketKeyEnabled"`
}

// defaultEncryption is what every bucket has from its creation and after
// DeleteBucketEncryption: SSE-S3, without a bucket key.
var defaultEncryption = EncryptionRule{ApplyServerSideEncryptionByDefault: &EncryptionByDefault{SSEAlgorithm: SSEAES256}}

// PutBucketEncryptionInput sets a bucket's default encryption.
type PutBucketEncryptionInput struct {
	Bucket string
	Rules  []EncryptionRule
}

// PutBucketEncryptionOutput is the (empty) answer to PutBucketEncryption.
type PutBucketEncryptionOutput struct{}

// PutBucketEncryption sets the encryption S3 applies to objects written
// without encryption headers. As S3 checks: exactly one rule
// (MalformedXML), an algorithm among AES256, aws:kms and aws:kms:dsse, and
// a KMSMasterKeyID only with a KMS algorithm (InvalidArgument).
func (s *Service) PutBucketEncryption(ctx context.Context, in PutBucketEncryptionInput) (PutBucketEncryptionOutput, error) {
	sc, err := s.enter(ctx, "PutBucketEncryption", in.Bucket, "")
	if err != nil {
		return PutBucketEncryptionOutput{}, err
	}
	if len(in.Rules) != 1 || in.Rules[0].ApplyServerSideEncryptionByDefault == nil {
		return PutBucketEncryptionOutput{}, malformedXML()
	}
	rule := in.Rules[0]
	d := *rule.ApplyServerSideEncryptionByDefault
	switch d.SSEAlgorithm {
	case SSEAES256:
		if d.KMSMasterKeyID != "" {
			return PutBucketEncryptionOutput{}, withFields(errs.New(codeInvalidArgument,
				"a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse"),
				"ArgumentName", "ApplyServerSideEncryptionByDefault")
		}
	case SSEKMS, SSEKMSDSSE:
	default:
		return PutBucketEncryptionOutput{}, malformedXML()
	}
	rule.ApplyServerSideEncryptionByDefault = &d
	return PutBucketEncryptionOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.encryption = rule
		return nil
	})
}

// GetBucketEncryptionInput names the bucket.
type GetBucketEncryptionInput struct {
	Bucket string
}

// GetBucketEncryptionOutput is a bucket's default encryption.
type GetBucketEncryptionOutput struct {
	Rules []EncryptionRule
}

// GetBucketEncryption returns a bucket's default encryption: SSE-S3
// (AES256) unless PutBucketEncryption set another, as every S3 bucket has
// had since January 2023.
func (s *Service) GetBucketEncryption(ctx context.Context, in GetBucketEncryptionInput) (GetBucketEncryptionOutput, error) {
	sc, err := s.enter(ctx, "GetBucketEncryption", in.Bucket, "")
	if err != nil {
		return GetBucketEncryptionOutput{}, err
	}
	var out GetBucketEncryptionOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		rule := b.defaultEncryption()
		d := *rule.ApplyServerSideEncryptionByDefault
		rule.ApplyServerSideEncryptionByDefault = &d
		out.Rules = []EncryptionRule{rule}
		return nil
	})
	return out, err
}

// defaultEncryption returns the encryption the bucket applies by default.
func (b *bucket) defaultEncryption() EncryptionRule {
	if b.encryption.ApplyServerSideEncryptionByDefault == nil {
		return defaultEncryption
	}
	return b.encryption
}

// DeleteBucketEncryptionInput names the bucket.
type DeleteBucketEncryptionInput struct {
	Bucket string
}

// DeleteBucketEncryptionOutput is the (empty) answer to
// DeleteBucketEncryption.
type DeleteBucketEncryptionOutput struct{}

// DeleteBucketEncryption puts a bucket back to S3's default encryption,
// SSE-S3.
func (s *Service) DeleteBucketEncryption(ctx context.Context, in DeleteBucketEncryptionInput) (DeleteBucketEncryptionOutput, error) {
	sc, err := s.enter(ctx, "DeleteBucketEncryption", in.Bucket, "")
	if err != nil {
		return DeleteBucketEncryptionOutput{}, err
	}
	return DeleteBucketEncryptionOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.encryption = EncryptionRule{}
		return nil
	})
}
