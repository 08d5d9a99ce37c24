package eventbridge

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// maxTargets is how many targets a rule may have ("Amazon EventBridge
// quotas": 5 targets per rule).
const maxTargets = 5

// PutTargetsInput is PutTargets's input.
type PutTargetsInput struct {
	Rule         string
	EventBusName string `json:",omitempty"`
	Targets      []Target
}

// PutTargetsOutput is PutTargets's and RemoveTargets's output.
type PutTargetsOutput struct {
	FailedEntryCount int32
	FailedEntries    []TargetResultEntry
}

// TargetResultEntry is a target PutTargets or RemoveTargets could not
// change.
type TargetResultEntry struct {
	TargetId     string
	ErrorCode    string
	ErrorMessage string
}

var targetIDRE = regexp.MustCompile(`^[\.\-_A-Za-z0-9]+$`)

// PutTargets adds targets to a rule or updates those with the same Id.
// More than five in all is LimitExceededException (recorded:
// TestEventTarget::test_add_exceed_fife_targets_per_rule).
func (s *Service) PutTargets(ctx context.Context, in PutTargetsInput) (PutTargetsOutput, error) {
	sc, err := s.enter(ctx, "PutTargets")
	if err != nil {
		return PutTargetsOutput{}, err
	}
	for i := range in.Targets {
		if err := checkTarget(i+1, &in.Targets[i]); err != nil {
			return PutTargetsOutput{}, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, err := s.ruleNamed(sc, in.EventBusName, in.Rule)
	if err != nil {
		return PutTargetsOutput{}, err
	}
	next := slices.Clone(r.targets)
	for _, t := range in.Targets {
		if i := slices.IndexFunc(next, func(x Target) bool { return x.Id == t.Id }); i >= 0 {
			next[i] = t
			continue
		}
		next = append(next, t)
	}
	if len(next) > maxTargets {
		return PutTargetsOutput{}, newError(codeLimitExceeded, "The requested resource exceeds the maximum number allowed.")
	}
	slices.SortFunc(next, func(a, b Target) int { return strings.Compare(a.Id, b.Id) })
	r.targets = next
	return PutTargetsOutput{FailedEntries: []TargetResultEntry{}}, nil
}

// checkTarget validates the n-th target with AWS's messages (recorded:
// TestEventTarget::test_put_target_id_validation,
// test_put_event_input_path_and_input_transformer).
func checkTarget(n int, t *Target) error {
	member := "targets." + itoa(n) + ".member."
	switch {
	case len(t.Id) > 64:
		return errConstraint(t.Id, member+"id", "Member must have length less than or equal to 64")
	case !targetIDRE.MatchString(t.Id):
		return errConstraint(t.Id, member+"id", "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+")
	case t.Arn == "":
		return errConstraint("null", member+"arn", "Member must not be null")
	}
	if _, ok := parseARN(t.Arn); !ok {
		return errValidation("Parameter %s is not valid. Reason: Provided Arn is not in correct format.", t.Arn)
	}
	given := 0
	for _, set := range []bool{t.Input != "", t.InputPath != "", t.InputTransformer != nil} {
		if set {
			given++
		}
	}
	if given > 1 {
		return errValidation("Only one of Input, InputPath, or InputTransformer must be provided for target %s.", t.Id)
	}
	if t.Input != "" && !json.Valid([]byte(t.Input)) {
		return errValidation("Input for target %s must be a valid JSON text.", t.Id)
	}
	if t.InputPath != "" && !validPath(t.InputPath) {
		return errValidation("InputPath for target %s is not a valid JSON path.", t.Id)
	}
	if t.InputTransformer != nil {
		if err := checkTemplate(t.Id, t.InputTransformer); err != nil {
			return err
		}
	}
	if p := t.RetryPolicy; p != nil {
		if a := p.MaximumRetryAttempts; a != nil && (*a < 0 || *a > 185) {
			return errConstraint(*a, member+"retryPolicy.maximumRetryAttempts", "Member must have value less than or equal to 185")
		}
		if a := p.MaximumEventAgeInSeconds; a != nil && (*a < 60 || *a > 86400) {
			return errConstraint(*a, member+"retryPolicy.maximumEventAgeInSeconds", "Member must have value less than or equal to 86400")
		}
	}
	return nil
}

// RemoveTargetsInput is RemoveTargets's input.
type RemoveTargetsInput struct {
	Rule         string
	EventBusName string `json:",omitempty"`
	Ids          []string
	Force        bool `json:",omitempty"`
}

// RemoveTargets removes targets by Id; an Id the rule lacks is not an
// error.
func (s *Service) RemoveTargets(ctx context.Context, in RemoveTargetsInput) (PutTargetsOutput, error) {
	sc, err := s.enter(ctx, "RemoveTargets")
	if err != nil {
		return PutTargetsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, err := s.ruleNamed(sc, in.EventBusName, in.Rule)
	if err != nil {
		return PutTargetsOutput{}, err
	}
	r.targets = slices.DeleteFunc(slices.Clone(r.targets), func(t Target) bool { return slices.Contains(in.Ids, t.Id) })
	return PutTargetsOutput{FailedEntries: []TargetResultEntry{}}, nil
}

// ListTargetsByRuleInput is ListTargetsByRule's input.
type ListTargetsByRuleInput struct {
	Rule         string
	EventBusName string `json:",omitempty"`
	NextToken    string `json:",omitempty"`
	Limit        int32  `json:",omitempty"`
}

// ListTargetsByRuleOutput is ListTargetsByRule's output.
type ListTargetsByRuleOutput struct {
	Targets   []Target
	NextToken string `json:",omitempty"`
}

// ListTargetsByRule lists a rule's targets by Id.
func (s *Service) ListTargetsByRule(ctx context.Context, in ListTargetsByRuleInput) (ListTargetsByRuleOutput, error) {
	sc, err := s.enter(ctx, "ListTargetsByRule")
	if err != nil {
		return ListTargetsByRuleOutput{}, err
	}
	if err := checkLimit(in.Limit); err != nil {
		return ListTargetsByRuleOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, err := s.ruleNamed(sc, in.EventBusName, in.Rule)
	if err != nil {
		return ListTargetsByRuleOutput{}, err
	}
	page, next, ok := pagetoken.Page(slices.Clone(r.targets), func(t Target) string { return t.Id }, in.NextToken, pageSize(in.Limit))
	if !ok {
		return ListTargetsByRuleOutput{}, errValidation("The nextToken provided is invalid.")
	}
	return ListTargetsByRuleOutput{Targets: orEmpty(page), NextToken: next}, nil
}

func itoa(n int) string { return strconv.Itoa(n) }
