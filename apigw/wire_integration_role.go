package apigw

import (
	"context"
	"errors"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
)

// RoleCall is one call an AWS integration makes with its credentials
// role: API Gateway assumes the role (its trust policy must allow
// apigateway.amazonaws.com sts:AssumeRole) and calls the service as a
// session of it, which needs Action on Resource.
type RoleCall struct {
	// Role is the integration's credentials, a role ARN.
	Role string
	// SourceARN is the method's execute-api ARN and Account the API's
	// account, for the trust policy's aws:SourceArn and aws:SourceAccount.
	SourceARN, Account string
	// Action and Resource are what the call asks of the service
	// ("sqs:SendMessage" on the queue's ARN).
	Action, Resource string
}

// RoleRefusal is a RoleChecker's answer when API Gateway cannot assume
// the role. Any other error is the service's refusal of the role's
// session (its AccessDenied), which the service answers API Gateway.
type RoleRefusal struct{ Role string }

func (e *RoleRefusal) Error() string {
	return "API Gateway does not have permission to assume the provided role " + e.Role
}

// RoleChecker decides a RoleCall: nil when the role's session may make
// it. The cloud sets it (SetRoleChecker) when IAM enforcement is on.
type RoleChecker func(context.Context, RoleCall) error

// SetRoleChecker sets what decides the calls AWS integrations make with
// their credentials role. Without one, every call is allowed, as if the
// role allowed it.
func (s *Service) SetRoleChecker(c RoleChecker) {
	s.mu.Lock()
	s.roles = c
	s.mu.Unlock()
}

// roleOf is the integration's credentials role, "" when it has none or
// asks for the caller's credentials (arn:aws:iam::*:user/*), which the
// fake does not pass on.
func (x *exchange) roleOf() string {
	c := x.method.MethodIntegration.Credentials
	if a, err := arn.Parse(c); err == nil && a.Service == "iam" && strings.HasPrefix(a.Resource, "role/") {
		return c
	}
	return ""
}

// errRoleless is what asRole answers for an integration without a role.
var errRoleless = errors.New("no credentials role")

// asRole asks the RoleChecker whether the integration's role may make the
// call action on resource. It answers errRoleless for an integration
// without a role (the call is then API Gateway's own, by its service
// principal), nil when the role may, a *RoleRefusal when it cannot be
// assumed, else the service's refusal.
func (s *Service) asRole(ctx context.Context, x *exchange, action, resource string) error {
	role := x.roleOf()
	if role == "" {
		return errRoleless
	}
	s.mu.Lock()
	check := s.roles
	s.mu.Unlock()
	if check == nil {
		return nil
	}
	return check(ctx, RoleCall{Role: role, SourceARN: x.sourceARN(), Account: x.account, Action: action, Resource: resource})
}

// assumeFailed is AWS's answer when the role cannot be assumed: a 500
// Internal server error, the reason in the execution log ("Execution
// failed due to configuration error: API Gateway does not have
// permission to assume the provided role").
func assumeFailed(err error) *response {
	res := internalError().noted(nil, "Execution failed due to configuration error: "+err.Error())
	return &res
}

// sourceARN is the method's execute-api ARN as a service sees the call's
// source: arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}{path}.
func (x *exchange) sourceARN() string {
	return arn.Build(arn.Partition(x.region), "execute-api", x.region, x.account,
		x.t.apiID+"/"+x.t.stage+"/"+x.r.Method+x.node.path)
}

// isRoleRefusal reports whether err is a *RoleRefusal.
func isRoleRefusal(err error) bool {
	var ref *RoleRefusal
	return errors.As(err, &ref)
}
