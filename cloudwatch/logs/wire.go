package logs

import (
	"maps"
	"net/http"
	"slices"

	"github.com/awsfake/awsfake/internal/protocol"
)

// jsonProto is CloudWatch Logs' dialect: AWS JSON 1.1, errors naming the
// bare code in __type.
var jsonProto = protocol.JSON{ContentType: "application/x-amz-json-1.1"}

// modelled is the wire table of the operations the Go API serves, by
// X-Amz-Target (Logs_20140328.<Op>).
var modelled = map[string]protocol.TargetOp[*Service]{
	"AssociateKmsKey":               protocol.Do((*Service).AssociateKmsKey),
	"CreateLogGroup":                protocol.Do((*Service).CreateLogGroup),
	"CreateLogStream":               protocol.Do((*Service).CreateLogStream),
	"DeleteDataProtectionPolicy":    protocol.Do((*Service).DeleteDataProtectionPolicy),
	"DeleteLogGroup":                protocol.Do((*Service).DeleteLogGroup),
	"DeleteLogStream":               protocol.Do((*Service).DeleteLogStream),
	"DeleteMetricFilter":            protocol.Do((*Service).DeleteMetricFilter),
	"DeleteRetentionPolicy":         protocol.Do((*Service).DeleteRetentionPolicy),
	"DeleteSubscriptionFilter":      protocol.Do((*Service).DeleteSubscriptionFilter),
	"DescribeLogGroups":             protocol.Call((*Service).DescribeLogGroups),
	"DescribeLogStreams":            protocol.Call((*Service).DescribeLogStreams),
	"DescribeMetricFilters":         protocol.Call((*Service).DescribeMetricFilters),
	"DescribeSubscriptionFilters":   protocol.Call((*Service).DescribeSubscriptionFilters),
	"DisassociateKmsKey":            protocol.Do((*Service).DisassociateKmsKey),
	"FilterLogEvents":               protocol.Call((*Service).FilterLogEvents),
	"GetDataProtectionPolicy":       protocol.Call((*Service).GetDataProtectionPolicy),
	"GetLogEvents":                  protocol.Call((*Service).GetLogEvents),
	"ListLogGroups":                 protocol.Call((*Service).ListLogGroups),
	"ListTagsForResource":           protocol.Call((*Service).ListTagsForResource),
	"ListTagsLogGroup":              protocol.Call((*Service).ListTagsLogGroup),
	"PutDataProtectionPolicy":       protocol.Call((*Service).PutDataProtectionPolicy),
	"PutLogEvents":                  protocol.Call((*Service).PutLogEvents),
	"PutResourcePolicy":             protocol.Call((*Service).PutResourcePolicy),
	"DescribeResourcePolicies":      protocol.Call((*Service).DescribeResourcePolicies),
	"DeleteResourcePolicy":          protocol.Do((*Service).DeleteResourcePolicy),
	"PutLogGroupDeletionProtection": protocol.Do((*Service).PutLogGroupDeletionProtection),
	"PutMetricFilter":               protocol.Do((*Service).PutMetricFilter),
	"PutRetentionPolicy":            protocol.Do((*Service).PutRetentionPolicy),
	"PutSubscriptionFilter":         protocol.Do((*Service).PutSubscriptionFilter),
	"TagLogGroup":                   protocol.Do((*Service).TagLogGroup),
	"TagResource":                   protocol.Do((*Service).TagResource),
	"TestMetricFilter":              protocol.Call((*Service).TestMetricFilter),
	"UntagLogGroup":                 protocol.Do((*Service).UntagLogGroup),
	"UntagResource":                 protocol.Do((*Service).UntagResource),
	"StartQuery":                    protocol.Call((*Service).StartQuery),
	"GetQueryResults":               protocol.Call((*Service).GetQueryResults),
	"StopQuery":                     protocol.Call((*Service).StopQuery),
	"DescribeQueries":               protocol.Call((*Service).DescribeQueries),
	"GetLogRecord":                  protocol.Call((*Service).GetLogRecord),
	"PutQueryDefinition":            protocol.Call((*Service).PutQueryDefinition),
	"DescribeQueryDefinitions":      protocol.Call((*Service).DescribeQueryDefinitions),
	"DeleteQueryDefinition":         protocol.Call((*Service).DeleteQueryDefinition),
}

// jsonTargets is the whole wire table: the modelled operations and those
// answered as an account without the feature (wire_unsupported.go).
var jsonTargets = protocol.Targets[*Service]{Proto: jsonProto, Prefix: "Logs_20140328.", Ops: allOps()}

func allOps() map[string]protocol.TargetOp[*Service] {
	ops := maps.Clone(modelled)
	for name, op := range unmodelledOps() {
		ops[name] = op
	}
	return ops
}

// operations are the operations of the Go API: the modelled part of the
// wire table, which InjectFault and Calls name.
func operations() []string { return slices.Sorted(maps.Keys(modelled)) }

// ServeHTTP serves CloudWatch Logs' AWS JSON 1.1 protocol.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	jsonTargets.Serve(s, w, r)
}
