package stepfn

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/tags"
)

// tagRules are Step Functions' tag rules: 50 tags, keys of 1 to 128 and
// values of up to 256 characters; more is TooManyTags.
var tagRules = tags.Rules{Max: 50, Errors: func(v tags.Violation) error {
	switch v.Kind {
	case tags.TooMany:
		return newError(codeTooManyTags, "Too many tags: a resource holds at most 50")
	case tags.KeyLength:
		return validation(v.Tag.Key, "tags.member.key", "Member must have length between 1 and 128")
	case tags.ValueLength:
		return validation(v.Tag.Value, "tags.member.value", "Member must have length less than or equal to 256")
	}
	return newError(codeValidation, "Invalid tag: %s", v.Tag.Key)
}}

func toTags(in []Tag) []tags.Tag {
	out := make([]tags.Tag, len(in))
	for i, t := range in {
		out[i] = tags.Tag{Key: t.Key, Value: t.Value}
	}
	return out
}

func tagError(err error) error { return err }

// taggable finds the tag map of a machine or an activity;
// it runs under the lock.
func (s *Service) taggable(resource string) (map[string]string, error) {
	a, err := arn.Parse(resource)
	if err != nil || a.Service != arnService {
		return nil, invalidArn(resource)
	}
	if !strings.HasPrefix(a.Resource, "stateMachine:") {
		if strings.HasPrefix(a.Resource, "activity:") {
			if act := s.activityByARN(resource); act != nil {
				return act.tags, nil
			}
			return nil, newError(codeResourceNotFound, "Resource not found: '%s'", resource)
		}
		return nil, invalidArn(resource)
	}
	t, err := s.resolve(resource)
	if err != nil {
		return nil, newError(codeResourceNotFound, "Resource not found: '%s'", resource)
	}
	if t.v != nil || t.a != nil {
		return nil, invalidArn(resource)
	}
	return t.m.tags, nil
}

// TagResource adds tags to a state machine.
func (s *Service) TagResource(ctx context.Context, in TagResourceInput) error {
	if _, err := s.enter(ctx, "TagResource"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	have, err := s.taggable(in.ResourceArn)
	if err != nil {
		return err
	}
	if err := tagRules.Check(toTags(in.Tags)); err != nil {
		return err
	}
	if err := tagRules.CheckMerged(have, toTags(in.Tags)); err != nil {
		return err
	}
	for _, t := range in.Tags {
		have[t.Key] = t.Value
	}
	return nil
}

// UntagResource removes tags from a state machine.
func (s *Service) UntagResource(ctx context.Context, in UntagResourceInput) error {
	if _, err := s.enter(ctx, "UntagResource"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	have, err := s.taggable(in.ResourceArn)
	if err != nil {
		return err
	}
	for _, k := range in.TagKeys {
		delete(have, k)
	}
	return nil
}

// ListTagsForResource lists a state machine's tags, by key.
func (s *Service) ListTagsForResource(ctx context.Context, in ResourceInput) (ListTagsForResourceOutput, error) {
	if _, err := s.enter(ctx, "ListTagsForResource"); err != nil {
		return ListTagsForResourceOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	have, err := s.taggable(in.ResourceArn)
	if err != nil {
		return ListTagsForResourceOutput{}, err
	}
	out := ListTagsForResourceOutput{Tags: []Tag{}}
	for _, t := range tags.FromMap(have) {
		out.Tags = append(out.Tags, Tag{Key: t.Key, Value: t.Value})
	}
	return out, nil
}
