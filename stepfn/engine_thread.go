package stepfn

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/sched"
)

// thread is one line of control of an execution: the machine's own, or a
// Parallel branch's, or a Map iteration's.
type thread struct {
	ex        *execution
	prog      *program
	st        *state
	raw       any   // the current state's raw input
	prev      int64 // the thread's last event
	fork      *fork // the Parallel or Map this thread is a child of
	index     int
	vars      map[string]any
	item      map[string]any // $$.Map.Item
	attempts  []int
	retries   int
	enteredAt time.Time
	gen       uint64 // moves at every transition: stale callbacks see it changed
	timer     *sched.Job
	taskTimer *sched.Job
	hbTimer   *sched.Job // the heartbeat of a task waiting for its token
	token     string     // the current task's token ($$.Task.Token)
	enteredID int64      // the current state's Entered event
	child     *fork
	done      bool
}

func (ex *execution) newThread(prog *program, f *fork, index int, vars map[string]any, prev int64) *thread {
	th := &thread{ex: ex, prog: prog, fork: f, index: index, vars: vars, prev: prev}
	ex.threads[th] = true
	return th
}

// stop cancels the thread's timers and makes its pending answers stale.
func (th *thread) stop() {
	th.traceLeave(false)
	th.done = true
	th.gen++
	cancel(th.timer)
	cancel(th.taskTimer)
	cancel(th.hbTimer)
	if th.child != nil {
		th.child.stopChildren()
	}
}

// evaluator is what a state's paths and templates read: $ (input), $$
// (the context object), variables.
type evaluator struct {
	th    *thread
	input any
	rng   *rand.Rand
}

func (th *thread) eval(input any) *evaluator { return &evaluator{th: th, input: input, rng: th.ex.rng} }

// lookup reads a path: false when it matches nothing.
func (ev *evaluator) lookup(p *path) (any, bool) {
	doc, ok := ev.rootDoc(p)
	if !ok {
		return nil, false
	}
	return p.get(doc)
}

// rootDoc is the document a path's root names: the input, the context
// object, or a variable (false when the variable is not set).
func (ev *evaluator) rootDoc(p *path) (any, bool) {
	switch p.root {
	case "$":
		return ev.input, true
	case "$$":
		return ev.th.context(), true
	}
	v, ok := ev.th.vars[p.root]
	return v, ok
}

// invalidPath is States.Runtime for a path field (InputPath, OutputPath,
// ItemsPath, the *SecondsPath fields) that matched nothing, in AWS's
// words (test_base_scenarios test_invalid_jsonpath).
func (ev *evaluator) invalidPath(p *path) *failure {
	doc, _ := ev.rootDoc(p)
	return fail(errRuntime, "Invalid path '%s' : %s", p.src, p.missing(doc))
}

func (ev *evaluator) resolve(p *path) (any, *failure) {
	v, ok := ev.lookup(p)
	if !ok {
		if p.root != "$" && p.root != "$$" {
			return nil, fail(errRuntime, "The variable '%s' could not be found", p.src)
		}
		return nil, fail(errRuntime, "Invalid path '%s': No results for path", p.src)
	}
	return v, nil
}

// apply evaluates a template over the evaluator's input.
func (ev *evaluator) apply(t *tmpl) (any, *failure) { return t.eval(ev.resolve, ev) }

// context is the context object of the current state ($$).
func (th *thread) context() map[string]any {
	ex := th.ex
	input, _ := decodeJSON(ex.input)
	c := map[string]any{
		"Execution": map[string]any{"Id": ex.arn, "Input": input, "Name": ex.name, "RoleArn": ex.roleARN,
			"StartTime": isoTime(ex.start), "RedriveCount": jsonInt(ex.redriveCount)},
		"StateMachine": map[string]any{"Id": ex.machineARN, "Name": ex.machine.name},
	}
	if th.st != nil {
		c["State"] = map[string]any{"EnteredTime": isoTime(th.enteredAt), "Name": th.st.name, "RetryCount": jsonInt(th.retries)}
	}
	if th.item != nil {
		c["Map"] = map[string]any{"Item": th.item}
	}
	if th.token != "" {
		c["Task"] = map[string]any{"Token": th.token}
	}
	return c
}

// enter moves the thread into the state name with input.
func (th *thread) enter(name string, input any) {
	st := th.prog.states[name]
	th.st, th.raw, th.retries, th.gen, th.token = st, input, 0, th.gen+1, ""
	th.attempts = make([]int, len(st.retry))
	th.enteredAt = th.ex.svc.env.Clock.Now()
	th.traceEnter()
	th.prev = th.ex.emit(th.prev, st.typ+"StateEntered", "stateEnteredEventDetails",
		payload(map[string]any{"name": name}, "input", input))
	th.enteredID = th.prev
	if th.ex.closed() {
		return
	}
	if len(encodeJSON(input)) > maxPayload {
		th.failThread(fail(errDataLimitExceeded, "The state/task '%s' returned a result with a size exceeding the maximum number of bytes service limit.", name))
		return
	}
	th.run()
}

// run does the current state's work.
func (th *thread) run() {
	st := th.st
	if st.jn != nil {
		th.runJSONata()
		return
	}
	if th.ex.trace != nil && (st.typ == "Fail" || st.typ == "Choice") {
		th.noteInput()
	}
	switch st.typ {
	case "Fail":
		th.failState()
		return
	case "Choice":
		th.choose()
		return
	}
	if st.typ == "Task" && waitsForToken(st.resource) {
		th.token = th.ex.svc.newToken()
	}
	eff, f := th.effectiveInput()
	if f != nil {
		th.handle(f)
		return
	}
	switch st.typ {
	case "Pass":
		res := eff
		if st.hasResult {
			res = deepCopy(st.result)
			th.unnote("afterInputPath", "afterParameters") // as recorded: a Pass with Result shows neither
		}
		th.result(res)
	case "Succeed":
		th.exit(eff, nil)
	case "Wait":
		th.wait(eff)
	case "Task":
		th.task(eff)
	case "Parallel":
		th.parallel(eff)
	case "Map":
		th.mapItems(eff)
	}
}

// effectiveInput applies InputPath, then Parameters.
func (th *thread) effectiveInput() (any, *failure) {
	st := th.st
	in := th.raw
	switch {
	case st.inputNull:
		in = map[string]any{}
	case st.inputPath != nil:
		ev := th.eval(in)
		v, ok := ev.lookup(st.inputPath)
		if !ok {
			return nil, ev.invalidPath(st.inputPath)
		}
		in = v
	}
	th.note("input", th.raw)
	th.note("afterInputPath", in)
	if st.parameters != nil {
		eff, f := th.eval(in).apply(st.parameters)
		if f == nil {
			th.note("afterParameters", eff)
		}
		return eff, f
	}
	th.note("afterParameters", in)
	return in, nil
}

// result finishes a state that produced res: ResultSelector, Assign,
// ResultPath, OutputPath, then the exit.
func (th *thread) result(res any) {
	st := th.st
	if st.jn != nil {
		th.jfinish(res, true, st.next)
		return
	}
	if st.typ == "Task" || st.hasResult {
		th.note("result", res)
	}
	if st.resultSelector != nil {
		var f *failure
		if res, f = th.eval(res).apply(st.resultSelector); f != nil {
			th.handle(f)
			return
		}
	}
	th.note("afterResultSelector", res)
	assigned, f := th.assign(st.assign, res)
	if f != nil {
		th.handle(f)
		return
	}
	if st.assign != nil {
		th.note("variables", th.vars)
	}
	out := res
	switch {
	case st.resultNull:
		out = th.raw
	case st.resultPath != nil:
		var ok bool
		if out, ok = st.resultPath.set(deepCopy(th.raw), res); !ok {
			th.handle(fail(errResultPathMatch, "Unable to apply ResultPath \"%s\" to input %s", st.resultPath.src, encodeJSON(th.raw)))
			return
		}
	}
	th.note("afterResultPath", out)
	th.exit(out, assigned)
}

// assign evaluates an Assign block over input and returns the variables
// it sets (applied at once to the thread's scope).
func (th *thread) assign(t *tmpl, input any) (map[string]any, *failure) {
	if t == nil {
		return nil, nil
	}
	v, f := th.eval(input).apply(t)
	if f != nil {
		return nil, f
	}
	m, _ := v.(map[string]any)
	vars := make(map[string]any, len(th.vars)+len(m))
	for k, x := range th.vars {
		vars[k] = x
	}
	for k, x := range m {
		vars[k] = x
	}
	th.vars = vars
	return m, nil
}

// exit applies OutputPath and leaves the state: to its Next, or the end
// of the thread.
func (th *thread) exit(out any, assigned map[string]any) {
	th.exitTo(out, assigned, th.st.next)
}

func (th *thread) exitTo(out any, assigned map[string]any, next string) {
	st := th.st
	switch {
	case st.outputNull:
		out = map[string]any{}
	case st.outputPath != nil:
		ev := th.eval(out)
		v, ok := ev.lookup(st.outputPath)
		if !ok {
			th.failThread(ev.invalidPath(st.outputPath))
			return
		}
		out = v
	}
	if len(encodeJSON(out)) > maxPayload {
		th.failThread(fail(errDataLimitExceeded, "The state/task '%s' returned a result with a size exceeding the maximum number of bytes service limit.", st.name))
		return
	}
	d := map[string]any{"name": st.name}
	if assigned != nil {
		av := map[string]any{}
		for _, k := range sortedKeys(assigned) {
			av[k] = encodeJSON(assigned[k])
		}
		d["assignedVariables"] = av
		d["assignedVariablesDetails"] = map[string]any{"truncated": false}
	}
	th.note("output", out)
	th.prev = th.ex.emit(th.prev, st.typ+"StateExited", "stateExitedEventDetails", payload(d, "output", out))
	th.gen++
	if next == "" || st.typ == "Succeed" {
		th.finishThread(out)
		return
	}
	th.ex.push(func() { th.enter(next, out) })
}

func (th *thread) finishThread(out any) {
	th.traceLeave(false)
	th.done = true
	delete(th.ex.threads, th)
	if th.fork != nil {
		th.fork.childDone(th, out)
		return
	}
	th.ex.finish(statusSucceeded, nil, out, th.prev)
}

func (th *thread) failThread(f *failure) {
	th.traceLeave(true)
	th.done = true
	th.gen++
	delete(th.ex.threads, th)
	if th.fork != nil {
		th.fork.childFailed(th, f)
		return
	}
	th.ex.finish(statusFailed, f, nil, th.prev)
}

// failState is a Fail state: its Error and Cause, or their paths.
func (th *thread) failState() {
	st := th.st
	f := &failure{Error: st.errorName, Cause: st.cause}
	ev := th.eval(th.raw)
	var bad *failure
	if st.errorPath != nil {
		f.Error, bad = ev.stringAt(st.errorPath, "ErrorPath")
	}
	if st.causePath != nil && bad == nil {
		f.Cause, bad = ev.stringAt(st.causePath, "CausePath")
	}
	if bad != nil {
		f = bad
	}
	th.failThread(f)
}

// stringAt reads a Fail state's ErrorPath or CausePath: a string.
func (ev *evaluator) stringAt(p *path, field string) (string, *failure) {
	v, ok := ev.lookup(p)
	if !ok {
		return "", ev.notFoundIn(p, field)
	}
	s, isStr := v.(string)
	if !isStr {
		return "", fail(errRuntime, "The %s '%s' did not resolve to a string", field, p.src)
	}
	return s, nil
}

// notFoundIn is States.Runtime for a path of field that matched nothing
// in the input, in AWS's words (test_base_scenarios test_invalid_jsonpath
// [INVALID_JSONPATH_IN_ERRORPATH], [..._CAUSEPATH], and the ".$" members).
func (ev *evaluator) notFoundIn(p *path, field string) *failure {
	return fail(errRuntime, "The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'",
		p.src, field, encodeJSON(ev.input))
}

// choose is a Choice state: the first rule that matches, else Default,
// else States.NoChoiceMatched.
func (th *thread) choose() {
	st := th.st
	eff, f := th.effectiveInput()
	if f != nil {
		th.failThread(f)
		return
	}
	ev := th.eval(eff)
	next, tpl := st.defaultNext, st.assign
	matched := false
	for _, r := range st.choices {
		if r.match(ev) {
			next, matched = r.next, true
			if r.assign != nil {
				tpl = r.assign
			}
			break
		}
	}
	if !matched && next == "" {
		th.failThread(fail(errNoChoiceMatched, "No Matches!"))
		return
	}
	assigned, f := th.assign(tpl, eff)
	if f != nil {
		th.failThread(f)
		return
	}
	th.exitTo(eff, assigned, next)
}

// wait is a Wait state: the thread sleeps on the cloud scheduler until
// its instant.
func (th *thread) wait(eff any) {
	st := th.st
	due := th.enteredAt.Add(time.Duration(st.seconds) * time.Second)
	switch {
	case st.hasTimestamp:
		due = st.timestamp
	case st.secondsPath != nil:
		v, ok := th.eval(eff).lookup(st.secondsPath)
		n, isInt := intValue(v)
		if !ok || !isInt || n < 0 {
			th.failThread(fail(errRuntime, "The SecondsPath parameter does not reference a valid non-negative integer: %s", st.secondsPath.src))
			return
		}
		due = th.enteredAt.Add(time.Duration(n) * time.Second)
	case st.timePath != nil:
		v, ok := th.eval(eff).lookup(st.timePath)
		s, _ := v.(string)
		t, err := parseTimestamp(s)
		if !ok || err != nil {
			th.failThread(fail(errRuntime, "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: %s", st.timePath.src))
			return
		}
		due = t
	}
	th.waitUntil(due, func() { th.exit(eff, nil) })
}

// waitUntil runs then at due on the cloud scheduler, unless the thread
// has moved on.
func (th *thread) waitUntil(due time.Time, then func()) {
	gen := th.gen
	th.timer = th.ex.svc.at(due, th.ex, func() {
		if th.gen == gen && !th.done {
			then()
		}
	})
}

// handle is a state's error handling: the first Retry that matches (while
// it has attempts left), else the first Catch, else the thread fails.
// States.Runtime and States.DataLimitExceeded are terminal.
func (th *thread) handle(f *failure) {
	st := th.st
	if f.Error == errRuntime || f.Error == errDataLimitExceeded {
		th.failThread(f)
		return
	}
	for i, r := range st.retry {
		if !matchesError(r.errors, f.Error) {
			continue
		}
		if th.attempts[i] >= r.maxAttempts {
			break
		}
		delay := r.delay(th.attempts[i], th.ex.rng)
		th.attempts[i]++
		th.retries++
		th.gen++
		gen := th.gen
		th.timer = th.ex.svc.at(th.ex.svc.env.Clock.Now().Add(delay), th.ex, func() {
			if th.gen == gen && !th.done {
				th.run()
			}
		})
		return
	}
	for _, c := range st.catch {
		if matchesError(c.errors, f.Error) {
			th.caught(c, f)
			return
		}
	}
	th.failThread(f)
}

func (th *thread) caught(c *catcher, f *failure) {
	if c.jn != nil {
		th.jcaught(c, f)
		return
	}
	if th.ex.trace != nil {
		th.ex.caughtErr = f
	}
	errOut := map[string]any{"Error": f.Error, "Cause": f.Cause}
	assigned, af := th.assign(c.assign, errOut)
	if af != nil {
		th.failThread(af)
		return
	}
	out := any(errOut)
	switch {
	case c.resultNull:
		out = th.raw
	case c.resultPath != nil:
		var ok bool
		if out, ok = c.resultPath.set(deepCopy(th.raw), errOut); !ok {
			th.failThread(fail(errResultPathMatch, "Unable to apply ResultPath \"%s\" to input %s", c.resultPath.src, encodeJSON(th.raw)))
			return
		}
	}
	d := map[string]any{"name": th.st.name}
	if assigned != nil {
		av := map[string]any{}
		for k, v := range assigned {
			av[k] = encodeJSON(v)
		}
		d["assignedVariables"] = av
		d["assignedVariablesDetails"] = map[string]any{"truncated": false}
	}
	th.note("output", out)
	th.prev = th.ex.emit(th.prev, th.st.typ+"StateExited", "stateExitedEventDetails", payload(d, "output", out))
	th.gen++
	next := c.next
	th.ex.push(func() { th.enter(next, out) })
}

// matchesError reports whether an ErrorEquals list matches name:
// States.ALL matches every error, States.TaskFailed every error but
// States.Timeout.
func matchesError(list []string, name string) bool {
	if slices.Contains(list, name) || slices.Contains(list, errAll) {
		return true
	}
	return slices.Contains(list, errTaskFailed) && name != errTimeout
}

// delay is the wait before retry number attempt (0 for the first):
// IntervalSeconds × BackoffRate^attempt, at most MaxDelaySeconds, drawn
// uniformly between 0 and that with JitterStrategy FULL.
func (r *retrier) delay(attempt int, rng *rand.Rand) time.Duration {
	d := r.interval * math.Pow(r.backoff, float64(attempt))
	if r.maxDelay > 0 && d > r.maxDelay {
		d = r.maxDelay
	}
	if r.jitterFull {
		d *= rng.Float64()
	}
	if d > 1e9 {
		d = 1e9
	}
	return time.Duration(d * float64(time.Second)).Truncate(time.Millisecond)
}

func isoTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }
