package sts

import (
	"context"
	"regexp"

	"github.com/awsfake/awsfake/internal/creds"
)

// GetCallerIdentityInput is empty: the caller is who signed the request.
type GetCallerIdentityInput struct{}

// GetCallerIdentityOutput is the identity that signed a request.
type GetCallerIdentityOutput struct {
	Account, Arn, UserId string
}

// GetCallerIdentity returns who signed the call: the principal its
// temporary credentials were issued to (an assumed role, a federated user,
// a session), or the account's root user for any other key. Credentials
// that have expired are ExpiredToken, as AWS answers.
func (s *Service) GetCallerIdentity(ctx context.Context, _ GetCallerIdentityInput) (GetCallerIdentityOutput, error) {
	sc, err := s.enter(ctx, "GetCallerIdentity")
	if err != nil {
		return GetCallerIdentityOutput{}, err
	}
	p, err := s.caller(sc)
	if err != nil {
		return GetCallerIdentityOutput{}, err
	}
	return GetCallerIdentityOutput{Account: p.Account, Arn: p.ARN, UserId: p.UserID}, nil
}

// GetAccessKeyInfoInput names an access key.
type GetAccessKeyInfoInput struct {
	AccessKeyId string
}

// GetAccessKeyInfoOutput is the account an access key belongs to.
type GetAccessKeyInfoOutput struct {
	Account string
}

// accessKeyID is the model's constraint on AccessKeyId: [\w]*, 16 to 128
// characters.
var accessKeyID = regexp.MustCompile(`^\w{16,128}$`)

// GetAccessKeyInfo returns the account an access key belongs to: for
// temporary credentials STS issued, the account of their principal (even
// once expired: "This operation does not indicate the state of the access
// key"); for a key of twelve digits, that account (the LocalStack
// convention); for any other key, the cloud's default account.
func (s *Service) GetAccessKeyInfo(ctx context.Context, in GetAccessKeyInfoInput) (GetAccessKeyInfoOutput, error) {
	_, err := s.enter(ctx, "GetAccessKeyInfo")
	if err != nil {
		return GetAccessKeyInfoOutput{}, err
	}
	if !accessKeyID.MatchString(in.AccessKeyId) {
		return GetAccessKeyInfoOutput{}, validation("accessKeyId", in.AccessKeyId,
			`Member must satisfy regular expression pattern: [\w]* and have length between 16 and 128`)
	}
	if p, st := s.env.Creds.Lookup(in.AccessKeyId, s.now()); st != creds.Unknown {
		return GetAccessKeyInfoOutput{Account: p.Account}, nil
	}
	return GetAccessKeyInfoOutput{Account: creds.AccountOf(in.AccessKeyId, s.env.AccountID)}, nil
}
