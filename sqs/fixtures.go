package sqs

import (
	"context"
	"maps"
	"strings"
	"testing"
)

// Queue is a queue a fixture made.
type Queue struct {
	Name, URL, ARN string
}

// QueueT creates a queue in the cloud's own account and region with attrs
// (nil for the defaults; a name ending in .fifo makes a FIFO queue) and
// returns its URL and ARN, failing tb on any error.
func (s *Service) QueueT(tb testing.TB, name string, attrs map[string]string) Queue {
	tb.Helper()
	ctx := context.Background()
	if strings.HasSuffix(name, ".fifo") && attrs["FifoQueue"] == "" {
		attrs = maps.Clone(attrs)
		if attrs == nil {
			attrs = map[string]string{}
		}
		attrs["FifoQueue"] = "true"
	}
	q, err := s.CreateQueue(ctx, CreateQueueInput{QueueName: name, Attributes: attrs})
	if err != nil {
		tb.Fatalf("sqs: QueueT(%q): %v", name, err)
		return Queue{}
	}
	got, err := s.GetQueueAttributes(ctx, GetQueueAttributesInput{QueueUrl: q.QueueUrl, AttributeNames: []string{"QueueArn"}})
	if err != nil {
		tb.Fatalf("sqs: QueueT(%q): %v", name, err)
		return Queue{}
	}
	return Queue{Name: name, URL: q.QueueUrl, ARN: got.Attributes["QueueArn"]}
}
