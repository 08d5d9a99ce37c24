package iam

import (
	"context"
	"encoding/xml"
	"regexp"
	"slices"
)

// aliasPattern is AWS's rule for an account alias: 3 to 63 lower-case
// letters, digits and single hyphens, not starting or ending with one.
var aliasPattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9]|-[a-z0-9]){1,61}[a-z0-9]?$`)

// CreateAccountAliasInput is the alias.
type CreateAccountAliasInput struct{ AccountAlias string }

// CreateAccountAliasOutput is empty.
type CreateAccountAliasOutput struct{}

// CreateAccountAlias sets the account's alias (an account has one; a new
// alias replaces it). Aliases are unique across accounts
// (EntityAlreadyExists).
func (s *Service) CreateAccountAlias(ctx context.Context, in CreateAccountAliasInput) (CreateAccountAliasOutput, error) {
	sc, err := s.enter(ctx, "CreateAccountAlias")
	if err != nil {
		return CreateAccountAliasOutput{}, err
	}
	if len(in.AccountAlias) < 3 || len(in.AccountAlias) > 63 || !aliasPattern.MatchString(in.AccountAlias) {
		return CreateAccountAliasOutput{}, validation("accountAlias", in.AccountAlias,
			`Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$`)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.allAccounts() {
		if a.id != sc.Account && slices.Contains(a.aliases, in.AccountAlias) {
			return CreateAccountAliasOutput{}, errs.New(codeEntityAlreadyExists, "The account alias %s already exists.", in.AccountAlias)
		}
	}
	s.accountOf(sc).aliases = []string{in.AccountAlias}
	return CreateAccountAliasOutput{}, nil
}

// DeleteAccountAliasInput is the alias.
type DeleteAccountAliasInput struct{ AccountAlias string }

// DeleteAccountAliasOutput is empty.
type DeleteAccountAliasOutput struct{}

// DeleteAccountAlias removes the account's alias (NoSuchEntity when it is
// not the account's).
func (s *Service) DeleteAccountAlias(ctx context.Context, in DeleteAccountAliasInput) (DeleteAccountAliasOutput, error) {
	sc, err := s.enter(ctx, "DeleteAccountAlias")
	if err != nil {
		return DeleteAccountAliasOutput{}, err
	}
	return DeleteAccountAliasOutput{}, s.locked(sc, func(a *account) error {
		if !slices.Contains(a.aliases, in.AccountAlias) {
			return errs.New(codeNoSuchEntity, "The account alias %s cannot be found.", in.AccountAlias)
		}
		a.aliases = nil
		return nil
	})
}

// ListAccountAliasesInput pages the aliases.
type ListAccountAliasesInput struct {
	Marker   string
	MaxItems *int32
}

// ListAccountAliasesOutput lists the account's alias.
type ListAccountAliasesOutput struct {
	AccountAliases []string `xml:"AccountAliases>member"`
	IsTruncated    bool
}

// ListAccountAliases lists the account's alias, if any.
func (s *Service) ListAccountAliases(ctx context.Context, in ListAccountAliasesInput) (ListAccountAliasesOutput, error) {
	sc, err := s.enter(ctx, "ListAccountAliases")
	if err != nil {
		return ListAccountAliasesOutput{}, err
	}
	if _, err := maxItems(in.MaxItems); err != nil {
		return ListAccountAliasesOutput{}, err
	}
	var out ListAccountAliasesOutput
	err = s.locked(sc, func(a *account) error { out.AccountAliases = slices.Clone(a.aliases); return nil })
	return out, err
}

// SummaryMap is GetAccountSummary's map of usage and quotas.
type SummaryMap map[string]int32

// MarshalXML writes the map as awsQuery does: entry/key/value.
func (m SummaryMap) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	type entry struct {
		Key   string `xml:"key"`
		Value int32  `xml:"value"`
	}
	var entries []entry
	for _, k := range sortedKeys(m) {
		entries = append(entries, entry{k, m[k]})
	}
	return e.EncodeElement(struct {
		Entry []entry `xml:"entry"`
	}{entries}, start)
}

// GetAccountSummaryInput is empty.
type GetAccountSummaryInput struct{}

// GetAccountSummaryOutput is the account's usage and quotas.
type GetAccountSummaryOutput struct{ SummaryMap SummaryMap }

// GetAccountSummary returns how many users, groups, roles, policies,
// instance profiles and providers the account has, beside IAM's quotas.
func (s *Service) GetAccountSummary(ctx context.Context, _ GetAccountSummaryInput) (GetAccountSummaryOutput, error) {
	sc, err := s.enter(ctx, "GetAccountSummary")
	if err != nil {
		return GetAccountSummaryOutput{}, err
	}
	m := SummaryMap{"UsersQuota": maxUsers, "GroupsQuota": maxGroups, "RolesQuota": maxRoles, "PoliciesQuota": maxPolicies,
		"InstanceProfilesQuota": maxProfiles, "AccessKeysPerUserQuota": maxKeys, "GroupsPerUserQuota": maxGroupsPerUser,
		"AttachedPoliciesPerUserQuota": maxAttachedUser, "AttachedPoliciesPerRoleQuota": maxAttachedRole,
		"AttachedPoliciesPerGroupQuota": maxAttachedGroup, "PolicySizeQuota": maxManagedPolicy, "VersionsPerPolicyQuota": maxVersions,
		"UserPolicySizeQuota": maxUserInline, "GroupPolicySizeQuota": maxGroupInline, "RolePolicySizeQuota": maxRoleInline,
		"AssumeRolePolicySizeQuota": maxTrustPolicy, "PolicyVersionsInUseQuota": 10000, "ServerCertificatesQuota": 20,
		"ServerCertificates": 0, "MFADevices": 0, "MFADevicesInUse": 0, "AccountMFAEnabled": 0,
		"AccountSigningCertificatesPresent": 0, "AccountAccessKeysPresent": 0, "GlobalEndpointTokenVersion": 1}
	err = s.locked(sc, func(a *account) error {
		m["Users"], m["Groups"], m["Roles"] = int32(len(a.users)), int32(len(a.groups)), int32(len(a.roles))
		m["InstanceProfiles"], m["Providers"] = int32(len(a.profiles)), int32(len(a.oidc)+len(a.saml))
		versions := 0
		for _, p := range a.policies {
			if !p.aws {
				m["Policies"]++
				versions += len(p.versions)
			}
		}
		m["PolicyVersionsInUse"] = int32(versions)
		return nil
	})
	return GetAccountSummaryOutput{SummaryMap: m}, err
}

// ListEntitiesForPolicyInput names a managed policy.
type ListEntitiesForPolicyInput struct {
	PolicyArn, EntityFilter, PathPrefix, PolicyUsageFilter, Marker string
	MaxItems                                                       *int32
}

// ListEntitiesForPolicyOutput lists the users, groups and roles.
type ListEntitiesForPolicyOutput struct {
	PolicyGroups []PolicyGroup `xml:"PolicyGroups>member"`
	PolicyUsers  []PolicyUser  `xml:"PolicyUsers>member"`
	PolicyRoles  []PolicyRole  `xml:"PolicyRoles>member"`
	IsTruncated  bool
}

// PolicyGroup, PolicyUser and PolicyRole name an entity a policy is
// attached to.
type (
	PolicyGroup struct{ GroupName, GroupId string }
	PolicyUser  struct{ UserName, UserId string }
	PolicyRole  struct{ RoleName, RoleId string }
)

// ListEntitiesForPolicy lists the users, groups and roles a managed policy
// is attached to (PolicyUsageFilter PermissionsPolicy) or is the
// permissions boundary of (PermissionsBoundary), by name, all in one page.
func (s *Service) ListEntitiesForPolicy(ctx context.Context, in ListEntitiesForPolicyInput) (ListEntitiesForPolicyOutput, error) {
	sc, err := s.enter(ctx, "ListEntitiesForPolicy")
	if err != nil {
		return ListEntitiesForPolicyOutput{}, err
	}
	prefix, err := checkPrefix(in.PathPrefix)
	if err == nil {
		_, err = maxItems(in.MaxItems)
	}
	if err != nil {
		return ListEntitiesForPolicyOutput{}, err
	}
	var out ListEntitiesForPolicyOutput
	err = s.onPolicy(sc, in.PolicyArn, false, func(a *account, p *managed) error {
		uses := func(e *entity) bool {
			if !underPrefix(prefix, e.path) {
				return false
			}
			switch in.PolicyUsageFilter {
			case "PermissionsBoundary":
				return e.boundary == p.arn
			case "PermissionsPolicy":
				return e.isAttached(p.arn)
			}
			return e.isAttached(p.arn) || e.boundary == p.arn
		}
		wants := func(f string) bool { return in.EntityFilter == "" || in.EntityFilter == f }
		for _, k := range sortedKeys(a.groups) {
			if g := a.groups[k]; wants("Group") && uses(&g.entity) {
				out.PolicyGroups = append(out.PolicyGroups, PolicyGroup{g.name, g.id})
			}
		}
		for _, k := range sortedKeys(a.users) {
			if u := a.users[k]; wants("User") && uses(&u.entity) {
				out.PolicyUsers = append(out.PolicyUsers, PolicyUser{u.name, u.id})
			}
		}
		for _, k := range sortedKeys(a.roles) {
			if r := a.roles[k]; wants("Role") && uses(&r.entity) {
				out.PolicyRoles = append(out.PolicyRoles, PolicyRole{r.name, r.id})
			}
		}
		return nil
	})
	return out, err
}
