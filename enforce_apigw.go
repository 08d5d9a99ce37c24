package awsfake

import (
	"github.com/awsfake/awsfake/apigw"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/creds"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/policy"
	"github.com/awsfake/awsfake/internal/protocol"
	"github.com/awsfake/awsfake/internal/sigv4"
)

// apigwIAM decides an API Gateway invocation of an AWS_IAM method or
// route, as AWS does: the request must be signed (SigV4) for
// execute-api; with WithSigV4Verification the signature is verified as a
// service call's is (the JSON services' answers: InvalidSignatureException,
// the security token invalid or expired); with WithIAMEnforcement the
// caller must be allowed execute-api:Invoke on the method ARN by its
// identity-based policies or the API's resource policy (both across
// accounts). Either way the answer is who signed it.
func (c *Cloud) apigwIAM(q apigw.IAMRequest) (apigw.IAMCaller, error) {
	r := q.Request
	if !sigv4.Signed(r) {
		return apigw.IAMCaller{}, &apigw.IAMRefusal{Reason: apigw.IAMUnsigned}
	}
	sc, _ := faults.ScopeFrom(r.Context())
	if key, _ := protocol.CredentialScope(r); key.AccessKeyID != "" && (c.verify || c.enforce) {
		if _, st := c.env.Creds.Lookup(key.AccessKeyID, c.env.Clock.Now()); st == creds.Expired {
			return apigw.IAMCaller{}, &apigw.IAMRefusal{Reason: apigw.IAMExpiredToken}
		}
	}
	if c.verify {
		v := &sigv4.Verifier{Secrets: c.secret, Now: c.env.Timeline.Now, Dialect: sigv4.JSON, Service: "execute-api"}
		if _, f := v.Check(r, q.Body); f != nil {
			reason := apigw.IAMInvalidSignature
			if f.Code == "UnrecognizedClientException" {
				reason = apigw.IAMInvalidToken
			}
			return apigw.IAMCaller{}, &apigw.IAMRefusal{Reason: reason, Message: f.Message}
		}
	}
	who := c.identify(sc)
	if c.enforce {
		ask := authz.Ask{Action: "execute-api:Invoke", Resource: q.MethodARN, Account: q.Account}
		if q.ResourcePolicy != "" {
			if doc, err := policy.Parse([]byte(q.ResourcePolicy)); err == nil {
				ask.Policy = &doc
			}
		}
		if msg, ok := c.decide(who, ask, r, sc); !ok {
			return apigw.IAMCaller{}, &apigw.IAMRefusal{Reason: apigw.IAMDenied, Message: msg}
		}
	}
	return apigw.IAMCaller{Account: who.id.Account, ARN: who.id.ARN, UserID: who.id.UserID, AccessKey: sc.AccessKeyID}, nil
}
