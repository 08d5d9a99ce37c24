package sns

import (
	"context"
	"maps"
	"slices"
	"strconv"

	"github.com/awsfake/awsfake/internal/tags"
)

// Tag is a topic tag.
type Tag struct {
	Key, Value string
}

// tagRules are SNS's ("Amazon SNS tags", TagResource API reference): at
// most 50 tags per topic; a key is 1 to 128 characters, a value 0 to 256
// (characters, not bytes); keys are distinct and do not start with the
// reserved "aws:".
var tagRules = tags.Rules{Max: 50, Reserved: true}

// checkTags validates tags as given to CreateTopic or TagResource and
// returns them as a map.
func checkTags(in []Tag) (map[string]string, error) {
	if len(in) == 0 {
		return nil, nil
	}
	list := make([]tags.Tag, len(in))
	for i, t := range in {
		list[i] = tags.Tag(t)
	}
	rules := tagRules
	rules.Errors = func(v tags.Violation) error { return tagError(v, slices.Index(list, v.Tag)+1) }
	if err := rules.Check(list); err != nil {
		return nil, err
	}
	return tags.ToMap(list), nil
}

// tagError is SNS's wording of a broken tag rule; position is the tag's,
// from 1, in the request.
func tagError(v tags.Violation, position int) error {
	member := "tags." + strconv.Itoa(position) + ".member."
	switch v.Kind {
	case tags.TooMany:
		return tagLimit()
	case tags.KeyLength:
		return validationError("'"+v.Tag.Key+"'", member+"key",
			"Member must have length less than or equal to 128 and greater than or equal to 1")
	case tags.ValueLength:
		return validationError("'"+v.Tag.Value+"'", member+"value", "Member must have length less than or equal to 256")
	case tags.ReservedKey:
		return invalidParameter("Invalid parameter: Tags Reason: Tag keys must not start with 'aws:'")
	default: // tags.DuplicateKey
		return invalidParameter("Invalid parameter: Duplicated keys are not allowed.")
	}
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
	add, err := checkTags(in.Tags)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.taggedLocked(in.ResourceArn)
	if err != nil {
		return err
	}
	merged := tagRules
	merged.Errors = func(tags.Violation) error { return tagLimit() }
	if err := merged.CheckMerged(t.tags, tags.FromMap(add)); err != nil {
		return err
	}
	maps.Copy(t.tags, add)
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
	for _, tg := range tags.FromMap(t.tags) {
		out.Tags = append(out.Tags, Tag(tg))
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
