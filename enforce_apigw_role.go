package awsfake

import (
	"context"

	"github.com/awsfake/awsfake/apigw"
	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/policy"
)

// apigwSession is the session name API Gateway's calls with an
// integration's credentials role carry (the assumed-role ARN
// .../assumed-role/{role}/BackplaneAssumeRoleSession in CloudTrail).
const apigwSession = "BackplaneAssumeRoleSession"

// apigwRole decides a call an API Gateway AWS integration makes with its
// credentials role, as AWS does with IAM enforcement on: the role's trust
// policy must allow apigateway.amazonaws.com sts:AssumeRole (with the
// method's ARN and the API's account as aws:SourceArn and
// aws:SourceAccount), else *apigw.RoleRefusal, which API Gateway answers
// with its 500; then the role's session must be allowed the action on
// the resource by its policies and the resource's (a queue's, a topic's),
// else the service's own refusal (SQS AccessDenied, SNS
// AuthorizationError, Lambda AccessDeniedException, S3 AccessDenied,
// Step Functions' and EventBridge's AccessDeniedException),
// which the service answers API Gateway. Nil with enforcement off.
func (c *Cloud) apigwRole(_ context.Context, q apigw.RoleCall) error {
	if !c.enforce {
		return nil
	}
	trust, ok := c.iam.TrustPolicy(q.Role)
	if ok {
		req := policy.Request{Caller: policy.Caller{Service: "apigateway.amazonaws.com"}, Action: "sts:AssumeRole", Resource: q.Role,
			Context: map[string][]string{"aws:sourcearn": {q.SourceARN}, "aws:sourceaccount": {q.Account}}}
		ok = policy.Evaluate(req, policy.Policies{Resource: &trust}).Decision == policy.Allowed
	}
	key, issued := c.sts.ServiceSession(q.Role, apigwSession)
	if !ok || !issued {
		return &apigw.RoleRefusal{Role: q.Role}
	}
	role, _ := arn.Parse(q.Role)
	who := c.identify(faults.Scope{Account: role.Account, AccessKeyID: key})
	ask := authz.Ask{Action: q.Action, Resource: q.Resource}
	res, _ := arn.Parse(q.Resource)
	ask.Account = res.Account
	refuse := c.resourcePolicyOf(&ask, q.Resource, res.Service)
	sc := faults.Scope{Account: role.Account, Region: res.Region, Partition: res.Partition}
	if msg, ok := c.decide(who, ask, nil, sc); !ok {
		return refuse(msg)
	}
	return nil
}

// resourcePolicyOf sets ask's resource policy to the one of resource (a
// queue's or a topic's; a function's and a bucket's are not read: the
// role's own policies decide) and answers the service's refusal.
func (c *Cloud) resourcePolicyOf(ask *authz.Ask, resource, service string) func(string) error {
	probe := bus.Message{Principal: "apigateway.amazonaws.com"}
	switch service {
	case "sqs":
		if a, ok := c.sqs.DeliveryAsk(resource, probe); ok {
			ask.Policy = a.Policy
		}
		return c.sqs.AccessDenied
	case "sns":
		if a, ok := c.sns.DeliveryAsk(resource, probe); ok {
			ask.Policy = a.Policy
		}
		return c.sns.AccessDenied
	case "lambda":
		return c.lambda.AccessDenied
	case "s3":
		return c.s3.AccessDenied
	case "states":
		return c.stepfn.AccessDenied
	case "events":
		return c.events.AccessDenied
	}
	return c.apigw.AccessDenied
}
