package eventbridge

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
)

// principal is EventBridge's service principal, which a Lambda function's
// resource policy must allow (lambda:InvokeFunction for
// events.amazonaws.com) and SQS and SNS policies name.
const principal = "events.amazonaws.com"

// A delivery to a target goes through this service's own bus endpoint (the
// relay), which learns the outcome and retries or dead-letters it on the
// cloud scheduler. The relay message carries everything in its Meta, so
// nothing is kept between attempts.
const (
	metaTarget   = "awsfake.events.target"
	metaAttempt  = "awsfake.events.attempt"
	metaFirst    = "awsfake.events.first" // Unix nanoseconds of the first attempt
	metaAttempts = "awsfake.events.max-attempts"
	metaMaxAge   = "awsfake.events.max-age" // seconds
	metaDLQ      = "awsfake.events.dlq"
	metaRule     = "awsfake.events.rule"
)

// The defaults of a RetryPolicy ("Retrying events": 185 attempts over 24
// hours).
const (
	defaultRetryAttempts = 185
	defaultEventAge      = 86400
)

// delivery is one event for one target.
type delivery struct {
	relay   string // the ARN the relay message is posted to (the rule's, or the schedule's bus)
	source  string // the rule or schedule ARN, the message's Source
	account string
	target  Target
	body    []byte
	dedup   string
	trace   string // the event's trace header, passed to the target (trace.go)
}

// route adds, for each rule of b the event matches, a delivery per
// target. It runs under the lock.
func (s *Service) route(b *eventBus, ev event, plan []delivery) []delivery {
	for _, a := range b.archives {
		a.record(ev)
	}
	for _, r := range b.matching(ev.source, ev.obj) {
		plan = s.ruleDeliveries(r, ev, plan)
	}
	return plan
}

func (s *Service) ruleDeliveries(r *rule, ev event, plan []delivery) []delivery {
	ec := eventContext{ruleArn: r.arn, ruleName: r.name, event: ev.raw, obj: ev.obj}
	for i := range r.targets {
		t := r.targets[i]
		plan = append(plan, delivery{relay: r.arn, source: r.arn, account: r.bus.sc.Account, target: t, body: payload(&t, ec), dedup: ev.id,
			trace: ev.trace})
	}
	return plan
}

// dispatch posts each delivery to the relay. It runs without the lock.
func (s *Service) dispatch(plan []delivery) {
	now := s.now()
	for _, d := range plan {
		attempts, age := int32(defaultRetryAttempts), int32(defaultEventAge)
		if p := d.target.RetryPolicy; p != nil {
			if p.MaximumRetryAttempts != nil {
				attempts = *p.MaximumRetryAttempts
			}
			if p.MaximumEventAgeInSeconds != nil {
				age = *p.MaximumEventAgeInSeconds
			}
		}
		m := bus.Message{Source: d.source, Principal: principal, Body: d.body, Meta: map[string]string{
			metaTarget: d.target.Arn, metaAttempt: "0", metaFirst: strconv.FormatInt(now.UnixNano(), 10),
			metaAttempts: strconv.Itoa(int(attempts)), metaMaxAge: strconv.Itoa(int(age)), metaRule: d.source,
			metaEventID: d.dedup, bus.MetaSourceAccount: d.account}}
		if p := d.target.SqsParameters; p != nil && p.MessageGroupId != "" {
			m.GroupID, m.DeduplicationID = p.MessageGroupId, d.dedup
		}
		if d.target.DeadLetterConfig != nil {
			m.Meta[metaDLQ] = d.target.DeadLetterConfig.Arn
		}
		if d.trace != "" {
			m.Meta[bus.MetaTraceHeader] = d.trace
		}
		s.env.Bus.Post(d.relay, m)
	}
}

// deliver is the bus endpoint for events ARNs: a relay message (see
// metaTarget) is a delivery to make; anything else posted to an event bus
// ARN is an event put on that bus (a bus as another rule's target, in any
// account and region), matched against its rules with its envelope kept.
func (s *Service) deliver(ctx context.Context, target string, m bus.Message) ([]byte, error) {
	if to := m.Meta[metaTarget]; to != "" {
		return nil, s.relay(ctx, target, to, m)
	}
	a, ok := parseARN(target)
	name, isBus := strings.CutPrefix(a.Resource, "event-bus/")
	if !ok || !isBus {
		return nil, newError(codeResourceNotFound, "Resource %s does not exist.", target)
	}
	ev := decodeEvent(m.Body)
	if ev.obj == nil {
		return nil, errValidation("Event is malformed.")
	}
	s.mu.Lock()
	b, err := s.busNamed(scopeOfARN(a), name)
	var plan []delivery
	if err == nil {
		plan = s.route(b, ev, nil)
	}
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	s.dispatch(plan)
	return []byte(ev.id), nil
}

// relay makes one attempt of a delivery. A target that fails for a
// reason that may pass (throttling, a service error) is tried again on the
// cloud scheduler, after 2^attempt seconds capped at five minutes (AWS
// backs off exponentially with jitter and documents no schedule), while
// attempts and the event's age allow; one that fails for good (the
// resource does not exist, access is denied) or runs out of retries goes
// to the dead-letter queue when there is one, with AWS's attributes
// (RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE), else is recorded
// among the bus's failures. A Lambda function that ran and failed was
// delivered: its own retries and destinations apply.
func (s *Service) relay(ctx context.Context, relayARN, to string, m bus.Message) error {
	return s.relayAttempt(ctx, relayARN, to, m)
}

// relayAttempt is one attempt of relay; a final failure without a
// dead-letter queue is reported among the bus's failures.
func (s *Service) relayAttempt(ctx context.Context, relayARN, to string, m bus.Message) error {
	out := bus.Message{Source: m.Source, Principal: m.Principal, Body: m.Body, GroupID: m.GroupID,
		DeduplicationID: m.DeduplicationID, Async: true, Meta: map[string]string{bus.MetaSourceAccount: m.Meta[bus.MetaSourceAccount]}}
	if h := m.Meta[bus.MetaTraceHeader]; h != "" {
		out.Meta[bus.MetaTraceHeader] = h
	}
	dest, err := s.shapeFor(to, &m, &out)
	if err == nil {
		_, err = s.env.Bus.Invoke(ctx, dest, out)
	}
	var fe *bus.FunctionError
	if err == nil || errors.As(err, &fe) {
		return nil
	}
	attempt, _ := strconv.Atoi(m.Meta[metaAttempt])
	maxAttempts, _ := strconv.Atoi(m.Meta[metaAttempts])
	first, _ := strconv.ParseInt(m.Meta[metaFirst], 10, 64)
	maxAge, _ := strconv.Atoi(m.Meta[metaMaxAge])
	now := s.now()
	at := now.Add(retryDelay(attempt + 1))
	if retryable(err) && attempt < maxAttempts && at.Sub(time.Unix(0, first)) <= time.Duration(maxAge)*time.Second {
		next := m
		next.Meta = make(map[string]string, len(m.Meta))
		for k, v := range m.Meta {
			next.Meta[k] = v
		}
		next.Meta[metaAttempt] = strconv.Itoa(attempt + 1)
		// The retry runs in the scheduler's callback, at its instant on the
		// cloud's timeline, so that one Advance sees every retry it covers.
		s.env.Sched.At(at, func(time.Time) {
			if err := s.relayAttempt(s.env.Bus.Context(), relayARN, to, next); err != nil {
				s.env.Bus.Report(to, next, err)
			}
		})
		return nil
	}
	dlq := m.Meta[metaDLQ]
	if dlq == "" {
		return err
	}
	code, msg := "", err.Error()
	var ae *awserr.Error
	if errors.As(err, &ae) {
		code, msg = ae.Code, ae.Message
	}
	attrs := map[string]bus.Attribute{
		"RULE_ARN":      {DataType: "String", StringValue: m.Meta[metaRule]},
		"TARGET_ARN":    {DataType: "String", StringValue: to},
		"ERROR_MESSAGE": {DataType: "String", StringValue: msg},
	}
	if code != "" {
		attrs["ERROR_CODE"] = bus.Attribute{DataType: "String", StringValue: code}
	}
	s.env.Bus.Post(dlq, bus.Message{Source: m.Source, Principal: principal, Body: m.Body, Attributes: attrs,
		Meta: map[string]string{bus.MetaSourceAccount: m.Meta[bus.MetaSourceAccount]}})
	return nil
}

// retryDelay is the wait before retry n: 2^n seconds, at most five
// minutes.
func retryDelay(n int) time.Duration {
	if n >= 9 {
		return 5 * time.Minute
	}
	return min(time.Duration(1<<n)*time.Second, 5*time.Minute)
}

// retryable reports whether a failed delivery may be tried again: not
// when the target does not exist or refuses access ("Event retry policy
// and using dead-letter queues": such errors are not retried).
func retryable(err error) bool {
	if errors.Is(err, bus.ErrNoEndpoint) {
		return false
	}
	var ae *awserr.Error
	if !errors.As(err, &ae) {
		return true
	}
	c := ae.Code
	return !(strings.Contains(c, "NotFound") || strings.Contains(c, "DoesNotExist") || strings.Contains(c, "NonExistent") ||
		strings.Contains(c, "AccessDenied") || strings.Contains(c, "Authorization") || c == "InvalidParameterValueException" ||
		c == "InvalidParameterValue" || c == "InvalidMessageContents" || c == "MissingParameter" || c == codeValidation)
}
