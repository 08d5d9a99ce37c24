package sts

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
)

// GetSessionTokenInput sets how long the session lasts.
type GetSessionTokenInput struct {
	// DurationSeconds is 900 to 129600; nil means AWS's default of 43200.
	// Sessions of the root user last at most 3,600 seconds.
	DurationSeconds *int32
	SerialNumber    string
	TokenCode       string
	// MinimumSessionTokenSize is the least size of the session token, up to
	// 4,096 bytes; nil or 0 leaves it as it is.
	MinimumSessionTokenSize *int32
}

// GetSessionTokenOutput holds the session's credentials.
type GetSessionTokenOutput struct {
	Credentials Credentials
}

// GetSessionToken issues temporary credentials for the caller. As in AWS,
// the caller must sign with long-term credentials (AccessDenied with
// session credentials) and a root user's session lasts at most an hour
// ("Sessions obtained using root user credentials are restricted to a
// maximum of 3,600 seconds"; a longer request gets an hour).
func (s *Service) GetSessionToken(ctx context.Context, in GetSessionTokenInput) (GetSessionTokenOutput, error) {
	sc, err := s.enter(ctx, "GetSessionToken")
	if err != nil {
		return GetSessionTokenOutput{}, err
	}
	d, err := seconds(in.DurationSeconds, 43200, 900, 129600)
	if err != nil {
		return GetSessionTokenOutput{}, err
	}
	minToken, err := tokenSize(in.MinimumSessionTokenSize)
	if err != nil {
		return GetSessionTokenOutput{}, err
	}
	p, err := s.longTermCaller(sc, "GetSessionToken")
	if err != nil {
		return GetSessionTokenOutput{}, err
	}
	if p.Kind == rootUser {
		d = min(d, time.Hour)
	}
	p.Kind = sessionUser
	return GetSessionTokenOutput{Credentials: s.grow(s.issue(p, d), minToken)}, nil
}

// longTermCaller returns the caller of op, which must sign with long-term
// credentials: "You must call the GetFederationToken operation using the
// long-term security credentials of an IAM user" (API reference), and
// GetSessionToken likewise. The code, AccessDenied, is AWS's answer for a
// call the caller may not make; the message's wording is the fake's.
func (s *Service) longTermCaller(sc faults.Scope, op string) (principal, error) {
	p, err := s.caller(sc)
	if err != nil {
		return principal{}, err
	}
	if temporary(p) {
		return principal{}, errs.New(codeAccessDenied, "Cannot call %s with session credentials", op)
	}
	return p, nil
}

// GetFederationTokenInput names the federated user and their session.
type GetFederationTokenInput struct {
	// Name is 2 to 32 characters of [\w+=,.@-].
	Name string
	// DurationSeconds is 900 to 129600; nil means AWS's default of 43200.
	// The root user's federation sessions last at most 3,600 seconds.
	DurationSeconds *int32
	Policy          string
	PolicyArns      []PolicyDescriptor
	Tags            []Tag
	// MinimumSessionTokenSize is the least size of the session token, up to
	// 4,096 bytes; nil or 0 leaves it as it is.
	MinimumSessionTokenSize *int32
}

// FederatedUser identifies a federated user.
type FederatedUser struct {
	FederatedUserId, Arn string
}

// GetFederationTokenOutput holds the federated user's credentials.
type GetFederationTokenOutput struct {
	Credentials      Credentials
	FederatedUser    FederatedUser
	PackedPolicySize int
}

// GetFederationToken issues temporary credentials for a federated user of
// the caller's account: arn:aws:sts::<account>:federated-user/<name>. As
// in AWS, the caller must sign with long-term credentials, and a root
// user's federation session lasts at most an hour.
func (s *Service) GetFederationToken(ctx context.Context, in GetFederationTokenInput) (GetFederationTokenOutput, error) {
	sc, err := s.enter(ctx, "GetFederationToken")
	if err != nil {
		return GetFederationTokenOutput{}, err
	}
	if !validName(in.Name, 2, 32) {
		return GetFederationTokenOutput{}, validation("name", in.Name,
			`Member must satisfy regular expression pattern: `+sessionNameChars+`* and have length between 2 and 32`)
	}
	d, err := seconds(in.DurationSeconds, 43200, 900, 129600)
	sp, packed, perr := sessionPolicy(in.Policy, in.PolicyArns)
	if err == nil {
		err = perr
	}
	if err == nil {
		err = sessionTags.Check(toTags(in.Tags))
	}
	minToken, terr := tokenSize(in.MinimumSessionTokenSize)
	if err == nil {
		err = terr
	}
	if err != nil {
		return GetFederationTokenOutput{}, err
	}
	caller, err := s.longTermCaller(sc, "GetFederationToken")
	if err != nil {
		return GetFederationTokenOutput{}, err
	}
	if caller.Kind == rootUser {
		d = min(d, time.Hour)
	}
	user := FederatedUser{
		FederatedUserId: caller.Account + ":" + in.Name,
		Arn:             arn.Build("", arnService, "", caller.Account, "federated-user/"+in.Name),
	}
	creds := s.issue(principal{Account: caller.Account, ARN: user.Arn, UserID: user.FederatedUserId, Kind: federatedUser}, d)
	sp.Parent = caller.ARN
	s.keepSessionPolicy(creds, sp)
	return GetFederationTokenOutput{Credentials: s.grow(creds, minToken), FederatedUser: user, PackedPolicySize: packed}, nil
}
