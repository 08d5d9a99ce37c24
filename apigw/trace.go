package apigw

import (
	"net/url"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// stageTrace is what a traced request to a stage with tracingEnabled
// writes to X-Ray: the stage's segment ({api name}/{stage}, origin
// AWS::ApiGateway::Stage) and its integration subsegment, the parent of
// what the backend writes.
type stageTrace struct {
	root, callerParent   string
	segment, integration string
	name                 string
}

// traceStage decides the trace of a request to a stage with tracing on,
// as API Gateway does: it continues the client's X-Amzn-Trace-Id (and its
// sampling decision, when it holds one), else starts a trace that the
// account's sampling rules decide (xtrace.Sample, service name
// {api}/{stage}, type AWS::ApiGateway::Stage). A traced request hands its
// backend Root=...;Parent=<the integration subsegment>;Sampled=1, in the
// request's ctx (a Lambda integration) and its X-Amzn-Trace-Id header (the
// proxy event, an HTTP backend). A stage without tracing passes the
// client's header on untouched and costs nothing here.
func (s *Service) traceStage(x *exchange) {
	if !x.stage.TracingEnabled {
		return
	}
	s.mu.Lock()
	name := x.a.Name + "/" + x.t.stage
	s.mu.Unlock()
	g := s.env.IDs
	h := xtrace.Decide(x.r.Header.Get(xtrace.HeaderName),
		func() string { return xtrace.NewTraceID(x.start, g.Hex(12)) },
		func() bool {
			return xtrace.Sample(s.env.Bus, arn.Partition(x.region), x.region, x.account, xtrace.SampleRequest{
				ServiceName: name, ServiceType: "AWS::ApiGateway::Stage", Host: x.r.Host, HTTPMethod: x.r.Method,
				URLPath: "/" + x.t.stage + x.t.rest})
		})
	if !h.IsSampled() {
		return
	}
	in, _ := xtrace.Parse(x.r.Header.Get(xtrace.HeaderName))
	x.trace = &stageTrace{root: h.Root, callerParent: in.Parent, segment: g.Hex(8), integration: g.Hex(8), name: name}
	down := xtrace.Header{Root: h.Root, Parent: x.trace.integration, Sampled: "1"}.String()
	x.r.Header.Set(xtrace.HeaderName, down)
	x.r = x.r.WithContext(xtrace.With(x.r.Context(), down))
}

// emitTrace writes the stage's segment once the answer (status) is known,
// flagged as X-Ray flags a status, with the integration's subsegment: an
// AWS call (Lambda, or the service an AWS integration names) or a remote
// one (an HTTP backend, by host). A MOCK integration has none.
func (s *Service) emitTrace(x *exchange, status int, end time.Time) {
	t := x.trace
	if t == nil {
		return
	}
	start, stop := xtrace.Seconds(x.start), xtrace.Seconds(end)
	seg := &xtrace.Segment{Name: t.name, ID: t.segment, TraceID: t.root, ParentID: t.callerParent,
		Origin: "AWS::ApiGateway::Stage", Start: start, End: stop,
		HTTP: &xtrace.HTTP{Request: &xtrace.Request{Method: x.r.Method, URL: "https://" + x.r.Host + "/" + x.t.stage + x.t.rest,
			UserAgent: x.r.UserAgent(), ClientIP: sourceIP(x.r)}, Response: &xtrace.Response{Status: status}},
		AWS: map[string]any{"api_gateway": map[string]string{"account_id": x.account, "rest_api_id": x.t.apiID,
			"stage": x.t.stage, "request_id": x.requestID}}}
	seg.Flag(status)
	if name, ns := integrationNode(x.method.MethodIntegration); name != "" {
		sub := xtrace.Segment{Name: name, ID: t.integration, Namespace: ns, Start: start, End: stop}
		seg.Subsegments = []xtrace.Segment{sub}
	}
	xtrace.Emit(s.env.Traces, end, arn.Partition(x.region), x.region, x.account, seg)
}

// integrationNode is the name and namespace of an integration's
// subsegment: Lambda (aws) for a function, the service of another AWS
// integration's URI (aws), the backend's host (remote) for HTTP.
func integrationNode(i *Integration) (name, namespace string) {
	if i == nil {
		return "", ""
	}
	switch i.Type {
	case "AWS", "AWS_PROXY":
		if _, ok := lambdaTarget(i.URI); ok {
			return "Lambda", "aws"
		}
		if a, err := arn.Parse(i.URI); err == nil {
			return strings.ToUpper(a.Account), "aws" // arn:aws:apigateway:{region}:sqs:path/...
		}
	case "HTTP", "HTTP_PROXY":
		if u, err := url.Parse(i.URI); err == nil && u.Host != "" {
			return u.Host, "remote"
		}
	}
	return "", ""
}
