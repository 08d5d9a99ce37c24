package sns

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"time"
)

// What subscribers receive. An SQS queue, an HTTP/S endpoint and an
// email-json address get SNS's JSON envelope, pretty-printed and ordered as
// AWS sends it ("Amazon SNS message and JSON formats"):
//
//	{
//	  "Type" : "Notification",
//	  "MessageId" : "...",
//	  "TopicArn" : "...",
//	  "Subject" : "...",
//	  "Message" : "...",
//	  "Timestamp" : "2012-05-02T00:54:06.655Z",
//	  "SignatureVersion" : "1",
//	  "Signature" : "...",
//	  "SigningCertURL" : "...",
//	  "UnsubscribeURL" : "...",
//	  "MessageAttributes" : {
//	    "name" : {"Type":"String","Value":"..."}
//	  }
//	}
//
// Subject and MessageAttributes appear only when the message has them. A
// confirmation adds Token after MessageId and SubscribeURL after Message,
// and has no UnsubscribeURL. A FIFO topic's envelope carries SequenceNumber
// after MessageId and no signature. With RawMessageDelivery the body is the
// message itself (and an SQS queue gets the attributes as its own message
// attributes). A Lambda function gets an SNSEvent; email and SMS get the
// text.

// timestampLayout is the envelope's Timestamp: ISO 8601 with milliseconds.
const timestampLayout = "2006-01-02T15:04:05.000Z"

// message is one published message on its way to subscribers.
type message struct {
	id       string
	topicArn string
	fifo     bool
	subject  string
	text     string
	// perProtocol holds the texts of a MessageStructure=json message, by
	// protocol, with "default"; nil otherwise.
	perProtocol map[string]string
	attrs       map[string]MessageAttributeValue
	groupID     string
	dedupID     string
	seq         string
	at          time.Time
	sigVersion  string
	size        int // the published size (publishSize), for PublishSize

	trace string // passed on to the subscriptions (trace.go)
}

// textFor is the message text a protocol's subscribers receive: "If you
// want to send different messages for each transport protocol, set
// MessageStructure to json"; keys not matching the protocol fall back to
// "default".
func (m *message) textFor(protocol string) string {
	if m.perProtocol == nil {
		return m.text
	}
	if t, ok := m.perProtocol[protocol]; ok {
		return t
	}
	return m.perProtocol["default"]
}

// envelope is SNS's JSON document for a notification or a confirmation.
type envelope struct {
	Type, MessageID, Token, SequenceNumber, TopicArn, Subject, Message, SubscribeURL string
	Timestamp                                                                        string
	SignatureVersion, Signature, SigningCertURL, UnsubscribeURL                      string
	MessageAttributes                                                                map[string]MessageAttributeValue
}

// stringToSign is what SNS signs, per "Verifying the signature of an Amazon
// SNS message": for a Notification the Message, MessageId, Subject (if
// any), Timestamp, TopicArn and Type; for a SubscriptionConfirmation or
// UnsubscribeConfirmation the Message, MessageId, SubscribeURL, Timestamp,
// Token, TopicArn and Type; each as "name\nvalue\n".
func (e *envelope) stringToSign() string {
	var b strings.Builder
	add := func(k, v string) {
		b.WriteString(k)
		b.WriteByte('\n')
		b.WriteString(v)
		b.WriteByte('\n')
	}
	add("Message", e.Message)
	add("MessageId", e.MessageID)
	if e.Type == "Notification" {
		if e.Subject != "" {
			add("Subject", e.Subject)
		}
	} else {
		add("SubscribeURL", e.SubscribeURL)
	}
	add("Timestamp", e.Timestamp)
	if e.Type != "Notification" {
		add("Token", e.Token)
	}
	add("TopicArn", e.TopicArn)
	add("Type", e.Type)
	return b.String()
}

// marshal writes the envelope as AWS formats it.
func (e *envelope) marshal() string {
	var b strings.Builder
	b.WriteString("{\n")
	first := true
	field := func(k, v string) {
		if !first {
			b.WriteString(",\n")
		}
		first = false
		b.WriteString(`  "` + k + `" : `)
		b.WriteString(jsonString(v))
	}
	opt := func(k, v string) {
		if v != "" {
			field(k, v)
		}
	}
	field("Type", e.Type)
	field("MessageId", e.MessageID)
	opt("Token", e.Token)
	opt("SequenceNumber", e.SequenceNumber)
	field("TopicArn", e.TopicArn)
	opt("Subject", e.Subject)
	field("Message", e.Message)
	opt("SubscribeURL", e.SubscribeURL)
	field("Timestamp", e.Timestamp)
	opt("SignatureVersion", e.SignatureVersion)
	opt("Signature", e.Signature)
	opt("SigningCertURL", e.SigningCertURL)
	opt("UnsubscribeURL", e.UnsubscribeURL)
	if len(e.MessageAttributes) > 0 {
		b.WriteString(",\n  \"MessageAttributes\" : {\n")
		for i, name := range slices.Sorted(maps.Keys(e.MessageAttributes)) {
			if i > 0 {
				b.WriteString(",\n")
			}
			a := envelopeAttribute(e.MessageAttributes[name])
			b.WriteString("    " + jsonString(name) + ` : {"Type":` + jsonString(a.Type) + `,"Value":` + jsonString(a.Value) + "}")
		}
		b.WriteString("\n  }")
	}
	b.WriteString("\n}")
	return b.String()
}

// eventAttribute is a message attribute as envelopes and Lambda events show
// it: a Binary value is base64-encoded.
type eventAttribute struct {
	Type  string `json:"Type"`
	Value string `json:"Value"`
}

func envelopeAttribute(a MessageAttributeValue) eventAttribute {
	if strings.HasPrefix(a.DataType, "Binary") {
		return eventAttribute{Type: a.DataType, Value: base64.StdEncoding.EncodeToString(a.BinaryValue)}
	}
	return eventAttribute{Type: a.DataType, Value: a.StringValue}
}

// jsonString encodes s as a JSON string without Go's HTML escaping.
func jsonString(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}

// Lambda's SNSEvent (reference/lambda-events.md): Subject is null when the
// message has none, MessageAttributes an empty object, and the URL fields
// are spelled SigningCertUrl and UnsubscribeUrl.
type snsEvent struct {
	Records []snsEventRecord `json:"Records"`
}

type snsEventRecord struct {
	EventSource          string          `json:"EventSource"`
	EventVersion         string          `json:"EventVersion"`
	EventSubscriptionArn string          `json:"EventSubscriptionArn"`
	Sns                  snsEventMessage `json:"Sns"`
}

type snsEventMessage struct {
	Type              string                    `json:"Type"`
	MessageID         string                    `json:"MessageId"`
	TopicArn          string                    `json:"TopicArn"`
	Subject           *string                   `json:"Subject"`
	Message           string                    `json:"Message"`
	Timestamp         string                    `json:"Timestamp"`
	SignatureVersion  string                    `json:"SignatureVersion"`
	Signature         string                    `json:"Signature"`
	SigningCertURL    string                    `json:"SigningCertUrl"`
	UnsubscribeURL    string                    `json:"UnsubscribeUrl"`
	MessageAttributes map[string]eventAttribute `json:"MessageAttributes"`
}

// lambdaEvent turns a signed notification envelope into the SNSEvent a
// subscribed function receives.
func lambdaEvent(e *envelope, subscriptionArn string) string {
	msg := snsEventMessage{
		Type: e.Type, MessageID: e.MessageID, TopicArn: e.TopicArn, Message: e.Message, Timestamp: e.Timestamp,
		SignatureVersion: e.SignatureVersion, Signature: e.Signature, SigningCertURL: e.SigningCertURL,
		UnsubscribeURL: e.UnsubscribeURL, MessageAttributes: map[string]eventAttribute{},
	}
	if e.Subject != "" {
		msg.Subject = &e.Subject
	}
	for name, a := range e.MessageAttributes {
		msg.MessageAttributes[name] = envelopeAttribute(a)
	}
	ev := snsEvent{Records: []snsEventRecord{{
		EventSource: "aws:sns", EventVersion: "1.0", EventSubscriptionArn: subscriptionArn, Sns: msg,
	}}}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(ev)
	return strings.TrimSuffix(buf.String(), "\n")
}
