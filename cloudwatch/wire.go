package cloudwatch

import (
	"context"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/protocol"
)

// The three protocols CloudWatch clients speak, on one handler:
// rpcv2Cbor (the Go SDK: POST /service/GraniteServiceVersion20100801/
// operation/<Op>, gzipped bodies included), AWS JSON 1.0 (botocore 1.43:
// X-Amz-Target GraniteServiceVersion20100801.<Op>) and awsQuery
// (Action=<Op>&Version=2010-08-01: CLI 2.9, older SDKs). All three are
// query-compatible: errors carry the legacy code in x-amzn-query-error.
var (
	cborProto  = protocol.CBOR{Namespace: "com.amazonaws.cloudwatch", QueryCompatible: true}
	jsonProto  = protocol.JSON{ContentType: "application/x-amz-json-1.0", Namespace: "com.amazonaws.cloudwatch", QueryCompatible: true}
	queryProto = protocol.Query{XMLNS: "http://monitoring.amazonaws.com/doc/2010-08-01/"}
)

const (
	targetPrefix = "GraniteServiceVersion20100801."
	cborPrefix   = "/service/GraniteServiceVersion20100801/operation/"
)

// op serves one operation: decode fills its input in the request's
// protocol; it returns the output to encode.
type op func(s *Service, ctx context.Context, decode func(any) error) (any, error)

// call binds a Go API operation with an output.
func call[I, O any](f func(*Service, context.Context, I) (O, error)) op {
	return func(s *Service, ctx context.Context, decode func(any) error) (any, error) {
		var in I
		if err := decode(&in); err != nil {
			return nil, err
		}
		return f(s, ctx, in)
	}
}

// do binds a Go API operation without an output.
func do[I any](f func(*Service, context.Context, I) error) op {
	return func(s *Service, ctx context.Context, decode func(any) error) (any, error) {
		var in I
		if err := decode(&in); err != nil {
			return nil, err
		}
		return struct{}{}, f(s, ctx, in)
	}
}

// ops is the wire table of the Go API (aws-sdk-go-v2 cloudwatch v1.76.0).
var ops = map[string]op{
	"DeleteAlarms":            do((*Service).DeleteAlarms),
	"DeleteDashboards":        do((*Service).DeleteDashboards),
	"GetDashboard":            call((*Service).GetDashboard),
	"ListDashboards":          call((*Service).ListDashboards),
	"PutCompositeAlarm":       do((*Service).PutCompositeAlarm),
	"PutDashboard":            call((*Service).PutDashboard),
	"DescribeAlarmHistory":    call((*Service).DescribeAlarmHistory),
	"DescribeAlarms":          call((*Service).DescribeAlarms),
	"DescribeAlarmsForMetric": call((*Service).DescribeAlarmsForMetric),
	"DisableAlarmActions":     do((*Service).DisableAlarmActions),
	"EnableAlarmActions":      do((*Service).EnableAlarmActions),
	"GetMetricData":           call((*Service).GetMetricData),
	"GetMetricStatistics":     call((*Service).GetMetricStatistics),
	"GetMetricWidgetImage":    call((*Service).GetMetricWidgetImage),
	"ListMetrics":             call((*Service).ListMetrics),
	"ListTagsForResource":     call((*Service).ListTagsForResource),
	"PutMetricAlarm":          call((*Service).PutMetricAlarm),
	"PutMetricData":           call((*Service).PutMetricData),
	"SetAlarmState":           do((*Service).SetAlarmState),
	"TagResource":             do((*Service).TagResource),
	"UntagResource":           do((*Service).UntagResource),
}

// operations returns the operation names, from the wire table: the Go
// API's and those the fake does not model.
func operations() []string {
	return slices.Sorted(func(yield func(string) bool) {
		for name := range maps.Keys(ops) {
			if !yield(name) {
				return
			}
		}
		for name := range maps.Keys(unmodelled) {
			if !yield(name) {
				return
			}
		}
	})
}

// opOf is the operation named name, or nil.
func opOf(name string) op {
	if o := ops[name]; o != nil {
		return o
	}
	return unmodelled[name]
}

// ServeHTTP serves CloudWatch's three protocols.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.HasPrefix(r.URL.Path, cborPrefix):
		s.serveCBOR(w, r)
	case protocol.HasTarget(r):
		jsonTargets.Serve(s, w, r)
	default:
		protocol.ServeQuery(queryProto, w, r, s, formErrors, queryAction, func(name string) error {
			return errs.New(codeInvalidAction, "Could not find operation %s for version 2010-08-01", name)
		})
	}
}

// serveCBOR answers one rpcv2Cbor request.
func (s *Service) serveCBOR(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, cborPrefix)
	o := opOf(name)
	if o == nil {
		cborProto.WriteError(w, r, errs.New(codeUnknownOperation, "Unknown operation %s", name))
		return
	}
	body, err := protocol.ReadBody(r, protocol.DefaultBodyLimit)
	if err != nil {
		cborProto.WriteError(w, r, err)
		return
	}
	out, err := o(s, r.Context(), func(v any) error { return protocol.UnmarshalCBOR(body, v) })
	if err != nil {
		cborProto.WriteError(w, r, err)
		return
	}
	cborProto.Write(w, out)
}

// jsonTargets routes AWS JSON 1.0 requests by X-Amz-Target to the wire
// table's operations; each answer is rendered by jsonBody.
var jsonTargets = func() *protocol.Targets[*Service] {
	t := &protocol.Targets[*Service]{Proto: jsonProto, Prefix: targetPrefix, Ops: map[string]protocol.TargetOp[*Service]{}}
	for _, name := range operations() {
		o := opOf(name)
		t.Ops[name] = func(s *Service, ctx context.Context, body []byte) (any, error) {
			out, err := o(s, ctx, func(v any) error { return protocol.UnmarshalJSON(body, v) })
			if err != nil {
				return nil, err
			}
			return jsonBody(out)
		}
	}
	return t
}()
