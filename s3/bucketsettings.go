package s3

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/policy"
)

// PublicAccessBlockConfiguration is a bucket's public access block. New
// buckets have all four settings on, as S3 creates them since April 2023.
type PublicAccessBlockConfiguration struct {
	BlockPublicAcls       bool `xml:"BlockPublicAcls"`
	IgnorePublicAcls      bool `xml:"IgnorePublicAcls"`
	BlockPublicPolicy     bool `xml:"BlockPublicPolicy"`
	RestrictPublicBuckets bool `xml:"RestrictPublicBuckets"`
}

// blockAll is the public access block of a new bucket.
var blockAll = PublicAccessBlockConfiguration{true, true, true, true}

// PutPublicAccessBlockInput sets a bucket's public access block.
type PutPublicAccessBlockInput struct {
	Bucket        string
	Configuration PublicAccessBlockConfiguration
}

// PutPublicAccessBlockOutput is the (empty) answer to PutPublicAccessBlock.
type PutPublicAccessBlockOutput struct{}

// PutPublicAccessBlock stores a bucket's public access block (not
// enforced: policies and ACLs are not).
func (s *Service) PutPublicAccessBlock(ctx context.Context, in PutPublicAccessBlockInput) (PutPublicAccessBlockOutput, error) {
	sc, err := s.enter(ctx, "PutPublicAccessBlock", in.Bucket, "")
	if err != nil {
		return PutPublicAccessBlockOutput{}, err
	}
	return PutPublicAccessBlockOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		c := in.Configuration
		b.publicAccessBlock = &c
		return nil
	})
}

// GetPublicAccessBlockInput names the bucket.
type GetPublicAccessBlockInput struct {
	Bucket string
}

// GetPublicAccessBlockOutput is a bucket's public access block.
type GetPublicAccessBlockOutput struct {
	Configuration PublicAccessBlockConfiguration
}

// GetPublicAccessBlock returns a bucket's public access block, all on for
// a new bucket, or NoSuchPublicAccessBlockConfiguration (404) once
// deleted.
func (s *Service) GetPublicAccessBlock(ctx context.Context, in GetPublicAccessBlockInput) (GetPublicAccessBlockOutput, error) {
	sc, err := s.enter(ctx, "GetPublicAccessBlock", in.Bucket, "")
	if err != nil {
		return GetPublicAccessBlockOutput{}, err
	}
	var out GetPublicAccessBlockOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.publicAccessBlock == nil {
			return withFields(errs.New(codeNoSuchPublicAccessBlockConfiguration,
				"The public access block configuration was not found"), "BucketName", in.Bucket)
		}
		out.Configuration = *b.publicAccessBlock
		return nil
	})
	return out, err
}

// DeletePublicAccessBlockInput names the bucket.
type DeletePublicAccessBlockInput struct {
	Bucket string
}

// DeletePublicAccessBlockOutput is the (empty) answer to
// DeletePublicAccessBlock.
type DeletePublicAccessBlockOutput struct{}

// DeletePublicAccessBlock removes a bucket's public access block; removing
// none succeeds.
func (s *Service) DeletePublicAccessBlock(ctx context.Context, in DeletePublicAccessBlockInput) (DeletePublicAccessBlockOutput, error) {
	sc, err := s.enter(ctx, "DeletePublicAccessBlock", in.Bucket, "")
	if err != nil {
		return DeletePublicAccessBlockOutput{}, err
	}
	return DeletePublicAccessBlockOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.publicAccessBlock = nil
		return nil
	})
}

// Object Ownership settings of a bucket.
const (
	OwnershipBucketOwnerEnforced  = "BucketOwnerEnforced"
	OwnershipBucketOwnerPreferred = "BucketOwnerPreferred"
	OwnershipObjectWriter         = "ObjectWriter"
)

// validOwnership reports whether v is an Object Ownership setting.
func validOwnership(v string) bool {
	return v == OwnershipBucketOwnerEnforced || v == OwnershipBucketOwnerPreferred || v == OwnershipObjectWriter
}

func invalidOwnership(v string) error {
	return invalidArgument("x-amz-object-ownership", v, "Invalid x-amz-object-ownership header: "+v)
}

// startSettings applies the Object Ownership and ACL a CreateBucket names
// to the new bucket. As S3 answers, an ACL granting more than the owner's
// FULL_CONTROL on a BucketOwnerEnforced bucket is
// InvalidBucketAclWithObjectOwnership.
func (s *Service) startSettings(b *bucket, in CreateBucketInput) error {
	if in.ObjectOwnership != "" {
		b.ownership = in.ObjectOwnership
	}
	if in.ACL.empty() {
		return nil
	}
	g, err := resolveACL(in.ACL, s.ownerOf(b.account).ID, b.ownership == OwnershipBucketOwnerEnforced)
	if awserr.Is(err, codeAccessControlListNotSupported) {
		return errs.New(codeInvalidBucketAclWithObjectOwnership, "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting")
	}
	b.acl = g
	return err
}

// PutBucketOwnershipControlsInput sets a bucket's Object Ownership.
type PutBucketOwnershipControlsInput struct {
	Bucket string
	// Rules holds exactly one ObjectOwnership setting.
	Rules []string
}

// PutBucketOwnershipControlsOutput is the (empty) answer to
// PutBucketOwnershipControls.
type PutBucketOwnershipControlsOutput struct{}

// PutBucketOwnershipControls sets a bucket's Object Ownership, which
// decides whether ACLs are accepted (acl.go). As S3 checks, one rule
// naming BucketOwnerEnforced, BucketOwnerPreferred or ObjectWriter, else
// MalformedXML.
func (s *Service) PutBucketOwnershipControls(ctx context.Context, in PutBucketOwnershipControlsInput) (PutBucketOwnershipControlsOutput, error) {
	sc, err := s.enter(ctx, "PutBucketOwnershipControls", in.Bucket, "")
	if err != nil {
		return PutBucketOwnershipControlsOutput{}, err
	}
	if len(in.Rules) != 1 || !validOwnership(in.Rules[0]) {
		return PutBucketOwnershipControlsOutput{}, malformedXML()
	}
	return PutBucketOwnershipControlsOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.ownership = in.Rules[0]
		return nil
	})
}

// GetBucketOwnershipControlsInput names the bucket.
type GetBucketOwnershipControlsInput struct {
	Bucket string
}

// GetBucketOwnershipControlsOutput is a bucket's Object Ownership.
type GetBucketOwnershipControlsOutput struct {
	Rules []string
}

// GetBucketOwnershipControls returns a bucket's Object Ownership
// (BucketOwnerEnforced for a new bucket), or OwnershipControlsNotFoundError
// (404) once deleted.
func (s *Service) GetBucketOwnershipControls(ctx context.Context, in GetBucketOwnershipControlsInput) (GetBucketOwnershipControlsOutput, error) {
	sc, err := s.enter(ctx, "GetBucketOwnershipControls", in.Bucket, "")
	if err != nil {
		return GetBucketOwnershipControlsOutput{}, err
	}
	var out GetBucketOwnershipControlsOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.ownership == "" {
			return withFields(errs.New(codeOwnershipControlsNotFoundError,
				"The bucket ownership controls were not found"), "BucketName", in.Bucket)
		}
		out.Rules = []string{b.ownership}
		return nil
	})
	return out, err
}

// DeleteBucketOwnershipControlsInput names the bucket.
type DeleteBucketOwnershipControlsInput struct {
	Bucket string
}

// DeleteBucketOwnershipControlsOutput is the (empty) answer to
// DeleteBucketOwnershipControls.
type DeleteBucketOwnershipControlsOutput struct{}

// DeleteBucketOwnershipControls removes a bucket's Object Ownership: the
// bucket then takes ACLs as an ObjectWriter bucket does, as S3 did before
// Object Ownership.
func (s *Service) DeleteBucketOwnershipControls(ctx context.Context, in DeleteBucketOwnershipControlsInput) (DeleteBucketOwnershipControlsOutput, error) {
	sc, err := s.enter(ctx, "DeleteBucketOwnershipControls", in.Bucket, "")
	if err != nil {
		return DeleteBucketOwnershipControlsOutput{}, err
	}
	return DeleteBucketOwnershipControlsOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.ownership = ""
		return nil
	})
}

// GetBucketPolicyStatusInput names the bucket.
type GetBucketPolicyStatusInput struct {
	Bucket string
}

// GetBucketPolicyStatusOutput says whether a bucket's policy is public.
type GetBucketPolicyStatusOutput struct {
	IsPublic bool
}

// GetBucketPolicyStatus says whether a bucket's policy makes it public: an
// Allow statement for every principal ("*") without a condition, the
// simplest of S3's rules for "public". A bucket without a policy answers
// NoSuchBucketPolicy (404), as S3 does.
func (s *Service) GetBucketPolicyStatus(ctx context.Context, in GetBucketPolicyStatusInput) (GetBucketPolicyStatusOutput, error) {
	sc, err := s.enter(ctx, "GetBucketPolicyStatus", in.Bucket, "")
	if err != nil {
		return GetBucketPolicyStatusOutput{}, err
	}
	var out GetBucketPolicyStatusOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.policy == "" {
			return withFields(errs.New(codeNoSuchBucketPolicy, "The bucket policy does not exist"), "BucketName", in.Bucket)
		}
		doc, _ := policy.Parse([]byte(b.policy)) // validated when stored
		for _, st := range doc.Statement {
			if st.Effect == policy.Allow && st.Condition == nil && everyone(st.Principal) {
				out.IsPublic = true
			}
		}
		return nil
	})
	return out, err
}

// everyone reports whether a principal names everyone: "*" or {"AWS": "*"}.
func everyone(p *policy.Principal) bool {
	if p == nil {
		return false
	}
	if p.All {
		return true
	}
	for _, v := range p.ByKind["AWS"] {
		if v == "*" {
			return true
		}
	}
	return false
}

// PutBucketAccelerateConfigurationInput sets a bucket's Transfer
// Acceleration.
type PutBucketAccelerateConfigurationInput struct {
	Bucket string
	Status string // Enabled or Suspended
}

// PutBucketAccelerateConfigurationOutput is the (empty) answer to
// PutBucketAccelerateConfiguration.
type PutBucketAccelerateConfigurationOutput struct{}

// PutBucketAccelerateConfiguration stores a bucket's Transfer Acceleration
// state. As S3 checks: Status Enabled or Suspended (MalformedXML), and no
// acceleration for a bucket with a period in its name (InvalidRequest).
func (s *Service) PutBucketAccelerateConfiguration(ctx context.Context, in PutBucketAccelerateConfigurationInput) (PutBucketAccelerateConfigurationOutput, error) {
	sc, err := s.enter(ctx, "PutBucketAccelerateConfiguration", in.Bucket, "")
	if err != nil {
		return PutBucketAccelerateConfigurationOutput{}, err
	}
	if in.Status != "Enabled" && in.Status != "Suspended" {
		return PutBucketAccelerateConfigurationOutput{}, malformedXML()
	}
	return PutBucketAccelerateConfigurationOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if strings.Contains(b.name, ".") {
			return errs.New(codeInvalidRequest, "S3 Transfer Acceleration is not supported for buckets with periods (.) in their names")
		}
		b.accelerate = in.Status
		return nil
	})
}

// GetBucketAccelerateConfigurationInput names the bucket.
type GetBucketAccelerateConfigurationInput struct {
	Bucket string
}

// GetBucketAccelerateConfigurationOutput is a bucket's Transfer
// Acceleration state: "" when never set.
type GetBucketAccelerateConfigurationOutput struct {
	Status string
}

// GetBucketAccelerateConfiguration returns a bucket's Transfer
// Acceleration state, none for a new bucket.
func (s *Service) GetBucketAccelerateConfiguration(ctx context.Context, in GetBucketAccelerateConfigurationInput) (GetBucketAccelerateConfigurationOutput, error) {
	sc, err := s.enter(ctx, "GetBucketAccelerateConfiguration", in.Bucket, "")
	if err != nil {
		return GetBucketAccelerateConfigurationOutput{}, err
	}
	var out GetBucketAccelerateConfigurationOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		out.Status = b.accelerate
		return nil
	})
	return out, err
}

// PutBucketRequestPaymentInput sets who pays for requests to a bucket.
type PutBucketRequestPaymentInput struct {
	Bucket string
	Payer  string // Requester or BucketOwner
}

// PutBucketRequestPaymentOutput is the (empty) answer to
// PutBucketRequestPayment.
type PutBucketRequestPaymentOutput struct{}

// PutBucketRequestPayment stores who pays for requests (not charged: the
// fake bills nothing). Payer is Requester or BucketOwner, else
// MalformedXML.
func (s *Service) PutBucketRequestPayment(ctx context.Context, in PutBucketRequestPaymentInput) (PutBucketRequestPaymentOutput, error) {
	sc, err := s.enter(ctx, "PutBucketRequestPayment", in.Bucket, "")
	if err != nil {
		return PutBucketRequestPaymentOutput{}, err
	}
	if in.Payer != "Requester" && in.Payer != "BucketOwner" {
		return PutBucketRequestPaymentOutput{}, malformedXML()
	}
	return PutBucketRequestPaymentOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.requesterPays = in.Payer == "Requester"
		return nil
	})
}

// GetBucketRequestPaymentInput names the bucket.
type GetBucketRequestPaymentInput struct {
	Bucket string
}

// GetBucketRequestPaymentOutput says who pays for requests.
type GetBucketRequestPaymentOutput struct {
	Payer string
}

// GetBucketRequestPayment returns who pays for requests: BucketOwner
// unless set to Requester.
func (s *Service) GetBucketRequestPayment(ctx context.Context, in GetBucketRequestPaymentInput) (GetBucketRequestPaymentOutput, error) {
	sc, err := s.enter(ctx, "GetBucketRequestPayment", in.Bucket, "")
	if err != nil {
		return GetBucketRequestPaymentOutput{}, err
	}
	out := GetBucketRequestPaymentOutput{Payer: "BucketOwner"}
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.requesterPays {
			out.Payer = "Requester"
		}
		return nil
	})
	return out, err
}
