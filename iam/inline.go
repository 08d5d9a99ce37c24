package iam

import "context"

// The inline policies of roles, users and groups.

// PutRolePolicyInput is an inline policy of a role.
type PutRolePolicyInput struct{ RoleName, PolicyName, PolicyDocument string }

// PutRolePolicyOutput is empty.
type PutRolePolicyOutput struct{}

// PutRolePolicy adds or replaces an inline policy of a role, within the
// role's aggregate inline policy size (LimitExceeded).
func (s *Service) PutRolePolicy(ctx context.Context, in PutRolePolicyInput) (PutRolePolicyOutput, error) {
	sc, err := s.enter(ctx, "PutRolePolicy")
	if err != nil {
		return PutRolePolicyOutput{}, err
	}
	return PutRolePolicyOutput{}, s.putInline(sc, roleKind, in.RoleName, in.PolicyName, in.PolicyDocument)
}

// GetRolePolicyInput names an inline policy of a role.
type GetRolePolicyInput struct{ RoleName, PolicyName string }

// GetRolePolicyOutput is the policy, its document URL-encoded.
type GetRolePolicyOutput struct{ RoleName, PolicyName, PolicyDocument string }

// GetRolePolicy returns an inline policy of a role.
func (s *Service) GetRolePolicy(ctx context.Context, in GetRolePolicyInput) (GetRolePolicyOutput, error) {
	sc, err := s.enter(ctx, "GetRolePolicy")
	if err != nil {
		return GetRolePolicyOutput{}, err
	}
	name, doc, err := s.getInline(sc, roleKind, in.RoleName, in.PolicyName)
	return GetRolePolicyOutput{RoleName: name, PolicyName: in.PolicyName, PolicyDocument: doc}, err
}

// DeleteRolePolicyInput names an inline policy of a role.
type DeleteRolePolicyInput struct{ RoleName, PolicyName string }

// DeleteRolePolicyOutput is empty.
type DeleteRolePolicyOutput struct{}

// DeleteRolePolicy deletes an inline policy of a role.
func (s *Service) DeleteRolePolicy(ctx context.Context, in DeleteRolePolicyInput) (DeleteRolePolicyOutput, error) {
	sc, err := s.enter(ctx, "DeleteRolePolicy")
	if err != nil {
		return DeleteRolePolicyOutput{}, err
	}
	return DeleteRolePolicyOutput{}, s.deleteInline(sc, roleKind, in.RoleName, in.PolicyName)
}

// ListRolePoliciesInput names a role.
type ListRolePoliciesInput struct {
	RoleName, Marker string
	MaxItems         *int32
}

// ListRolePoliciesOutput is one page of the role's inline policy names.
type ListRolePoliciesOutput struct {
	PolicyNames []string `xml:"PolicyNames>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListRolePolicies lists the names of a role's inline policies, sorted.
func (s *Service) ListRolePolicies(ctx context.Context, in ListRolePoliciesInput) (ListRolePoliciesOutput, error) {
	sc, err := s.enter(ctx, "ListRolePolicies")
	if err != nil {
		return ListRolePoliciesOutput{}, err
	}
	names, next, err := s.listInline(sc, roleKind, in.RoleName, in.Marker, in.MaxItems)
	return ListRolePoliciesOutput{PolicyNames: names, IsTruncated: next != "", Marker: next}, err
}

// PutUserPolicyInput is an inline policy of a user.
type PutUserPolicyInput struct{ UserName, PolicyName, PolicyDocument string }

// PutUserPolicyOutput is empty.
type PutUserPolicyOutput struct{}

// PutUserPolicy adds or replaces an inline policy of a user, within the
// user's aggregate inline policy size (LimitExceeded).
func (s *Service) PutUserPolicy(ctx context.Context, in PutUserPolicyInput) (PutUserPolicyOutput, error) {
	sc, err := s.enter(ctx, "PutUserPolicy")
	if err != nil {
		return PutUserPolicyOutput{}, err
	}
	return PutUserPolicyOutput{}, s.putInline(sc, userKind, in.UserName, in.PolicyName, in.PolicyDocument)
}

// GetUserPolicyInput names an inline policy of a user.
type GetUserPolicyInput struct{ UserName, PolicyName string }

// GetUserPolicyOutput is the policy, its document URL-encoded.
type GetUserPolicyOutput struct{ UserName, PolicyName, PolicyDocument string }

// GetUserPolicy returns an inline policy of a user.
func (s *Service) GetUserPolicy(ctx context.Context, in GetUserPolicyInput) (GetUserPolicyOutput, error) {
	sc, err := s.enter(ctx, "GetUserPolicy")
	if err != nil {
		return GetUserPolicyOutput{}, err
	}
	name, doc, err := s.getInline(sc, userKind, in.UserName, in.PolicyName)
	return GetUserPolicyOutput{UserName: name, PolicyName: in.PolicyName, PolicyDocument: doc}, err
}

// DeleteUserPolicyInput names an inline policy of a user.
type DeleteUserPolicyInput struct{ UserName, PolicyName string }

// DeleteUserPolicyOutput is empty.
type DeleteUserPolicyOutput struct{}

// DeleteUserPolicy deletes an inline policy of a user.
func (s *Service) DeleteUserPolicy(ctx context.Context, in DeleteUserPolicyInput) (DeleteUserPolicyOutput, error) {
	sc, err := s.enter(ctx, "DeleteUserPolicy")
	if err != nil {
		return DeleteUserPolicyOutput{}, err
	}
	return DeleteUserPolicyOutput{}, s.deleteInline(sc, userKind, in.UserName, in.PolicyName)
}

// ListUserPoliciesInput names a user.
type ListUserPoliciesInput struct {
	UserName, Marker string
	MaxItems         *int32
}

// ListUserPoliciesOutput is one page of the user's inline policy names.
type ListUserPoliciesOutput struct {
	PolicyNames []string `xml:"PolicyNames>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListUserPolicies lists the names of a user's inline policies, sorted.
func (s *Service) ListUserPolicies(ctx context.Context, in ListUserPoliciesInput) (ListUserPoliciesOutput, error) {
	sc, err := s.enter(ctx, "ListUserPolicies")
	if err != nil {
		return ListUserPoliciesOutput{}, err
	}
	names, next, err := s.listInline(sc, userKind, in.UserName, in.Marker, in.MaxItems)
	return ListUserPoliciesOutput{PolicyNames: names, IsTruncated: next != "", Marker: next}, err
}

// PutGroupPolicyInput is an inline policy of a group.
type PutGroupPolicyInput struct{ GroupName, PolicyName, PolicyDocument string }

// PutGroupPolicyOutput is empty.
type PutGroupPolicyOutput struct{}

// PutGroupPolicy adds or replaces an inline policy of a group, within the
// group's aggregate inline policy size (LimitExceeded).
func (s *Service) PutGroupPolicy(ctx context.Context, in PutGroupPolicyInput) (PutGroupPolicyOutput, error) {
	sc, err := s.enter(ctx, "PutGroupPolicy")
	if err != nil {
		return PutGroupPolicyOutput{}, err
	}
	return PutGroupPolicyOutput{}, s.putInline(sc, groupKind, in.GroupName, in.PolicyName, in.PolicyDocument)
}

// GetGroupPolicyInput names an inline policy of a group.
type GetGroupPolicyInput struct{ GroupName, PolicyName string }

// GetGroupPolicyOutput is the policy, its document URL-encoded.
type GetGroupPolicyOutput struct{ GroupName, PolicyName, PolicyDocument string }

// GetGroupPolicy returns an inline policy of a group.
func (s *Service) GetGroupPolicy(ctx context.Context, in GetGroupPolicyInput) (GetGroupPolicyOutput, error) {
	sc, err := s.enter(ctx, "GetGroupPolicy")
	if err != nil {
		return GetGroupPolicyOutput{}, err
	}
	name, doc, err := s.getInline(sc, groupKind, in.GroupName, in.PolicyName)
	return GetGroupPolicyOutput{GroupName: name, PolicyName: in.PolicyName, PolicyDocument: doc}, err
}

// DeleteGroupPolicyInput names an inline policy of a group.
type DeleteGroupPolicyInput struct{ GroupName, PolicyName string }

// DeleteGroupPolicyOutput is empty.
type DeleteGroupPolicyOutput struct{}

// DeleteGroupPolicy deletes an inline policy of a group.
func (s *Service) DeleteGroupPolicy(ctx context.Context, in DeleteGroupPolicyInput) (DeleteGroupPolicyOutput, error) {
	sc, err := s.enter(ctx, "DeleteGroupPolicy")
	if err != nil {
		return DeleteGroupPolicyOutput{}, err
	}
	return DeleteGroupPolicyOutput{}, s.deleteInline(sc, groupKind, in.GroupName, in.PolicyName)
}

// ListGroupPoliciesInput names a group.
type ListGroupPoliciesInput struct {
	GroupName, Marker string
	MaxItems          *int32
}

// ListGroupPoliciesOutput is one page of the group's inline policy names.
type ListGroupPoliciesOutput struct {
	PolicyNames []string `xml:"PolicyNames>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListGroupPolicies lists the names of a group's inline policies, sorted.
func (s *Service) ListGroupPolicies(ctx context.Context, in ListGroupPoliciesInput) (ListGroupPoliciesOutput, error) {
	sc, err := s.enter(ctx, "ListGroupPolicies")
	if err != nil {
		return ListGroupPoliciesOutput{}, err
	}
	names, next, err := s.listInline(sc, groupKind, in.GroupName, in.Marker, in.MaxItems)
	return ListGroupPoliciesOutput{PolicyNames: names, IsTruncated: next != "", Marker: next}, err
}
