package awsfake

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/creds"
	"github.com/awsfake/awsfake/internal/dispatch"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/policy"
	"github.com/awsfake/awsfake/internal/protocol"
)

// WithIAMEnforcement makes the cloud authorise every request as AWS does,
// with the IAM policy evaluation logic (internal/policy): the caller's
// identity from its credentials (the test keys, and any twelve-digit key,
// act as the account's root user, allowed everything in its own account;
// an IAM user's keys as that user; STS credentials as their role session;
// a Lambda handler's calls as its execution role's session; a session
// issued with session policies, Policy and PolicyArns, has the intersection
// of its role's permissions and theirs, enforce_session.go), the action,
// resource and condition keys of the operation (each service's action
// table: sqs.Actions, sns.Actions, ...), the caller's identity-based
// policies and permissions boundary, the resource's policy (a queue's, a
// topic's, a bucket's, a function's, a role's trust policy), and the
// cross-account rule (both sides must allow). A refusal is the service's
// own error (SQS and S3 AccessDenied, SNS AuthorizationError, Lambda
// AccessDeniedException, STS and IAM AccessDenied) with AWS's message:
// "User: arn:aws:iam::000000000000:user/u is not authorized to perform:
// sqs:CreateQueue on resource: arn:aws:sqs:us-east-1:000000000000:q
// because no identity-based policy allows the sqs:CreateQueue action".
// Deliveries between services (SNS to SQS, S3 to SNS and SQS) are checked
// against the target's resource policy for the sender's service principal
// with aws:SourceArn and aws:SourceAccount, and a refused one lands in
// DeliveryFailures. A Lambda function's log lines reach CloudWatch Logs
// only when its execution role may write them (logs:CreateLogStream and
// logs:PutLogEvents), as AWS creates no log stream otherwise, and an SQS
// event source mapping's polls are checked against its execution role at
// each poll (enforce_poller.go). An API Gateway AWS_IAM method or route
// needs execute-api:Invoke on its method ARN (enforce_apigw.go). Off by
// default: every call is allowed.
func WithIAMEnforcement() Option { return func(o *config) { o.enforce = true } }

// authorizing is a service whose requests enforcement authorises.
type authorizing interface {
	// Authorization returns what r asks, in scope sc; an error is the
	// service's answer to the request before any policy is read.
	Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error)
	// AccessDenied is the service's refusal with message.
	AccessDenied(message string) error
}

// deliveryChecked is a service whose bus deliveries enforcement checks
// against the target's resource policy.
type deliveryChecked interface {
	DeliveryAsk(target string, m bus.Message) (authz.Ask, bool)
	AccessDenied(message string) error
}

// enforced registers s's authorisation under d's signing names and wraps
// its bus endpoint with the delivery check, when enforcement is on.
func (c *Cloud) enforced(s any, d cloudenv.Descriptor) cloudenv.Descriptor {
	if !c.enforce {
		return d
	}
	if a, ok := s.(authorizing); ok {
		if c.authorizers == nil {
			c.authorizers = map[string]authorizing{}
		}
		for _, name := range d.SigningNames {
			c.authorizers[name] = a
		}
	}
	if dc, ok := s.(deliveryChecked); ok && d.Endpoint != nil {
		next := d.Endpoint
		d.Endpoint = func(ctx context.Context, target string, m bus.Message) ([]byte, error) {
			if err := c.deliveryAllowed(dc, target, m); err != nil {
				return nil, err
			}
			return next(ctx, target, m)
		}
	}
	return d
}

// authorized authorises r for the service svc, writing the refusal and
// answering false when it is not allowed.
func (c *Cloud) authorized(w http.ResponseWriter, r *http.Request, svc string) bool {
	a := c.authorizers[svc]
	if a == nil || svc == dispatch.ExecuteAPI { // invocations: apigw asks apigwIAM for AWS_IAM methods
		return true
	}
	_, signed := protocol.CredentialScope(r)
	if !signed && svc != dispatch.S3 {
		// What AWS serves unsigned (SNS's SubscribeURL, STS's web identity
		// and SAML calls) needs no permission; the rest it refuses unsigned.
		return true
	}
	sc, _ := faults.ScopeFrom(r.Context())
	asks, err := a.Authorization(r, sc)
	if err != nil {
		writeRefusal(a, w, r, err)
		return false
	}
	if len(asks) == 0 {
		return true
	}
	who := caller{} // an anonymous S3 request: bucket policies alone
	if signed {
		if _, st := c.env.Creds.Lookup(sc.AccessKeyID, c.env.Clock.Now()); st == creds.Expired {
			writeRefusal(a, w, r, awserr.New("ExpiredToken", http.StatusForbidden, "The security token included in the request is expired"))
			return false
		}
		who = c.identify(sc)
	}
	for _, ask := range asks {
		as := who
		if ask.As != "" {
			as = c.principal(ask.As)
		}
		if msg, ok := c.decide(as, ask, r, sc); !ok {
			err := ask.Refusal
			if err == nil {
				err = a.AccessDenied(msg)
			}
			writeRefusal(a, w, r, err)
			return false
		}
	}
	return true
}

// principal is the IAM user or role principalARN with its policies; with
// none when it does not exist.
func (c *Cloud) principal(principalARN string) caller {
	who := caller{id: policy.Caller{ARN: principalARN}}
	if a, err := arn.Parse(principalARN); err == nil {
		who.id.Account = a.Account
	}
	if id, ok := c.iam.IdentityOf(principalARN); ok {
		who.id = id.Caller
		who.policies = policy.Policies{Identity: id.Identity, Boundary: id.Boundary}
	}
	return who
}

// caller is a request's principal and the policies that apply to it.
type caller struct {
	id policy.Caller
	// policies are the identity-based policies and boundary; nil for the
	// root user.
	policies policy.Policies
}

// identify resolves who signed a request in scope sc: an issued key's
// principal (an IAM user, a role session, the root), any other key the
// root user of the scope's account.
func (c *Cloud) identify(sc faults.Scope) caller {
	root := caller{id: policy.Caller{ARN: arn.Build("", "iam", "", sc.Account, "root"), Account: sc.Account, UserID: sc.Account, Root: true}}
	if sc.AccessKeyID == "" {
		return root
	}
	p, st := c.env.Creds.Lookup(sc.AccessKeyID, c.env.Clock.Now())
	switch {
	case st == creds.Unknown:
		return root
	case st == creds.Expired:
		return caller{} // refused: authorized answers ExpiredToken first
	case strings.HasSuffix(p.ARN, ":root"):
		root.id.ARN, root.id.Account = p.ARN, p.Account
		return root
	}
	who := c.principal(p.ARN)
	who.id.Account = p.Account
	if who.id.UserID == "" {
		who.id.UserID = p.UserID
	}
	if !p.Expires.IsZero() {
		who = c.sessionLimited(who, sc.AccessKeyID) // temporary credentials only
	}
	return who
}

// decide evaluates one ask for who, answering AWS's refusal message when
// it is not allowed.
func (c *Cloud) decide(who caller, ask authz.Ask, r *http.Request, sc faults.Scope) (string, bool) {
	same := ask.Account == "" || ask.Account == who.id.Account
	if who.id.Root && same && ask.Policy == nil && !ask.Missing {
		return "", true // the root user, in its own account, with no policy to deny it
	}
	req := policy.Request{Caller: who.id, Action: ask.Action, Resource: ask.Resource, ResourceAccount: ask.Account,
		Context: c.requestContext(ask.Context, r, sc)}
	if ask.Missing {
		return strings.TrimSuffix(policy.Result{}.Message(req), " "), false
	}
	p := who.policies
	p.Resource = ask.Policy
	res := policy.Evaluate(req, p)
	if res.Decision == policy.Allowed {
		return "", true
	}
	return res.Message(req), false
}

// requestContext is the global condition keys of a request beside the
// operation's own: the time on the cloud's clock, the region, whether it
// came over TLS.
func (c *Cloud) requestContext(keys map[string][]string, r *http.Request, sc faults.Scope) map[string][]string {
	now := c.env.Clock.Now().UTC()
	ctx := make(map[string][]string, len(keys)+4)
	for k, v := range keys {
		ctx[k] = v
	}
	ctx["aws:currenttime"] = []string{now.Format(time.RFC3339)}
	ctx["aws:epochtime"] = []string{strconv.FormatInt(now.Unix(), 10)}
	ctx["aws:requestedregion"] = []string{sc.Region}
	ctx["aws:securetransport"] = []string{strconv.FormatBool(r != nil && r.TLS != nil)}
	return ctx
}

// deliveryAllowed checks a bus delivery to target against its resource
// policy, as AWS checks a service principal's: the sender's ARN is
// aws:SourceArn, its account aws:SourceAccount.
func (c *Cloud) deliveryAllowed(dc deliveryChecked, target string, m bus.Message) error {
	ask, ok := dc.DeliveryAsk(target, m)
	if !ok {
		return nil
	}
	ctx := map[string][]string{"aws:sourcearn": {m.Source}}
	if a, err := arn.Parse(m.Source); err == nil && a.Account != "" {
		ctx["aws:sourceaccount"] = []string{a.Account}
	} else if owner := m.Meta[bus.MetaSourceAccount]; owner != "" {
		ctx["aws:sourceaccount"] = []string{owner}
	}
	for k, v := range ask.Context {
		ctx[k] = v
	}
	sc := c.env.Scope()
	who := caller{id: policy.Caller{Service: m.Principal}}
	if role, ok := c.lambda.ExecutionRole(m.Source); ok && m.Principal == "lambda.amazonaws.com" {
		// Lambda sends to a function's destinations and dead-letter queue
		// with its execution role's permissions ("Adding a destination"),
		// in the session named after the function its handlers' calls use.
		who = c.principal(role)
		if a, err := arn.Parse(m.Source); err == nil {
			name, _, _ := strings.Cut(strings.TrimPrefix(a.Resource, "function:"), ":")
			if key, ok := c.sts.ServiceSession(role, name); ok {
				who = c.identify(faults.Scope{Account: a.Account, AccessKeyID: key})
			}
		}
	}
	req := policy.Request{Caller: who.id, Action: ask.Action, Resource: ask.Resource,
		ResourceAccount: ask.Account, Context: c.requestContext(ctx, nil, sc)}
	p := who.policies
	p.Resource = ask.Policy
	res := policy.Evaluate(req, p)
	if res.Decision == policy.Allowed {
		return nil
	}
	return dc.AccessDenied(res.Message(req))
}
