package stepfn

import (
	"slices"
	"strings"
)

// fields are the fields each state type accepts beyond Type and Comment.
var fields = map[string][]string{
	"Pass":     {"Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "Result", "Assign"},
	"Task":     {"Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Retry", "Catch", "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign"},
	"Choice":   {"InputPath", "OutputPath", "Choices", "Default", "Assign"},
	"Wait":     {"Next", "End", "InputPath", "OutputPath", "Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign"},
	"Succeed":  {"InputPath", "OutputPath"},
	"Fail":     {"Error", "Cause", "ErrorPath", "CausePath"},
	"Parallel": {"Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Retry", "Catch", "Branches", "Assign"},
	"Map":      {"Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Retry", "Catch", "ItemsPath", "ItemSelector", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "Label", "ToleratedFailurePercentage", "ToleratedFailureCount", "ItemReader", "ResultWriter", "ItemBatcher", "Assign"},
}

// state parses one state at location loc.
func (p *parser) state(name string, m map[string]any, loc string) *state {
	typ, _ := m["Type"].(string)
	if _, ok := m["Type"]; !ok {
		p.bad(loc, "These fields are required: [Type]")
		return nil
	}
	if !slices.Contains(stateTypes, typ) {
		p.bad(loc+"/Type", "The field 'Type' should have one of these values: ["+joinComma(stateTypes)+"]")
		return nil
	}
	if p.stateJSONata(m, loc) {
		return p.jsonataState(name, typ, m, loc)
	}
	for _, k := range sortedKeys(m) {
		if k != "Type" && k != "Comment" && k != "QueryLanguage" && !slices.Contains(fields[typ], k) {
			p.bad(loc, "Field '"+k+"' is not supported")
		}
	}
	st := &state{name: name, typ: typ}
	p.flow(st, m, loc)
	st.inputPath, st.inputNull = p.optPath(m, "InputPath", loc)
	st.outputPath, st.outputNull = p.optPath(m, "OutputPath", loc)
	st.resultPath, st.resultNull = p.optPath(m, "ResultPath", loc)
	if st.resultPath != nil && !st.resultPath.reference() {
		p.bad(loc+"/ResultPath", "The value for the field 'ResultPath' must be a valid ReferencePath")
	}
	if v, ok := m["Parameters"]; ok {
		st.parameters = compileTemplate(v, loc+"/Parameters", p.bad)
	}
	if v, ok := m["ResultSelector"]; ok {
		st.resultSelector = compileTemplate(v, loc+"/ResultSelector", p.bad)
	}
	if v, ok := m["Assign"]; ok {
		st.assign = p.assign(v, loc+"/Assign")
	}
	st.result, st.hasResult = m["Result"]
	st.retry = p.retriers(m["Retry"], loc+"/Retry")
	st.catch = p.catchers(m["Catch"], loc+"/Catch")
	switch typ {
	case "Task":
		p.task(st, m, loc)
	case "Wait":
		p.wait(st, m, loc)
	case "Choice":
		p.choice(st, m, loc)
	case "Fail":
		st.errorName, _ = m["Error"].(string)
		st.cause, _ = m["Cause"].(string)
		st.errorPath, _ = p.optPath(m, "ErrorPath", loc)
		st.causePath, _ = p.optPath(m, "CausePath", loc)
	case "Parallel":
		p.parallel(st, m, loc)
	case "Map":
		p.mapState(st, m, loc)
	}
	return st
}

// flow reads Next and End: a state other than Choice, Succeed and Fail
// has exactly one of them.
func (p *parser) flow(st *state, m map[string]any, loc string) {
	st.next, _ = m["Next"].(string)
	st.end, _ = m["End"].(bool)
	if v, ok := m["Next"]; ok && st.next == "" {
		p.bad(loc+"/Next", "The value for the field 'Next' must be a STRING but was "+strings.ToUpper(jsonType(v)))
	}
	switch st.typ {
	case "Choice", "Succeed", "Fail":
		return
	}
	if st.next != "" && st.end {
		p.bad(loc, "Only one of 'Next' or 'End' can be present")
	}
	if st.next == "" && !st.end {
		p.diags = append(p.diags, diagnostic{code: "MISSING_TRANSITION_TARGET", message: "State \"" + st.name + "\" is not an end state and has no 'Next' field", location: loc})
	}
}

// optPath reads a path field: absent (nil, false), null (nil, true) or a
// path.
func (p *parser) optPath(m map[string]any, field, loc string) (*path, bool) {
	v, ok := m[field]
	if !ok {
		return nil, false
	}
	if v == nil {
		return nil, true
	}
	s, isStr := v.(string)
	pa, err := parsePath(s)
	if !isStr || err != nil {
		p.bad(loc+"/"+field, "The value for the field '"+field+"' must be a valid JSONPath")
		return nil, false
	}
	return pa, false
}

// assign compiles an Assign block: an object whose member names are
// variable names.
func (p *parser) assign(v any, loc string) *tmpl {
	m, ok := v.(map[string]any)
	if !ok {
		p.bad(loc, "The value for the field 'Assign' must be an OBJECT")
		return nil
	}
	for k := range m {
		if !validVariable(strings.TrimSuffix(k, ".$")) {
			p.bad(loc+"/"+k, "The variable name '"+k+"' is not valid")
		}
	}
	return compileTemplate(m, loc, p.bad)
}

func (p *parser) retriers(v any, loc string) []*retrier {
	if v == nil {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		p.bad(loc, "The value for the field 'Retry' must be an ARRAY")
		return nil
	}
	var out []*retrier
	for i, x := range list {
		at := loc + "/" + itoa(i)
		m, _ := x.(map[string]any)
		r := &retrier{interval: 1, maxAttempts: 3, backoff: 2}
		r.errors = p.errorEquals(m, at)
		if n, ok := m["IntervalSeconds"]; ok {
			iv, ok := intValue(n)
			if !ok || iv < 1 || iv > 99999999 {
				p.bad(at+"/IntervalSeconds", "The value for the field 'IntervalSeconds' must be between 1 and 99999999")
			}
			r.interval = float64(iv)
		}
		if n, ok := m["MaxAttempts"]; ok {
			iv, ok := intValue(n)
			if !ok || iv < 0 || iv > 99999999 {
				p.bad(at+"/MaxAttempts", "The value for the field 'MaxAttempts' must be between 0 and 99999999")
			}
			r.maxAttempts = iv
		}
		if n, ok := m["BackoffRate"]; ok {
			f, ok := number(n)
			if !ok || f < 1 {
				p.bad(at+"/BackoffRate", "The value for the field 'BackoffRate' must be at least 1.0")
			}
			r.backoff = f
		}
		if n, ok := m["MaxDelaySeconds"]; ok {
			iv, ok := intValue(n)
			if !ok || iv < 1 || iv > 31622400 {
				p.bad(at+"/MaxDelaySeconds", "The value for the field 'MaxDelaySeconds' must be between 1 and 31622400")
			}
			r.maxDelay = float64(iv)
		}
		if j, ok := m["JitterStrategy"]; ok {
			s, _ := j.(string)
			if s != "FULL" && s != "NONE" {
				p.bad(at+"/JitterStrategy", "The field 'JitterStrategy' should have one of these values: [FULL, NONE]")
			}
			r.jitterFull = s == "FULL"
		}
		out = append(out, r)
	}
	return out
}

// errorEquals reads a non-empty ErrorEquals, States.ALL alone and last.
func (p *parser) errorEquals(m map[string]any, at string) []string {
	list, ok := m["ErrorEquals"].([]any)
	if !ok {
		p.bad(at, "These fields are required: [ErrorEquals]")
		return nil
	}
	if len(list) == 0 {
		p.bad(at+"/ErrorEquals", "Value cannot be empty")
	}
	var out []string
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			p.bad(at+"/ErrorEquals", "The value for the field 'ErrorEquals' must be an array of STRING")
			continue
		}
		out = append(out, s)
	}
	if slices.Contains(out, errAll) && len(out) > 1 {
		p.bad(at+"/ErrorEquals", "Field 'ErrorEquals' with 'States.ALL' cannot contain other values")
	}
	return out
}

func (p *parser) catchers(v any, loc string) []*catcher {
	if v == nil {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		p.bad(loc, "The value for the field 'Catch' must be an ARRAY")
		return nil
	}
	var out []*catcher
	for i, x := range list {
		at := loc + "/" + itoa(i)
		m, _ := x.(map[string]any)
		c := &catcher{errors: p.errorEquals(m, at)}
		c.next, _ = m["Next"].(string)
		if c.next == "" {
			p.bad(at, "These fields are required: [Next]")
		}
		c.resultPath, c.resultNull = p.optPath(m, "ResultPath", at)
		if a, ok := m["Assign"]; ok {
			c.assign = p.assign(a, at+"/Assign")
		}
		out = append(out, c)
	}
	for i, c := range out {
		if slices.Contains(c.errors, errAll) && i != len(out)-1 {
			p.bad(loc+"/"+itoa(i)+"/ErrorEquals", "States.ALL must appear last in the Catch list")
		}
	}
	return out
}
