package apigw

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/tags"
)

// tagRules are API Gateway's: "key ≤ 128 chars, must not start with aws:;
// value ≤ 256 chars; 50 per stage" (reference/limits.md,
// api_op_CreateApiKey.go).
var tagRules = tags.Rules{Max: 50, Reserved: true, Errors: func(v tags.Violation) error {
	switch v.Kind {
	case tags.TooMany:
		return badRequest("Too many tags: a resource may have at most 50 tags")
	case tags.ReservedKey:
		return badRequest("Tag keys must not start with 'aws:'")
	default:
		return badRequest("Invalid tag key or value: %q=%q", v.Tag.Key, v.Tag.Value)
	}
}}

// TagResourceInput is TagResource's input: the ARN of a REST API or stage
// (arn:aws:apigateway:{region}::/restapis/{id}[/stages/{stage}]).
type TagResourceInput struct {
	ResourceArn string            `json:"-"`
	Tags        map[string]string `json:"tags"`
}

// UntagResourceInput is UntagResource's input.
type UntagResourceInput struct {
	ResourceArn string
	TagKeys     []string
}

// GetTagsInput is GetTags' input.
type GetTagsInput struct{ ResourceArn string }

// Tags is GetTags' answer.
type Tags struct {
	Tags map[string]string `json:"tags"`
}

// taggedLocked returns the tags of the REST API or stage an ARN names.
func (s *Service) taggedLocked(sc faults.Scope, resourceARN string) (*map[string]string, error) {
	a, err := arn.Parse(resourceARN)
	if err != nil || a.Service != arnService {
		return nil, badRequest("Invalid ARN specified: %s", resourceARN)
	}
	parts := strings.Split(strings.TrimPrefix(a.Resource, "/"), "/")
	if len(parts) < 2 || parts[0] != "restapis" {
		return nil, notFound("Invalid resource identifier specified")
	}
	owner := sc
	owner.Region = a.Region
	api, err := s.apiLocked(owner, parts[1])
	if err != nil {
		return nil, err
	}
	switch {
	case len(parts) == 2:
		return &api.Tags, nil
	case len(parts) == 4 && parts[2] == "stages":
		st := api.stages[parts[3]]
		if st == nil {
			return nil, errStageNotFound()
		}
		return &st.Tags, nil
	}
	return nil, notFound("Invalid resource identifier specified")
}

// TagResource adds or replaces tags of a REST API or stage.
func (s *Service) TagResource(ctx context.Context, in TagResourceInput) error {
	sc, err := s.enter(ctx, "TagResource")
	if err != nil {
		return err
	}
	list := tags.FromMap(in.Tags)
	if err := tagRules.Check(list); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.taggedLocked(sc, in.ResourceArn)
	if err != nil {
		return err
	}
	if err := tagRules.CheckMerged(*m, list); err != nil {
		return err
	}
	if *m == nil {
		*m = map[string]string{}
	}
	for k, v := range in.Tags {
		(*m)[k] = v
	}
	return nil
}

// UntagResource removes tags by key.
func (s *Service) UntagResource(ctx context.Context, in UntagResourceInput) error {
	sc, err := s.enter(ctx, "UntagResource")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.taggedLocked(sc, in.ResourceArn)
	if err != nil {
		return err
	}
	for _, k := range in.TagKeys {
		delete(*m, k)
	}
	return nil
}

// GetTags returns the tags of a REST API or stage.
func (s *Service) GetTags(ctx context.Context, in GetTagsInput) (Tags, error) {
	sc, err := s.enter(ctx, "GetTags")
	if err != nil {
		return Tags{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.taggedLocked(sc, in.ResourceArn)
	if err != nil {
		return Tags{}, err
	}
	out := clone(*m)
	if out == nil {
		out = map[string]string{}
	}
	return Tags{Tags: out}, nil
}
