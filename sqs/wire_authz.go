package sqs

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/policy"
	"github.com/awsfake/awsfake/internal/protocol"
)

// actions is SQS's IAM action table, one row per operation, from the
// Service Authorization Reference ("Actions, resources, and condition keys
// for Amazon SQS"): the batch operations are authorised as the action of
// one entry, ListQueues has no resource, and the tagging operations (and
// CreateQueue with tags) carry the tag condition keys.
var actions = authz.Table{
	"AddPermission":                {Action: "sqs:AddPermission", Resource: "queue"},
	"CancelMessageMoveTask":        {Action: "sqs:CancelMessageMoveTask", Resource: "queue"},
	"ChangeMessageVisibility":      {Action: "sqs:ChangeMessageVisibility", Resource: "queue"},
	"ChangeMessageVisibilityBatch": {Action: "sqs:ChangeMessageVisibility", Resource: "queue"},
	"CreateQueue":                  {Action: "sqs:CreateQueue", Resource: "queue", Keys: []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}},
	"DeleteMessage":                {Action: "sqs:DeleteMessage", Resource: "queue"},
	"DeleteMessageBatch":           {Action: "sqs:DeleteMessage", Resource: "queue"},
	"DeleteQueue":                  {Action: "sqs:DeleteQueue", Resource: "queue"},
	"GetQueueAttributes":           {Action: "sqs:GetQueueAttributes", Resource: "queue"},
	"GetQueueUrl":                  {Action: "sqs:GetQueueUrl", Resource: "queue"},
	"ListDeadLetterSourceQueues":   {Action: "sqs:ListDeadLetterSourceQueues", Resource: "queue"},
	"ListMessageMoveTasks":         {Action: "sqs:ListMessageMoveTasks", Resource: "queue"},
	"ListQueueTags":                {Action: "sqs:ListQueueTags", Resource: "queue"},
	"ListQueues":                   {Action: "sqs:ListQueues"},
	"PurgeQueue":                   {Action: "sqs:PurgeQueue", Resource: "queue"},
	"ReceiveMessage":               {Action: "sqs:ReceiveMessage", Resource: "queue"},
	"RemovePermission":             {Action: "sqs:RemovePermission", Resource: "queue"},
	"SendMessage":                  {Action: "sqs:SendMessage", Resource: "queue"},
	"SendMessageBatch":             {Action: "sqs:SendMessage", Resource: "queue"},
	"SetQueueAttributes":           {Action: "sqs:SetQueueAttributes", Resource: "queue"},
	"StartMessageMoveTask":         {Action: "sqs:StartMessageMoveTask", Resource: "queue"},
	"TagQueue":                     {Action: "sqs:TagQueue", Resource: "queue", Keys: []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}},
	"UntagQueue":                   {Action: "sqs:UntagQueue", Resource: "queue", Keys: []string{"aws:TagKeys"}},
}

// Actions returns SQS's IAM action table, by operation. Plumbing for the
// root package.
func Actions() authz.Table { return actions }

// asked is the part of a request that authorisation reads.
type asked struct {
	QueueUrl, QueueName, QueueOwnerAWSAccountId, SourceArn string
	Tags                                                   map[string]string `json:"tags"`
	TagKeys                                                []string
}

// Authorization returns what the request r, in scope sc, asks: its
// action on its queue, with the queue's policy; none for a request that
// names no operation SQS serves (SQS answers it itself). Plumbing for the
// root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	var in asked
	var op string
	json := protocol.HasTarget(r)
	if json {
		op = jsonTargets.Operation(r)
		if !authz.JSON(r, &in) {
			return nil, nil
		}
	} else {
		f := protocol.NewForm(authz.Form(r), formErrors)
		op = f.Get("Action")
		tags := "Tag"
		if op == "TagQueue" {
			tags = "Tags"
		}
		in = asked{QueueUrl: f.Get("QueueUrl"), QueueName: f.Get("QueueName"),
			QueueOwnerAWSAccountId: f.Get("QueueOwnerAWSAccountId"), SourceArn: f.Get("SourceArn"),
			Tags: f.Map(tags, "Key", "Value"), TagKeys: f.List("TagKey")}
		if in.QueueUrl == "" {
			if seg := protocol.Segments(r); len(seg) >= 2 {
				in.QueueUrl = "/" + seg[len(seg)-2] + "/" + seg[len(seg)-1]
			}
		}
	}
	row, found := actions[op]
	if !found {
		return nil, nil
	}
	ask := row.New(s.askedQueue(sc, op, in))
	switch op {
	case "CreateQueue", "TagQueue":
		ask.Tagged(in.Tags)
	case "UntagQueue":
		ask.TagKeys(in.TagKeys)
	}
	if a, err := arn.Parse(ask.Resource); err == nil {
		ask.Account = a.Account
		ask.Policy = s.queuePolicy(ask.Resource)
	}
	return []authz.Ask{ask}, nil
}

// askedQueue is the ARN of the queue a request names, "" for none.
func (s *Service) askedQueue(sc faults.Scope, op string, in asked) string {
	switch {
	case op == "ListQueues":
		return ""
	case op == "CreateQueue" || op == "GetQueueUrl":
		if in.QueueName == "" {
			return ""
		}
		account := sc.Account
		if in.QueueOwnerAWSAccountId != "" {
			account = in.QueueOwnerAWSAccountId
		}
		return arn.Build(sc.Partition, arnService, sc.Region, account, in.QueueName)
	case in.SourceArn != "" && in.QueueUrl == "":
		return in.SourceArn
	}
	if in.QueueUrl == "" {
		return ""
	}
	if strings.IndexByte(in.QueueUrl, '/') < 0 {
		return sc.ARN(arnService, in.QueueUrl)
	}
	region, account, name, ok := s.splitQueueURL(in.QueueUrl)
	if !ok {
		return ""
	}
	if region == "" {
		region = sc.Region
	}
	return arn.Build(arn.Partition(region), arnService, region, account, name)
}

// queuePolicy is the Policy of the queue queueARN, nil when it has none or
// does not exist.
func (s *Service) queuePolicy(queueARN string) *policy.Document {
	s.mu.Lock()
	q := s.findByARN(queueARN)
	var raw string
	if q != nil {
		raw = q.cfg.policy
	}
	s.mu.Unlock()
	if raw == "" {
		return nil
	}
	doc, err := policy.Parse([]byte(raw))
	if err != nil {
		return nil
	}
	return &doc
}

// DeliveryAsk is what a delivery on the bus to the queue target asks of
// the queue's policy: sqs:SendMessage by the sender's service principal,
// with aws:SourceArn and aws:SourceAccount the sender's. Plumbing for the
// root package.
func (s *Service) DeliveryAsk(target string, m bus.Message) (authz.Ask, bool) {
	if m.Principal == "" {
		return authz.Ask{}, false
	}
	ask := actions["SendMessage"].New(target)
	if a, err := arn.Parse(target); err == nil {
		ask.Account = a.Account
	}
	ask.Policy = s.queuePolicy(target)
	return ask, true
}

// AccessDenied is SQS's refusal of an unauthorised request: AccessDenied,
// 403, with message. Plumbing for the root package.
func (s *Service) AccessDenied(message string) error { return errs.New("AccessDenied", "%s", message) }
