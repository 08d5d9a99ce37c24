package stepfn

import (
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
)

func (p *parser) task(st *state, m map[string]any, loc string) {
	res, ok := m["Resource"].(string)
	if !ok {
		p.bad(loc, "These fields are required: [Resource]")
		return
	}
	st.resource = res
	a, err := arn.Parse(res)
	if err != nil {
		p.bad(loc+"/Resource", "Value is not a valid resource ARN")
		return
	}
	switch {
	case p.express && strings.Contains(res, ".sync"):
		p.bad(loc+"/Resource", "Express state machine does not support '.sync' service integration")
	case p.express && strings.HasSuffix(res, ".waitForTaskToken"):
		p.bad(loc+"/Resource", "Express state machine does not support '.waitForTaskToken' service integration ")
	case p.express && a.Service == "states" && strings.HasPrefix(a.Resource, "activity:"):
		p.bad(loc+"/Resource", "Express state machine does not support Activity ARN")
	}
	if v, ok := m["TimeoutSeconds"]; ok {
		n, ok := intValue(v)
		if !ok || n < 1 || n > 99999999 {
			p.bad(loc+"/TimeoutSeconds", "The value for the field 'TimeoutSeconds' must be between 1 and 99999999")
		}
		st.timeoutSeconds = n
	}
	st.timeoutPath, _ = p.optPath(m, "TimeoutSecondsPath", loc)
	st.heartbeatPath, _ = p.optPath(m, "HeartbeatSecondsPath", loc)
	if v, ok := m["HeartbeatSeconds"]; ok {
		n, ok := intValue(v)
		if !ok || n < 1 || n > 99999999 {
			p.bad(loc+"/HeartbeatSeconds", "The value for the field 'HeartbeatSeconds' must be between 1 and 99999999")
		}
		if st.timeoutSeconds > 0 && n >= st.timeoutSeconds {
			p.bad(loc+"/HeartbeatSeconds", "The value for the field 'HeartbeatSeconds' must be smaller than the value for the field 'TimeoutSeconds'")
		}
		st.heartbeatSeconds = n
	}
}

func (p *parser) wait(st *state, m map[string]any, loc string) {
	n := 0
	if v, ok := m["Seconds"]; ok {
		n++
		s, ok := intValue(v)
		if !ok || s < 0 || s > 99999999 {
			p.bad(loc+"/Seconds", "The value for the field 'Seconds' must be between 0 and 99999999")
		}
		st.seconds, st.hasSeconds = s, true
	}
	if v, ok := m["Timestamp"]; ok {
		n++
		s, _ := v.(string)
		t, err := parseTimestamp(s)
		if err != nil {
			p.bad(loc+"/Timestamp", "The value for the field 'Timestamp' must be a valid ISO-8601 timestamp")
		}
		st.timestamp, st.hasTimestamp = t, true
	}
	if _, ok := m["SecondsPath"]; ok {
		n++
		st.secondsPath, _ = p.optPath(m, "SecondsPath", loc)
	}
	if _, ok := m["TimestampPath"]; ok {
		n++
		st.timePath, _ = p.optPath(m, "TimestampPath", loc)
	}
	if n != 1 {
		p.bad(loc, "A Wait state must contain exactly one of 'Seconds', 'Timestamp', 'SecondsPath' or 'TimestampPath'")
	}
}

func (p *parser) choice(st *state, m map[string]any, loc string) {
	list, ok := m["Choices"].([]any)
	if !ok {
		p.bad(loc, "These fields are required: [Choices]")
		return
	}
	if len(list) == 0 {
		p.bad(loc+"/Choices", "Value cannot be empty")
	}
	st.defaultNext, _ = m["Default"].(string)
	for i, x := range list {
		at := loc + "/Choices/" + itoa(i)
		rm, _ := x.(map[string]any)
		r := p.rule(rm, at)
		r.next, _ = rm["Next"].(string)
		if r.next == "" {
			p.bad(at, "These fields are required: [Next]")
		}
		if a, ok := rm["Assign"]; ok {
			r.assign = p.assign(a, at+"/Assign")
		}
		st.choices = append(st.choices, r)
	}
}

// rule parses a Choice rule (top-level or nested) at location at.
func (p *parser) rule(m map[string]any, at string) *rule {
	r := &rule{}
	if m == nil {
		p.bad(at, "The value must be an OBJECT")
		return r
	}
	if v, ok := m["And"]; ok {
		r.and = p.rules(v, at+"/And")
		return r
	}
	if v, ok := m["Or"]; ok {
		r.or = p.rules(v, at+"/Or")
		return r
	}
	if v, ok := m["Not"]; ok {
		nm, _ := v.(map[string]any)
		r.not = p.rule(nm, at+"/Not")
		return r
	}
	vs, _ := m["Variable"].(string)
	vp, err := parsePath(vs)
	if err != nil {
		p.bad(at, "These fields are required: [Variable]")
		return r
	}
	r.variable = vp
	for _, k := range sortedKeys(m) {
		base, isPath := strings.CutSuffix(k, "Path")
		kind, known := comparators[base]
		if !known || strings.HasPrefix(base, "Is") && isPath {
			continue
		}
		if r.op != "" {
			p.bad(at, "A Choice rule must have exactly one comparison operator")
			return r
		}
		r.op = base
		if isPath {
			s, _ := m[k].(string)
			if r.valuePth, err = parsePath(s); err != nil || !r.valuePth.reference() {
				p.bad(at+"/"+k, "The value for the field '"+k+"' must be a valid ReferencePath")
			}
			continue
		}
		r.value = m[k]
		if !literalFits(kind, m[k]) {
			p.bad(at+"/"+k, "The value for the field '"+k+"' must be a "+strings.ToUpper(kind))
		}
	}
	if r.op == "" {
		p.bad(at, "A Choice rule must have a comparison operator")
	}
	return r
}

func literalFits(kind string, v any) bool {
	switch kind {
	case "string":
		_, ok := v.(string)
		return ok
	case "number":
		_, ok := number(v)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "timestamp":
		s, _ := v.(string)
		_, err := time.Parse(time.RFC3339Nano, s)
		return err == nil
	}
	return false
}

func (p *parser) rules(v any, at string) []*rule {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		p.bad(at, "Value cannot be empty")
		return []*rule{}
	}
	out := make([]*rule, 0, len(list))
	for i, x := range list {
		m, _ := x.(map[string]any)
		out = append(out, p.rule(m, at+"/"+itoa(i)))
	}
	return out
}

func (p *parser) parallel(st *state, m map[string]any, loc string) {
	list, ok := m["Branches"].([]any)
	if !ok {
		p.bad(loc, "These fields are required: [Branches]")
		return
	}
	if len(list) == 0 {
		p.bad(loc+"/Branches", "Value cannot be empty")
	}
	for i, x := range list {
		bm, _ := x.(map[string]any)
		st.branches = append(st.branches, p.program(bm, loc+"/Branches/"+itoa(i)))
	}
}

func (p *parser) mapState(st *state, m map[string]any, loc string) {
	field := "ItemProcessor"
	pm, ok := m[field].(map[string]any)
	if !ok {
		field = "Iterator"
		if pm, ok = m[field].(map[string]any); !ok {
			p.bad(loc, "These fields are required: [ItemProcessor]")
			return
		}
	}
	st.processor = p.program(pm, loc+"/"+field)
	p.distMap(st, m, pm, loc)
	st.itemsPath, _ = p.optPath(m, "ItemsPath", loc)
	if v, ok := m["ItemSelector"]; ok {
		st.itemSelector = compileTemplate(v, loc+"/ItemSelector", p.bad)
	} else if st.parameters != nil {
		st.itemSelector, st.parameters = st.parameters, nil // the legacy Parameters of a Map select items
	}
	if v, ok := m["MaxConcurrency"]; ok {
		n, ok := intValue(v)
		if !ok || n < 0 {
			p.bad(loc+"/MaxConcurrency", "The value for the field 'MaxConcurrency' must be a non-negative integer")
		}
		st.maxConcurrency = n
	}
}
