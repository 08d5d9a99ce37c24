package sqs

import "context"

// ListDeadLetterSourceQueuesInput names a dead-letter queue and pages its
// sources.
type ListDeadLetterSourceQueuesInput struct {
	QueueUrl  string `json:"QueueUrl"`
	NextToken string `json:"NextToken,omitempty"`
	// MaxResults is 1 to 1000; without it, up to 1000 URLs and no NextToken.
	MaxResults *int32 `json:"MaxResults,omitempty"`
}

// ListDeadLetterSourceQueuesOutput is one page of source queue URLs.
type ListDeadLetterSourceQueuesOutput struct {
	QueueUrls []string `json:"queueUrls"`
	NextToken string   `json:"NextToken,omitempty"`
}

// ListDeadLetterSourceQueues lists the queues whose RedrivePolicy targets
// the queue, in name order.
func (s *Service) ListDeadLetterSourceQueues(ctx context.Context, in ListDeadLetterSourceQueuesInput) (ListDeadLetterSourceQueuesOutput, error) {
	sc, err := s.enter(ctx, "ListDeadLetterSourceQueues")
	if err != nil {
		return ListDeadLetterSourceQueuesOutput{}, err
	}
	s.mu.Lock()
	dlq, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		s.mu.Unlock()
		return ListDeadLetterSourceQueuesOutput{}, err
	}
	names := s.sourcesOf(dlq)
	s.mu.Unlock()
	urls, next, err := s.urlPage(dlq.part.urlPrefix, names, in.NextToken, in.MaxResults)
	if err != nil {
		return ListDeadLetterSourceQueuesOutput{}, err
	}
	if urls == nil {
		urls = []string{} // queueUrls is a required member: an empty page is []
	}
	return ListDeadLetterSourceQueuesOutput{QueueUrls: urls, NextToken: next}, nil
}

// sourcesOf returns the names of the queues whose dead-letter queue is
// dlq, in its account and region (where AWS keeps a queue's dead-letter
// queue). It runs under the lock.
func (s *Service) sourcesOf(dlq *queue) []string {
	var names []string
	for name, q := range dlq.part.queues {
		if q.cfg.redrive != nil && q.cfg.redrive.target == dlq.arn {
			names = append(names, name)
		}
	}
	return names
}
