package iam

import "context"

// The managed policy attachments of roles, users and groups.

// AttachRolePolicyInput names a role and a managed policy.
type AttachRolePolicyInput struct{ RoleName, PolicyArn string }

// AttachRolePolicyOutput is empty.
type AttachRolePolicyOutput struct{}

// AttachRolePolicy attaches a managed policy to a role (at most 10;
// LimitExceeded after); attaching it again changes nothing.
func (s *Service) AttachRolePolicy(ctx context.Context, in AttachRolePolicyInput) (AttachRolePolicyOutput, error) {
	sc, err := s.enter(ctx, "AttachRolePolicy")
	if err != nil {
		return AttachRolePolicyOutput{}, err
	}
	return AttachRolePolicyOutput{}, s.attachPolicy(sc, roleKind, in.RoleName, in.PolicyArn)
}

// DetachRolePolicyInput names a role and a managed policy.
type DetachRolePolicyInput struct{ RoleName, PolicyArn string }

// DetachRolePolicyOutput is empty.
type DetachRolePolicyOutput struct{}

// DetachRolePolicy detaches a managed policy from a role (NoSuchEntity
// when it is not attached).
func (s *Service) DetachRolePolicy(ctx context.Context, in DetachRolePolicyInput) (DetachRolePolicyOutput, error) {
	sc, err := s.enter(ctx, "DetachRolePolicy")
	if err != nil {
		return DetachRolePolicyOutput{}, err
	}
	return DetachRolePolicyOutput{}, s.detachPolicy(sc, roleKind, in.RoleName, in.PolicyArn)
}

// ListAttachedRolePoliciesInput names a role.
type ListAttachedRolePoliciesInput struct {
	RoleName, PathPrefix, Marker string
	MaxItems                     *int32
}

// ListAttachedRolePoliciesOutput is one page of the role's managed policies.
type ListAttachedRolePoliciesOutput struct {
	AttachedPolicies []AttachedPolicy `xml:"AttachedPolicies>member"`
	IsTruncated      bool
	Marker           string `xml:",omitempty"`
}

// ListAttachedRolePolicies lists the managed policies attached to a role.
func (s *Service) ListAttachedRolePolicies(ctx context.Context, in ListAttachedRolePoliciesInput) (ListAttachedRolePoliciesOutput, error) {
	sc, err := s.enter(ctx, "ListAttachedRolePolicies")
	if err != nil {
		return ListAttachedRolePoliciesOutput{}, err
	}
	ps, next, err := s.listAttached(sc, roleKind, in.RoleName, in.PathPrefix, in.Marker, in.MaxItems)
	return ListAttachedRolePoliciesOutput{AttachedPolicies: ps, IsTruncated: next != "", Marker: next}, err
}

// AttachUserPolicyInput names a user and a managed policy.
type AttachUserPolicyInput struct{ UserName, PolicyArn string }

// AttachUserPolicyOutput is empty.
type AttachUserPolicyOutput struct{}

// AttachUserPolicy attaches a managed policy to a user (at most 10;
// LimitExceeded after); attaching it again changes nothing.
func (s *Service) AttachUserPolicy(ctx context.Context, in AttachUserPolicyInput) (AttachUserPolicyOutput, error) {
	sc, err := s.enter(ctx, "AttachUserPolicy")
	if err != nil {
		return AttachUserPolicyOutput{}, err
	}
	return AttachUserPolicyOutput{}, s.attachPolicy(sc, userKind, in.UserName, in.PolicyArn)
}

// DetachUserPolicyInput names a user and a managed policy.
type DetachUserPolicyInput struct{ UserName, PolicyArn string }

// DetachUserPolicyOutput is empty.
type DetachUserPolicyOutput struct{}

// DetachUserPolicy detaches a managed policy from a user (NoSuchEntity
// when it is not attached).
func (s *Service) DetachUserPolicy(ctx context.Context, in DetachUserPolicyInput) (DetachUserPolicyOutput, error) {
	sc, err := s.enter(ctx, "DetachUserPolicy")
	if err != nil {
		return DetachUserPolicyOutput{}, err
	}
	return DetachUserPolicyOutput{}, s.detachPolicy(sc, userKind, in.UserName, in.PolicyArn)
}

// ListAttachedUserPoliciesInput names a user.
type ListAttachedUserPoliciesInput struct {
	UserName, PathPrefix, Marker string
	MaxItems                     *int32
}

// ListAttachedUserPoliciesOutput is one page of the user's managed policies.
type ListAttachedUserPoliciesOutput struct {
	AttachedPolicies []AttachedPolicy `xml:"AttachedPolicies>member"`
	IsTruncated      bool
	Marker           string `xml:",omitempty"`
}

// ListAttachedUserPolicies lists the managed policies attached to a user.
func (s *Service) ListAttachedUserPolicies(ctx context.Context, in ListAttachedUserPoliciesInput) (ListAttachedUserPoliciesOutput, error) {
	sc, err := s.enter(ctx, "ListAttachedUserPolicies")
	if err != nil {
		return ListAttachedUserPoliciesOutput{}, err
	}
	ps, next, err := s.listAttached(sc, userKind, in.UserName, in.PathPrefix, in.Marker, in.MaxItems)
	return ListAttachedUserPoliciesOutput{AttachedPolicies: ps, IsTruncated: next != "", Marker: next}, err
}

// AttachGroupPolicyInput names a group and a managed policy.
type AttachGroupPolicyInput struct{ GroupName, PolicyArn string }

// AttachGroupPolicyOutput is empty.
type AttachGroupPolicyOutput struct{}

// AttachGroupPolicy attaches a managed policy to a group (at most 10;
// LimitExceeded after); attaching it again changes nothing.
func (s *Service) AttachGroupPolicy(ctx context.Context, in AttachGroupPolicyInput) (AttachGroupPolicyOutput, error) {
	sc, err := s.enter(ctx, "AttachGroupPolicy")
	if err != nil {
		return AttachGroupPolicyOutput{}, err
	}
	return AttachGroupPolicyOutput{}, s.attachPolicy(sc, groupKind, in.GroupName, in.PolicyArn)
}

// DetachGroupPolicyInput names a group and a managed policy.
type DetachGroupPolicyInput struct{ GroupName, PolicyArn string }

// DetachGroupPolicyOutput is empty.
type DetachGroupPolicyOutput struct{}

// DetachGroupPolicy detaches a managed policy from a group (NoSuchEntity
// when it is not attached).
func (s *Service) DetachGroupPolicy(ctx context.Context, in DetachGroupPolicyInput) (DetachGroupPolicyOutput, error) {
	sc, err := s.enter(ctx, "DetachGroupPolicy")
	if err != nil {
		return DetachGroupPolicyOutput{}, err
	}
	return DetachGroupPolicyOutput{}, s.detachPolicy(sc, groupKind, in.GroupName, in.PolicyArn)
}

// ListAttachedGroupPoliciesInput names a group.
type ListAttachedGroupPoliciesInput struct {
	GroupName, PathPrefix, Marker string
	MaxItems                      *int32
}

// ListAttachedGroupPoliciesOutput is one page of the group's managed policies.
type ListAttachedGroupPoliciesOutput struct {
	AttachedPolicies []AttachedPolicy `xml:"AttachedPolicies>member"`
	IsTruncated      bool
	Marker           string `xml:",omitempty"`
}

// ListAttachedGroupPolicies lists the managed policies attached to a group.
func (s *Service) ListAttachedGroupPolicies(ctx context.Context, in ListAttachedGroupPoliciesInput) (ListAttachedGroupPoliciesOutput, error) {
	sc, err := s.enter(ctx, "ListAttachedGroupPolicies")
	if err != nil {
		return ListAttachedGroupPoliciesOutput{}, err
	}
	ps, next, err := s.listAttached(sc, groupKind, in.GroupName, in.PathPrefix, in.Marker, in.MaxItems)
	return ListAttachedGroupPoliciesOutput{AttachedPolicies: ps, IsTruncated: next != "", Marker: next}, err
}
