package iam

import (
	"context"
	"slices"
)

// CreatePolicyInput describes a new customer managed policy.
type CreatePolicyInput struct {
	PolicyName, Path, PolicyDocument, Description string
	Tags                                          []Tag
}

// CreatePolicyOutput is the new policy.
type CreatePolicyOutput struct{ Policy Policy }

// CreatePolicy creates a customer managed policy with its first version,
// v1, the default. As in AWS the name is 1 to 128 characters of
// [\w+=,.@-] unique in the account, the document at most 6,144 characters
// (white space not counted), at most 1,500 policies per account.
func (s *Service) CreatePolicy(ctx context.Context, in CreatePolicyInput) (CreatePolicyOutput, error) {
	sc, err := s.enter(ctx, "CreatePolicy")
	if err != nil {
		return CreatePolicyOutput{}, err
	}
	if err := checkName("policyName", in.PolicyName, maxOtherName); err != nil {
		return CreatePolicyOutput{}, err
	}
	path, err := policyPathOf("path", in.Path)
	if err == nil {
		err = checkDescription(in.Description)
	}
	if err == nil {
		err = checkDocument(in.PolicyDocument, identityDoc, maxManagedPolicy)
	}
	if err == nil {
		err = checkTags(in.Tags)
	}
	if err != nil {
		return CreatePolicyOutput{}, err
	}
	var out Policy
	err = s.locked(sc, func(a *account) error {
		policyARN := a.arn("policy", path, in.PolicyName)
		for _, p := range a.policies {
			if !p.aws && key(p.name) == key(in.PolicyName) {
				return errs.New(codeEntityAlreadyExists, "A policy called %s already exists. Duplicate names are not allowed.", in.PolicyName)
			}
		}
		if a.customerPolicies() >= maxPolicies {
			return limit("Cannot exceed quota for PoliciesPerAccount: %d", maxPolicies)
		}
		now := s.now()
		p := &managed{name: in.PolicyName, path: path, id: "ANPA" + s.env.IDs.Upper(17), arn: policyARN,
			description: in.Description, created: now, tags: slices.Clone(in.Tags)}
		p.addVersion(in.PolicyDocument, true, now)
		a.policies[policyARN] = p
		out = p.out()
		return nil
	})
	return CreatePolicyOutput{Policy: out}, err
}

func (a *account) customerPolicies() int {
	n := 0
	for _, p := range a.policies {
		if !p.aws {
			n++
		}
	}
	return n
}

// GetPolicyInput names a managed policy by ARN.
type GetPolicyInput struct{ PolicyArn string }

// GetPolicyOutput is the policy.
type GetPolicyOutput struct{ Policy Policy }

// GetPolicy returns a managed policy (the account's or AWS's), or
// NoSuchEntity.
func (s *Service) GetPolicy(ctx context.Context, in GetPolicyInput) (GetPolicyOutput, error) {
	sc, err := s.enter(ctx, "GetPolicy")
	if err != nil {
		return GetPolicyOutput{}, err
	}
	var out Policy
	err = s.onPolicy(sc, in.PolicyArn, false, func(_ *account, p *managed) error { out = p.out(); return nil })
	return GetPolicyOutput{Policy: out}, err
}

// onPolicy runs fn on the policy policyARN under the lock; own refuses AWS
// managed policies.
func (s *Service) onPolicy(sc scope, policyARN string, own bool, fn func(a *account, p *managed) error) error {
	if err := checkARN("policyArn", policyARN); err != nil {
		return err
	}
	return s.locked(sc, func(a *account) error {
		get := a.policy
		if own {
			get = a.ownPolicy
		}
		p, err := get(policyARN)
		if err != nil {
			return err
		}
		return fn(a, p)
	})
}

// ListPoliciesInput filters and pages the managed policies.
type ListPoliciesInput struct {
	// Scope is All (the default), AWS or Local.
	Scope, PathPrefix, PolicyUsageFilter, Marker string
	OnlyAttached                                 bool
	MaxItems                                     *int32
}

// ListPoliciesOutput is one page of policies.
type ListPoliciesOutput struct {
	Policies    []Policy `xml:"Policies>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListPolicies lists managed policies: the account's (Scope Local), AWS's
// (AWS) or both (All), by ARN, filtered by path and attachment.
func (s *Service) ListPolicies(ctx context.Context, in ListPoliciesInput) (ListPoliciesOutput, error) {
	sc, err := s.enter(ctx, "ListPolicies")
	if err != nil {
		return ListPoliciesOutput{}, err
	}
	prefix, err := checkPrefix(in.PathPrefix)
	if err != nil {
		return ListPoliciesOutput{}, err
	}
	if !slices.Contains([]string{"", "All", "AWS", "Local"}, in.Scope) {
		return ListPoliciesOutput{}, validation("scope", in.Scope, "Member must satisfy enum value set: [All, AWS, Local]")
	}
	var out ListPoliciesOutput
	err = s.locked(sc, func(a *account) error {
		var ps []*managed
		for _, p := range a.allPolicies(in.Scope) {
			used := p.attachments > 0 || in.PolicyUsageFilter == "PermissionsBoundary" && p.boundaryUses > 0
			if underPrefix(prefix, p.path) && (!in.OnlyAttached || used) {
				ps = append(ps, p)
			}
		}
		pg, next, err := page(ps, func(p *managed) string { return p.arn }, in.Marker, in.MaxItems)
		for _, p := range pg {
			o := p.out()
			o.Tags = nil
			out.Policies = append(out.Policies, o)
		}
		out.Marker, out.IsTruncated = next, next != ""
		return err
	})
	return out, err
}

// allPolicies returns the policies of scope, AWS's as the account sees them.
func (a *account) allPolicies(scope string) []*managed {
	var out []*managed
	if scope != "AWS" {
		for _, p := range a.policies {
			if !p.aws {
				out = append(out, p)
			}
		}
	}
	if scope != "Local" {
		for _, pa := range awsManagedARNs() {
			p, _ := a.policy(pa)
			out = append(out, p)
		}
	}
	return out
}

// DeletePolicyInput names a customer managed policy.
type DeletePolicyInput struct{ PolicyArn string }

// DeletePolicyOutput is empty.
type DeletePolicyOutput struct{}

// DeletePolicy deletes a customer managed policy. As AWS does it refuses,
// with DeleteConflict, a policy still attached or used as a boundary, or
// with versions besides the default.
func (s *Service) DeletePolicy(ctx context.Context, in DeletePolicyInput) (DeletePolicyOutput, error) {
	sc, err := s.enter(ctx, "DeletePolicy")
	if err != nil {
		return DeletePolicyOutput{}, err
	}
	return DeletePolicyOutput{}, s.onPolicy(sc, in.PolicyArn, true, func(a *account, p *managed) error {
		if p.attachments > 0 || p.boundaryUses > 0 {
			return errs.New(codeDeleteConflict, "Cannot delete a policy attached to entities.")
		}
		if len(p.versions) > 1 {
			return errs.New(codeDeleteConflict, "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.")
		}
		delete(a.policies, p.arn)
		return nil
	})
}
