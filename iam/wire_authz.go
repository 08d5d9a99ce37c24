package iam

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/creds"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// Resource types of IAM's action table, and the member naming each.
const (
	onUser        = "user"
	onRole        = "role"
	onGroup       = "group"
	onPolicy      = "policy"
	onProfile     = "instance-profile"
	onOIDC        = "oidc-provider"
	onSAML        = "saml-provider"
	onCertificate = "server-certificate"
	onMFA         = "mfa"
	onReport      = "access-report"
	onPrincipal   = "user, group or role" // the member PolicySourceArn or Arn
)

var (
	tagKeys      = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}
	untagKeys    = []string{"aws:TagKeys"}
	policyKeys   = []string{"iam:PolicyARN", "iam:PermissionsBoundary"}
	boundaryKeys = []string{"iam:PermissionsBoundary"}
	createKeys   = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys", "iam:PermissionsBoundary"}
	serviceKeys  = []string{"iam:AWSServiceName"}
)

// actionTable is IAM's action table, one row per operation, from the
// Service Authorization Reference ("Actions, resources, and condition keys
// for AWS Identity and Access Management"): every action is named after its
// operation; an operation on a user, group, role, policy, instance
// profile, provider, certificate or MFA device acts on that resource's
// ARN (with its path), the account-wide ones (aliases, password policy,
// summaries, reports, the List operations of a whole kind) on "*".
var actionTable = authz.Table{
	"AcceptDelegationRequest":                       {Action: "iam:AcceptDelegationRequest"},
	"AcquireRole":                                   {Action: "iam:AcquireRole"},
	"AddClientIDToOpenIDConnectProvider":            {Action: "iam:AddClientIDToOpenIDConnectProvider", Resource: onOIDC},
	"AddRoleToInstanceProfile":                      {Action: "iam:AddRoleToInstanceProfile", Resource: onProfile},
	"AddUserToGroup":                                {Action: "iam:AddUserToGroup", Resource: onGroup},
	"AssociateDelegationRequest":                    {Action: "iam:AssociateDelegationRequest"},
	"AttachGroupPolicy":                             {Action: "iam:AttachGroupPolicy", Resource: onGroup, Keys: policyKeys},
	"AttachRolePolicy":                              {Action: "iam:AttachRolePolicy", Resource: onRole, Keys: policyKeys},
	"AttachUserPolicy":                              {Action: "iam:AttachUserPolicy", Resource: onUser, Keys: policyKeys},
	"ChangePassword":                                {Action: "iam:ChangePassword", Resource: onUser},
	"CreateAccessKey":                               {Action: "iam:CreateAccessKey", Resource: onUser},
	"CreateAccountAlias":                            {Action: "iam:CreateAccountAlias"},
	"CreateDelegationRequest":                       {Action: "iam:CreateDelegationRequest"},
	"CreateGroup":                                   {Action: "iam:CreateGroup", Resource: onGroup},
	"CreateInstanceProfile":                         {Action: "iam:CreateInstanceProfile", Resource: onProfile},
	"CreateLoginProfile":                            {Action: "iam:CreateLoginProfile", Resource: onUser},
	"CreateOpenIDConnectProvider":                   {Action: "iam:CreateOpenIDConnectProvider", Resource: onOIDC},
	"CreatePolicy":                                  {Action: "iam:CreatePolicy", Resource: onPolicy},
	"CreatePolicyVersion":                           {Action: "iam:CreatePolicyVersion", Resource: onPolicy},
	"CreateRole":                                    {Action: "iam:CreateRole", Resource: onRole, Keys: createKeys},
	"CreateSAMLProvider":                            {Action: "iam:CreateSAMLProvider", Resource: onSAML},
	"CreateServiceLinkedRole":                       {Action: "iam:CreateServiceLinkedRole", Keys: serviceKeys},
	"CreateServiceSpecificCredential":               {Action: "iam:CreateServiceSpecificCredential", Resource: onUser},
	"CreateUser":                                    {Action: "iam:CreateUser", Resource: onUser, Keys: createKeys},
	"CreateVirtualMFADevice":                        {Action: "iam:CreateVirtualMFADevice", Resource: onMFA},
	"DeactivateMFADevice":                           {Action: "iam:DeactivateMFADevice", Resource: onUser},
	"DeleteAccessKey":                               {Action: "iam:DeleteAccessKey", Resource: onUser},
	"DeleteAccountAlias":                            {Action: "iam:DeleteAccountAlias"},
	"DeleteAccountPasswordPolicy":                   {Action: "iam:DeleteAccountPasswordPolicy"},
	"DeleteGroup":                                   {Action: "iam:DeleteGroup", Resource: onGroup},
	"DeleteGroupPolicy":                             {Action: "iam:DeleteGroupPolicy", Resource: onGroup},
	"DeleteInstanceProfile":                         {Action: "iam:DeleteInstanceProfile", Resource: onProfile},
	"DeleteLoginProfile":                            {Action: "iam:DeleteLoginProfile", Resource: onUser},
	"DeleteOpenIDConnectProvider":                   {Action: "iam:DeleteOpenIDConnectProvider", Resource: onOIDC},
	"DeletePolicy":                                  {Action: "iam:DeletePolicy", Resource: onPolicy},
	"DeletePolicyVersion":                           {Action: "iam:DeletePolicyVersion", Resource: onPolicy},
	"DeleteRole":                                    {Action: "iam:DeleteRole", Resource: onRole},
	"DeleteRolePermissionsBoundary":                 {Action: "iam:DeleteRolePermissionsBoundary", Resource: onRole, Keys: boundaryKeys},
	"DeleteRolePolicy":                              {Action: "iam:DeleteRolePolicy", Resource: onRole},
	"DeleteSAMLProvider":                            {Action: "iam:DeleteSAMLProvider", Resource: onSAML},
	"DeleteSSHPublicKey":                            {Action: "iam:DeleteSSHPublicKey", Resource: onUser},
	"DeleteServerCertificate":                       {Action: "iam:DeleteServerCertificate", Resource: onCertificate},
	"DeleteServiceLinkedRole":                       {Action: "iam:DeleteServiceLinkedRole", Resource: onRole},
	"DeleteServiceSpecificCredential":               {Action: "iam:DeleteServiceSpecificCredential", Resource: onUser},
	"DeleteSigningCertificate":                      {Action: "iam:DeleteSigningCertificate", Resource: onUser},
	"DeleteUser":                                    {Action: "iam:DeleteUser", Resource: onUser},
	"DeleteUserPermissionsBoundary":                 {Action: "iam:DeleteUserPermissionsBoundary", Resource: onUser, Keys: boundaryKeys},
	"DeleteUserPolicy":                              {Action: "iam:DeleteUserPolicy", Resource: onUser},
	"DeleteVirtualMFADevice":                        {Action: "iam:DeleteVirtualMFADevice", Resource: onMFA},
	"DetachGroupPolicy":                             {Action: "iam:DetachGroupPolicy", Resource: onGroup, Keys: policyKeys},
	"DetachRolePolicy":                              {Action: "iam:DetachRolePolicy", Resource: onRole, Keys: policyKeys},
	"DetachUserPolicy":                              {Action: "iam:DetachUserPolicy", Resource: onUser, Keys: policyKeys},
	"DisableOrganizationsRootCredentialsManagement": {Action: "iam:DisableOrganizationsRootCredentialsManagement"},
	"DisableOrganizationsRootSessions":              {Action: "iam:DisableOrganizationsRootSessions"},
	"DisableOutboundWebIdentityFederation":          {Action: "iam:DisableOutboundWebIdentityFederation"},
	"EnableMFADevice":                               {Action: "iam:EnableMFADevice", Resource: onUser},
	"EnableOrganizationsRootCredentialsManagement":  {Action: "iam:EnableOrganizationsRootCredentialsManagement"},
	"EnableOrganizationsRootSessions":               {Action: "iam:EnableOrganizationsRootSessions"},
	"EnableOutboundWebIdentityFederation":           {Action: "iam:EnableOutboundWebIdentityFederation"},
	"GenerateCredentialReport":                      {Action: "iam:GenerateCredentialReport"},
	"GenerateOrganizationsAccessReport":             {Action: "iam:GenerateOrganizationsAccessReport", Resource: onReport},
	"GenerateServiceLastAccessedDetails":            {Action: "iam:GenerateServiceLastAccessedDetails", Resource: onPrincipal},
	"GetAccessKeyLastUsed":                          {Action: "iam:GetAccessKeyLastUsed", Resource: onUser},
	"GetAccountAuthorizationDetails":                {Action: "iam:GetAccountAuthorizationDetails"},
	"GetAccountPasswordPolicy":                      {Action: "iam:GetAccountPasswordPolicy"},
	"GetAccountProperties":                          {Action: "iam:GetAccountProperties"},
	"GetAccountSummary":                             {Action: "iam:GetAccountSummary"},
	"GetContextKeysForCustomPolicy":                 {Action: "iam:GetContextKeysForCustomPolicy"},
	"GetContextKeysForPrincipalPolicy":              {Action: "iam:GetContextKeysForPrincipalPolicy", Resource: onPrincipal},
	"GetCredentialReport":                           {Action: "iam:GetCredentialReport"},
	"GetDelegationRequest":                          {Action: "iam:GetDelegationRequest"},
	"GetGroup":                                      {Action: "iam:GetGroup", Resource: onGroup},
	"GetGroupPolicy":                                {Action: "iam:GetGroupPolicy", Resource: onGroup},
	"GetHumanReadableSummary":                       {Action: "iam:GetHumanReadableSummary"},
	"GetInstanceProfile":                            {Action: "iam:GetInstanceProfile", Resource: onProfile},
	"GetLoginProfile":                               {Action: "iam:GetLoginProfile", Resource: onUser},
	"GetMFADevice":                                  {Action: "iam:GetMFADevice", Resource: onMFA},
	"GetOpenIDConnectProvider":                      {Action: "iam:GetOpenIDConnectProvider", Resource: onOIDC},
	"GetOrganizationsAccessReport":                  {Action: "iam:GetOrganizationsAccessReport"},
	"GetOutboundWebIdentityFederationInfo":          {Action: "iam:GetOutboundWebIdentityFederationInfo"},
	"GetPolicy":                                     {Action: "iam:GetPolicy", Resource: onPolicy},
	"GetPolicyVersion":                              {Action: "iam:GetPolicyVersion", Resource: onPolicy},
	"GetRole":                                       {Action: "iam:GetRole", Resource: onRole},
	"GetRolePolicy":                                 {Action: "iam:GetRolePolicy", Resource: onRole},
	"GetRoleTemplateVersion":                        {Action: "iam:GetRoleTemplateVersion"},
	"GetSAMLProvider":                               {Action: "iam:GetSAMLProvider", Resource: onSAML},
	"GetSSHPublicKey":                               {Action: "iam:GetSSHPublicKey", Resource: onUser},
	"GetServerCertificate":                          {Action: "iam:GetServerCertificate", Resource: onCertificate},
	"GetServiceLastAccessedDetails":                 {Action: "iam:GetServiceLastAccessedDetails"},
	"GetServiceLastAccessedDetailsWithEntities":     {Action: "iam:GetServiceLastAccessedDetailsWithEntities"},
	"GetServiceLinkedRoleDeletionStatus":            {Action: "iam:GetServiceLinkedRoleDeletionStatus"},
	"GetUser":                                       {Action: "iam:GetUser", Resource: onUser},
	"GetUserPolicy":                                 {Action: "iam:GetUserPolicy", Resource: onUser},
	"ListAccessKeys":                                {Action: "iam:ListAccessKeys", Resource: onUser},
	"ListAccountAliases":                            {Action: "iam:ListAccountAliases"},
	"ListAttachedGroupPolicies":                     {Action: "iam:ListAttachedGroupPolicies", Resource: onGroup},
	"ListAttachedRolePolicies":                      {Action: "iam:ListAttachedRolePolicies", Resource: onRole},
	"ListAttachedUserPolicies":                      {Action: "iam:ListAttachedUserPolicies", Resource: onUser},
	"ListDelegationRequests":                        {Action: "iam:ListDelegationRequests"},
	"ListEntitiesForPolicy":                         {Action: "iam:ListEntitiesForPolicy", Resource: onPolicy},
	"ListGroupPolicies":                             {Action: "iam:ListGroupPolicies", Resource: onGroup},
	"ListGroups":                                    {Action: "iam:ListGroups"},
	"ListGroupsForUser":                             {Action: "iam:ListGroupsForUser", Resource: onUser},
	"ListInstanceProfileTags":                       {Action: "iam:ListInstanceProfileTags", Resource: onProfile},
	"ListInstanceProfiles":                          {Action: "iam:ListInstanceProfiles"},
	"ListInstanceProfilesForRole":                   {Action: "iam:ListInstanceProfilesForRole", Resource: onRole},
	"ListMFADeviceTags":                             {Action: "iam:ListMFADeviceTags", Resource: onMFA},
	"ListMFADevices":                                {Action: "iam:ListMFADevices", Resource: onUser},
	"ListOpenIDConnectProviderTags":                 {Action: "iam:ListOpenIDConnectProviderTags", Resource: onOIDC},
	"ListOpenIDConnectProviders":                    {Action: "iam:ListOpenIDConnectProviders"},
	"ListOrganizationsFeatures":                     {Action: "iam:ListOrganizationsFeatures"},
	"ListPolicies":                                  {Action: "iam:ListPolicies"},
	"ListPoliciesGrantingServiceAccess":             {Action: "iam:ListPoliciesGrantingServiceAccess", Resource: onPrincipal},
	"ListPolicyTags":                                {Action: "iam:ListPolicyTags", Resource: onPolicy},
	"ListPolicyVersions":                            {Action: "iam:ListPolicyVersions", Resource: onPolicy},
	"ListRolePolicies":                              {Action: "iam:ListRolePolicies", Resource: onRole},
	"ListRoleTags":                                  {Action: "iam:ListRoleTags", Resource: onRole},
	"ListRoles":                                     {Action: "iam:ListRoles"},
	"ListSAMLProviderTags":                          {Action: "iam:ListSAMLProviderTags", Resource: onSAML},
	"ListSAMLProviders":                             {Action: "iam:ListSAMLProviders"},
	"ListSSHPublicKeys":                             {Action: "iam:ListSSHPublicKeys", Resource: onUser},
	"ListServerCertificateTags":                     {Action: "iam:ListServerCertificateTags", Resource: onCertificate},
	"ListServerCertificates":                        {Action: "iam:ListServerCertificates"},
	"ListServiceSpecificCredentials":                {Action: "iam:ListServiceSpecificCredentials", Resource: onUser},
	"ListSigningCertificates":                       {Action: "iam:ListSigningCertificates", Resource: onUser},
	"ListUserPolicies":                              {Action: "iam:ListUserPolicies", Resource: onUser},
	"ListUserTags":                                  {Action: "iam:ListUserTags", Resource: onUser},
	"ListUsers":                                     {Action: "iam:ListUsers"},
	"ListVirtualMFADevices":                         {Action: "iam:ListVirtualMFADevices"},
	"PutAccountProperties":                          {Action: "iam:PutAccountProperties"},
	"PutGroupPolicy":                                {Action: "iam:PutGroupPolicy", Resource: onGroup},
	"PutRolePermissionsBoundary":                    {Action: "iam:PutRolePermissionsBoundary", Resource: onRole, Keys: boundaryKeys},
	"PutRolePolicy":                                 {Action: "iam:PutRolePolicy", Resource: onRole, Keys: boundaryKeys},
	"PutUserPermissionsBoundary":                    {Action: "iam:PutUserPermissionsBoundary", Resource: onUser, Keys: boundaryKeys},
	"PutUserPolicy":                                 {Action: "iam:PutUserPolicy", Resource: onUser, Keys: boundaryKeys},
	"RejectDelegationRequest":                       {Action: "iam:RejectDelegationRequest"},
	"RemoveClientIDFromOpenIDConnectProvider":       {Action: "iam:RemoveClientIDFromOpenIDConnectProvider", Resource: onOIDC},
	"RemoveRoleFromInstanceProfile":                 {Action: "iam:RemoveRoleFromInstanceProfile", Resource: onProfile},
	"RemoveUserFromGroup":                           {Action: "iam:RemoveUserFromGroup", Resource: onGroup},
	"ResetServiceSpecificCredential":                {Action: "iam:ResetServiceSpecificCredential", Resource: onUser},
	"ResyncMFADevice":                               {Action: "iam:ResyncMFADevice", Resource: onUser},
	"SendDelegationToken":                           {Action: "iam:SendDelegationToken"},
	"SetDefaultPolicyVersion":                       {Action: "iam:SetDefaultPolicyVersion", Resource: onPolicy},
	"SetSecurityTokenServicePreferences":            {Action: "iam:SetSecurityTokenServicePreferences"},
	"SimulateCustomPolicy":                          {Action: "iam:SimulateCustomPolicy"},
	"SimulatePrincipalPolicy":                       {Action: "iam:SimulatePrincipalPolicy", Resource: onPrincipal},
	"TagInstanceProfile":                            {Action: "iam:TagInstanceProfile", Resource: onProfile, Keys: tagKeys},
	"TagMFADevice":                                  {Action: "iam:TagMFADevice", Resource: onMFA, Keys: tagKeys},
	"TagOpenIDConnectProvider":                      {Action: "iam:TagOpenIDConnectProvider", Resource: onOIDC, Keys: tagKeys},
	"TagPolicy":                                     {Action: "iam:TagPolicy", Resource: onPolicy, Keys: tagKeys},
	"TagRole":                                       {Action: "iam:TagRole", Resource: onRole, Keys: tagKeys},
	"TagSAMLProvider":                               {Action: "iam:TagSAMLProvider", Resource: onSAML, Keys: tagKeys},
	"TagServerCertificate":                          {Action: "iam:TagServerCertificate", Resource: onCertificate, Keys: tagKeys},
	"TagUser":                                       {Action: "iam:TagUser", Resource: onUser, Keys: tagKeys},
	"UntagInstanceProfile":                          {Action: "iam:UntagInstanceProfile", Resource: onProfile, Keys: untagKeys},
	"UntagMFADevice":                                {Action: "iam:UntagMFADevice", Resource: onMFA, Keys: untagKeys},
	"UntagOpenIDConnectProvider":                    {Action: "iam:UntagOpenIDConnectProvider", Resource: onOIDC, Keys: untagKeys},
	"UntagPolicy":                                   {Action: "iam:UntagPolicy", Resource: onPolicy, Keys: untagKeys},
	"UntagRole":                                     {Action: "iam:UntagRole", Resource: onRole, Keys: untagKeys},
	"UntagSAMLProvider":                             {Action: "iam:UntagSAMLProvider", Resource: onSAML, Keys: untagKeys},
	"UntagServerCertificate":                        {Action: "iam:UntagServerCertificate", Resource: onCertificate, Keys: untagKeys},
	"UntagUser":                                     {Action: "iam:UntagUser", Resource: onUser, Keys: untagKeys},
	"UpdateAccessKey":                               {Action: "iam:UpdateAccessKey", Resource: onUser},
	"UpdateAccountPasswordPolicy":                   {Action: "iam:UpdateAccountPasswordPolicy"},
	"UpdateAssumeRolePolicy":                        {Action: "iam:UpdateAssumeRolePolicy", Resource: onRole},
	"UpdateDelegationRequest":                       {Action: "iam:UpdateDelegationRequest"},
	"UpdateGroup":                                   {Action: "iam:UpdateGroup", Resource: onGroup},
	"UpdateLoginProfile":                            {Action: "iam:UpdateLoginProfile", Resource: onUser},
	"UpdateOpenIDConnectProviderThumbprint":         {Action: "iam:UpdateOpenIDConnectProviderThumbprint", Resource: onOIDC},
	"UpdateRole":                                    {Action: "iam:UpdateRole", Resource: onRole},
	"UpdateRoleDescription":                         {Action: "iam:UpdateRoleDescription", Resource: onRole},
	"UpdateSAMLProvider":                            {Action: "iam:UpdateSAMLProvider", Resource: onSAML},
	"UpdateSSHPublicKey":                            {Action: "iam:UpdateSSHPublicKey", Resource: onUser},
	"UpdateServerCertificate":                       {Action: "iam:UpdateServerCertificate", Resource: onCertificate},
	"UpdateServiceSpecificCredential":               {Action: "iam:UpdateServiceSpecificCredential", Resource: onUser},
	"UpdateSigningCertificate":                      {Action: "iam:UpdateSigningCertificate", Resource: onUser},
	"UpdateUser":                                    {Action: "iam:UpdateUser", Resource: onUser},
	"UploadSSHPublicKey":                            {Action: "iam:UploadSSHPublicKey", Resource: onUser},
	"UploadServerCertificate":                       {Action: "iam:UploadServerCertificate", Resource: onCertificate},
	"UploadSigningCertificate":                      {Action: "iam:UploadSigningCertificate", Resource: onUser},
}

// Actions returns IAM's action table, by operation. Plumbing for the root
// package.
func Actions() authz.Table { return actionTable }

// Authorization returns what the request r, in scope sc, asks: its action
// on the resource its members name (an operation on a user without
// UserName acts on the calling user), with the tag, policy and boundary
// condition keys. IAM resources have no resource-based policy (a role's
// trust policy governs AssumeRole only). Plumbing for the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	f := protocol.NewForm(authz.Form(r), formErrors)
	op := f.Get("Action")
	row, ok := actionTable[op]
	if !ok {
		return nil, nil
	}
	ask := row.New(s.askedResource(sc, row.Resource, f))
	switch {
	case strings.HasPrefix(op, "Tag"), op == "CreateRole" || op == "CreateUser" || op == "CreatePolicy":
		tags := map[string]string{}
		for _, base := range f.Entries("Tags.member") {
			tags[f.Get(base+"Key")] = f.Get(base + "Value")
		}
		ask.Tagged(tags)
	case strings.HasPrefix(op, "Untag"):
		ask.TagKeys(f.List("TagKeys.member"))
	}
	set := func(key, value string) {
		if value != "" {
			if ask.Context == nil {
				ask.Context = map[string][]string{}
			}
			ask.Context[key] = []string{value}
		}
	}
	set("iam:policyarn", f.Get("PolicyArn"))
	set("iam:permissionsboundary", f.Get("PermissionsBoundary"))
	set("iam:awsservicename", f.Get("AWSServiceName"))
	return []authz.Ask{ask}, nil
}

// askedResource is the ARN of the resource of kind the form names, with
// its path when it exists; "" for none.
func (s *Service) askedResource(sc faults.Scope, kind string, f protocol.Form) string {
	member := map[string]string{onUser: "UserName", onRole: "RoleName", onGroup: "GroupName", onProfile: "InstanceProfileName",
		onCertificate: "ServerCertificateName"}[kind]
	switch kind {
	case "":
		return ""
	case onPolicy:
		if a := f.Get("PolicyArn"); a != "" {
			return a
		}
		return s.pathed(sc, "policy/", f.Get("Path"), f.Get("PolicyName"))
	case onOIDC:
		if a := f.Get("OpenIDConnectProviderArn"); a != "" {
			return a
		}
		host, _ := strings.CutPrefix(f.Get("Url"), "https://")
		return s.pathed(sc, "oidc-provider/", "/", host)
	case onSAML:
		if a := f.Get("SAMLProviderArn"); a != "" {
			return a
		}
		return s.pathed(sc, "saml-provider/", "/", f.Get("Name"))
	case onMFA:
		if a := f.Get("SerialNumber"); a != "" {
			return a
		}
		return s.pathed(sc, "mfa/", f.Get("Path"), f.Get("VirtualMFADeviceName"))
	case onPrincipal:
		if a := f.Get("PolicySourceArn"); a != "" {
			return a
		}
		return f.Get("Arn")
	case onReport:
		return s.pathed(sc, "access-report/", "/", f.Get("EntityPath"))
	}
	name := f.Get(member)
	if name == "" && kind == onUser {
		return s.callerARN(sc)
	}
	if a := s.existingARN(sc, kind, name); a != "" {
		return a
	}
	return s.pathed(sc, kind+"/", f.Get("Path"), name)
}

// pathed is the ARN of name under path in the caller's account.
func (s *Service) pathed(sc faults.Scope, kind, path, name string) string {
	if name == "" {
		return ""
	}
	if path == "" {
		path = "/"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accountOf(sc).arn(kind, path[1:], name)
}

// existingARN is the ARN (with its path) of the user, role, group,
// instance profile or server certificate name, "" when it does not exist.
func (s *Service) existingARN(sc faults.Scope, resource, name string) string {
	k := map[string]*kind{onUser: userKind, onRole: roleKind, onGroup: groupKind}[resource]
	if name == "" || k == nil {
		return ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, err := s.accountOf(sc).entity(k, name); err == nil {
		return e.arn
	}
	return ""
}

// callerARN is the ARN of the IAM user that signed a call in sc, "" for
// another caller (the root user acts on no user of its own).
func (s *Service) callerARN(sc faults.Scope) string {
	p, st := s.env.Creds.Lookup(sc.AccessKeyID, s.env.Clock.Now())
	if st == creds.Valid && strings.Contains(p.ARN, ":user/") {
		return p.ARN
	}
	return ""
}

// AccessDenied is IAM's refusal of an unauthorised request: AccessDenied,
// 403, with message. Plumbing for the root package.
func (s *Service) AccessDenied(message string) error {
	return errs.New(codeAccessDenied, "%s", message)
}
