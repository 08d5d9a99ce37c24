package sns

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// Delivery policies: how SNS retries HTTP/S deliveries. From "Amazon SNS
// message delivery retries" (docs.aws.amazon.com/sns/latest/dg/
// sns-message-delivery-retries.html):
//
//   - only HTTP/S subscriptions take custom policies; a topic sets defaults in
//     {"http":{"defaultHealthyRetryPolicy":{...},"disableSubscriptionOverrides":
//     bool,"defaultThrottlePolicy":{...},"defaultRequestPolicy":{...}}}, a
//     subscription overrides them with {"healthyRetryPolicy":{...},
//     "throttlePolicy":{...},"requestPolicy":{...}} unless the topic disables
//     overrides;
//   - a policy has four phases after the first attempt: numNoDelayRetries
//     immediate retries, numMinDelayRetries retries minDelayTarget apart, a
//     backoff phase from minDelayTarget to maxDelayTarget shaped by
//     backoffFunction (linear, arithmetic, geometric or exponential), and
//     numMaxDelayRetries retries maxDelayTarget apart; numRetries counts them
//     all;
//   - the default (what EffectiveDeliveryPolicy reports) is 3 retries 20
//     seconds apart: "By default, if the initial delivery of the message
//     fails, Amazon SNS attempts up to three retries with a delay between
//     failed attempts set at 20 seconds" (SendMessageToHttp.retry.html);
//   - "The total policy retry time for an HTTP/S endpoint cannot be greater
//     than 3,600 seconds."
//
// Differences: AWS applies jitter and does not publish the exact backoff
// curves; the fake uses no jitter (so tests can assert exact instants) and
// the curves described at backoff. The throttle policy is stored, not
// enforced.

// retryPolicy is a complete healthyRetryPolicy.
type retryPolicy struct {
	MinDelayTarget     int    `json:"minDelayTarget"`
	MaxDelayTarget     int    `json:"maxDelayTarget"`
	NumRetries         int    `json:"numRetries"`
	NumMaxDelayRetries int    `json:"numMaxDelayRetries"`
	NumNoDelayRetries  int    `json:"numNoDelayRetries"`
	NumMinDelayRetries int    `json:"numMinDelayRetries"`
	BackoffFunction    string `json:"backoffFunction"`
}

// defaultRetryPolicy is AWS's default HTTP/S policy.
var defaultRetryPolicy = retryPolicy{
	MinDelayTarget: 20, MaxDelayTarget: 20, NumRetries: 3, BackoffFunction: "linear",
}

// maxRetryTime is the hard limit on a policy's total retry time.
const maxRetryTime = 3600 * time.Second

// defaultContentType is the Content-Type of HTTP/S deliveries unless a
// request policy sets headerContentType.
const defaultContentType = "text/plain; charset=UTF-8"

// partialRetryPolicy is a healthyRetryPolicy as written: omitted fields take
// the value of the policy it overrides.
type partialRetryPolicy struct {
	MinDelayTarget     *int    `json:"minDelayTarget"`
	MaxDelayTarget     *int    `json:"maxDelayTarget"`
	NumRetries         *int    `json:"numRetries"`
	NumMaxDelayRetries *int    `json:"numMaxDelayRetries"`
	NumNoDelayRetries  *int    `json:"numNoDelayRetries"`
	NumMinDelayRetries *int    `json:"numMinDelayRetries"`
	BackoffFunction    *string `json:"backoffFunction"`
}

func (p *partialRetryPolicy) over(base retryPolicy) retryPolicy {
	if p == nil {
		return base
	}
	set := func(dst *int, src *int) {
		if src != nil {
			*dst = *src
		}
	}
	set(&base.MinDelayTarget, p.MinDelayTarget)
	set(&base.MaxDelayTarget, p.MaxDelayTarget)
	set(&base.NumRetries, p.NumRetries)
	set(&base.NumMaxDelayRetries, p.NumMaxDelayRetries)
	set(&base.NumNoDelayRetries, p.NumNoDelayRetries)
	set(&base.NumMinDelayRetries, p.NumMinDelayRetries)
	if p.BackoffFunction != nil {
		base.BackoffFunction = *p.BackoffFunction
	}
	return base
}

type throttlePolicy struct {
	MaxReceivesPerSecond *int `json:"maxReceivesPerSecond"`
}

type requestPolicy struct {
	HeaderContentType string `json:"headerContentType"`
}

// topicDeliveryPolicy is a topic's DeliveryPolicy attribute.
type topicDeliveryPolicy struct {
	HTTP *struct {
		DefaultHealthyRetryPolicy    *partialRetryPolicy `json:"defaultHealthyRetryPolicy"`
		DisableSubscriptionOverrides bool                `json:"disableSubscriptionOverrides"`
		DefaultThrottlePolicy        *throttlePolicy     `json:"defaultThrottlePolicy"`
		DefaultRequestPolicy         *requestPolicy      `json:"defaultRequestPolicy"`
	} `json:"http"`
}

// subscriptionDeliveryPolicy is a subscription's DeliveryPolicy attribute.
type subscriptionDeliveryPolicy struct {
	HealthyRetryPolicy *partialRetryPolicy `json:"healthyRetryPolicy"`
	ThrottlePolicy     *throttlePolicy     `json:"throttlePolicy"`
	RequestPolicy      *requestPolicy      `json:"requestPolicy"`
}

// decodePolicy decodes a delivery policy document strictly: unknown keys are
// refused, as AWS refuses them.
func decodePolicy(doc string, v any) error {
	dec := json.NewDecoder(bytes.NewReader([]byte(doc)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("failed to parse JSON: %v", err)
	}
	if dec.More() {
		return fmt.Errorf("failed to parse JSON: trailing data")
	}
	return nil
}

func parseTopicDeliveryPolicy(doc string) (*topicDeliveryPolicy, error) {
	var p topicDeliveryPolicy
	if err := decodePolicy(doc, &p); err != nil {
		return nil, err
	}
	if p.HTTP != nil {
		if err := p.HTTP.DefaultHealthyRetryPolicy.over(defaultRetryPolicy).validate(); err != nil {
			return nil, err
		}
		if err := validateThrottle(p.HTTP.DefaultThrottlePolicy); err != nil {
			return nil, err
		}
		if err := validateRequest(p.HTTP.DefaultRequestPolicy); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

func parseSubscriptionDeliveryPolicy(doc string) (*subscriptionDeliveryPolicy, error) {
	var p subscriptionDeliveryPolicy
	if err := decodePolicy(doc, &p); err != nil {
		return nil, err
	}
	if err := p.HealthyRetryPolicy.over(defaultRetryPolicy).validate(); err != nil {
		return nil, err
	}
	if err := validateThrottle(p.ThrottlePolicy); err != nil {
		return nil, err
	}
	if err := validateRequest(p.RequestPolicy); err != nil {
		return nil, err
	}
	return &p, nil
}

func validateThrottle(t *throttlePolicy) error {
	if t != nil && t.MaxReceivesPerSecond != nil && *t.MaxReceivesPerSecond < 1 {
		return fmt.Errorf("throttlePolicy.maxReceivesPerSecond must be at least 1")
	}
	return nil
}

// contentTypes are the headerContentType values AWS accepts.
var contentTypes = map[string]bool{
	"text/plain": true, "application/json": true, "application/xml": true, defaultContentType: true,
	"text/plain; charset=utf-8": true, "application/json; charset=UTF-8": true, "application/json; charset=utf-8": true,
}

func validateRequest(r *requestPolicy) error {
	if r != nil && r.HeaderContentType != "" && !contentTypes[r.HeaderContentType] {
		return fmt.Errorf("requestPolicy.headerContentType %q is not supported", r.HeaderContentType)
	}
	return nil
}

var backoffFunctions = map[string]bool{"linear": true, "arithmetic": true, "geometric": true, "exponential": true}

// validate checks a complete policy against AWS's bounds.
func (p retryPolicy) validate() error {
	switch {
	case p.MinDelayTarget < 1:
		return fmt.Errorf("healthyRetryPolicy.minDelayTarget must be at least 1")
	case p.MaxDelayTarget < p.MinDelayTarget:
		return fmt.Errorf("healthyRetryPolicy.maxDelayTarget must be greater than or equal to minDelayTarget")
	case p.MaxDelayTarget > 3600:
		return fmt.Errorf("healthyRetryPolicy.maxDelayTarget must be at most 3600")
	case p.NumRetries < 0 || p.NumRetries > 100:
		return fmt.Errorf("healthyRetryPolicy.numRetries must be between 0 and 100")
	case p.NumNoDelayRetries < 0 || p.NumMinDelayRetries < 0 || p.NumMaxDelayRetries < 0:
		return fmt.Errorf("healthyRetryPolicy retry counts must not be negative")
	case p.NumNoDelayRetries+p.NumMinDelayRetries+p.NumMaxDelayRetries > p.NumRetries:
		return fmt.Errorf("healthyRetryPolicy.numRetries must be at least numNoDelayRetries + numMinDelayRetries + numMaxDelayRetries")
	case !backoffFunctions[p.BackoffFunction]:
		return fmt.Errorf("healthyRetryPolicy.backoffFunction must be one of linear, arithmetic, geometric, exponential")
	}
	var total time.Duration
	for n := 1; n <= p.NumRetries; n++ {
		total += p.delay(n)
	}
	if total > maxRetryTime {
		return fmt.Errorf("healthyRetryPolicy total retry time must not exceed 3600 seconds")
	}
	return nil
}

// delay is how long SNS waits before retry n (1-based) after the attempt
// before it failed.
func (p retryPolicy) delay(n int) time.Duration {
	minD, maxD := time.Duration(p.MinDelayTarget)*time.Second, time.Duration(p.MaxDelayTarget)*time.Second
	backoffRetries := p.NumRetries - p.NumNoDelayRetries - p.NumMinDelayRetries - p.NumMaxDelayRetries
	switch {
	case n <= p.NumNoDelayRetries:
		return 0
	case n <= p.NumNoDelayRetries+p.NumMinDelayRetries:
		return minD
	case n <= p.NumNoDelayRetries+p.NumMinDelayRetries+backoffRetries:
		j := n - p.NumNoDelayRetries - p.NumMinDelayRetries
		return backoff(p.BackoffFunction, j, backoffRetries, minD, maxD)
	default:
		return maxD
	}
}

// backoff is the delay of retry j of b in the backoff phase, rising from
// near minD to exactly maxD at j == b: linearly, along an arithmetic series
// (slow start), a geometric one (minD·(maxD/minD)^x) or an exponential one
// (2^j growth). Rounded to whole seconds, as AWS's targets are.
func backoff(fn string, j, b int, minD, maxD time.Duration) time.Duration {
	x := float64(j) / float64(b)
	var f float64
	switch fn {
	case "arithmetic":
		f = float64(j*(j+1)) / float64(b*(b+1))
	case "geometric":
		lo, hi := minD.Seconds(), maxD.Seconds()
		return time.Duration(math.Round(lo*math.Pow(hi/lo, x))) * time.Second
	case "exponential":
		f = (math.Exp2(float64(j)) - 1) / (math.Exp2(float64(b)) - 1)
	default: // linear
		f = x
	}
	return time.Duration(math.Round(minD.Seconds()+(maxD-minD).Seconds()*f)) * time.Second
}

// effectiveRetryPolicy is the policy a subscription's HTTP/S deliveries
// follow: the subscription's own, over the topic's default, over AWS's.
func effectiveRetryPolicy(t *topicDeliveryPolicy, s *subscriptionDeliveryPolicy) (retryPolicy, string) {
	p, contentType := defaultRetryPolicy, defaultContentType
	overrides := true
	if t != nil && t.HTTP != nil {
		p = t.HTTP.DefaultHealthyRetryPolicy.over(p)
		if r := t.HTTP.DefaultRequestPolicy; r != nil && r.HeaderContentType != "" {
			contentType = r.HeaderContentType
		}
		overrides = !t.HTTP.DisableSubscriptionOverrides
	}
	if s != nil && overrides {
		p = s.HealthyRetryPolicy.over(p)
		if r := s.RequestPolicy; r != nil && r.HeaderContentType != "" {
			contentType = r.HeaderContentType
		}
	}
	return p, contentType
}

// effectiveTopicPolicyJSON is a topic's EffectiveDeliveryPolicy attribute.
func effectiveTopicPolicyJSON(t *topicDeliveryPolicy) string {
	p, contentType := effectiveRetryPolicy(t, nil)
	disable := t != nil && t.HTTP != nil && t.HTTP.DisableSubscriptionOverrides
	doc := struct {
		HTTP struct {
			DefaultHealthyRetryPolicy    retryPolicy   `json:"defaultHealthyRetryPolicy"`
			DisableSubscriptionOverrides bool          `json:"disableSubscriptionOverrides"`
			DefaultRequestPolicy         requestPolicy `json:"defaultRequestPolicy"`
		} `json:"http"`
	}{}
	doc.HTTP.DefaultHealthyRetryPolicy = p
	doc.HTTP.DisableSubscriptionOverrides = disable
	doc.HTTP.DefaultRequestPolicy.HeaderContentType = contentType
	b, _ := json.Marshal(doc)
	return string(b)
}

// effectiveSubscriptionPolicyJSON is a subscription's EffectiveDeliveryPolicy
// attribute, in the shape AWS reports it.
func effectiveSubscriptionPolicyJSON(p retryPolicy) string {
	doc := struct {
		HealthyRetryPolicy retryPolicy `json:"healthyRetryPolicy"`
		SicklyRetryPolicy  any         `json:"sicklyRetryPolicy"`
		ThrottlePolicy     any         `json:"throttlePolicy"`
		Guaranteed         bool        `json:"guaranteed"`
	}{HealthyRetryPolicy: p}
	b, _ := json.Marshal(doc)
	return string(b)
}
