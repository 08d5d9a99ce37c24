package sns

import (
	"context"
	"strings"
	"testing"
)

// Topic is a topic a fixture made, with the subscriptions it made.
type Topic struct {
	Name, ARN string
	// Subscriptions are the ARNs of the subscriptions, in the order given.
	Subscriptions []string
}

// Subscriber is a subscription for TopicT to make: a protocol, an
// endpoint and its attributes (FilterPolicy, RawMessageDelivery, ...).
type Subscriber struct {
	Protocol, Endpoint string
	Attributes         map[string]string
}

// TopicT creates a topic in the cloud's own account and region (a name
// ending in .fifo makes a FIFO topic) and subscribes subs to it, failing tb
// on any error. An sqs or lambda subscription is confirmed at once, as AWS
// confirms them; an http one waits for its endpoint's confirmation.
func (s *Service) TopicT(tb testing.TB, name string, subs ...Subscriber) Topic {
	tb.Helper()
	ctx := context.Background()
	var attrs map[string]string
	if strings.HasSuffix(name, ".fifo") {
		attrs = map[string]string{"FifoTopic": "true"}
	}
	t, err := s.CreateTopic(ctx, CreateTopicInput{Name: name, Attributes: attrs})
	if err != nil {
		tb.Fatalf("sns: TopicT(%q): %v", name, err)
		return Topic{}
	}
	out := Topic{Name: name, ARN: t.TopicArn}
	for _, sub := range subs {
		got, err := s.Subscribe(ctx, SubscribeInput{TopicArn: t.TopicArn, Protocol: sub.Protocol, Endpoint: sub.Endpoint,
			Attributes: sub.Attributes, ReturnSubscriptionArn: true})
		if err != nil {
			tb.Fatalf("sns: TopicT(%q): subscribing %s %s: %v", name, sub.Protocol, sub.Endpoint, err)
			return Topic{}
		}
		out.Subscriptions = append(out.Subscriptions, got.SubscriptionArn)
	}
	return out
}
