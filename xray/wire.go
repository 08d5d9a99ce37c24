package xray

import (
	"context"
	"net/http"
	"slices"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// rest is X-Ray's restJson1 codec: errors carry X-Amzn-ErrorType and a
// JSON body with message.
var rest = protocol.JSON{ContentType: "application/json"}

// requestLimit is the largest request body the wire reads: fifty segments
// at their 64 kB limit and some.
const requestLimit = 8 << 20

// handlerFunc serves one operation.
type handlerFunc func(s *Service, w http.ResponseWriter, r *http.Request) error

// route is one row of the wire table.
type route = protocol.Route[handlerFunc]

// op binds an operation of the Go API: the JSON body decoded into its
// input, its output sent with 200.
func op[In, Out any](run func(*Service, context.Context, In) (Out, error)) handlerFunc {
	return func(s *Service, w http.ResponseWriter, r *http.Request) error {
		var in In
		if err := rest.Decode(r, requestLimit, &in); err != nil {
			return err
		}
		out, err := run(s, r.Context(), in)
		if err != nil {
			return err
		}
		rest.Write(w, http.StatusOK, out)
		return nil
	}
}

// post is the route of an operation: X-Ray's are all POST /<Path>.
func post(path, name string, h handlerFunc) route {
	return route{Method: http.MethodPost, Path: path, Name: name, Handler: h}
}

// modelled binds the operations of the Go API.
var modelled = []route{
	post("/TraceSegments", "PutTraceSegments", op((*Service).PutTraceSegments)),
	post("/TelemetryRecords", "PutTelemetryRecords", op((*Service).PutTelemetryRecords)),
	post("/TraceSummaries", "GetTraceSummaries", op((*Service).GetTraceSummaries)),
	post("/Traces", "BatchGetTraces", op((*Service).BatchGetTraces)),
	post("/TraceGraph", "GetTraceGraph", op((*Service).GetTraceGraph)),
	post("/ServiceGraph", "GetServiceGraph", op((*Service).GetServiceGraph)),
	post("/TimeSeriesServiceStatistics", "GetTimeSeriesServiceStatistics", op((*Service).GetTimeSeriesServiceStatistics)),
	post("/CreateGroup", "CreateGroup", op((*Service).CreateGroup)),
	post("/GetGroup", "GetGroup", op((*Service).GetGroup)),
	post("/Groups", "GetGroups", op((*Service).GetGroups)),
	post("/UpdateGroup", "UpdateGroup", op((*Service).UpdateGroup)),
	post("/DeleteGroup", "DeleteGroup", op((*Service).DeleteGroup)),
	post("/CreateSamplingRule", "CreateSamplingRule", op((*Service).CreateSamplingRule)),
	post("/GetSamplingRules", "GetSamplingRules", op((*Service).GetSamplingRules)),
	post("/UpdateSamplingRule", "UpdateSamplingRule", op((*Service).UpdateSamplingRule)),
	post("/DeleteSamplingRule", "DeleteSamplingRule", op((*Service).DeleteSamplingRule)),
	post("/SamplingTargets", "GetSamplingTargets", op((*Service).GetSamplingTargets)),
	post("/SamplingStatisticSummaries", "GetSamplingStatisticSummaries", op((*Service).GetSamplingStatisticSummaries)),
	post("/EncryptionConfig", "GetEncryptionConfig", op((*Service).GetEncryptionConfig)),
	post("/PutEncryptionConfig", "PutEncryptionConfig", op((*Service).PutEncryptionConfig)),
	post("/TagResource", "TagResource", op((*Service).TagResource)),
	post("/UntagResource", "UntagResource", op((*Service).UntagResource)),
	post("/ListTagsForResource", "ListTagsForResource", op((*Service).ListTagsForResource)),
	post("/PutResourcePolicy", "PutResourcePolicy", op((*Service).PutResourcePolicy)),
	post("/ListResourcePolicies", "ListResourcePolicies", op((*Service).ListResourcePolicies)),
	post("/DeleteResourcePolicy", "DeleteResourcePolicy", op((*Service).DeleteResourcePolicy)),
}

// routes is X-Ray's wire table: the operations of the Go API and those
// answered as AWS does for a feature the fake does not model
// (wire_unsupported.go).
var routes = protocol.NewRoutes(slices.Concat(modelled, unmodelled)...)

// operations are the names of the Go API's operations, from the wire
// table: what InjectFault, InjectLatency and Calls take.
var operations = func() []string {
	out := make([]string, 0, len(modelled))
	for _, r := range modelled {
		out = append(out, r.Name)
	}
	slices.Sort(out)
	return out
}()

// faultOps is the operation set every cloud's injector shares.
var faultOps = faults.NewOperations("xray", operations...)

// ServeHTTP serves X-Ray's restJson1 API.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rt, _, _ := routes.Match(r.Method, protocol.Segments(r), r.URL.Query(), r.Header)
	if rt == nil {
		rest.WriteError(w, r, errUnknownOperation(r.Method, r.URL.Path))
		return
	}
	if err := rt.Handler(s, w, r); err != nil {
		if awserr.Is(err, "RequestEntityTooLarge") {
			err = errs.New("RequestEntityTooLargeException", "Request body is over %d bytes", requestLimit)
		}
		rest.WriteError(w, r, err)
	}
}
