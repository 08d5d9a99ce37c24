package logs

import (
	"cmp"
	"encoding/json"
	"maps"
	"net/http"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/faults"
)

// Resource types of CloudWatch Logs' action table.
const (
	onGroup        = "log-group"
	onStream       = "log-stream"
	onDestination  = "destination"
	onSource       = "delivery-source"
	onDeliveryDest = "delivery-destination"
	onDelivery     = "delivery"
	onDetector     = "anomaly-detector"
)

var (
	tagKeys   = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}
	untagKeys = []string{"aws:TagKeys"}
)

// actions is CloudWatch Logs' IAM action table, one row per operation of
// the wire table, from the Service Authorization Reference ("Actions,
// resources, and condition keys for Amazon CloudWatch Logs"): every
// operation is the logs: action of its name, on the log group, log
// stream, destination, delivery source, delivery destination, delivery or
// anomaly detector it names; the account-wide operations (the Describe
// lists, queries, account and resource policies, import and export tasks,
// integrations) support no resource type. PutSubscriptionFilter and
// PutDestination with a roleArn also ask iam:PassRole of it.
var actions = authz.Table{
	"AssociateKmsKey":                          {Action: "logs:AssociateKmsKey", Resource: onGroup},
	"AssociateSourceToS3TableIntegration":      {Action: "logs:AssociateSourceToS3TableIntegration"},
	"CancelExportTask":                         {Action: "logs:CancelExportTask"},
	"CancelImportTask":                         {Action: "logs:CancelImportTask"},
	"CreateDelivery":                           {Action: "logs:CreateDelivery", Resource: onDelivery, Keys: tagKeys},
	"CreateExportTask":                         {Action: "logs:CreateExportTask", Resource: onGroup},
	"CreateImportTask":                         {Action: "logs:CreateImportTask"},
	"CreateLogAnomalyDetector":                 {Action: "logs:CreateLogAnomalyDetector", Resource: onGroup, Keys: tagKeys},
	"CreateLogGroup":                           {Action: "logs:CreateLogGroup", Resource: onGroup, Keys: tagKeys},
	"CreateLogStream":                          {Action: "logs:CreateLogStream", Resource: onStream},
	"CreateLookupTable":                        {Action: "logs:CreateLookupTable"},
	"CreateScheduledQuery":                     {Action: "logs:CreateScheduledQuery"},
	"DeleteAccountPolicy":                      {Action: "logs:DeleteAccountPolicy"},
	"DeleteDataProtectionPolicy":               {Action: "logs:DeleteDataProtectionPolicy", Resource: onGroup},
	"DeleteDelivery":                           {Action: "logs:DeleteDelivery", Resource: onDelivery},
	"DeleteDeliveryDestination":                {Action: "logs:DeleteDeliveryDestination", Resource: onDeliveryDest},
	"DeleteDeliveryDestinationPolicy":          {Action: "logs:DeleteDeliveryDestinationPolicy", Resource: onDeliveryDest},
	"DeleteDeliverySource":                     {Action: "logs:DeleteDeliverySource", Resource: onSource},
	"DeleteDestination":                        {Action: "logs:DeleteDestination", Resource: onDestination},
	"DeleteIndexPolicy":                        {Action: "logs:DeleteIndexPolicy", Resource: onGroup},
	"DeleteIntegration":                        {Action: "logs:DeleteIntegration"},
	"DeleteLogAnomalyDetector":                 {Action: "logs:DeleteLogAnomalyDetector", Resource: onDetector},
	"DeleteLogGroup":                           {Action: "logs:DeleteLogGroup", Resource: onGroup},
	"DeleteLogStream":                          {Action: "logs:DeleteLogStream", Resource: onStream},
	"DeleteLookupTable":                        {Action: "logs:DeleteLookupTable"},
	"DeleteMetricFilter":                       {Action: "logs:DeleteMetricFilter", Resource: onGroup},
	"DeleteQueryDefinition":                    {Action: "logs:DeleteQueryDefinition"},
	"DeleteResourcePolicy":                     {Action: "logs:DeleteResourcePolicy"},
	"DeleteRetentionPolicy":                    {Action: "logs:DeleteRetentionPolicy", Resource: onGroup},
	"DeleteScheduledQuery":                     {Action: "logs:DeleteScheduledQuery"},
	"DeleteSubscriptionFilter":                 {Action: "logs:DeleteSubscriptionFilter", Resource: onGroup},
	"DeleteSyslogConfiguration":                {Action: "logs:DeleteSyslogConfiguration"},
	"DeleteTransformer":                        {Action: "logs:DeleteTransformer", Resource: onGroup},
	"DescribeAccountPolicies":                  {Action: "logs:DescribeAccountPolicies"},
	"DescribeConfigurationTemplates":           {Action: "logs:DescribeConfigurationTemplates"},
	"DescribeDeliveries":                       {Action: "logs:DescribeDeliveries"},
	"DescribeDeliveryDestinations":             {Action: "logs:DescribeDeliveryDestinations"},
	"DescribeDeliverySources":                  {Action: "logs:DescribeDeliverySources"},
	"DescribeDestinations":                     {Action: "logs:DescribeDestinations"},
	"DescribeExportTasks":                      {Action: "logs:DescribeExportTasks"},
	"DescribeFieldIndexes":                     {Action: "logs:DescribeFieldIndexes", Resource: onGroup},
	"DescribeImportTaskBatches":                {Action: "logs:DescribeImportTaskBatches"},
	"DescribeImportTasks":                      {Action: "logs:DescribeImportTasks"},
	"DescribeIndexPolicies":                    {Action: "logs:DescribeIndexPolicies", Resource: onGroup},
	"DescribeLogGroups":                        {Action: "logs:DescribeLogGroups"},
	"DescribeLogStreams":                       {Action: "logs:DescribeLogStreams", Resource: onGroup},
	"DescribeLookupTables":                     {Action: "logs:DescribeLookupTables"},
	"DescribeMetricFilters":                    {Action: "logs:DescribeMetricFilters", Resource: onGroup},
	"DescribeQueries":                          {Action: "logs:DescribeQueries"},
	"DescribeQueryDefinitions":                 {Action: "logs:DescribeQueryDefinitions"},
	"DescribeResourcePolicies":                 {Action: "logs:DescribeResourcePolicies"},
	"DescribeSubscriptionFilters":              {Action: "logs:DescribeSubscriptionFilters", Resource: onGroup},
	"DisassociateKmsKey":                       {Action: "logs:DisassociateKmsKey", Resource: onGroup},
	"DisassociateSourceFromS3TableIntegration": {Action: "logs:DisassociateSourceFromS3TableIntegration"},
	"FilterLogEvents":                          {Action: "logs:FilterLogEvents", Resource: onGroup},
	"GetDataProtectionPolicy":                  {Action: "logs:GetDataProtectionPolicy", Resource: onGroup},
	"GetDelivery":                              {Action: "logs:GetDelivery", Resource: onDelivery},
	"GetDeliveryDestination":                   {Action: "logs:GetDeliveryDestination", Resource: onDeliveryDest},
	"GetDeliveryDestinationPolicy":             {Action: "logs:GetDeliveryDestinationPolicy", Resource: onDeliveryDest},
	"GetDeliverySource":                        {Action: "logs:GetDeliverySource", Resource: onSource},
	"GetIntegration":                           {Action: "logs:GetIntegration"},
	"GetLogAnomalyDetector":                    {Action: "logs:GetLogAnomalyDetector", Resource: onDetector},
	"GetLogEvents":                             {Action: "logs:GetLogEvents", Resource: onStream},
	"GetLogFields":                             {Action: "logs:GetLogFields"},
	"GetLogGroupFields":                        {Action: "logs:GetLogGroupFields", Resource: onGroup},
	"GetLogObject":                             {Action: "logs:GetLogObject"},
	"GetLogRecord":                             {Action: "logs:GetLogRecord"},
	"GetLookupTable":                           {Action: "logs:GetLookupTable"},
	"GetQueryResults":                          {Action: "logs:GetQueryResults"},
	"GetScheduledQuery":                        {Action: "logs:GetScheduledQuery"},
	"GetScheduledQueryHistory":                 {Action: "logs:GetScheduledQueryHistory"},
	"GetStorageTierPolicy":                     {Action: "logs:GetStorageTierPolicy"},
	"GetTransformer":                           {Action: "logs:GetTransformer", Resource: onGroup},
	"ListAggregateLogGroupSummaries":           {Action: "logs:ListAggregateLogGroupSummaries"},
	"ListAnomalies":                            {Action: "logs:ListAnomalies", Resource: onDetector},
	"ListIntegrations":                         {Action: "logs:ListIntegrations"},
	"ListLogAnomalyDetectors":                  {Action: "logs:ListLogAnomalyDetectors"},
	"ListLogGroups":                            {Action: "logs:ListLogGroups"},
	"ListLogGroupsForQuery":                    {Action: "logs:ListLogGroupsForQuery"},
	"ListScheduledQueries":                     {Action: "logs:ListScheduledQueries"},
	"ListSourcesForS3TableIntegration":         {Action: "logs:ListSourcesForS3TableIntegration"},
	"ListSyslogConfigurations":                 {Action: "logs:ListSyslogConfigurations"},
	"ListTagsForResource":                      {Action: "logs:ListTagsForResource", Resource: onGroup},
	"ListTagsLogGroup":                         {Action: "logs:ListTagsLogGroup", Resource: onGroup},
	"PutAccountPolicy":                         {Action: "logs:PutAccountPolicy"},
	"PutBearerTokenAuthentication":             {Action: "logs:PutBearerTokenAuthentication"},
	"PutDataProtectionPolicy":                  {Action: "logs:PutDataProtectionPolicy", Resource: onGroup},
	"PutDeliveryDestination":                   {Action: "logs:PutDeliveryDestination", Resource: onDeliveryDest, Keys: tagKeys},
	"PutDeliveryDestinationPolicy":             {Action: "logs:PutDeliveryDestinationPolicy", Resource: onDeliveryDest},
	"PutDeliverySource":                        {Action: "logs:PutDeliverySource", Resource: onSource, Keys: tagKeys},
	"PutDestination":                           {Action: "logs:PutDestination", Resource: onDestination, Keys: tagKeys},
	"PutDestinationPolicy":                     {Action: "logs:PutDestinationPolicy", Resource: onDestination},
	"PutIndexPolicy":                           {Action: "logs:PutIndexPolicy", Resource: onGroup},
	"PutIntegration":                           {Action: "logs:PutIntegration"},
	"PutLogEvents":                             {Action: "logs:PutLogEvents", Resource: onStream},
	"PutLogGroupDeletionProtection":            {Action: "logs:PutLogGroupDeletionProtection", Resource: onGroup},
	"PutMetricFilter":                          {Action: "logs:PutMetricFilter", Resource: onGroup},
	"PutQueryDefinition":                       {Action: "logs:PutQueryDefinition"},
	"PutResourcePolicy":                        {Action: "logs:PutResourcePolicy"},
	"PutRetentionPolicy":                       {Action: "logs:PutRetentionPolicy", Resource: onGroup},
	"PutStorageTierPolicy":                     {Action: "logs:PutStorageTierPolicy"},
	"PutSubscriptionFilter":                    {Action: "logs:PutSubscriptionFilter", Resource: onGroup},
	"PutSyslogConfiguration":                   {Action: "logs:PutSyslogConfiguration"},
	"PutTransformer":                           {Action: "logs:PutTransformer", Resource: onGroup},
	"StartLiveTail":                            {Action: "logs:StartLiveTail", Resource: onGroup},
	"StartQuery":                               {Action: "logs:StartQuery", Resource: onGroup},
	"StopQuery":                                {Action: "logs:StopQuery"},
	"TagLogGroup":                              {Action: "logs:TagLogGroup", Resource: onGroup, Keys: tagKeys},
	"TagResource":                              {Action: "logs:TagResource", Resource: onGroup, Keys: tagKeys},
	"TestMetricFilter":                         {Action: "logs:TestMetricFilter"},
	"TestTransformer":                          {Action: "logs:TestTransformer"},
	"UntagLogGroup":                            {Action: "logs:UntagLogGroup", Resource: onGroup, Keys: untagKeys},
	"UntagResource":                            {Action: "logs:UntagResource", Resource: onGroup, Keys: untagKeys},
	"UpdateAnomaly":                            {Action: "logs:UpdateAnomaly", Resource: onDetector},
	"UpdateDeliveryConfiguration":              {Action: "logs:UpdateDeliveryConfiguration", Resource: onDelivery},
	"UpdateLogAnomalyDetector":                 {Action: "logs:UpdateLogAnomalyDetector", Resource: onDetector},
	"UpdateLookupTable":                        {Action: "logs:UpdateLookupTable"},
	"UpdateScheduledQuery":                     {Action: "logs:UpdateScheduledQuery"},
}

// Actions returns CloudWatch Logs' IAM action table, by operation.
// Plumbing for the root package.
func Actions() authz.Table { return actions }

// asked is the part of a request body that authorisation reads.
type asked struct {
	LogGroupName, LogGroupIdentifier, LogStreamName, DestinationName string
	Name, ID, AnomalyDetectorArn, ResourceArn, RoleArn               string
	TagKeys                                                          []string
	// Tags is a map of tags, or UntagLogGroup's list of keys.
	Tags json.RawMessage
}

// Authorization returns what the request r, in scope sc, asks: its action
// on the resource it names, as Logs evaluates it (a log group's actions on
// arn:...:log-group:<name>:log-stream:, a stream's on
// arn:...:log-group:<name>:log-stream:<stream>, as AWS's refusals name
// them, with the group's tags as aws:ResourceTag/<key>); with a roleArn (PutSubscriptionFilter, PutDestination)
// iam:PassRole of it for logs.amazonaws.com too. A body that cannot be
// read asks nothing: the operation answers it. Plumbing for the root
// package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	op := jsonTargets.Operation(r)
	row, found := actions[op]
	if !found {
		return nil, nil
	}
	var in asked
	if !authz.JSON(r, &in) {
		return nil, nil
	}
	ask := row.New(askedResource(sc, row.Resource, in))
	if a, err := arn.Parse(ask.Resource); err == nil {
		ask.Account = a.Account
		if row.Resource == onGroup || row.Resource == onStream {
			ask.ResourceTagged(s.groupTags(sc, cmp.Or(in.ResourceArn, in.LogGroupName, in.LogGroupIdentifier)))
		}
	}
	switch op {
	case "UntagLogGroup":
		var keys []string
		_ = json.Unmarshal(in.Tags, &keys)
		ask.TagKeys(keys)
	case "UntagResource":
		ask.TagKeys(in.TagKeys)
	default:
		var tags map[string]string
		if len(row.Keys) > 0 && json.Unmarshal(in.Tags, &tags) == nil {
			ask.Tagged(tags)
		}
	}
	asks := []authz.Ask{ask}
	if in.RoleArn != "" && (op == "PutSubscriptionFilter" || op == "PutDestination") {
		asks = append(asks, authz.Ask{Action: "iam:PassRole", Resource: in.RoleArn,
			Context: map[string][]string{"iam:passedtoservice": {"logs.amazonaws.com"}}})
	}
	return asks, nil
}

// groupTags are the tags of the log group ident (a name or an ARN), none
// when it does not exist.
func (s *Service) groupTags(sc faults.Scope, ident string) map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if g := s.groupOf(sc, ident); g != nil {
		return maps.Clone(g.tags)
	}
	return nil
}

// askedResource is the ARN a request's action is evaluated on, "" for
// none.
func askedResource(sc faults.Scope, kind string, in asked) string {
	if in.ResourceArn != "" {
		return in.ResourceArn
	}
	switch kind {
	case onGroup, onStream:
		group := in.LogGroupName
		if group == "" {
			group = in.LogGroupIdentifier
		}
		if a, err := arn.Parse(group); err == nil {
			group = groupNameOfResource(a.Resource)
		}
		if group == "" {
			return ""
		}
		stream := ""
		if kind == onStream {
			stream = in.LogStreamName
		}
		return sc.ARN(arnService, "log-group:"+group+":log-stream:"+stream)
	case onDestination:
		return authz.Named(sc, arnService, "destination:", in.DestinationName)
	case onSource:
		return authz.Named(sc, arnService, "delivery-source:", in.Name)
	case onDeliveryDest:
		return authz.Named(sc, arnService, "delivery-destination:", in.Name)
	case onDelivery:
		return authz.Named(sc, arnService, "delivery:", in.ID)
	case onDetector:
		return in.AnomalyDetectorArn
	}
	return ""
}

// AccessDenied is CloudWatch Logs' refusal of an unauthorised request:
// AccessDeniedException, 400, with message. Plumbing for the root package.
func (s *Service) AccessDenied(message string) error {
	return errs.New(codeAccessDenied, "%s", message)
}
