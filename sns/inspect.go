package sns

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/awsfake/awsfake/internal/record"
)

// recorder guards what tests inspect besides the call log: the deliveries
// made to each subscription, which each subscription holds (sentLog), and
// the outbox. It has its own lock, so that recording never waits on the
// engine. Both records are bounded, so that a long-running server does not
// grow without bound: a subscription keeps its newest deliveries, at most
// record.Keep (10,000), and they go with it when it is deleted; the outbox
// keeps its newest messages, at most 10,000. Both are charged to the cloud's
// record byte budget (env.Records), each entry its body and attributes plus
// record.Overhead, and forget their own oldest entries past it.
type recorder struct {
	mu     sync.Mutex
	outbox record.Log[OutboxMessage]
}

// sentLog is the record of what one subscription was sent, guarded by the
// recorder's lock. A subscription and the targets snapshotted from it share
// it, so that a delivery still in flight when the subscription is deleted
// records into a log that no one reads any more and that goes with the last
// delivery, instead of bringing back a record of a deleted subscription.
type sentLog = record.Log[*Delivery]

// newSentLog returns a subscription's record, charged to the cloud's
// record budget.
func (s *Service) newSentLog() *sentLog {
	l := &sentLog{}
	l.Bind(s.env.Records, deliveryBytes)
	return l
}

// dropSentLog returns the bytes of a deleted subscription's record to the
// budget; a delivery still in flight records into it uncharged.
func (s *Service) dropSentLog(l *sentLog) {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	l.Drop()
}

func deliveryBytes(d *Delivery) int64 {
	n := len(d.Body)
	for k, a := range d.Attributes {
		n += len(k) + len(a.DataType) + len(a.StringValue) + len(a.BinaryValue)
	}
	return int64(n) + record.Overhead
}

func outboxBytes(m OutboxMessage) int64 {
	return int64(len(m.Body)+len(m.Subject)) + record.Overhead
}

// DeliveryStatus says how far a delivery got.
type DeliveryStatus string

// Delivery statuses.
const (
	// DeliveryPosted: handed to the bus for an SQS queue, a Lambda function
	// or another ARN; cloud.DeliveryFailures reports what the target refused.
	DeliveryPosted DeliveryStatus = "Posted"
	// DeliveryRecorded: put in the outbox (email, email-json, sms,
	// application); nothing is sent.
	DeliveryRecorded DeliveryStatus = "Recorded"
	// DeliveryPending: an HTTP/S delivery whose attempts are in progress or
	// whose retry is scheduled.
	DeliveryPending DeliveryStatus = "Pending"
	// DeliveryDelivered: the HTTP/S endpoint answered with a status from 200
	// to 499, which SNS counts as delivered.
	DeliveryDelivered DeliveryStatus = "Delivered"
	// DeliveryFailed: the delivery policy was exhausted (or the service
	// closed); the message went to the subscription's dead-letter queue if it
	// has one.
	DeliveryFailed DeliveryStatus = "Failed"
)

// Delivery is one message SNS sent to one subscription, as sent.
type Delivery struct {
	SubscriptionArn string
	Protocol        string
	Endpoint        string
	// Type is Notification, SubscriptionConfirmation or
	// UnsubscribeConfirmation.
	Type      string
	MessageID string
	// Body is exactly what was delivered: the JSON envelope, the raw
	// message, or the Lambda event.
	Body string
	// Attributes are the message attributes sent alongside a raw delivery.
	Attributes map[string]MessageAttributeValue
	// At is when SNS first sent it.
	At     time.Time
	Status DeliveryStatus
	// Attempts counts HTTP/S attempts; 1 for every other protocol.
	Attempts int
	// StatusCode is the HTTP status of the last HTTP/S attempt, 0 if the
	// endpoint did not answer.
	StatusCode int
}

// Deliveries returns copies of the deliveries made to a subscription, in
// the order SNS made them: the newest, at most 10,000 (record.Keep) and
// within the cloud's record byte budget (awsfake.WithRecordBytes), each
// counting its body and attributes; the newest is always kept. A deleted
// subscription has none: its record is dropped with it. Given a topic's
// ARN, it returns the deliveries to every subscription of the topic, in
// the order SNS made them (by time, then by subscription ARN). Any other
// ARN has none.
func (s *Service) Deliveries(arn string) []Delivery {
	s.mu.Lock()
	var subs []*subscription
	if sub := s.subs[arn]; sub != nil {
		subs = append(subs, sub)
	} else if t := s.topics[arn]; t != nil {
		for _, a := range t.subs {
			if sub := s.subs[a]; sub != nil {
				subs = append(subs, sub)
			}
		}
	}
	s.mu.Unlock()
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	var out []Delivery
	for _, sub := range subs {
		for _, d := range sub.sent.All() {
			c := *d
			c.Attributes = maps.Clone(d.Attributes)
			out = append(out, c)
		}
	}
	if len(subs) > 1 {
		slices.SortStableFunc(out, func(a, b Delivery) int { return a.At.Compare(b.At) })
	}
	return out
}

// record adds d to the deliveries of the subscription whose log sent is and
// returns it, for the HTTP/S worker to update.
func (s *Service) record(sent *sentLog, d *Delivery) *Delivery {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	sent.Add(d)
	return d
}

// updateDelivery applies f to a recorded delivery under the recorder's lock.
func (s *Service) updateDelivery(d *Delivery, f func(*Delivery)) {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	f(d)
}

// OutboxMessage is an email, SMS or mobile push that SNS would have sent.
type OutboxMessage struct {
	// Protocol is email, email-json, sms or application.
	Protocol string
	// Endpoint is the email address, phone number or platform endpoint ARN.
	Endpoint string
	// SubscriptionArn is empty for a direct publish to a phone number or a
	// platform endpoint.
	SubscriptionArn string
	TopicArn        string
	// Type is Notification or SubscriptionConfirmation.
	Type      string
	MessageID string
	Subject   string
	// Body is the text sent: the message, or for email-json and
	// confirmations the JSON document.
	Body string
	At   time.Time
}

// Outbox returns the emails, SMS messages and mobile pushes sent so far,
// oldest first: the newest, at most 10,000 (record.Keep) and within the
// cloud's record byte budget (awsfake.WithRecordBytes); the newest is
// always kept.
func (s *Service) Outbox() []OutboxMessage {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	return s.rec.outbox.All()
}

func (s *Service) send(m OutboxMessage) {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	s.rec.outbox.Add(m)
}

// CheckDelivered fails tb unless the subscription was sent a notification
// of message that got through (Posted to the bus, Recorded in the outbox,
// or Delivered to an HTTP/S endpoint), and returns the last such delivery.
// The message is what the subscriber reads: the body of a raw delivery, an
// email or an SMS, the Message of a JSON envelope or of a Lambda SNSEvent.
// Call it after cloud.Settle, so that the deliveries are done:
//
//	cloud.Settle(ctx)
//	cloud.SNS().CheckDelivered(t, subscriptionArn, "order 1")
func (s *Service) CheckDelivered(tb testing.TB, subscriptionArn, message string) Delivery {
	tb.Helper()
	ds := s.Deliveries(subscriptionArn)
	for i := len(ds) - 1; i >= 0; i-- {
		d := ds[i]
		if d.Type == "Notification" && d.Status != DeliveryPending && d.Status != DeliveryFailed && deliveredMessage(d) == message {
			return d
		}
	}
	tb.Fatalf("sns: %s was not delivered %q; it was sent %s", subscriptionArn, message, describeDeliveries(ds))
	return Delivery{}
}

// CheckDeliveryStatus fails tb unless the last delivery to the
// subscription has the status, and returns it (its Attempts and StatusCode
// say how an HTTP/S delivery went):
//
//	d := cloud.SNS().CheckDeliveryStatus(t, subscriptionArn, sns.DeliveryPending)
//	// d.Attempts == 1: its retry waits on the clock
func (s *Service) CheckDeliveryStatus(tb testing.TB, subscriptionArn string, status DeliveryStatus) Delivery {
	tb.Helper()
	ds := s.Deliveries(subscriptionArn)
	if len(ds) == 0 {
		tb.Fatalf("sns: %s was sent nothing, want a last delivery %s", subscriptionArn, status)
		return Delivery{}
	}
	d := ds[len(ds)-1]
	if d.Status != status {
		tb.Fatalf("sns: the last delivery to %s is %s after %d attempts (status code %d), want %s",
			subscriptionArn, d.Status, d.Attempts, d.StatusCode, status)
	}
	return d
}

// CheckOutbox fails tb unless the outbox holds a message to endpoint (an
// email address, a phone number or a platform endpoint ARN) whose body is
// body, and returns the last such message:
//
//	cloud.SNS().CheckOutbox(t, "+15550100", "code 1234")
func (s *Service) CheckOutbox(tb testing.TB, endpoint, body string) OutboxMessage {
	tb.Helper()
	box := s.Outbox()
	var sent []string
	for i := len(box) - 1; i >= 0; i-- {
		if m := box[i]; m.Endpoint == endpoint {
			if m.Body == body {
				return m
			}
			sent = append(sent, m.Body)
		}
	}
	tb.Fatalf("sns: the outbox holds no message %q to %s; it holds %q for it (newest first)", body, endpoint, sent)
	return OutboxMessage{}
}

// deliveredMessage is the message a subscriber reads in d: the Message of
// an envelope or of an SNSEvent, or the body itself.
func deliveredMessage(d Delivery) string {
	if d.Protocol == "lambda" {
		var ev struct {
			Records []struct{ Sns struct{ Message string } }
		}
		if json.Unmarshal([]byte(d.Body), &ev) == nil && len(ev.Records) == 1 {
			return ev.Records[0].Sns.Message
		}
	}
	var env struct{ Type, Message string }
	if json.Unmarshal([]byte(d.Body), &env) == nil && env.Type == d.Type {
		return env.Message
	}
	return d.Body
}

// describeDeliveries lists the last few deliveries of ds for a failure
// message.
func describeDeliveries(ds []Delivery) string {
	const shown = 5
	if len(ds) == 0 {
		return "nothing"
	}
	var parts []string
	for _, d := range ds[max(0, len(ds)-shown):] {
		parts = append(parts, string(d.Status)+" "+d.Type+" "+strconv.Quote(deliveredMessage(d)))
	}
	out := strings.Join(parts, ", ")
	if len(ds) > shown {
		out = strconv.Itoa(len(ds)) + " deliveries, the last: " + out
	}
	return out
}
