package eventbridge

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/tags"
)

// tagRules are EventBridge's and Scheduler's tag limits: 50 tags, keys of
// 128 and values of 256 characters.
var tagRules = tags.Rules{Max: 50, Errors: func(v tags.Violation) error {
	return errValidation("Tag %q is not valid.", v.Tag.Key)
}}

func checkTags(ts []Tag) error { return tagRules.Check(toTags(ts)) }

func toTags(ts []Tag) []tags.Tag {
	out := make([]tags.Tag, len(ts))
	for i, t := range ts {
		out[i] = tags.Tag{Key: t.Key, Value: t.Value}
	}
	return out
}

// setTags merges ts into a resource's tags. It runs under the lock.
func (s *Service) setTags(arn string, ts []Tag) {
	if len(ts) == 0 {
		return
	}
	m := s.tags[arn]
	if m == nil {
		m = map[string]string{}
		s.tags[arn] = m
	}
	for _, t := range ts {
		m[t.Key] = t.Value
	}
}

func (s *Service) tagList(arn string) []Tag {
	out := []Tag{}
	for _, t := range tags.FromMap(s.tags[arn]) {
		out = append(out, Tag{Key: t.Key, Value: t.Value})
	}
	return out
}

// TagResourceInput is TagResource's input; for a Scheduler resource the
// ARN is the path's.
type TagResourceInput struct {
	ResourceARN string `json:",omitempty"`
	Tags        []Tag
}

// TagResource tags a bus, a rule or (through the scheduler client) a
// schedule group.
func (s *Service) TagResource(ctx context.Context, in TagResourceInput) error {
	_, err := s.enter(ctx, "TagResource")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.resourceExists(in.ResourceARN); err != nil {
		return err
	}
	if err := tagRules.CheckMerged(s.tags[in.ResourceARN], toTags(in.Tags)); err != nil {
		return err
	}
	s.setTags(in.ResourceARN, in.Tags)
	return nil
}

// UntagResourceInput is UntagResource's input.
type UntagResourceInput struct {
	ResourceARN string `json:",omitempty"`
	TagKeys     []string
}

// UntagResource removes tags by key.
func (s *Service) UntagResource(ctx context.Context, in UntagResourceInput) error {
	_, err := s.enter(ctx, "UntagResource")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.resourceExists(in.ResourceARN); err != nil {
		return err
	}
	for _, k := range in.TagKeys {
		delete(s.tags[in.ResourceARN], k)
	}
	return nil
}

// ListTagsForResourceInput is ListTagsForResource's input.
type ListTagsForResourceInput struct {
	ResourceARN string `json:",omitempty"`
}

// ListTagsForResourceOutput is ListTagsForResource's output.
type ListTagsForResourceOutput struct{ Tags []Tag }

// ListTagsForResource lists a resource's tags by key.
func (s *Service) ListTagsForResource(ctx context.Context, in ListTagsForResourceInput) (ListTagsForResourceOutput, error) {
	_, err := s.enter(ctx, "ListTagsForResource")
	if err != nil {
		return ListTagsForResourceOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.resourceExists(in.ResourceARN); err != nil {
		return ListTagsForResourceOutput{}, err
	}
	return ListTagsForResourceOutput{Tags: s.tagList(in.ResourceARN)}, nil
}

// resourceExists reports whether an ARN names a bus, a rule or a schedule
// group of the cloud, with each service's not-found error. It runs under
// the lock.
func (s *Service) resourceExists(resourceARN string) error {
	a, ok := parseARN(resourceARN)
	if !ok {
		return errValidation("Parameter ResourceARN is not valid.")
	}
	p := s.part(scopeOfARN(a))
	switch kind, rest, _ := strings.Cut(a.Resource, "/"); kind {
	case "event-bus":
		if p.buses[rest] != nil {
			return nil
		}
		return errNoBus(rest)
	case "rule":
		busName, name, custom := strings.Cut(rest, "/")
		if !custom {
			busName, name = defaultBus, rest
		}
		if b := p.buses[busName]; b != nil && b.rules[name] != nil {
			return nil
		}
		return errNoRule(name, busName)
	case "schedule-group":
		if p.groups[rest] != nil {
			return nil
		}
		return schedError(codeResourceNotFound, "Schedule group %s does not exist.", rest)
	}
	return newError(codeResourceNotFound, "Resource %s does not exist.", resourceARN)
}
