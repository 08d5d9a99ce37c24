package cloudwatch

import (
	"fmt"
	"strings"
)

// maxAlarmRule is the longest AlarmRule (model [AlarmRule]: 1–10,240).
const maxAlarmRule = 10240

// rule is a parsed AlarmRule: a state function of an alarm (ALARM, OK,
// INSUFFICIENT_DATA), TRUE, FALSE, NOT, AND or OR.
type rule struct {
	op    string // "state", "TRUE", "FALSE", "NOT", "AND", "OR"
	state string // for "state": the state tested
	alarm string // for "state": the alarm's name or ARN
	args  []*rule
}

type ruleParser struct {
	src string
	i   int
}

// parseRule parses an AlarmRule (AND binds tighter than OR, as AWS's
// grammar has it).
func parseRule(src string) (*rule, error) {
	p := &ruleParser{src: src}
	r, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if p.skip(); p.i < len(p.src) {
		return nil, fmt.Errorf("unexpected %q at position %d", p.src[p.i:min(p.i+10, len(p.src))], p.i)
	}
	return r, nil
}

func (p *ruleParser) skip() {
	for p.i < len(p.src) && strings.ContainsRune(" \t\r\n", rune(p.src[p.i])) {
		p.i++
	}
}

// word reads the next keyword (letters and _), or "" for a parenthesis.
func (p *ruleParser) word() string {
	p.skip()
	j := p.i
	for j < len(p.src) && (p.src[j] == '_' || p.src[j] >= 'A' && p.src[j] <= 'Z' || p.src[j] >= 'a' && p.src[j] <= 'z') {
		j++
	}
	return p.src[p.i:j]
}

func (p *ruleParser) keyword(k string) bool {
	i := p.i
	if w := p.word(); strings.EqualFold(w, k) {
		p.i += len(w)
		return true
	}
	p.i = i
	return false
}

func (p *ruleParser) or(d int) (*rule, error) {
	l, err := p.and(d)
	if err != nil {
		return nil, err
	}
	for p.keyword("OR") {
		r, err := p.and(d)
		if err != nil {
			return nil, err
		}
		l = &rule{op: "OR", args: []*rule{l, r}}
	}
	return l, nil
}

func (p *ruleParser) and(d int) (*rule, error) {
	l, err := p.unary(d)
	if err != nil {
		return nil, err
	}
	for p.keyword("AND") {
		r, err := p.unary(d)
		if err != nil {
			return nil, err
		}
		l = &rule{op: "AND", args: []*rule{l, r}}
	}
	return l, nil
}

func (p *ruleParser) unary(d int) (*rule, error) {
	if d > maxDepth {
		return nil, fmt.Errorf("the rule is nested too deeply")
	}
	if p.keyword("NOT") {
		x, err := p.unary(d + 1)
		if err != nil {
			return nil, err
		}
		return &rule{op: "NOT", args: []*rule{x}}, nil
	}
	p.skip()
	if p.i < len(p.src) && p.src[p.i] == '(' {
		p.i++
		x, err := p.or(d + 1)
		if err != nil {
			return nil, err
		}
		if p.skip(); p.i >= len(p.src) || p.src[p.i] != ')' {
			return nil, fmt.Errorf("expected ')' at position %d", p.i)
		}
		p.i++
		return x, nil
	}
	w := strings.ToUpper(p.word())
	switch w {
	case "TRUE", "FALSE":
		p.i += len(w)
		return &rule{op: w}, nil
	case "ALARM", "OK", "INSUFFICIENT_DATA":
		p.i += len(w)
		name, err := p.alarmArg()
		if err != nil {
			return nil, err
		}
		return &rule{op: "state", state: w, alarm: name}, nil
	}
	return nil, fmt.Errorf("unexpected %q at position %d", p.src[p.i:min(p.i+10, len(p.src))], p.i)
}

// alarmArg reads (name), ("name") or (arn).
func (p *ruleParser) alarmArg() (string, error) {
	if p.skip(); p.i >= len(p.src) || p.src[p.i] != '(' {
		return "", fmt.Errorf("expected '(' at position %d", p.i)
	}
	end := strings.IndexByte(p.src[p.i:], ')')
	if end < 0 {
		return "", fmt.Errorf("expected ')' after position %d", p.i)
	}
	arg := strings.TrimSpace(p.src[p.i+1 : p.i+end])
	p.i += end + 1
	if len(arg) >= 2 && (arg[0] == '"' || arg[0] == '\'') && arg[len(arg)-1] == arg[0] {
		arg = arg[1 : len(arg)-1]
	}
	if arg == "" {
		return "", fmt.Errorf("an alarm name is missing at position %d", p.i)
	}
	return arg, nil
}

// refs appends the alarm names and ARNs the rule tests.
func (r *rule) refs(out []string) []string {
	if r.op == "state" {
		out = append(out, r.alarm)
	}
	for _, a := range r.args {
		out = a.refs(out)
	}
	return out
}

// eval evaluates the rule with stateOf giving each alarm's state.
func (r *rule) eval(stateOf func(string) string) bool {
	switch r.op {
	case "TRUE":
		return true
	case "FALSE":
		return false
	case "NOT":
		return !r.args[0].eval(stateOf)
	case "AND":
		return r.args[0].eval(stateOf) && r.args[1].eval(stateOf)
	case "OR":
		return r.args[0].eval(stateOf) || r.args[1].eval(stateOf)
	}
	return stateOf(r.alarm) == r.state
}
