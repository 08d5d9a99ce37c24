package sts

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/policy"
	"github.com/awsfake/awsfake/internal/protocol"
)

// actionTable is STS's IAM action table, one row per operation, from the
// Service Authorization Reference ("Actions, resources, and condition keys
// for AWS Security Token Service"). GetCallerIdentity and GetSessionToken
// need no permission ("No permissions are required to perform this
// operation", even under an explicit deny), so they have no action: the
// rows with an empty Action are never refused.
var actionTable = authz.Table{
	"AssumeRole": {Action: "sts:AssumeRole", Resource: "role", Keys: []string{"aws:RequestTag/${TagKey}", "aws:TagKeys",
		"sts:ExternalId", "sts:RoleSessionName", "sts:SourceIdentity", "sts:TransitiveTagKeys"}},
	"AssumeRoleWithSAML":         {Action: "sts:AssumeRoleWithSAML", Resource: "role", Keys: []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}},
	"AssumeRoleWithWebIdentity":  {Action: "sts:AssumeRoleWithWebIdentity", Resource: "role", Keys: []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}},
	"AssumeRoot":                 {Action: "sts:AssumeRoot", Resource: "root", Keys: []string{"sts:TaskPolicyArn"}},
	"DecodeAuthorizationMessage": {Action: "sts:DecodeAuthorizationMessage"},
	"GetAccessKeyInfo":           {Action: "sts:GetAccessKeyInfo"},
	"GetCallerIdentity":          {},
	"GetDelegatedAccessToken":    {Action: "sts:GetDelegatedAccessToken"},
	"GetFederationToken":         {Action: "sts:GetFederationToken", Resource: "federated-user", Keys: []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}},
	"GetSessionToken":            {},
	"GetWebIdentityToken":        {Action: "sts:GetWebIdentityToken"},
}

// Actions returns STS's IAM action table, by operation. Plumbing for the
// root package.
func Actions() authz.Table { return actionTable }

// RoleSource is where STS reads the roles it is asked to assume: IAM.
type RoleSource interface {
	// TrustPolicy returns the role's trust policy; ok is false when the
	// role does not exist.
	TrustPolicy(roleARN string) (doc policy.Document, ok bool)
}

// SetRoleSource tells STS where the roles are, for the authorisation of
// AssumeRole with enforcement on. Plumbing for the root package.
func (s *Service) SetRoleSource(r RoleSource) { s.roles = r }

// Authorization returns what the request r, in scope sc, asks: for
// AssumeRole, sts:AssumeRole on the role, with the role's trust policy as
// its resource-based policy (a role that does not exist refused as AWS
// refuses it, as not authorised); the role-session condition keys.
// AssumeRoleWithWebIdentity and AssumeRoleWithSAML are unsigned: their
// trust is the token's, checked by the operation, so only the role's
// existence is asked. Plumbing for the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	f := authz.Form(r)
	op := f.Get("Action")
	row, ok := actionTable[op]
	if !ok || row.Action == "" {
		return nil, nil
	}
	var ask authz.Ask
	switch op {
	case "AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML":
		ask = s.roleAsk(row, f.Get("RoleArn"))
		if ask.Action == "" {
			return nil, nil
		}
		if op != "AssumeRole" {
			if !ask.Missing {
				return nil, nil
			}
			break
		}
		ask.Context = map[string][]string{"sts:rolesessionname": {f.Get("RoleSessionName")}}
		if id := f.Get("ExternalId"); id != "" {
			ask.Context["sts:externalid"] = []string{id}
		}
		if id := f.Get("SourceIdentity"); id != "" {
			ask.Context["sts:sourceidentity"] = []string{id}
		}
		ask.Tagged(protocol.NewForm(f, formErrors).Map("Tags", "Key", "Value"))
	case "AssumeRoot":
		ask = row.New(arn.Build(sc.Partition, "iam", "", f.Get("TargetPrincipal"), "root"))
		ask.Account = f.Get("TargetPrincipal")
	case "GetFederationToken":
		ask = row.New(arn.Build(sc.Partition, arnService, "", sc.Account, "federated-user/"+f.Get("Name")))
	default:
		ask = row.New("")
	}
	return []authz.Ask{ask}, nil
}

// roleAsk is an assume-role ask of roleARN, with its trust policy.
func (s *Service) roleAsk(row authz.Row, roleARN string) authz.Ask {
	ask := row.New(roleARN)
	a, err := arn.Parse(roleARN)
	if err != nil || !strings.HasPrefix(a.Resource, "role/") {
		return authz.Ask{} // the operation answers its validation error
	}
	ask.Account = a.Account
	if s.roles == nil {
		return ask
	}
	doc, ok := s.roles.TrustPolicy(roleARN)
	if !ok {
		ask.Missing = true
		return ask
	}
	ask.Policy = &doc
	return ask
}

// AccessDenied is STS's refusal of an unauthorised request: AccessDenied,
// 403, with message. Plumbing for the root package.
func (s *Service) AccessDenied(message string) error {
	return errs.New(codeAccessDenied, "%s", message)
}
