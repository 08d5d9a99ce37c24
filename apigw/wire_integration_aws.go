package apigw

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
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
	} else if t, ok := s3Path(uri); ok {
		call = func(ctx context.Context) (backendAnswer, *response) { return s.objectCall(ctx, x, m, t, body) }
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
	ans, res := s.viaBus(ctx, serviceRequest{x: x}, "lambda:InvokeFunction", fn, bus.Message{Body: body})
	if res != nil {
		return backendAnswer{}, res
	}
	out, err := ans.body, ans.err
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

// serviceAction calls an AWS service of the cloud by the URI's
// action/{Action} or path/{path} form: SQS SendMessage, SNS Publish and
// Step Functions StartExecution through the bus, StartSyncExecution
// through SetSyncExecutions, EventBridge PutEvents to the bus's event
// bus (wire_integration_states.go). The parameters are the form fields of
// the body (as the classic SQS tutorial sends them) and the integration's
// query string mappings; a JSON body is read for Step Functions and
// EventBridge. An error of the service is its status and error document.
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
	req := serviceRequest{x: x, region: region, path: path, params: params, body: body,
		json: x.acceptsJSON(), xmlns: queryNamespaces[a.Account]}
	name := a.Account + ":" + action
	switch name {
	case "states:StartSyncExecution":
		return s.startSync(ctx, req)
	case "events:PutEvents":
		return s.putEvents(ctx, req)
	}
	call, ok := serviceCalls[name]
	if !ok {
		res := internalError().noted(nil, "awsfake does not model the "+a.Account+" action "+strconv.Quote(action)+" of AWS service integrations")
		return backendAnswer{}, &res
	}
	target, msg, reply := call(req)
	if target == "" {
		res := internalError().noted(nil, "Execution failed due to configuration error: the "+name+" request names no target")
		return backendAnswer{}, &res
	}
	out, res := s.viaBus(ctx, req, name, target, msg)
	if res != nil {
		return backendAnswer{}, res
	}
	if out.err != nil {
		return req.failed(out.err), nil
	}
	return reply(string(out.body)), nil
}

// busAnswer is what a bus call answered: the target's body, or its
// error.
type busAnswer struct {
	body []byte
	err  error
}

// viaBus sends msg to target as the integration's role (asRole) or, with
// none, as API Gateway's service principal; action is the IAM action the
// call asks. A role that cannot be assumed is AWS's 500; the service's
// refusal of the role's session is its answer.
func (s *Service) viaBus(ctx context.Context, req serviceRequest, action, target string, msg bus.Message) (busAnswer, *response) {
	x := req.x
	msg.Source = x.sourceARN()
	msg.Principal = "apigateway.amazonaws.com"
	switch err := s.asRole(ctx, x, action, target); {
	case err == nil:
		msg.Principal = "" // the role's session calls, not the service principal
	case errors.Is(err, errRoleless):
	case isRoleRefusal(err):
		return busAnswer{}, assumeFailed(err)
	default:
		return busAnswer{err: err}, nil
	}
	if msg.Meta == nil {
		msg.Meta = map[string]string{}
	}
	msg.Meta[bus.MetaSourceAccount] = x.account
	out, err := s.env.Bus.Invoke(ctx, target, msg)
	return busAnswer{body: out, err: err}, nil
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

// serviceRequest is one call of an AWS service integration. json is
// whether the integration asks for JSON (an Accept: application/json
// header mapping): without it the query services answer XML.
type serviceRequest struct {
	x            *exchange
	region, path string
	params       url.Values
	body         []byte
	json         bool
	// xmlns is the query protocol's namespace of SQS and SNS, "" for the
	// JSON services.
	xmlns string
}

// serviceCall turns a request into the bus target and message, and the
// bus's answer into the service's response.
type serviceCall func(serviceRequest) (target string, m bus.Message, reply func(out string) backendAnswer)

var serviceCalls = map[string]serviceCall{
	"sqs:SendMessage":       sqsSend,
	"sns:Publish":           snsPublish,
	"states:StartExecution": sfnStart,
}

// sqsSend is SQS SendMessage: the queue by path ({account}/{queue}) or by
// the QueueUrl parameter, the MessageBody parameter as the body.
func sqsSend(r serviceRequest) (string, bus.Message, func(string) backendAnswer) {
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
	body := r.params.Get("MessageBody")
	m := bus.Message{Body: []byte(body), GroupID: r.params.Get("MessageGroupId"),
		DeduplicationID: r.params.Get("MessageDeduplicationId"), Attributes: messageAttributes(r.params)}
	sum := md5.Sum([]byte(body))
	return target, m, func(out string) backendAnswer {
		return r.queryAnswer("SendMessage", sqsXMLNS, "MessageId", out, "MD5OfMessageBody", hex.EncodeToString(sum[:]))
	}
}

// snsPublish is SNS Publish: TopicArn, Message and Subject.
func snsPublish(r serviceRequest) (string, bus.Message, func(string) backendAnswer) {
	m := bus.Message{Body: []byte(r.params.Get("Message"))}
	if sub := r.params.Get("Subject"); sub != "" {
		m.Meta = map[string]string{bus.MetaSubject: sub}
	}
	return r.params.Get("TopicArn"), m, func(out string) backendAnswer {
		return r.queryAnswer("Publish", snsXMLNS, "MessageId", out)
	}
}

// sfnStart is Step Functions StartExecution: a JSON body of
// stateMachineArn and input.
func sfnStart(r serviceRequest) (string, bus.Message, func(string) backendAnswer) {
	var in struct {
		StateMachineArn string `json:"stateMachineArn"`
		Input           string `json:"input"`
	}
	_ = json.Unmarshal(r.body, &in)
	start := r.x.start
	return in.StateMachineArn, bus.Message{Body: []byte(in.Input)}, func(out string) backendAnswer {
		return jsonAnswer(map[string]any{"executionArn": out, "startDate": float64(start.UnixMilli()) / 1000})
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
