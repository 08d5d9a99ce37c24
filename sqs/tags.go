package sqs

import (
	"context"
	"maps"
	"math"

	"github.com/awsfake/awsfake/internal/tags"
)

// TagQueueInput adds tags to a queue; a key it already has is overwritten.
type TagQueueInput struct {
	QueueUrl string            `json:"QueueUrl"`
	Tags     map[string]string `json:"Tags"`
}

// UntagQueueInput removes tags by key.
type UntagQueueInput struct {
	QueueUrl string   `json:"QueueUrl"`
	TagKeys  []string `json:"TagKeys"`
}

// ListQueueTagsInput names the queue whose tags are wanted.
type ListQueueTagsInput struct {
	QueueUrl string `json:"QueueUrl"`
}

// ListQueueTagsOutput holds a queue's tags.
type ListQueueTagsOutput struct {
	Tags map[string]string `json:"Tags,omitempty"`
}

// tagRules are the tag quotas (SQS developer guide, "Quotas related to
// queues"): a key of 1 to 128 characters and a value of up to 256, of
// letters, digits, white space and _ . : / = + - @, and no aws: prefix. AWS
// counts characters, not bytes. More than 50 tags per queue is "not
// recommended", not refused, so the count is not limited.
var tagRules = tags.Rules{Max: math.MaxInt, Reserved: true, Chars: true, Errors: tagError}

// tagError words a broken tag rule as SQS does.
func tagError(v tags.Violation) error {
	switch v.Kind {
	case tags.KeyLength:
		return newError(codeInvalidParameterValue, "Tag keys must be between 1 and 128 characters in length.")
	case tags.ValueLength:
		return newError(codeInvalidParameterValue, "Tag values must be less than 256 characters in length.")
	case tags.ReservedKey:
		return newError(codeInvalidParameterValue, "Tag keys must not start with the reserved prefix aws:.")
	}
	return newError(codeInvalidParameterValue, "Tag keys and values may only contain Unicode letters, digits, "+
		"white space, or one of these symbols: _ . : / = + - @")
}

// validTags checks tags against tagRules, in key order.
func validTags(m map[string]string) error { return tagRules.Check(tags.FromMap(m)) }

// TagQueue adds or overwrites tags of a queue.
func (s *Service) TagQueue(ctx context.Context, in TagQueueInput) error {
	sc, err := s.enter(ctx, "TagQueue")
	if err != nil {
		return err
	}
	if len(in.Tags) == 0 {
		return missingParameter("Tags")
	}
	if err := validTags(in.Tags); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return err
	}
	maps.Copy(q.tags, in.Tags)
	return nil
}

// UntagQueue removes tags of a queue; keys it does not have are ignored.
func (s *Service) UntagQueue(ctx context.Context, in UntagQueueInput) error {
	sc, err := s.enter(ctx, "UntagQueue")
	if err != nil {
		return err
	}
	if len(in.TagKeys) == 0 {
		return missingParameter("TagKeys")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return err
	}
	for _, k := range in.TagKeys {
		delete(q.tags, k)
	}
	return nil
}

// ListQueueTags returns a copy of a queue's tags.
func (s *Service) ListQueueTags(ctx context.Context, in ListQueueTagsInput) (ListQueueTagsOutput, error) {
	sc, err := s.enter(ctx, "ListQueueTags")
	if err != nil {
		return ListQueueTagsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return ListQueueTagsOutput{}, err
	}
	if len(q.tags) == 0 {
		return ListQueueTagsOutput{}, nil
	}
	return ListQueueTagsOutput{Tags: maps.Clone(q.tags)}, nil
}
