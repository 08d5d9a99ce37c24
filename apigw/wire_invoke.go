package apigw

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/protocol"
)

// maxPayload is the largest request body a stage accepts: "Payload size
// ... 10 MB (hard)" (reference/limits.md, the API Gateway quotas page).
const maxPayload = 10 << 20

// target is what an invoke URL names: the API, the stage, and the path
// after the stage as sent (escaped).
type target struct {
	apiID, stage string
	rest         string // the escaped path after the stage: "/a/b", "" for none
}

// invokeTarget reads the invoke URL forms: the host
// {api}.execute-api.{region}.amazonaws.com (and LocalStack's
// {api}.execute-api.localhost.localstack.cloud:4566) with /{stage}/...,
// and the paths /restapis/{api}/{stage}/_user_request_/... and
// /_aws/execute-api/{api}/{stage}/....
func invokeTarget(r *http.Request) (target, bool) {
	p := r.URL.EscapedPath()
	host := r.Host
	if h, _, ok := strings.Cut(host, ":"); ok {
		host = h
	}
	if id, rest, ok := strings.Cut(host, ".execute-api."); ok && id != "" && rest != "" {
		stage, after := cutSegment(p)
		return target{apiID: id, stage: stage, rest: after}, true
	}
	if rest, ok := strings.CutPrefix(p, "/_aws/execute-api/"); ok {
		id, after := cutSegment("/" + rest)
		stage, after := cutSegment(after)
		return target{apiID: id, stage: stage, rest: after}, id != ""
	}
	if rest, ok := strings.CutPrefix(p, "/restapis/"); ok {
		id, after := cutSegment("/" + rest)
		stage, after := cutSegment(after)
		if u, ok := strings.CutPrefix(after, "/_user_request_"); ok && (u == "" || u[0] == '/') && id != "" {
			return target{apiID: id, stage: stage, rest: u}, true
		}
	}
	return target{}, false
}

// cutSegment returns the first segment of p (leading slashes skipped) and
// the rest, which keeps its leading slash.
func cutSegment(p string) (string, string) {
	p = strings.TrimLeft(p, "/")
	seg, rest, found := strings.Cut(p, "/")
	if found {
		rest = "/" + rest
	}
	return seg, rest
}

// exchange is one invocation being served.
type exchange struct {
	r         *http.Request
	t         target
	a         *api // the API (read only under s.mu)
	account   string
	region    string
	snap      *snapshot
	stage     Stage
	node      *node
	method    Method
	params    map[string]string // path parameters, as sent
	body      []byte
	requestID string
	start     time.Time
	record    *Invocation
	// status and responseLength are the answer's, for access logs.
	status, responseLength int
	// sunk are the log lines for CloudWatch Logs, handed over after s.mu.
	sunk []sunkLines
	// What the authorizer decided (wire_authorize.go): the principal, the
	// context, the Cognito claims and the API key it names.
	// apiName is the API's name when the request was resolved, and
	// integStart when its integration began (zero without one): for the
	// AWS/ApiGateway metrics (metrics.go).
	apiName          string
	integStart       time.Time
	principalID      string
	authContext      map[string]any
	authClaims       map[string]any
	authorizerAPIKey string
	// edge are the CloudFront headers of an EDGE API (wire_edge.go).
	edge   map[string][]string
	trace  *stageTrace // trace.go; nil when not traced
	caller *IAMCaller  // who signed an AWS_IAM request (wire_iam.go)
}

// serveInvoke serves a request to a deployed stage.
func (s *Service) serveInvoke(w http.ResponseWriter, r *http.Request, t target) {
	if s.serveHTTPAPI(w, r, t) {
		return
	}
	x := &exchange{r: r, t: t, requestID: protocol.RequestID(r.Context()), start: s.env.Clock.Now()}
	if x.requestID == "" {
		x.requestID = s.env.IDs.UUID()
	}
	x.record = &Invocation{At: x.start, RequestID: x.requestID, APIID: t.apiID, Stage: t.stage, Method: r.Method,
		Path: t.rest}
	resp := s.invoke(x)
	if resp.gwType != "" && x.snap != nil {
		resp = x.customised(resp)
	}
	x.record.Status = resp.status
	x.record.Latency = s.env.Clock.Now().Sub(x.start)
	s.metricInvocation(x, resp.status)
	s.emitTrace(x, resp.status, x.start.Add(x.record.Latency))
	s.mu.Lock()
	s.calls.Add(*x.record)
	s.writeLogsLocked(x, resp)
	sink := s.logSink
	s.mu.Unlock()
	s.flushLogs(x, sink)
	resp.write(w, x.requestID, s.apigwID())
}

// apigwID is an x-amz-apigw-id: AWS's form is a 16-character id ending in =.
func (s *Service) apigwID() string { return s.env.IDs.Base64(11)[:15] + "=" }

// invoke runs the method request, the integration and the method response.
func (s *Service) invoke(x *exchange) response {
	if res := s.resolve(x); res != nil {
		return *res
	}
	s.traceStage(x)
	body, err := protocol.ReadBody(x.r, maxPayload)
	if err != nil {
		return gatewayError("REQUEST_TOO_LARGE", http.StatusRequestEntityTooLarge, "RequestTooLarge", "Request Too Long")
	}
	x.body = body
	if res := s.authorize(x); res != nil {
		return *res
	}
	if res := s.meter(x); res != nil {
		return *res
	}
	return s.integrate(x)
}

// integrate runs the method request's validation, the integration and the
// method response: what TestInvokeMethod runs too.
func (s *Service) integrate(x *exchange) response {
	if res := x.validate(); res != nil {
		return *res
	}
	x.integStart = s.env.Clock.Now()
	i := x.method.MethodIntegration
	x.record.IntegrationType = i.Type
	switch i.Type {
	case "MOCK":
		return x.mock()
	case "AWS_PROXY":
		return s.lambdaProxy(x)
	case "HTTP_PROXY":
		return s.httpProxy(x)
	case "HTTP":
		return s.httpIntegration(x)
	}
	return s.awsIntegration(x)
}

// resolve finds the API, stage, deployment, resource and method of x, or
// the answer AWS gives when there is none.
func (s *Service) resolve(x *exchange) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.byID[x.t.apiID]
	if a == nil || a.DisableExecuteAPIEndpoint {
		res := gatewayError("", http.StatusForbidden, "ForbiddenException", "Forbidden")
		return &res
	}
	st := a.stages[x.t.stage]
	if st == nil || a.deployments[st.DeploymentID] == nil {
		res := gatewayError("", http.StatusForbidden, "ForbiddenException", "Forbidden")
		return &res
	}
	x.a, x.account, x.region, x.apiName = a, a.scope.Account, a.scope.Region, a.Name
	if isEdge(a.EndpointConfiguration) {
		x.edge = edgeHeaders(s.env.IDs)
	}
	x.stage = cloneStage(st.Stage)
	x.snap = s.pickDeployment(a, st, x)
	x.record.DeploymentID = x.snap.deploymentID
	segs := pathSegments(x.t.rest)
	x.params = map[string]string{}
	n := x.snap.root.match(segs, x.params)
	if n == nil {
		res := missingToken()
		return &res
	}
	m, ok := n.method(x.r.Method)
	if !ok || m.MethodIntegration == nil {
		res := missingToken()
		return &res
	}
	x.node, x.method = n, m
	x.record.ResourcePath, x.record.ResourceID = n.path, n.id
	return nil
}

// pathSegments splits the escaped path after the stage: leading slashes
// collapsed, one trailing slash dropped, inner empty segments kept (a
// greedy variable keeps "a//b", as recorded in
// test_lambda_aws_proxy_integration, invocation-payload-with-double-slash).
func pathSegments(rest string) []string {
	rest = strings.TrimLeft(rest, "/")
	rest = strings.TrimSuffix(rest, "/")
	if rest == "" {
		return nil
	}
	return strings.Split(rest, "/")
}

// eventPath is the path as the proxy event's path shows it: the escaped
// path after the stage with leading slashes collapsed, a trailing slash
// kept.
func (x *exchange) eventPath() string {
	return "/" + strings.TrimLeft(x.t.rest, "/")
}

// validate runs the method's request validator: required parameters, then
// the body against the model of its content type.
func (x *exchange) validate() *response {
	v, ok := x.snap.validators[x.method.RequestValidatorID]
	if !ok {
		return nil
	}
	if v.ValidateRequestParameters {
		if missing := x.missingParameters(); len(missing) > 0 {
			res := gatewayError("BAD_REQUEST_PARAMETERS", http.StatusBadRequest, "BadRequestException",
				"Missing required request parameters: ["+strings.Join(missing, ", ")+"]")
			return &res
		}
	}
	if v.ValidateRequestBody && !x.bodyValid() {
		res := gatewayError("BAD_REQUEST_BODY", http.StatusBadRequest, "BadRequestException", "Invalid request body")
		return &res
	}
	return nil
}

// missingParameters lists the required parameters the request lacks, by
// name.
func (x *exchange) missingParameters() []string {
	var missing []string
	q := x.r.URL.Query()
	for k, required := range x.method.RequestParameters {
		if !required {
			continue
		}
		parts := strings.SplitN(k, ".", 4)
		if len(parts) != 4 {
			continue
		}
		name := parts[3]
		present := true
		switch parts[2] {
		case "querystring", "multivaluequerystring":
			present = q.Has(name)
		case "header", "multivalueheader":
			present = x.r.Header.Get(name) != ""
		case "path":
			present = x.params[name] != ""
		}
		if !present {
			missing = append(missing, name)
		}
	}
	slices.Sort(missing)
	return missing
}

// bodyValid checks the body against the request model of its content type
// (application/json when none is sent, else $default), with the schema the
// deployment compiled. A failure's schema errors go to the record, as the
// execution log line AWS writes: "Request body does not match model schema
// for content type {type}: [errors]".
func (x *exchange) bodyValid() bool {
	ct := x.requestContentType()
	name, ok := x.method.RequestModels[ct]
	if !ok {
		name, ok = x.method.RequestModels["$default"]
	}
	if !ok {
		return true
	}
	sch, ok := x.snap.schemas[name]
	if !ok {
		return true
	}
	valid, errs := validateBody(sch, x.body)
	if !valid {
		x.record.Error = "Request body does not match model schema for content type " + ct + ": [" + strings.Join(errs, ", ") + "]"
	}
	return valid
}

// contextValue is a $context variable.
func (x *exchange) contextValue(name string) (string, bool) {
	switch name {
	case "requestId", "extendedRequestId":
		return x.requestID, true
	case "apiId":
		return x.t.apiID, true
	case "stage":
		return x.t.stage, true
	case "httpMethod":
		return x.r.Method, true
	case "resourcePath", "resourceId":
		if x.node == nil {
			return "", false
		}
		if name == "resourceId" {
			return x.node.id, true
		}
		return x.node.path, true
	case "accountId":
		return x.account, true
	case "deploymentId":
		return x.snap.deploymentID, true
	case "path":
		return "/" + x.t.stage + x.t.rest, true
	case "protocol":
		return x.r.Proto, true
	case "domainName":
		return x.r.Host, true
	case "identity.sourceIp":
		return sourceIP(x.r), true
	case "identity.userAgent":
		return x.r.UserAgent(), true
	case "identity.accountId", "identity.caller", "identity.user", "identity.userArn", "identity.accessKey":
		return x.caller.identityValue(name)
	case "requestTime":
		return x.start.UTC().Format(requestTimeLayout), true
	case "status":
		return strconv.Itoa(x.status), true
	case "responseLatency", "integrationLatency":
		return itoa(x.record.Latency.Milliseconds()), true
	case "responseLength":
		return strconv.Itoa(x.responseLength), true
	case "requestTimeEpoch":
		return itoa(x.start.UnixMilli()), true
	}
	return "", false
}

// requestTimeLayout is $context.requestTime's form: 09/Apr/2015:12:34:56 +0000.
const requestTimeLayout = "02/Jan/2006:15:04:05 -0700"

// sourceIP is the caller's address without its port.
func sourceIP(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return strings.Trim(host, "[]")
}

// withTimeout runs call with the integration's timeout on the cloud's
// clock: the backend runs on its own goroutine, the caller's goroutine
// waits on a timer armed at the deadline. A backend that has not answered
// by the deadline gets a 504 and its context is cancelled.
func (s *Service) withTimeout(ctx context.Context, millis int32, call func(context.Context) response) response {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	deadline := s.env.Clock.Now().Add(time.Duration(millis) * time.Millisecond)
	done := make(chan response, 1)
	go func() { done <- call(ctx) }()
	timer := s.env.Clock.TimerAt(deadline)
	defer timer.Stop()
	select {
	case res := <-done:
		return res
	case <-timer.C():
		return gatewayError("INTEGRATION_TIMEOUT", http.StatusGatewayTimeout, "InternalServerErrorException", "Endpoint request timed out")
	case <-ctx.Done():
		return internalError()
	}
}

// urlQuery is the request's query, decoded.
func (x *exchange) urlQuery() url.Values { return x.r.URL.Query() }
