package s3

import (
	"bytes"
	"context"
	"slices"

	"github.com/awsfake/awsfake/internal/policy"
)

// Versioning states of a bucket. A bucket that never had versioning turned
// on has none ("").
const (
	VersioningEnabled   = "Enabled"
	VersioningSuspended = "Suspended"
)

// PutBucketVersioningInput turns versioning on or suspends it.
type PutBucketVersioningInput struct {
	Bucket string
	Status string // Enabled or Suspended
	// MFADelete is Enabled or Disabled; Enabled needs an MFA device the fake
	// does not have.
	MFADelete string
}

// PutBucketVersioningOutput is the (empty) answer to PutBucketVersioning.
type PutBucketVersioningOutput struct{}

// PutBucketVersioning sets a bucket's versioning state. A bucket can go
// from unversioned to Enabled and between Enabled and Suspended, never back
// to unversioned, which S3 has no Status for; any other Status is
// MalformedXML.
func (s *Service) PutBucketVersioning(ctx context.Context, in PutBucketVersioningInput) (PutBucketVersioningOutput, error) {
	sc, err := s.enter(ctx, "PutBucketVersioning", in.Bucket, "")
	if err != nil {
		return PutBucketVersioningOutput{}, err
	}
	switch in.MFADelete {
	case "", "Disabled":
	case "Enabled":
		return PutBucketVersioningOutput{}, errs.New(codeAccessDenied, "Mfa Authentication must be used for this request")
	default:
		return PutBucketVersioningOutput{}, malformedXML()
	}
	if in.Status != VersioningEnabled && in.Status != VersioningSuspended {
		return PutBucketVersioningOutput{}, malformedXML()
	}
	return PutBucketVersioningOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.objectLock && in.Status != VersioningEnabled {
			return errs.New(codeInvalidBucketState, "An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.")
		}
		b.versioning = in.Status
		return nil
	})
}

// GetBucketVersioningInput names the bucket.
type GetBucketVersioningInput struct {
	Bucket string
}

// GetBucketVersioningOutput is a bucket's versioning state.
type GetBucketVersioningOutput struct {
	Status    string // "" when versioning was never turned on
	MFADelete string
}

// GetBucketVersioning returns a bucket's versioning state.
func (s *Service) GetBucketVersioning(ctx context.Context, in GetBucketVersioningInput) (GetBucketVersioningOutput, error) {
	sc, err := s.enter(ctx, "GetBucketVersioning", in.Bucket, "")
	if err != nil {
		return GetBucketVersioningOutput{}, err
	}
	var out GetBucketVersioningOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		out.Status = b.versioning
		if b.versioning != "" {
			out.MFADelete = "Disabled"
		}
		return nil
	})
	return out, err
}

// maxPolicySize is the largest bucket policy S3 stores: 20 KB.
const maxPolicySize = 20 * 1024

// PutBucketPolicyInput stores a bucket policy.
type PutBucketPolicyInput struct {
	Bucket, Policy string
}

// PutBucketPolicyOutput is the (empty) answer to PutBucketPolicy.
type PutBucketPolicyOutput struct{}

// PutBucketPolicy stores a bucket policy. The policy is not enforced. As
// S3 checks, it must be a policy document ("Policies must be valid JSON and
// the first byte must be '{'") with a Statement, and at most 20 KB.
func (s *Service) PutBucketPolicy(ctx context.Context, in PutBucketPolicyInput) (PutBucketPolicyOutput, error) {
	sc, err := s.enter(ctx, "PutBucketPolicy", in.Bucket, "")
	if err != nil {
		return PutBucketPolicyOutput{}, err
	}
	if err := validatePolicy(in.Policy); err != nil {
		return PutBucketPolicyOutput{}, err
	}
	return PutBucketPolicyOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.policy = in.Policy
		return nil
	})
}

// validatePolicy checks a bucket policy as S3 does: at most 20 KB, a JSON
// object in the policy language (internal/policy) with at least one
// statement.
func validatePolicy(p string) error {
	if len(p) > maxPolicySize {
		return policyTooLarge()
	}
	trimmed := bytes.TrimSpace([]byte(p))
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return malformedPolicy()
	}
	doc, err := policy.Parse(trimmed)
	if err != nil {
		return malformedPolicy()
	}
	if len(doc.Statement) == 0 {
		return errs.New(codeMalformedPolicy, "Missing required field Statement")
	}
	return nil
}

func malformedPolicy() error {
	return errs.New(codeMalformedPolicy, "Policies must be valid JSON and the first byte must be '{'")
}

// GetBucketPolicyInput names the bucket.
type GetBucketPolicyInput struct {
	Bucket string
}

// GetBucketPolicyOutput holds the policy document as it was stored.
type GetBucketPolicyOutput struct {
	Policy string
}

// GetBucketPolicy returns a bucket's policy, or NoSuchBucketPolicy (404).
func (s *Service) GetBucketPolicy(ctx context.Context, in GetBucketPolicyInput) (GetBucketPolicyOutput, error) {
	sc, err := s.enter(ctx, "GetBucketPolicy", in.Bucket, "")
	if err != nil {
		return GetBucketPolicyOutput{}, err
	}
	var out GetBucketPolicyOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.policy == "" {
			e := errs.New(codeNoSuchBucketPolicy, "The bucket policy does not exist")
			e.Fields = map[string]string{"BucketName": in.Bucket}
			return e
		}
		out.Policy = b.policy
		return nil
	})
	return out, err
}

// DeleteBucketPolicyInput names the bucket.
type DeleteBucketPolicyInput struct {
	Bucket string
}

// DeleteBucketPolicyOutput is the (empty) answer to DeleteBucketPolicy.
type DeleteBucketPolicyOutput struct{}

// DeleteBucketPolicy removes a bucket's policy; removing none succeeds.
func (s *Service) DeleteBucketPolicy(ctx context.Context, in DeleteBucketPolicyInput) (DeleteBucketPolicyOutput, error) {
	sc, err := s.enter(ctx, "DeleteBucketPolicy", in.Bucket, "")
	if err != nil {
		return DeleteBucketPolicyOutput{}, err
	}
	return DeleteBucketPolicyOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.policy = ""
		return nil
	})
}

// maxCORSRules is the most rules a CORS configuration holds.
const maxCORSRules = 100

// corsMethods are the methods a CORS rule may allow.
var corsMethods = []string{"GET", "PUT", "POST", "DELETE", "HEAD"}

// CORSRule is one rule of a bucket's CORS configuration.
type CORSRule struct {
	ID             string
	AllowedHeaders []string
	AllowedMethods []string
	AllowedOrigins []string
	ExposeHeaders  []string
	MaxAgeSeconds  int
}

// PutBucketCorsInput replaces a bucket's CORS configuration.
type PutBucketCorsInput struct {
	Bucket string
	Rules  []CORSRule
}

// PutBucketCorsOutput is the (empty) answer to PutBucketCors.
type PutBucketCorsOutput struct{}

// PutBucketCors stores a CORS configuration, which preflights (OPTIONS)
// and requests carrying an Origin are answered by (cors.go). As
// S3 checks: 1 to 100 rules, each with at least one origin and one method
// among GET, PUT, POST, DELETE and HEAD.
func (s *Service) PutBucketCors(ctx context.Context, in PutBucketCorsInput) (PutBucketCorsOutput, error) {
	sc, err := s.enter(ctx, "PutBucketCors", in.Bucket, "")
	if err != nil {
		return PutBucketCorsOutput{}, err
	}
	if len(in.Rules) == 0 {
		return PutBucketCorsOutput{}, malformedXML()
	}
	if len(in.Rules) > maxCORSRules {
		return PutBucketCorsOutput{}, errs.New(codeInvalidRequest, "The number of CORS rules should not exceed allowed limit of 100 rules.")
	}
	for _, r := range in.Rules {
		if len(r.AllowedMethods) == 0 || len(r.AllowedOrigins) == 0 {
			return PutBucketCorsOutput{}, malformedXML()
		}
		for _, m := range r.AllowedMethods {
			if !slices.Contains(corsMethods, m) {
				return PutBucketCorsOutput{}, errs.New(codeInvalidRequest,
					"Found unsupported HTTP method in CORS config. Unsupported method is %s", m)
			}
		}
	}
	rules := cloneRules(in.Rules)
	return PutBucketCorsOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.cors = rules
		return nil
	})
}

func cloneRules(rules []CORSRule) []CORSRule {
	out := make([]CORSRule, len(rules))
	for i, r := range rules {
		out[i] = CORSRule{
			ID: r.ID, MaxAgeSeconds: r.MaxAgeSeconds,
			AllowedHeaders: slices.Clone(r.AllowedHeaders), AllowedMethods: slices.Clone(r.AllowedMethods),
			AllowedOrigins: slices.Clone(r.AllowedOrigins), ExposeHeaders: slices.Clone(r.ExposeHeaders),
		}
	}
	return out
}

// GetBucketCorsInput names the bucket.
type GetBucketCorsInput struct {
	Bucket string
}

// GetBucketCorsOutput holds a bucket's CORS rules.
type GetBucketCorsOutput struct {
	Rules []CORSRule
}

// GetBucketCors returns a bucket's CORS rules, or NoSuchCORSConfiguration
// (404).
func (s *Service) GetBucketCors(ctx context.Context, in GetBucketCorsInput) (GetBucketCorsOutput, error) {
	sc, err := s.enter(ctx, "GetBucketCors", in.Bucket, "")
	if err != nil {
		return GetBucketCorsOutput{}, err
	}
	var out GetBucketCorsOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if len(b.cors) == 0 {
			e := errs.New(codeNoSuchCORSConfiguration, "The CORS configuration does not exist")
			e.Fields = map[string]string{"BucketName": in.Bucket}
			return e
		}
		out.Rules = cloneRules(b.cors)
		return nil
	})
	return out, err
}

// DeleteBucketCorsInput names the bucket.
type DeleteBucketCorsInput struct {
	Bucket string
}

// DeleteBucketCorsOutput is the (empty) answer to DeleteBucketCors.
type DeleteBucketCorsOutput struct{}

// DeleteBucketCors removes a bucket's CORS configuration.
func (s *Service) DeleteBucketCors(ctx context.Context, in DeleteBucketCorsInput) (DeleteBucketCorsOutput, error) {
	sc, err := s.enter(ctx, "DeleteBucketCors", in.Bucket, "")
	if err != nil {
		return DeleteBucketCorsOutput{}, err
	}
	return DeleteBucketCorsOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.cors = nil
		return nil
	})
}
