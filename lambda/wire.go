package lambda

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// rest is Lambda's restJson1 codec: errors carry X-Amzn-ErrorType and a
// JSON body with Type and message / Message.
var rest = protocol.JSON{ContentType: "application/json"}

// call is one request being served.
type call struct {
	w      http.ResponseWriter
	r      *http.Request
	labels protocol.Labels
	query  url.Values
	limit  int64 // the largest body the operation accepts (requestLimit)
}

func (c *call) ctx() context.Context { return c.r.Context() }

func (c *call) label(name string) string { return c.labels[name] }

func (c *call) q(name string) string { return c.query.Get(name) }

// int32Query reads an integer query parameter; absent is 0.
func (c *call) int32Query(name string) (int32, error) {
	v := c.q(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 32)
	if err != nil {
		return 0, errValidation(strings.ToLower(name[:1])+name[1:], v, "Member must be a number")
	}
	return int32(n), nil
}

func (c *call) json(status int, v any) error {
	if v == nil {
		c.w.WriteHeader(status)
		return nil
	}
	rest.Write(c.w, status, v)
	return nil
}

// handlerFunc serves one operation: the handler type of the route table.
type handlerFunc func(s *Service, c *call) error

// op builds the handler of an operation whose input is decoded from the JSON
// body (within the operation's limit) and then completed from the path and
// query by bind, and whose output is sent with status (nil output sends no
// body).
func op[In, Out any](status int, bind func(*call, *In) error, run func(*Service, context.Context, In) (Out, error)) handlerFunc {
	return func(s *Service, c *call) error {
		var in In
		if err := rest.Decode(c.r, c.limit, &in); err != nil {
			return err
		}
		if bind != nil {
			if err := bind(c, &in); err != nil {
				return err
			}
		}
		out, err := run(s, c.ctx(), in)
		if err != nil {
			return err
		}
		return c.json(status, any(out))
	}
}

// noOutput adapts an operation that returns only an error.
func noOutput[In any](run func(*Service, context.Context, In) error) func(*Service, context.Context, In) (any, error) {
	return func(s *Service, ctx context.Context, in In) (any, error) { return nil, run(s, ctx, in) }
}

// ServeHTTP serves Lambda's restJson1 API, plus the code download URLs
// GetFunction hands out under /_awsfake/lambda/code/.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	segs := protocol.Segments(r)
	if len(segs) == 5 && segs[0] == "_awsfake" && segs[2] == "code" && r.Method == http.MethodGet {
		s.serveCode(w, segs[3], segs[4])
		return
	}
	query := r.URL.Query()
	rt, labels, _ := routes.Match(r.Method, segs, query, r.Header)
	if rt == nil {
		rest.WriteError(w, r, errUnknownOperation(r.Method, r.URL.Path))
		return
	}
	c := &call{w: w, r: r, labels: labels, query: query, limit: int64(requestLimit(rt.Name))}
	if err := rt.Handler(s, c); err != nil {
		if awserr.Is(err, "RequestEntityTooLarge") { // the body was over c.limit
			err = errRequestTooLarge(rt.Name)
		}
		rest.WriteError(w, r, err)
	}
}

// serveCode serves a version's deployment package.
func (s *Service) serveCode(w http.ResponseWriter, name, version string) {
	zip, ok := s.Code(name, version)
	if !ok {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Length", strconv.Itoa(len(zip)))
	_, _ = w.Write(zip)
}
