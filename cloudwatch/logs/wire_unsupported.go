package logs

import (
	"context"

	"github.com/awsfake/awsfake/internal/protocol"
)

// unmodelledOps binds the operations of the CloudWatch Logs API the fake
// does not model (live tail, deliveries,
// destinations, export and import tasks, anomaly detection, transformers,
// field indexes, integrations, lookup tables, scheduled queries, account
// policies) to how an account that has none of them answers: an empty list for a Describe or List, ResourceNotFoundException
// for one that names a resource, and InvalidOperationException naming the
// operation for one that would create or start something (StartLiveTail's
// event stream among them). They are not operations of the Go API: they
// record no call and take no injected fault.
func unmodelledOps() map[string]protocol.TargetOp[*Service] {
	out := make(map[string]protocol.TargetOp[*Service], len(unmodelledKinds))
	for op, kind := range unmodelledKinds {
		out[op] = kind(op)
	}
	return out
}

// unmodelledKinds says how each unmodelled operation answers.
var unmodelledKinds = map[string]func(op string) protocol.TargetOp[*Service]{
	"AssociateSourceToS3TableIntegration":      refused,
	"CancelExportTask":                         notFoundOp,
	"CancelImportTask":                         notFoundOp,
	"CreateDelivery":                           refused,
	"CreateExportTask":                         refused,
	"CreateImportTask":                         refused,
	"CreateLogAnomalyDetector":                 refused,
	"CreateLookupTable":                        refused,
	"CreateScheduledQuery":                     refused,
	"DeleteAccountPolicy":                      notFoundOp,
	"DeleteDelivery":                           notFoundOp,
	"DeleteDeliveryDestination":                notFoundOp,
	"DeleteDeliveryDestinationPolicy":          notFoundOp,
	"DeleteDeliverySource":                     notFoundOp,
	"DeleteDestination":                        notFoundOp,
	"DeleteIndexPolicy":                        notFoundOp,
	"DeleteIntegration":                        notFoundOp,
	"DeleteLogAnomalyDetector":                 notFoundOp,
	"DeleteLookupTable":                        notFoundOp,
	"DeleteScheduledQuery":                     notFoundOp,
	"DeleteSyslogConfiguration":                notFoundOp,
	"DeleteTransformer":                        notFoundOp,
	"DescribeAccountPolicies":                  emptyList,
	"DescribeConfigurationTemplates":           emptyList,
	"DescribeDeliveries":                       emptyList,
	"DescribeDeliveryDestinations":             emptyList,
	"DescribeDeliverySources":                  emptyList,
	"DescribeDestinations":                     emptyList,
	"DescribeExportTasks":                      emptyList,
	"DescribeFieldIndexes":                     emptyList,
	"DescribeImportTaskBatches":                emptyList,
	"DescribeImportTasks":                      emptyList,
	"DescribeIndexPolicies":                    emptyList,
	"DescribeLookupTables":                     emptyList,
	"DisassociateSourceFromS3TableIntegration": notFoundOp,
	"GetDelivery":                              notFoundOp,
	"GetDeliveryDestination":                   notFoundOp,
	"GetDeliveryDestinationPolicy":             notFoundOp,
	"GetDeliverySource":                        notFoundOp,
	"GetIntegration":                           notFoundOp,
	"GetLogAnomalyDetector":                    notFoundOp,
	"GetLogFields":                             notFoundOp,
	"GetLogGroupFields":                        notFoundOp,
	"GetLogObject":                             notFoundOp,
	"GetLookupTable":                           notFoundOp,
	"GetScheduledQuery":                        notFoundOp,
	"GetScheduledQueryHistory":                 notFoundOp,
	"GetStorageTierPolicy":                     notFoundOp,
	"GetTransformer":                           notFoundOp,
	"ListAggregateLogGroupSummaries":           emptyList,
	"ListAnomalies":                            emptyList,
	"ListIntegrations":                         emptyList,
	"ListLogAnomalyDetectors":                  emptyList,
	"ListLogGroupsForQuery":                    emptyList,
	"ListScheduledQueries":                     emptyList,
	"ListSourcesForS3TableIntegration":         emptyList,
	"ListSyslogConfigurations":                 emptyList,
	"PutAccountPolicy":                         refused,
	"PutBearerTokenAuthentication":             refused,
	"PutDeliveryDestination":                   refused,
	"PutDeliveryDestinationPolicy":             refused,
	"PutDeliverySource":                        refused,
	"PutDestination":                           refused,
	"PutDestinationPolicy":                     refused,
	"PutIndexPolicy":                           refused,
	"PutIntegration":                           refused,
	"PutStorageTierPolicy":                     refused,
	"PutSyslogConfiguration":                   refused,
	"PutTransformer":                           refused,
	"StartLiveTail":                            refused,
	"TestTransformer":                          refused,
	"UpdateAnomaly":                            notFoundOp,
	"UpdateDeliveryConfiguration":              notFoundOp,
	"UpdateLogAnomalyDetector":                 notFoundOp,
	"UpdateLookupTable":                        notFoundOp,
	"UpdateScheduledQuery":                     notFoundOp,
}

// emptyList answers a Describe or List with no items.
func emptyList(string) protocol.TargetOp[*Service] {
	return func(*Service, context.Context, []byte) (any, error) { return struct{}{}, nil }
}

// notFoundOp answers ResourceNotFoundException: the account has no such
// resource.
func notFoundOp(op string) protocol.TargetOp[*Service] {
	return func(*Service, context.Context, []byte) (any, error) {
		return nil, notFound("The specified resource does not exist (awsfake does not model %s).", op)
	}
}

// refused answers InvalidOperationException naming the operation.
func refused(op string) protocol.TargetOp[*Service] {
	return func(*Service, context.Context, []byte) (any, error) {
		return nil, errs.New(codeInvalidOperation, "awsfake does not model %s.", op)
	}
}
