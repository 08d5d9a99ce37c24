package sns

import (
	"encoding/json"
	"maps"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
)

// subscription is one subscription of a topic; guarded by Service.mu. Its
// settings live in cfg, which is replaced, never modified, so that a fan-out
// can use the cfg it read under the lock after releasing it.
type subscription struct {
	arn, topicArn      string
	protocol, endpoint string
	// owner is the account that subscribed; part the partition (owner,
	// the topic's region) that lists the subscription.
	owner         string
	part          *partition
	pending       bool
	token         string
	tokenExpires  time.Time
	authenticated bool // ConfirmationWasAuthenticated
	cfg           *subConfig
	sent          *sentLog // what it was sent: see Deliveries
}

// subConfig is a subscription's attributes, parsed.
type subConfig struct {
	attrs     map[string]string // as set, for GetSubscriptionAttributes
	raw       bool
	filter    *filterPolicy // nil accepts every message
	bodyScope bool
	dlq       string // RedrivePolicy's deadLetterTargetArn
	delivery  *subscriptionDeliveryPolicy
}

// Protocols SNS delivers to (Subscribe API reference).
var protocols = map[string]bool{
	"http": true, "https": true, "email": true, "email-json": true, "sms": true,
	"sqs": true, "application": true, "lambda": true, "firehose": true,
}

// needsConfirmation lists the protocols whose subscriptions stay "pending
// confirmation" until the endpoint's owner confirms them: HTTP/S endpoints
// get a SubscriptionConfirmation POST, email addresses a confirmation email.
// Subscriptions of the account's own queues, functions and platform
// endpoints are confirmed at once.
var needsConfirmation = map[string]bool{"http": true, "https": true, "email": true, "email-json": true}

// tokenLifetime: "Confirmation tokens are valid for three days" (Subscribe
// API reference).
const tokenLifetime = 72 * time.Hour

// pendingArn is what Subscribe and the List operations show in place of the
// ARN of a subscription not yet confirmed.
const (
	pendingResponse = "pending confirmation"
	pendingListArn  = "PendingConfirmation"
)

// subscriptionAttributeNames are the attributes Subscribe and
// SetSubscriptionAttributes accept.
var subscriptionAttributeNames = map[string]bool{
	"DeliveryPolicy": true, "FilterPolicy": true, "FilterPolicyScope": true, "RawMessageDelivery": true,
	"RedrivePolicy": true, "SubscriptionRoleArn": true, "ReplayPolicy": true,
}

// phoneNumber is the E.164 format SNS requires of SMS endpoints.
var phoneNumber = regexp.MustCompile(`^\+?[1-9][0-9]{1,14}$`)

// with returns a copy of c with attribute name set to value, or the reason
// the value is invalid. An empty value removes the attribute.
func (c *subConfig) with(name, value, protocol, endpoint string, fifoTopic bool) (*subConfig, string) {
	if !subscriptionAttributeNames[name] {
		return nil, "AttributeName"
	}
	n := *c
	n.attrs = maps.Clone(c.attrs)
	if value == "" {
		delete(n.attrs, name)
	} else {
		n.attrs[name] = value
	}
	switch name {
	case "RawMessageDelivery":
		// The empty string too is refused (recorded: sns
		// TestSNSSubscriptionCrud::test_validate_set_sub_attributes).
		raw, ok := parseBool(value)
		if !ok {
			return nil, invalidBool(name, value)
		}
		if raw && protocol != "sqs" && protocol != "http" && protocol != "https" && protocol != "firehose" {
			return nil, "Delivery protocol [" + protocol + "] does not support raw message delivery."
		}
		n.raw = raw
		n.attrs[name] = boolString(raw)
	case "FilterPolicyScope":
		if value != "" && value != "MessageAttributes" && value != "MessageBody" {
			return nil, "FilterPolicyScope: Invalid value [" + value + "]. Please use either MessageBody or MessageAttributes"
		}
		n.bodyScope = value == "MessageBody"
		if doc := n.attrs["FilterPolicy"]; doc != "" {
			f, reason := compileFilterPolicy(doc, n.bodyScope)
			if reason != "" {
				return nil, reason
			}
			n.filter = f
		}
	case "FilterPolicy":
		n.filter = nil
		if value != "" {
			f, reason := compileFilterPolicy(value, n.bodyScope)
			if reason != "" {
				return nil, reason
			}
			n.filter = f
		}
	case "RedrivePolicy":
		dlq, reason := checkRedrivePolicy(value, endpoint, fifoTopic)
		if reason != "" {
			return nil, reason
		}
		n.dlq = dlq
	case "DeliveryPolicy":
		if protocol != "http" && protocol != "https" {
			return nil, "DeliveryPolicy: Delivery protocol [" + protocol + "] does not support delivery policies."
		}
		n.delivery = nil
		if value != "" {
			p, err := parseSubscriptionDeliveryPolicy(value)
			if err != nil {
				return nil, "DeliveryPolicy: " + err.Error()
			}
			n.delivery = p
		}
	case "SubscriptionRoleArn":
		if _, err := arn.Parse(value); value != "" && err != nil {
			return nil, "SubscriptionRoleArn: Invalid value [" + value + "]. Must be an IAM role ARN"
		}
	case "ReplayPolicy":
		if !fifoTopic {
			return nil, "ReplayPolicy: Invalid parameter for standard topics"
		}
		if value != "" && !json.Valid([]byte(value)) {
			return nil, "ReplayPolicy: failed to parse JSON."
		}
	}
	return &n, ""
}

// checkRedrivePolicy validates {"deadLetterTargetArn": "<SQS queue ARN>"}
// and returns the queue ARN. A FIFO subscription of a FIFO topic needs a
// FIFO dead-letter queue ("Amazon SNS dead-letter queues").
func checkRedrivePolicy(doc, endpoint string, fifoTopic bool) (string, string) {
	if doc == "" {
		return "", ""
	}
	var p struct {
		DeadLetterTargetArn string `json:"deadLetterTargetArn"`
	}
	if err := json.Unmarshal([]byte(doc), &p); err != nil {
		return "", "RedrivePolicy: failed to parse JSON."
	}
	a, err := arn.Parse(p.DeadLetterTargetArn)
	if err != nil || a.Service != "sqs" {
		return "", "RedrivePolicy: deadLetterTargetArn is an invalid arn"
	}
	if fifoTopic && strings.HasSuffix(endpoint, ".fifo") && !strings.HasSuffix(a.Resource, ".fifo") {
		return "", "RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic."
	}
	return p.DeadLetterTargetArn, ""
}

// checkEndpoint validates a subscription endpoint for its protocol.
func checkEndpoint(protocol, endpoint string, fifoTopic bool) error {
	if !protocols[protocol] {
		return invalidParameter("Invalid parameter: Amazon SNS does not support this protocol string: %s", protocol)
	}
	if endpoint == "" {
		return invalidParameter("Invalid parameter: Endpoint")
	}
	// "Currently, the endpoint protocol must be Amazon SQS" for FIFO topics
	// (Message delivery for FIFO topics).
	if fifoTopic && protocol != "sqs" {
		return invalidParameter("Invalid parameter: Protocol Reason: FIFO topics only support the sqs protocol")
	}
	arnOf := func(service string) bool {
		a, err := arn.Parse(endpoint)
		return err == nil && a.Service == service
	}
	switch protocol {
	case "http", "https":
		u, err := url.Parse(endpoint)
		if err != nil || u.Scheme != protocol || u.Host == "" {
			return invalidParameter("Invalid parameter: Endpoint must match the specified protocol")
		}
	case "email", "email-json":
		at := strings.IndexByte(endpoint, '@')
		if at <= 0 || at == len(endpoint)-1 || strings.ContainsAny(endpoint, " \t\r\n") {
			return invalidParameter("Invalid parameter: Email address")
		}
	case "sms":
		if !phoneNumber.MatchString(endpoint) {
			return invalidParameter("Invalid SMS endpoint: %s", endpoint)
		}
	case "sqs":
		if !arnOf("sqs") {
			return invalidParameter("Invalid parameter: SQS endpoint ARN")
		}
		if !fifoTopic && strings.HasSuffix(endpoint, ".fifo") {
			return invalidParameter("Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics")
		}
	case "lambda":
		if !arnOf("lambda") {
			return invalidParameter("Invalid parameter: Lambda endpoint ARN")
		}
	case "firehose":
		if !arnOf("firehose") {
			return invalidParameter("Invalid parameter: Firehose endpoint ARN")
		}
	case "application":
		if !arnOf("sns") {
			return invalidParameter("Invalid parameter: Application endpoint ARN")
		}
	}
	return nil
}
