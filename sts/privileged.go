package sts

import (
	"context"
	"regexp"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
)

// AssumeRootInput names the member account and the task policy of a
// privileged root session.
type AssumeRootInput struct {
	// TargetPrincipal is the member account's id (or its root ARN).
	TargetPrincipal string
	// TaskPolicyArn is one of the AWS managed root-task policies
	// (arn:aws:iam::aws:policy/root-task/...).
	TaskPolicyArn PolicyDescriptor
	// DurationSeconds is 0 to 900; nil means 900.
	DurationSeconds *int32
	// MinimumSessionTokenSize is the least size of the session token, up to
	// 4,096 bytes; nil or 0 leaves it as it is.
	MinimumSessionTokenSize *int32
}

// AssumeRootOutput holds the privileged session's credentials.
type AssumeRootOutput struct {
	Credentials    Credentials
	SourceIdentity string
}

// rootTaskPolicies are the policies AssumeRoot accepts ("You must use one of
// following Amazon Web Services managed policies to scope root session
// actions").
var rootTaskPolicies = map[string]bool{
	"IAMAuditRootUserCredentials": true, "IAMCreateRootUserPassword": true, "IAMDeleteRootUserCredentials": true,
	"S3UnlockBucketPolicy": true, "SQSUnlockQueuePolicy": true,
}

var accountID = regexp.MustCompile(`^\d{12}$`)

// AssumeRoot issues short-term credentials of a member account's root user,
// scoped to a root-task policy. As in AWS, root user credentials cannot
// call it ("You cannot use root user credentials to make this call"):
// call it with the credentials of a role session of the management
// account. The fake has no organization: any 12-digit account is a member.
func (s *Service) AssumeRoot(ctx context.Context, in AssumeRootInput) (AssumeRootOutput, error) {
	sc, err := s.enter(ctx, "AssumeRoot")
	if err != nil {
		return AssumeRootOutput{}, err
	}
	switch n := len(in.TargetPrincipal); {
	case n < 12: // the model's length, 12 to 2,048
		return AssumeRootOutput{}, validation("targetPrincipal", in.TargetPrincipal, "Member must have length greater than or equal to 12")
	case n > 2048:
		return AssumeRootOutput{}, validation("targetPrincipal", in.TargetPrincipal, "Member must have length less than or equal to 2048")
	}
	target := in.TargetPrincipal
	if a, err := arn.Parse(target); err == nil {
		target = a.Account
	}
	if !accountID.MatchString(target) {
		return AssumeRootOutput{}, validation("targetPrincipal", in.TargetPrincipal, "Member must be an account id or an account root ARN")
	}
	task, ok := strings.CutPrefix(in.TaskPolicyArn.Arn, "arn:aws:iam::aws:policy/root-task/")
	if !ok || !rootTaskPolicies[task] {
		return AssumeRootOutput{}, validation("taskPolicyArn.arn", in.TaskPolicyArn.Arn, "Member must be the ARN of an AWS managed root-task policy")
	}
	d, err := seconds(in.DurationSeconds, 900, 0, 900)
	if err != nil {
		return AssumeRootOutput{}, err
	}
	minToken, err := tokenSize(in.MinimumSessionTokenSize)
	if err != nil {
		return AssumeRootOutput{}, err
	}
	caller, err := s.caller(sc)
	if err != nil {
		return AssumeRootOutput{}, err
	}
	if caller.Kind == rootUser {
		return AssumeRootOutput{}, errs.New(codeAccessDenied, "You cannot use root user credentials to call AssumeRoot")
	}
	root := rootOf(target)
	root.Kind = rootSession
	return AssumeRootOutput{Credentials: s.grow(s.issue(root, d), minToken)}, nil
}

// GetDelegatedAccessTokenInput holds a trade-in token.
type GetDelegatedAccessTokenInput struct {
	TradeInToken string
}

// GetDelegatedAccessTokenOutput holds the credentials a trade-in token is
// exchanged for.
type GetDelegatedAccessTokenOutput struct {
	Credentials      Credentials
	AssumedPrincipal string
	PackedPolicySize int
}

// GetDelegatedAccessToken exchanges a trade-in token for credentials. The
// fake never issues trade-in tokens (AWS hands them out through delegated
// sign-in flows it does not model), so every token is
// ExpiredTradeInTokenException, the model's error for a token that is not
// valid.
func (s *Service) GetDelegatedAccessToken(ctx context.Context, in GetDelegatedAccessTokenInput) (GetDelegatedAccessTokenOutput, error) {
	if _, err := s.enter(ctx, "GetDelegatedAccessToken"); err != nil {
		return GetDelegatedAccessTokenOutput{}, err
	}
	if in.TradeInToken == "" {
		return GetDelegatedAccessTokenOutput{}, validation("tradeInToken", "", "Member must not be null")
	}
	return GetDelegatedAccessTokenOutput{}, errs.Default(codeExpiredTradeInToken)
}

// GetWebIdentityTokenInput asks for a JWT that names the caller.
type GetWebIdentityTokenInput struct {
	Audience         []string
	SigningAlgorithm string
	DurationSeconds  *int32
	Tags             []Tag
}

// GetWebIdentityTokenOutput holds the JWT.
type GetWebIdentityTokenOutput struct {
	WebIdentityToken string
}

// GetWebIdentityToken returns a JWT naming the caller, once outbound web
// identity federation is enabled for the account. It is disabled in a new
// account, and the fake does not model enabling it (IAM's
// EnableOutboundWebIdentityFederation), so a valid request gets
// OutboundWebIdentityFederationDisabledException, AWS's answer in a new
// account.
func (s *Service) GetWebIdentityToken(ctx context.Context, in GetWebIdentityTokenInput) (GetWebIdentityTokenOutput, error) {
	if _, err := s.enter(ctx, "GetWebIdentityToken"); err != nil {
		return GetWebIdentityTokenOutput{}, err
	}
	if err := checkAudience(in.Audience); err != nil {
		return GetWebIdentityTokenOutput{}, err
	}
	if err := sessionTags.Check(toTags(in.Tags)); err != nil {
		return GetWebIdentityTokenOutput{}, err
	}
	if in.SigningAlgorithm != "RS256" && in.SigningAlgorithm != "ES384" {
		return GetWebIdentityTokenOutput{}, validation("signingAlgorithm", in.SigningAlgorithm, "Member must satisfy enum value set: [RS256, ES384]")
	}
	if _, err := seconds(in.DurationSeconds, 300, 60, 3600); err != nil {
		return GetWebIdentityTokenOutput{}, err
	}
	return GetWebIdentityTokenOutput{}, errs.New(codeOutboundFederationOff,
		"Outbound web identity federation is not enabled for this account")
}

// checkAudience applies the model's rule to GetWebIdentityToken's
// Audience: 1 to 10 audiences, each of 1 to 1,000 characters.
func checkAudience(aud []string) error {
	value := "[" + strings.Join(aud, ", ") + "]"
	switch {
	case len(aud) == 0:
		return validation("audience", value, "Member must have length greater than or equal to 1")
	case len(aud) > 10:
		return validation("audience", value, "Member must have length less than or equal to 10")
	}
	for _, a := range aud {
		if len(a) < 1 || len(a) > 1000 {
			return validation("audience", value, "Member must satisfy constraint: [Member must have length less than or equal to 1000, Member must have length greater than or equal to 1]")
		}
	}
	return nil
}

// maxEncodedMessage is the model's limit on EncodedMessage.
const maxEncodedMessage = 10240

// DecodeAuthorizationMessageInput holds an encoded authorization message.
type DecodeAuthorizationMessageInput struct {
	EncodedMessage string
}

// DecodeAuthorizationMessageOutput holds the decoded message.
type DecodeAuthorizationMessageOutput struct {
	DecodedMessage string
}

// DecodeAuthorizationMessage decodes a message that a denied request
// returned. The fake's services return no encoded messages, so every
// message is InvalidAuthorizationMessageException, as AWS answers a message
// it did not encode.
func (s *Service) DecodeAuthorizationMessage(ctx context.Context, in DecodeAuthorizationMessageInput) (DecodeAuthorizationMessageOutput, error) {
	if _, err := s.enter(ctx, "DecodeAuthorizationMessage"); err != nil {
		return DecodeAuthorizationMessageOutput{}, err
	}
	switch {
	case in.EncodedMessage == "":
		return DecodeAuthorizationMessageOutput{}, validation("encodedMessage", "", "Member must have length greater than or equal to 1")
	case len(in.EncodedMessage) > maxEncodedMessage:
		return DecodeAuthorizationMessageOutput{}, validation("encodedMessage", in.EncodedMessage, "Member must have length less than or equal to 10240")
	}
	return DecodeAuthorizationMessageOutput{}, errs.New(codeInvalidAuthMessage, "The encoded message is not a valid authorization message")
}
