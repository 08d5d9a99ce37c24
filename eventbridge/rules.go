package eventbridge

import (
	"context"
	"regexp"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
	"github.com/awsfake/awsfake/internal/pattern"
)

// PutRuleInput is PutRule's input.
type PutRuleInput struct {
	Name               string
	EventBusName       string `json:",omitempty"`
	EventPattern       string `json:",omitempty"`
	ScheduleExpression string `json:",omitempty"`
	State              string `json:",omitempty"`
	Description        string `json:",omitempty"`
	RoleArn            string `json:",omitempty"`
	Tags               []Tag  `json:",omitempty"`
}

// PutRuleOutput is PutRule's output.
type PutRuleOutput struct{ RuleArn string }

var ruleNameRE = regexp.MustCompile(`^[\.\-_A-Za-z0-9]{1,64}$`)

// PutRule creates or updates a rule. It needs an EventPattern, a
// ScheduleExpression or both; a schedule only on the default bus, as AWS
// allows. A schedule rule is armed on the cloud scheduler at its next
// instant; a rate counts from the PutRule that set it.
func (s *Service) PutRule(ctx context.Context, in PutRuleInput) (PutRuleOutput, error) {
	sc, err := s.enter(ctx, "PutRule")
	if err != nil {
		return PutRuleOutput{}, err
	}
	if !ruleNameRE.MatchString(in.Name) {
		return PutRuleOutput{}, errConstraint(in.Name, "name", "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+")
	}
	if in.EventPattern == "" && in.ScheduleExpression == "" {
		return PutRuleOutput{}, errValidation("Parameter(s) EventPattern or ScheduleExpression must be specified.")
	}
	var p *pattern.Pattern
	if in.EventPattern != "" {
		if p, err = compilePattern(in.EventPattern); err != nil {
			return PutRuleOutput{}, err
		}
	}
	var expr scheduleExpr
	if in.ScheduleExpression != "" {
		var ok bool
		if expr, ok = parseScheduleExpr(in.ScheduleExpression, false); !ok {
			return PutRuleOutput{}, errValidation("Parameter ScheduleExpression is not valid.")
		}
	}
	state := in.State
	switch state {
	case "":
		state = RuleEnabled
	case RuleEnabled, RuleDisabled:
	default:
		return PutRuleOutput{}, errConstraint(state, "state", "Member must satisfy enum value set: [ENABLED, DISABLED]")
	}
	if err := checkTags(in.Tags); err != nil {
		return PutRuleOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.busNamed(sc, in.EventBusName)
	if err != nil {
		return PutRuleOutput{}, err
	}
	if in.ScheduleExpression != "" && b.name != defaultBus {
		return PutRuleOutput{}, errValidation("ScheduleExpression is supported only on the default event bus.")
	}
	r := b.rules[in.Name]
	if r == nil {
		r = &rule{bus: b, name: in.Name, arn: ruleARN(b.sc, b.name, in.Name)}
		b.rules[in.Name] = r
	}
	if r.scheduleSrc != in.ScheduleExpression {
		r.origin = s.now()
	}
	b.unindex(r)
	r.patternSrc, r.pattern, r.scheduleSrc, r.schedule = in.EventPattern, p, in.ScheduleExpression, expr
	r.state, r.description, r.roleArn = state, in.Description, in.RoleArn
	s.setTags(r.arn, in.Tags)
	b.index(r)
	s.armRule(r)
	return PutRuleOutput{RuleArn: r.arn}, nil
}

// compilePattern compiles a rule's or archive's pattern, with AWS's error.
func compilePattern(src string) (*pattern.Pattern, error) {
	if len(src) > pattern.MaxSize {
		return nil, errConstraint("...", "eventPattern", "Member must have length less than or equal to 4096")
	}
	p, err := pattern.Compile([]byte(src))
	if err != nil {
		return nil, newError(codeInvalidEventPattern, "Event pattern is not valid. Reason: %s", err.Error())
	}
	return p, nil
}

// DescribeRuleInput is DescribeRule's input.
type DescribeRuleInput struct {
	Name         string
	EventBusName string `json:",omitempty"`
}

// DescribeRuleOutput is DescribeRule's output.
type DescribeRuleOutput struct {
	Rule
	CreatedBy string `json:",omitempty"`
}

// DescribeRule describes a rule.
func (s *Service) DescribeRule(ctx context.Context, in DescribeRuleInput) (DescribeRuleOutput, error) {
	sc, err := s.enter(ctx, "DescribeRule")
	if err != nil {
		return DescribeRuleOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, err := s.ruleNamed(sc, in.EventBusName, in.Name)
	if err != nil {
		return DescribeRuleOutput{}, err
	}
	return DescribeRuleOutput{Rule: r.view(), CreatedBy: r.bus.sc.Account}, nil
}

func (r *rule) view() Rule {
	return Rule{Name: r.name, Arn: r.arn, EventBusName: r.bus.name, EventPattern: r.patternSrc, ScheduleExpression: r.scheduleSrc,
		State: r.state, Description: r.description, RoleArn: r.roleArn, ManagedBy: r.managedBy}
}

// DeleteRuleInput is DeleteRule's input.
type DeleteRuleInput struct {
	Name         string
	EventBusName string `json:",omitempty"`
	Force        bool   `json:",omitempty"`
}

// DeleteRule deletes a rule without targets. One that has targets is
// ValidationException ("Rule can't be deleted since it has targets.",
// recorded: TestEventRule::test_delete_rule_with_targets); a rule that
// does not exist is not an error.
func (s *Service) DeleteRule(ctx context.Context, in DeleteRuleInput) error {
	sc, err := s.enter(ctx, "DeleteRule")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.busNamed(sc, in.EventBusName)
	if err != nil {
		return err
	}
	r := b.rules[in.Name]
	if r == nil {
		return nil
	}
	if len(r.targets) > 0 {
		return errValidation("Rule can't be deleted since it has targets.")
	}
	r.disarm()
	delete(b.rules, in.Name)
	delete(s.tags, r.arn)
	b.unindex(r)
	return nil
}

// EnableRuleInput is EnableRule's and DisableRule's input.
type EnableRuleInput struct {
	Name         string
	EventBusName string `json:",omitempty"`
}

// EnableRule enables a rule; a schedule rule is armed again.
func (s *Service) EnableRule(ctx context.Context, in EnableRuleInput) error {
	sc, err := s.enter(ctx, "EnableRule")
	if err != nil {
		return err
	}
	return s.setRuleState(sc, in, RuleEnabled)
}

// DisableRule disables a rule: it matches nothing and fires no more.
func (s *Service) DisableRule(ctx context.Context, in EnableRuleInput) error {
	sc, err := s.enter(ctx, "DisableRule")
	if err != nil {
		return err
	}
	return s.setRuleState(sc, in, RuleDisabled)
}

// ListRulesInput is ListRules's input.
type ListRulesInput struct {
	NamePrefix   string `json:",omitempty"`
	EventBusName string `json:",omitempty"`
	NextToken    string `json:",omitempty"`
	Limit        int32  `json:",omitempty"`
}

// ListRulesOutput is ListRules's output.
type ListRulesOutput struct {
	Rules     []Rule
	NextToken string `json:",omitempty"`
}

// ListRules lists a bus's rules by name.
func (s *Service) ListRules(ctx context.Context, in ListRulesInput) (ListRulesOutput, error) {
	sc, err := s.enter(ctx, "ListRules")
	if err != nil {
		return ListRulesOutput{}, err
	}
	if err := checkLimit(in.Limit); err != nil {
		return ListRulesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.busNamed(sc, in.EventBusName)
	if err != nil {
		return ListRulesOutput{}, err
	}
	var all []Rule
	for _, name := range sortedNames(b.rules) {
		if strings.HasPrefix(name, in.NamePrefix) {
			all = append(all, b.rules[name].view())
		}
	}
	page, next, ok := pagetoken.Page(all, func(r Rule) string { return r.Name }, in.NextToken, pageSize(in.Limit))
	if !ok {
		return ListRulesOutput{}, errValidation("The nextToken provided is invalid.")
	}
	return ListRulesOutput{Rules: orEmpty(page), NextToken: next}, nil
}

// ListRuleNamesByTargetInput is ListRuleNamesByTarget's input.
type ListRuleNamesByTargetInput struct {
	TargetArn    string
	EventBusName string `json:",omitempty"`
	NextToken    string `json:",omitempty"`
	Limit        int32  `json:",omitempty"`
}

// ListRuleNamesByTargetOutput is ListRuleNamesByTarget's output.
type ListRuleNamesByTargetOutput struct {
	RuleNames []string
	NextToken string `json:",omitempty"`
}

// ListRuleNamesByTarget lists the rules of a bus that have a target with
// the ARN.
func (s *Service) ListRuleNamesByTarget(ctx context.Context, in ListRuleNamesByTargetInput) (ListRuleNamesByTargetOutput, error) {
	sc, err := s.enter(ctx, "ListRuleNamesByTarget")
	if err != nil {
		return ListRuleNamesByTargetOutput{}, err
	}
	if err := checkLimit(in.Limit); err != nil {
		return ListRuleNamesByTargetOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.busNamed(sc, in.EventBusName)
	if err != nil {
		return ListRuleNamesByTargetOutput{}, err
	}
	var all []string
	for _, name := range sortedNames(b.rules) {
		for _, t := range b.rules[name].targets {
			if t.Arn == in.TargetArn {
				all = append(all, name)
				break
			}
		}
	}
	page, next, ok := pagetoken.Page(all, func(n string) string { return n }, in.NextToken, pageSize(in.Limit))
	if !ok {
		return ListRuleNamesByTargetOutput{}, errValidation("The nextToken provided is invalid.")
	}
	return ListRuleNamesByTargetOutput{RuleNames: orEmpty(page), NextToken: next}, nil
}
