package awsfake

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/creds"
	"github.com/awsfake/awsfake/internal/dispatch"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
	"github.com/awsfake/awsfake/lambda"
)

// ServeHTTP gives the request an id, finds the service it is for and lets
// that service answer. A panic becomes a 500 InternalFailure in the
// request's protocol, never a dropped connection.
func (c *Cloud) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	continueEmpty(w, r)
	id := c.env.IDs.UUID()
	r = r.WithContext(faults.WithScope(protocol.WithRequestID(r.Context(), id), c.scope(r)))
	w.Header().Set("x-amzn-RequestId", id)
	svc := dispatch.Identify(r)
	w, r, traced := c.traceRequest(w, r, svc)
	defer traced()
	if c.requestLog != nil {
		c.logged(w, r, svc)
		return
	}
	c.serve(w, r, svc)
}

// serve lets the service svc answer, once the guard and the signature
// check have let the request through.
func (c *Cloud) serve(w http.ResponseWriter, r *http.Request, svc string) {
	defer func() {
		if p := recover(); p != nil {
			protocol.WriteErrorFor(w, r, &awserr.Error{Code: "InternalFailure", Status: http.StatusInternalServerError,
				Receiver: true, Message: fmt.Sprintf("awsfake: internal error: %v", p)})
		}
	}()
	if onSocket(r) {
		if reason := c.refused(r, svc); reason != "" {
			forbid(w, reason)
			return
		}
	}
	if err := c.checkSignature(r, svc); err != nil {
		protocol.WriteErrorFor(w, r, err)
		return
	}
	if c.enforce && !c.authorized(w, r, svc) {
		return
	}
	h := c.routes[svc]
	if h == nil {
		// AWS never sees this request: each service has its own endpoint.
		// UnknownServiceException is awsfake's own code, a 400 so that the
		// SDK does not retry it.
		protocol.WriteErrorFor(w, r, awserr.BadRequest("UnknownServiceException",
			"awsfake does not serve the %q service (AWS would have routed this request to that service's own endpoint)", svc))
		return
	}
	h.ServeHTTP(w, r)
}

// continueEmpty answers "100 Continue" to a request that expects it and
// has no body, before anything else is written. Go's server sends it only
// when a handler reads a body, so an empty-bodied PUT would get its final
// answer alone. RFC 9110 §10.1.1 allows either, but botocore keeps the
// final answer's status line for the connection when it sees no 100, and
// parses the next Expect request's answer with it (the status line read as
// a header, the answer abandoned after its read timeout). The clients are
// written against S3, which answers 100 here, so the fake does too, for
// every service. (That S3 itself answers 100 to such a request is
// inferred from botocore working against it, not documented; what is
// documented is RFC 9110 §10.1.1, which lets a server send 100 whether or
// not content follows.) A request that was not read from a socket has no
// interim answer to give.
func continueEmpty(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength == 0 && r.ProtoAtLeast(1, 1) && onSocket(r) &&
		strings.EqualFold(r.Header.Get("Expect"), "100-continue") {
		w.WriteHeader(http.StatusContinue)
	}
}

// scope is the caller's scope of a request, which every operation's enter
// reads. The region is the SigV4 credential scope's (unsigned, the one the
// host name carries where AWS puts it: sqs.eu-west-1.amazonaws.com), else
// the cloud's; any syntactically valid region is served. The account is
// the signing key's: the account of a key the cloud issued (STS), a key of
// twelve digits is that account, any other key the cloud's default.
func (c *Cloud) scope(r *http.Request) faults.Scope {
	sc := c.env.Scope()
	cs, signed := protocol.CredentialScope(r)
	region := cs.Region
	if !signed || !arn.IsRegion(region) {
		region = arn.RegionInHost(r.Host)
	}
	if region != "" && region != sc.Region {
		sc.Region, sc.Partition = region, arn.Partition(region)
	}
	if !signed {
		return sc
	}
	sc.AccessKeyID = cs.AccessKeyID
	if p, st := c.env.Creds.Lookup(cs.AccessKeyID, c.env.Clock.Now()); st != creds.Unknown {
		sc.Account = p.Account
	} else if key, account, ok := c.executionRole(r); ok {
		sc.AccessKeyID, sc.Account = key, account
	} else {
		sc.Account = creds.AccountOf(cs.AccessKeyID, sc.Account)
	}
	return sc
}

// executionRole attributes a request made with a Lambda handler's ctx (in
// memory: the SDK hands the ctx to the transport) to the function's
// execution role, in a session named after the function, as the
// credentials AWS puts in the function's environment would: the key of
// that session and its account. A request signed with a key the cloud
// issued (the handler assumed another role) keeps its own identity.
func (c *Cloud) executionRole(r *http.Request) (key, account string, ok bool) {
	role, _, ok := lambda.InvocationOf(r.Context())
	if !ok {
		return "", "", false
	}
	inv, _ := lambda.FromContext(r.Context())
	a, err := arn.Parse(role)
	if err != nil {
		return "", "", false
	}
	key, ok = c.sts.ServiceSession(role, inv.FunctionName)
	return key, a.Account, ok
}
