package apigw

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
)

// Account is the account's API Gateway settings as GetAccount returns
// them.
type Account struct {
	CloudwatchRoleArn string           `json:"cloudwatchRoleArn,omitempty"`
	ThrottleSettings  ThrottleSettings `json:"throttleSettings"`
	Features          []string         `json:"features"`
	ApiKeyVersion     string           `json:"apiKeyVersion"`
}

// GetAccountInput is GetAccount's input: it has none.
type GetAccountInput struct{}

// UpdateAccountInput is UpdateAccount's input.
type UpdateAccountInput struct {
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// defaultAccountThrottle is a new account's throttle: "API Gateway limits
// the steady-state requests per second (RPS) across all APIs within an
// AWS account, per Region ... 10,000 requests per second (RPS) with an
// additional burst capacity provided by the token bucket algorithm, using
// a maximum bucket capacity of 5,000 requests" (api-gateway-request-throttling.html).
var defaultAccountThrottle = ThrottleSettings{BurstLimit: 5000, RateLimit: 10000}

// accountLocked is sc's account as answered: the throttle
// SetAccountThrottle set, else the default.
func (s *Service) accountLocked(sc faults.Scope) Account {
	a := Account{ThrottleSettings: defaultAccountThrottle, Features: []string{}, ApiKeyVersion: "4",
		CloudwatchRoleArn: s.acctReadLocked(sc).roleARN}
	if u := s.usageReadLocked(sc); u.accountLimit != nil {
		a.ThrottleSettings = *u.accountLimit
	}
	return a
}

// GetAccount returns the account's settings.
func (s *Service) GetAccount(ctx context.Context, _ GetAccountInput) (Account, error) {
	sc, err := s.enter(ctx, "GetAccount")
	if err != nil {
		return Account{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accountLocked(sc), nil
}

// UpdateAccount applies patch operations: replace /cloudwatchRoleArn,
// which must be an IAM role's ARN (or empty, to remove it). AWS's text
// for a malformed one is not recorded; the fake answers
// BadRequestException "The role ARN is not well formed", the exception
// UpdateAccount documents for an invalid request.
func (s *Service) UpdateAccount(ctx context.Context, in UpdateAccountInput) (Account, error) {
	sc, err := s.enter(ctx, "UpdateAccount")
	if err != nil {
		return Account{}, err
	}
	if err := checkPatch("updateAccountInput", in.PatchOperations); err != nil {
		return Account{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	role := s.acctReadLocked(sc).roleARN
	for _, op := range in.PatchOperations {
		if op.Op != "replace" || op.Path != "/cloudwatchRoleArn" {
			return Account{}, errPatchPath(op, "/cloudwatchRoleArn")
		}
		role = op.value()
		if role == "" {
			continue
		}
		if a, err := arn.Parse(role); err != nil || a.Service != "iam" || !strings.HasPrefix(a.Resource, "role/") {
			return Account{}, badRequest("The role ARN is not well formed")
		}
	}
	s.partForWriteLocked(sc).acctLocked().roleARN = role
	return s.accountLocked(sc), nil
}
