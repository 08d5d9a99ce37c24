package apigw

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
)

// hHTTPProxy calls the URL of an HTTP_PROXY integration: {name} of the
// URI filled from the path parameters, the request's query, headers and
// body, the integration's method (the request's for ANY), with its
// parameter mappings applied (httpapi_mapping.go); the answer goes back
// as it is.
func (s *Service) hHTTPProxy(x *hExchange, integ hIntegration) response {
	target := integ.IntegrationURI
	for k, v := range x.params {
		target = strings.ReplaceAll(target, "{"+k+"}", v)
	}
	u, err := url.Parse(target)
	if err != nil || u.Host == "" {
		return hInternal().noted(nil, "Invalid endpoint address")
	}
	q := x.r.URL.Query()
	h := x.r.Header.Clone()
	for k := range hopHeaders {
		h.Del(k)
	}
	x.apply(integ.RequestParameters, h, q, u)
	if len(q) > 0 {
		u.RawQuery = q.Encode()
	}
	method := integ.IntegrationMethod
	if method == "ANY" || method == "" {
		method = x.r.Method
	}
	req, err := http.NewRequest(method, u.String(), bytes.NewReader(x.body))
	if err != nil {
		return hInternal()
	}
	req.Header = h
	s.mu.Lock()
	client := s.client
	s.mu.Unlock()
	return s.hWithTimeout(x.r.Context(), integ.TimeoutInMillis, func(ctx context.Context) response {
		resp, err := client.Do(req.WithContext(ctx))
		if err != nil {
			return hInternal().noted(nil, err.Error())
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxPayload+1))
		if err != nil || len(body) > maxPayload {
			return hInternal()
		}
		out := response{status: resp.StatusCode, header: http.Header{}, body: body}
		for k, vs := range resp.Header {
			if !hopHeaders[k] {
				out.header[k] = vs
			}
		}
		return out
	})
}

// hServiceIntegration runs an AWS service integration of an HTTP API
// (SQS-SendMessage, StepFunctions-StartExecution, EventBridge-PutEvents)
// through the bus, its members from the integration's request parameters.
func (s *Service) hServiceIntegration(x *hExchange, integ hIntegration) response {
	p := map[string]string{}
	for k, v := range integ.RequestParameters {
		p[k] = x.mapValue(v)
	}
	region := x.region
	if r := p["Region"]; r != "" {
		region = r
	}
	var target string
	var msg bus.Message
	var reply func(out string) any
	switch integ.IntegrationSubtype {
	case "SQS-SendMessage":
		u, err := url.Parse(p["QueueUrl"])
		account, queue, ok := "", "", false
		if err == nil {
			account, queue, ok = strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
		}
		if !ok || queue == "" {
			return hError(http.StatusBadRequest, "Invalid QueueUrl")
		}
		target = arn.Build(arn.Partition(region), "sqs", region, account, queue)
		msg = bus.Message{Body: []byte(p["MessageBody"]), GroupID: p["MessageGroupId"], DeduplicationID: p["MessageDeduplicationId"]}
		reply = func(out string) any {
			return map[string]any{"SendMessageResponse": map[string]any{"SendMessageResult": map[string]any{"MessageId": out},
				"ResponseMetadata": map[string]string{"RequestId": x.requestID}}}
		}
	case "StepFunctions-StartExecution":
		target, msg = p["StateMachineArn"], bus.Message{Body: []byte(p["Input"])}
		reply = func(out string) any {
			return map[string]any{"executionArn": out, "startDate": float64(x.start.UnixMilli()) / 1000}
		}
	case "EventBridge-PutEvents":
		target, msg = x.eventBridgeTarget(p, region)
		reply = func(out string) any {
			return map[string]any{"Entries": []map[string]string{{"EventId": out}}, "FailedEntryCount": 0}
		}
	default:
		return hInternal().noted(nil, "awsfake does not model the integration subtype "+integ.IntegrationSubtype)
	}
	if target == "" {
		return hError(http.StatusBadRequest, "Missing target")
	}
	msg.Source, msg.Principal = x.sourceARN(), "apigateway.amazonaws.com"
	msg.Meta = map[string]string{bus.MetaSourceAccount: x.account}
	return s.hWithTimeout(x.r.Context(), integ.TimeoutInMillis, func(ctx context.Context) response {
		out, err := s.env.Bus.Invoke(ctx, target, msg)
		if err != nil {
			st := http.StatusInternalServerError
			var ae *awserr.Error
			if errors.As(err, &ae) {
				st = ae.Status
			}
			b, _ := json.Marshal(map[string]string{"message": err.Error()})
			return response{status: st, header: http.Header{"Content-Type": {"application/json"}}, body: b}
		}
		b, _ := json.Marshal(reply(string(out)))
		return response{status: http.StatusOK, header: http.Header{"Content-Type": {"application/json"}}, body: b}
	})
}

// eventBridgeTarget builds PutEvents' envelope for the bus of
// EventBusName (default when absent).
func (x *hExchange) eventBridgeTarget(p map[string]string, region string) (string, bus.Message) {
	return eventEntry(x.account, region, x.requestID, x.start, p, nil)
}
