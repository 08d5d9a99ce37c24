package iam

import (
	"context"
	"slices"
)

// Quotas: groups per account, groups per user, managed policies per group.
const (
	maxGroups        = 300
	maxGroupsPerUser = 10
	maxGroupInline   = 5120
	maxAttachedGroup = 10
)

// CreateGroupInput describes a new group.
type CreateGroupInput struct{ GroupName, Path string }

// CreateGroupOutput is the new group.
type CreateGroupOutput struct{ Group Group }

// CreateGroup creates a group: a name of 1 to 128 characters of
// [\w+=,.@-] unique case-insensitively, at most 300 groups per account.
func (s *Service) CreateGroup(ctx context.Context, in CreateGroupInput) (CreateGroupOutput, error) {
	sc, err := s.enter(ctx, "CreateGroup")
	if err != nil {
		return CreateGroupOutput{}, err
	}
	if err := checkName("groupName", in.GroupName, maxOtherName); err != nil {
		return CreateGroupOutput{}, err
	}
	path, err := pathOf("path", in.Path)
	if err != nil {
		return CreateGroupOutput{}, err
	}
	var out Group
	err = s.locked(sc, func(a *account) error {
		if a.groups[key(in.GroupName)] != nil {
			return exists("Group", in.GroupName)
		}
		if len(a.groups) >= maxGroups {
			return limit("Cannot exceed quota for GroupsPerAccount: %d", maxGroups)
		}
		g := &group{entity: newEntity(a, "group", in.GroupName, path, "AGPA"+s.env.IDs.Upper(17), s.now())}
		a.groups[key(in.GroupName)] = g
		out = g.out()
		return nil
	})
	return CreateGroupOutput{Group: out}, err
}

func (g *group) out() Group {
	return Group{Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn, CreateDate: g.created}
}

// group returns the group name, or NoSuchEntity.
func (a *account) group(name string) (*group, error) {
	if g := a.groups[key(name)]; g != nil {
		return g, nil
	}
	return nil, noSuch("group", name)
}

// onGroup runs fn on the group name of the caller's account, under the lock.
func (s *Service) onGroup(sc scope, name string, fn func(a *account, g *group) error) error {
	return s.locked(sc, func(a *account) error {
		g, err := a.group(name)
		if err != nil {
			return err
		}
		return fn(a, g)
	})
}

// GetGroupInput names a group and pages its users.
type GetGroupInput struct {
	GroupName, Marker string
	MaxItems          *int32
}

// GetGroupOutput is the group and a page of its users.
type GetGroupOutput struct {
	Group       Group
	Users       []User `xml:"Users>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// GetGroup returns a group and its users, by name, a page at a time.
func (s *Service) GetGroup(ctx context.Context, in GetGroupInput) (GetGroupOutput, error) {
	sc, err := s.enter(ctx, "GetGroup")
	if err != nil {
		return GetGroupOutput{}, err
	}
	var out GetGroupOutput
	err = s.onGroup(sc, in.GroupName, func(a *account, g *group) error {
		out.Group = g.out()
		pg, next, err := page(slices.Clone(g.members), func(k string) string { return k }, in.Marker, in.MaxItems)
		for _, k := range pg {
			out.Users = append(out.Users, a.users[k].out(false))
		}
		out.Marker, out.IsTruncated = next, next != ""
		return err
	})
	return out, err
}

// ListGroupsInput filters and pages the groups.
type ListGroupsInput struct {
	PathPrefix, Marker string
	MaxItems           *int32
}

// ListGroupsOutput is one page of groups.
type ListGroupsOutput struct {
	Groups      []Group `xml:"Groups>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListGroups lists the groups whose path starts with PathPrefix, by name.
func (s *Service) ListGroups(ctx context.Context, in ListGroupsInput) (ListGroupsOutput, error) {
	sc, err := s.enter(ctx, "ListGroups")
	if err != nil {
		return ListGroupsOutput{}, err
	}
	prefix, err := checkPrefix(in.PathPrefix)
	if err != nil {
		return ListGroupsOutput{}, err
	}
	var out ListGroupsOutput
	err = s.locked(sc, func(a *account) error {
		var gs []*group
		for _, g := range a.groups {
			if underPrefix(prefix, g.path) {
				gs = append(gs, g)
			}
		}
		out.Groups, out.Marker, err = pageGroups(gs, in.Marker, in.MaxItems)
		out.IsTruncated = out.Marker != ""
		return err
	})
	return out, err
}

func pageGroups(gs []*group, marker string, max *int32) ([]Group, string, error) {
	pg, next, err := page(gs, func(g *group) string { return key(g.name) }, marker, max)
	var out []Group
	for _, g := range pg {
		out = append(out, g.out())
	}
	return out, next, err
}

// ListGroupsForUserInput names a user.
type ListGroupsForUserInput struct {
	UserName, Marker string
	MaxItems         *int32
}

// ListGroupsForUserOutput is one page of the user's groups.
type ListGroupsForUserOutput struct {
	Groups      []Group `xml:"Groups>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListGroupsForUser lists the groups a user is in, by name.
func (s *Service) ListGroupsForUser(ctx context.Context, in ListGroupsForUserInput) (ListGroupsForUserOutput, error) {
	sc, err := s.enter(ctx, "ListGroupsForUser")
	if err != nil {
		return ListGroupsForUserOutput{}, err
	}
	var out ListGroupsForUserOutput
	err = s.onUser(sc, in.UserName, func(a *account, u *user) error {
		var gs []*group
		for _, k := range u.groups {
			gs = append(gs, a.groups[k])
		}
		var err error
		out.Groups, out.Marker, err = pageGroups(gs, in.Marker, in.MaxItems)
		out.IsTruncated = out.Marker != ""
		return err
	})
	return out, err
}

// AddUserToGroupInput names a user and a group.
type AddUserToGroupInput struct{ GroupName, UserName string }

// AddUserToGroupOutput is empty.
type AddUserToGroupOutput struct{}

// AddUserToGroup adds a user to a group (a user is in at most 10 groups);
// adding a member again changes nothing.
func (s *Service) AddUserToGroup(ctx context.Context, in AddUserToGroupInput) (AddUserToGroupOutput, error) {
	sc, err := s.enter(ctx, "AddUserToGroup")
	if err != nil {
		return AddUserToGroupOutput{}, err
	}
	return AddUserToGroupOutput{}, s.onGroup(sc, in.GroupName, func(a *account, g *group) error {
		u, err := a.user(in.UserName)
		if err != nil {
			return err
		}
		if slices.Contains(g.members, key(u.name)) {
			return nil
		}
		if len(u.groups) >= maxGroupsPerUser {
			return limit("Cannot exceed quota for GroupsPerUser: %d", maxGroupsPerUser)
		}
		g.members = append(g.members, key(u.name))
		u.groups = append(u.groups, key(g.name))
		return nil
	})
}

// RemoveUserFromGroupInput names a user and a group.
type RemoveUserFromGroupInput struct{ GroupName, UserName string }

// RemoveUserFromGroupOutput is empty.
type RemoveUserFromGroupOutput struct{}

// RemoveUserFromGroup removes a member from a group.
func (s *Service) RemoveUserFromGroup(ctx context.Context, in RemoveUserFromGroupInput) (RemoveUserFromGroupOutput, error) {
	sc, err := s.enter(ctx, "RemoveUserFromGroup")
	if err != nil {
		return RemoveUserFromGroupOutput{}, err
	}
	return RemoveUserFromGroupOutput{}, s.onGroup(sc, in.GroupName, func(a *account, g *group) error {
		u, err := a.user(in.UserName)
		if err != nil {
			return err
		}
		if !slices.Contains(g.members, key(u.name)) {
			return noSuch("user", in.UserName)
		}
		g.members = removeString(g.members, key(u.name))
		u.groups = removeString(u.groups, key(g.name))
		return nil
	})
}

// UpdateGroupInput renames or moves a group.
type UpdateGroupInput struct{ GroupName, NewGroupName, NewPath string }

// UpdateGroupOutput is empty.
type UpdateGroupOutput struct{}

// UpdateGroup changes a group's name and path; its members follow.
func (s *Service) UpdateGroup(ctx context.Context, in UpdateGroupInput) (UpdateGroupOutput, error) {
	sc, err := s.enter(ctx, "UpdateGroup")
	if err != nil {
		return UpdateGroupOutput{}, err
	}
	if in.NewGroupName != "" {
		if err := checkName("newGroupName", in.NewGroupName, maxOtherName); err != nil {
			return UpdateGroupOutput{}, err
		}
	}
	path := in.NewPath
	if path != "" {
		if path, err = pathOf("newPath", path); err != nil {
			return UpdateGroupOutput{}, err
		}
	}
	return UpdateGroupOutput{}, s.onGroup(sc, in.GroupName, func(a *account, g *group) error {
		name, old := in.NewGroupName, key(g.name)
		if name == "" {
			name = g.name
		}
		if key(name) != old && a.groups[key(name)] != nil {
			return exists("Group", name)
		}
		if path == "" {
			path = g.path
		}
		delete(a.groups, old)
		g.name, g.path, g.arn = name, path, a.arn("group/", path[1:], name)
		a.groups[key(name)] = g
		for _, m := range g.members {
			u := a.users[m]
			u.groups = append(removeString(u.groups, old), key(name))
		}
		return nil
	})
}

// DeleteGroupInput names a group.
type DeleteGroupInput struct{ GroupName string }

// DeleteGroupOutput is empty.
type DeleteGroupOutput struct{}

// DeleteGroup deletes a group with no members and no policies
// (DeleteConflict otherwise).
func (s *Service) DeleteGroup(ctx context.Context, in DeleteGroupInput) (DeleteGroupOutput, error) {
	sc, err := s.enter(ctx, "DeleteGroup")
	if err != nil {
		return DeleteGroupOutput{}, err
	}
	return DeleteGroupOutput{}, s.onGroup(sc, in.GroupName, func(a *account, g *group) error {
		if err := deletable(&g.entity); err != nil {
			return err
		}
		if len(g.members) > 0 {
			return errs.New(codeDeleteConflict, "Cannot delete entity, must remove users from group first.")
		}
		delete(a.groups, key(g.name))
		return nil
	})
}
