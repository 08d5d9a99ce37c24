package sns

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/awsfake/awsfake/internal/arn"
)

// A topic's access policy. Without a Policy attribute a topic has AWS's
// default policy, which lets the owning account do everything the actions
// below name; AddPermission and RemovePermission add and remove statements
// by label (Sid). The fake stores policies and reports them; it does not
// evaluate them.

// topicActions are the actions of the default policy and the ones
// AddPermission accepts (with Receive, used by cross-account subscribers).
var topicActions = []string{
	"GetTopicAttributes", "SetTopicAttributes", "AddPermission", "RemovePermission",
	"DeleteTopic", "Subscribe", "ListSubscriptionsByTopic", "Publish",
}

// policyDocument keeps a policy's members in AWS's order.
type policyDocument struct {
	Version   string            `json:"Version,omitempty"`
	ID        string            `json:"Id,omitempty"`
	Statement []json.RawMessage `json:"Statement"`
}

type statement struct {
	Sid       string         `json:"Sid"`
	Effect    string         `json:"Effect"`
	Principal map[string]any `json:"Principal"`
	Action    any            `json:"Action"`
	Resource  string         `json:"Resource"`
	Condition any            `json:"Condition,omitempty"`
}

// policyLocked is a topic's Policy attribute: as set, or AWS's default.
func (s *Service) policyLocked(t *topic) string {
	if p := t.attrs["Policy"]; p != "" {
		return p
	}
	actions := make([]string, len(topicActions))
	for i, a := range topicActions {
		actions[i] = "SNS:" + a
	}
	st, _ := json.Marshal(statement{
		Sid: "__default_statement_ID", Effect: "Allow", Principal: map[string]any{"AWS": "*"},
		Action: actions, Resource: t.arn,
		Condition: map[string]any{"StringEquals": map[string]string{"AWS:SourceOwner": s.env.AccountID}},
	})
	doc, _ := json.Marshal(policyDocument{Version: "2008-10-17", ID: "__default_policy_ID", Statement: []json.RawMessage{st}})
	return string(doc)
}

// AddPermissionInput grants accounts actions on a topic.
type AddPermissionInput struct {
	TopicArn string
	// Label is the new statement's Sid.
	Label        string
	AWSAccountId []string
	ActionName   []string
}

// AddPermission adds a statement to a topic's policy.
func (s *Service) AddPermission(ctx context.Context, in AddPermissionInput) error {
	if _, err := s.enter(ctx, "AddPermission"); err != nil {
		return err
	}
	switch {
	case in.Label == "":
		return missing("Label")
	case len(in.AWSAccountId) == 0:
		return missing("AWSAccountId")
	case len(in.ActionName) == 0:
		return missing("ActionName")
	}
	for _, a := range in.ActionName {
		if !slices.Contains(topicActions, a) && a != "Receive" {
			return invalidParameter("Invalid parameter: Policy statement action out of service scope!")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, doc, err := s.topicPolicyLocked(in.TopicArn)
	if err != nil {
		return err
	}
	if labelIndex(doc, in.Label) >= 0 {
		return invalidParameter("Invalid parameter: Statement already exists")
	}
	principals := make([]string, len(in.AWSAccountId))
	for i, id := range in.AWSAccountId {
		principals[i] = arn.New("iam", "", id, "root")
	}
	actions := make([]string, len(in.ActionName))
	for i, a := range in.ActionName {
		actions[i] = "SNS:" + a
	}
	st, _ := json.Marshal(statement{Sid: in.Label, Effect: "Allow", Principal: map[string]any{"AWS": oneOrMany(principals)},
		Action: oneOrMany(actions), Resource: t.arn})
	doc.Statement = append(doc.Statement, st)
	t.setPolicy(doc)
	return nil
}

// RemovePermissionInput removes a statement from a topic's policy.
type RemovePermissionInput struct {
	TopicArn string
	Label    string
}

// RemovePermission removes the statement labelled Label; an unknown label
// changes nothing.
func (s *Service) RemovePermission(ctx context.Context, in RemovePermissionInput) error {
	if _, err := s.enter(ctx, "RemovePermission"); err != nil {
		return err
	}
	if in.Label == "" {
		return missing("Label")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, doc, err := s.topicPolicyLocked(in.TopicArn)
	if err != nil {
		return err
	}
	if i := labelIndex(doc, in.Label); i >= 0 {
		doc.Statement = slices.Delete(doc.Statement, i, i+1)
		t.setPolicy(doc)
	}
	return nil
}

// topicPolicyLocked finds a topic and parses its policy.
func (s *Service) topicPolicyLocked(topicARN string) (*topic, policyDocument, error) {
	var doc policyDocument
	t, err := s.topicLocked(topicARN)
	if err != nil {
		return nil, doc, err
	}
	if err := json.Unmarshal([]byte(s.policyLocked(t)), &doc); err != nil {
		return nil, doc, invalidParameter("Invalid parameter: Policy Error: the topic's policy is not a policy document")
	}
	return t, doc, nil
}

// setPolicy stores doc as the topic's Policy attribute.
func (t *topic) setPolicy(doc policyDocument) {
	b, _ := json.Marshal(doc)
	t.attrs["Policy"] = string(b)
}

func labelIndex(doc policyDocument, label string) int {
	for i, raw := range doc.Statement {
		var st struct{ Sid string }
		if json.Unmarshal(raw, &st) == nil && st.Sid == label {
			return i
		}
	}
	return -1
}

// oneOrMany is a policy value: a single string, or a list of several.
func oneOrMany(v []string) any {
	if len(v) == 1 {
		return v[0]
	}
	return v
}
