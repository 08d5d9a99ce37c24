package apigw

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/protocol"
)

// IAMRequest is an invocation of a REST method or HTTP API route whose
// authorization is AWS_IAM, as the IAMAuthorizer is asked about it.
type IAMRequest struct {
	// Request is the request as the client sent it; its body has been
	// read: Body holds it.
	Request *http.Request
	Body    []byte
	// MethodARN is the resource execute-api:Invoke is asked on:
	// arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}/{path}.
	MethodARN string
	// Account is the API's account.
	Account string
	// ResourcePolicy is the REST API's resource policy with its
	// execute-api:/ shorthand expanded to the API's ARN; "" for none (and
	// for HTTP APIs, which have none).
	ResourcePolicy string
}

// IAMCaller is who signed an AWS_IAM request, as $context.identity and the
// proxy events show it.
type IAMCaller struct {
	// Account is the caller's account; ARN its principal (an IAM user, an
	// assumed-role session, the root); UserID its unique id (aws:userid:
	// AIDA..., AROA...:session, the account id for the root); AccessKey
	// the key the request was signed with.
	Account, ARN, UserID, AccessKey string
}

// IAMReason is why an AWS_IAM request is refused.
type IAMReason int

// The refusals of an AWS_IAM request.
const (
	// IAMUnsigned: the request carries no Signature Version 4.
	IAMUnsigned IAMReason = iota
	// IAMInvalidSignature: the signature does not match, names another
	// service's scope, or its time is outside AWS's window; Message is
	// AWS's.
	IAMInvalidSignature
	// IAMInvalidToken: the access key is unknown.
	IAMInvalidToken
	// IAMExpiredToken: the session's credentials have expired.
	IAMExpiredToken
	// IAMDenied: no policy allows execute-api:Invoke on the method ARN
	// (or one denies it); Message is IAM's refusal.
	IAMDenied
)

// AWS's messages for a key it does not know and a session that expired.
const (
	msgInvalidToken = "The security token included in the request is invalid."
	msgExpiredToken = "The security token included in the request is expired"
)

// IAMRefusal is the IAMAuthorizer's refusal of a request.
type IAMRefusal struct {
	Reason  IAMReason
	Message string
}

func (e *IAMRefusal) Error() string {
	switch {
	case e.Message != "":
		return e.Message
	case e.Reason == IAMExpiredToken:
		return msgExpiredToken
	case e.Reason == IAMInvalidToken:
		return msgInvalidToken
	}
	return "Missing Authentication Token"
}

// IAMAuthorizer decides an AWS_IAM request: who signed it, or an
// *IAMRefusal. The cloud sets it (SetIAMAuthorizer): it knows the
// credentials and the policies.
type IAMAuthorizer func(IAMRequest) (IAMCaller, error)

// SetIAMAuthorizer sets what decides AWS_IAM requests. Without one, a
// signed request is served with no caller and an unsigned one refused.
func (s *Service) SetIAMAuthorizer(a IAMAuthorizer) {
	s.mu.Lock()
	s.iam = a
	s.mu.Unlock()
}

// iamAuthorize decides an AWS_IAM request for the method or route whose
// ARN is methodARN: the caller, or the refusal.
func (s *Service) iamAuthorize(r *http.Request, body []byte, account, methodARN, resourcePolicy string) (*IAMCaller, *IAMRefusal) {
	s.mu.Lock()
	decide := s.iam
	s.mu.Unlock()
	if decide == nil {
		if _, signed := protocol.CredentialScope(r); !signed {
			return nil, &IAMRefusal{Reason: IAMUnsigned}
		}
		return nil, nil
	}
	who, err := decide(IAMRequest{Request: r, Body: body, MethodARN: methodARN, Account: account, ResourcePolicy: resourcePolicy})
	if err != nil {
		var ref *IAMRefusal
		if errors.As(err, &ref) {
			return nil, ref
		}
		return nil, &IAMRefusal{Reason: IAMDenied, Message: err.Error()}
	}
	return &who, nil
}

// restIAM runs a REST method's AWS_IAM authorization: nil when the request
// may go on (x.caller is then who signed it), else AWS's answer.
func (s *Service) restIAM(x *exchange) *response {
	s.mu.Lock()
	pol := expandPolicy(x.a.Policy, arn.Build(arn.Partition(x.region), "execute-api", x.region, x.account, x.t.apiID+"/"))
	s.mu.Unlock()
	who, ref := s.iamAuthorize(x.r, x.body, x.account, x.methodARN(), pol)
	if ref == nil {
		x.caller = who
		return nil
	}
	var res response
	switch ref.Reason {
	case IAMUnsigned:
		res = missingToken()
	case IAMInvalidSignature:
		res = gatewayError("INVALID_SIGNATURE", http.StatusForbidden, "InvalidSignatureException", ref.Message)
	case IAMInvalidToken:
		// "The caller used IAM keys that aren't valid": AccessDeniedException
		// (the knowledge-center article "How do I troubleshoot HTTP 403
		// errors from API Gateway?").
		res = gatewayError("ACCESS_DENIED", http.StatusForbidden, "AccessDeniedException", msgInvalidToken)
	case IAMExpiredToken:
		res = gatewayError("EXPIRED_TOKEN", http.StatusForbidden, "ExpiredTokenException", msgExpiredToken)
	default:
		// IAM's refusal is {"Message": ...}, capitalised, unlike the
		// gateway's own messages (the developer guide's resource-policy
		// troubleshooting quotes it so).
		res = gatewayError("ACCESS_DENIED", http.StatusForbidden, "AccessDeniedException", ref.Message)
		res.body, _ = json.Marshal(map[string]string{"Message": ref.Message})
	}
	return &res
}

// httpIAM runs an HTTP API route's AWS_IAM authorization. HTTP APIs answer
// a refused caller 403 {"message":"Forbidden"} (aws-cdk issue 21182 shows
// it for a role without execute-api:Invoke), and a signature failure with
// the signature's message.
func (s *Service) httpIAM(x *hExchange) (response, bool) {
	// The resource is the path as requested, as for REST APIs ("Control
	// access to HTTP APIs with IAM authorization" gives the ARN form).
	methodARN := arn.Build(arn.Partition(x.region), "execute-api", x.region, x.account,
		x.apiID+"/"+x.stage.StageName+"/"+x.r.Method+x.path)
	who, ref := s.iamAuthorize(x.r, x.body, x.account, methodARN, "")
	if ref == nil {
		x.caller = who
		if who != nil {
			x.authorizer = map[string]any{"iam": who.authorizerIAM()}
		}
		return response{}, true
	}
	res := hForbidden()
	switch ref.Reason {
	case IAMInvalidSignature:
		res.body, _ = json.Marshal(map[string]string{"message": ref.Message})
	case IAMInvalidToken:
		res.body, _ = json.Marshal(map[string]string{"message": msgInvalidToken})
	case IAMExpiredToken:
		res.body, _ = json.Marshal(map[string]string{"message": msgExpiredToken})
	}
	return res, false
}

// expandPolicy is a resource policy with "execute-api:/" in its resources
// replaced by prefix, the API's ARN and a slash, as API Gateway reads it.
func expandPolicy(pol, prefix string) string {
	return strings.ReplaceAll(pol, `"execute-api:/`, `"`+prefix)
}

// identityValues are the members of $context.identity and the REST proxy
// event's requestContext.identity an IAM caller fills: accountId, caller,
// user, userArn and accessKey; nil for none.
func (c *IAMCaller) identityValues() map[string]string {
	if c == nil {
		return nil
	}
	return map[string]string{"accountId": c.Account, "caller": c.UserID, "user": c.UserID,
		"userArn": c.ARN, "accessKey": c.AccessKey}
}

// authorizerIAM is payload 2.0's requestContext.authorizer.iam.
func (c *IAMCaller) authorizerIAM() map[string]any {
	return map[string]any{"accessKey": c.AccessKey, "accountId": c.Account, "callerId": c.UserID,
		"cognitoIdentity": nil, "principalOrgId": nil, "userArn": c.ARN, "userId": c.UserID}
}

// fillIdentity sets an IAM caller's members in a REST proxy event's
// requestContext.identity.
func (c *IAMCaller) fillIdentity(id *proxyIdentity) {
	if c == nil {
		return
	}
	id.AccountID, id.Caller, id.User, id.UserArn, id.AccessKey = &c.Account, &c.UserID, &c.UserID, &c.ARN, &c.AccessKey
}

// fillIdentityMap sets an IAM caller's members in payload 1.0's
// requestContext.identity.
func (c *IAMCaller) fillIdentityMap(id map[string]any) {
	for k, v := range c.identityValues() {
		id[k] = v
	}
}

// identityValue is the $context variable name (identity.userArn, ...) of
// an IAM caller; ok false without one.
func (c *IAMCaller) identityValue(name string) (string, bool) {
	v, ok := c.identityValues()[strings.TrimPrefix(name, "identity.")]
	return v, ok
}
