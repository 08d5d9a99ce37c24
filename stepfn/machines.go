package stepfn

import (
	"context"
	"reflect"
	"slices"

	"github.com/awsfake/awsfake/internal/pagetoken"
	"github.com/awsfake/awsfake/internal/tags"
)

// CreateStateMachine creates a state machine (STANDARD by default) after
// validating its definition with AWS's InvalidDefinition messages. The
// same name with the same definition, role and type answers the existing
// machine; a different one is StateMachineAlreadyExists. Publish also
// publishes version 1.
func (s *Service) CreateStateMachine(ctx context.Context, in CreateStateMachineInput) (CreateStateMachineOutput, error) {
	sc, err := s.enter(ctx, "CreateStateMachine")
	if err != nil {
		return CreateStateMachineOutput{}, err
	}
	if in.Name == "" {
		return CreateStateMachineOutput{}, missing("name")
	}
	if nameInvalid(in.Name) {
		return CreateStateMachineOutput{}, invalidName(in.Name)
	}
	typ := in.Type
	if typ == "" {
		typ = typeStandard
	}
	if typ != typeStandard && typ != typeExpress {
		return CreateStateMachineOutput{}, validation(typ, "type", "Member must satisfy enum value set: [STANDARD, EXPRESS]")
	}
	if err := checkRole(in.RoleArn); err != nil {
		return CreateStateMachineOutput{}, err
	}
	if in.VersionDescription != "" && !in.Publish {
		return CreateStateMachineOutput{}, newError(codeValidation, "Version description can only be set when publish is true")
	}
	if err := checkLogging(in.LoggingConfiguration); err != nil {
		return CreateStateMachineOutput{}, err
	}
	prog, err := checkDefinition(in.Definition, typ)
	if err != nil {
		return CreateStateMachineOutput{}, err
	}
	if err := tagRules.Check(toTags(in.Tags)); err != nil {
		return CreateStateMachineOutput{}, tagError(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc.Account, sc.Region, true)
	now := s.env.Clock.Now()
	rev := revision{id: s.env.IDs.UUID(), definition: in.Definition, roleARN: in.RoleArn, prog: prog,
		logging: in.LoggingConfiguration, tracing: in.TracingConfiguration, encryption: in.EncryptionConfiguration, updated: now}
	if old := p.machines[in.Name]; old != nil {
		if old.typ != typ || old.rev.definition != in.Definition || old.rev.roleARN != in.RoleArn ||
			!reflect.DeepEqual(old.rev.logging, in.LoggingConfiguration) {
			return CreateStateMachineOutput{}, newError(codeStateMachineAlreadyExists, "State Machine Already Exists: '%s'", old.arn)
		}
		return CreateStateMachineOutput{StateMachineArn: old.arn, CreationDate: Timestamp{old.created}}, nil
	}
	m := &machine{name: in.Name, arn: sc.ARN(arnService, "stateMachine:"+in.Name), typ: typ, rev: rev, created: now,
		tags: tags.ToMap(toTags(in.Tags)), versions: map[int]*version{}, aliases: map[string]*alias{}, executions: map[string]*execution{}}
	p.machines[in.Name] = m
	out := CreateStateMachineOutput{StateMachineArn: m.arn, CreationDate: Timestamp{now}}
	if in.Publish {
		out.StateMachineVersionArn = s.publish(m, in.VersionDescription).arn
	}
	return out, nil
}

// checkLogging checks a logging configuration: a level other than OFF
// needs one destination.
func checkLogging(l *LoggingConfiguration) error {
	if l == nil {
		return nil
	}
	switch l.Level {
	case "", "OFF", "ALL", "ERROR", "FATAL":
	default:
		return validation(l.Level, "loggingConfiguration.level", "Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]")
	}
	if l.Level != "" && l.Level != "OFF" && len(l.Destinations) == 0 {
		return newError(codeInvalidLoggingConfiguration, "Invalid Logging Configuration: Must specify exactly one Log Destination.")
	}
	return nil
}

// DescribeStateMachine describes a state machine, or the version an ARN
// with a version number names.
func (s *Service) DescribeStateMachine(ctx context.Context, in StateMachineInput) (DescribeStateMachineOutput, error) {
	if _, err := s.enter(ctx, "DescribeStateMachine"); err != nil {
		return DescribeStateMachineOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.resolve(in.StateMachineArn)
	if err != nil {
		return DescribeStateMachineOutput{}, err
	}
	if t.a != nil {
		return DescribeStateMachineOutput{}, invalidArn(in.StateMachineArn)
	}
	m, rev, a, created := t.m, t.m.rev, t.m.arn, t.m.created
	out := DescribeStateMachineOutput{Name: m.name, Status: "ACTIVE", Type: m.typ}
	if t.v != nil {
		rev, a, created, out.Description = t.v.rev, t.v.arn, t.v.created, t.v.description
	}
	out.StateMachineArn, out.CreationDate = a, Timestamp{created}
	out.Definition, out.RoleArn, out.RevisionID = rev.definition, rev.roleARN, rev.id
	out.LoggingConfiguration, out.TracingConfiguration, out.EncryptionConfiguration = logging(rev.logging), tracing(rev.tracing), rev.encryption
	return out, nil
}

func logging(l *LoggingConfiguration) *LoggingConfiguration {
	if l == nil {
		return &LoggingConfiguration{Level: "OFF"}
	}
	return l
}

func tracing(t *TracingConfiguration) *TracingConfiguration {
	if t == nil {
		return &TracingConfiguration{}
	}
	return t
}

// UpdateStateMachine changes a machine's definition, role, logging or
// tracing: a new revision, published as a version when Publish is set.
func (s *Service) UpdateStateMachine(ctx context.Context, in UpdateStateMachineInput) (UpdateStateMachineOutput, error) {
	if _, err := s.enter(ctx, "UpdateStateMachine"); err != nil {
		return UpdateStateMachineOutput{}, err
	}
	if in.Definition == nil && in.RoleArn == nil && in.LoggingConfiguration == nil && in.TracingConfiguration == nil && in.EncryptionConfiguration == nil {
		return UpdateStateMachineOutput{}, newError(codeMissingRequiredParameter,
			"Either the definition, the role ARN, the LoggingConfiguration, the EncryptionConfiguration or the TracingConfiguration must be specified")
	}
	if in.VersionDescription != "" && !in.Publish {
		return UpdateStateMachineOutput{}, newError(codeValidation, "Version description can only be set when publish is true")
	}
	if in.RoleArn != nil {
		if err := checkRole(*in.RoleArn); err != nil {
			return UpdateStateMachineOutput{}, err
		}
	}
	if err := checkLogging(in.LoggingConfiguration); err != nil {
		return UpdateStateMachineOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.resolve(in.StateMachineArn)
	if err != nil {
		return UpdateStateMachineOutput{}, err
	}
	if t.v != nil || t.a != nil {
		return UpdateStateMachineOutput{}, invalidArn(in.StateMachineArn)
	}
	m := t.m
	rev := m.rev
	if in.Definition != nil {
		prog, err := checkDefinition(*in.Definition, m.typ)
		if err != nil {
			return UpdateStateMachineOutput{}, err
		}
		rev.definition, rev.prog = *in.Definition, prog
	}
	if in.RoleArn != nil {
		rev.roleARN = *in.RoleArn
	}
	if in.LoggingConfiguration != nil {
		rev.logging = in.LoggingConfiguration
	}
	if in.TracingConfiguration != nil {
		rev.tracing = in.TracingConfiguration
	}
	if in.EncryptionConfiguration != nil {
		rev.encryption = in.EncryptionConfiguration
	}
	now := s.env.Clock.Now()
	if rev.definition != m.rev.definition || rev.roleARN != m.rev.roleARN {
		rev.id = s.env.IDs.UUID()
	}
	rev.updated = now
	m.rev = rev
	out := UpdateStateMachineOutput{UpdateDate: Timestamp{now}, RevisionID: rev.id}
	if in.Publish {
		out.StateMachineVersionArn = s.publish(m, in.VersionDescription).arn
	}
	return out, nil
}

// DeleteStateMachine deletes a machine with its versions and aliases; a
// machine already gone answers OK, as AWS does. Running executions run
// on.
func (s *Service) DeleteStateMachine(ctx context.Context, in StateMachineInput) error {
	if _, err := s.enter(ctx, "DeleteStateMachine"); err != nil {
		return err
	}
	a, name, q, err := splitMachineARN(in.StateMachineArn)
	if err != nil {
		return err
	}
	if q != "" {
		return invalidArn(in.StateMachineArn)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.part(a.Account, a.Region, false); p != nil {
		delete(p.machines, name)
	}
	return nil
}

// ListStateMachines lists the caller's machines by name, a page at a
// time (100 by default, 1000 at most).
func (s *Service) ListStateMachines(ctx context.Context, in ListInput) (ListStateMachinesOutput, error) {
	sc, err := s.enter(ctx, "ListStateMachines")
	if err != nil {
		return ListStateMachinesOutput{}, err
	}
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return ListStateMachinesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var all []*machine
	if p := s.part(sc.Account, sc.Region, false); p != nil {
		for _, m := range p.machines {
			all = append(all, m)
		}
	}
	slices.SortFunc(all, func(a, b *machine) int { return compareStrings(a.name, b.name) })
	page, next, ok := pagetoken.Page(all, func(m *machine) string { return m.name }, in.NextToken, size)
	if !ok {
		return ListStateMachinesOutput{}, invalidToken(in.NextToken)
	}
	out := ListStateMachinesOutput{StateMachines: []StateMachineListItem{}, NextToken: next}
	for _, m := range page {
		out.StateMachines = append(out.StateMachines, StateMachineListItem{StateMachineArn: m.arn, Name: m.name, Type: m.typ, CreationDate: Timestamp{m.created}})
	}
	return out, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// pageSize reads maxResults: 0 is the default 100, at most 1000.
func pageSize(n int) (int, error) {
	switch {
	case n == 0:
		return 100, nil
	case n < 0 || n > 1000:
		return 0, validation(n, "maxResults", "Member must have value less than or equal to 1000")
	}
	return n, nil
}

func invalidToken(tok string) error {
	return newError(codeInvalidToken, "Invalid Token: '%s'", tok)
}
