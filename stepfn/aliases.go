package stepfn

import (
	"context"
	"slices"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// checkRouting checks an alias' routing: one or two versions of one
// machine, weights 0 to 100 summing to 100; it runs under the lock and
// returns the machine.
func (s *Service) checkRouting(routes []RoutingConfiguration) (*machine, error) {
	if len(routes) == 0 || len(routes) > 2 {
		return nil, validation(len(routes), "routingConfiguration", "Member must have length between 1 and 2")
	}
	var m *machine
	sum := 0
	for _, r := range routes {
		t, err := s.resolve(r.StateMachineVersionArn)
		if err != nil {
			return nil, err
		}
		if t.v == nil {
			return nil, invalidArn(r.StateMachineVersionArn)
		}
		if m != nil && m != t.m {
			return nil, newError(codeValidation, "Routing configuration must contain versions of the same state machine")
		}
		if r.Weight < 0 || r.Weight > 100 {
			return nil, validation(r.Weight, "routingConfiguration.member.weight", "Member must have value between 0 and 100")
		}
		m = t.m
		sum += r.Weight
	}
	if len(routes) == 2 && routes[0].StateMachineVersionArn == routes[1].StateMachineVersionArn {
		return nil, newError(codeValidation, "Routing configuration must contain distinct state machine version ARNs")
	}
	if sum != 100 {
		return nil, newError(codeValidation, "Sum of routing configuration weights must be equal to 100. Received: %d", sum)
	}
	return m, nil
}

// CreateStateMachineAlias creates an alias routing to one or two
// versions by weight.
func (s *Service) CreateStateMachineAlias(ctx context.Context, in CreateStateMachineAliasInput) (CreateStateMachineAliasOutput, error) {
	if _, err := s.enter(ctx, "CreateStateMachineAlias"); err != nil {
		return CreateStateMachineAliasOutput{}, err
	}
	if nameInvalid(in.Name) || isDigits(in.Name) {
		return CreateStateMachineAliasOutput{}, invalidName(in.Name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.checkRouting(in.RoutingConfiguration)
	if err != nil {
		return CreateStateMachineAliasOutput{}, err
	}
	if old := m.aliases[in.Name]; old != nil {
		if old.description == in.Description && slices.Equal(old.routing, in.RoutingConfiguration) {
			return CreateStateMachineAliasOutput{StateMachineAliasArn: old.arn, CreationDate: Timestamp{old.created}}, nil
		}
		return CreateStateMachineAliasOutput{}, newError(codeConflict, "Failed to create alias because an alias with the same name and a different routing configuration already exists.")
	}
	now := s.env.Clock.Now()
	al := &alias{name: in.Name, arn: m.arn + ":" + in.Name, description: in.Description,
		routing: slices.Clone(in.RoutingConfiguration), created: now, updated: now}
	m.aliases[in.Name] = al
	return CreateStateMachineAliasOutput{StateMachineAliasArn: al.arn, CreationDate: Timestamp{now}}, nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// DescribeStateMachineAlias describes an alias.
func (s *Service) DescribeStateMachineAlias(ctx context.Context, in AliasInput) (DescribeStateMachineAliasOutput, error) {
	if _, err := s.enter(ctx, "DescribeStateMachineAlias"); err != nil {
		return DescribeStateMachineAliasOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	al, err := s.alias(in.StateMachineAliasArn)
	if err != nil {
		return DescribeStateMachineAliasOutput{}, err
	}
	return DescribeStateMachineAliasOutput{StateMachineAliasArn: al.arn, Name: al.name, Description: al.description,
		RoutingConfiguration: slices.Clone(al.routing), CreationDate: Timestamp{al.created}, UpdateDate: Timestamp{al.updated}}, nil
}

func (s *Service) alias(a string) (*alias, error) {
	t, err := s.resolve(a)
	if err != nil {
		return nil, newError(codeResourceNotFound, "Resource not found: '%s'", a)
	}
	if t.a == nil {
		return nil, invalidArn(a)
	}
	return t.a, nil
}

// UpdateStateMachineAlias changes an alias' description or routing.
func (s *Service) UpdateStateMachineAlias(ctx context.Context, in UpdateStateMachineAliasInput) (UpdateStateMachineAliasOutput, error) {
	if _, err := s.enter(ctx, "UpdateStateMachineAlias"); err != nil {
		return UpdateStateMachineAliasOutput{}, err
	}
	if in.Description == nil && in.RoutingConfiguration == nil {
		return UpdateStateMachineAliasOutput{}, newError(codeValidation, "Either the description or the RoutingConfiguration must be specified")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	al, err := s.alias(in.StateMachineAliasArn)
	if err != nil {
		return UpdateStateMachineAliasOutput{}, err
	}
	if in.RoutingConfiguration != nil {
		if _, err := s.checkRouting(in.RoutingConfiguration); err != nil {
			return UpdateStateMachineAliasOutput{}, err
		}
		al.routing = slices.Clone(in.RoutingConfiguration)
	}
	if in.Description != nil {
		al.description = *in.Description
	}
	al.updated = s.env.Clock.Now()
	return UpdateStateMachineAliasOutput{UpdateDate: Timestamp{al.updated}}, nil
}

// DeleteStateMachineAlias deletes an alias.
func (s *Service) DeleteStateMachineAlias(ctx context.Context, in AliasInput) error {
	if _, err := s.enter(ctx, "DeleteStateMachineAlias"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.resolve(in.StateMachineAliasArn)
	if err != nil {
		return newError(codeResourceNotFound, "Resource not found: '%s'", in.StateMachineAliasArn)
	}
	if t.a == nil {
		return invalidArn(in.StateMachineAliasArn)
	}
	delete(t.m.aliases, t.a.name)
	return nil
}

// ListStateMachineAliases lists a machine's aliases by name.
func (s *Service) ListStateMachineAliases(ctx context.Context, in ListStateMachineVersionsInput) (ListStateMachineAliasesOutput, error) {
	if _, err := s.enter(ctx, "ListStateMachineAliases"); err != nil {
		return ListStateMachineAliasesOutput{}, err
	}
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return ListStateMachineAliasesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.resolve(in.StateMachineArn)
	if err != nil {
		return ListStateMachineAliasesOutput{}, err
	}
	var all []*alias
	for _, al := range t.m.aliases {
		all = append(all, al)
	}
	slices.SortFunc(all, func(a, b *alias) int { return compareStrings(a.name, b.name) })
	page, next, ok := pagetoken.Page(all, func(a *alias) string { return a.name }, in.NextToken, size)
	if !ok {
		return ListStateMachineAliasesOutput{}, invalidToken(in.NextToken)
	}
	out := ListStateMachineAliasesOutput{StateMachineAliases: []AliasListItem{}, NextToken: next}
	for _, al := range page {
		out.StateMachineAliases = append(out.StateMachineAliases, AliasListItem{StateMachineAliasArn: al.arn, CreationDate: Timestamp{al.created}})
	}
	return out, nil
}
