package lambda

import (
	"context"
	"encoding/base64"
	"encoding/json"

	"github.com/awsfake/awsfake/internal/xtrace"
)

// InvokeInput is one invocation of a function, version or alias.
type InvokeInput struct {
	FunctionName string
	Qualifier    string
	// InvocationType is RequestResponse (the default), Event or DryRun.
	InvocationType string
	// LogType Tail returns the last 4 KB of the log in LogResult.
	LogType string
	// ClientContext is base64-encoded JSON handed to the handler of a
	// synchronous invocation.
	ClientContext string
	// Payload is the JSON event; empty means {}.
	Payload []byte
}

// InvokeOutput is what Invoke answers.
type InvokeOutput struct {
	// StatusCode is 200 for RequestResponse, 202 for Event, 204 for DryRun.
	StatusCode int32
	// Payload is the response, or the error document when FunctionError is
	// set; the call itself succeeds either way, as in AWS.
	Payload         []byte
	FunctionError   string
	LogResult       string
	ExecutedVersion string
	// RequestID identifies the invocation (and its logs and record).
	RequestID string
}

// Invoke runs a function. RequestResponse waits for the handler, Event puts
// the event in the function's asynchronous queue and returns at once (202),
// DryRun only checks that the function can be invoked (204). Throttling and
// bad input are errors; what the handler returns or raises is in the output.
func (s *Service) Invoke(ctx context.Context, in InvokeInput) (InvokeOutput, error) {
	return s.invokeAs(ctx, in, "")
}

// invokeAs is Invoke with the request id the invocation takes (the HTTP
// request's, on the wire); "" draws one.
func (s *Service) invokeAs(ctx context.Context, in InvokeInput, requestID string) (InvokeOutput, error) {
	sc, err := s.enter(ctx, "Invoke")
	if err != nil {
		return InvokeOutput{}, err
	}
	r, err := s.parseRef(sc, "functionName", in.FunctionName, in.Qualifier)
	if err != nil {
		return InvokeOutput{}, err
	}
	kind := in.InvocationType
	switch kind {
	case "":
		kind = typeRequestResponse
	case typeRequestResponse, typeEvent, typeDryRun:
	default:
		return InvokeOutput{}, errValidation("invocationType", kind, "Member must satisfy enum value set: [Event, RequestResponse, DryRun]")
	}
	if in.LogType != "" && in.LogType != "None" && in.LogType != "Tail" {
		return InvokeOutput{}, errValidation("logType", in.LogType, "Member must satisfy enum value set: [None, Tail]")
	}
	payload, err := checkPayload(in.Payload, kind)
	if err != nil {
		return InvokeOutput{}, err
	}
	cc, err := parseClientContext(in.ClientContext)
	if err != nil {
		return InvokeOutput{}, err
	}
	switch kind {
	case typeDryRun:
		s.mu.Lock()
		_, _, err := s.resolveLocked(r)
		s.mu.Unlock()
		if err != nil {
			return InvokeOutput{}, err
		}
		return InvokeOutput{StatusCode: 204, RequestID: requestID}, nil
	case typeEvent:
		id, err := s.invokeEvent(r, payload, requestID, xtrace.From(ctx))
		return InvokeOutput{StatusCode: 202, RequestID: id}, err
	}
	o, err := s.invoke(ctx, invokeRequest{ref: r, payload: payload, clientContext: cc, kind: typeRequestResponse,
		requestID: requestID, attempt: 1, trace: xtrace.From(ctx)})
	if err != nil {
		return InvokeOutput{}, err
	}
	out := InvokeOutput{StatusCode: 200, Payload: o.payload, FunctionError: o.functionError,
		ExecutedVersion: o.executedVersion, RequestID: o.requestID}
	if in.LogType == "Tail" {
		out.LogResult = logTail(o.lines)
	}
	return out, nil
}

// invokeEvent queues an asynchronous invocation after checking that its
// target exists, and returns its request id.
func (s *Service) invokeEvent(r ref, payload []byte, requestID, trace string) (string, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return "", errClosed()
	}
	f, _, err := s.resolveLocked(r)
	if err != nil {
		s.mu.Unlock()
		return "", err
	}
	if requestID == "" {
		requestID = f.ids.UUID()
	}
	ev := &asyncEvent{ref: r, payload: payload, id: requestID, received: s.now(), trace: trace}
	s.mu.Unlock()
	s.metricAsync(r, "AsyncEventsReceived", ev.received)
	s.attempt(ev, s.now())
	return requestID, nil
}

// checkPayload applies AWS's rules to an invocation payload: within the
// quota of its invocation type, and JSON. An empty payload is {}.
func checkPayload(p []byte, kind string) ([]byte, error) {
	switch {
	case kind == typeEvent && len(p) > maxEventPayload:
		return nil, errEventTooLarge(len(p), maxEventPayload)
	case len(p) > maxSyncPayload:
		return nil, errRequestTooLarge("Invoke")
	case len(p) == 0:
		return []byte("{}"), nil
	}
	var v any
	if err := json.Unmarshal(p, &v); err != nil {
		return nil, errRequestContent("Could not parse request body into json: Could not parse payload into json: %v", err)
	}
	return p, nil
}

// parseClientContext decodes X-Amz-Client-Context: base64 of a JSON object,
// at most 3,583 bytes.
func parseClientContext(b64 string) (*ClientContext, error) {
	if b64 == "" {
		return nil, nil
	}
	if len(b64) > maxClientContext {
		return nil, errValidation("clientContext", b64, "Member must have length less than or equal to 3583")
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	var cc ClientContext
	if err != nil || json.Unmarshal(raw, &cc) != nil {
		return nil, errRequestContent("Client context must be a valid Base64-encoded JSON object.")
	}
	return &cc, nil
}

// InvokeAsyncInput is an invocation through the deprecated InvokeAsync
// operation.
type InvokeAsyncInput struct {
	FunctionName string
	InvokeArgs   []byte
}

// InvokeAsyncOutput carries the status AWS answers InvokeAsync with: 202.
type InvokeAsyncOutput struct {
	Status int32
}

// InvokeAsync queues an asynchronous invocation, as Invoke with the Event
// type does, within the older quota of 256 KB.
func (s *Service) InvokeAsync(ctx context.Context, in InvokeAsyncInput) (InvokeAsyncOutput, error) {
	sc, err := s.enter(ctx, "InvokeAsync")
	if err != nil {
		return InvokeAsyncOutput{}, err
	}
	r, err := s.parseRef(sc, "functionName", in.FunctionName, "")
	if err != nil {
		return InvokeAsyncOutput{}, err
	}
	if len(in.InvokeArgs) > maxInvokeAsyncPayload {
		return InvokeAsyncOutput{}, errEventTooLarge(len(in.InvokeArgs), maxInvokeAsyncPayload)
	}
	payload, err := checkPayload(in.InvokeArgs, typeEvent)
	if err != nil {
		return InvokeAsyncOutput{}, err
	}
	if _, err := s.invokeEvent(r, payload, "", xtrace.From(ctx)); err != nil {
		return InvokeAsyncOutput{}, err
	}
	return InvokeAsyncOutput{Status: 202}, nil
}
