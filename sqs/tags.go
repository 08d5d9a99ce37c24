package sqs

import (
	"context"
	"maps"
	"strings"
	"unicode"
	"unicode/utf8"
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

// validTags applies the tag quotas (SQS developer guide, "Quotas related to
// queues"): a key of 1 to 128 characters and a value of up to 256, of
// letters, digits, whitespace and _ . : / = + - @, and no aws: prefix.
func validTags(tags map[string]string) error {
	for _, k := range sortedKeys(tags) {
		v := tags[k]
		switch {
		case k == "" || utf8.RuneCountInString(k) > 128:
			return newError(codeInvalidParameterValue, "Tag keys must be between 1 and 128 characters in length.")
		case utf8.RuneCountInString(v) > 256:
			return newError(codeInvalidParameterValue, "Tag values must be less than 256 characters in length.")
		case strings.HasPrefix(strings.ToLower(k), "aws:"):
			return newError(codeInvalidParameterValue, "Tag keys must not start with the reserved prefix aws:.")
		case !tagChars(k) || !tagChars(v):
			return newError(codeInvalidParameterValue, "Tag keys and values may only contain Unicode letters, digits, "+
				"white space, or one of these symbols: _ . : / = + - @")
		}
	}
	return nil
}

func tagChars(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsSpace(r) && !strings.ContainsRune("_.:/=+-@", r) {
			return false
		}
	}
	return true
}

// TagQueue adds or overwrites tags of a queue.
func (s *Service) TagQueue(ctx context.Context, in TagQueueInput) error {
	_, err := s.enter(ctx, "TagQueue")
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
	q, err := s.queueByURL(in.QueueUrl)
	if err != nil {
		return err
	}
	maps.Copy(q.tags, in.Tags)
	return nil
}

// UntagQueue removes tags of a queue; keys it does not have are ignored.
func (s *Service) UntagQueue(ctx context.Context, in UntagQueueInput) error {
	_, err := s.enter(ctx, "UntagQueue")
	if err != nil {
		return err
	}
	if len(in.TagKeys) == 0 {
		return missingParameter("TagKeys")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(in.QueueUrl)
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
	_, err := s.enter(ctx, "ListQueueTags")
	if err != nil {
		return ListQueueTagsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(in.QueueUrl)
	if err != nil {
		return ListQueueTagsOutput{}, err
	}
	if len(q.tags) == 0 {
		return ListQueueTagsOutput{}, nil
	}
	return ListQueueTagsOutput{Tags: maps.Clone(q.tags)}, nil
}
