package s3

import (
	"context"
	"encoding/hex"
	"slices"
)

// Grantee types of an ACL grant.
const (
	GranteeCanonicalUser = "CanonicalUser"
	GranteeGroup         = "Group"
	GranteeEmail         = "AmazonCustomerByEmail"
)

// The groups S3 grants to.
const (
	GroupAllUsers           = "http://acs.amazonaws.com/groups/global/AllUsers"
	GroupAuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
	GroupLogDelivery        = "http://acs.amazonaws.com/groups/s3/LogDelivery"
)

// permissions are the permissions a grant gives.
var permissions = []string{"FULL_CONTROL", "WRITE", "WRITE_ACP", "READ", "READ_ACP"}

// Grantee is who a grant is to: a canonical user by ID, a group by URI.
type Grantee struct {
	Type         string
	ID           string
	DisplayName  string
	URI          string
	EmailAddress string
}

// Grant gives a grantee a permission.
type Grant struct {
	Grantee    Grantee
	Permission string // FULL_CONTROL, WRITE, WRITE_ACP, READ or READ_ACP
}

// ACL is how a request sets an ACL: a canned ACL (x-amz-acl) or grants
// (x-amz-grant-* headers or an AccessControlPolicy), never both.
type ACL struct {
	Canned string
	Grants []Grant
}

// empty reports whether the request set no ACL.
func (a ACL) empty() bool { return a.Canned == "" && len(a.Grants) == 0 }

func ownerGrant(owner string) Grant {
	return Grant{Grantee: Grantee{Type: GranteeCanonicalUser, ID: owner}, Permission: "FULL_CONTROL"}
}

func groupGrant(uri, perm string) Grant {
	return Grant{Grantee: Grantee{Type: GranteeGroup, URI: uri}, Permission: perm}
}

// canned expands a canned ACL into its grants, the owner's FULL_CONTROL
// first. The bucket owner is the object owner in the fake (one account
// writes to its own buckets), so bucket-owner-read and
// bucket-owner-full-control add nothing; aws-exec-read's grant to the EC2
// account is not modelled.
func canned(name, owner string) ([]Grant, bool) {
	g := []Grant{ownerGrant(owner)}
	switch name {
	case "private", "bucket-owner-read", "bucket-owner-full-control", "aws-exec-read":
	case "public-read":
		g = append(g, groupGrant(GroupAllUsers, "READ"))
	case "public-read-write":
		g = append(g, groupGrant(GroupAllUsers, "READ"), groupGrant(GroupAllUsers, "WRITE"))
	case "authenticated-read":
		g = append(g, groupGrant(GroupAuthenticatedUsers, "READ"))
	case "log-delivery-write":
		g = append(g, groupGrant(GroupLogDelivery, "WRITE"), groupGrant(GroupLogDelivery, "READ_ACP"))
	default:
		return nil, false
	}
	return g, true
}

// grants resolves the ACL a request sets into grants, checked as S3 checks
// them: a known canned ACL, not with grants (InvalidRequest), grants to
// valid canonical ids and known groups (InvalidArgument), permissions S3
// has (MalformedACLError), no e-mail grantee (the fake has no account of
// that address: UnresolvableGrantByEmailAddress). Under
// BucketOwnerEnforced only grants equivalent to the owner's FULL_CONTROL
// alone are accepted, else AccessControlListNotSupported (enforced is
// true).
func resolveACL(a ACL, owner string, enforced bool) ([]Grant, error) {
	if a.Canned != "" && len(a.Grants) > 0 {
		return nil, errs.New(codeInvalidRequest, "Specifying both Canned ACLs and Header Grants is not allowed")
	}
	out := slices.Clone(a.Grants)
	if a.Canned != "" {
		g, ok := canned(a.Canned, owner)
		if !ok {
			return nil, withFields(errs.New(codeInvalidArgument, ""), "ArgumentName", "x-amz-acl", "ArgumentValue", a.Canned)
		}
		out = g
	}
	for _, g := range out {
		if err := validGrant(g); err != nil {
			return nil, err
		}
	}
	if enforced && !slices.Equal(out, []Grant{ownerGrant(owner)}) {
		return nil, aclNotSupported()
	}
	return out, nil
}

func aclNotSupported() error {
	return errs.New(codeAccessControlListNotSupported, "The bucket does not allow ACLs")
}

// validGrant checks one grant of an AccessControlPolicy or a header.
func validGrant(g Grant) error {
	if !slices.Contains(permissions, g.Permission) {
		return errs.Default(codeMalformedACLError)
	}
	switch g.Grantee.Type {
	case GranteeCanonicalUser:
		if !canonicalID(g.Grantee.ID) {
			return invalidArgument("CanonicalUser/ID", g.Grantee.ID, "Invalid id")
		}
	case GranteeGroup:
		if g.Grantee.URI != GroupAllUsers && g.Grantee.URI != GroupAuthenticatedUsers && g.Grantee.URI != GroupLogDelivery {
			return invalidArgument("Group/URI", g.Grantee.URI, "Invalid group uri")
		}
	case GranteeEmail:
		return errs.New(codeUnresolvableGrantByEmailAddress, "The e-mail address you provided does not match any account on record.")
	default:
		return errs.Default(codeMalformedACLError)
	}
	return nil
}

// canonicalID reports whether id is a canonical user id: 64 hex digits.
func canonicalID(id string) bool {
	b, err := hex.DecodeString(id)
	return err == nil && len(b) == 32
}

// AccessControlPolicy is an ACL as S3 returns it.
type AccessControlPolicy struct {
	Owner  Owner
	Grants []Grant
}

// PutBucketAclInput sets a bucket's ACL.
type PutBucketAclInput struct {
	Bucket string
	ACL    ACL
}

// PutBucketAclOutput is the (empty) answer to PutBucketAcl.
type PutBucketAclOutput struct{}

// PutBucketAcl replaces a bucket's ACL (stored, not enforced). A request
// setting none is MissingSecurityHeader, as S3 answers one without
// x-amz-acl, grant headers or a body.
func (s *Service) PutBucketAcl(ctx context.Context, in PutBucketAclInput) (PutBucketAclOutput, error) {
	sc, err := s.enter(ctx, "PutBucketAcl", in.Bucket, "")
	if err != nil {
		return PutBucketAclOutput{}, err
	}
	if in.ACL.empty() {
		return PutBucketAclOutput{}, withFields(errs.New(codeMissingSecurityHeader, "Your request was missing a required header"),
			"MissingHeaderName", "x-amz-acl")
	}
	return PutBucketAclOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		g, err := resolveACL(in.ACL, s.ownerOf(b.account).ID, b.ownership == OwnershipBucketOwnerEnforced)
		if err != nil {
			return err
		}
		b.acl = g
		return nil
	})
}

// GetBucketAclInput names the bucket.
type GetBucketAclInput struct {
	Bucket string
}

// GetBucketAcl returns a bucket's ACL: the owner's FULL_CONTROL unless set
// otherwise.
func (s *Service) GetBucketAcl(ctx context.Context, in GetBucketAclInput) (AccessControlPolicy, error) {
	sc, err := s.enter(ctx, "GetBucketAcl", in.Bucket, "")
	if err != nil {
		return AccessControlPolicy{}, err
	}
	var out AccessControlPolicy
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		out = policyOf(s.ownerOf(b.account), b.acl)
		return nil
	})
	return out, err
}

// policyOf is the ACL of a resource owned by owner with grants, the
// owner's FULL_CONTROL when none were set.
func policyOf(owner Owner, grants []Grant) AccessControlPolicy {
	if grants == nil {
		grants = []Grant{ownerGrant(owner.ID)}
	}
	return AccessControlPolicy{Owner: owner, Grants: slices.Clone(grants)}
}

// PutObjectAclInput sets the ACL of an object (or a version).
type PutObjectAclInput struct {
	Bucket, Key, VersionId string
	ACL                    ACL
}

// PutObjectAclOutput is the answer to PutObjectAcl.
type PutObjectAclOutput struct{}

// PutObjectAcl replaces an object's ACL (stored, not enforced), as
// PutBucketAcl does a bucket's, and sends s3:ObjectAcl:Put events.
func (s *Service) PutObjectAcl(ctx context.Context, in PutObjectAclInput) (PutObjectAclOutput, error) {
	sc, err := s.enter(ctx, "PutObjectAcl", in.Bucket, in.Key)
	if err != nil {
		return PutObjectAclOutput{}, err
	}
	if in.ACL.empty() {
		return PutObjectAclOutput{}, withFields(errs.New(codeMissingSecurityHeader, "Your request was missing a required header"),
			"MissingHeaderName", "x-amz-acl")
	}
	req := s.requesterOf(ctx)
	var aclErr error
	var evs []pendingEvent
	err = s.withObject(sc, "PUT", in.Bucket, in.Key, in.VersionId, func(b *bucket, o *object) {
		g, err := resolveACL(in.ACL, s.ownerOf(b.account).ID, b.ownership == OwnershipBucketOwnerEnforced)
		if err != nil {
			aclErr = err
			return
		}
		o.acl = g
		evs = s.event(b, "ObjectAcl:Put", o, req)
	})
	s.publish(evs)
	if err == nil {
		err = aclErr
	}
	return PutObjectAclOutput{}, err
}

// GetObjectAclInput names an object (or a version).
type GetObjectAclInput struct {
	Bucket, Key, VersionId string
}

// GetObjectAcl returns an object's ACL: the owner's FULL_CONTROL unless
// set otherwise.
func (s *Service) GetObjectAcl(ctx context.Context, in GetObjectAclInput) (AccessControlPolicy, error) {
	sc, err := s.enter(ctx, "GetObjectAcl", in.Bucket, in.Key)
	if err != nil {
		return AccessControlPolicy{}, err
	}
	var out AccessControlPolicy
	err = s.withObject(sc, "GET", in.Bucket, in.Key, in.VersionId, func(b *bucket, o *object) {
		out = policyOf(s.ownerOf(b.account), o.acl)
	})
	return out, err
}

// objectACL resolves the ACL a write (PutObject, CopyObject,
// CreateMultipartUpload) sets on its object; nil when it sets none. The
// caller holds s.mu.
func (s *Service) objectACL(b *bucket, a ACL) ([]Grant, error) {
	if a.empty() {
		return nil, nil
	}
	return resolveACL(a, s.ownerOf(b.account).ID, b.ownership == OwnershipBucketOwnerEnforced)
}
