package sns

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// Subscription actions.
var subscriptionOperations = map[string]operation{
	"Subscribe": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.Subscribe(r.Context(), SubscribeInput{TopicArn: f.Get("TopicArn"), Protocol: f.Get("Protocol"),
			Endpoint: f.Get("Endpoint"), Attributes: f.Map("Attributes.entry", "key", "value"),
			ReturnSubscriptionArn: f.Bool("ReturnSubscriptionArn")})
		return struct{ SubscriptionArn string }{out.SubscriptionArn}, err
	},
	"ConfirmSubscription": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		in := ConfirmSubscriptionInput{TopicArn: f.Get("TopicArn"), Token: f.Get("Token"),
			AuthenticateOnUnsubscribe: f.Get("AuthenticateOnUnsubscribe")}
		if _, err := s.enter(r.Context(), "ConfirmSubscription"); err != nil {
			return nil, err
		}
		// Visiting the SubscribeURL is an unsigned GET: the subscription is
		// confirmed, but ConfirmationWasAuthenticated stays false.
		out, err := s.confirm(in, signed(r))
		return struct{ SubscriptionArn string }{out.SubscriptionArn}, err
	},
	"Unsubscribe": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.Unsubscribe(r.Context(), SubscriptionInput{SubscriptionArn: f.Get("SubscriptionArn")})
	},
	"ListSubscriptions": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.ListSubscriptions(r.Context(), ListInput{NextToken: f.Get("NextToken")})
		return subscriptionsXML(out), err
	},
	"ListSubscriptionsByTopic": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.ListSubscriptionsByTopic(r.Context(), ListSubscriptionsByTopicInput{TopicArn: f.Get("TopicArn"),
			NextToken: f.Get("NextToken")})
		return subscriptionsXML(out), err
	},
	"GetSubscriptionAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.GetSubscriptionAttributes(r.Context(), SubscriptionInput{SubscriptionArn: f.Get("SubscriptionArn")})
		return attributesXML{toXMLMap(out.Attributes)}, err
	},
	"SetSubscriptionAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.SetSubscriptionAttributes(r.Context(), SetAttributeInput{Arn: f.Get("SubscriptionArn"),
			AttributeName: f.Get("AttributeName"), AttributeValue: f.Get("AttributeValue")})
	},
}

type listSubscriptionsXML struct {
	Subscriptions struct {
		Member []Subscription `xml:"member"`
	}
	NextToken string `xml:",omitempty"`
}

func subscriptionsXML(out ListSubscriptionsOutput) listSubscriptionsXML {
	var res listSubscriptionsXML
	res.Subscriptions.Member = out.Subscriptions
	res.NextToken = out.NextToken
	return res
}
