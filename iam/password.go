package iam

import "context"

// PasswordPolicy is the account's password policy.
type PasswordPolicy struct {
	MinimumPasswordLength                                                   int32
	RequireSymbols, RequireNumbers, RequireUppercaseCharacters              bool
	RequireLowercaseCharacters, AllowUsersToChangePassword, ExpirePasswords bool
	MaxPasswordAge                                                          int32 `xml:",omitempty"`
	PasswordReusePrevention                                                 int32 `xml:",omitempty"`
	HardExpiry                                                              bool
}

// UpdateAccountPasswordPolicyInput is the new password policy; nil numbers
// take AWS's defaults.
type UpdateAccountPasswordPolicyInput struct {
	MinimumPasswordLength, MaxPasswordAge, PasswordReusePrevention     *int32
	RequireSymbols, RequireNumbers, RequireUppercaseCharacters         bool
	RequireLowercaseCharacters, AllowUsersToChangePassword, HardExpiry bool
}

// UpdateAccountPasswordPolicyOutput is empty.
type UpdateAccountPasswordPolicyOutput struct{}

// UpdateAccountPasswordPolicy sets the account's password policy: minimum
// length 6 to 128 (default 6), maximum age 1 to 1,095 days, reuse
// prevention 1 to 24.
func (s *Service) UpdateAccountPasswordPolicy(ctx context.Context, in UpdateAccountPasswordPolicyInput) (UpdateAccountPasswordPolicyOutput, error) {
	sc, err := s.enter(ctx, "UpdateAccountPasswordPolicy")
	if err != nil {
		return UpdateAccountPasswordPolicyOutput{}, err
	}
	p := PasswordPolicy{MinimumPasswordLength: 6, RequireSymbols: in.RequireSymbols, RequireNumbers: in.RequireNumbers,
		RequireUppercaseCharacters: in.RequireUppercaseCharacters, RequireLowercaseCharacters: in.RequireLowercaseCharacters,
		AllowUsersToChangePassword: in.AllowUsersToChangePassword, HardExpiry: in.HardExpiry}
	for _, r := range []struct {
		member string
		v      *int32
		lo, hi int32
		dst    *int32
	}{{"minimumPasswordLength", in.MinimumPasswordLength, 6, 128, &p.MinimumPasswordLength},
		{"maxPasswordAge", in.MaxPasswordAge, 1, 1095, &p.MaxPasswordAge},
		{"passwordReusePrevention", in.PasswordReusePrevention, 1, 24, &p.PasswordReusePrevention}} {
		if r.v == nil {
			continue
		}
		if *r.v < r.lo || *r.v > r.hi {
			return UpdateAccountPasswordPolicyOutput{}, validation(r.member, itoa(int(*r.v)),
				"Member must have value between "+itoa(int(r.lo))+" and "+itoa(int(r.hi)))
		}
		*r.dst = *r.v
	}
	p.ExpirePasswords = p.MaxPasswordAge > 0
	return UpdateAccountPasswordPolicyOutput{}, s.locked(sc, func(a *account) error { a.password = &p; return nil })
}

// GetAccountPasswordPolicyInput is empty.
type GetAccountPasswordPolicyInput struct{}

// GetAccountPasswordPolicyOutput is the password policy.
type GetAccountPasswordPolicyOutput struct{ PasswordPolicy PasswordPolicy }

// GetAccountPasswordPolicy returns the password policy, NoSuchEntity when
// the account has none, as AWS answers.
func (s *Service) GetAccountPasswordPolicy(ctx context.Context, _ GetAccountPasswordPolicyInput) (GetAccountPasswordPolicyOutput, error) {
	sc, err := s.enter(ctx, "GetAccountPasswordPolicy")
	if err != nil {
		return GetAccountPasswordPolicyOutput{}, err
	}
	var out PasswordPolicy
	err = s.locked(sc, func(a *account) error {
		if a.password == nil {
			return errs.New(codeNoSuchEntity, "The Password Policy with domain name %s cannot be found.", a.id)
		}
		out = *a.password
		return nil
	})
	return GetAccountPasswordPolicyOutput{PasswordPolicy: out}, err
}

// DeleteAccountPasswordPolicyInput is empty.
type DeleteAccountPasswordPolicyInput struct{}

// DeleteAccountPasswordPolicyOutput is empty.
type DeleteAccountPasswordPolicyOutput struct{}

// DeleteAccountPasswordPolicy removes the password policy (NoSuchEntity
// when there is none).
func (s *Service) DeleteAccountPasswordPolicy(ctx context.Context, _ DeleteAccountPasswordPolicyInput) (DeleteAccountPasswordPolicyOutput, error) {
	sc, err := s.enter(ctx, "DeleteAccountPasswordPolicy")
	if err != nil {
		return DeleteAccountPasswordPolicyOutput{}, err
	}
	return DeleteAccountPasswordPolicyOutput{}, s.locked(sc, func(a *account) error {
		if a.password == nil {
			return errs.New(codeNoSuchEntity, "The Password Policy with domain name %s cannot be found.", a.id)
		}
		a.password = nil
		return nil
	})
}
