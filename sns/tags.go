package sns

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Tag is a topic tag.
type Tag struct {
	Key, Value string
}

// Tag rules ("Amazon SNS tags", TagResource API reference): at most 50 tags
// per topic; a key is 1 to 128 characters, a value 0 to 256; keys are
// distinct and do not start with the reserved "aws:".
const maxTags = 50

// checkTags validates tags as given to CreateTopic or TagResource.
func checkTags(tags []Tag) (map[string]string, error) {
	if len(tags) == 0 {
		return nil, nil
	}
	m := make(map[string]string, len(tags))
	for i, t := range tags {
		if _, dup := m[t.Key]; dup {
			return nil, invalidParameter("Invalid parameter: Duplicated keys are not allowed.")
		}
		if len(t.Key) < 1 || len(t.Key) > 128 {
			return nil, validationError("'"+t.Key+"'", "tags."+strconv.Itoa(i+1)+".member.key",
				"Member must have length less than or equal to 128 and greater than or equal to 1")
		}
		if len(t.Value) > 256 {
			return nil, validationError("'"+t.Value+"'", "tags."+strconv.Itoa(i+1)+".member.value",
				"Member must have length less than or equal to 256")
		}
		if strings.HasPrefix(strings.ToLower(t.Key), "aws:") {
			return nil, invalidParameter("Invalid parameter: Tags Reason: Tag keys must not start with 'aws:'")
		}
		m[t.Key] = t.Value
	}
	if len(m) > maxTags {
		return nil, tagLimit()
	}
	return m, nil
}

// TagResourceInput adds tags to a topic.
type TagResourceInput struct {
	ResourceArn string
	Tags        []Tag
}

// TagResource adds or overwrites tags of a topic.
func (s *Service) TagResource(ctx context.Context, in TagResourceInput) error {
	if _, err := s.enter(ctx, "TagResource"); err != nil {
		return err
	}
	tags, err := checkTags(in.Tags)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.taggedLocked(in.ResourceArn)
	if err != nil {
		return err
	}
	merged := maps.Clone(t.tags)
	maps.Copy(merged, tags)
	if len(merged) > maxTags {
		return tagLimit()
	}
	t.tags = merged
	return nil
}

// UntagResourceInput removes tags from a topic.
type UntagResourceInput struct {
	ResourceArn string
	TagKeys     []string
}

// UntagResource removes tags of a topic; absent keys are ignored.
func (s *Service) UntagResource(ctx context.Context, in UntagResourceInput) error {
	if _, err := s.enter(ctx, "UntagResource"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.taggedLocked(in.ResourceArn)
	if err != nil {
		return err
	}
	for _, k := range in.TagKeys {
		delete(t.tags, k)
	}
	return nil
}

// ResourceInput names a taggable resource (a topic).
type ResourceInput struct {
	ResourceArn string
}

// ListTagsForResourceOutput holds a topic's tags, sorted by key.
type ListTagsForResourceOutput struct {
	Tags []Tag
}

// ListTagsForResource returns a topic's tags.
func (s *Service) ListTagsForResource(ctx context.Context, in ResourceInput) (ListTagsForResourceOutput, error) {
	if _, err := s.enter(ctx, "ListTagsForResource"); err != nil {
		return ListTagsForResourceOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.taggedLocked(in.ResourceArn)
	if err != nil {
		return ListTagsForResourceOutput{}, err
	}
	out := ListTagsForResourceOutput{Tags: []Tag{}}
	for _, k := range slices.Sorted(maps.Keys(t.tags)) {
		out.Tags = append(out.Tags, Tag{Key: k, Value: t.tags[k]})
	}
	return out, nil
}

// taggedLocked returns the topic a tagging call names; a missing topic is
// ResourceNotFound, as AWS answers the tagging operations.
func (s *Service) taggedLocked(resourceArn string) (*topic, error) {
	if resourceArn == "" {
		return nil, missing("ResourceArn")
	}
	t := s.topics[resourceArn]
	if t == nil {
		return nil, errs.Default(codeResourceNotFound)
	}
	return t, nil
}
