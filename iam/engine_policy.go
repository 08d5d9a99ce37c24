package iam

import (
	"slices"
	"strings"
	"time"
)

// Quotas on managed policies (IAM User Guide, "IAM and AWS STS quotas"):
// versions kept, customer managed policies per account, a document's
// characters (white space not counted).
const (
	maxVersions       = 5
	maxPolicies       = 1500
	maxManagedPolicy  = 6144
	awsManagedAccount = "aws"
)

// managed is a managed policy: customer managed, or an AWS managed one as
// one account sees it (its attachment counts).
type managed struct {
	name, path, id, arn, description string
	created, updated                 time.Time
	versions                         []*version // oldest first
	defaultVersion                   string
	nextVersion                      int
	attachments, boundaryUses        int
	tags                             []Tag
	aws                              bool
}

// version is one version of a managed policy.
type version struct {
	id, doc string
	created time.Time
}

// policy returns the managed policy policyARN as the account sees it: its
// own, or an AWS managed one (kept in the account once touched, for its
// attachment counts). Anything else is NoSuchEntity in AWS's wording.
func (a *account) policy(policyARN string) (*managed, error) {
	if p := a.policies[policyARN]; p != nil {
		return p, nil
	}
	if m, ok := awsManaged(policyARN); ok {
		a.policies[policyARN] = m
		return m, nil
	}
	return nil, errs.New(codeNoSuchEntity, "Policy %s does not exist or is not attachable.", policyARN)
}

// ownPolicy is policy for a change only the owner may make: an AWS managed
// policy is not the caller's to change.
func (a *account) ownPolicy(policyARN string) (*managed, error) {
	p, err := a.policy(policyARN)
	if err == nil && p.aws {
		return nil, errs.New(codeUnmodifiableEntity, "Cannot modify the AWS managed policy %s.", policyARN)
	}
	return p, err
}

// version returns the version id of p, or NoSuchEntity.
func (p *managed) version(id string) (*version, error) {
	for _, v := range p.versions {
		if v.id == id {
			return v, nil
		}
	}
	return nil, errs.New(codeNoSuchEntity, "Policy %s version %s does not exist or is not attachable.", p.arn, id)
}

// addVersion adds doc as the next version, the default when asDefault.
func (p *managed) addVersion(doc string, asDefault bool, now time.Time) *version {
	p.nextVersion++
	v := &version{id: "v" + itoa(p.nextVersion), doc: doc, created: now}
	p.versions = append(p.versions, v)
	if asDefault {
		p.defaultVersion = v.id
		p.updated = now
	}
	return v
}

// defaultDoc is the document of the default version.
func (p *managed) defaultDoc() string {
	v, _ := p.version(p.defaultVersion)
	return v.doc
}

func (p *managed) out() Policy {
	return Policy{PolicyName: p.name, PolicyId: p.id, Arn: p.arn, Path: p.path, DefaultVersionId: p.defaultVersion,
		AttachmentCount: int32(p.attachments), PermissionsBoundaryUsageCount: int32(p.boundaryUses), IsAttachable: true,
		Description: p.description, CreateDate: p.created, UpdateDate: p.updated, Tags: slices.Clone(p.tags)}
}

func (v *version) out(p *managed, withDoc bool) PolicyVersion {
	o := PolicyVersion{VersionId: v.id, IsDefaultVersion: v.id == p.defaultVersion, CreateDate: v.created}
	if withDoc {
		o.Document = encodeDocument(v.doc)
	}
	return o
}

// attach attaches the managed policy policyARN to e, within max policies
// per entity (kind names the quota: Role, User, Group).
func (a *account) attach(e *entity, kind, policyARN string, max int) error {
	p, err := a.policy(policyARN)
	if err != nil {
		return err
	}
	if e.isAttached(policyARN) {
		return nil
	}
	if len(e.attached) >= max {
		return limit("Cannot exceed quota for PoliciesPer%s: %d", kind, max)
	}
	e.attached = append(e.attached, policyARN)
	p.attachments++
	return nil
}

// detach detaches policyARN from e, NoSuchEntity when it is not attached.
func (a *account) detach(e *entity, policyARN string) error {
	if !e.isAttached(policyARN) {
		return errs.New(codeNoSuchEntity, "Policy %s was not found.", policyARN)
	}
	e.attached = removeString(e.attached, policyARN)
	if p, err := a.policy(policyARN); err == nil {
		p.attachments--
	}
	return nil
}

// attachedOut lists e's attached policies with names, filtered by path.
func (a *account) attachedOut(e *entity, prefix string) []AttachedPolicy {
	var out []AttachedPolicy
	for _, pa := range e.attached {
		p, err := a.policy(pa)
		if err == nil && strings.HasPrefix(p.path, prefix) {
			out = append(out, AttachedPolicy{PolicyName: p.name, PolicyArn: p.arn})
		}
	}
	return out
}
