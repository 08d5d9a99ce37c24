package stepfn

import (
	"maps"
	"slices"
)

// jnState holds what a JSONata state has in place of JSONPath's paths
// and templates.
type jnState struct {
	arguments, output, assign *jtmpl
	items, itemSelector       *jtmpl
	maxConcurrency            *jtmpl
	timeout, heartbeat        *jtmpl // Task: TimeoutSeconds, HeartbeatSeconds as expressions
	seconds, timestamp        *jtmpl // Wait, as expressions
	errorT, causeT            *jtmpl // Fail
	rules                     []*jrule
}

// jrule is a JSONata Choice rule: its Condition and what it assigns and
// outputs when it matches.
type jrule struct {
	condition, output, assign *jtmpl
}

// jcatch is a JSONata catcher's Output and Assign.
type jcatch struct {
	output, assign *jtmpl
}

// jsonataFields are the fields a JSONata state accepts beyond Type,
// Comment and QueryLanguage: JSONPath's InputPath, Parameters,
// ResultSelector, ResultPath, OutputPath, Result and the *Path fields
// are not among them.
var jsonataFields = map[string][]string{
	"Pass":     {"Next", "End", "Output", "Assign"},
	"Task":     {"Next", "End", "Arguments", "Output", "Assign", "Retry", "Catch", "Resource", "TimeoutSeconds", "HeartbeatSeconds", "Credentials"},
	"Choice":   {"Choices", "Default", "Output", "Assign"},
	"Wait":     {"Next", "End", "Seconds", "Timestamp", "Output", "Assign"},
	"Succeed":  {"Output"},
	"Fail":     {"Error", "Cause"},
	"Parallel": {"Next", "End", "Arguments", "Output", "Assign", "Retry", "Catch", "Branches"},
	"Map":      {"Next", "End", "Items", "ItemSelector", "ItemProcessor", "Iterator", "MaxConcurrency", "Output", "Assign", "Retry", "Catch", "Label", "ToleratedFailurePercentage", "ToleratedFailureCount", "ItemReader", "ResultWriter", "ItemBatcher"},
}

// queryLanguage reads a QueryLanguage field at loc: JSONPath when absent.
func (p *parser) queryLanguage(m map[string]any, loc string) string {
	v, ok := m["QueryLanguage"]
	if !ok {
		return "JSONPath"
	}
	s, _ := v.(string)
	if s != "JSONPath" && s != "JSONata" {
		p.bad(loc+"/QueryLanguage", "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]")
	}
	return s
}

// stateJSONata reports whether the state at loc is a JSONata state: its
// own QueryLanguage, else the machine's. A JSONata machine cannot hold
// JSONPath states (AWS's text, ValidateStateMachineDefinition).
func (p *parser) stateJSONata(m map[string]any, loc string) bool {
	if _, ok := m["QueryLanguage"]; !ok {
		return p.jsonata
	}
	ql := p.queryLanguage(m, loc)
	if ql == "JSONPath" && p.jsonata {
		p.bad(loc, "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine")
	}
	return ql == "JSONata"
}

// jsonataState parses a JSONata state. The fields shared with JSONPath
// (Next, End, Retry, Resource, Branches, ItemProcessor) are read by the
// JSONPath parser; the expressions here.
func (p *parser) jsonataState(name, typ string, m map[string]any, loc string) *state {
	for _, k := range sortedKeys(m) {
		if k != "Type" && k != "Comment" && k != "QueryLanguage" && !slices.Contains(jsonataFields[typ], k) {
			// AWS's text for a field the state type does not accept; the
			// JSONPath-only fields get it too (not recorded otherwise).
			p.bad(loc, "Field '"+k+"' is not supported")
		}
	}
	st := &state{name: name, typ: typ, jn: &jnState{}}
	jn := st.jn
	p.flow(st, m, loc)
	jn.output = p.jfield(m, "Output", loc)
	jn.arguments = p.jfield(m, "Arguments", loc)
	if v, ok := m["Assign"]; ok {
		jn.assign = p.jassign(v, "Assign", loc+"/Assign")
	}
	st.retry = p.retriers(m["Retry"], loc+"/Retry")
	st.catch = p.jcatchers(m["Catch"], loc+"/Catch")
	switch typ {
	case "Task":
		rest := p.jexprFields(m, loc, &jn.timeout, &jn.heartbeat, "TimeoutSeconds", "HeartbeatSeconds")
		p.task(st, rest, loc)
	case "Wait":
		p.jwait(st, m, loc)
	case "Choice":
		p.jchoice(st, m, loc)
	case "Fail":
		jn.errorT = p.jstring(m, "Error", loc)
		jn.causeT = p.jstring(m, "Cause", loc)
	case "Parallel":
		p.parallel(st, m, loc)
	case "Map":
		p.jmap(st, m, loc)
	}
	return st
}

// jfield compiles an optional template field.
func (p *parser) jfield(m map[string]any, field, loc string) *jtmpl {
	v, ok := m[field]
	if !ok {
		return nil
	}
	return p.jtemplate(v, field, loc+"/"+field)
}

// jexprFields takes the fields named that hold an expression out of m,
// compiled into the targets, and returns m without them.
func (p *parser) jexprFields(m map[string]any, loc string, t1, t2 **jtmpl, f1, f2 string) map[string]any {
	rest := maps.Clone(m)
	for i, f := range []string{f1, f2} {
		if _, ok := jsonataSource(m[f]); !ok {
			continue
		}
		t := p.jtemplate(m[f], f, loc+"/"+f)
		if i == 0 {
			*t1 = t
		} else {
			*t2 = t
		}
		delete(rest, f)
	}
	return rest
}

// jstring compiles a field that is a string or an expression.
func (p *parser) jstring(m map[string]any, field, loc string) *jtmpl {
	v, ok := m[field]
	if !ok {
		return nil
	}
	if _, isStr := v.(string); !isStr {
		p.bad(loc+"/"+field, "The value for the field '"+field+"' must be a STRING")
		return nil
	}
	return p.jtemplate(v, field, loc+"/"+field)
}

// jassign compiles an Assign block: variable names, each with a
// template.
func (p *parser) jassign(v any, field, loc string) *jtmpl {
	m, ok := v.(map[string]any)
	if !ok {
		p.bad(loc, "The value for the field 'Assign' must be an OBJECT")
		return nil
	}
	for k := range m {
		if !validVariable(k) {
			p.bad(loc+"/"+k, "The variable name '"+k+"' is not valid")
		}
	}
	return p.jtemplate(m, field, loc)
}

func (p *parser) jcatchers(v any, loc string) []*catcher {
	list, _ := v.([]any)
	out := p.catchers(v, loc)
	for i, c := range out {
		m, _ := list[i].(map[string]any)
		at := loc + "/" + itoa(i)
		for _, k := range sortedKeys(m) {
			if k != "ErrorEquals" && k != "Next" && k != "Output" && k != "Assign" && k != "Comment" {
				p.bad(at, "Field '"+k+"' is not supported")
			}
		}
		c.jn = &jcatch{output: p.jfield(m, "Output", at)}
		if a, ok := m["Assign"].(map[string]any); ok { // its names checked by catchers
			c.jn.assign = p.jtemplate(a, "Assign", at+"/Assign")
		}
		c.assign = nil
	}
	return out
}
