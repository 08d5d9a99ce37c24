package sns

import (
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
)

// principal is SNS's service principal, set on everything it sends over the
// bus.
const principal = "sns.amazonaws.com"

// target is a confirmed subscription as a fan-out sees it: a snapshot taken
// under the lock.
type target struct {
	arn, topicArn      string
	protocol, endpoint string
	cfg                *subConfig
	sent               *sentLog
	// topic is the subscription's topic, for its owner and partition, which
	// never change.
	topic *topic
	// policy and contentType are the effective HTTP/S delivery policy.
	policy      retryPolicy
	contentType string
}

func (s *Service) targetLocked(t *topic, sub *subscription) target {
	p, ct := effectiveRetryPolicy(t.delivery, sub.cfg.delivery)
	return target{arn: sub.arn, topicArn: sub.topicArn, protocol: sub.protocol, endpoint: sub.endpoint,
		cfg: sub.cfg, sent: sub.sent, topic: t, policy: p, contentType: ct}
}

// targetsLocked snapshots a topic's confirmed subscriptions.
func (s *Service) targetsLocked(t *topic) []target {
	out := make([]target, 0, len(t.subs))
	for _, subArn := range t.subs {
		if sub := s.subs[subArn]; !sub.pending {
			out = append(out, s.targetLocked(t, sub))
		}
	}
	return out
}

// fanOut delivers m to every target whose filter policy accepts it.
func (s *Service) fanOut(m *message, targets []target) {
	signed := map[string]envelope{} // by message text: one signature each
	for _, tg := range targets {
		if f := tg.cfg.filter; f != nil {
			if tg.cfg.bodyScope && !f.matchBody(m.textFor(tg.protocol)) ||
				!tg.cfg.bodyScope && !f.matchAttributes(m.attrs) {
				s.metricFilteredOut(m.topicArn, !tg.cfg.bodyScope && len(m.attrs) == 0)
				continue
			}
		}
		s.sendTo(m, tg, signed)
	}
}

// notification returns m's envelope for text, signed unless the topic is
// FIFO, from the cache when another subscriber already needed it. The
// UnsubscribeURL, which the signature does not cover, is left to the caller.
func (s *Service) notification(m *message, text string, cache map[string]envelope) envelope {
	if e, ok := cache[text]; ok {
		return e
	}
	e := envelope{Type: "Notification", MessageID: m.id, TopicArn: m.topicArn, Subject: m.subject, Message: text,
		Timestamp: m.at.UTC().Format(timestampLayout), MessageAttributes: m.attrs}
	if m.fifo {
		e.SequenceNumber = m.seq
	} else {
		e.SignatureVersion = m.sigVersion
		e.Signature = s.signer.sign(m.sigVersion, e.stringToSign())
		e.SigningCertURL = s.signer.certURL()
	}
	cache[text] = e
	return e
}

func (s *Service) unsubscribeURL(subArn string) string {
	return s.env.URL + "/?Action=Unsubscribe&SubscriptionArn=" + subArn
}

// sendTo sends m to one subscription.
func (s *Service) sendTo(m *message, tg target, cache map[string]envelope) {
	text := m.textFor(protocolKey(tg))
	d := &Delivery{SubscriptionArn: tg.arn, Protocol: tg.protocol, Endpoint: tg.endpoint, Type: "Notification",
		MessageID: m.id, At: m.at, Attempts: 1}
	envelopeFor := func() envelope {
		e := s.notification(m, text, cache)
		e.UnsubscribeURL = s.unsubscribeURL(tg.arn)
		return e
	}
	switch {
	case tg.cfg.raw:
		d.Body = text
		if tg.protocol == "sqs" {
			d.Attributes = m.attrs
		}
	case tg.protocol == "lambda":
		e := envelopeFor()
		d.Body = lambdaEvent(&e, tg.arn)
	case tg.protocol == "email" || tg.protocol == "sms" || tg.protocol == "application":
		d.Body = text
	default: // sqs, http, https, email-json, firehose
		e := envelopeFor()
		d.Body = e.marshal()
	}

	bm := bus.Message{Source: m.topicArn, Principal: principal, Body: []byte(d.Body),
		Attributes: busAttributes(d.Attributes), Meta: map[string]string{bus.MetaSourceAccount: tg.topic.owner}}
	passTrace(&bm, m)
	switch {
	case tg.protocol != "sqs":
	case strings.HasSuffix(tg.endpoint, ".fifo"):
		bm.GroupID, bm.DeduplicationID = m.groupID, m.dedupID
	case !tg.topic.fifo:
		// "For standard topics: The MessageGroupId is optional and is
		// forwarded only to Amazon SQS standard subscriptions."
		bm.GroupID = m.groupID
	}
	// A FIFO topic's standard queue gets neither id (SQS refuses a
	// MessageDeduplicationId on a standard queue) and the FIFO envelope
	// (recorded: sns TestSNSSubscriptionSQSFifo::test_fifo_topic_to_regular_sqs).
	switch tg.protocol {
	case "sqs", "lambda", "firehose":
		d.Status = DeliveryPosted
		s.record(tg.sent, d)
		to := tg.endpoint
		if tg.cfg.dlq != "" {
			// Through this service's own bus endpoint, which learns the
			// outcome and redrives failures: see relay.
			to = tg.arn
		} else {
			bm.Done = s.busOutcome(m.topicArn)
		}
		s.env.Bus.Post(to, bm)
	case "http", "https":
		d.Status, d.Attempts = DeliveryPending, 0
		s.http.enqueue(&httpJob{target: tg, msgType: "Notification", messageID: m.id, raw: tg.cfg.raw,
			body: d.Body, dlq: tg.cfg.dlq, dlqMessage: bm, rec: s.record(tg.sent, d)})
	default: // email, email-json, sms, application
		if tg.protocol == "sms" && s.optedOut(&tg.topic.part.sms, tg.endpoint) {
			return
		}
		d.Status = DeliveryRecorded
		s.record(tg.sent, d)
		s.metricDelivery(m.topicArn, true)
		s.send(OutboxMessage{Protocol: tg.protocol, Endpoint: tg.endpoint, SubscriptionArn: tg.arn,
			TopicArn: m.topicArn, Type: "Notification", MessageID: m.id, Subject: m.subject, Body: d.Body, At: m.at})
	}
}

// protocolKey is the MessageStructure key a subscription reads: its
// protocol, or for a platform endpoint its platform (APNS, GCM, ...).
func protocolKey(tg target) string {
	if tg.protocol == "application" {
		if a, err := arn.Parse(tg.endpoint); err == nil {
			if parts := strings.Split(a.Resource, "/"); len(parts) > 1 {
				return parts[1]
			}
		}
	}
	return tg.protocol
}

func busAttributes(attrs map[string]MessageAttributeValue) map[string]bus.Attribute {
	if len(attrs) == 0 {
		return nil
	}
	out := make(map[string]bus.Attribute, len(attrs))
	for k, a := range attrs {
		out[k] = bus.Attribute{DataType: a.DataType, StringValue: a.StringValue, BinaryValue: a.BinaryValue}
	}
	return out
}

// confirmation is a SubscriptionConfirmation to send, prepared under the
// lock.
type confirmation struct {
	target
	token, messageID, sigVersion string
	at                           time.Time
}

// confirmationLocked gives a pending subscription a token (or renews an
// expired one) and prepares its SubscriptionConfirmation.
func (s *Service) confirmationLocked(sub *subscription) confirmation {
	now := s.env.Clock.Now()
	if sub.token == "" || !now.Before(sub.tokenExpires) {
		if sub.token != "" {
			delete(s.tokens, sub.token)
		}
		sub.token = s.env.IDs.Hex(144)
		s.tokens[sub.token] = sub
	}
	sub.tokenExpires = now.Add(tokenLifetime)
	t := s.topics[sub.topicArn]
	return confirmation{target: s.targetLocked(t, sub), token: sub.token, messageID: s.env.IDs.UUID(),
		sigVersion: t.settings().sigVersion, at: now}
}

// sendConfirmation sends a SubscriptionConfirmation: a POST to an HTTP/S
// endpoint, an email in the outbox.
func (s *Service) sendConfirmation(c confirmation) {
	subscribeURL := s.env.URL + "/?Action=ConfirmSubscription&TopicArn=" + c.topicArn + "&Token=" + c.token
	e := envelope{Type: "SubscriptionConfirmation", MessageID: c.messageID, Token: c.token, TopicArn: c.topicArn,
		Message: "You have chosen to subscribe to the topic " + c.topicArn +
			".\nTo confirm the subscription, visit the SubscribeURL included in this message.",
		SubscribeURL: subscribeURL, Timestamp: c.at.UTC().Format(timestampLayout), SignatureVersion: c.sigVersion}
	e.Signature = s.signer.sign(c.sigVersion, e.stringToSign())
	e.SigningCertURL = s.signer.certURL()
	d := &Delivery{SubscriptionArn: c.arn, Protocol: c.protocol, Endpoint: c.endpoint, Type: e.Type,
		MessageID: c.messageID, Body: e.marshal(), At: c.at}
	if c.protocol == "http" || c.protocol == "https" {
		d.Status = DeliveryPending
		s.http.enqueue(&httpJob{target: c.target, msgType: e.Type, messageID: c.messageID, body: d.Body, rec: s.record(c.sent, d)})
		return
	}
	if c.protocol == "email" {
		d.Body = "You have chosen to subscribe to the topic:\n" + c.topicArn +
			"\n\nTo confirm this subscription, click or visit the link below (If this was in error no action is necessary):\n" +
			subscribeURL
	}
	d.Status, d.Attempts = DeliveryRecorded, 1
	s.record(c.sent, d)
	s.send(OutboxMessage{Protocol: c.protocol, Endpoint: c.endpoint, SubscriptionArn: c.arn, TopicArn: c.topicArn,
		Type: e.Type, MessageID: c.messageID, Subject: "AWS Notification - Subscription Confirmation", Body: d.Body, At: c.at})
}
