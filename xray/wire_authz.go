package xray

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// Resource types of X-Ray's action table.
const (
	onGroup = "group"
	onRule  = "sampling-rule"
)

var tagKeys = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}

// actions is X-Ray's IAM action table, one row per operation of the wire
// table, from the Service Authorization Reference ("Actions, resources,
// and condition keys for AWS X-Ray"): every operation is the xray: action
// of its name; the group operations act on the group
// (group/<name>/<id>), the sampling rule ones on the rule
// (sampling-rule/<name>), the tagging ones on the ARN they name; the rest
// (segments, traces, graphs, insights, encryption, resource policies,
// Transaction Search) support no resource type.
var actions = authz.Table{
	"BatchGetTraces":                 {Action: "xray:BatchGetTraces"},
	"CancelTraceRetrieval":           {Action: "xray:CancelTraceRetrieval"},
	"CreateGroup":                    {Action: "xray:CreateGroup", Resource: onGroup, Keys: tagKeys},
	"CreateSamplingRule":             {Action: "xray:CreateSamplingRule", Resource: onRule, Keys: tagKeys},
	"DeleteGroup":                    {Action: "xray:DeleteGroup", Resource: onGroup},
	"DeleteResourcePolicy":           {Action: "xray:DeleteResourcePolicy"},
	"DeleteSamplingRule":             {Action: "xray:DeleteSamplingRule", Resource: onRule},
	"GetEncryptionConfig":            {Action: "xray:GetEncryptionConfig"},
	"GetGroup":                       {Action: "xray:GetGroup", Resource: onGroup},
	"GetGroups":                      {Action: "xray:GetGroups"},
	"GetIndexingRules":               {Action: "xray:GetIndexingRules"},
	"GetInsight":                     {Action: "xray:GetInsight"},
	"GetInsightEvents":               {Action: "xray:GetInsightEvents"},
	"GetInsightImpactGraph":          {Action: "xray:GetInsightImpactGraph"},
	"GetInsightSummaries":            {Action: "xray:GetInsightSummaries"},
	"GetRetrievedTracesGraph":        {Action: "xray:GetRetrievedTracesGraph"},
	"GetSamplingRules":               {Action: "xray:GetSamplingRules"},
	"GetSamplingStatisticSummaries":  {Action: "xray:GetSamplingStatisticSummaries"},
	"GetSamplingTargets":             {Action: "xray:GetSamplingTargets"},
	"GetServiceGraph":                {Action: "xray:GetServiceGraph"},
	"GetTimeSeriesServiceStatistics": {Action: "xray:GetTimeSeriesServiceStatistics"},
	"GetTraceGraph":                  {Action: "xray:GetTraceGraph"},
	"GetTraceSegmentDestination":     {Action: "xray:GetTraceSegmentDestination"},
	"GetTraceSummaries":              {Action: "xray:GetTraceSummaries"},
	"ListResourcePolicies":           {Action: "xray:ListResourcePolicies"},
	"ListRetrievedTraces":            {Action: "xray:ListRetrievedTraces"},
	"ListTagsForResource":            {Action: "xray:ListTagsForResource", Resource: onGroup},
	"PutEncryptionConfig":            {Action: "xray:PutEncryptionConfig"},
	"PutResourcePolicy":              {Action: "xray:PutResourcePolicy"},
	"PutTelemetryRecords":            {Action: "xray:PutTelemetryRecords"},
	"PutTraceSegments":               {Action: "xray:PutTraceSegments"},
	"StartTraceRetrieval":            {Action: "xray:StartTraceRetrieval"},
	"TagResource":                    {Action: "xray:TagResource", Resource: onGroup, Keys: tagKeys},
	"UntagResource":                  {Action: "xray:UntagResource", Resource: onGroup, Keys: []string{"aws:TagKeys"}},
	"UpdateGroup":                    {Action: "xray:UpdateGroup", Resource: onGroup},
	"UpdateIndexingRule":             {Action: "xray:UpdateIndexingRule"},
	"UpdateSamplingRule":             {Action: "xray:UpdateSamplingRule", Resource: onRule},
	"UpdateTraceSegmentDestination":  {Action: "xray:UpdateTraceSegmentDestination"},
}

// Actions returns X-Ray's IAM action table, by operation. Plumbing for the
// root package.
func Actions() authz.Table { return actions }

// asked is the part of a request body that authorisation reads.
type asked struct {
	GroupRef
	RuleName, RuleARN, ResourceARN string
	SamplingRule                   struct{ RuleName string }
	SamplingRuleUpdate             struct{ RuleName, RuleARN string }
	Tags                           []Tag
	TagKeys                        []string
}

// Authorization returns what the request r, in scope sc, asks: its action
// on the group, sampling rule or tagged resource it names, "*" for the
// rest, with the resource's tags as aws:ResourceTag/<key>. A group named
// by name is evaluated on its ARN; CreateGroup, whose
// group's id is not drawn yet, on group/<name>/* (the ARN form with the id
// any). A body that cannot be read asks nothing: the operation answers
// it. Plumbing for the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	rt, _, _ := routes.Match(r.Method, protocol.Segments(r), r.URL.Query(), r.Header)
	if rt == nil {
		return nil, nil
	}
	row := actions[rt.Name]
	var in asked
	if !authz.JSON(r, &in) {
		return nil, nil
	}
	ask := row.New(s.askedResource(sc, rt.Name, row.Resource, in))
	if a, err := arn.Parse(ask.Resource); err == nil {
		ask.Account = a.Account
		_, _ = locked(s, sc, func(p *partition) (struct{}, error) { ask.ResourceTagged(p.tags[ask.Resource]); return struct{}{}, nil })
	}
	if rt.Name == "UntagResource" {
		ask.TagKeys(in.TagKeys)
	} else if len(row.Keys) == len(tagKeys) && len(in.Tags) > 0 {
		tags := make(map[string]string, len(in.Tags))
		for _, t := range in.Tags {
			tags[t.Key] = t.Value
		}
		ask.Tagged(tags)
	}
	return []authz.Ask{ask}, nil
}

// askedResource is the ARN a request's action is evaluated on, "" for
// none.
func (s *Service) askedResource(sc faults.Scope, op, kind string, in asked) string {
	if in.ResourceARN != "" {
		return in.ResourceARN
	}
	switch kind {
	case onGroup:
		if op == "CreateGroup" {
			if in.GroupName == "" {
				return ""
			}
			return sc.ARN(arnService, "group/"+in.GroupName+"/*")
		}
		if in.GroupName == "" {
			return in.GroupARN
		}
		g, err := locked(s, sc, func(p *partition) (*Group, error) { return p.groupOf(in.GroupRef) })
		if err != nil {
			return ""
		}
		return g.GroupARN
	case onRule:
		name, ruleARN := in.RuleName, in.RuleARN
		switch op {
		case "CreateSamplingRule":
			name = in.SamplingRule.RuleName
		case "UpdateSamplingRule":
			name, ruleARN = in.SamplingRuleUpdate.RuleName, in.SamplingRuleUpdate.RuleARN
		}
		if name != "" {
			return sc.ARN(arnService, "sampling-rule/"+name)
		}
		return ruleARN
	}
	return ""
}

// AccessDenied is X-Ray's refusal of an unauthorised request:
// AccessDeniedException, 403, with message (the model has no shape for
// it; the restJson1 X-Amzn-ErrorType is what the SDK reads). Plumbing for
// the root package.
func (s *Service) AccessDenied(message string) error {
	return errs.New("AccessDeniedException", "%s", message)
}
