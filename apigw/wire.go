package apigw

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// rest is API Gateway's restJson1 codec: errors carry X-Amzn-ErrorType and
// a JSON body with message.
var rest = protocol.JSON{ContentType: "application/json"}

// requestLimit bounds control-plane bodies: ImportRestApi's "OpenAPI ...
// ≤ 6 MB" is the largest (api_op_ImportRestApi.go).
const requestLimit = 6 << 20

// call is one control-plane request being served.
type call struct {
	w      http.ResponseWriter
	r      *http.Request
	labels protocol.Labels
	query  url.Values
}

func (c *call) label(name string) string { return c.labels[name] }

// pageInput reads position and limit.
func (c *call) pageInput() (PageInput, error) {
	in := PageInput{Position: c.query.Get("position")}
	if v := c.query.Get("limit"); v != "" {
		n, err := strconv.ParseInt(v, 10, 32)
		if err != nil {
			return in, badRequest("Invalid limit specified: %s", v)
		}
		in.Limit = int32(n)
	}
	return in, nil
}

// embedMethods reports whether embed=methods was asked.
func (c *call) embedMethods() bool { return slices.Contains(c.query["embed"], "methods") }

// handlerFunc serves one operation: the handler type of the route table.
type handlerFunc func(s *Service, c *call) error

// op builds the handler of an operation whose input is decoded from the
// JSON body and completed from the path and query by bind, answered with
// status (a nil output sends no body).
func op[In, Out any](status int, bind func(*call, *In) error, run func(*Service, context.Context, In) (Out, error)) handlerFunc {
	return func(s *Service, c *call) error {
		var in In
		if err := rest.Decode(c.r, requestLimit, &in); err != nil {
			return err
		}
		if bind != nil {
			if err := bind(c, &in); err != nil {
				return err
			}
		}
		out, err := run(s, c.r.Context(), in)
		if err != nil {
			return err
		}
		if any(out) == nil {
			c.w.WriteHeader(status)
			return nil
		}
		rest.Write(c.w, status, out)
		return nil
	}
}

// noOutput adapts an operation that returns only an error.
func noOutput[In any](run func(*Service, context.Context, In) error) func(*Service, context.Context, In) (any, error) {
	return func(s *Service, ctx context.Context, in In) (any, error) { return nil, run(s, ctx, in) }
}

// ServeHTTP serves API Gateway's restJson1 control plane and, for a request
// to one of the invoke URL forms, the deployed stage it names.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if t, ok := invokeTarget(r); ok {
		s.serveInvoke(w, r, t)
		return
	}
	segs := protocol.Segments(r)
	query := r.URL.Query()
	rt, labels, _ := routes.Match(r.Method, segs, query, r.Header)
	if rt == nil {
		rest.WriteError(w, r, errUnknownOperation(r.Method, r.URL.Path))
		return
	}
	if err := rt.Handler(s, &call{w: w, r: r, labels: labels, query: query}); err != nil {
		rest.WriteError(w, r, err)
	}
}

// restModelled are the apigateway client's operations the Go API
// implements, by family; restRoutes adds those answered as AWS does for a
// feature the fake does not model (unmodelled, wire_unsupported.go). The
// operation lists and the IAM action table (wire_authz.go) derive from
// them, so that a family added here is in every one.
var (
	restModelled = slices.Concat(modelled, authorizerRoutes, testInvokeRoutes, openapiRoutes, usagePlanRoutes, accountRoutes)
	restRoutes   = slices.Concat(restModelled, unmodelled)
)

// routes is the wire table: every operation of the apigateway and
// apigatewayv2 clients.
var routes = protocol.NewRoutes(slices.Concat(restRoutes, httpAPIs)...)

// restOperations and httpOperations are the operations of the apigateway
// and apigatewayv2 clients in the wire table.
var (
	restOperations = routeNames(restRoutes)
	httpOperations = routeNames(httpAPIs)
)

// operations are the names of the operations of the Go API, derived from
// the wire table: what InjectFault, InjectLatency and Calls use.
var operations = routeNames(restModelled)

// faultOps is the operation set every cloud's injector shares.
var faultOps = faults.NewOperations(arnService, operations...)

func routeNames(rs []route) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.Name)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// route is one row of the table.
type route = protocol.Route[handlerFunc]
