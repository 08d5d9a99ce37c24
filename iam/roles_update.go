package iam

import "context"

// UpdateRoleInput changes a role's description and session duration.
type UpdateRoleInput struct {
	RoleName, Description string
	MaxSessionDuration    *int32
}

// UpdateRoleOutput is empty.
type UpdateRoleOutput struct{}

// UpdateRole sets the description (when given) and the maximum session
// duration (3,600 to 43,200 seconds, when given) of a role.
func (s *Service) UpdateRole(ctx context.Context, in UpdateRoleInput) (UpdateRoleOutput, error) {
	sc, err := s.enter(ctx, "UpdateRole")
	if err != nil {
		return UpdateRoleOutput{}, err
	}
	if err := checkDescription(in.Description); err != nil {
		return UpdateRoleOutput{}, err
	}
	if err := checkSession(in.MaxSessionDuration); err != nil {
		return UpdateRoleOutput{}, err
	}
	return UpdateRoleOutput{}, s.onRole(sc, in.RoleName, func(_ *account, r *role) error {
		if in.Description != "" {
			r.description = in.Description
		}
		if in.MaxSessionDuration != nil {
			r.maxSession = *in.MaxSessionDuration
		}
		return nil
	})
}

// UpdateRoleDescriptionInput sets a role's description.
type UpdateRoleDescriptionInput struct{ RoleName, Description string }

// UpdateRoleDescriptionOutput is the role after the change.
type UpdateRoleDescriptionOutput struct{ Role Role }

// UpdateRoleDescription sets a role's description and returns the role.
func (s *Service) UpdateRoleDescription(ctx context.Context, in UpdateRoleDescriptionInput) (UpdateRoleDescriptionOutput, error) {
	sc, err := s.enter(ctx, "UpdateRoleDescription")
	if err != nil {
		return UpdateRoleDescriptionOutput{}, err
	}
	if err := checkDescription(in.Description); err != nil {
		return UpdateRoleDescriptionOutput{}, err
	}
	var out Role
	err = s.onRole(sc, in.RoleName, func(_ *account, r *role) error {
		r.description = in.Description
		out = r.out(true)
		return nil
	})
	return UpdateRoleDescriptionOutput{Role: out}, err
}

// UpdateAssumeRolePolicyInput replaces a role's trust policy.
type UpdateAssumeRolePolicyInput struct{ RoleName, PolicyDocument string }

// UpdateAssumeRolePolicyOutput is empty.
type UpdateAssumeRolePolicyOutput struct{}

// UpdateAssumeRolePolicy replaces a role's trust policy, checked as
// CreateRole checks it.
func (s *Service) UpdateAssumeRolePolicy(ctx context.Context, in UpdateAssumeRolePolicyInput) (UpdateAssumeRolePolicyOutput, error) {
	sc, err := s.enter(ctx, "UpdateAssumeRolePolicy")
	if err != nil {
		return UpdateAssumeRolePolicyOutput{}, err
	}
	if err := checkTrust(in.PolicyDocument); err != nil {
		return UpdateAssumeRolePolicyOutput{}, err
	}
	return UpdateAssumeRolePolicyOutput{}, s.onRole(sc, in.RoleName, func(_ *account, r *role) error {
		if isServiceLinked(r) {
			return errs.New(codeUnmodifiableEntity, "Cannot perform the operation on the protected role '%s' - this role is only modifiable by AWS", r.name)
		}
		r.trust = in.PolicyDocument
		return nil
	})
}

// PutRolePermissionsBoundaryInput sets a role's permissions boundary.
type PutRolePermissionsBoundaryInput struct{ RoleName, PermissionsBoundary string }

// PutRolePermissionsBoundaryOutput is empty.
type PutRolePermissionsBoundaryOutput struct{}

// PutRolePermissionsBoundary sets a role's permissions boundary to a
// managed policy, which must exist.
func (s *Service) PutRolePermissionsBoundary(ctx context.Context, in PutRolePermissionsBoundaryInput) (PutRolePermissionsBoundaryOutput, error) {
	sc, err := s.enter(ctx, "PutRolePermissionsBoundary")
	if err != nil {
		return PutRolePermissionsBoundaryOutput{}, err
	}
	if err := checkARN("permissionsBoundary", in.PermissionsBoundary); err != nil {
		return PutRolePermissionsBoundaryOutput{}, err
	}
	return PutRolePermissionsBoundaryOutput{}, s.onRole(sc, in.RoleName, func(a *account, r *role) error {
		return a.setBoundary(&r.entity, in.PermissionsBoundary)
	})
}

// DeleteRolePermissionsBoundaryInput names a role.
type DeleteRolePermissionsBoundaryInput struct{ RoleName string }

// DeleteRolePermissionsBoundaryOutput is empty.
type DeleteRolePermissionsBoundaryOutput struct{}

// DeleteRolePermissionsBoundary removes a role's permissions boundary.
func (s *Service) DeleteRolePermissionsBoundary(ctx context.Context, in DeleteRolePermissionsBoundaryInput) (DeleteRolePermissionsBoundaryOutput, error) {
	sc, err := s.enter(ctx, "DeleteRolePermissionsBoundary")
	if err != nil {
		return DeleteRolePermissionsBoundaryOutput{}, err
	}
	return DeleteRolePermissionsBoundaryOutput{}, s.onRole(sc, in.RoleName, func(a *account, r *role) error {
		a.setBoundary(&r.entity, "")
		return nil
	})
}

// setBoundary sets e's permissions boundary ("" removes it), keeping the
// policies' boundary usage counts.
func (a *account) setBoundary(e *entity, policyARN string) error {
	if policyARN != "" {
		p, err := a.policy(policyARN)
		if err != nil {
			return err
		}
		p.boundaryUses++
	}
	if e.boundary != "" {
		if old, err := a.policy(e.boundary); err == nil {
			old.boundaryUses--
		}
	}
	e.boundary = policyARN
	return nil
}
