package lambda

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
)

// deliver is the service's bus endpoint for function ARNs, qualified or not,
// of any account and region: the ARN names the function's partition.
// An asynchronous delivery (m.Async: SNS, S3, a destination) is an Event
// invocation with the message body as its event, answered as soon as it is
// queued; a synchronous Invoke runs the function and
// returns its response, or a *bus.FunctionError when it failed. Deliveries
// from the services that need a resource-based policy (SNS, S3, ...) are
// refused unless AddPermission granted them.
func (s *Service) deliver(ctx context.Context, target string, m bus.Message) ([]byte, error) {
	a, err := arn.Parse(target)
	if err != nil {
		return nil, err
	}
	rest, ok := strings.CutPrefix(a.Resource, "function:")
	if !ok {
		return nil, errFunctionNotFound(target)
	}
	name, qualifier, _ := strings.Cut(rest, ":")
	// The function is the one of the ARN's account and region, whoever sends.
	r := ref{at: place{a.Partition, a.Account, a.Region}, name: name, qualifier: qualifier}
	if err := s.authorize(r, m); err != nil {
		return nil, err
	}
	kind := typeRequestResponse
	if m.Async {
		kind = typeEvent
	}
	payload, err := checkPayload(m.Body, kind)
	if err != nil {
		return nil, err
	}
	if m.Async {
		_, err = s.invokeEvent(r, payload, "", callerTrace(ctx, m))
		return nil, err
	}
	o, err := s.invoke(ctx, invokeRequest{ref: r, payload: payload, kind: typeRequestResponse, attempt: 1,
		trace: callerTrace(ctx, m)})
	if err != nil {
		return nil, err
	}
	if o.functionError != "" {
		return nil, &bus.FunctionError{Type: o.functionError, Payload: o.payload}
	}
	return o.payload, nil
}

// authorize checks a delivery against the function's resource-based policy
// when its principal is one AWS checks, with the sender's ARN and account as
// the SourceArn and SourceAccount conditions see them.
func (s *Service) authorize(r ref, m bus.Message) error {
	if !policyPrincipals[m.Principal] {
		return nil
	}
	account := m.Meta[bus.MetaSourceAccount]
	if account == "" {
		if a, err := arn.Parse(m.Source); err == nil {
			account = a.Account
		}
		if account == "" {
			account = r.at.account // S3 bucket ARNs carry no account
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.lookupLocked(r)
	if err != nil {
		return err
	}
	if !s.allowedLocked(f, r, m.Principal, m.Source, account) {
		return errAccessDenied(
			"%s is not authorized to perform: lambda:InvokeFunction on resource: %s because no resource-based policy allows it",
			m.Principal, r.arn())
	}
	return nil
}
