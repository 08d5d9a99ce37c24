package sts

import (
	"maps"
	"net/http"
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/protocol"
)

// STS speaks awsQuery: Action=<Op>&Version=2011-06-15 in a form body, or in
// the query string of a presigned GET (GetCallerIdentity for EKS tokens).
var query = protocol.Query{XMLNS: "https://sts.amazonaws.com/doc/2011-06-15/"}

// action decodes one action's form, calls the Go API and returns the
// result element.
type action = protocol.QueryAction[*Service]

// actions is the wire table: every operation of the STS API (aws-sdk-go-v2
// sts v1.51.8), by the family files wire_*.go.
var actions = map[string]action{
	"GetCallerIdentity":          getCallerIdentity,
	"GetAccessKeyInfo":           getAccessKeyInfo,
	"AssumeRole":                 assumeRole,
	"AssumeRoleWithWebIdentity":  assumeRoleWithWebIdentity,
	"AssumeRoleWithSAML":         assumeRoleWithSAML,
	"AssumeRoot":                 assumeRoot,
	"GetSessionToken":            getSessionToken,
	"GetFederationToken":         getFederationToken,
	"GetDelegatedAccessToken":    getDelegatedAccessToken,
	"GetWebIdentityToken":        getWebIdentityToken,
	"DecodeAuthorizationMessage": decodeAuthorizationMessage,
}

// operations returns the operation names, from the wire table.
func operations() []string { return slices.Sorted(maps.Keys(actions)) }

// formErrors are STS's errors for members that do not parse.
var formErrors = protocol.FormErrors{
	Number: func(name, value string) error {
		return validation(protocol.LowerFirst(name), value, "Member must be a number")
	},
}

// ServeHTTP serves STS's awsQuery protocol.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	protocol.ServeQuery(query, w, r, s, formErrors, actionOf, func(name string) error {
		return errs.New(codeInvalidAction, "Could not find operation %s for version 2011-06-15", name)
	})
}

// actionOf is the action named name, nil for none.
func actionOf(name string) action { return actions[name] }

// credentialsXML is the Credentials element of every result that issues
// credentials.
type credentialsXML struct {
	AccessKeyId, SecretAccessKey, SessionToken, Expiration string
}

func credsXML(c Credentials) *credentialsXML {
	if c.AccessKeyId == "" {
		return nil
	}
	return &credentialsXML{c.AccessKeyId, c.SecretAccessKey, c.SessionToken, c.Expiration.UTC().Format(time.RFC3339)}
}

// policyArns reads PolicyArns.member.N.arn.
func policyArns(f protocol.Form) []PolicyDescriptor {
	var out []PolicyDescriptor
	for _, base := range f.Entries("PolicyArns.member") {
		out = append(out, PolicyDescriptor{Arn: f.Get(base + "arn")})
	}
	return out
}

// sessionTagsOf reads Tags.member.N.Key / Value.
func sessionTagsOf(f protocol.Form) []Tag {
	var out []Tag
	for _, base := range f.Entries("Tags.member") {
		out = append(out, Tag{Key: f.Get(base + "Key"), Value: f.Get(base + "Value")})
	}
	return out
}

// lifetimeOf reads what the operations that issue credentials take beside
// their own members: DurationSeconds and MinimumSessionTokenSize.
func lifetimeOf(f protocol.Form) (duration, minToken *int32, err error) {
	if duration, err = f.Int32("DurationSeconds"); err != nil {
		return nil, nil, err
	}
	minToken, err = f.Int32("MinimumSessionTokenSize")
	return duration, minToken, err
}
