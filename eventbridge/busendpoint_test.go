package eventbridge

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// recorder is a stand-in target service on the bus that fails its first
// failures deliveries with a throttling error and records when each came.
type recorder struct {
	mu       sync.Mutex
	clk      clock.Clock
	failures int
	code     string
	at       []time.Time
	got      []bus.Message
}

func (r *recorder) endpoint(_ context.Context, _ string, m bus.Message) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.at = append(r.at, r.clk.Now())
	if r.failures != 0 {
		r.failures--
		return nil, awserr.BadRequest(r.code, "try again")
	}
	r.got = append(r.got, m)
	return nil, nil
}

func (r *recorder) attempts() []time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Time(nil), r.at...)
}

type relayFixture struct {
	clk        *clock.Fake
	env        *cloudenv.Env
	s          *Service
	target     *recorder // the "kinesis" service
	deadLetter *recorder // the "sqs" service
}

func newRelayFixture(t *testing.T, failures int, code string) *relayFixture {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	env := cloudenv.ForTest(clk)
	s := New(env)
	env.Attach(s.Describe())
	f := &relayFixture{clk: clk, env: env, s: s, target: &recorder{clk: clk, failures: failures, code: code}, deadLetter: &recorder{clk: clk}}
	env.Bus.Register("kinesis", f.target.endpoint)
	env.Bus.Register("sqs", f.deadLetter.endpoint)
	t.Cleanup(func() { s.Close(); env.Sched.Close(); env.Bus.Close() })
	return f
}

func (f *relayFixture) rule(t *testing.T, retry *RetryPolicy) {
	_, err := f.s.PutRule(context.Background(), PutRuleInput{Name: "r", EventPattern: `{"source":["a"]}`})
	require.NoError(t, err)
	_, err = f.s.PutTargets(context.Background(), PutTargetsInput{Rule: "r", Targets: []Target{{Id: "k",
		Arn: "arn:aws:kinesis:us-east-1:000000000000:stream/s", RetryPolicy: retry,
		DeadLetterConfig: &DeadLetterConfig{Arn: "arn:aws:sqs:us-east-1:000000000000:dlq"}}}})
	require.NoError(t, err)
	_, err = f.s.PutEvents(context.Background(), PutEventsInput{Entries: []PutEventsRequestEntry{{Source: "a", DetailType: "t", Detail: "{}"}}})
	require.NoError(t, err)
	f.settle(t)
}

func (f *relayFixture) settle(t *testing.T) {
	require.NoError(t, f.env.Bus.Settle(context.Background()))
}

func (f *relayFixture) advance(t *testing.T, d time.Duration) {
	f.clk.Advance(d)
	f.settle(t)
}

// A throttled delivery is retried on the clock after 2 s, then 4 s, and
// delivered at the third attempt, not a nanosecond before.
func TestRelay_RetriesOnTheClock(t *testing.T) {
	f := newRelayFixture(t, 2, "ThrottlingException")
	f.rule(t, nil)
	start := f.clk.Now()
	require.Len(t, f.target.attempts(), 1)
	f.advance(t, 2*time.Second-time.Nanosecond)
	require.Len(t, f.target.attempts(), 1, "just before the first retry")
	f.advance(t, time.Nanosecond)
	require.Len(t, f.target.attempts(), 2, "at the first retry")
	f.advance(t, 4*time.Second)
	at := f.target.attempts()
	require.Len(t, at, 3)
	assert.Equal(t, []time.Duration{0, 2 * time.Second, 6 * time.Second}, []time.Duration{at[0].Sub(start), at[1].Sub(start), at[2].Sub(start)})
	assert.Len(t, f.target.got, 1)
	assert.Empty(t, f.deadLetter.got)
}

// Out of retries (MaximumRetryAttempts 2), the event goes to the
// dead-letter queue with AWS's attributes.
func TestRelay_RetryThenDeadLetter(t *testing.T) {
	f := newRelayFixture(t, -1, "ThrottlingException")
	f.rule(t, &RetryPolicy{MaximumRetryAttempts: ptr(int32(2))})
	f.advance(t, time.Hour)
	assert.Len(t, f.target.attempts(), 3, "the attempt and two retries")
	require.Len(t, f.deadLetter.got, 1)
	m := f.deadLetter.got[0]
	assert.Equal(t, "arn:aws:events:us-east-1:000000000000:rule/r", m.Attributes["RULE_ARN"].StringValue)
	assert.Equal(t, "arn:aws:kinesis:us-east-1:000000000000:stream/s", m.Attributes["TARGET_ARN"].StringValue)
	assert.Equal(t, "ThrottlingException", m.Attributes["ERROR_CODE"].StringValue)
	assert.Equal(t, "a", decodeEvent(m.Body).source)
}

// MaximumEventAgeInSeconds bounds the retries: with 60 s, the retries due
// at 2, 6, 14, 30 s run, the one due at 62 s does not.
func TestRelay_EventAgeBoundsRetries(t *testing.T) {
	f := newRelayFixture(t, -1, "ThrottlingException")
	f.rule(t, &RetryPolicy{MaximumEventAgeInSeconds: ptr(int32(60))})
	f.advance(t, time.Hour)
	assert.Len(t, f.target.attempts(), 5)
	assert.Len(t, f.deadLetter.got, 1)
}

// A failure that cannot pass (the resource does not exist) is not retried:
// straight to the dead-letter queue.
func TestRelay_NotFoundIsNotRetried(t *testing.T) {
	f := newRelayFixture(t, -1, "ResourceNotFoundException")
	f.rule(t, nil)
	f.advance(t, time.Hour)
	assert.Len(t, f.target.attempts(), 1)
	assert.Len(t, f.deadLetter.got, 1)
}

func ptr[T any](v T) *T { return &v }
