package protocol

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Route binds one operation of a restJson1 or restXml service to a method, a
// path pattern and, where the path is shared, the query members and headers
// that tell the operations apart. H is the service's own handler type.
type Route[H any] struct {
	// Method is the HTTP method.
	Method string
	// Path is the pattern, as the service's model writes its URI:
	// /2015-03-31/functions/{FunctionName}/invocations, with {Label}
	// matching one segment and a last {Label+} the rest of the path
	// (S3's {Key+}).
	Path string
	// Query names members the request must carry: "tagging" (present, with
	// any value) or "list-type=2" (with that value).
	Query []string
	// Header names headers the request must carry (x-amz-copy-source).
	Header []string
	// Name is the operation's name, as AWS names it.
	Name string
	// Handler serves it.
	Handler H
}

// Labels are the values of a matched route's {Label} segments.
type Labels map[string]string

// Routes is a service's route table: its operation names are the service's
// wire table. A request matches the route with the most literal segments,
// then the most query and header conditions, so "GET /{Bucket}?tagging"
// wins over "GET /{Bucket}". It is built once per package and read-only
// after.
type Routes[H any] struct {
	routes []compiled[H]
}

type compiled[H any] struct {
	Route[H]
	segs     []string // literal, "{Label}" or "{Label+}"
	greedy   bool     // the last segment is {Label+}
	literals int
}

// NewRoutes compiles a route table. Two routes with the same method, path
// and conditions are a bug in the service: NewRoutes panics.
func NewRoutes[H any](routes ...Route[H]) *Routes[H] {
	t := &Routes[H]{}
	seen := map[string]string{}
	for _, r := range routes {
		c := compiled[H]{Route: r, segs: splitPattern(r.Path)}
		for i, s := range c.segs {
			switch {
			case strings.HasSuffix(s, "+}"):
				if i != len(c.segs)-1 {
					panic(fmt.Sprintf("route %s: a greedy label must end the path %s", r.Name, r.Path))
				}
				c.greedy = true
			case !strings.HasPrefix(s, "{"):
				c.literals++
			}
		}
		key := r.Method + " " + r.Path + "?" + strings.Join(r.Query, "&") + "#" + strings.Join(r.Header, "&")
		if other, dup := seen[key]; dup {
			panic(fmt.Sprintf("routes %s and %s: the same pattern %s", other, r.Name, key))
		}
		seen[key] = r.Name
		t.routes = append(t.routes, c)
	}
	// Most specific first, so that the first match is the best one.
	slices.SortStableFunc(t.routes, func(a, b compiled[H]) int {
		if a.literals != b.literals {
			return b.literals - a.literals
		}
		if a.greedy != b.greedy {
			if a.greedy {
				return 1
			}
			return -1
		}
		return (len(b.Query) + len(b.Header)) - (len(a.Query) + len(a.Header))
	})
	return t
}

func splitPattern(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// Operations returns the names of the operations, sorted, each once.
func (t *Routes[H]) Operations() []string {
	var out []string
	for _, r := range t.routes {
		out = append(out, r.Name)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Match finds the route of a request whose path is segs (Segments: one
// unescaped string per segment) and returns it with its labels. A greedy
// label joins the rest of the segments with "/". ok is false when no route
// matches; pathKnown then tells whether some route matched the path with
// another method or other conditions (a 405 rather than a 404 for services
// that tell them apart).
func (t *Routes[H]) Match(method string, segs []string, q url.Values, h http.Header) (r *Route[H], labels Labels, pathKnown bool) {
	for i := range t.routes {
		c := &t.routes[i]
		if !c.matchPath(segs) {
			continue
		}
		pathKnown = true
		if c.Method != method || !c.matchConditions(q, h) {
			continue
		}
		return &c.Route, c.labels(segs), true
	}
	return nil, nil, pathKnown
}

// matchPath reports whether segs fit the pattern; it allocates nothing.
func (c *compiled[H]) matchPath(segs []string) bool {
	n := len(c.segs)
	if c.greedy {
		if len(segs) < n {
			return false
		}
	} else if len(segs) != n {
		return false
	}
	for j, p := range c.segs {
		if !strings.HasPrefix(p, "{") && p != segs[j] {
			return false
		}
	}
	return true
}

// labels returns the values of the pattern's labels in segs, which
// matchPath accepted; nil when the pattern has none.
func (c *compiled[H]) labels(segs []string) Labels {
	var labels Labels
	n := len(c.segs)
	for j, p := range c.segs {
		if !strings.HasPrefix(p, "{") {
			continue
		}
		if labels == nil {
			labels = Labels{}
		}
		if c.greedy && j == n-1 {
			labels[p[1:len(p)-2]] = strings.Join(segs[j:], "/")
			break
		}
		labels[p[1:len(p)-1]] = segs[j]
	}
	return labels
}

func (c *compiled[H]) matchConditions(q url.Values, h http.Header) bool {
	for _, cond := range c.Query {
		name, want, hasValue := strings.Cut(cond, "=")
		got, ok := q[name]
		if !ok || (hasValue && (len(got) == 0 || got[0] != want)) {
			return false
		}
	}
	for _, name := range c.Header {
		if h.Get(name) == "" {
			return false
		}
	}
	return true
}
