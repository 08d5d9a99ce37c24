package lambda

import (
	"encoding/json"

	"github.com/awsfake/awsfake/internal/bus"
)

// Conditions of an invocation record (requestContext.condition).
const (
	conditionSuccess          = "Success"
	conditionRetriesExhausted = "RetriesExhausted"
	conditionEventAgeExceeded = "EventAgeExceeded"
)

// principal is the service principal Lambda sends destinations as.
const principal = "lambda.amazonaws.com"

// invocationRecord is what Lambda sends a destination ("Invocation
// record"): the request and its context, and the last response.
type invocationRecord struct {
	Version         string           `json:"version"`
	Timestamp       string           `json:"timestamp"`
	RequestContext  recordRequest    `json:"requestContext"`
	RequestPayload  json.RawMessage  `json:"requestPayload"`
	ResponseContext *recordResponse  `json:"responseContext,omitempty"`
	ResponsePayload *json.RawMessage `json:"responsePayload,omitempty"`
}

type recordRequest struct {
	RequestID              string `json:"requestId"`
	FunctionArn            string `json:"functionArn"`
	Condition              string `json:"condition"`
	ApproximateInvokeCount int    `json:"approximateInvokeCount"`
}

type recordResponse struct {
	StatusCode      int    `json:"statusCode"`
	ExecutedVersion string `json:"executedVersion"`
	FunctionError   string `json:"functionError,omitempty"`
}

// conclude ends an asynchronous event: its record goes to the OnSuccess or
// OnFailure destination, and a failed event to the function's dead-letter
// queue too, all through the bus.
func (s *Service) conclude(ev *asyncEvent, cfg eventConfig, condition string) {
	target := cfg.onFailure
	if condition == conditionSuccess {
		target = cfg.onSuccess
	}
	if condition != conditionSuccess {
		s.metricAsync(ev.ref, "AsyncEventsDropped", s.now())
	}
	if target != "" {
		s.env.Bus.Post(target, bus.Message{Source: cfg.functionArn, Principal: principal,
			Body: s.record(ev, cfg, condition), Done: s.countFailure(ev.ref, "DestinationDeliveryFailures")})
	}
	if condition != conditionSuccess && cfg.deadLetter != "" {
		m := s.deadLetter(ev, cfg)
		m.Done = s.countFailure(ev.ref, "DeadLetterErrors")
		s.env.Bus.Post(cfg.deadLetter, m)
	}
}

// record builds the invocation record of ev.
func (s *Service) record(ev *asyncEvent, cfg eventConfig, condition string) []byte {
	rec := invocationRecord{
		Version:   "1.0",
		Timestamp: s.now().UTC().Format(logTimeLayout),
		RequestContext: recordRequest{RequestID: ev.id, FunctionArn: cfg.functionArn, Condition: condition,
			ApproximateInvokeCount: ev.attempts},
		RequestPayload: asJSON(ev.payload),
	}
	if ev.attempts > 0 {
		rec.ResponseContext = &recordResponse{StatusCode: 200, ExecutedVersion: ev.last.executedVersion,
			FunctionError: ev.last.functionError}
		p := asJSON(ev.last.payload)
		rec.ResponsePayload = &p
	}
	return mustJSON(rec)
}

// deadLetter is the message a dead-letter queue or topic receives: the
// event itself, with the RequestID, ErrorCode and ErrorMessage attributes
// ("Adding a dead-letter queue").
func (s *Service) deadLetter(ev *asyncEvent, cfg eventConfig) bus.Message {
	msg := string(jsonField(ev.last.payload, "errorMessage"))
	if ev.attempts == 0 {
		msg = "Event age exceeded before the function could run"
	}
	if len(msg) > 1024 {
		msg = msg[:1024]
	}
	return bus.Message{Source: cfg.functionArn, Principal: principal, Body: ev.payload,
		Attributes: map[string]bus.Attribute{
			"RequestID":    {DataType: "String", StringValue: ev.id},
			"ErrorCode":    {DataType: "Number", StringValue: "200"},
			"ErrorMessage": {DataType: "String", StringValue: msg},
		}}
}

// asJSON embeds b in a record: as it is when it is JSON, as a JSON string
// otherwise.
func asJSON(b []byte) json.RawMessage {
	if json.Valid(b) {
		return b
	}
	return mustJSON(string(b))
}
