package sns

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
)

// SubscribeInput subscribes an endpoint to a topic.
type SubscribeInput struct {
	TopicArn string
	// Protocol is http, https, email, email-json, sms, sqs, application,
	// lambda or firehose.
	Protocol string
	// Endpoint is the URL, address, number or ARN that receives messages.
	Endpoint string
	// Attributes are initial subscription attributes (FilterPolicy,
	// RawMessageDelivery, RedrivePolicy, DeliveryPolicy, ...).
	Attributes map[string]string
	// ReturnSubscriptionArn returns the ARN even while the subscription is
	// pending confirmation.
	ReturnSubscriptionArn bool
}

// SubscriptionArnOutput holds a subscription ARN.
type SubscriptionArnOutput struct {
	SubscriptionArn string
}

// Subscribe subscribes an endpoint to a topic. HTTP/S endpoints receive a
// SubscriptionConfirmation POST and email addresses a confirmation email in
// the outbox; those subscriptions stay pending until ConfirmSubscription, and
// Subscribe answers "pending confirmation" unless ReturnSubscriptionArn is
// set. Subscribing the same endpoint again returns the same subscription, or
// InvalidParameter if the attributes differ.
func (s *Service) Subscribe(ctx context.Context, in SubscribeInput) (SubscriptionArnOutput, error) {
	sc, err := s.enter(ctx, "Subscribe")
	if err != nil {
		return SubscriptionArnOutput{}, err
	}
	if in.Protocol == "" {
		return SubscriptionArnOutput{}, missing("Protocol")
	}
	s.mu.Lock()
	sub, err := s.subscribeLocked(sc, in)
	var pending bool
	var confirm confirmation
	if err == nil && sub.pending {
		pending, confirm = true, s.confirmationLocked(sub)
	}
	s.mu.Unlock()
	if err != nil {
		return SubscriptionArnOutput{}, err
	}
	if pending {
		// A first subscription, or a repeated one still pending: AWS sends
		// the confirmation (again).
		s.sendConfirmation(confirm)
		if !in.ReturnSubscriptionArn {
			return SubscriptionArnOutput{SubscriptionArn: pendingResponse}, nil
		}
	}
	return SubscriptionArnOutput{SubscriptionArn: sub.arn}, nil
}

// subscribeLocked finds or creates the subscription in describes.
// The subscription belongs to the caller's account, in the topic's region.
func (s *Service) subscribeLocked(sc faults.Scope, in SubscribeInput) (*subscription, error) {
	t, err := s.topicLocked(sc.Region, in.TopicArn)
	if err != nil {
		return nil, err
	}
	if err := checkEndpoint(in.Protocol, in.Endpoint, t.fifo); err != nil {
		return nil, err
	}
	if in.Protocol == "application" && s.platform.endpoints[in.Endpoint] == nil {
		return nil, notFound("Endpoint")
	}
	if in.Protocol == "firehose" && in.Attributes["SubscriptionRoleArn"] == "" {
		return nil, invalidParameter("Invalid parameter: Attributes Reason: SubscriptionRoleArn is required for the firehose protocol")
	}
	cfg := &subConfig{attrs: map[string]string{}}
	names := slices.Sorted(maps.Keys(in.Attributes))
	if i := slices.Index(names, "FilterPolicyScope"); i > 0 {
		// The scope decides how FilterPolicy is validated: set it first.
		names = append(append([]string{"FilterPolicyScope"}, names[:i]...), names[i+1:]...)
	}
	for _, name := range names {
		var reason string
		if cfg, reason = cfg.with(name, in.Attributes[name], in.Protocol, in.Endpoint, t.fifo); reason != "" {
			return nil, invalidParameter("Invalid parameter: Attributes Reason: %s", reason)
		}
	}
	for _, subArn := range t.subs {
		old := s.subs[subArn]
		if old.protocol != in.Protocol || old.endpoint != in.Endpoint {
			continue
		}
		for k, v := range cfg.attrs {
			if old.cfg.attrs[k] != v {
				return nil, invalidParameter("Invalid parameter: Attributes Reason: Subscription already exists with different attributes")
			}
		}
		return old, nil
	}
	if cfg.filter != nil {
		if err := s.checkFilterPolicyQuotaLocked(t); err != nil {
			return nil, err
		}
		t.filterPolicies++
	}
	part := s.partLocked(keyOf(sc))
	sub := &subscription{
		arn: in.TopicArn + ":" + s.env.IDs.UUID(), topicArn: in.TopicArn, owner: sc.Account, part: part,
		protocol: in.Protocol, endpoint: in.Endpoint, cfg: cfg,
		pending: needsConfirmation[in.Protocol], authenticated: !needsConfirmation[in.Protocol],
		sent: s.newSentLog(),
	}
	s.subs[sub.arn] = sub
	part.subArns.add(sub.arn)
	t.subs.add(sub.arn)
	return sub, nil
}

// filterPolicyQuota: "By default, you can have up to 200 filter policies per
// topic" (Filter policy constraints in Amazon SNS).
const filterPolicyQuota = 200

func (s *Service) checkFilterPolicyQuotaLocked(t *topic) error {
	if t.filterPolicies >= filterPolicyQuota {
		return filterPolicyLimit()
	}
	return nil
}

// ConfirmSubscriptionInput confirms a pending subscription with the token
// sent to its endpoint.
type ConfirmSubscriptionInput struct {
	TopicArn string
	Token    string
	// AuthenticateOnUnsubscribe is recorded; the fake does not enforce it.
	AuthenticateOnUnsubscribe string
}

// ConfirmSubscription confirms the subscription the token was sent for.
// It is idempotent; a token expires three days after it was sent.
func (s *Service) ConfirmSubscription(ctx context.Context, in ConfirmSubscriptionInput) (SubscriptionArnOutput, error) {
	if _, err := s.enter(ctx, "ConfirmSubscription"); err != nil {
		return SubscriptionArnOutput{}, err
	}
	return s.confirm(in, true)
}

// confirm confirms a subscription; authenticated says whether the request
// was signed (an unsigned GET of the SubscribeURL is not).
func (s *Service) confirm(in ConfirmSubscriptionInput, authenticated bool) (SubscriptionArnOutput, error) {
	if in.TopicArn == "" {
		return SubscriptionArnOutput{}, missing("TopicArn")
	}
	if in.Token == "" {
		return SubscriptionArnOutput{}, missing("Token")
	}
	if _, err := arn.Parse(in.TopicArn); err != nil {
		return SubscriptionArnOutput{}, invalidParameter("Invalid parameter: Topic")
	}
	now := s.env.Clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	sub := s.tokens[in.Token]
	if sub == nil || !now.Before(sub.tokenExpires) {
		return SubscriptionArnOutput{}, invalidParameter("Invalid parameter: Token")
	}
	if sub.topicArn != in.TopicArn {
		return SubscriptionArnOutput{}, invalidParameter("Invalid parameter: Topic")
	}
	if sub.pending {
		sub.pending = false
		sub.authenticated = authenticated
	}
	return SubscriptionArnOutput{SubscriptionArn: sub.arn}, nil
}

// SubscriptionInput names a subscription.
type SubscriptionInput struct {
	SubscriptionArn string
}

// Unsubscribe deletes a subscription. Unsubscribing one that does not exist
// succeeds, as in AWS.
func (s *Service) Unsubscribe(ctx context.Context, in SubscriptionInput) error {
	if _, err := s.enter(ctx, "Unsubscribe"); err != nil {
		return err
	}
	if in.SubscriptionArn == "" {
		return missing("SubscriptionArn")
	}
	if _, err := arn.Parse(in.SubscriptionArn); err != nil {
		return invalidParameter("Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not %d",
			strings.Count(in.SubscriptionArn, ":")+1)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sub := s.subs[in.SubscriptionArn]
	if sub == nil {
		if strings.Count(in.SubscriptionArn, ":") == 5 {
			// A topic ARN, or anything else without a subscription id.
			return invalidParameter("Invalid parameter: SubscriptionId")
		}
		return nil
	}
	if t := s.topics[sub.topicArn]; t != nil {
		t.deleted++
	}
	s.dropSubscriptionLocked(sub)
	return nil
}

// dropSubscriptionLocked removes sub from every index.
func (s *Service) dropSubscriptionLocked(sub *subscription) {
	delete(s.subs, sub.arn)
	s.dropSentLog(sub.sent)
	sub.part.subArns.remove(sub.arn)
	if sub.token != "" {
		delete(s.tokens, sub.token)
	}
	if t := s.topics[sub.topicArn]; t != nil {
		t.subs.remove(sub.arn)
		if sub.cfg.filter != nil {
			t.filterPolicies--
		}
	}
}

// Subscription is one entry of a subscription list.
type Subscription struct {
	// SubscriptionArn is "PendingConfirmation" while the subscription is
	// pending.
	SubscriptionArn string
	Owner           string
	Protocol        string
	Endpoint        string
	TopicArn        string
}

// ListSubscriptionsOutput is one page of subscriptions.
type ListSubscriptionsOutput struct {
	Subscriptions []Subscription
	NextToken     string
}

// ListSubscriptions returns the account's subscriptions, up to 100 per page.
func (s *Service) ListSubscriptions(ctx context.Context, in ListInput) (ListSubscriptionsOutput, error) {
	sc, err := s.enter(ctx, "ListSubscriptions")
	if err != nil {
		return ListSubscriptionsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.listSubscriptionsLocked(s.viewLocked(keyOf(sc)).subArns, in.NextToken)
}

// ListSubscriptionsByTopicInput pages through a topic's subscriptions.
type ListSubscriptionsByTopicInput struct {
	TopicArn  string
	NextToken string
}

// ListSubscriptionsByTopic returns a topic's subscriptions, up to 100 per
// page.
func (s *Service) ListSubscriptionsByTopic(ctx context.Context, in ListSubscriptionsByTopicInput) (ListSubscriptionsOutput, error) {
	sc, err := s.enter(ctx, "ListSubscriptionsByTopic")
	if err != nil {
		return ListSubscriptionsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.topicLocked(sc.Region, in.TopicArn)
	if err != nil {
		return ListSubscriptionsOutput{}, err
	}
	return s.listSubscriptionsLocked(t.subs, in.NextToken)
}

func (s *Service) listSubscriptionsLocked(set sortedSet, token string) (ListSubscriptionsOutput, error) {
	page, next, err := set.page(token, pageSize)
	if err != nil {
		return ListSubscriptionsOutput{}, err
	}
	out := ListSubscriptionsOutput{Subscriptions: make([]Subscription, len(page)), NextToken: next}
	for i, subArn := range page {
		sub := s.subs[subArn]
		shown := sub.arn
		if sub.pending {
			shown = pendingListArn
		}
		out.Subscriptions[i] = Subscription{SubscriptionArn: shown, Owner: sub.owner,
			Protocol: sub.protocol, Endpoint: sub.endpoint, TopicArn: sub.topicArn}
	}
	return out, nil
}

// GetSubscriptionAttributes returns a subscription's attributes: those set,
// and Owner, Protocol, Endpoint, TopicArn, SubscriptionArn,
// PendingConfirmation, ConfirmationWasAuthenticated, RawMessageDelivery and
// EffectiveDeliveryPolicy. FilterPolicyScope is shown with a FilterPolicy.
func (s *Service) GetSubscriptionAttributes(ctx context.Context, in SubscriptionInput) (AttributesOutput, error) {
	if _, err := s.enter(ctx, "GetSubscriptionAttributes"); err != nil {
		return AttributesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sub, err := s.subscriptionLocked(in.SubscriptionArn)
	if err != nil {
		return AttributesOutput{}, err
	}
	a := maps.Clone(sub.cfg.attrs)
	a["SubscriptionArn"] = sub.arn
	a["TopicArn"] = sub.topicArn
	a["Owner"] = sub.owner
	a["Protocol"] = sub.protocol
	a["Endpoint"] = sub.endpoint
	if sa, err := arn.Parse(sub.arn); err == nil {
		a["SubscriptionPrincipal"] = arn.Build(sa.Partition, "iam", "", sub.owner, "root")
	}
	a["PendingConfirmation"] = boolString(sub.pending)
	a["ConfirmationWasAuthenticated"] = boolString(sub.authenticated)
	a["RawMessageDelivery"] = boolString(sub.cfg.raw)
	if a["FilterPolicy"] != "" && a["FilterPolicyScope"] == "" {
		a["FilterPolicyScope"] = "MessageAttributes"
	}
	if a["FilterPolicy"] == "" {
		delete(a, "FilterPolicyScope")
	}
	var td *topicDeliveryPolicy
	if t := s.topics[sub.topicArn]; t != nil {
		td = t.delivery
	}
	p, _ := effectiveRetryPolicy(td, sub.cfg.delivery)
	a["EffectiveDeliveryPolicy"] = effectiveSubscriptionPolicyJSON(p)
	return AttributesOutput{Attributes: a}, nil
}

// SetSubscriptionAttributes sets one subscription attribute; an empty value
// removes it.
func (s *Service) SetSubscriptionAttributes(ctx context.Context, in SetAttributeInput) error {
	if _, err := s.enter(ctx, "SetSubscriptionAttributes"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sub, err := s.subscriptionLocked(in.Arn)
	if err != nil {
		return err
	}
	t := s.topics[sub.topicArn]
	cfg, reason := sub.cfg.with(in.AttributeName, in.AttributeValue, sub.protocol, sub.endpoint, t.fifo)
	if reason != "" {
		return invalidParameter("Invalid parameter: %s", reason)
	}
	if cfg.filter != nil && sub.cfg.filter == nil {
		if err := s.checkFilterPolicyQuotaLocked(t); err != nil {
			return err
		}
		t.filterPolicies++
	} else if cfg.filter == nil && sub.cfg.filter != nil {
		t.filterPolicies--
	}
	sub.cfg = cfg
	return nil
}

// subscriptionLocked returns the subscription named by subArn, or AWS's
// error.
func (s *Service) subscriptionLocked(subArn string) (*subscription, error) {
	if subArn == "" {
		return nil, missing("SubscriptionArn")
	}
	if _, err := arn.Parse(subArn); err != nil {
		return nil, invalidParameter("Invalid parameter: SubscriptionArn")
	}
	sub := s.subs[subArn]
	if sub == nil {
		return nil, notFound("Subscription")
	}
	return sub, nil
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
