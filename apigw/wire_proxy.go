package apigw

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
)

// proxyEvent is the version 1.0 event of a Lambda proxy integration, field
// for field as AWS sends it (recorded: test_apigateway_lambda.py::
// test_lambda_aws_proxy_integration).
type proxyEvent struct {
	Resource                        string              `json:"resource"`
	Path                            string              `json:"path"`
	HTTPMethod                      string              `json:"httpMethod"`
	Headers                         map[string]string   `json:"headers"`
	MultiValueHeaders               map[string][]string `json:"multiValueHeaders"`
	QueryStringParameters           map[string]string   `json:"queryStringParameters"`
	MultiValueQueryStringParameters map[string][]string `json:"multiValueQueryStringParameters"`
	PathParameters                  map[string]string   `json:"pathParameters"`
	StageVariables                  map[string]string   `json:"stageVariables"`
	RequestContext                  proxyContext        `json:"requestContext"`
	Body                            *string             `json:"body"`
	IsBase64Encoded                 bool                `json:"isBase64Encoded"`
}

type proxyContext struct {
	ResourceID        string        `json:"resourceId"`
	ResourcePath      string        `json:"resourcePath"`
	HTTPMethod        string        `json:"httpMethod"`
	ExtendedRequestID string        `json:"extendedRequestId"`
	RequestTime       string        `json:"requestTime"`
	Path              string        `json:"path"`
	AccountID         string        `json:"accountId"`
	Protocol          string        `json:"protocol"`
	Stage             string        `json:"stage"`
	DomainPrefix      string        `json:"domainPrefix"`
	RequestTimeEpoch  int64         `json:"requestTimeEpoch"`
	RequestID         string        `json:"requestId"`
	Identity          proxyIdentity `json:"identity"`
	DomainName        string        `json:"domainName"`
	DeploymentID      string        `json:"deploymentId"`
	APIID             string        `json:"apiId"`
	// Authorizer is the authorizer's principalId and context (wire_authorize.go).
	Authorizer map[string]any `json:"authorizer,omitempty"`
}

type proxyIdentity struct {
	CognitoIdentityPoolID         *string `json:"cognitoIdentityPoolId"`
	AccountID                     *string `json:"accountId"`
	CognitoIdentityID             *string `json:"cognitoIdentityId"`
	Caller                        *string `json:"caller"`
	SourceIP                      string  `json:"sourceIp"`
	PrincipalOrgID                *string `json:"principalOrgId"`
	AccessKey                     *string `json:"accessKey"`
	CognitoAuthenticationType     *string `json:"cognitoAuthenticationType"`
	CognitoAuthenticationProvider *string `json:"cognitoAuthenticationProvider"`
	UserArn                       *string `json:"userArn"`
	UserAgent                     string  `json:"userAgent"`
	User                          *string `json:"user"`
}

// event builds the proxy event of x.
func (x *exchange) event() proxyEvent {
	ev := proxyEvent{Resource: x.node.path, Path: x.eventPath(), HTTPMethod: x.r.Method,
		Headers: map[string]string{}, MultiValueHeaders: map[string][]string{}}
	for k, vs := range x.headers() {
		ev.Headers[k] = vs[len(vs)-1]
		ev.MultiValueHeaders[k] = vs
	}
	if q := x.urlQuery(); len(q) > 0 {
		ev.QueryStringParameters, ev.MultiValueQueryStringParameters = map[string]string{}, map[string][]string{}
		for k, vs := range q {
			ev.QueryStringParameters[k] = vs[len(vs)-1]
			ev.MultiValueQueryStringParameters[k] = vs
		}
	}
	if len(x.params) > 0 {
		ev.PathParameters = x.params
	}
	if len(x.stage.Variables) > 0 {
		ev.StageVariables = x.stage.Variables
	}
	if len(x.body) > 0 {
		b := string(x.body)
		if x.binaryRequest() {
			b = base64.StdEncoding.EncodeToString(x.body)
			ev.IsBase64Encoded = true
		}
		ev.Body = &b
	}
	ev.RequestContext = proxyContext{ResourceID: x.node.id, ResourcePath: x.node.path, HTTPMethod: x.r.Method,
		ExtendedRequestID: x.requestID, RequestTime: x.start.UTC().Format(requestTimeLayout),
		Path: "/" + x.t.stage + x.t.rest, AccountID: x.account, Protocol: "HTTP/1.1", Stage: x.t.stage,
		DomainPrefix: x.t.apiID, RequestTimeEpoch: x.start.UnixMilli(), RequestID: x.requestID,
		Identity: proxyIdentity{SourceIP: sourceIP(x.r), UserAgent: x.r.UserAgent()}, DomainName: x.r.Host,
		DeploymentID: x.snap.deploymentID, APIID: x.t.apiID, Authorizer: x.authorizerValues()}
	x.caller.fillIdentity(&ev.RequestContext.Identity)
	return ev
}

// headers are the request's headers as the backend sees them: the
// client's, with Host and the X-Forwarded-* and X-Amzn-Trace-Id headers
// API Gateway adds, and CloudFront's for an EDGE API.
func (x *exchange) headers() map[string][]string {
	out := map[string][]string{}
	for k, vs := range x.r.Header {
		out[k] = slices.Clone(vs)
	}
	for k, vs := range x.edge {
		out[k] = vs
	}
	out["Host"] = []string{x.r.Host}
	if _, ok := out["X-Amzn-Trace-Id"]; !ok {
		out["X-Amzn-Trace-Id"] = []string{"Root=1-" + strconv.FormatInt(x.start.Unix(), 16) + "-" + strings.ReplaceAll(x.requestID, "-", "")[:24]}
	}
	out["X-Forwarded-For"] = []string{sourceIP(x.r)}
	out["X-Forwarded-Port"] = []string{"443"}
	out["X-Forwarded-Proto"] = []string{"https"}
	return out
}

// lambdaProxy invokes the function of an AWS_PROXY integration with the
// proxy event and maps its answer.
func (s *Service) lambdaProxy(x *exchange) response {
	fn, _ := lambdaTarget(x.withStageVariables(x.method.MethodIntegration.URI))
	event, _ := json.Marshal(x.event())
	x.record.IntegrationRequest = event
	source := arn.Build(arn.Partition(x.region), "execute-api", x.region, x.account,
		x.t.apiID+"/"+x.t.stage+"/"+x.r.Method+x.node.path)
	msg := bus.Message{Source: source, Principal: "apigateway.amazonaws.com", Body: event,
		Meta: map[string]string{bus.MetaSourceAccount: x.account}}
	res := s.withTimeout(x.r.Context(), x.method.MethodIntegration.TimeoutInMillis, func(ctx context.Context) response {
		out, err := s.env.Bus.Invoke(ctx, fn, msg)
		var fe *bus.FunctionError
		switch {
		case errors.As(err, &fe):
			return badGateway().noted(fe.Payload, "Lambda execution failed with status 200 due to customer function error")
		case err != nil:
			return internalError().noted(nil, "Execution failed due to configuration error: Invalid permissions on Lambda function: "+err.Error())
		}
		res, ok := x.proxyResponse(out)
		if !ok {
			return badGateway().noted(out, "Execution failed due to configuration error: Malformed Lambda proxy response")
		}
		return res.noted(out, "")
	})
	x.record.IntegrationResponse, x.record.Error = res.integ, res.note
	return res
}

// proxyResponse reads a function's answer by the proxy contract: a JSON
// object of statusCode (a number, or a string of one; 200 when absent),
// headers (scalars), multiValueHeaders (lists), body (a string) and
// isBase64Encoded, and nothing else. ok is false for a malformed answer,
// each case as recorded (test_aws_proxy_response_payload_format_validation).
func (x *exchange) proxyResponse(out []byte) (response, bool) {
	var doc map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil || doc == nil {
		return response{}, false
	}
	for k := range doc {
		switch k {
		case "statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded":
		default:
			return response{}, false
		}
	}
	res := response{status: http.StatusOK, header: http.Header{}}
	if raw, ok := doc["statusCode"]; ok {
		st, ok := proxyStatus(raw)
		if !ok {
			return response{}, false
		}
		res.status = st
	}
	if !proxyHeaders(doc, res.header) {
		return response{}, false
	}
	if len(res.header["Content-Type"]) == 0 && !hasFold(res.header, "content-type") {
		res.header["Content-Type"] = []string{"application/json"}
	}
	var b64 bool
	if raw, ok := doc["isBase64Encoded"]; ok && string(raw) != "null" {
		if json.Unmarshal(raw, &b64) != nil {
			return response{}, false
		}
	}
	if raw, ok := doc["body"]; ok && string(raw) != "null" {
		var body string
		if json.Unmarshal(raw, &body) != nil {
			return response{}, false
		}
		res.body = []byte(body)
		// A base64 body is decoded when the client's first Accept media
		// type is a binary media type of the API; otherwise it goes out as
		// the text it is (developerguide/lambda-proxy-binary-media.html:
		// "API Gateway uses the first Accept header from clients to
		// determine if a response should return binary media").
		if b64 && x.binaryAccept() {
			dec, err := base64.StdEncoding.DecodeString(body)
			if err != nil {
				return response{}, false
			}
			res.body = dec
		}
	}
	return res, true
}

// proxyStatus reads statusCode: a number or a numeric string.
func proxyStatus(raw json.RawMessage) (int, bool) {
	var n json.Number
	var sv string
	if json.Unmarshal(raw, &sv) == nil {
		n = json.Number(sv)
	} else {
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		if d.Decode(&n) != nil {
			return 0, false
		}
	}
	v, err := strconv.Atoi(n.String())
	if err != nil || v < 100 || v > 599 {
		return 0, false
	}
	return v, true
}

// proxyHeaders merges multiValueHeaders then headers, case-insensitively
// (the name as headers spells it), as recorded:
// "test-multi": "value-multi, value-solo".
func proxyHeaders(doc map[string]json.RawMessage, h http.Header) bool {
	if raw, ok := doc["multiValueHeaders"]; ok && string(raw) != "null" {
		var mv map[string][]any
		if json.Unmarshal(raw, &mv) != nil {
			return false
		}
		for k, vs := range mv {
			for _, v := range vs {
				h[k] = append(h[k], scalar(v))
			}
		}
	}
	if raw, ok := doc["headers"]; ok && string(raw) != "null" {
		var sv map[string]any
		if json.Unmarshal(raw, &sv) != nil {
			return false
		}
		for k, v := range sv {
			if _, nested := v.(map[string]any); nested {
				return false
			}
			if _, list := v.([]any); list {
				return false
			}
			prev := takeFold(h, k)
			h[k] = append(prev, scalar(v))
		}
	}
	return true
}

// takeFold removes and returns the values of the header named k in any
// case.
func takeFold(h http.Header, k string) []string {
	for name, vs := range h {
		if strings.EqualFold(name, k) {
			delete(h, name)
			return vs
		}
	}
	return nil
}

func hasFold(h http.Header, k string) bool {
	for name := range h {
		if strings.EqualFold(name, k) {
			return true
		}
	}
	return false
}

// scalar renders a header value: strings as they are, true as "true",
// numbers as written.
func scalar(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		b, _ := json.Marshal(v)
		return string(b)
	}
}
