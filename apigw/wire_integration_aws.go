package apigw

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
)

// backendAnswer is what a non-proxy backend answered, before the
// integration responses map it: the selector the selection patterns are
// matched against (the status for HTTP and AWS services, the errorMessage
// of a Lambda error, "" for a Lambda success), the status, headers and
// body.
type backendAnswer struct {
	selector string
	status   int
	header   http.Header
	body     []byte
}

// awsIntegration serves an AWS (non-proxy) integration: the request
// template's rendering goes to a Lambda function or, through the bus, to
// the action or path of an AWS service of the cloud; the answer goes
// through the integration responses.
func (s *Service) awsIntegration(x *exchange) response {
	m := x.newMapping()
	body, res := x.integrationBody(m)
	if res != nil {
		x.record.Error = res.note
		return *res
	}
	x.record.IntegrationRequest = body
	uri := x.withStageVariables(x.method.MethodIntegration.URI)
	var call func(context.Context) (backendAnswer, *response)
	if fn, ok := lambdaTarget(uri); ok {
		call = func(ctx context.Context) (backendAnswer, *response) { return s.invokeLambda(ctx, x, fn, body) }
	} else {
		call = func(ctx context.Context) (backendAnswer, *response) { return s.serviceAction(ctx, x, uri, body) }
	}
	return s.mapBackend(x, m, call)
}

// mapBackend runs call within the integration's timeout, then maps its
// answer through the integration responses.
func (s *Service) mapBackend(x *exchange, m *mapping, call func(context.Context) (backendAnswer, *response)) response {
	var ans backendAnswer
	res := s.withTimeout(x.r.Context(), x.method.MethodIntegration.TimeoutInMillis, func(ctx context.Context) response {
		a, failed := call(ctx)
		if failed != nil {
			return *failed
		}
		ans = a
		return response{status: -1}
	})
	if res.status != -1 {
		x.record.IntegrationResponse, x.record.Error = res.integ, res.note
		return res
	}
	x.record.IntegrationResponse = ans.body
	out := x.integrationResponse(m, ans)
	if out.status >= 500 && x.record.Error == "" {
		x.record.Error = out.note
	}
	return out
}

// invokeLambda invokes a function with the integration request's body; a
// function error's errorMessage is the selector.
func (s *Service) invokeLambda(ctx context.Context, x *exchange, fn string, body []byte) (backendAnswer, *response) {
	if len(body) == 0 {
		body = []byte("{}")
	}
	source := arn.Build(arn.Partition(x.region), "execute-api", x.region, x.account,
		x.t.apiID+"/"+x.t.stage+"/"+x.r.Method+x.node.path)
	msg := bus.Message{Source: source, Principal: "apigateway.amazonaws.com", Body: body,
		Meta: map[string]string{bus.MetaSourceAccount: x.account}}
	out, err := s.env.Bus.Invoke(ctx, fn, msg)
	var fe *bus.FunctionError
	switch {
	case errors.As(err, &fe):
		var doc struct {
			ErrorMessage string `json:"errorMessage"`
		}
		_ = json.Unmarshal(fe.Payload, &doc)
		return backendAnswer{selector: doc.ErrorMessage, status: http.StatusOK,
			header: http.Header{"Content-Type": {"application/json"}}, body: fe.Payload}, nil
	case err != nil:
		res := internalError().noted(nil, "Execution failed due to configuration error: Invalid permissions on Lambda function: "+err.Error())
		return backendAnswer{}, &res
	}
	return backendAnswer{status: http.StatusOK, header: http.Header{"Content-Type": {"application/json"}}, body: out}, nil
}

// serviceAction calls an AWS service of the cloud through the bus, by the
// URI's action/{Action} or path/{path} form: SQS SendMessage, SNS
// Publish, Step Functions StartExecution. The parameters are the form
// fields of the body (as the classic SQS tutorial sends them) and the
// integration's query string mappings; a JSON body is read for Step
// Functions. An error of the service is its status and error document.
func (s *Service) serviceAction(ctx context.Context, x *exchange, uri string, body []byte) (backendAnswer, *response) {
	a, err := arn.Parse(uri)
	if err != nil || a.Service != "apigateway" {
		res := internalError().noted(nil, "Execution failed due to configuration error: Invalid integration URI: "+uri)
		return backendAnswer{}, &res
	}
	params := x.serviceParams(body)
	action, path := "", ""
	if v, ok := strings.CutPrefix(a.Resource, "action/"); ok {
		action = v
	} else if v, ok := strings.CutPrefix(a.Resource, "path/"); ok {
		path = v
		action = params.Get("Action")
	}
	region := a.Region
	if region == "" {
		region = x.region
	}
	call, ok := serviceCalls[a.Account+":"+action]
	if !ok {
		res := internalError().noted(nil, "awsfake does not model the "+a.Account+" action "+strconv.Quote(action)+" of AWS service integrations")
		return backendAnswer{}, &res
	}
	req := serviceRequest{x: x, region: region, path: path, params: params, body: body}
	target, msg, reply := call(req)
	if target == "" {
		return serviceError("InvalidParameterValue", "The request must name its target", http.StatusBadRequest), nil
	}
	msg.Source = arn.Build(arn.Partition(region), "execute-api", region, x.account, x.t.apiID+"/"+x.t.stage+"/"+x.r.Method+x.node.path)
	msg.Principal = "apigateway.amazonaws.com"
	if msg.Meta == nil {
		msg.Meta = map[string]string{}
	}
	msg.Meta[bus.MetaSourceAccount] = x.account
	out, err := s.env.Bus.Invoke(ctx, target, msg)
	if err != nil {
		var ae *awserr.Error
		if errors.As(err, &ae) {
			return serviceError(ae.LegacyCode(), ae.Message, ae.Status), nil
		}
		return serviceError("InternalFailure", err.Error(), http.StatusInternalServerError), nil
	}
	doc, _ := json.Marshal(reply(string(out), x.requestID))
	return backendAnswer{selector: "200", status: http.StatusOK, header: http.Header{"Content-Type": {"application/json"}}, body: doc}, nil
}

// serviceError is a service's error as the integration sees it: its
// status and {"Error": {"Code", "Message"}}, the code as the query
// protocol writes it (AWS.SimpleQueueService.NonExistentQueue).
func serviceError(code, message string, st int) backendAnswer {
	doc, _ := json.Marshal(map[string]map[string]string{"Error": {"Code": code, "Message": message}})
	if st == 0 {
		st = http.StatusBadRequest
	}
	return backendAnswer{selector: strconv.Itoa(st), status: st, header: http.Header{"Content-Type": {"application/json"}}, body: doc}
}

// serviceParams are an action's parameters: the form fields of the body,
// then the integration.request.querystring mappings.
func (x *exchange) serviceParams(body []byte) url.Values {
	params, err := url.ParseQuery(string(body))
	if err != nil {
		params = url.Values{}
	}
	for k, expr := range x.method.MethodIntegration.RequestParameters {
		name, ok := strings.CutPrefix(k, "integration.request.querystring.")
		if !ok {
			continue
		}
		if v, ok := x.mappedValue(expr, nil); ok {
			params.Set(name, v)
		}
	}
	return params
}

// serviceRequest is one call of an AWS service integration.
type serviceRequest struct {
	x            *exchange
	region, path string
	params       url.Values
	body         []byte
}

// serviceCall turns a request into the bus target and message, and the
// bus's answer into the service's response document.
type serviceCall func(serviceRequest) (target string, m bus.Message, reply func(out, requestID string) any)

var serviceCalls = map[string]serviceCall{
	"sqs:SendMessage":       sqsSend,
	"sns:Publish":           snsPublish,
	"states:StartExecution": sfnStart,
}

// sqsSend is SQS SendMessage: the queue by path ({account}/{queue}) or by
// the QueueUrl parameter, the MessageBody parameter as the body.
func sqsSend(r serviceRequest) (string, bus.Message, func(string, string) any) {
	account, queue, ok := strings.Cut(r.path, "/")
	if !ok {
		if u, err := url.Parse(r.params.Get("QueueUrl")); err == nil {
			account, queue, ok = strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
		}
	}
	if !ok || queue == "" {
		return "", bus.Message{}, nil
	}
	target := arn.Build(arn.Partition(r.region), "sqs", r.region, account, queue)
	m := bus.Message{Body: []byte(r.params.Get("MessageBody")), GroupID: r.params.Get("MessageGroupId"),
		DeduplicationID: r.params.Get("MessageDeduplicationId"), Attributes: messageAttributes(r.params)}
	return target, m, func(out, requestID string) any {
		return map[string]any{"SendMessageResponse": map[string]any{
			"SendMessageResult": map[string]any{"MessageId": out},
			"ResponseMetadata":  map[string]string{"RequestId": requestID}}}
	}
}

// snsPublish is SNS Publish: TopicArn, Message and Subject.
func snsPublish(r serviceRequest) (string, bus.Message, func(string, string) any) {
	m := bus.Message{Body: []byte(r.params.Get("Message"))}
	if sub := r.params.Get("Subject"); sub != "" {
		m.Meta = map[string]string{bus.MetaSubject: sub}
	}
	return r.params.Get("TopicArn"), m, func(out, requestID string) any {
		return map[string]any{"PublishResponse": map[string]any{
			"PublishResult":    map[string]any{"MessageId": out},
			"ResponseMetadata": map[string]string{"RequestId": requestID}}}
	}
}

// sfnStart is Step Functions StartExecution: a JSON body of
// stateMachineArn and input.
func sfnStart(r serviceRequest) (string, bus.Message, func(string, string) any) {
	var in struct {
		StateMachineArn string `json:"stateMachineArn"`
		Input           string `json:"input"`
	}
	_ = json.Unmarshal(r.body, &in)
	start := r.x.start
	return in.StateMachineArn, bus.Message{Body: []byte(in.Input)}, func(out, _ string) any {
		return map[string]any{"executionArn": out, "startDate": float64(start.UnixMilli()) / 1000}
	}
}

// messageAttributes reads the query protocol's message attributes,
// MessageAttribute.N.Name and .Value.DataType/.StringValue (or
// MessageAttributes.N..., both forms as recorded in
// test_sqs_aws_integration_with_message_attribute).
func messageAttributes(p url.Values) map[string]bus.Attribute {
	var out map[string]bus.Attribute
	for _, prefix := range []string{"MessageAttribute.", "MessageAttributes."} {
		for n := 1; ; n++ {
			k := prefix + strconv.Itoa(n) + "."
			name := p.Get(k + "Name")
			if name == "" {
				break
			}
			if out == nil {
				out = map[string]bus.Attribute{}
			}
			out[name] = bus.Attribute{DataType: p.Get(k + "Value.DataType"), StringValue: p.Get(k + "Value.StringValue")}
		}
	}
	return out
}
