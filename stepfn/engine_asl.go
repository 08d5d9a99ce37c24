package stepfn

import (
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"time"
)

// program is a parsed state machine, or a branch or item processor of one.
type program struct {
	startAt string
	states  map[string]*state
	timeout time.Duration // the machine's TimeoutSeconds; 0: none
}

// state is one parsed state of a definition.
type state struct {
	name, typ, next string
	end             bool

	inputPath, outputPath, resultPath *path
	inputNull, outputNull, resultNull bool // the path is null: {} in, {} out, the input kept
	parameters, resultSelector        *tmpl
	result                            any
	hasResult                         bool
	assign                            *tmpl
	jn                                *jnState // a JSONata state's fields (jsonata_parse.go); nil in JSONPath

	retry []*retrier
	catch []*catcher

	// Task.
	resource         string
	timeoutSeconds   int
	timeoutPath      *path
	heartbeatSeconds int
	heartbeatPath    *path

	// Wait.
	seconds      int
	hasSeconds   bool
	timestamp    time.Time
	hasTimestamp bool
	secondsPath  *path
	timePath     *path

	// Choice.
	choices     []*rule
	defaultNext string

	// Fail.
	errorName, cause     string
	errorPath, causePath *path

	// Parallel and Map.
	branches       []*program
	itemsPath      *path
	itemSelector   *tmpl
	processor      *program
	maxConcurrency int
	dist           *distConfig // a Distributed Map's (distmap.go)
}

// retrier is one Retry entry.
type retrier struct {
	errors      []string
	interval    float64 // seconds
	maxAttempts int
	backoff     float64
	maxDelay    float64 // seconds; 0: none
	jitterFull  bool
}

// catcher is one Catch entry.
type catcher struct {
	errors     []string
	next       string
	resultPath *path
	resultNull bool
	assign     *tmpl
	jn         *jcatch // a JSONata state's catcher: Output and Assign
}

// diagnostic is one finding of the definition validator, as
// ValidateStateMachineDefinition reports it.
type diagnostic struct {
	code, message, location string
}

// text is how InvalidDefinition words the diagnostic.
func (d diagnostic) text() string {
	if d.location == "" {
		return d.code + ": " + d.message
	}
	return d.code + ": " + d.message + " at " + d.location
}

// stateTypes are the state types ASL defines, in AWS's order.
var stateTypes = []string{"Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map"}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func itoa(i int) string { return strconv.Itoa(i) }

// parser turns a decoded definition into a program, collecting
// diagnostics.
type parser struct {
	diags   []diagnostic
	express bool
	jsonata bool // the machine's QueryLanguage is JSONata
}

func (p *parser) bad(at, msg string) {
	p.diags = append(p.diags, diagnostic{code: "SCHEMA_VALIDATION_FAILED", message: msg, location: at})
}

// parseDefinition parses and validates a definition for a machine of the
// given type: the program, or the diagnostics that refuse it.
func parseDefinition(def string, express bool) (*program, []diagnostic) {
	p := &parser{express: express}
	if def == "" {
		return nil, []diagnostic{{code: "SCHEMA_VALIDATION_FAILED", message: "Definition must be a valid JSON object"}}
	}
	v, err := decodeJSON(def)
	if err != nil {
		return nil, []diagnostic{{code: "INVALID_JSON_DESCRIPTION", message: err.Error()}}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, []diagnostic{{code: "SCHEMA_VALIDATION_FAILED", message: "Definition must be a valid JSON object"}}
	}
	p.jsonata = p.queryLanguage(m, "") == "JSONata"
	prog := p.program(m, "")
	if t, ok := m["TimeoutSeconds"]; ok {
		n, ok := intValue(t)
		if !ok || n < 0 || n > 99999999 {
			p.bad("/TimeoutSeconds", "The value for the field 'TimeoutSeconds' must be a non-negative integer")
		}
		prog.timeout = time.Duration(n) * time.Second
	}
	if len(p.diags) == 0 {
		p.checkScopes(prog, nil, "")
	}
	if len(p.diags) > 0 {
		return nil, p.diags
	}
	return prog, nil
}

// program parses the StartAt and States of a machine, branch or
// processor at location at.
func (p *parser) program(m map[string]any, at string) *program {
	root := at
	if root == "" {
		root = "/"
	}
	var need []string
	states, hasStates := m["States"].(map[string]any)
	startAt, hasStart := m["StartAt"].(string)
	if !hasStates {
		need = append(need, "States")
	}
	if !hasStart {
		need = append(need, "StartAt")
	}
	if len(need) > 0 {
		p.bad(root, "These fields are required: ["+joinComma(need)+"]")
		return &program{states: map[string]*state{}}
	}
	prog := &program{startAt: startAt, states: map[string]*state{}}
	for _, name := range sortedKeys(states) {
		loc := at + "/States/" + name
		sm, ok := states[name].(map[string]any)
		if !ok {
			p.bad(loc, "The value for the field '"+name+"' must be an OBJECT")
			continue
		}
		if len(name) > 80 {
			p.bad(loc, "The state name '"+name+"' is longer than 80 characters")
		}
		if st := p.state(name, sm, loc); st != nil {
			prog.states[name] = st
		}
	}
	if len(p.diags) > 0 {
		return prog
	}
	p.transitions(prog, at)
	return prog
}

// transitions checks that StartAt and every Next name a state of the
// program and that every state is reachable.
func (p *parser) transitions(prog *program, at string) {
	add := func(code, msg, loc string) {
		p.diags = append(p.diags, diagnostic{code: code, message: msg, location: loc})
	}
	if prog.states[prog.startAt] == nil {
		add("MISSING_TRANSITION_TARGET", "Missing 'StartAt' target: "+prog.startAt, at+"/StartAt")
		return
	}
	for _, name := range sortedStateNames(prog) {
		st := prog.states[name]
		for _, t := range st.transitions() {
			if prog.states[t.name] == nil {
				add("MISSING_TRANSITION_TARGET", "Missing '"+t.field+"' target: "+t.name, at+"/States/"+name+t.loc)
			}
		}
	}
	if len(p.diags) > 0 {
		return
	}
	seen := map[string]bool{}
	queue := []string{prog.startAt}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if seen[n] {
			continue
		}
		seen[n] = true
		for _, t := range prog.states[n].transitions() {
			queue = append(queue, t.name)
		}
	}
	for _, name := range sortedStateNames(prog) {
		if !seen[name] {
			add("UNREACHABLE_STATE", "State \""+name+"\" is not reachable.", at+"/States/"+name)
		}
	}
}

type transition struct{ name, field, loc string }

func (st *state) transitions() []transition {
	var out []transition
	if st.next != "" {
		out = append(out, transition{st.next, "Next", "/Next"})
	}
	if st.defaultNext != "" {
		out = append(out, transition{st.defaultNext, "Default", "/Default"})
	}
	for i, c := range st.choices {
		out = append(out, transition{c.next, "Next", "/Choices/" + itoa(i) + "/Next"})
	}
	for i, c := range st.catch {
		out = append(out, transition{c.next, "Next", "/Catch/" + itoa(i) + "/Next"})
	}
	return out
}

func sortedStateNames(prog *program) []string {
	names := make([]string, 0, len(prog.states))
	for n := range prog.states {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func joinComma(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

// intValue reads an integer JSON number.
func intValue(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil || i > 1<<40 || i < -(1<<40) {
		return 0, false
	}
	return int(i), true
}
