package sns

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/policy"
	"github.com/awsfake/awsfake/internal/protocol"
)

// tagKeys are the condition keys of an operation that sets tags.
var tagKeys = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}

// actionTable is SNS's IAM action table, one row per operation, from the
// Service Authorization Reference ("Actions, resources, and condition keys
// for Amazon SNS"): the topic operations act on the topic; PublishBatch is
// authorised as sns:Publish; the subscription, platform and SMS operations
// support no resource type (Resource "*").
var actionTable = authz.Table{
	"AddPermission":                      {Action: "sns:AddPermission", Resource: "topic"},
	"CheckIfPhoneNumberIsOptedOut":       {Action: "sns:CheckIfPhoneNumberIsOptedOut"},
	"ConfirmSubscription":                {Action: "sns:ConfirmSubscription", Resource: "topic"},
	"CreatePlatformApplication":          {Action: "sns:CreatePlatformApplication"},
	"CreatePlatformEndpoint":             {Action: "sns:CreatePlatformEndpoint"},
	"CreateSMSSandboxPhoneNumber":        {Action: "sns:CreateSMSSandboxPhoneNumber"},
	"CreateTopic":                        {Action: "sns:CreateTopic", Resource: "topic", Keys: tagKeys},
	"DeleteEndpoint":                     {Action: "sns:DeleteEndpoint"},
	"DeletePlatformApplication":          {Action: "sns:DeletePlatformApplication"},
	"DeleteSMSSandboxPhoneNumber":        {Action: "sns:DeleteSMSSandboxPhoneNumber"},
	"DeleteTopic":                        {Action: "sns:DeleteTopic", Resource: "topic"},
	"GetDataProtectionPolicy":            {Action: "sns:GetDataProtectionPolicy", Resource: "topic"},
	"GetEndpointAttributes":              {Action: "sns:GetEndpointAttributes"},
	"GetPlatformApplicationAttributes":   {Action: "sns:GetPlatformApplicationAttributes"},
	"GetSMSAttributes":                   {Action: "sns:GetSMSAttributes"},
	"GetSMSSandboxAccountStatus":         {Action: "sns:GetSMSSandboxAccountStatus"},
	"GetSubscriptionAttributes":          {Action: "sns:GetSubscriptionAttributes"},
	"GetTopicAttributes":                 {Action: "sns:GetTopicAttributes", Resource: "topic"},
	"ListEndpointsByPlatformApplication": {Action: "sns:ListEndpointsByPlatformApplication"},
	"ListOriginationNumbers":             {Action: "sns:ListOriginationNumbers"},
	"ListPhoneNumbersOptedOut":           {Action: "sns:ListPhoneNumbersOptedOut"},
	"ListPlatformApplications":           {Action: "sns:ListPlatformApplications"},
	"ListSMSSandboxPhoneNumbers":         {Action: "sns:ListSMSSandboxPhoneNumbers"},
	"ListSubscriptions":                  {Action: "sns:ListSubscriptions"},
	"ListSubscriptionsByTopic":           {Action: "sns:ListSubscriptionsByTopic", Resource: "topic"},
	"ListTagsForResource":                {Action: "sns:ListTagsForResource", Resource: "topic"},
	"ListTopics":                         {Action: "sns:ListTopics"},
	"OptInPhoneNumber":                   {Action: "sns:OptInPhoneNumber"},
	"Publish":                            {Action: "sns:Publish", Resource: "topic"},
	"PublishBatch":                       {Action: "sns:Publish", Resource: "topic"},
	"PutDataProtectionPolicy":            {Action: "sns:PutDataProtectionPolicy", Resource: "topic"},
	"RemovePermission":                   {Action: "sns:RemovePermission", Resource: "topic"},
	"SetEndpointAttributes":              {Action: "sns:SetEndpointAttributes"},
	"SetPlatformApplicationAttributes":   {Action: "sns:SetPlatformApplicationAttributes"},
	"SetSMSAttributes":                   {Action: "sns:SetSMSAttributes"},
	"SetSubscriptionAttributes":          {Action: "sns:SetSubscriptionAttributes"},
	"SetTopicAttributes":                 {Action: "sns:SetTopicAttributes", Resource: "topic"},
	"Subscribe":                          {Action: "sns:Subscribe", Resource: "topic", Keys: []string{"sns:Endpoint", "sns:Protocol"}},
	"TagResource":                        {Action: "sns:TagResource", Resource: "topic", Keys: tagKeys},
	"Unsubscribe":                        {Action: "sns:Unsubscribe"},
	"UntagResource":                      {Action: "sns:UntagResource", Resource: "topic", Keys: []string{"aws:TagKeys"}},
	"VerifySMSSandboxPhoneNumber":        {Action: "sns:VerifySMSSandboxPhoneNumber"},
}

// Actions returns SNS's IAM action table, by operation. Plumbing for the
// root package.
func Actions() authz.Table { return actionTable }

// Authorization returns what the request r, in scope sc, asks: its action
// on its topic, with the topic's policy (AWS's default one when none is
// set), and the operation's condition keys. Plumbing for the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	f := protocol.NewForm(authz.Form(r), formErrors)
	op := f.Get("Action")
	row, ok := actionTable[op]
	if !ok {
		return nil, nil
	}
	var resource string
	switch {
	case row.Resource == "":
	case op == "CreateTopic":
		resource = sc.ARN(arnService, f.Get("Name"))
	case op == "TagResource" || op == "UntagResource" || op == "ListTagsForResource":
		resource = f.Get("ResourceArn")
	case op == "Publish" && f.Get("TopicArn") == "":
		resource = f.Get("TargetArn")
	default:
		resource = f.Get("TopicArn")
	}
	ask := row.New(resource)
	switch op {
	case "CreateTopic", "TagResource":
		tags := map[string]string{}
		for _, t := range tagsOf(f) {
			tags[t.Key] = t.Value
		}
		ask.Tagged(tags)
	case "UntagResource":
		ask.TagKeys(f.List("TagKeys.member"))
	case "Subscribe":
		ask.Context = map[string][]string{"sns:endpoint": {f.Get("Endpoint")}, "sns:protocol": {f.Get("Protocol")}}
	}
	if a, err := arn.Parse(resource); err == nil {
		ask.Account = a.Account
		ask.Policy = s.topicDoc(resource)
	}
	return []authz.Ask{ask}, nil
}

// topicDoc is the policy of the topic topicARN (AWS's default one when
// none is set), nil when the topic does not exist.
func (s *Service) topicDoc(topicARN string) *policy.Document {
	s.mu.Lock()
	t := s.topics[topicARN]
	var raw string
	if t != nil {
		raw = s.policyLocked(t)
	}
	s.mu.Unlock()
	if t == nil {
		return nil
	}
	doc, err := policy.Parse([]byte(raw))
	if err != nil {
		return nil
	}
	return &doc
}

// DeliveryAsk is what a delivery on the bus to the topic target (an S3
// event notification) asks of the topic's policy: sns:Publish by the
// sender's service principal. Plumbing for the root package.
func (s *Service) DeliveryAsk(target string, m bus.Message) (authz.Ask, bool) {
	if m.Principal == "" {
		return authz.Ask{}, false
	}
	ask := actionTable["Publish"].New(target)
	if a, err := arn.Parse(target); err == nil {
		ask.Account = a.Account
	}
	ask.Policy = s.topicDoc(target)
	return ask, true
}

// AccessDenied is SNS's refusal of an unauthorised request:
// AuthorizationError, 403, with message. Plumbing for the root package.
func (s *Service) AccessDenied(message string) error {
	return errs.New("AuthorizationError", "%s", message)
}
