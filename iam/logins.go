package iam

import (
	"context"
	"time"
)

// LoginProfile is a user's console password setting.
type LoginProfile struct {
	UserName              string
	CreateDate            time.Time
	PasswordResetRequired bool
}

// CreateLoginProfileInput gives a user a console password.
type CreateLoginProfileInput struct {
	UserName, Password    string
	PasswordResetRequired bool
}

// CreateLoginProfileOutput is the new login profile.
type CreateLoginProfileOutput struct{ LoginProfile LoginProfile }

// CreateLoginProfile gives a user a console password (1 to 128 characters,
// checked against the account's password policy's minimum length);
// EntityAlreadyExists when the user has one. The password is not kept.
func (s *Service) CreateLoginProfile(ctx context.Context, in CreateLoginProfileInput) (CreateLoginProfileOutput, error) {
	sc, err := s.enter(ctx, "CreateLoginProfile")
	if err != nil {
		return CreateLoginProfileOutput{}, err
	}
	if in.Password == "" || len(in.Password) > 128 {
		return CreateLoginProfileOutput{}, validation("password", "***", "Member must have length between 1 and 128")
	}
	var out LoginProfile
	err = s.onUser(sc, in.UserName, func(a *account, u *user) error {
		if u.login != nil {
			return errs.New(codeEntityAlreadyExists, "Login Profile for user %s already exists.", u.name)
		}
		if err := a.checkPassword(in.Password); err != nil {
			return err
		}
		u.login = &loginProfile{created: s.now(), resetRequired: in.PasswordResetRequired}
		out = LoginProfile{UserName: u.name, CreateDate: u.login.created, PasswordResetRequired: in.PasswordResetRequired}
		return nil
	})
	return CreateLoginProfileOutput{LoginProfile: out}, err
}

// checkPassword applies the password policy's minimum length.
func (a *account) checkPassword(pw string) error {
	if a.password != nil && len(pw) < int(a.password.MinimumPasswordLength) {
		return errs.New(codePasswordPolicy, "Password should have at least %d characters", a.password.MinimumPasswordLength)
	}
	return nil
}

// GetLoginProfileInput names a user.
type GetLoginProfileInput struct{ UserName string }

// GetLoginProfileOutput is the login profile.
type GetLoginProfileOutput struct{ LoginProfile LoginProfile }

// GetLoginProfile returns a user's login profile, or NoSuchEntity.
func (s *Service) GetLoginProfile(ctx context.Context, in GetLoginProfileInput) (GetLoginProfileOutput, error) {
	sc, err := s.enter(ctx, "GetLoginProfile")
	if err != nil {
		return GetLoginProfileOutput{}, err
	}
	var out LoginProfile
	err = s.onLogin(sc, in.UserName, func(u *user) error {
		out = LoginProfile{UserName: u.name, CreateDate: u.login.created, PasswordResetRequired: u.login.resetRequired}
		return nil
	})
	return GetLoginProfileOutput{LoginProfile: out}, err
}

// onLogin runs fn on a user that has a login profile (NoSuchEntity else).
func (s *Service) onLogin(sc scope, name string, fn func(u *user) error) error {
	return s.onUser(sc, name, func(_ *account, u *user) error {
		if u.login == nil {
			return errs.New(codeNoSuchEntity, "Login Profile for User %s cannot be found.", u.name)
		}
		return fn(u)
	})
}

// UpdateLoginProfileInput changes a user's password or reset flag.
type UpdateLoginProfileInput struct {
	UserName, Password    string
	PasswordResetRequired *bool
}

// UpdateLoginProfileOutput is empty.
type UpdateLoginProfileOutput struct{}

// UpdateLoginProfile changes a user's password or its reset flag.
func (s *Service) UpdateLoginProfile(ctx context.Context, in UpdateLoginProfileInput) (UpdateLoginProfileOutput, error) {
	sc, err := s.enter(ctx, "UpdateLoginProfile")
	if err != nil {
		return UpdateLoginProfileOutput{}, err
	}
	return UpdateLoginProfileOutput{}, s.onLogin(sc, in.UserName, func(u *user) error {
		if in.PasswordResetRequired != nil {
			u.login.resetRequired = *in.PasswordResetRequired
		}
		return nil
	})
}

// DeleteLoginProfileInput names a user.
type DeleteLoginProfileInput struct{ UserName string }

// DeleteLoginProfileOutput is empty.
type DeleteLoginProfileOutput struct{}

// DeleteLoginProfile removes a user's console password.
func (s *Service) DeleteLoginProfile(ctx context.Context, in DeleteLoginProfileInput) (DeleteLoginProfileOutput, error) {
	sc, err := s.enter(ctx, "DeleteLoginProfile")
	if err != nil {
		return DeleteLoginProfileOutput{}, err
	}
	return DeleteLoginProfileOutput{}, s.onLogin(sc, in.UserName, func(u *user) error {
		u.login = nil
		return nil
	})
}

// PutUserPermissionsBoundaryInput sets a user's permissions boundary.
type PutUserPermissionsBoundaryInput struct{ UserName, PermissionsBoundary string }

// PutUserPermissionsBoundaryOutput is empty.
type PutUserPermissionsBoundaryOutput struct{}

// PutUserPermissionsBoundary sets a user's permissions boundary to a
// managed policy, which must exist.
func (s *Service) PutUserPermissionsBoundary(ctx context.Context, in PutUserPermissionsBoundaryInput) (PutUserPermissionsBoundaryOutput, error) {
	sc, err := s.enter(ctx, "PutUserPermissionsBoundary")
	if err != nil {
		return PutUserPermissionsBoundaryOutput{}, err
	}
	if err := checkARN("permissionsBoundary", in.PermissionsBoundary); err != nil {
		return PutUserPermissionsBoundaryOutput{}, err
	}
	return PutUserPermissionsBoundaryOutput{}, s.onUser(sc, in.UserName, func(a *account, u *user) error {
		return a.setBoundary(&u.entity, in.PermissionsBoundary)
	})
}

// DeleteUserPermissionsBoundaryInput names a user.
type DeleteUserPermissionsBoundaryInput struct{ UserName string }

// DeleteUserPermissionsBoundaryOutput is empty.
type DeleteUserPermissionsBoundaryOutput struct{}

// DeleteUserPermissionsBoundary removes a user's permissions boundary.
func (s *Service) DeleteUserPermissionsBoundary(ctx context.Context, in DeleteUserPermissionsBoundaryInput) (DeleteUserPermissionsBoundaryOutput, error) {
	sc, err := s.enter(ctx, "DeleteUserPermissionsBoundary")
	if err != nil {
		return DeleteUserPermissionsBoundaryOutput{}, err
	}
	return DeleteUserPermissionsBoundaryOutput{}, s.onUser(sc, in.UserName, func(a *account, u *user) error {
		return a.setBoundary(&u.entity, "")
	})
}
