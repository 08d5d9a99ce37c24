package xray

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxTags is how many tags a group or sampling rule may carry.
const MaxTags = 50

// checkTags checks tags to add to a resource that has have already.
func checkTags(ts []Tag, have int) error {
	if len(ts)+have > MaxTags {
		return errs.New(codeTooManyTags, "A resource can have at most %d tags", MaxTags)
	}
	for _, t := range ts {
		switch {
		case t.Key == "" || utf8.RuneCountInString(t.Key) > 128:
			return errInvalid("Tag keys must be 1 to 128 characters")
		case utf8.RuneCountInString(t.Value) > 256:
			return errInvalid("Tag values must be at most 256 characters")
		case strings.HasPrefix(strings.ToLower(t.Key), "aws:"):
			return errInvalid("Tag keys starting with aws: are reserved")
		}
	}
	return nil
}

// setTags adds tags to a resource.
func (p *partition) setTags(arn string, ts []Tag) {
	if len(ts) == 0 {
		return
	}
	m := p.tags[arn]
	if m == nil {
		m = map[string]string{}
		p.tags[arn] = m
	}
	for _, t := range ts {
		m[t.Key] = t.Value
	}
}

// resourceExists reports whether arn is a group or sampling rule.
func (p *partition) resourceExists(arn string) bool {
	for _, g := range p.groups {
		if g.GroupARN == arn {
			return true
		}
	}
	for _, r := range p.rules {
		if r.rule.RuleARN == arn {
			return true
		}
	}
	return false
}

// TagResourceInput is TagResource's input.
type TagResourceInput struct {
	ResourceARN string
	Tags        []Tag
}

// TagResource adds tags to a group or sampling rule.
func (s *Service) TagResource(ctx context.Context, in TagResourceInput) (struct{}, error) {
	sc, err := s.enter(ctx, "TagResource")
	if err != nil {
		return struct{}{}, err
	}
	return locked(s, sc, func(p *partition) (struct{}, error) {
		if !p.resourceExists(in.ResourceARN) {
			return struct{}{}, errNotFound("Resource %s not found", in.ResourceARN)
		}
		fresh := 0
		for _, t := range in.Tags {
			if _, ok := p.tags[in.ResourceARN][t.Key]; !ok {
				fresh++
			}
		}
		if err := checkTags(in.Tags, len(p.tags[in.ResourceARN])+fresh-len(in.Tags)); err != nil {
			return struct{}{}, err
		}
		p.setTags(in.ResourceARN, in.Tags)
		return struct{}{}, nil
	})
}

// UntagResourceInput is UntagResource's input.
type UntagResourceInput struct {
	ResourceARN string
	TagKeys     []string
}

// UntagResource removes tags from a group or sampling rule.
func (s *Service) UntagResource(ctx context.Context, in UntagResourceInput) (struct{}, error) {
	sc, err := s.enter(ctx, "UntagResource")
	if err != nil {
		return struct{}{}, err
	}
	return locked(s, sc, func(p *partition) (struct{}, error) {
		if !p.resourceExists(in.ResourceARN) {
			return struct{}{}, errNotFound("Resource %s not found", in.ResourceARN)
		}
		for _, k := range in.TagKeys {
			delete(p.tags[in.ResourceARN], k)
		}
		return struct{}{}, nil
	})
}

// ListTagsForResourceInput is ListTagsForResource's input.
type ListTagsForResourceInput struct {
	ResourceARN string
	NextToken   string `json:",omitempty"`
}

// ListTagsForResourceOutput is ListTagsForResource's output.
type ListTagsForResourceOutput struct {
	Tags      []Tag
	NextToken string `json:",omitempty"`
}

// ListTagsForResource lists a group's or sampling rule's tags by key.
func (s *Service) ListTagsForResource(ctx context.Context, in ListTagsForResourceInput) (ListTagsForResourceOutput, error) {
	sc, err := s.enter(ctx, "ListTagsForResource")
	if err != nil {
		return ListTagsForResourceOutput{}, err
	}
	return locked(s, sc, func(p *partition) (ListTagsForResourceOutput, error) {
		if !p.resourceExists(in.ResourceARN) {
			return ListTagsForResourceOutput{}, errNotFound("Resource %s not found", in.ResourceARN)
		}
		out := ListTagsForResourceOutput{Tags: []Tag{}}
		for k, v := range p.tags[in.ResourceARN] {
			out.Tags = append(out.Tags, Tag{k, v})
		}
		slices.SortFunc(out.Tags, func(a, b Tag) int { return strings.Compare(a.Key, b.Key) })
		return out, nil
	})
}

// EncryptionConfig is how X-Ray encrypts the account's traces.
type EncryptionConfig struct {
	KeyId  string `json:",omitempty"`
	Status string
	Type   string
}

// EncryptionConfigOutput is the output of GetEncryptionConfig and
// PutEncryptionConfig.
type EncryptionConfigOutput struct {
	EncryptionConfig EncryptionConfig
}

// GetEncryptionConfig returns the encryption configuration: NONE until
// PutEncryptionConfig.
func (s *Service) GetEncryptionConfig(ctx context.Context, _ struct{}) (EncryptionConfigOutput, error) {
	sc, err := s.enter(ctx, "GetEncryptionConfig")
	if err != nil {
		return EncryptionConfigOutput{}, err
	}
	return locked(s, sc, func(p *partition) (EncryptionConfigOutput, error) {
		return EncryptionConfigOutput{p.encryption}, nil
	})
}

// PutEncryptionConfigInput is PutEncryptionConfig's input.
type PutEncryptionConfigInput struct {
	Type  string
	KeyId string `json:",omitempty"`
}

// PutEncryptionConfig sets the encryption configuration: Type NONE or KMS
// (with an optional key). The change is ACTIVE at once (AWS: UPDATING for
// a while).
func (s *Service) PutEncryptionConfig(ctx context.Context, in PutEncryptionConfigInput) (EncryptionConfigOutput, error) {
	sc, err := s.enter(ctx, "PutEncryptionConfig")
	if err != nil {
		return EncryptionConfigOutput{}, err
	}
	if in.Type != "NONE" && in.Type != "KMS" {
		return EncryptionConfigOutput{}, errInvalid("Type must be NONE or KMS")
	}
	if in.Type == "NONE" && in.KeyId != "" {
		return EncryptionConfigOutput{}, errInvalid("KeyId is only for Type KMS")
	}
	return locked(s, sc, func(p *partition) (EncryptionConfigOutput, error) {
		p.encryption = EncryptionConfig{Type: in.Type, KeyId: in.KeyId, Status: "ACTIVE"}
		return EncryptionConfigOutput{p.encryption}, nil
	})
}

// Resource policy limits (AWS: 5 policies of 5 KB each).
const (
	MaxResourcePolicies    = 5
	MaxResourcePolicyBytes = 5120
)

// ResourcePolicy is a resource-based policy stored for the account.
type ResourcePolicy struct {
	PolicyName       string
	PolicyDocument   string
	PolicyRevisionId string
	LastUpdatedTime  *Time `json:",omitempty"`
}

// PutResourcePolicyInput is PutResourcePolicy's input.
type PutResourcePolicyInput struct {
	PolicyName               string
	PolicyDocument           string
	PolicyRevisionId         string `json:",omitempty"`
	BypassPolicyLockoutCheck bool   `json:",omitempty"`
}

// PutResourcePolicyOutput is PutResourcePolicy's output.
type PutResourcePolicyOutput struct {
	ResourcePolicy ResourcePolicy
}

// PutResourcePolicy stores a policy: the document must be JSON, the
// revision the current one when given.
func (s *Service) PutResourcePolicy(ctx context.Context, in PutResourcePolicyInput) (PutResourcePolicyOutput, error) {
	sc, err := s.enter(ctx, "PutResourcePolicy")
	if err != nil {
		return PutResourcePolicyOutput{}, err
	}
	if len(in.PolicyDocument) > MaxResourcePolicyBytes {
		return PutResourcePolicyOutput{}, errs.New("PolicySizeLimitExceededException", "Policy document is over %d bytes", MaxResourcePolicyBytes)
	}
	var doc map[string]any
	if json.Unmarshal([]byte(in.PolicyDocument), &doc) != nil {
		return PutResourcePolicyOutput{}, errs.New("MalformedPolicyDocumentException", "Invalid policy document")
	}
	return locked(s, sc, func(p *partition) (PutResourcePolicyOutput, error) {
		old := p.policies[in.PolicyName]
		switch {
		case old == nil && in.PolicyRevisionId != "":
			return PutResourcePolicyOutput{}, errs.New("InvalidPolicyRevisionIdException", "Policy %s does not exist", in.PolicyName)
		case old != nil && in.PolicyRevisionId != "" && in.PolicyRevisionId != old.PolicyRevisionId:
			return PutResourcePolicyOutput{}, errs.New("InvalidPolicyRevisionIdException", "Invalid policy revision id")
		case old == nil && len(p.policies) >= MaxResourcePolicies:
			return PutResourcePolicyOutput{}, errs.New("PolicyCountLimitExceededException", "At most %d resource policies", MaxResourcePolicies)
		}
		pol := &ResourcePolicy{PolicyName: in.PolicyName, PolicyDocument: in.PolicyDocument,
			PolicyRevisionId: s.ids.Hex(8), LastUpdatedTime: At(s.now())}
		p.policies[in.PolicyName] = pol
		return PutResourcePolicyOutput{*pol}, nil
	})
}

// ListResourcePoliciesOutput is ListResourcePolicies's output.
type ListResourcePoliciesOutput struct {
	ResourcePolicies []ResourcePolicy
	NextToken        string `json:",omitempty"`
}

// ListResourcePolicies lists the stored policies by name.
func (s *Service) ListResourcePolicies(ctx context.Context, _ struct{}) (ListResourcePoliciesOutput, error) {
	sc, err := s.enter(ctx, "ListResourcePolicies")
	if err != nil {
		return ListResourcePoliciesOutput{}, err
	}
	return locked(s, sc, func(p *partition) (ListResourcePoliciesOutput, error) {
		out := ListResourcePoliciesOutput{ResourcePolicies: []ResourcePolicy{}}
		for _, pol := range p.policies {
			out.ResourcePolicies = append(out.ResourcePolicies, *pol)
		}
		slices.SortFunc(out.ResourcePolicies, func(a, b ResourcePolicy) int { return strings.Compare(a.PolicyName, b.PolicyName) })
		return out, nil
	})
}

// DeleteResourcePolicyInput is DeleteResourcePolicy's input.
type DeleteResourcePolicyInput struct {
	PolicyName       string
	PolicyRevisionId string `json:",omitempty"`
}

// DeleteResourcePolicy deletes a policy; a revision, when given, must be
// the current one. Deleting a policy that does not exist succeeds.
func (s *Service) DeleteResourcePolicy(ctx context.Context, in DeleteResourcePolicyInput) (struct{}, error) {
	sc, err := s.enter(ctx, "DeleteResourcePolicy")
	if err != nil {
		return struct{}{}, err
	}
	return locked(s, sc, func(p *partition) (struct{}, error) {
		old := p.policies[in.PolicyName]
		if old != nil && in.PolicyRevisionId != "" && in.PolicyRevisionId != old.PolicyRevisionId {
			return struct{}{}, errs.New("InvalidPolicyRevisionIdException", "Invalid policy revision id")
		}
		delete(p.policies, in.PolicyName)
		return struct{}{}, nil
	})
}
