package stepfn

import (
	"fmt"
	"time"
)

// unexpected is AWS's message for an expression whose result has the
// wrong type (a literal of the wrong type is refused at validation).
func unexpected(t *jtmpl, want string, v any) *jerr {
	return &jerr{fmt.Sprintf("The JSONata expression '%s' specified for the field '%s' returned an unexpected result type. Expected '%s', but was '%s' for value: %s",
		t.expr.src, t.field, want, jsonType(v), encodeJSON(v)), t.field}
}

// jchoose is a JSONata Choice: the first rule whose Condition is true,
// with its Output and Assign (the state's when it has none), else the
// Default with the state's.
func (th *thread) jchoose() {
	st := th.st
	jn := st.jn
	states := th.jstates("", nil)
	vars := th.jvars(states)
	for i, r := range jn.rules {
		v, e := r.condition.eval(vars)
		if e != nil {
			th.jfailed(e)
			return
		}
		b, ok := v.(bool)
		if !ok {
			th.jfailed(unexpected(r.condition, "boolean", v))
			return
		}
		if !b {
			continue
		}
		assign, output := jn.assign, jn.output
		if r.assign != nil {
			assign = r.assign
		}
		if r.output != nil {
			output = r.output
		}
		th.jleave(assign, output, states, th.raw, st.choices[i].next)
		return
	}
	if st.defaultNext == "" {
		th.failThread(fail(errNoChoiceMatched, "No Matches!"))
		return
	}
	th.jleave(jn.assign, jn.output, states, th.raw, st.defaultNext)
}

// jfailState is a JSONata Fail: Error and Cause, literals or
// expressions that give strings.
func (th *thread) jfailState() {
	f := &failure{}
	vars := th.jvars(th.jstates("", nil))
	for _, x := range []struct {
		t   *jtmpl
		out *string
	}{{th.st.jn.errorT, &f.Error}, {th.st.jn.causeT, &f.Cause}} {
		if x.t == nil {
			continue
		}
		v, e := x.t.eval(vars)
		if e == nil {
			s, ok := v.(string)
			if !ok {
				e = unexpected(x.t, "string", v)
			}
			*x.out = s
		}
		if e != nil {
			th.jevent(e)
			th.failThread(th.jfailure(e))
			return
		}
	}
	th.failThread(f)
}

// jwait is a JSONata Wait: Seconds or Timestamp, literal or evaluated;
// Assign and Output are evaluated when it ends.
func (th *thread) jwait() {
	st := th.st
	jn := st.jn
	due := th.enteredAt.Add(time.Duration(st.seconds) * time.Second)
	if st.hasTimestamp {
		due = st.timestamp
	}
	vars := th.jvars(th.jstates("", nil))
	switch {
	case jn.seconds != nil:
		v, e := jn.seconds.eval(vars)
		n, ok := intValue(v)
		if e == nil && (!ok || n < 0 || n > 99999999) {
			e = unexpected(jn.seconds, "non-negative integer", v)
		}
		if e != nil {
			th.jfailed(e)
			return
		}
		due = th.enteredAt.Add(time.Duration(n) * time.Second)
	case jn.timestamp != nil:
		v, e := jn.timestamp.eval(vars)
		if e == nil {
			s, _ := v.(string)
			t, err := parseTimestamp(s)
			if err != nil {
				e = &jerr{"The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + s, "Timestamp"}
			}
			due = t
		}
		if e != nil {
			th.jfailed(e)
			return
		}
	}
	th.waitUntil(due, func() { th.jfinish(nil, false, st.next) })
}

// jmapItems is a JSONata Map: Items (else the input) must be an array;
// MaxConcurrency may be an expression.
func (th *thread) jmapItems() {
	jn := th.st.jn
	if d := th.st.dist; d != nil && d.reader != nil {
		th.startMapRun(th.raw, nil, th.st.maxConcurrency) // the items come from S3 (distmap_reader.go)
		return
	}
	vars := th.jvars(th.jstates("", nil))
	items := th.raw
	if jn.items != nil {
		v, e := jn.items.eval(vars)
		if e != nil {
			th.jmapFailed(e)
			return
		}
		if _, ok := v.([]any); !ok {
			th.jmapFailed(unexpected(jn.items, "array", v))
			return
		}
		items = v
	}
	list, ok := items.([]any)
	if !ok {
		th.jmapFailed(&jerr{msg: "Map state input must be an array but was: " + encodeJSON(items)})
		return
	}
	maxConc := th.st.maxConcurrency
	if jn.maxConcurrency != nil {
		v, e := jn.maxConcurrency.eval(vars)
		n, ok := intValue(v)
		if e == nil && (!ok || n < 0) {
			e = unexpected(jn.maxConcurrency, "non-negative integer", v)
		}
		if e != nil {
			th.jmapFailed(e)
			return
		}
		maxConc = n
	}
	th.startMap(th.raw, list, maxConc)
}

// jselectItem is a JSONata ItemSelector for the iteration child: the
// Map's input as $states.input, the item in $states.context.Map.Item.
func (th *thread) jselectItem(child *thread, input any) (any, *failure) {
	states := map[string]any{"input": toJSONata(input), "context": toJSONata(child.context())} // no State yet: the iteration has not entered one
	v, e := th.st.jn.itemSelector.eval(child.jvars(states))
	if e != nil {
		return nil, th.jevent(e)
	}
	return v, nil
}
