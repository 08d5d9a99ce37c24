package cloudwatch

import "context"

// unmodelled binds the operations of the CloudWatch API the fake does not
// model (log alarms, anomaly detectors, insight rules, metric streams,
// mute rules, query definitions, datasets, OTel enrichment, resource
// metrics configurations) to the answer AWS gives an account
// that has none of them: an empty list, the not-found error for one
// named, and InvalidParameterValue naming the operation for one that would
// create or change something. They are not operations of the Go API: they
// record no call and take no injected fault.
var unmodelled = map[string]op{
	"AssociateDatasetKmsKey":             refused("AssociateDatasetKmsKey"),
	"CreateResourceMetricsConfiguration": refused("CreateResourceMetricsConfiguration"),
	"DeleteAlarmMuteRule":                resourceNotFound,
	"DeleteAnomalyDetector":              resourceNotFound,
	"DeleteInsightRules":                 emptyList,
	"DeleteMetricDataQueryDefinition":    resourceNotFound,
	"DeleteMetricStream":                 emptyList,
	"DeleteResourceMetricsConfiguration": resourceNotFound,
	"DescribeAlarmContributors":          resourceNotFound,
	"DescribeAnomalyDetectors":           emptyList,
	"DescribeInsightRules":               emptyList,
	"DisableInsightRules":                emptyList,
	"DisassociateDatasetKmsKey":          refused("DisassociateDatasetKmsKey"),
	"EnableInsightRules":                 emptyList,
	"GetAlarmMuteRule":                   resourceNotFound,
	"GetDataset":                         resourceNotFound,
	"GetInsightRuleReport":               resourceNotFound,
	"GetMetricDataQueryDefinition":       resourceNotFound,
	"GetMetricStream":                    resourceNotFound,
	"GetOTelEnrichment":                  resourceNotFound,
	"GetResourceMetricsConfiguration":    resourceNotFound,
	"ListAlarmMuteRules":                 emptyList,
	"ListManagedInsightRules":            emptyList,
	"ListMetricDataQueryDefinitions":     emptyList,
	"ListMetricStreams":                  emptyList,
	"PutAlarmMuteRule":                   refused("PutAlarmMuteRule"),
	"PutAnomalyDetector":                 refused("PutAnomalyDetector"),
	"PutInsightRule":                     refused("PutInsightRule"),
	"PutLogAlarm":                        refused("PutLogAlarm"),
	"PutManagedInsightRules":             refused("PutManagedInsightRules"),
	"PutMetricDataQueryDefinition":       refused("PutMetricDataQueryDefinition"),
	"PutMetricStream":                    refused("PutMetricStream"),
	"StartMetricStreams":                 emptyList,
	"StartOTelEnrichment":                refused("StartOTelEnrichment"),
	"StopMetricStreams":                  emptyList,
	"StopOTelEnrichment":                 refused("StopOTelEnrichment"),
	"UpdateOTelEnrichment":               refused("UpdateOTelEnrichment"),
	"UpdateResourceMetricsConfiguration": resourceNotFound,
}

// emptyList answers with an empty output: no entries, nothing failed.
func emptyList(*Service, context.Context, func(any) error) (any, error) { return struct{}{}, nil }

// resourceNotFound answers ResourceNotFoundException.
func resourceNotFound(*Service, context.Context, func(any) error) (any, error) {
	return nil, errs.New(codeResourceNotFoundException, "The requested resource does not exist.")
}

// refused answers InvalidParameterValue naming the operation.
func refused(name string) op {
	return func(*Service, context.Context, func(any) error) (any, error) {
		return nil, invalidValue("%s is not supported by this CloudWatch endpoint.", name)
	}
}
