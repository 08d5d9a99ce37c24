package lambda

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
)

// maxTags is the quota on tags per resource.
const maxTags = 50

// checkTags applies AWS's tag rules: at most 50, keys of 1 to 128
// characters not starting with aws:, values of at most 256.
func checkTags(tags map[string]string) error {
	if len(tags) > maxTags {
		return errInvalid("Number of tags exceeds resource tag limit.")
	}
	// In key order, so that the same tags always give the same error.
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		switch v := tags[k]; {
		case k == "" || len(k) > 128:
			return errValidation("tags", k, "Map keys must satisfy constraint: [Member must have length between 1 and 128]")
		case len(v) > 256:
			return errValidation("tags", v, "Map value must satisfy constraint: [Member must have length less than or equal to 256]")
		case strings.HasPrefix(strings.ToLower(k), "aws:"):
			return errInvalid("Tag keys may not start with the reserved prefix aws:.")
		}
	}
	return nil
}

// tagsLocked returns the tag map of the resource ARN: a function (not a
// version or alias) or an event source mapping.
func (s *Service) tagsLocked(resource string) (map[string]string, error) {
	a, err := arn.Parse(resource)
	if err != nil || a.Service != "lambda" {
		return nil, errValidation("resource", resource,
			`Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:(function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?|event-source-mapping:[0-9a-f-]+)`)
	}
	if uuid, ok := strings.CutPrefix(a.Resource, "event-source-mapping:"); ok {
		m := s.mappings[uuid]
		if m == nil || a.Account != s.env.AccountID || a.Region != s.env.Region {
			return nil, errNotFound("The resource you requested does not exist.")
		}
		return m.tags, nil
	}
	r, err := s.parseRef("resource", resource, "")
	if err != nil {
		return nil, err
	}
	if r.qualifier != "" {
		return nil, errInvalid("Tags are not supported for function versions or aliases: %s", resource)
	}
	f, err := s.lookupLocked(r)
	if err != nil {
		return nil, err
	}
	return f.tags, nil
}

// TagResourceInput adds tags to a resource.
type TagResourceInput struct {
	Resource string
	Tags     map[string]string
}

// TagResource adds or replaces tags on a function or event source mapping.
func (s *Service) TagResource(ctx context.Context, in TagResourceInput) error {
	if _, err := s.enter(ctx, "TagResource"); err != nil {
		return err
	}
	if err := checkTags(in.Tags); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tags, err := s.tagsLocked(in.Resource)
	if err != nil {
		return err
	}
	merged := maps.Clone(tags)
	maps.Copy(merged, in.Tags)
	if len(merged) > maxTags {
		return errInvalid("Number of tags exceeds resource tag limit.")
	}
	maps.Copy(tags, in.Tags)
	return nil
}

// UntagResourceInput removes tags from a resource.
type UntagResourceInput struct {
	Resource string
	TagKeys  []string
}

// UntagResource removes tags; keys that are not there are ignored.
func (s *Service) UntagResource(ctx context.Context, in UntagResourceInput) error {
	if _, err := s.enter(ctx, "UntagResource"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tags, err := s.tagsLocked(in.Resource)
	if err != nil {
		return err
	}
	for _, k := range in.TagKeys {
		delete(tags, k)
	}
	return nil
}

// ListTagsInput names a resource.
type ListTagsInput struct {
	Resource string
}

// ListTagsOutput holds a resource's tags.
type ListTagsOutput struct {
	Tags map[string]string
}

// ListTags returns a resource's tags.
func (s *Service) ListTags(ctx context.Context, in ListTagsInput) (ListTagsOutput, error) {
	if _, err := s.enter(ctx, "ListTags"); err != nil {
		return ListTagsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tags, err := s.tagsLocked(in.Resource)
	if err != nil {
		return ListTagsOutput{}, err
	}
	out := maps.Clone(tags)
	if out == nil {
		out = map[string]string{}
	}
	return ListTagsOutput{Tags: out}, nil
}
