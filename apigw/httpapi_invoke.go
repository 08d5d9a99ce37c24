package apigw

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/protocol"
)

// hExchange is one invocation of an HTTP API being served.
type hExchange struct {
	r          *http.Request
	apiID      string
	account    string
	region     string
	stage      hStage
	snap       *hSnap
	path       string // the escaped path the routes match: after the stage, all of it for $default
	rawPath    string // the path as the event shows it: with the stage for a named stage
	route      hRoute
	params     map[string]string
	body       []byte
	requestID  string
	start      time.Time
	integStart time.Time      // when the integration began, zero without one (metrics_httpapi.go)
	authorizer map[string]any // requestContext.authorizer, nil without one
	caller     *IAMCaller     // who signed an AWS_IAM request (wire_iam.go)
	record     *Invocation
}

// HTTP APIs' own error answers: {"message": ...} with the status.
func hError(status int, message string) response {
	return response{status: status, header: http.Header{"Content-Type": {"application/json"}},
		body: []byte(`{"message":"` + message + `"}`)}
}

func hNotFound() response     { return hError(http.StatusNotFound, "Not Found") }
func hInternal() response     { return hError(http.StatusInternalServerError, "Internal Server Error") }
func hUnauthorized() response { return hError(http.StatusUnauthorized, "Unauthorized") }
func hForbidden() response    { return hError(http.StatusForbidden, "Forbidden") }

// serveHTTPAPI serves a request to an HTTP API, reporting false when
// t.apiID names none (a REST API's, or nothing).
func (s *Service) serveHTTPAPI(w http.ResponseWriter, r *http.Request, t target) bool {
	x := &hExchange{r: r, apiID: t.apiID, requestID: protocol.RequestID(r.Context()), start: s.env.Clock.Now()}
	s.mu.Lock()
	var a *hAPI
	if s.h != nil {
		a = s.h.apis[t.apiID]
	}
	if a == nil {
		s.mu.Unlock()
		return false
	}
	if x.requestID == "" {
		x.requestID = s.env.IDs.UUID()
	}
	x.record = &Invocation{At: x.start, RequestID: x.requestID, APIID: t.apiID, Method: r.Method, Path: t.rest}
	res, ok := s.hResolveLocked(a, x, t)
	s.mu.Unlock()
	if ok {
		res = s.hInvoke(x)
	}
	if ok && x.snap.cors != nil {
		corsHeaders(x.snap.cors, r, res.header)
	}
	x.record.Status = res.status
	x.record.Stage = x.stage.StageName
	x.record.Latency = s.env.Clock.Now().Sub(x.start)
	s.metricHTTPAPI(x, res)
	s.mu.Lock()
	s.calls.Add(*x.record)
	s.mu.Unlock()
	h := w.Header()
	for k, vs := range res.header {
		h[k] = vs
	}
	h.Set("Apigw-Requestid", s.apigwID())
	h.Set("Content-Length", strconv.Itoa(len(res.body)))
	w.WriteHeader(res.status)
	_, _ = w.Write(res.body)
	return true
}

// hResolveLocked finds x's stage, deployment and route. A first path
// segment naming a stage other than $default is that stage; otherwise the
// whole path goes to the $default stage, if there is one.
func (s *Service) hResolveLocked(a *hAPI, x *hExchange, t target) (response, bool) {
	x.account, x.region = a.scope.Account, a.scope.Region
	if a.doc.ProtocolType != "HTTP" {
		return hError(http.StatusNotImplemented, "awsfake does not model invoking WebSocket APIs"), false
	}
	if a.doc.DisableExecuteAPIEndpoint {
		return hError(http.StatusForbidden, "Forbidden"), false
	}
	st, named := a.stages[t.stage]
	switch {
	case named && t.stage == "$default":
		// $default named in the URL, as the server's path forms need.
		x.path = "/" + strings.TrimLeft(t.rest, "/")
		x.rawPath = x.path
	case named:
		x.path, x.rawPath = t.rest, "/"+t.stage+t.rest
	default:
		st, named = a.stages["$default"]
		if !named {
			return hNotFound(), false
		}
		x.path = "/" + t.stage + t.rest
		if t.stage == "" {
			x.path = "/" + strings.TrimLeft(t.rest, "/")
		}
		x.rawPath = x.path
	}
	x.stage = st
	x.snap = a.snaps[st.DeploymentID]
	if x.snap == nil {
		return hNotFound(), false
	}
	x.record.DeploymentID = x.snap.id
	if x.r.Method == http.MethodOptions && x.snap.cors != nil && x.r.Header.Get("Origin") != "" &&
		x.r.Header.Get("Access-Control-Request-Method") != "" {
		return preflight(x.snap.cors, x.r), false
	}
	route, params, ok := matchRoute(x.snap.routes, x.r.Method, x.path)
	if !ok {
		return hNotFound(), false
	}
	x.route, x.params = route, params
	x.record.ResourcePath = route.RouteKey
	if res, throttled := s.throttleLocked(a, x); throttled {
		return res, false
	}
	return response{}, true
}

// hInvoke authorizes x and runs its route's integration.
func (s *Service) hInvoke(x *hExchange) response {
	body, err := protocol.ReadBody(x.r, maxPayload)
	if err != nil {
		return hError(http.StatusRequestEntityTooLarge, "Request Entity Too Large")
	}
	x.body = body
	if res, ok := s.hAuthorize(x); !ok {
		return res
	}
	iid, _ := strings.CutPrefix(x.route.Target, "integrations/")
	integ, ok := x.snap.integrations[iid]
	if !ok {
		return hInternal()
	}
	x.record.IntegrationType = integ.IntegrationType
	x.integStart = s.env.Clock.Now()
	switch {
	case integ.IntegrationSubtype != "":
		return s.hServiceIntegration(x, integ)
	case integ.IntegrationType == "HTTP_PROXY":
		return s.hHTTPProxy(x, integ)
	}
	return s.hLambda(x, integ)
}

// hLambda invokes the function of an AWS_PROXY integration with the event
// of the integration's payload format and reads its answer by it.
func (s *Service) hLambda(x *hExchange, integ hIntegration) response {
	fn, ok := lambdaTarget(integ.IntegrationURI)
	if !ok {
		if a, err := arn.Parse(integ.IntegrationURI); err == nil && a.Service == "lambda" {
			fn, ok = integ.IntegrationURI, true
		}
	}
	if !ok {
		return hInternal().noted(nil, "Invalid integration URI")
	}
	var event []byte
	if integ.PayloadFormatVersion == "2.0" {
		event = x.eventV2()
	} else {
		event = x.eventV1()
	}
	x.record.IntegrationRequest = event
	msg := bus.Message{Source: x.sourceARN(), Principal: "apigateway.amazonaws.com", Body: event,
		Meta: map[string]string{bus.MetaSourceAccount: x.account}}
	res := s.hWithTimeout(x.r.Context(), integ.TimeoutInMillis, func(ctx context.Context) response {
		out, err := s.env.Bus.Invoke(ctx, fn, msg)
		var fe *bus.FunctionError
		switch {
		case errors.As(err, &fe):
			return hInternal().noted(fe.Payload, "Lambda function error")
		case err != nil:
			return hInternal().noted(nil, err.Error())
		}
		res, ok := lambdaAnswer(out, integ.PayloadFormatVersion == "2.0")
		if !ok {
			return hInternal().noted(out, "Malformed Lambda proxy response")
		}
		return res.noted(out, "")
	})
	x.record.IntegrationResponse, x.record.Error = res.integ, res.note
	return res
}

// sourceARN is the execute-api ARN of the call, what a Lambda permission's
// SourceArn matches: {api}/{stage}/{METHOD}/{path} ($default: the route).
func (x *hExchange) sourceARN() string {
	res := x.apiID + "/" + x.stage.StageName + "/"
	if x.route.RouteKey == "$default" {
		res += "$default"
	} else {
		method, path, _ := strings.Cut(x.route.RouteKey, " ")
		if method == "ANY" {
			method = "*"
		}
		res += method + path
	}
	return arn.Build(arn.Partition(x.region), "execute-api", x.region, x.account, res)
}

// hWithTimeout runs call within the integration's timeout on the cloud's
// clock: an HTTP API answers a backend that did not answer in time with
// 503 Service Unavailable.
func (s *Service) hWithTimeout(ctx context.Context, millis int32, call func(context.Context) response) response {
	res := s.withTimeout(ctx, millis, call)
	if res.gwType == "INTEGRATION_TIMEOUT" {
		return hError(http.StatusServiceUnavailable, "Service Unavailable").noted(nil, "Integration timeout")
	}
	if res.gwType != "" {
		return hInternal()
	}
	return res
}
