package eventbridge

import (
	"context"
	"encoding/json"
	"slices"
)

// busPolicy is a bus's resource policy: its statements in order, each
// with its Sid.
type busPolicy struct {
	statements []statement
}

type statement struct {
	sid string
	doc json.RawMessage
}

// String is the policy document, "" when there is none.
func (p *busPolicy) String() string {
	if p == nil || len(p.statements) == 0 {
		return ""
	}
	docs := make([]json.RawMessage, len(p.statements))
	for i, st := range p.statements {
		docs[i] = st.doc
	}
	b, _ := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": docs})
	return string(b)
}

// Condition is PutPermission's condition: an organisation.
type Condition struct {
	Type  string
	Key   string
	Value string
}

// PutPermissionInput is PutPermission's input: either a whole Policy, or
// one statement letting Principal (an account id or "*") run Action
// (events:PutEvents) on the bus.
type PutPermissionInput struct {
	EventBusName string     `json:",omitempty"`
	Action       string     `json:",omitempty"`
	Principal    string     `json:",omitempty"`
	StatementId  string     `json:",omitempty"`
	Condition    *Condition `json:",omitempty"`
	Policy       string     `json:",omitempty"`
}

// PutPermission adds a statement to the bus's policy, or replaces the
// policy with Policy. The policy is stored and described, not enforced.
func (s *Service) PutPermission(ctx context.Context, in PutPermissionInput) error {
	sc, err := s.enter(ctx, "PutPermission")
	if err != nil {
		return err
	}
	var pol *busPolicy
	if in.Policy != "" {
		if pol, err = parseBusPolicy(in.Policy); err != nil {
			return err
		}
	} else if in.Action != "events:PutEvents" || in.Principal == "" || in.StatementId == "" {
		return errValidation("Provide either Policy, or Action (events:PutEvents), Principal and StatementId.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.busNamed(sc, in.EventBusName)
	if err != nil {
		return err
	}
	if pol != nil {
		b.policy = pol
		return nil
	}
	principal := any("*")
	if in.Principal != "*" {
		principal = map[string]string{"AWS": "arn:" + sc.Partition + ":iam::" + in.Principal + ":root"}
	}
	st := map[string]any{"Sid": in.StatementId, "Effect": "Allow", "Principal": principal, "Action": in.Action, "Resource": b.arn}
	if c := in.Condition; c != nil {
		st["Condition"] = map[string]any{c.Type: map[string]string{c.Key: c.Value}}
	}
	doc, _ := json.Marshal(st)
	if b.policy == nil {
		b.policy = &busPolicy{}
	}
	b.policy.statements = slices.DeleteFunc(b.policy.statements, func(x statement) bool { return x.sid == in.StatementId })
	b.policy.statements = append(b.policy.statements, statement{in.StatementId, doc})
	return nil
}

func parseBusPolicy(s string) (*busPolicy, error) {
	var doc struct {
		Statement []json.RawMessage
	}
	if _, ok := rawJSON(s); !ok || json.Unmarshal([]byte(s), &doc) != nil {
		return nil, errValidation("Policy is not valid JSON.")
	}
	p := &busPolicy{}
	for _, st := range doc.Statement {
		var sid struct{ Sid string }
		_ = json.Unmarshal(st, &sid)
		p.statements = append(p.statements, statement{sid.Sid, st})
	}
	return p, nil
}

// RemovePermissionInput is RemovePermission's input.
type RemovePermissionInput struct {
	EventBusName         string `json:",omitempty"`
	StatementId          string `json:",omitempty"`
	RemoveAllPermissions bool   `json:",omitempty"`
}

// RemovePermission removes one statement, or all of them. A Sid the
// policy lacks is ResourceNotFoundException ("Statement with the provided
// id does not exist.", recorded: TestEventBus::test_remove_permission_non_existing_sid).
func (s *Service) RemovePermission(ctx context.Context, in RemovePermissionInput) error {
	sc, err := s.enter(ctx, "RemovePermission")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.busNamed(sc, in.EventBusName)
	if err != nil {
		return err
	}
	if in.RemoveAllPermissions {
		b.policy = nil
		return nil
	}
	if b.policy == nil || !slices.ContainsFunc(b.policy.statements, func(x statement) bool { return x.sid == in.StatementId }) {
		return newError(codeResourceNotFound, "Statement with the provided id does not exist.")
	}
	b.policy.statements = slices.DeleteFunc(b.policy.statements, func(x statement) bool { return x.sid == in.StatementId })
	return nil
}
