package sqs

import (
	"context"
	"encoding/json"
	"time"
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
	_, err := s.enter(ctx, "AddPermission")
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
	actions := make([]any, len(in.Actions))
	for i, a := range in.Actions {
		if a != "*" && !isOperation(a) {
			return invalidParameter("SQS:"+a, "ActionName", "Please refer to the appropriate WSDL for a list of valid actions.")
		}
		actions[i] = "SQS:" + a
	}
	principals := make([]any, len(in.AWSAccountIds))
	for i, id := range in.AWSAccountIds {
		principals[i] = "arn:aws:iam::" + id + ":root"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(in.QueueUrl)
	if err != nil {
		return err
	}
	doc, stmts := q.policyDoc()
	if statementIndex(stmts, in.Label) >= 0 {
		return invalidParameter(in.Label, "Label", "Already exists.")
	}
	doc["Statement"] = append(stmts, map[string]any{
		"Sid": in.Label, "Effect": "Allow", "Principal": map[string]any{"AWS": oneOrMany(principals)},
		"Action": oneOrMany(actions), "Resource": q.arn,
	})
	q.setPolicy(doc, s.now())
	return nil
}

// RemovePermission removes the statement with the label from the queue's
// Policy; the policy goes when its last statement does.
func (s *Service) RemovePermission(ctx context.Context, in RemovePermissionInput) error {
	_, err := s.enter(ctx, "RemovePermission")
	if err != nil {
		return err
	}
	if in.Label == "" {
		return missingParameter("Label")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(in.QueueUrl)
	if err != nil {
		return err
	}
	doc, stmts := q.policyDoc()
	i := statementIndex(stmts, in.Label)
	if i < 0 {
		return invalidParameter(in.Label, "Label", "can't find label.")
	}
	doc["Statement"] = append(stmts[:i], stmts[i+1:]...)
	q.setPolicy(doc, s.now())
	return nil
}

// policyDoc parses the queue's Policy, or starts the one AWS generates, and
// returns it with its statements.
func (q *queue) policyDoc() (doc map[string]any, stmts []any) {
	doc = map[string]any{}
	if q.cfg.policy == "" || json.Unmarshal([]byte(q.cfg.policy), &doc) != nil {
		doc = map[string]any{"Version": "2012-10-17", "Id": q.arn + "/SQSDefaultPolicy", "Statement": []any{}}
	} else if st, ok := doc["Statement"].(map[string]any); ok {
		doc["Statement"] = []any{st}
	}
	stmts, _ = doc["Statement"].([]any)
	return doc, stmts
}

func (q *queue) setPolicy(doc map[string]any, now int64) {
	q.cfg.policy = ""
	if stmts, _ := doc["Statement"].([]any); len(stmts) > 0 {
		b, _ := json.Marshal(doc)
		q.cfg.policy = string(b)
	}
	q.modified = unixNano(now).Truncate(time.Second)
}

func statementIndex(stmts []any, sid string) int {
	for i, st := range stmts {
		if m, ok := st.(map[string]any); ok && m["Sid"] == sid {
			return i
		}
	}
	return -1
}

// oneOrMany renders a list as AWS writes policies: a lone value bare.
func oneOrMany(v []any) any {
	if len(v) == 1 {
		return v[0]
	}
	return v
}
