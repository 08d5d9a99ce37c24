package sns

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/ids"
	"github.com/awsfake/awsfake/internal/sched"
)

// recorder endpoints stand in for SQS and Lambda on a bus of the test's own.
type busRecorder struct {
	mu   sync.Mutex
	got  map[string][]bus.Message
	fail func(target string) error
}

func (r *busRecorder) endpoint(_ context.Context, target string, m bus.Message) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail != nil {
		if err := r.fail(target); err != nil {
			return nil, err
		}
	}
	if r.got == nil {
		r.got = map[string][]bus.Message{}
	}
	r.got[target] = append(r.got[target], m)
	return []byte("id"), nil
}

func (r *busRecorder) messages(target string) []bus.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bus.Message(nil), r.got[target]...)
}

var testStart = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// newTestService builds the service on an environment of its own, with
// recording endpoints for "sqs" and "lambda".
func newTestService(tb testing.TB) (*Service, *busRecorder, *bus.Bus) {
	tb.Helper()
	clk := clock.NewFake(testStart)
	b := bus.New(clk)
	env := &cloudenv.Env{Clock: clk, Bus: b, Sched: sched.New(clk, b.Begin), IDs: ids.New(1), Region: "us-east-1", AccountID: "123456789012",
		URL: "http://awsfake.localhost", Host: "awsfake.localhost"}
	rec := &busRecorder{}
	b.Register("sqs", rec.endpoint)
	b.Register("lambda", rec.endpoint)
	s := New(env)
	env.Attach(s.Describe())
	tb.Cleanup(func() {
		b.Close()
		s.Close()
		env.Sched.Close()
	})
	return s, rec, b
}

func settle(t *testing.T, b *bus.Bus) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, b.Settle(ctx))
}

const fn = "arn:aws:lambda:us-east-1:123456789012:function:handler"

func TestLambda_SubscriberGetsTheSNSEvent(t *testing.T) {
	s, rec, b := newTestService(t)
	ctx := context.Background()
	topic, err := s.CreateTopic(ctx, CreateTopicInput{Name: "orders"})
	require.NoError(t, err)
	sub, err := s.Subscribe(ctx, SubscribeInput{TopicArn: topic.TopicArn, Protocol: "lambda", Endpoint: fn})
	require.NoError(t, err)
	pub, err := s.Publish(ctx, PublishInput{TopicArn: topic.TopicArn, Message: "hello",
		MessageAttributes: map[string]MessageAttributeValue{"k": {DataType: "String", StringValue: "v"}}})
	require.NoError(t, err)
	settle(t, b)

	got := rec.messages(fn)
	require.Len(t, got, 1)
	m := got[0]
	assert.Equal(t, topic.TopicArn, m.Source)
	assert.Equal(t, "sns.amazonaws.com", m.Principal)
	assert.Equal(t, "123456789012", m.Meta[bus.MetaSourceAccount])

	var ev map[string]any
	require.NoError(t, json.Unmarshal(m.Body, &ev))
	records := ev["Records"].([]any)
	require.Len(t, records, 1)
	r := records[0].(map[string]any)
	assert.Equal(t, "aws:sns", r["EventSource"])
	assert.Equal(t, "1.0", r["EventVersion"])
	assert.Equal(t, sub.SubscriptionArn, r["EventSubscriptionArn"])
	msg := r["Sns"].(map[string]any)
	assert.Equal(t, "Notification", msg["Type"])
	assert.Equal(t, pub.MessageId, msg["MessageId"])
	assert.Equal(t, topic.TopicArn, msg["TopicArn"])
	assert.Nil(t, msg["Subject"], "Subject is null when the message has none")
	assert.Contains(t, msg, "Subject")
	assert.Equal(t, "hello", msg["Message"])
	assert.Equal(t, "2030-01-01T00:00:00.000Z", msg["Timestamp"])
	assert.Equal(t, "1", msg["SignatureVersion"])
	assert.NotEmpty(t, msg["Signature"])
	assert.Contains(t, msg["SigningCertUrl"], "/_awsfake/sns/SimpleNotificationService-")
	assert.Equal(t, "http://awsfake.localhost/?Action=Unsubscribe&SubscriptionArn="+sub.SubscriptionArn, msg["UnsubscribeUrl"])
	assert.Equal(t, map[string]any{"k": map[string]any{"Type": "String", "Value": "v"}}, msg["MessageAttributes"])
}

func TestBusEndpoint_PublishesWhatOtherServicesPostToATopic(t *testing.T) {
	s, rec, b := newTestService(t)
	ctx := context.Background()
	topic, err := s.CreateTopic(ctx, CreateTopicInput{Name: "alarms"})
	require.NoError(t, err)
	q := "arn:aws:sqs:us-east-1:123456789012:alarms"
	_, err = s.Subscribe(ctx, SubscribeInput{TopicArn: topic.TopicArn, Protocol: "sqs", Endpoint: q,
		Attributes: map[string]string{"FilterPolicy": `{"severity":["high"]}`}})
	require.NoError(t, err)

	id, err := b.Invoke(ctx, topic.TopicArn, bus.Message{Source: "arn:aws:s3:::bucket", Body: []byte(`{"Records":[]}`),
		Meta:       map[string]string{bus.MetaSubject: "Amazon S3 Notification"},
		Attributes: map[string]bus.Attribute{"severity": {DataType: "String", StringValue: "high"}}})
	require.NoError(t, err)
	assert.Len(t, string(id), 36, "Invoke returns the message id")
	b.Post(topic.TopicArn, bus.Message{Body: []byte("low"), Attributes: map[string]bus.Attribute{"severity": {DataType: "String", StringValue: "low"}}})
	settle(t, b)

	got := rec.messages(q)
	require.Len(t, got, 1)
	var env struct{ Subject, Message, MessageId string }
	require.NoError(t, json.Unmarshal(got[0].Body, &env))
	assert.Equal(t, "Amazon S3 Notification", env.Subject)
	assert.Equal(t, `{"Records":[]}`, env.Message)
	assert.Equal(t, string(id), env.MessageId)
	for _, c := range s.Calls() {
		assert.NotEqual(t, "Publish", c.Operation, "publishes from the bus are not API calls")
	}

	_, err = b.Invoke(ctx, "arn:aws:sns:us-east-1:123456789012:missing", bus.Message{Body: []byte("x")})
	assert.True(t, awserr.Is(err, "NotFound"), "%v", err)
}

func TestRedrivePolicy_RefusedDeliveriesGoToTheDeadLetterQueueFunctionErrorsDoNot(t *testing.T) {
	s, rec, b := newTestService(t)
	ctx := context.Background()
	dlq := "arn:aws:sqs:us-east-1:123456789012:dlq"
	rec.fail = func(target string) error {
		switch target {
		case fn:
			return &bus.FunctionError{Type: "Unhandled", Payload: []byte(`{}`)}
		case "arn:aws:lambda:us-east-1:123456789012:function:gone":
			return errors.New("ResourceNotFoundException")
		}
		return nil
	}
	topic, err := s.CreateTopic(ctx, CreateTopicInput{Name: "orders"})
	require.NoError(t, err)
	redrive := map[string]string{"RedrivePolicy": `{"deadLetterTargetArn":"` + dlq + `"}`}
	for _, endpoint := range []string{fn, "arn:aws:lambda:us-east-1:123456789012:function:gone"} {
		_, err = s.Subscribe(ctx, SubscribeInput{TopicArn: topic.TopicArn, Protocol: "lambda", Endpoint: endpoint, Attributes: redrive})
		require.NoError(t, err)
	}
	_, err = s.Publish(ctx, PublishInput{TopicArn: topic.TopicArn, Message: "m"})
	require.NoError(t, err)
	settle(t, b)
	got := rec.messages(dlq)
	require.Len(t, got, 1, "only the refused delivery is dead-lettered")
	var ev snsEvent
	require.NoError(t, json.Unmarshal(got[0].Body, &ev))
	assert.Contains(t, ev.Records[0].EventSubscriptionArn, topic.TopicArn)
	assert.Empty(t, b.Failures())
}
