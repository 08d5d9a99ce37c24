package xray

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"time"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// MaxSamplingRules is how many rules an account may have in a region,
// beside the Default rule (AWS: 25).
const MaxSamplingRules = 25

// SamplingRule is a sampling rule as X-Ray stores it.
type SamplingRule struct {
	RuleName      string `json:",omitempty"`
	RuleARN       string `json:",omitempty"`
	ResourceARN   string `json:",omitempty"`
	Priority      *int32 `json:",omitempty"`
	FixedRate     float64
	ReservoirSize int32
	ServiceName   string            `json:",omitempty"`
	ServiceType   string            `json:",omitempty"`
	Host          string            `json:",omitempty"`
	HTTPMethod    string            `json:",omitempty"`
	URLPath       string            `json:",omitempty"`
	Version       *int32            `json:",omitempty"`
	Attributes    map[string]string `json:",omitempty"`
}

// SamplingRuleRecord is a rule with when it was created and changed.
type SamplingRuleRecord struct {
	SamplingRule SamplingRule
	CreatedAt    *Time `json:",omitempty"`
	ModifiedAt   *Time `json:",omitempty"`
}

// CreateSamplingRuleInput is CreateSamplingRule's input.
type CreateSamplingRuleInput struct {
	SamplingRule *SamplingRule
	Tags         []Tag `json:",omitempty"`
}

// SamplingRuleOutput is the output of CreateSamplingRule,
// UpdateSamplingRule and DeleteSamplingRule.
type SamplingRuleOutput struct {
	SamplingRuleRecord *SamplingRuleRecord `json:",omitempty"`
}

func (r *samplingRule) record() *SamplingRuleRecord {
	rule := r.rule
	rule.Attributes = maps(rule.Attributes)
	return &SamplingRuleRecord{SamplingRule: rule, CreatedAt: At(r.created), ModifiedAt: At(r.modified)}
}

func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// CreateSamplingRule creates a rule: ResourceARN, Priority (1 to 9,999),
// FixedRate (0 to 1), ReservoirSize, ServiceName, ServiceType, Host,
// HTTPMethod, URLPath and Version (1) are required.
func (s *Service) CreateSamplingRule(ctx context.Context, in CreateSamplingRuleInput) (SamplingRuleOutput, error) {
	sc, err := s.enter(ctx, "CreateSamplingRule")
	if err != nil {
		return SamplingRuleOutput{}, err
	}
	if in.SamplingRule == nil {
		return SamplingRuleOutput{}, errInvalid("SamplingRule is required")
	}
	rule := *in.SamplingRule
	if err := checkRule(rule); err != nil {
		return SamplingRuleOutput{}, err
	}
	if err := checkTags(in.Tags, 0); err != nil {
		return SamplingRuleOutput{}, err
	}
	return locked(s, sc, func(p *partition) (SamplingRuleOutput, error) {
		if _, dup := p.rules[rule.RuleName]; dup {
			return SamplingRuleOutput{}, errInvalid("A sampling rule with name %s already exists", rule.RuleName)
		}
		if len(p.rules) > MaxSamplingRules {
			return SamplingRuleOutput{}, errs.New(codeRuleLimitExceeded, "You have reached the maximum number of sampling rules")
		}
		now := s.now()
		rule.RuleARN = sc.ARN(arnService, "sampling-rule/"+rule.RuleName)
		rule.Attributes = maps(rule.Attributes)
		r := &samplingRule{rule: rule, created: now, modified: now, clients: map[string]time.Time{}}
		p.rules[rule.RuleName] = r
		p.rulesModified = now
		p.setTags(rule.RuleARN, in.Tags)
		return SamplingRuleOutput{SamplingRuleRecord: r.record()}, nil
	})
}

// checkRule checks a rule against the model's constraints.
func checkRule(r SamplingRule) error {
	switch {
	case r.RuleName == "" || utf8.RuneCountInString(r.RuleName) > 32:
		return errInvalid("RuleName must be 1 to 32 characters")
	case r.RuleName == defaultRuleName:
		return errInvalid("The name %s is reserved for the default sampling rule", defaultRuleName)
	case r.Priority == nil || *r.Priority < 1 || *r.Priority > 9999:
		return errInvalid("Priority must be between 1 and 9999")
	case r.FixedRate < 0 || r.FixedRate > 1:
		return errInvalid("FixedRate must be between 0 and 1")
	case r.ReservoirSize < 0:
		return errInvalid("ReservoirSize must be at least 0")
	case r.Version == nil || *r.Version != 1:
		return errInvalid("Version must be 1")
	case len(r.Attributes) > 5:
		return errInvalid("A sampling rule has at most 5 attributes")
	}
	for _, f := range [][3]any{{"ServiceName", r.ServiceName, 64}, {"ServiceType", r.ServiceType, 64}, {"Host", r.Host, 64},
		{"HTTPMethod", r.HTTPMethod, 10}, {"URLPath", r.URLPath, 128}, {"ResourceARN", r.ResourceARN, 500}} {
		v := f[1].(string)
		if v == "" || utf8.RuneCountInString(v) > f[2].(int) {
			return errInvalid("%s must be 1 to %d characters", f[0], f[2])
		}
	}
	return nil
}

// GetSamplingRulesInput is GetSamplingRules's input.
type GetSamplingRulesInput struct {
	NextToken string `json:",omitempty"`
}

// GetSamplingRulesOutput is GetSamplingRules's output.
type GetSamplingRulesOutput struct {
	SamplingRuleRecords []SamplingRuleRecord
	NextToken           string `json:",omitempty"`
}

// GetSamplingRules lists the rules, the Default rule among them, by
// priority then name, 100 a page.
func (s *Service) GetSamplingRules(ctx context.Context, in GetSamplingRulesInput) (GetSamplingRulesOutput, error) {
	sc, err := s.enter(ctx, "GetSamplingRules")
	if err != nil {
		return GetSamplingRulesOutput{}, err
	}
	return locked(s, sc, func(p *partition) (GetSamplingRulesOutput, error) {
		rules := p.sortedRules()
		page, next, ok := pagetoken.Page(rules, func(r *samplingRule) string { return r.rule.RuleName }, in.NextToken, 100)
		if !ok {
			return GetSamplingRulesOutput{}, errInvalid("Invalid NextToken")
		}
		out := GetSamplingRulesOutput{SamplingRuleRecords: []SamplingRuleRecord{}, NextToken: next}
		for _, r := range page {
			out.SamplingRuleRecords = append(out.SamplingRuleRecords, *r.record())
		}
		return out, nil
	})
}

// sortedRules are the rules by name (the page order).
func (p *partition) sortedRules() []*samplingRule {
	out := make([]*samplingRule, 0, len(p.rules))
	for _, r := range p.rules {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *samplingRule) int { return strings.Compare(a.rule.RuleName, b.rule.RuleName) })
	return out
}

// byPriority are the rules in the order a tracer applies them: priority,
// then name.
func (p *partition) byPriority() []*samplingRule {
	out := p.sortedRules()
	slices.SortStableFunc(out, func(a, b *samplingRule) int { return int(*a.rule.Priority) - int(*b.rule.Priority) })
	return out
}

// ruleOf finds a rule by name or ARN.
func (p *partition) ruleOf(name, arn string) (*samplingRule, error) {
	for _, r := range p.rules {
		if (name != "" && r.rule.RuleName == name) || (name == "" && arn != "" && r.rule.RuleARN == arn) {
			return r, nil
		}
	}
	return nil, errInvalid("Sampling rule does not exist")
}

// SamplingRuleUpdate is what UpdateSamplingRule changes: the rule by
// RuleName or RuleARN, and each member set.
type SamplingRuleUpdate struct {
	RuleName      string            `json:",omitempty"`
	RuleARN       string            `json:",omitempty"`
	ResourceARN   *string           `json:",omitempty"`
	Priority      *int32            `json:",omitempty"`
	FixedRate     *float64          `json:",omitempty"`
	ReservoirSize *int32            `json:",omitempty"`
	ServiceName   *string           `json:",omitempty"`
	ServiceType   *string           `json:",omitempty"`
	Host          *string           `json:",omitempty"`
	HTTPMethod    *string           `json:",omitempty"`
	URLPath       *string           `json:",omitempty"`
	Attributes    map[string]string `json:",omitempty"`
}

// UpdateSamplingRuleInput is UpdateSamplingRule's input.
type UpdateSamplingRuleInput struct {
	SamplingRuleUpdate *SamplingRuleUpdate
}

// UpdateSamplingRule changes a rule. The Default rule takes only FixedRate
// and ReservoirSize.
func (s *Service) UpdateSamplingRule(ctx context.Context, in UpdateSamplingRuleInput) (SamplingRuleOutput, error) {
	sc, err := s.enter(ctx, "UpdateSamplingRule")
	if err != nil {
		return SamplingRuleOutput{}, err
	}
	u := in.SamplingRuleUpdate
	if u == nil {
		return SamplingRuleOutput{}, errInvalid("SamplingRuleUpdate is required")
	}
	return locked(s, sc, func(p *partition) (SamplingRuleOutput, error) {
		r, err := p.ruleOf(u.RuleName, u.RuleARN)
		if err != nil {
			return SamplingRuleOutput{}, err
		}
		next := applyUpdate(r.rule, u)
		if r.rule.RuleName == defaultRuleName {
			if !defaultOnly(u) {
				return SamplingRuleOutput{}, errInvalid("Only FixedRate and ReservoirSize of the default sampling rule can be updated")
			}
			if next.FixedRate < 0 || next.FixedRate > 1 || next.ReservoirSize < 0 {
				return SamplingRuleOutput{}, errInvalid("FixedRate must be between 0 and 1 and ReservoirSize at least 0")
			}
		} else if err := checkRule(next); err != nil {
			return SamplingRuleOutput{}, err
		}
		r.rule = next
		r.modified = s.now()
		p.rulesModified = r.modified
		return SamplingRuleOutput{SamplingRuleRecord: r.record()}, nil
	})
}

func defaultOnly(u *SamplingRuleUpdate) bool {
	return u.ResourceARN == nil && u.Priority == nil && u.ServiceName == nil && u.ServiceType == nil &&
		u.Host == nil && u.HTTPMethod == nil && u.URLPath == nil && u.Attributes == nil
}

func applyUpdate(r SamplingRule, u *SamplingRuleUpdate) SamplingRule {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&r.ResourceARN, u.ResourceARN)
	set(&r.ServiceName, u.ServiceName)
	set(&r.ServiceType, u.ServiceType)
	set(&r.Host, u.Host)
	set(&r.HTTPMethod, u.HTTPMethod)
	set(&r.URLPath, u.URLPath)
	if u.Priority != nil {
		r.Priority = u.Priority
	}
	if u.FixedRate != nil {
		r.FixedRate = *u.FixedRate
	}
	if u.ReservoirSize != nil {
		r.ReservoirSize = *u.ReservoirSize
	}
	if u.Attributes != nil {
		r.Attributes = maps(u.Attributes)
	}
	return r
}

// DeleteSamplingRuleInput is DeleteSamplingRule's input: RuleName or
// RuleARN.
type DeleteSamplingRuleInput struct {
	RuleName string `json:",omitempty"`
	RuleARN  string `json:",omitempty"`
}

// DeleteSamplingRule deletes a rule; the Default rule cannot be deleted.
func (s *Service) DeleteSamplingRule(ctx context.Context, in DeleteSamplingRuleInput) (SamplingRuleOutput, error) {
	sc, err := s.enter(ctx, "DeleteSamplingRule")
	if err != nil {
		return SamplingRuleOutput{}, err
	}
	return locked(s, sc, func(p *partition) (SamplingRuleOutput, error) {
		r, err := p.ruleOf(in.RuleName, in.RuleARN)
		if err != nil {
			return SamplingRuleOutput{}, err
		}
		if r.rule.RuleName == defaultRuleName {
			return SamplingRuleOutput{}, errInvalid("Cannot delete the default sampling rule")
		}
		delete(p.rules, r.rule.RuleName)
		delete(p.tags, r.rule.RuleARN)
		p.rulesModified = s.now()
		return SamplingRuleOutput{SamplingRuleRecord: r.record()}, nil
	})
}
