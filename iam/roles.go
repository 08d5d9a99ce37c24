package iam

import (
	"context"
	"slices"
	"strings"
)

// Quotas (IAM User Guide, "IAM and AWS STS quotas"): roles per account,
// the trust policy's size, the session duration range.
const (
	maxRoles        = 1000
	maxTrustPolicy  = 2048
	minSession      = 3600
	maxSession      = 43200
	maxRoleInline   = 10240
	maxAttachedRole = 10
)

// CreateRoleInput describes a new role.
type CreateRoleInput struct {
	RoleName, Path, AssumeRolePolicyDocument, Description, PermissionsBoundary string
	// MaxSessionDuration is 3,600 to 43,200 seconds; nil means 3,600.
	MaxSessionDuration *int32
	Tags               []Tag
}

// CreateRoleOutput is the new role.
type CreateRoleOutput struct{ Role Role }

// CreateRole creates a role with a trust policy. As in AWS the name is 1
// to 64 characters of [\w+=,.@-], unique case-insensitively in the
// account (EntityAlreadyExists), the trust policy a valid document of at
// most 2,048 characters naming a principal (MalformedPolicyDocument), the
// session duration 3,600 to 43,200 seconds, at most 1,000 roles per
// account (LimitExceeded).
func (s *Service) CreateRole(ctx context.Context, in CreateRoleInput) (CreateRoleOutput, error) {
	sc, err := s.enter(ctx, "CreateRole")
	if err != nil {
		return CreateRoleOutput{}, err
	}
	path, err := s.checkNewRole(in)
	if err != nil {
		return CreateRoleOutput{}, err
	}
	var out Role
	err = s.locked(sc, func(a *account) error {
		if a.roles[key(in.RoleName)] != nil {
			return exists("Role", in.RoleName)
		}
		if len(a.roles) >= maxRoles {
			return limit("Cannot exceed quota for RolesPerAccount: %d", maxRoles)
		}
		r := &role{entity: newEntity(a, "role", in.RoleName, path, "AROA"+s.env.IDs.Upper(17), s.now()),
			trust: in.AssumeRolePolicyDocument, description: in.Description, maxSession: minSession}
		if err := a.setBoundary(&r.entity, in.PermissionsBoundary); err != nil {
			return err
		}
		if in.MaxSessionDuration != nil {
			r.maxSession = *in.MaxSessionDuration
		}
		r.tags = slices.Clone(in.Tags)
		a.roles[key(in.RoleName)] = r
		out = r.out(true)
		return nil
	})
	return CreateRoleOutput{Role: out}, err
}

// checkNewRole validates CreateRole's members, returning the path.
func (s *Service) checkNewRole(in CreateRoleInput) (string, error) {
	if err := checkName("roleName", in.RoleName, maxRoleName); err != nil {
		return "", err
	}
	path, err := pathOf("path", in.Path)
	if err != nil {
		return "", err
	}
	if err := checkDescription(in.Description); err != nil {
		return "", err
	}
	if err := checkSession(in.MaxSessionDuration); err != nil {
		return "", err
	}
	if in.PermissionsBoundary != "" {
		if err := checkARN("permissionsBoundary", in.PermissionsBoundary); err != nil {
			return "", err
		}
	}
	if err := checkTrust(in.AssumeRolePolicyDocument); err != nil {
		return "", err
	}
	return path, checkTags(in.Tags)
}

func checkTrust(doc string) error {
	if policyChars(doc) > maxTrustPolicy {
		return limit("Cannot exceed quota for ACLSizePerRole: %d", maxTrustPolicy)
	}
	return checkDocument(doc, trustDoc, maxTrustPolicy)
}

func checkSession(d *int32) error {
	if d != nil && (*d < minSession || *d > maxSession) {
		return validation("maxSessionDuration", itoa(int(*d)), "Member must have value between 3600 and 43200")
	}
	return nil
}

// out is the role as GetRole returns it; full adds tags and last use.
func (r *role) out(full bool) Role {
	o := Role{Path: r.path, RoleName: r.name, RoleId: r.id, Arn: r.arn, CreateDate: r.created,
		AssumeRolePolicyDocument: encodeDocument(r.trust), Description: r.description, MaxSessionDuration: r.maxSession,
		PermissionsBoundary: boundaryOf(r.boundary)}
	if full {
		o.Tags = slices.Clone(r.tags)
		o.RoleLastUsed = &RoleLastUsed{}
		if r.lastUsed != nil {
			o.RoleLastUsed = r.lastUsed
		}
	}
	return o
}

func boundaryOf(policyARN string) *AttachedPermissionsBoundary {
	if policyARN == "" {
		return nil
	}
	return &AttachedPermissionsBoundary{PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: policyARN}
}

// role returns the role name, or NoSuchEntity.
func (a *account) role(name string) (*role, error) {
	if r := a.roles[key(name)]; r != nil {
		return r, nil
	}
	return nil, noSuch("role", name)
}

// GetRoleInput names a role.
type GetRoleInput struct{ RoleName string }

// GetRoleOutput is the role, with its tags and last use.
type GetRoleOutput struct{ Role Role }

// GetRole returns a role, or NoSuchEntity.
func (s *Service) GetRole(ctx context.Context, in GetRoleInput) (GetRoleOutput, error) {
	sc, err := s.enter(ctx, "GetRole")
	if err != nil {
		return GetRoleOutput{}, err
	}
	var out Role
	err = s.onRole(sc, in.RoleName, func(_ *account, r *role) error { out = r.out(true); return nil })
	return GetRoleOutput{Role: out}, err
}

// ListRolesInput filters and pages the roles.
type ListRolesInput struct {
	PathPrefix, Marker string
	MaxItems           *int32
}

// ListRolesOutput is one page of roles.
type ListRolesOutput struct {
	Roles       []Role `xml:"Roles>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListRoles lists the roles whose path starts with PathPrefix, by name, a
// page of MaxItems (1 to 1,000, default 100) at a time.
func (s *Service) ListRoles(ctx context.Context, in ListRolesInput) (ListRolesOutput, error) {
	sc, err := s.enter(ctx, "ListRoles")
	if err != nil {
		return ListRolesOutput{}, err
	}
	prefix, err := checkPrefix(in.PathPrefix)
	if err != nil {
		return ListRolesOutput{}, err
	}
	var out ListRolesOutput
	err = s.locked(sc, func(a *account) error {
		var rs []*role
		for _, r := range a.roles {
			if underPrefix(prefix, r.path) {
				rs = append(rs, r)
			}
		}
		pg, next, err := page(rs, func(r *role) string { return key(r.name) }, in.Marker, in.MaxItems)
		for _, r := range pg {
			out.Roles = append(out.Roles, r.out(false))
		}
		out.Marker, out.IsTruncated = next, next != ""
		return err
	})
	return out, err
}

// DeleteRoleInput names a role.
type DeleteRoleInput struct{ RoleName string }

// DeleteRoleOutput is empty.
type DeleteRoleOutput struct{}

// DeleteRole deletes a role. As AWS does it refuses, with DeleteConflict,
// a role that still has attached or inline policies or is in an instance
// profile, and UnmodifiableEntity for a service-linked role.
func (s *Service) DeleteRole(ctx context.Context, in DeleteRoleInput) (DeleteRoleOutput, error) {
	sc, err := s.enter(ctx, "DeleteRole")
	if err != nil {
		return DeleteRoleOutput{}, err
	}
	return DeleteRoleOutput{}, s.onRole(sc, in.RoleName, func(a *account, r *role) error {
		if isServiceLinked(r) {
			return errs.New(codeUnmodifiableEntity, "Cannot perform the operation on the protected role '%s' - this role is only modifiable by AWS", r.name)
		}
		if err := deletable(&r.entity); err != nil {
			return err
		}
		if len(r.profiles) > 0 {
			return errs.New(codeDeleteConflict, "Cannot delete entity, must remove roles from instance profile first.")
		}
		delete(a.roles, key(r.name))
		return nil
	})
}

// deletable is DeleteConflict for an entity that still has policies.
func deletable(e *entity) error {
	if len(e.attached) > 0 {
		return errs.New(codeDeleteConflict, "Cannot delete entity, must detach all policies first.")
	}
	if len(e.inline) > 0 {
		return errs.New(codeDeleteConflict, "Cannot delete entity, must delete policies first.")
	}
	return nil
}

// onRole runs fn on the role name of the caller's account, under the lock.
func (s *Service) onRole(sc scope, name string, fn func(a *account, r *role) error) error {
	return s.locked(sc, func(a *account) error {
		r, err := a.role(name)
		if err != nil {
			return err
		}
		return fn(a, r)
	})
}

// isServiceLinked reports whether r is a service-linked role, which only
// its service may change or delete.
func isServiceLinked(r *role) bool { return strings.HasPrefix(r.path, serviceRolePath) }

// serviceRolePath starts the path of every service-linked role.
const serviceRolePath = "/aws-service-role/"
