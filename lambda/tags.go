package lambda

import (
	"context"
	"maps"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/tags"
)

// tagRules are AWS's tag rules as Lambda words them: at most 50 tags, keys
// of 1 to 128 characters (characters, not bytes) not starting with aws:,
// values of at most 256.
var tagRules = tags.Rules{Max: 50, Reserved: true, Errors: func(v tags.Violation) error {
	switch v.Kind {
	case tags.TooMany:
		return errInvalid("Number of tags exceeds resource tag limit.")
	case tags.KeyLength:
		return errValidation("tags", v.Tag.Key, "Map keys must satisfy constraint: [Member must have length between 1 and 128]")
	case tags.ValueLength:
		return errValidation("tags", v.Tag.Value, "Map value must satisfy constraint: [Member must have length less than or equal to 256]")
	}
	return errInvalid("Tag keys may not start with the reserved prefix aws:.")
}}

// checkTags applies tagRules to the tags of a request, in key order, so
// that the same tags always give the same error.
func checkTags(in map[string]string) error { return tagRules.Check(tags.FromMap(in)) }

// tagsLocked returns the tag map of the resource ARN: a function (not a
// version or alias) or an event source mapping.
func (s *Service) tagsLocked(sc faults.Scope, resource string) (map[string]string, error) {
	a, err := arn.Parse(resource)
	if err != nil || a.Service != "lambda" {
		return nil, errValidation("resource", resource,
			`Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:(function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?|event-source-mapping:[0-9a-f-]+)`)
	}
	if uuid, ok := strings.CutPrefix(a.Resource, "event-source-mapping:"); ok {
		var m *mapping
		if p := s.partitionLocked(placeOf(sc)); p != nil && a.Account == sc.Account && a.Region == sc.Region {
			m = p.mappings[uuid]
		}
		if m == nil {
			return nil, errNotFound("The resource you requested does not exist.")
		}
		return m.tags, nil
	}
	r, err := s.parseRef(sc, "resource", resource, "")
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
	sc, err := s.enter(ctx, "TagResource")
	if err != nil {
		return err
	}
	if err := checkTags(in.Tags); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	have, err := s.tagsLocked(sc, in.Resource)
	if err != nil {
		return err
	}
	if err := tagRules.CheckMerged(have, tags.FromMap(in.Tags)); err != nil {
		return err
	}
	maps.Copy(have, in.Tags)
	return nil
}

// UntagResourceInput removes tags from a resource.
type UntagResourceInput struct {
	Resource string
	TagKeys  []string
}

// UntagResource removes tags; keys that are not there are ignored.
func (s *Service) UntagResource(ctx context.Context, in UntagResourceInput) error {
	sc, err := s.enter(ctx, "UntagResource")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	have, err := s.tagsLocked(sc, in.Resource)
	if err != nil {
		return err
	}
	for _, k := range in.TagKeys {
		delete(have, k)
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
	sc, err := s.enter(ctx, "ListTags")
	if err != nil {
		return ListTagsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	have, err := s.tagsLocked(sc, in.Resource)
	if err != nil {
		return ListTagsOutput{}, err
	}
	out := maps.Clone(have)
	if out == nil {
		out = map[string]string{}
	}
	return ListTagsOutput{Tags: out}, nil
}
