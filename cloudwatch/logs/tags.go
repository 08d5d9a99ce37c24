package logs

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/tags"
)

// tagRules are Logs' tag rules (model logs [Tags]: 1 to 50 tags, keys of
// 1 to 128 characters, values up to 256, aws: reserved).
var tagRules = tags.Rules{Max: 50, Reserved: true, Errors: func(v tags.Violation) error {
	switch v.Kind {
	case tags.TooMany:
		return errs.New(codeTooManyTags, "A resource can have no more than 50 tags.")
	case tags.ReservedKey:
		return invalidParam("Tag keys cannot start with the reserved prefix aws:.")
	case tags.KeyLength:
		return constraint("tags", v.Tag.Key, "Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]")
	default:
		return constraint("tags", v.Tag.Value, "Map value must satisfy constraint: [Member must have length less than or equal to 256]")
	}
}}

// checkTags applies the tag rules to the tags of a request.
func checkTags(m map[string]string) error {
	if len(m) == 0 {
		return nil
	}
	return tagRules.Check(tags.FromMap(m))
}

// TagLogGroupInput is the input of TagLogGroup.
type TagLogGroupInput struct {
	LogGroupName string            `json:"logGroupName"`
	Tags         map[string]string `json:"tags"`
}

// TagLogGroup adds tags to a log group (AWS's older tagging operation).
func (s *Service) TagLogGroup(ctx context.Context, in TagLogGroupInput) error {
	sc, err := s.enter(ctx, "TagLogGroup")
	if err != nil {
		return err
	}
	return s.tag(sc, in.LogGroupName, in.Tags)
}

// UntagLogGroupInput is the input of UntagLogGroup.
type UntagLogGroupInput struct {
	LogGroupName string   `json:"logGroupName"`
	Tags         []string `json:"tags"`
}

// UntagLogGroup removes tags from a log group.
func (s *Service) UntagLogGroup(ctx context.Context, in UntagLogGroupInput) error {
	sc, err := s.enter(ctx, "UntagLogGroup")
	if err != nil {
		return err
	}
	return s.untag(sc, in.LogGroupName, in.Tags)
}

// ListTagsLogGroupInput is the input of ListTagsLogGroup.
type ListTagsLogGroupInput struct {
	LogGroupName string `json:"logGroupName"`
}

// TagsOutput is the output of ListTagsLogGroup and ListTagsForResource.
type TagsOutput struct {
	Tags map[string]string `json:"tags"`
}

// ListTagsLogGroup returns a log group's tags.
func (s *Service) ListTagsLogGroup(ctx context.Context, in ListTagsLogGroupInput) (TagsOutput, error) {
	sc, err := s.enter(ctx, "ListTagsLogGroup")
	if err != nil {
		return TagsOutput{}, err
	}
	return s.listTags(sc, in.LogGroupName)
}

// TagResourceInput is the input of TagResource.
type TagResourceInput struct {
	ResourceArn string            `json:"resourceArn"`
	Tags        map[string]string `json:"tags"`
}

// TagResource adds tags to the log group an ARN names.
func (s *Service) TagResource(ctx context.Context, in TagResourceInput) error {
	sc, err := s.enter(ctx, "TagResource")
	if err != nil {
		return err
	}
	name, err := taggable(in.ResourceArn)
	if err != nil {
		return err
	}
	return s.tag(sc, name, in.Tags)
}

// UntagResourceInput is the input of UntagResource.
type UntagResourceInput struct {
	ResourceArn string   `json:"resourceArn"`
	TagKeys     []string `json:"tagKeys"`
}

// UntagResource removes tags from the log group an ARN names.
func (s *Service) UntagResource(ctx context.Context, in UntagResourceInput) error {
	sc, err := s.enter(ctx, "UntagResource")
	if err != nil {
		return err
	}
	name, err := taggable(in.ResourceArn)
	if err != nil {
		return err
	}
	return s.untag(sc, name, in.TagKeys)
}

// ListTagsForResourceInput is the input of ListTagsForResource.
type ListTagsForResourceInput struct {
	ResourceArn string `json:"resourceArn"`
}

// ListTagsForResource returns the tags of the log group an ARN names.
func (s *Service) ListTagsForResource(ctx context.Context, in ListTagsForResourceInput) (TagsOutput, error) {
	sc, err := s.enter(ctx, "ListTagsForResource")
	if err != nil {
		return TagsOutput{}, err
	}
	name, err := taggable(in.ResourceArn)
	if err != nil {
		return TagsOutput{}, err
	}
	return s.listTags(sc, name)
}

// taggable checks that an ARN names a log group (the only resource of the
// fake that carries tags) and returns it back, which groupOf resolves.
func taggable(resourceARN string) (string, error) {
	a, err := arn.Parse(resourceARN)
	if err != nil || a.Service != arnService {
		return "", invalidParam("Invalid resource arn: %s", resourceARN)
	}
	if !strings.HasPrefix(a.Resource, "log-group:") {
		return "", notFound("The specified resource does not exist.")
	}
	return resourceARN, nil
}

func (s *Service) tag(sc scope, ident string, add map[string]string) error {
	return s.lockedGroup(sc, ident, func(g *group) error {
		if err := tagRules.CheckMerged(g.tags, tags.FromMap(add)); err != nil {
			return err
		}
		for k, v := range add {
			g.tags[k] = v
		}
		return nil
	})
}

func (s *Service) untag(sc scope, ident string, keys []string) error {
	return s.lockedGroup(sc, ident, func(g *group) error {
		for _, k := range keys {
			delete(g.tags, k)
		}
		return nil
	})
}

func (s *Service) listTags(sc scope, ident string) (TagsOutput, error) {
	out := TagsOutput{Tags: map[string]string{}}
	err := s.lockedGroup(sc, ident, func(g *group) error {
		for k, v := range g.tags {
			out.Tags[k] = v
		}
		return nil
	})
	return out, err
}
