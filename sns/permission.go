package sns

import (
	"context"
	"slices"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/policy"
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

// policyLocked is a topic's Policy attribute: as set, or AWS's default.
func (s *Service) policyLocked(t *topic) string {
	if p := t.attrs["Policy"]; p != "" {
		return p
	}
	return policy.Document{Version: "2008-10-17", ID: "__default_policy_ID", Statement: []policy.Statement{{
		Sid: "__default_statement_ID", Effect: policy.Allow, Principal: policy.Of("AWS", "*"),
		Action: snsActions(topicActions), Resource: policy.Values{t.arn},
		Condition: map[string]map[string]policy.Values{"StringEquals": {"AWS:SourceOwner": {t.owner}}},
	}}}.String()
}

// snsActions names actions as a policy does: SNS:Publish.
func snsActions(names []string) policy.Values {
	out := make(policy.Values, len(names))
	for i, a := range names {
		out[i] = "SNS:" + a
	}
	return out
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
	sc, err := s.enter(ctx, "AddPermission")
	if err != nil {
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
	t, doc, err := s.topicPolicyLocked(sc.Region, in.TopicArn)
	if err != nil {
		return err
	}
	principals := make([]string, len(in.AWSAccountId))
	for i, id := range in.AWSAccountId {
		principals[i] = arn.Build(sc.Partition, "iam", "", id, "root")
	}
	st := policy.Statement{Sid: in.Label, Effect: policy.Allow, Principal: policy.Of("AWS", principals...),
		Action: snsActions(in.ActionName), Resource: policy.Values{t.arn}}
	if err := doc.Add(st); err != nil {
		return invalidParameter("Invalid parameter: Statement already exists")
	}
	t.attrs["Policy"] = doc.String()
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
	sc, err := s.enter(ctx, "RemovePermission")
	if err != nil {
		return err
	}
	if in.Label == "" {
		return missing("Label")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, doc, err := s.topicPolicyLocked(sc.Region, in.TopicArn)
	if err != nil {
		return err
	}
	if doc.Remove(in.Label) {
		t.attrs["Policy"] = doc.String()
	}
	return nil
}

// topicPolicyLocked finds a topic and parses its policy.
func (s *Service) topicPolicyLocked(region, topicARN string) (*topic, policy.Document, error) {
	t, err := s.topicLocked(region, topicARN)
	if err != nil {
		return nil, policy.Document{}, err
	}
	doc, err := policy.Parse([]byte(s.policyLocked(t)))
	if err != nil {
		return nil, doc, invalidParameter("Invalid parameter: Policy Error: the topic's policy is not a policy document")
	}
	return t, doc, nil
}
