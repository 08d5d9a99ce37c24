package sqs

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
)

// A delivery to a queue ARN is a send (bus/meta.go): body, attributes, FIFO
// fields and trace header; Invoke answers with the MessageId.
func TestBus_DeliveryToAQueueARNSendsAMessage(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	out, err := s.CreateQueue(ctx, CreateQueueInput{QueueName: "q.fifo", Attributes: map[string]string{"FifoQueue": "true"}})
	require.NoError(t, err)
	id, err := s.env.Bus.Invoke(ctx, "arn:aws:sqs:us-east-1:000000000000:q.fifo", bus.Message{
		Source: "arn:aws:sns:us-east-1:000000000000:t", Body: []byte(`{"hello":1}`),
		Attributes: map[string]bus.Attribute{"k": {DataType: "String", StringValue: "v"}},
		GroupID:    "g", DeduplicationID: "d", Meta: map[string]string{bus.MetaTraceHeader: "Root=1-abc"},
	})
	require.NoError(t, err)
	got, err := s.ReceiveMessage(ctx, ReceiveMessageInput{QueueUrl: out.QueueUrl, AttributeNames: []string{"All"}, MessageAttributeNames: []string{"All"}})
	require.NoError(t, err)
	require.Len(t, got.Messages, 1)
	m := got.Messages[0]
	assert.Equal(t, string(id), m.MessageId)
	assert.Equal(t, `{"hello":1}`, m.Body)
	assert.Equal(t, "v", m.MessageAttributes["k"].StringValue)
	assert.Equal(t, "g", m.Attributes["MessageGroupId"])
	assert.Equal(t, "d", m.Attributes["MessageDeduplicationId"])
	assert.Equal(t, "Root=1-abc", m.Attributes["AWSTraceHeader"])
}

// A delivery to a queue that does not exist fails; posted, it is recorded
// among the bus's failures.
func TestBus_DeliveryToAMissingQueueFails(t *testing.T) {
	s, _ := newTestService(t)
	target := "arn:aws:sqs:us-east-1:000000000000:missing"
	_, err := s.env.Bus.Invoke(context.Background(), target, bus.Message{Body: []byte("x")})
	assert.True(t, awserr.Is(err, codeQueueDoesNotExist), "%v", err)
	s.env.Bus.Post(target, bus.Message{Body: []byte("x")})
	require.NoError(t, s.env.Bus.Settle(context.Background()))
	fails := s.env.Bus.Failures()
	require.Len(t, fails, 1)
	assert.Equal(t, target, fails[0].Target)
}
