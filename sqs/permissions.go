package sqs

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/arn"

	"github.com/awsfake/awsfake/internal/policy"
)

// AddPermissionInput grants accounts some actions on a queue, under a label.
type AddPermissionInput struct {
	QueueUrl      string   `json:"QueueUrl"`
	Label         string   `json:"Label"`
	AWSAccountIds []string `json:"AWSAccountIds"`
	// Actions are SQS action names, such as SendMessage, or *.
	Actions []string `json:"Actions"`
}

// RemovePermissionInput revokes the permission with a label.
type RemovePermissionInput struct {
	QueueUrl string `json:"QueueUrl"`
	Label    string `json:"Label"`
}

// maxActionsPerStatement: "An Amazon SQS policy can have a maximum of seven
// actions per statement" (AddPermission docs).
const maxActionsPerStatement = 7

// AddPermission adds a statement to the queue's Policy, as AWS does: Sid is
// the label, the principals are the accounts' roots, the actions are
// prefixed SQS:. The label must be new and, like a queue name, 1 to 80
// characters of [A-Za-z0-9_-].
func (s *Service) AddPermission(ctx context.Context, in AddPermissionInput) error {
	sc, err := s.enter(ctx, "AddPermission")
	if err != nil {
		return err
	}
	switch {
	case in.Label == "":
		return missingParameter("Label")
	case len(in.AWSAccountIds) == 0:
		return missingParameter("AWSAccountIds")
	case len(in.Actions) == 0:
		return missingParameter("Actions")
	case !batchEntryID.MatchString(in.Label):
		return invalidParameter(in.Label, "Label", "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length.")
	case len(in.Actions) > maxActionsPerStatement:
		return newError(codeOverLimit, "%d actions were found, maximum allowed is %d.", len(in.Actions), maxActionsPerStatement)
	}
	actions := make(policy.Values, len(in.Actions))
	for i, a := range in.Actions {
		if a != "*" && !isOperation(a) {
			return invalidParameter("SQS:"+a, "ActionName", "Please refer to the appropriate WSDL for a list of valid actions.")
		}
		actions[i] = "SQS:" + a
	}
	principals := make([]string, len(in.AWSAccountIds))
	for i, id := range in.AWSAccountIds {
		principals[i] = arn.Build(sc.Partition, "iam", "", id, "root")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return err
	}
	doc := q.policyDoc()
	if err := doc.Add(policy.Statement{Sid: in.Label, Effect: policy.Allow, Principal: policy.Of("AWS", principals...),
		Action: actions, Resource: policy.Values{q.arn}}); err != nil {
		return invalidParameter(in.Label, "Label", "Already exists.")
	}
	q.setPolicy(doc, s.now())
	return nil
}

// RemovePermission removes the statement with the label from the queue's
// Policy; the policy goes when its last statement does.
func (s *Service) RemovePermission(ctx context.Context, in RemovePermissionInput) error {
	sc, err := s.enter(ctx, "RemovePermission")
	if err != nil {
		return err
	}
	if in.Label == "" {
		return missingParameter("Label")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return err
	}
	doc := q.policyDoc()
	if !doc.Remove(in.Label) {
		return invalidParameter(in.Label, "Label", "can't find label.")
	}
	q.setPolicy(doc, s.now())
	return nil
}

// policyDoc parses the queue's Policy, or starts the one AWS generates.
func (q *queue) policyDoc() policy.Document {
	if q.cfg.policy != "" {
		if doc, err := policy.Parse([]byte(q.cfg.policy)); err == nil {
			return doc
		}
	}
	return policy.Document{Version: "2012-10-17", ID: q.arn + "/SQSDefaultPolicy"}
}

// setPolicy stores doc as the queue's Policy, or none when it has no
// statement left.
func (q *queue) setPolicy(doc policy.Document, now int64) {
	q.cfg.policy = ""
	if len(doc.Statement) > 0 {
		q.cfg.policy = doc.String()
	}
	q.modified = unixNano(now).Truncate(time.Second)
}
