package iam

import (
	"context"
	"slices"
)

// maxProfiles is the quota of instance profiles per account.
const maxProfiles = 1000

// CreateInstanceProfileInput describes a new instance profile.
type CreateInstanceProfileInput struct {
	InstanceProfileName, Path string
	Tags                      []Tag
}

// CreateInstanceProfileOutput is the new instance profile.
type CreateInstanceProfileOutput struct{ InstanceProfile InstanceProfile }

// CreateInstanceProfile creates an empty instance profile (AIPA id).
func (s *Service) CreateInstanceProfile(ctx context.Context, in CreateInstanceProfileInput) (CreateInstanceProfileOutput, error) {
	sc, err := s.enter(ctx, "CreateInstanceProfile")
	if err != nil {
		return CreateInstanceProfileOutput{}, err
	}
	if err := checkName("instanceProfileName", in.InstanceProfileName, maxOtherName); err != nil {
		return CreateInstanceProfileOutput{}, err
	}
	path, err := pathOf("path", in.Path)
	if err == nil {
		err = checkTags(in.Tags)
	}
	if err != nil {
		return CreateInstanceProfileOutput{}, err
	}
	var out InstanceProfile
	err = s.locked(sc, func(a *account) error {
		if a.profiles[key(in.InstanceProfileName)] != nil {
			return exists("Instance Profile", in.InstanceProfileName)
		}
		if len(a.profiles) >= maxProfiles {
			return limit("Cannot exceed quota for InstanceProfilesPerAccount: %d", maxProfiles)
		}
		p := &profile{name: in.InstanceProfileName, path: path, id: "AIPA" + s.env.IDs.Upper(17),
			arn: a.arn("instance-profile", path, in.InstanceProfileName), created: s.now(), tags: slices.Clone(in.Tags)}
		a.profiles[key(p.name)] = p
		out = a.profileOut(p)
		return nil
	})
	return CreateInstanceProfileOutput{InstanceProfile: out}, err
}

func (a *account) profileOut(p *profile) InstanceProfile {
	o := InstanceProfile{Path: p.path, InstanceProfileName: p.name, InstanceProfileId: p.id, Arn: p.arn,
		CreateDate: p.created, Tags: slices.Clone(p.tags), Roles: []Role{}}
	for _, r := range p.roles {
		o.Roles = append(o.Roles, a.roles[r].out(false))
	}
	return o
}

// profile returns the instance profile name, or NoSuchEntity.
func (a *account) profile(name string) (*profile, error) {
	if p := a.profiles[key(name)]; p != nil {
		return p, nil
	}
	return nil, errs.New(codeNoSuchEntity, "Instance Profile %s cannot be found.", name)
}

// onProfile runs fn on the instance profile name, under the lock.
func (s *Service) onProfile(sc scope, name string, fn func(a *account, p *profile) error) error {
	return s.locked(sc, func(a *account) error {
		p, err := a.profile(name)
		if err != nil {
			return err
		}
		return fn(a, p)
	})
}

// GetInstanceProfileInput names an instance profile.
type GetInstanceProfileInput struct{ InstanceProfileName string }

// GetInstanceProfileOutput is the instance profile and its role.
type GetInstanceProfileOutput struct{ InstanceProfile InstanceProfile }

// GetInstanceProfile returns an instance profile and its role.
func (s *Service) GetInstanceProfile(ctx context.Context, in GetInstanceProfileInput) (GetInstanceProfileOutput, error) {
	sc, err := s.enter(ctx, "GetInstanceProfile")
	if err != nil {
		return GetInstanceProfileOutput{}, err
	}
	var out InstanceProfile
	err = s.onProfile(sc, in.InstanceProfileName, func(a *account, p *profile) error { out = a.profileOut(p); return nil })
	return GetInstanceProfileOutput{InstanceProfile: out}, err
}

// DeleteInstanceProfileInput names an instance profile.
type DeleteInstanceProfileInput struct{ InstanceProfileName string }

// DeleteInstanceProfileOutput is empty.
type DeleteInstanceProfileOutput struct{}

// DeleteInstanceProfile deletes an instance profile without a role
// (DeleteConflict otherwise).
func (s *Service) DeleteInstanceProfile(ctx context.Context, in DeleteInstanceProfileInput) (DeleteInstanceProfileOutput, error) {
	sc, err := s.enter(ctx, "DeleteInstanceProfile")
	if err != nil {
		return DeleteInstanceProfileOutput{}, err
	}
	return DeleteInstanceProfileOutput{}, s.onProfile(sc, in.InstanceProfileName, func(a *account, p *profile) error {
		if len(p.roles) > 0 {
			return errs.New(codeDeleteConflict, "Cannot delete entity, must remove roles from instance profile first.")
		}
		delete(a.profiles, key(p.name))
		return nil
	})
}

// AddRoleToInstanceProfileInput names a role and an instance profile.
type AddRoleToInstanceProfileInput struct{ InstanceProfileName, RoleName string }

// AddRoleToInstanceProfileOutput is empty.
type AddRoleToInstanceProfileOutput struct{}

// AddRoleToInstanceProfile puts a role in an instance profile, which holds
// one role at most (LimitExceeded).
func (s *Service) AddRoleToInstanceProfile(ctx context.Context, in AddRoleToInstanceProfileInput) (AddRoleToInstanceProfileOutput, error) {
	sc, err := s.enter(ctx, "AddRoleToInstanceProfile")
	if err != nil {
		return AddRoleToInstanceProfileOutput{}, err
	}
	return AddRoleToInstanceProfileOutput{}, s.onProfile(sc, in.InstanceProfileName, func(a *account, p *profile) error {
		r, err := a.role(in.RoleName)
		if err != nil {
			return err
		}
		if len(p.roles) >= 1 {
			return limit("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1")
		}
		p.roles = append(p.roles, key(r.name))
		r.profiles = append(r.profiles, key(p.name))
		return nil
	})
}

// RemoveRoleFromInstanceProfileInput names a role and an instance profile.
type RemoveRoleFromInstanceProfileInput struct{ InstanceProfileName, RoleName string }

// RemoveRoleFromInstanceProfileOutput is empty.
type RemoveRoleFromInstanceProfileOutput struct{}

// RemoveRoleFromInstanceProfile takes the role out of the instance profile.
func (s *Service) RemoveRoleFromInstanceProfile(ctx context.Context, in RemoveRoleFromInstanceProfileInput) (RemoveRoleFromInstanceProfileOutput, error) {
	sc, err := s.enter(ctx, "RemoveRoleFromInstanceProfile")
	if err != nil {
		return RemoveRoleFromInstanceProfileOutput{}, err
	}
	return RemoveRoleFromInstanceProfileOutput{}, s.onProfile(sc, in.InstanceProfileName, func(a *account, p *profile) error {
		r, err := a.role(in.RoleName)
		if err != nil {
			return err
		}
		if !slices.Contains(p.roles, key(r.name)) {
			return noSuch("role", in.RoleName)
		}
		p.roles = removeString(p.roles, key(r.name))
		r.profiles = removeString(r.profiles, key(p.name))
		return nil
	})
}

// ListInstanceProfilesInput filters and pages the instance profiles.
type ListInstanceProfilesInput struct {
	PathPrefix, Marker string
	MaxItems           *int32
}

// ListInstanceProfilesOutput is one page of instance profiles.
type ListInstanceProfilesOutput struct {
	InstanceProfiles []InstanceProfile `xml:"InstanceProfiles>member"`
	IsTruncated      bool
	Marker           string `xml:",omitempty"`
}

// ListInstanceProfiles lists the instance profiles under PathPrefix, by name.
func (s *Service) ListInstanceProfiles(ctx context.Context, in ListInstanceProfilesInput) (ListInstanceProfilesOutput, error) {
	sc, err := s.enter(ctx, "ListInstanceProfiles")
	if err != nil {
		return ListInstanceProfilesOutput{}, err
	}
	prefix, err := checkPrefix(in.PathPrefix)
	if err != nil {
		return ListInstanceProfilesOutput{}, err
	}
	var out ListInstanceProfilesOutput
	err = s.locked(sc, func(a *account) error {
		var ps []*profile
		for _, p := range a.profiles {
			if underPrefix(prefix, p.path) {
				ps = append(ps, p)
			}
		}
		out.InstanceProfiles, out.Marker, err = a.pageProfiles(ps, in.Marker, in.MaxItems)
		out.IsTruncated = out.Marker != ""
		return err
	})
	return out, err
}

func (a *account) pageProfiles(ps []*profile, marker string, max *int32) ([]InstanceProfile, string, error) {
	pg, next, err := page(ps, func(p *profile) string { return key(p.name) }, marker, max)
	var out []InstanceProfile
	for _, p := range pg {
		out = append(out, a.profileOut(p))
	}
	return out, next, err
}

// ListInstanceProfilesForRoleInput names a role.
type ListInstanceProfilesForRoleInput struct {
	RoleName, Marker string
	MaxItems         *int32
}

// ListInstanceProfilesForRoleOutput is one page of the role's profiles.
type ListInstanceProfilesForRoleOutput struct {
	InstanceProfiles []InstanceProfile `xml:"InstanceProfiles>member"`
	IsTruncated      bool
	Marker           string `xml:",omitempty"`
}

// ListInstanceProfilesForRole lists the instance profiles holding a role.
func (s *Service) ListInstanceProfilesForRole(ctx context.Context, in ListInstanceProfilesForRoleInput) (ListInstanceProfilesForRoleOutput, error) {
	sc, err := s.enter(ctx, "ListInstanceProfilesForRole")
	if err != nil {
		return ListInstanceProfilesForRoleOutput{}, err
	}
	var out ListInstanceProfilesForRoleOutput
	err = s.onRole(sc, in.RoleName, func(a *account, r *role) error {
		var ps []*profile
		for _, k := range r.profiles {
			ps = append(ps, a.profiles[k])
		}
		var err error
		out.InstanceProfiles, out.Marker, err = a.pageProfiles(ps, in.Marker, in.MaxItems)
		out.IsTruncated = out.Marker != ""
		return err
	})
	return out, err
}
