package route53

import (
	"context"
	"sort"

	"github.com/awsfake/awsfake/internal/tags"
)

// tagRules are Route 53's tag rules: up to 50 tags a resource ("Tagging
// Amazon Route 53 resources"), keys up to 128 characters, values up to 256,
// 1 to 10 to add or remove per call (the model's TagList and TagKeyList).
var tagRules = tags.Rules{Max: 50, Errors: func(v tags.Violation) error {
	switch v.Kind {
	case tags.TooMany:
		return invalidInput("The number of tags exceeds the limit of 50.")
	case tags.ValueLength:
		return invalidInput("1 validation error detected: Value '%s' at 'addTags.member.value' failed to satisfy constraint: Member must have length less than or equal to 256", v.Tag.Value)
	case tags.DuplicateKey:
		return invalidInput("Duplicate tag key: %s", v.Tag.Key)
	}
	return invalidInput("1 validation error detected: Value '%s' at 'addTags.member.key' failed to satisfy constraint: Member must have length between 1 and 128", v.Tag.Key)
}}

// ChangeTagsForResourceInput is ChangeTagsForResource's input.
type ChangeTagsForResourceInput struct {
	// ResourceType is hostedzone or healthcheck.
	ResourceType  string   `xml:"-"`
	ResourceId    string   `xml:"-"`
	AddTags       []Tag    `xml:"AddTags>Tag"`
	RemoveTagKeys []string `xml:"RemoveTagKeys>Key"`
}

// ChangeTagsForResource adds and removes tags of a hosted zone or a health
// check.
func (s *Service) ChangeTagsForResource(ctx context.Context, in ChangeTagsForResourceInput) error {
	sc, err := s.enter(ctx, "ChangeTagsForResource")
	if err != nil {
		return err
	}
	if len(in.AddTags) > 10 || len(in.RemoveTagKeys) > 10 {
		return invalidInput("1 validation error detected: Value at 'addTags' failed to satisfy constraint: Member must have length less than or equal to 10")
	}
	add := make([]tags.Tag, len(in.AddTags))
	for i, t := range in.AddTags {
		add[i] = tags.Tag{Key: t.Key, Value: t.Value}
	}
	if err := tagRules.Check(add); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.taggedLocked(sc.Account, in.ResourceType, in.ResourceId)
	if err != nil {
		return err
	}
	if err := tagRules.CheckMerged(z.tags, add); err != nil {
		return err
	}
	for _, k := range in.RemoveTagKeys {
		delete(z.tags, k)
	}
	for _, t := range add {
		z.tags[t.Key] = t.Value
	}
	return nil
}

// tagged is a resource a tag call names: its type, id and tags.
type tagged struct {
	typ, id string
	tags    map[string]string
}

// taggedLocked returns the zone or health check a tag call names.
func (s *Service) taggedLocked(account, typ, id string) (*tagged, error) {
	switch typ {
	case "hostedzone":
		z, err := s.zoneLocked(account, id)
		if err != nil {
			return nil, err
		}
		return &tagged{typ: typ, id: z.id, tags: z.tags}, nil
	case "healthcheck":
		hc, err := s.healthCheckLocked(account, id)
		if err != nil {
			return nil, err
		}
		if hc.tags == nil {
			hc.tags = map[string]string{}
		}
		return &tagged{typ: typ, id: hc.Id, tags: hc.tags}, nil
	}
	return nil, invalidInput("1 validation error detected: Value '%s' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: [healthcheck, hostedzone]", typ)
}

// ResourceTagSet is the tags of one resource.
type ResourceTagSet struct {
	ResourceType string `xml:"ResourceType"`
	ResourceId   string `xml:"ResourceId"`
	Tags         []Tag  `xml:"Tags>Tag"`
}

func (z *tagged) tagSet() ResourceTagSet {
	out := ResourceTagSet{ResourceType: z.typ, ResourceId: z.id, Tags: []Tag{}}
	for k, v := range z.tags {
		out.Tags = append(out.Tags, Tag{Key: k, Value: v})
	}
	sort.Slice(out.Tags, func(i, j int) bool { return out.Tags[i].Key < out.Tags[j].Key })
	return out
}

// ListTagsForResourceInput is ListTagsForResource's input.
type ListTagsForResourceInput struct {
	ResourceType, ResourceId string
}

// ListTagsForResourceOutput is ListTagsForResource's output.
type ListTagsForResourceOutput struct {
	ResourceTagSet ResourceTagSet `xml:"ResourceTagSet"`
}

// ListTagsForResource returns a hosted zone's or health check's tags,
// sorted by key.
func (s *Service) ListTagsForResource(ctx context.Context, in ListTagsForResourceInput) (ListTagsForResourceOutput, error) {
	sc, err := s.enter(ctx, "ListTagsForResource")
	if err != nil {
		return ListTagsForResourceOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.taggedLocked(sc.Account, in.ResourceType, in.ResourceId)
	if err != nil {
		return ListTagsForResourceOutput{}, err
	}
	return ListTagsForResourceOutput{ResourceTagSet: z.tagSet()}, nil
}

// ListTagsForResourcesInput is ListTagsForResources' input.
type ListTagsForResourcesInput struct {
	ResourceType string   `xml:"-"`
	ResourceIds  []string `xml:"ResourceIds>ResourceId"`
}

// ListTagsForResourcesOutput is ListTagsForResources' output.
type ListTagsForResourcesOutput struct {
	ResourceTagSets []ResourceTagSet `xml:"ResourceTagSets>ResourceTagSet"`
}

// ListTagsForResources returns the tags of up to 10 hosted zones or
// health checks.
func (s *Service) ListTagsForResources(ctx context.Context, in ListTagsForResourcesInput) (ListTagsForResourcesOutput, error) {
	sc, err := s.enter(ctx, "ListTagsForResources")
	if err != nil {
		return ListTagsForResourcesOutput{}, err
	}
	if n := len(in.ResourceIds); n == 0 || n > 10 {
		return ListTagsForResourcesOutput{}, invalidInput("1 validation error detected: Value at 'resourceIds' failed to satisfy constraint: Member must have length between 1 and 10")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := ListTagsForResourcesOutput{}
	for _, id := range in.ResourceIds {
		z, err := s.taggedLocked(sc.Account, in.ResourceType, id)
		if err != nil {
			return ListTagsForResourcesOutput{}, err
		}
		out.ResourceTagSets = append(out.ResourceTagSets, z.tagSet())
	}
	return out, nil
}
