package sns

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

const fuzzTopicARN = "arn:aws:sns:us-east-1:123456789012:t"

// fuzzSubscribeURLService is a service with topic t, a confirmed SQS
// subscription and an HTTP one pending confirmation; it returns the
// subscription ARN and the pending token.
func fuzzSubscribeURLService(t testing.TB) (*Service, string, string) {
	s, _, _ := newTestService(t)
	ctx := t.Context()
	if _, err := s.CreateTopic(ctx, CreateTopicInput{Name: "t"}); err != nil {
		t.Fatal(err)
	}
	sub, err := s.Subscribe(ctx, SubscribeInput{TopicArn: fuzzTopicARN, Protocol: "sqs", Endpoint: "arn:aws:sqs:us-east-1:123456789012:q"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Subscribe(ctx, SubscribeInput{TopicArn: fuzzTopicARN, Protocol: "http", Endpoint: "http://127.0.0.1:1/"}); err != nil {
		t.Fatal(err)
	}
	token := ""
	s.mu.Lock()
	for k := range s.tokens {
		token = k
	}
	s.mu.Unlock()
	return s, sub.SubscriptionArn, token
}

// FuzzSubscribeURL sends the unsigned GETs of a SubscribeURL
// (Action=ConfirmSubscription&TopicArn=...&Token=...) and an UnsubscribeURL
// (Action=Unsubscribe&SubscriptionArn=...) with arbitrary values, and, when
// raw is set, an arbitrary query string. No answer may be a 5xx.
func FuzzSubscribeURL(f *testing.F) {
	f.Add(true, fuzzTopicARN, "$token", "", "")
	f.Add(true, fuzzTopicARN, "$token", "true", "")
	f.Add(true, fuzzTopicARN, "deadbeef", "", "")
	f.Add(true, "arn:aws:sns:us-east-1:123456789012:nope", "$token", "", "")
	f.Add(true, "", "", "", "")
	f.Add(true, "arn:aws:sns", "\x00", "x", "")
	f.Add(false, "$sub", "", "", "")
	f.Add(false, "$sub:extra", "", "", "")
	f.Add(false, fuzzTopicARN+":00000000-0000-0000-0000-000000000000", "", "", "")
	f.Add(false, "", "", "", "Action=ConfirmSubscription&TopicArn=%zz&Token=")
	f.Add(false, "", "", "", "Action=Unsubscribe&SubscriptionArn=a&SubscriptionArn=b&Action=ConfirmSubscription")
	f.Add(false, "", "", "", "Action=Unsubscribe&Version=2010-03-31&SubscriptionArn=%FF")
	f.Fuzz(func(t *testing.T, confirm bool, arn, token, auth, raw string) {
		s, subARN, pending := fuzzSubscribeURLService(t)
		arn = strings.ReplaceAll(arn, "$sub", subARN)
		token = strings.ReplaceAll(token, "$token", pending)
		q := raw
		if raw == "" {
			v := url.Values{}
			if confirm {
				v.Set("Action", "ConfirmSubscription")
				v.Set("TopicArn", arn)
				v.Set("Token", token)
				if auth != "" {
					v.Set("AuthenticateOnUnsubscribe", auth)
				}
			} else {
				v.Set("Action", "Unsubscribe")
				v.Set("SubscriptionArn", arn)
			}
			q = v.Encode()
		}
		req, err := http.NewRequest(http.MethodGet, "http://sns.us-east-1.awsfake.localhost/", nil)
		if err != nil {
			t.Skip()
		}
		req.URL.RawQuery = q
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("GET ?%s: status %d: %s", q, rec.Code, rec.Body.String())
		}
	})
}
