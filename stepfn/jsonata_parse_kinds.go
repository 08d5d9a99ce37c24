package stepfn

import (
	"maps"
	"strings"
)

// jwait reads a JSONata Wait: exactly one of Seconds and Timestamp, each
// a literal or an expression.
func (p *parser) jwait(st *state, m map[string]any, loc string) {
	_, hasS := m["Seconds"]
	_, hasT := m["Timestamp"]
	if hasS == hasT {
		p.bad(loc, "A Wait state must contain exactly one of 'Seconds' or 'Timestamp'")
		return
	}
	rest := p.jexprFields(m, loc, &st.jn.seconds, &st.jn.timestamp, "Seconds", "Timestamp")
	if st.jn.seconds != nil || st.jn.timestamp != nil {
		return
	}
	p.wait(st, rest, loc)
}

// jchoice reads a JSONata Choice: rules with a Condition, each with its
// own Output and Assign. The rules' Next go to st.choices for the
// transition checks.
func (p *parser) jchoice(st *state, m map[string]any, loc string) {
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
		r := &rule{}
		r.next, _ = rm["Next"].(string)
		if r.next == "" {
			p.bad(at, "These fields are required: [Next]")
		}
		jr := &jrule{output: p.jfield(rm, "Output", at)}
		for _, k := range sortedKeys(rm) {
			if k != "Condition" && k != "Next" && k != "Output" && k != "Assign" && k != "Comment" {
				p.bad(at, "Field '"+k+"' is not supported")
			}
		}
		switch c := rm["Condition"].(type) {
		case bool:
			jr.condition = &jtmpl{kind: 'l', lit: c, field: "Condition"}
		case string:
			if _, ok := jsonataSource(c); !ok {
				p.bad(at+"/Condition", "The value for the field 'Condition' must be a JSONata expression or a BOOLEAN")
			}
			jr.condition = p.jtemplate(c, "Condition", at+"/Condition")
		default:
			p.bad(at, "These fields are required: [Condition]")
		}
		if a, ok := rm["Assign"]; ok {
			jr.assign = p.jassign(a, "Assign", at+"/Assign")
		}
		st.choices = append(st.choices, r)
		st.jn.rules = append(st.jn.rules, jr)
	}
}

// jmap reads a JSONata Map: Items (an array or an expression),
// ItemSelector, MaxConcurrency (a number or an expression), and the
// processor as JSONPath's parser reads it.
func (p *parser) jmap(st *state, m map[string]any, loc string) {
	rest := maps.Clone(m)
	delete(rest, "ItemSelector")
	delete(rest, "Items")
	if v, ok := m["Items"]; ok {
		_, expr := jsonataSource(v)
		if _, isArr := v.([]any); !isArr && !expr {
			p.bad(loc+"/Items", "The value for the field 'Items' must be an ARRAY or a JSONata expression")
		}
		st.jn.items = p.jtemplate(v, "Items", loc+"/Items")
	}
	st.jn.itemSelector = p.jfield(m, "ItemSelector", loc)
	if _, ok := jsonataSource(m["MaxConcurrency"]); ok {
		st.jn.maxConcurrency = p.jtemplate(m["MaxConcurrency"], "MaxConcurrency", loc+"/MaxConcurrency")
		delete(rest, "MaxConcurrency")
	}
	p.mapState(st, rest, loc)
}

// checkScopes refuses a Parallel branch or Map processor that assigns a
// variable its outer scopes assign: inner scopes read outer variables
// but cannot write them (AWS's variable scope rules; the diagnostic's
// text is awsfake's, AWS's is not recorded).
func (p *parser) checkScopes(prog *program, outer map[string]bool, at string) {
	mine := maps.Clone(outer)
	if mine == nil {
		mine = map[string]bool{}
	}
	for _, st := range prog.states {
		for _, n := range assignedNames(st) {
			mine[n] = true
		}
	}
	for _, name := range sortedStateNames(prog) {
		st := prog.states[name]
		inner := append([]*program{}, st.branches...)
		if st.processor != nil {
			inner = append(inner, st.processor)
		}
		for i, sub := range inner {
			loc := at + "/States/" + name + "/Branches/" + itoa(i)
			if st.processor != nil {
				loc = at + "/States/" + name + "/ItemProcessor"
			}
			for _, sn := range sortedStateNames(sub) {
				for _, v := range assignedNames(sub.states[sn]) {
					if mine[v] {
						p.bad(loc+"/States/"+sn+"/Assign", "The variable '"+v+"' is assigned in an outer scope; a Parallel branch or a Map iteration can read it but not assign it")
					}
				}
			}
			p.checkScopes(sub, mine, loc)
		}
	}
}

// assignedNames are the variables a state's Assign blocks (its own, its
// Choice rules', its catchers') name.
func assignedNames(st *state) []string {
	var out []string
	add := func(t *tmpl) {
		if t != nil {
			for _, m := range t.obj {
				out = append(out, strings.TrimSuffix(m.name, ".$"))
			}
		}
	}
	addJ := func(t *jtmpl) {
		if t != nil {
			for _, m := range t.obj {
				out = append(out, m.name)
			}
		}
	}
	add(st.assign)
	for _, r := range st.choices {
		add(r.assign)
	}
	for _, c := range st.catch {
		add(c.assign)
		if c.jn != nil {
			addJ(c.jn.assign)
		}
	}
	if st.jn != nil {
		addJ(st.jn.assign)
		for _, r := range st.jn.rules {
			addJ(r.assign)
		}
	}
	return out
}
