package iam

import (
	"context"
	"slices"
	"time"
)

// UserDetail, GroupDetail, RoleDetail and ManagedPolicyDetail are the
// entries of GetAccountAuthorizationDetails.
type (
	UserDetail struct {
		Path, UserName, UserId, Arn string
		CreateDate                  time.Time
		UserPolicyList              []PolicyDetail   `xml:"UserPolicyList>member"`
		GroupList                   []string         `xml:"GroupList>member"`
		AttachedManagedPolicies     []AttachedPolicy `xml:"AttachedManagedPolicies>member"`
		Tags                        []Tag            `xml:"Tags>member,omitempty"`
	}
	GroupDetail struct {
		Path, GroupName, GroupId, Arn string
		CreateDate                    time.Time
		GroupPolicyList               []PolicyDetail   `xml:"GroupPolicyList>member"`
		AttachedManagedPolicies       []AttachedPolicy `xml:"AttachedManagedPolicies>member"`
	}
	RoleDetail struct {
		Path, RoleName, RoleId, Arn string
		CreateDate                  time.Time
		AssumeRolePolicyDocument    string
		RolePolicyList              []PolicyDetail    `xml:"RolePolicyList>member"`
		AttachedManagedPolicies     []AttachedPolicy  `xml:"AttachedManagedPolicies>member"`
		InstanceProfileList         []InstanceProfile `xml:"InstanceProfileList>member"`
		Tags                        []Tag             `xml:"Tags>member,omitempty"`
	}
	ManagedPolicyDetail struct {
		PolicyName, PolicyId, Arn, Path, DefaultVersionId string
		AttachmentCount, PermissionsBoundaryUsageCount    int32
		IsAttachable                                      bool
		CreateDate, UpdateDate                            time.Time
		PolicyVersionList                                 []PolicyVersion `xml:"PolicyVersionList>member"`
	}
)

// GetAccountAuthorizationDetailsInput filters the entity kinds (User,
// Role, Group, LocalManagedPolicy, AWSManagedPolicy; all when empty).
type GetAccountAuthorizationDetailsInput struct {
	Filter   []string
	Marker   string
	MaxItems *int32
}

// GetAccountAuthorizationDetailsOutput is every user, group, role and
// managed policy in use, with their policies, in one page.
type GetAccountAuthorizationDetailsOutput struct {
	UserDetailList  []UserDetail          `xml:"UserDetailList>member"`
	GroupDetailList []GroupDetail         `xml:"GroupDetailList>member"`
	RoleDetailList  []RoleDetail          `xml:"RoleDetailList>member"`
	Policies        []ManagedPolicyDetail `xml:"Policies>member"`
	IsTruncated     bool
}

// GetAccountAuthorizationDetails returns the account's users, groups and
// roles with their inline and attached policies, and its customer managed
// policies and the AWS managed ones it attaches, with every version.
func (s *Service) GetAccountAuthorizationDetails(ctx context.Context, in GetAccountAuthorizationDetailsInput) (GetAccountAuthorizationDetailsOutput, error) {
	sc, err := s.enter(ctx, "GetAccountAuthorizationDetails")
	if err != nil {
		return GetAccountAuthorizationDetailsOutput{}, err
	}
	if _, err := maxItems(in.MaxItems); err != nil {
		return GetAccountAuthorizationDetailsOutput{}, err
	}
	wants := func(f string) bool { return len(in.Filter) == 0 || slices.Contains(in.Filter, f) }
	var out GetAccountAuthorizationDetailsOutput
	err = s.locked(sc, func(a *account) error {
		if wants("User") {
			out.UserDetailList = a.userDetails()
		}
		if wants("Group") {
			for _, k := range sortedKeys(a.groups) {
				g := a.groups[k]
				out.GroupDetailList = append(out.GroupDetailList, GroupDetail{Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn,
					CreateDate: g.created, GroupPolicyList: inlineDetails(&g.entity), AttachedManagedPolicies: a.attachedOut(&g.entity, "/")})
			}
		}
		if wants("Role") {
			out.RoleDetailList = a.roleDetails()
		}
		for _, pa := range sortedKeys(a.policies) {
			if p := a.policies[pa]; (p.aws && wants("AWSManagedPolicy") && p.attachments > 0) || (!p.aws && wants("LocalManagedPolicy")) {
				out.Policies = append(out.Policies, policyDetail(p))
			}
		}
		return nil
	})
	return out, err
}

func (a *account) userDetails() []UserDetail {
	var out []UserDetail
	for _, k := range sortedKeys(a.users) {
		u := a.users[k]
		d := UserDetail{Path: u.path, UserName: u.name, UserId: u.id, Arn: u.arn, CreateDate: u.created,
			UserPolicyList: inlineDetails(&u.entity), AttachedManagedPolicies: a.attachedOut(&u.entity, "/"), Tags: slices.Clone(u.tags)}
		for _, g := range u.groups {
			d.GroupList = append(d.GroupList, a.groups[g].name)
		}
		out = append(out, d)
	}
	return out
}

func (a *account) roleDetails() []RoleDetail {
	var out []RoleDetail
	for _, k := range sortedKeys(a.roles) {
		r := a.roles[k]
		d := RoleDetail{Path: r.path, RoleName: r.name, RoleId: r.id, Arn: r.arn, CreateDate: r.created,
			AssumeRolePolicyDocument: encodeDocument(r.trust), RolePolicyList: inlineDetails(&r.entity),
			AttachedManagedPolicies: a.attachedOut(&r.entity, "/"), Tags: slices.Clone(r.tags)}
		for _, p := range r.profiles {
			d.InstanceProfileList = append(d.InstanceProfileList, a.profileOut(a.profiles[p]))
		}
		out = append(out, d)
	}
	return out
}

func inlineDetails(e *entity) []PolicyDetail {
	var out []PolicyDetail
	for _, n := range e.inlineOrder {
		out = append(out, PolicyDetail{PolicyName: n, PolicyDocument: encodeDocument(e.inline[n])})
	}
	return out
}

func policyDetail(p *managed) ManagedPolicyDetail {
	d := ManagedPolicyDetail{PolicyName: p.name, PolicyId: p.id, Arn: p.arn, Path: p.path, DefaultVersionId: p.defaultVersion,
		AttachmentCount: int32(p.attachments), PermissionsBoundaryUsageCount: int32(p.boundaryUses), IsAttachable: true,
		CreateDate: p.created, UpdateDate: p.updated}
	for _, v := range p.versions {
		d.PolicyVersionList = append(d.PolicyVersionList, v.out(p, true))
	}
	return d
}
