package sns

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func delays(p retryPolicy) []time.Duration {
	out := make([]time.Duration, p.NumRetries)
	for i := range out {
		out[i] = p.delay(i + 1)
	}
	return out
}

func TestDeliveryPolicy_DefaultHTTPPolicyIsThreeRetriesTwentySecondsApart(t *testing.T) {
	p, contentType := effectiveRetryPolicy(nil, nil)
	assert.Equal(t, []time.Duration{20 * time.Second, 20 * time.Second, 20 * time.Second}, delays(p))
	assert.Equal(t, "text/plain; charset=UTF-8", contentType)
}

func TestDeliveryPolicy_PhasesRunImmediatePreBackoffBackoffPostBackoff(t *testing.T) {
	p := retryPolicy{MinDelayTarget: 1, MaxDelayTarget: 20, NumRetries: 9, NumNoDelayRetries: 2,
		NumMinDelayRetries: 2, NumMaxDelayRetries: 2, BackoffFunction: "linear"}
	require.NoError(t, p.validate())
	s := time.Second
	assert.Equal(t, []time.Duration{0, 0, 1 * s, 1 * s, 7 * s, 14 * s, 20 * s, 20 * s, 20 * s}, delays(p))
}

func TestDeliveryPolicy_BackoffFunctionsRiseFromMinToMax(t *testing.T) {
	for _, fn := range []string{"linear", "arithmetic", "geometric", "exponential"} {
		t.Run(fn, func(t *testing.T) {
			p := retryPolicy{MinDelayTarget: 1, MaxDelayTarget: 60, NumRetries: 5, BackoffFunction: fn}
			d := delays(p)
			assert.Equal(t, 60*time.Second, d[len(d)-1], "the last backoff retry waits maxDelayTarget")
			for i := 1; i < len(d); i++ {
				assert.GreaterOrEqual(t, d[i], d[i-1])
			}
			assert.GreaterOrEqual(t, d[0], time.Second)
		})
	}
}

func TestDeliveryPolicy_SubscriptionOverridesTopicUnlessDisabled(t *testing.T) {
	topic, err := parseTopicDeliveryPolicy(`{"http":{"defaultHealthyRetryPolicy":{"numRetries":5,"minDelayTarget":2,"maxDelayTarget":2},
		"defaultRequestPolicy":{"headerContentType":"application/json"}}}`)
	require.NoError(t, err)
	sub, err := parseSubscriptionDeliveryPolicy(`{"healthyRetryPolicy":{"numRetries":1}}`)
	require.NoError(t, err)

	p, ct := effectiveRetryPolicy(topic, sub)
	assert.Equal(t, 1, p.NumRetries)
	assert.Equal(t, 2, p.MinDelayTarget, "fields the subscription leaves out come from the topic")
	assert.Equal(t, "application/json", ct)

	topic.HTTP.DisableSubscriptionOverrides = true
	p, _ = effectiveRetryPolicy(topic, sub)
	assert.Equal(t, 5, p.NumRetries)
}

func TestDeliveryPolicy_RejectsWhatAWSRejects(t *testing.T) {
	for name, doc := range map[string]string{
		"not JSON":                  `{`,
		"unknown key":               `{"healthyRetryPolicy":{"retries":3}}`,
		"min below 1":               `{"healthyRetryPolicy":{"minDelayTarget":0}}`,
		"max below min":             `{"healthyRetryPolicy":{"minDelayTarget":30,"maxDelayTarget":20}}`,
		"max above 3600":            `{"healthyRetryPolicy":{"maxDelayTarget":3601}}`,
		"101 retries":               `{"healthyRetryPolicy":{"numRetries":101}}`,
		"phases exceed numRetries":  `{"healthyRetryPolicy":{"numRetries":2,"numNoDelayRetries":3}}`,
		"unknown backoff":           `{"healthyRetryPolicy":{"backoffFunction":"cubic"}}`,
		"over an hour of retries":   `{"healthyRetryPolicy":{"numRetries":100,"minDelayTarget":60,"maxDelayTarget":60}}`,
		"throttle below 1":          `{"throttlePolicy":{"maxReceivesPerSecond":0}}`,
		"unsupported content type":  `{"requestPolicy":{"headerContentType":"text/html"}}`,
		"trailing data after value": `{} {}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := parseSubscriptionDeliveryPolicy(doc)
			assert.Error(t, err)
		})
	}
	// 60 retries a minute apart is exactly the 3,600-second limit.
	_, err := parseSubscriptionDeliveryPolicy(`{"healthyRetryPolicy":{"numRetries":60,"minDelayTarget":60,"maxDelayTarget":60}}`)
	assert.NoError(t, err)
}
