package sts

import (
	"context"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/tags"
)

// Tag is a session tag.
type Tag struct {
	Key, Value string
}

// PolicyDescriptor names a managed policy by ARN.
type PolicyDescriptor struct {
	Arn string
}

// AssumeRoleInput names the role to assume.
type AssumeRoleInput struct {
	RoleArn, RoleSessionName string
	// DurationSeconds is 900 to 43200; nil means AWS's default of 3600.
	DurationSeconds *int32
	// Policy is an inline session policy (at most 2,048 characters of
	// JSON); PolicyArns name up to 10 managed session policies.
	Policy     string
	PolicyArns []PolicyDescriptor
	// Tags are session tags, up to 50.
	Tags            []Tag
	ExternalId      string
	SourceIdentity  string
	SerialNumber    string
	TokenCode       string
	TransitiveTags  []string
	ProvidedContext []string
	// MinimumSessionTokenSize is the least size of the session token, up to
	// 4,096 bytes; nil or 0 leaves it as it is.
	MinimumSessionTokenSize *int32
}

// AssumedRoleUser identifies the session of an assumed role.
type AssumedRoleUser struct {
	AssumedRoleId, Arn string
}

// AssumeRoleOutput holds the credentials of the new role session.
type AssumeRoleOutput struct {
	Credentials      Credentials
	AssumedRoleUser  AssumedRoleUser
	PackedPolicySize int
	SourceIdentity   string
}

// AssumeRole issues credentials for a session of the role RoleArn. As in AWS,
// the role ARN must be an IAM role ARN, the session name must match
// [\w+=,.@-]{2,64}, the duration must be 900 to 43200 seconds, a session
// policy must be JSON of at most 2,048 characters and session tags follow
// the tag rules (at most 50, keys of 128 characters, values of 256).
func (s *Service) AssumeRole(ctx context.Context, in AssumeRoleInput) (AssumeRoleOutput, error) {
	if _, err := s.enter(ctx, "AssumeRole"); err != nil {
		return AssumeRoleOutput{}, err
	}
	role, err := parseRole(in.RoleArn)
	if err != nil {
		return AssumeRoleOutput{}, err
	}
	if err := checkSessionName("roleSessionName", in.RoleSessionName); err != nil {
		return AssumeRoleOutput{}, err
	}
	d, err := seconds(in.DurationSeconds, 3600, 900, 43200)
	if err != nil {
		return AssumeRoleOutput{}, err
	}
	sp, packed, err := sessionPolicy(in.Policy, in.PolicyArns)
	if err != nil {
		return AssumeRoleOutput{}, err
	}
	if err := sessionTags.Check(toTags(in.Tags)); err != nil {
		return AssumeRoleOutput{}, err
	}
	minToken, err := tokenSize(in.MinimumSessionTokenSize)
	if err != nil {
		return AssumeRoleOutput{}, err
	}
	user, creds := s.assume(role, in.RoleSessionName, d)
	s.keepSessionPolicy(creds, sp)
	return AssumeRoleOutput{Credentials: s.grow(creds, minToken), AssumedRoleUser: user, PackedPolicySize: packed,
		SourceIdentity: in.SourceIdentity}, nil
}

// assume issues the credentials of a session of role.
func (s *Service) assume(role arn.ARN, session string, d time.Duration) (AssumedRoleUser, Credentials) {
	name := role.Resource[strings.LastIndexByte(role.Resource, '/')+1:]
	user := AssumedRoleUser{
		AssumedRoleId: "AROA" + s.env.IDs.Upper(17) + ":" + session,
		Arn:           arn.Build(role.Partition, arnService, "", role.Account, "assumed-role/"+name+"/"+session),
	}
	creds := s.issue(principal{Account: role.Account, ARN: user.Arn, UserID: user.AssumedRoleId, Kind: assumedRole}, d)
	return user, creds
}

// parseRole reads an IAM role ARN, as AssumeRole's roleArn must be: 20 to
// 2,048 characters.
func parseRole(roleARN string) (arn.ARN, error) {
	a, err := arn.Parse(roleARN)
	if err != nil || a.Service != "iam" || !strings.HasPrefix(a.Resource, "role/") || len(roleARN) < 20 || len(roleARN) > 2048 {
		return arn.ARN{}, validation("roleArn", roleARN, "Member must be a valid IAM role ARN with length between 20 and 2048")
	}
	return a, nil
}

// sessionName is AWS's pattern for a session or federated user name.
const sessionNameChars = `[\w+=,.@-]`

func checkSessionName(member, name string) error {
	if !validName(name, 2, 64) {
		return validation(member, name, `Member must satisfy regular expression pattern: `+sessionNameChars+`* and have length between 2 and 64`)
	}
	return nil
}

// validName reports whether name is lo to hi characters of [\w+=,.@-].
func validName(name string, lo, hi int) bool {
	if len(name) < lo || len(name) > hi {
		return false
	}
	for _, c := range name {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("+=,.@-", c)) {
			return false
		}
	}
	return true
}

// sessionTags are AWS's rules for session tags: "You can pass up to 50
// session tags", keys of up to 128 characters, values of up to 256.
var sessionTags = &tags.Rules{Max: 50, Errors: func(v tags.Violation) error {
	switch v.Kind {
	case tags.TooMany:
		return validation("tags", "["+itoa(v.Count)+" tags]", "Member must have length less than or equal to 50")
	case tags.KeyLength:
		return validation("tags.member.key", v.Tag.Key, "Member must have length between 1 and 128")
	case tags.ValueLength:
		return validation("tags.member.value", v.Tag.Value, "Member must have length less than or equal to 256")
	}
	return validation("tags", v.Tag.Key, "Duplicate tag keys found. Please note that Tag keys are case insensitive.")
}}

func toTags(ts []Tag) []tags.Tag {
	out := make([]tags.Tag, len(ts))
	for i, t := range ts {
		out[i] = tags.Tag{Key: t.Key, Value: t.Value}
	}
	return out
}
