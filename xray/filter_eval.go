package xray

import "strings"

// expr is a compiled filter expression.
type expr interface {
	eval(c *evalCtx) bool
}

// evalCtx is what an expression reads: a trace, and inside a service or
// edge block one request of that service or edge.
type evalCtx struct {
	v    *traceView
	call *outcome
}

// matches reports whether the compiled expression e selects the trace; a
// nil expression selects every trace.
func matches(e expr, v *traceView) bool {
	return e == nil || e.eval(&evalCtx{v: v})
}

type (
	andExpr   struct{ l, r expr }
	orExpr    struct{ l, r expr }
	notExpr   struct{ x expr }
	constExpr bool
	cmpExpr   struct {
		spec keywordSpec
		op   string
		val  any
	}
	serviceExpr struct {
		match idMatch
		body  expr
	}
	edgeExpr struct {
		from, to idMatch
		body     expr
	}
)

func (e andExpr) eval(c *evalCtx) bool { return e.l.eval(c) && e.r.eval(c) }
func (e orExpr) eval(c *evalCtx) bool  { return e.l.eval(c) || e.r.eval(c) }
func (e notExpr) eval(c *evalCtx) bool { return !e.x.eval(c) }
func (e constExpr) eval(*evalCtx) bool { return bool(e) }
func (e cmpExpr) eval(c *evalCtx) bool {
	vals := e.spec.get(c)
	if e.op == "!=" {
		for _, v := range vals {
			if compare(v, "=", e.val) {
				return false
			}
		}
		return true
	}
	for _, v := range vals {
		if compare(v, e.op, e.val) {
			return true
		}
	}
	return false
}

func (e serviceExpr) eval(c *evalCtx) bool {
	for _, s := range c.v.services {
		if e.match.matches(s.key) && anyCall(c, s.calls, e.body) {
			return true
		}
	}
	return false
}

func (e edgeExpr) eval(c *evalCtx) bool {
	for _, ed := range c.v.edges {
		if e.from.matches(ed.from) && e.to.matches(ed.to) && anyCall(c, ed.calls, e.body) {
			return true
		}
	}
	return false
}

// anyCall reports whether one of calls satisfies body (any, when nil).
func anyCall(c *evalCtx, calls []outcome, body expr) bool {
	if body == nil {
		return true
	}
	for i := range calls {
		if body.eval(&evalCtx{v: c.v, call: &calls[i]}) {
			return true
		}
	}
	return false
}

// compare applies op to a value of the trace and the expression's value;
// values of different types never compare.
func compare(have any, op string, want any) bool {
	switch h := have.(type) {
	case float64:
		w, ok := want.(float64)
		if !ok {
			return false
		}
		switch op {
		case "=":
			return h == w
		case "<":
			return h < w
		case "<=":
			return h <= w
		case ">":
			return h > w
		case ">=":
			return h >= w
		}
	case string:
		w, ok := want.(string)
		if !ok {
			return false
		}
		switch op {
		case "=":
			return h == w
		case "CONTAINS":
			return strings.Contains(h, w)
		case "BEGINSWITH":
			return strings.HasPrefix(h, w)
		case "ENDSWITH":
			return strings.HasSuffix(h, w)
		}
	case bool:
		w, ok := want.(bool)
		return ok && op == "=" && h == w
	}
	return false
}

// valueKind is the type of a keyword's values.
type valueKind int

const (
	kindNum valueKind = iota
	kindStr
	kindBool
	kindAny // annotations: any of the three
)

// keywordSpec is a keyword's type and how to read it off a trace.
type keywordSpec struct {
	kind valueKind
	get  func(c *evalCtx) []any
}

func one(v any) []any { return []any{v} }

// callOr reads a request's figure inside a service or edge block, and the
// trace's outside.
func callOr(call func(o *outcome) any, tr func(v *traceView) any) func(c *evalCtx) []any {
	return func(c *evalCtx) []any {
		if c.call != nil {
			return one(call(c.call))
		}
		return one(tr(c.v))
	}
}

func rootHTTP(get func(h httpInfo) string) func(c *evalCtx) []any {
	return func(c *evalCtx) []any {
		if c.v.root == nil {
			return nil
		}
		if s := get(c.v.root.http); s != "" {
			return one(s)
		}
		return nil
	}
}

// keywords are the keywords of the filter expression language, by name.
var keywords = map[string]keywordSpec{
	"duration": {kindNum, callOr(func(o *outcome) any { return o.responseTime }, func(v *traceView) any { return v.duration })},
	"responsetime": {kindNum, callOr(func(o *outcome) any { return o.responseTime },
		func(v *traceView) any { return v.responseTime })},
	"ok": {kindBool, callOr(func(o *outcome) any { return !o.err && !o.fault && !o.throttle },
		func(v *traceView) any { return !v.err && !v.fault && !v.throttle })},
	"error": {kindBool, callOr(func(o *outcome) any { return o.err || o.throttle },
		func(v *traceView) any { return v.err })},
	"fault":    {kindBool, callOr(func(o *outcome) any { return o.fault }, func(v *traceView) any { return v.fault })},
	"throttle": {kindBool, callOr(func(o *outcome) any { return o.throttle }, func(v *traceView) any { return v.throttle })},
	"partial":  {kindBool, func(c *evalCtx) []any { return one(c.v.partial) }},
	"http.status": {kindNum, func(c *evalCtx) []any {
		if c.v.root == nil || !c.v.root.http.hasStatus {
			return nil
		}
		return one(float64(c.v.root.http.status))
	}},
	"http.url":       {kindStr, rootHTTP(func(h httpInfo) string { return h.url })},
	"http.method":    {kindStr, rootHTTP(func(h httpInfo) string { return h.method })},
	"http.useragent": {kindStr, rootHTTP(func(h httpInfo) string { return h.userAgent })},
	"http.clientip":  {kindStr, rootHTTP(func(h httpInfo) string { return h.clientIP })},
	"user": {kindStr, func(c *evalCtx) []any {
		out := make([]any, len(c.v.users))
		for i, u := range c.v.users {
			out[i] = u
		}
		return out
	}},
	"id": {kindStr, func(c *evalCtx) []any { return one(c.v.t.id) }},
}

func init() {
	for _, kind := range []string{"fault", "error", "responsetime"} {
		pick := rootPicker(kind)
		p := "rootcause." + kind + "."
		keywords[p+"service.name"] = keywordSpec{kindStr, rootValues(pick, func(r rootCause) []any { return one(r.service.name) })}
		keywords[p+"service.type"] = keywordSpec{kindStr, rootValues(pick, func(r rootCause) []any { return one(r.service.typ) })}
		keywords[p+"service.inferred"] = keywordSpec{kindBool, rootValues(pick, func(r rootCause) []any { return one(r.inferred) })}
		keywords[p+"entity.name"] = keywordSpec{kindStr, rootValues(pick, func(r rootCause) []any { return one(r.path[len(r.path)-1].name) })}
		keywords[p+"entity.remote"] = keywordSpec{kindBool, rootValues(pick, func(r rootCause) []any { return one(r.path[len(r.path)-1].remote) })}
		keywords[p+"entity.exception.name"] = keywordSpec{kindStr, rootValues(pick, exceptionValues(func(x exception) string { return x.name }))}
		keywords[p+"entity.exception.message"] = keywordSpec{kindStr, rootValues(pick, exceptionValues(func(x exception) string { return x.message }))}
	}
}

func rootPicker(kind string) func(v *traceView) []rootCause {
	switch kind {
	case "fault":
		return func(v *traceView) []rootCause { return v.faultRoot }
	case "error":
		return func(v *traceView) []rootCause { return v.errorRoot }
	}
	return func(v *traceView) []rootCause { return v.responseRoot }
}

func rootValues(pick func(*traceView) []rootCause, get func(rootCause) []any) func(c *evalCtx) []any {
	return func(c *evalCtx) []any {
		var out []any
		for _, r := range pick(c.v) {
			out = append(out, get(r)...)
		}
		return out
	}
}

func exceptionValues(get func(exception) string) func(rootCause) []any {
	return func(r rootCause) []any {
		var out []any
		for _, x := range r.path[len(r.path)-1].exceptions {
			out = append(out, get(x))
		}
		return out
	}
}

// annotationGetter reads the values of one annotation key.
func annotationGetter(key string) func(c *evalCtx) []any {
	return func(c *evalCtx) []any {
		as := c.v.annotations[key]
		out := make([]any, len(as))
		for i, a := range as {
			out[i] = a.value
		}
		return out
	}
}
