package iam

import (
	"context"
	"slices"
)

// maxUsers is the quota of users per account.
const (
	maxUsers        = 5000
	maxUserInline   = 2048
	maxAttachedUser = 10
)

// CreateUserInput describes a new user.
type CreateUserInput struct {
	UserName, Path, PermissionsBoundary string
	Tags                                []Tag
}

// CreateUserOutput is the new user.
type CreateUserOutput struct{ User User }

// CreateUser creates a user: a name of 1 to 64 characters of [\w+=,.@-]
// unique case-insensitively in the account, at most 5,000 users.
func (s *Service) CreateUser(ctx context.Context, in CreateUserInput) (CreateUserOutput, error) {
	sc, err := s.enter(ctx, "CreateUser")
	if err != nil {
		return CreateUserOutput{}, err
	}
	if err := checkName("userName", in.UserName, maxUserName); err != nil {
		return CreateUserOutput{}, err
	}
	path, err := pathOf("path", in.Path)
	if err == nil {
		err = checkTags(in.Tags)
	}
	if err != nil {
		return CreateUserOutput{}, err
	}
	var out User
	err = s.locked(sc, func(a *account) error {
		if a.users[key(in.UserName)] != nil {
			return exists("User", in.UserName)
		}
		if len(a.users) >= maxUsers {
			return limit("Cannot exceed quota for UsersPerAccount: %d", maxUsers)
		}
		u := &user{entity: newEntity(a, "user", in.UserName, path, "AIDA"+s.env.IDs.Upper(17), s.now())}
		if err := a.setBoundary(&u.entity, in.PermissionsBoundary); err != nil {
			return err
		}
		u.tags = slices.Clone(in.Tags)
		a.users[key(in.UserName)] = u
		out = u.out(true)
		return nil
	})
	return CreateUserOutput{User: out}, err
}

func (u *user) out(full bool) User {
	o := User{Path: u.path, UserName: u.name, UserId: u.id, Arn: u.arn, CreateDate: u.created,
		PermissionsBoundary: boundaryOf(u.boundary)}
	if full {
		o.Tags = slices.Clone(u.tags)
	}
	return o
}

// user returns the user name, or NoSuchEntity.
func (a *account) user(name string) (*user, error) {
	if u := a.users[key(name)]; u != nil {
		return u, nil
	}
	return nil, noSuch("user", name)
}

// onUser runs fn on the user name of the caller's account, under the lock.
func (s *Service) onUser(sc scope, name string, fn func(a *account, u *user) error) error {
	return s.locked(sc, func(a *account) error {
		u, err := a.user(name)
		if err != nil {
			return err
		}
		return fn(a, u)
	})
}

// GetUserInput names a user; empty means the caller.
type GetUserInput struct{ UserName string }

// GetUserOutput is the user.
type GetUserOutput struct{ User User }

// GetUser returns a user, or NoSuchEntity. Without a name it returns the
// user who signed the call; for the root user, AWS's answer of the account
// as a user named by its ARN.
func (s *Service) GetUser(ctx context.Context, in GetUserInput) (GetUserOutput, error) {
	sc, err := s.enter(ctx, "GetUser")
	if err != nil {
		return GetUserOutput{}, err
	}
	name := in.UserName
	if name == "" {
		p := s.callerOf(sc)
		if p.user == "" {
			return GetUserOutput{User: User{UserId: sc.Account, Arn: p.arn, CreateDate: s.now()}}, nil
		}
		name = p.user
	}
	var out User
	err = s.onUser(sc, name, func(_ *account, u *user) error { out = u.out(true); return nil })
	return GetUserOutput{User: out}, err
}

// ListUsersInput filters and pages the users.
type ListUsersInput struct {
	PathPrefix, Marker string
	MaxItems           *int32
}

// ListUsersOutput is one page of users.
type ListUsersOutput struct {
	Users       []User `xml:"Users>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListUsers lists the users whose path starts with PathPrefix, by name.
func (s *Service) ListUsers(ctx context.Context, in ListUsersInput) (ListUsersOutput, error) {
	sc, err := s.enter(ctx, "ListUsers")
	if err != nil {
		return ListUsersOutput{}, err
	}
	prefix, err := checkPrefix(in.PathPrefix)
	if err != nil {
		return ListUsersOutput{}, err
	}
	var out ListUsersOutput
	err = s.locked(sc, func(a *account) error {
		var us []*user
		for _, u := range a.users {
			if underPrefix(prefix, u.path) {
				us = append(us, u)
			}
		}
		pg, next, err := page(us, func(u *user) string { return key(u.name) }, in.Marker, in.MaxItems)
		for _, u := range pg {
			out.Users = append(out.Users, u.out(false))
		}
		out.Marker, out.IsTruncated = next, next != ""
		return err
	})
	return out, err
}

// UpdateUserInput renames or moves a user.
type UpdateUserInput struct{ UserName, NewUserName, NewPath string }

// UpdateUserOutput is empty.
type UpdateUserOutput struct{}

// UpdateUser changes a user's name and path; its groups follow.
func (s *Service) UpdateUser(ctx context.Context, in UpdateUserInput) (UpdateUserOutput, error) {
	sc, err := s.enter(ctx, "UpdateUser")
	if err != nil {
		return UpdateUserOutput{}, err
	}
	if in.NewUserName != "" {
		if err := checkName("newUserName", in.NewUserName, maxUserName); err != nil {
			return UpdateUserOutput{}, err
		}
	}
	if in.NewPath != "" {
		if _, err := pathOf("newPath", in.NewPath); err != nil {
			return UpdateUserOutput{}, err
		}
	}
	return UpdateUserOutput{}, s.onUser(sc, in.UserName, func(a *account, u *user) error {
		if in.NewUserName != "" && key(in.NewUserName) != key(u.name) && a.users[key(in.NewUserName)] != nil {
			return exists("User", in.NewUserName)
		}
		a.renameUser(u, in.NewUserName, in.NewPath)
		for _, id := range u.keys {
			if k := a.keys[id]; k.status == statusActive {
				s.env.Creds.Put(k.id, s.principalOf(a, u, k), s.now())
			}
		}
		return nil
	})
}

// renameUser gives u a new name and path (empty keeps each), moving its
// group memberships and access keys along.
func (a *account) renameUser(u *user, name, path string) {
	old := key(u.name)
	if name == "" {
		name = u.name
	}
	if path == "" {
		path = u.path
	}
	delete(a.users, old)
	u.name, u.path, u.arn = name, path, a.arn("user/", path[1:], name)
	a.users[key(name)] = u
	for _, g := range u.groups {
		gr := a.groups[g]
		gr.members = removeString(gr.members, old)
		gr.members = append(gr.members, key(name))
	}
	for _, k := range u.keys {
		a.keys[k].user = name
	}
}

// DeleteUserInput names a user.
type DeleteUserInput struct{ UserName string }

// DeleteUserOutput is empty.
type DeleteUserOutput struct{}

// DeleteUser deletes a user. As AWS does it refuses, with DeleteConflict,
// a user that still has policies, access keys, a login profile or groups.
func (s *Service) DeleteUser(ctx context.Context, in DeleteUserInput) (DeleteUserOutput, error) {
	sc, err := s.enter(ctx, "DeleteUser")
	if err != nil {
		return DeleteUserOutput{}, err
	}
	return DeleteUserOutput{}, s.onUser(sc, in.UserName, func(a *account, u *user) error {
		if err := deletable(&u.entity); err != nil {
			return err
		}
		if len(u.keys) > 0 || u.login != nil || len(u.groups) > 0 {
			return errs.New(codeDeleteConflict, "Cannot delete entity, must delete access keys, login profile and group memberships first.")
		}
		a.setBoundary(&u.entity, "")
		delete(a.users, key(u.name))
		return nil
	})
}
