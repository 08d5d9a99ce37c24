package cloudwatch

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// Resource types of CloudWatch's action table.
const (
	onAlarm     = "alarm"
	onDashboard = "dashboard"
	onRule      = "insight-rule"
	onStream    = "metric-stream"
)

var tagKeys = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}

// actions is CloudWatch's IAM action table, one row per operation of the
// wire table, from the Service Authorization Reference ("Actions,
// resources, and condition keys for Amazon CloudWatch"): every operation
// is the cloudwatch: action of its name, on each alarm
// (alarm:<name>), dashboard (dashboard/<name>, without a region),
// Contributor Insights rule (insight-rule/<name>) or metric stream
// (metric-stream/<name>) it names, else on "*"; PutMetricData carries
// cloudwatch:namespace; PutMetricStream asks iam:PassRole of its role.
var actions = authz.Table{
	"AssociateDatasetKmsKey":             {Action: "cloudwatch:AssociateDatasetKmsKey"},
	"CreateResourceMetricsConfiguration": {Action: "cloudwatch:CreateResourceMetricsConfiguration"},
	"DeleteAlarmMuteRule":                {Action: "cloudwatch:DeleteAlarmMuteRule"},
	"DeleteAlarms":                       {Action: "cloudwatch:DeleteAlarms", Resource: onAlarm},
	"DeleteAnomalyDetector":              {Action: "cloudwatch:DeleteAnomalyDetector"},
	"DeleteDashboards":                   {Action: "cloudwatch:DeleteDashboards", Resource: onDashboard},
	"DeleteInsightRules":                 {Action: "cloudwatch:DeleteInsightRules", Resource: onRule},
	"DeleteMetricDataQueryDefinition":    {Action: "cloudwatch:DeleteMetricDataQueryDefinition"},
	"DeleteMetricStream":                 {Action: "cloudwatch:DeleteMetricStream", Resource: onStream},
	"DeleteResourceMetricsConfiguration": {Action: "cloudwatch:DeleteResourceMetricsConfiguration"},
	"DescribeAlarmContributors":          {Action: "cloudwatch:DescribeAlarmContributors", Resource: onAlarm},
	"DescribeAlarmHistory":               {Action: "cloudwatch:DescribeAlarmHistory", Resource: onAlarm},
	"DescribeAlarms":                     {Action: "cloudwatch:DescribeAlarms", Resource: onAlarm},
	"DescribeAlarmsForMetric":            {Action: "cloudwatch:DescribeAlarmsForMetric"},
	"DescribeAnomalyDetectors":           {Action: "cloudwatch:DescribeAnomalyDetectors"},
	"DescribeInsightRules":               {Action: "cloudwatch:DescribeInsightRules"},
	"DisableAlarmActions":                {Action: "cloudwatch:DisableAlarmActions", Resource: onAlarm},
	"DisableInsightRules":                {Action: "cloudwatch:DisableInsightRules", Resource: onRule},
	"DisassociateDatasetKmsKey":          {Action: "cloudwatch:DisassociateDatasetKmsKey"},
	"EnableAlarmActions":                 {Action: "cloudwatch:EnableAlarmActions", Resource: onAlarm},
	"EnableInsightRules":                 {Action: "cloudwatch:EnableInsightRules", Resource: onRule},
	"GetAlarmMuteRule":                   {Action: "cloudwatch:GetAlarmMuteRule"},
	"GetDashboard":                       {Action: "cloudwatch:GetDashboard", Resource: onDashboard},
	"GetDataset":                         {Action: "cloudwatch:GetDataset"},
	"GetInsightRuleReport":               {Action: "cloudwatch:GetInsightRuleReport", Resource: onRule},
	"GetMetricData":                      {Action: "cloudwatch:GetMetricData"},
	"GetMetricDataQueryDefinition":       {Action: "cloudwatch:GetMetricDataQueryDefinition"},
	"GetMetricStatistics":                {Action: "cloudwatch:GetMetricStatistics"},
	"GetMetricStream":                    {Action: "cloudwatch:GetMetricStream", Resource: onStream},
	"GetMetricWidgetImage":               {Action: "cloudwatch:GetMetricWidgetImage"},
	"GetOTelEnrichment":                  {Action: "cloudwatch:GetOTelEnrichment"},
	"GetResourceMetricsConfiguration":    {Action: "cloudwatch:GetResourceMetricsConfiguration"},
	"ListAlarmMuteRules":                 {Action: "cloudwatch:ListAlarmMuteRules"},
	"ListDashboards":                     {Action: "cloudwatch:ListDashboards"},
	"ListManagedInsightRules":            {Action: "cloudwatch:ListManagedInsightRules"},
	"ListMetricDataQueryDefinitions":     {Action: "cloudwatch:ListMetricDataQueryDefinitions"},
	"ListMetricStreams":                  {Action: "cloudwatch:ListMetricStreams"},
	"ListMetrics":                        {Action: "cloudwatch:ListMetrics"},
	"ListTagsForResource":                {Action: "cloudwatch:ListTagsForResource", Resource: onAlarm},
	"PutAlarmMuteRule":                   {Action: "cloudwatch:PutAlarmMuteRule", Keys: tagKeys},
	"PutAnomalyDetector":                 {Action: "cloudwatch:PutAnomalyDetector"},
	"PutCompositeAlarm":                  {Action: "cloudwatch:PutCompositeAlarm", Resource: onAlarm, Keys: tagKeys},
	"PutDashboard":                       {Action: "cloudwatch:PutDashboard", Resource: onDashboard},
	"PutInsightRule":                     {Action: "cloudwatch:PutInsightRule", Resource: onRule, Keys: tagKeys},
	"PutLogAlarm":                        {Action: "cloudwatch:PutLogAlarm", Resource: onAlarm, Keys: tagKeys},
	"PutManagedInsightRules":             {Action: "cloudwatch:PutManagedInsightRules", Keys: tagKeys},
	"PutMetricAlarm":                     {Action: "cloudwatch:PutMetricAlarm", Resource: onAlarm, Keys: tagKeys},
	"PutMetricData":                      {Action: "cloudwatch:PutMetricData", Keys: []string{"cloudwatch:namespace"}},
	"PutMetricDataQueryDefinition":       {Action: "cloudwatch:PutMetricDataQueryDefinition"},
	"PutMetricStream":                    {Action: "cloudwatch:PutMetricStream", Resource: onStream, Keys: tagKeys},
	"SetAlarmState":                      {Action: "cloudwatch:SetAlarmState", Resource: onAlarm},
	"StartMetricStreams":                 {Action: "cloudwatch:StartMetricStreams", Resource: onStream},
	"StartOTelEnrichment":                {Action: "cloudwatch:StartOTelEnrichment"},
	"StopMetricStreams":                  {Action: "cloudwatch:StopMetricStreams", Resource: onStream},
	"StopOTelEnrichment":                 {Action: "cloudwatch:StopOTelEnrichment"},
	"TagResource":                        {Action: "cloudwatch:TagResource", Resource: onAlarm, Keys: tagKeys},
	"UntagResource":                      {Action: "cloudwatch:UntagResource", Resource: onAlarm, Keys: []string{"aws:TagKeys"}},
	"UpdateOTelEnrichment":               {Action: "cloudwatch:UpdateOTelEnrichment"},
	"UpdateResourceMetricsConfiguration": {Action: "cloudwatch:UpdateResourceMetricsConfiguration"},
}

// Actions returns CloudWatch's IAM action table, by operation. Plumbing for
// the root package.
func Actions() authz.Table { return actions }

// asked is the part of a request that authorisation reads, in any of the
// three protocols.
type asked struct {
	AlarmName, DashboardName, RuleName, Name, ResourceARN, Namespace, RoleArn string
	AlarmNames, DashboardNames, RuleNames, Names, TagKeys                     []string
	Tags                                                                      []Tag
}

// Authorization returns what the request r, in scope sc, asks: its action
// on each alarm, dashboard, rule or metric stream it names (on "*" for
// none); with PutMetricStream's role, iam:PassRole of it for
// streams.metrics.cloudwatch.amazonaws.com. A body that cannot be read
// asks nothing: the operation answers it. Plumbing for the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	op, in, ok := readAsked(r)
	row, found := actions[op]
	if !ok || !found {
		return nil, nil
	}
	var asks []authz.Ask
	for _, res := range askedResources(sc, row.Resource, in) {
		ask := row.New(res)
		if a, err := arn.Parse(ask.Resource); err == nil {
			ask.Account = a.Account
		}
		switch {
		case op == "UntagResource":
			ask.TagKeys(in.TagKeys)
		case len(row.Keys) == len(tagKeys) && len(in.Tags) > 0:
			tags := make(map[string]string, len(in.Tags))
			for _, t := range in.Tags {
				tags[t.Key] = t.Value
			}
			ask.Tagged(tags)
		case op == "PutMetricData":
			ask.Context = map[string][]string{"cloudwatch:namespace": {in.Namespace}}
		}
		asks = append(asks, ask)
	}
	if op == "PutMetricStream" && in.RoleArn != "" {
		asks = append(asks, authz.Ask{Action: "iam:PassRole", Resource: in.RoleArn,
			Context: map[string][]string{"iam:passedtoservice": {"streams.metrics.cloudwatch.amazonaws.com"}}})
	}
	return asks, nil
}

// readAsked reads the operation and members of r, in whichever of
// CloudWatch's protocols it comes; ok is false when its body cannot be
// read.
func readAsked(r *http.Request) (op string, in asked, ok bool) {
	switch {
	case strings.HasPrefix(r.URL.Path, cborPrefix):
		body, err := protocol.PeekBody(r, protocol.DefaultBodyLimit)
		if err != nil || protocol.UnmarshalCBOR(body, &in) != nil {
			return "", in, false
		}
		return strings.TrimPrefix(r.URL.Path, cborPrefix), in, true
	case protocol.HasTarget(r):
		return jsonTargets.Operation(r), in, authz.JSON(r, &in)
	}
	v := authz.Form(r)
	if v == nil {
		return "", in, false
	}
	f := protocol.NewForm(v, formErrors)
	in = asked{AlarmName: f.Get("AlarmName"), DashboardName: f.Get("DashboardName"), RuleName: f.Get("RuleName"),
		Name: f.Get("Name"), ResourceARN: f.Get("ResourceARN"), Namespace: f.Get("Namespace"), RoleArn: f.Get("RoleArn"),
		AlarmNames: f.List("AlarmNames.member"), DashboardNames: f.List("DashboardNames.member"),
		RuleNames: f.List("RuleNames.member"), Names: f.List("Names.member"), TagKeys: f.List("TagKeys.member")}
	for k, v := range f.Map("Tags.member", "Key", "Value") {
		in.Tags = append(in.Tags, Tag{Key: k, Value: v})
	}
	return f.Get("Action"), in, true
}

// askedResources are the ARNs a request's action is evaluated on: one per
// resource it names, "*" when it names none.
func askedResources(sc faults.Scope, kind string, in asked) []string {
	if in.ResourceARN != "" {
		return []string{in.ResourceARN}
	}
	var names []string
	var build func(string) string
	switch kind {
	case onAlarm:
		names = append(in.AlarmNames, in.AlarmName)
		build = func(n string) string { return sc.ARN(arnService, "alarm:"+n) }
	case onDashboard:
		names = append(in.DashboardNames, in.DashboardName)
		build = func(n string) string { return arn.Build(sc.Partition, arnService, "", sc.Account, "dashboard/"+n) }
	case onRule:
		names = append(in.RuleNames, in.RuleName)
		build = func(n string) string { return sc.ARN(arnService, "insight-rule/"+n) }
	case onStream:
		names = append(in.Names, in.Name)
		build = func(n string) string { return sc.ARN(arnService, "metric-stream/"+n) }
	}
	var out []string
	for _, n := range names {
		if n != "" {
			out = append(out, build(n))
		}
	}
	if len(out) == 0 {
		return []string{"*"}
	}
	return out
}

// AccessDenied is CloudWatch's refusal of an unauthorised request:
// AccessDenied, 403, with message, in all three protocols (the model has
// no shape for it; the query-compatible code is what the SDK reads).
// Plumbing for the root package.
func (s *Service) AccessDenied(message string) error {
	return errs.New("AccessDenied", "%s", message)
}

// WriteError writes err in the protocol of r, as ServeHTTP does. Plumbing
// for the root package.
func (s *Service) WriteError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case strings.HasPrefix(r.URL.Path, cborPrefix):
		cborProto.WriteError(w, r, err)
	case protocol.HasTarget(r):
		jsonProto.WriteError(w, r, err)
	default:
		queryProto.WriteError(w, r, err)
	}
}
