package stepfn

import "time"

// The interpreter's JSONata branch: run dispatches a state whose jn is
// set here; result, caught, the Task's timeouts and a Map iteration's
// ItemSelector come back here through their dispatch points.

// jstates is $states for the current state: input, context, and the
// result or errorOutput when there is one.
func (th *thread) jstates(extra string, v any) map[string]any {
	s := map[string]any{"input": toJSONata(th.raw), "context": toJSONata(th.jcontext())}
	if extra != "" {
		s[extra] = toJSONata(v)
	}
	return s
}

// jcontext is $states.context: the context object, without State's
// RetryCount before a retry (as recorded: test_arguments.py::
// test_base_cases[BASE_EXPR] and TestState's test_state_with_variables).
func (th *thread) jcontext() map[string]any {
	c := th.context()
	if st, ok := c["State"].(map[string]any); ok && th.retries == 0 {
		delete(st, "RetryCount")
	}
	return c
}

// jvars are the bindings of an evaluation: the functions, the workflow
// variables, and $states.
func (th *thread) jvars(states map[string]any) map[string]any {
	fns := th.ex.jsonataFuncs()
	m := make(map[string]any, len(fns)+len(th.vars)+1)
	for k, v := range fns {
		m[k] = v
	}
	for k, v := range th.vars {
		m[k] = toJSONata(v)
	}
	m["states"] = states
	return m
}

// runJSONata does a JSONata state's work.
func (th *thread) runJSONata() {
	st := th.st
	th.note("input", th.raw)
	if len(th.vars) > 0 {
		th.note("variables", th.vars) // as recorded: the variables the state reads
	}
	switch st.typ {
	case "Fail":
		th.jfailState()
	case "Choice":
		th.jchoose()
	case "Pass", "Succeed":
		th.jfinish(nil, false, st.next)
	case "Wait":
		th.jwait()
	case "Task", "Parallel":
		if st.typ == "Task" && waitsForToken(st.resource) {
			th.token = th.ex.svc.newToken()
		}
		args := th.raw
		if st.jn.arguments != nil {
			var e *jerr
			if args, e = st.jn.arguments.eval(th.jvars(th.jstates("", nil))); e != nil {
				th.jfailed(e)
				return
			}
		}
		if st.typ == "Task" {
			th.task(args)
		} else {
			th.parallel(args)
		}
	case "Map":
		th.jmapItems()
	}
}

// jfinish ends a state: Assign, then Output (the result for Task,
// Parallel and Map, else the input, when there is no Output), both over
// the variables as they were on entering the state; then the new
// variables take effect and the state exits to next.
func (th *thread) jfinish(res any, hasResult bool, next string) {
	jn := th.st.jn
	if !hasResult {
		th.jleave(jn.assign, jn.output, th.jstates("", nil), th.raw, next)
		return
	}
	if th.st.typ == "Task" {
		th.note("result", res)
	}
	th.jleave(jn.assign, jn.output, th.jstates("result", res), res, next)
}

// jleave evaluates assign and output with states bound (out when
// output is nil) and exits to next.
func (th *thread) jleave(assign, output *jtmpl, states map[string]any, out any, next string) {
	vars := th.jvars(states)
	var assigned map[string]any
	if assign != nil {
		v, e := assign.eval(vars)
		if e != nil {
			th.jfailed(e)
			return
		}
		assigned, _ = v.(map[string]any)
	}
	if output != nil {
		var e *jerr
		if out, e = output.eval(vars); e != nil {
			th.jfailed(e)
			return
		}
	}
	if assigned != nil {
		th.vars = mergeVars(th.vars, assigned)
		th.note("variables", th.vars)
	}
	th.exitTo(out, assigned, next)
}

// mergeVars returns vars with set applied, sharing nothing with vars.
func mergeVars(vars, set map[string]any) map[string]any {
	out := make(map[string]any, len(vars)+len(set))
	for k, x := range vars {
		out[k] = x
	}
	for k, x := range set {
		out[k] = x
	}
	return out
}

// jfailure is e as the state's failure: States.QueryEvaluationError,
// its cause prefixed as AWS's are.
func (th *thread) jfailure(e *jerr) *failure {
	return fail(errQueryEvaluation, "An error occurred while executing the state '%s' (entered at the event id #%d). %s",
		th.st.name, th.enteredID, e.msg)
}

// jevent records the EvaluationFailed event of e, after the event the
// state was entered after (as the recordings show; a Wait's follows its
// Entered), and returns the failure.
func (th *thread) jevent(e *jerr) *failure {
	f := th.jfailure(e)
	ex := th.ex
	prev := th.prev
	if i := th.enteredID - 1; th.st.typ != "Wait" && i >= 0 && i < int64(len(ex.events)) {
		prev = ex.events[i].prev // a Wait's points to its Entered
	}
	d := map[string]any{"error": f.Error, "cause": f.Cause, "state": th.st.name}
	if e.location != "" {
		d["location"] = e.location
	}
	th.prev = ex.emit(prev, "EvaluationFailed", "evaluationFailedEventDetails", d)
	return f
}

// jfailed is an evaluation failure of the current state: the event,
// then the state's Retry and Catch (the error is not terminal).
func (th *thread) jfailed(e *jerr) {
	f := th.jevent(e)
	if !th.ex.closed() {
		th.handle(f)
	}
}

// jmapFailed is an evaluation failure of a Map before its iterations
// start: EvaluationFailed, then MapStateFailed, as recorded.
func (th *thread) jmapFailed(e *jerr) {
	f := th.jevent(e)
	if th.ex.closed() {
		return
	}
	th.prev = th.ex.emit(th.prev, "MapStateFailed", "", nil)
	th.handle(f)
}

// jcaught is a JSONata catcher: $states.errorOutput, Assign and Output
// (the error output when there is none).
func (th *thread) jcaught(c *catcher, f *failure) {
	if th.ex.trace != nil {
		th.ex.caughtErr = f
	}
	errOut := map[string]any{"Error": f.Error, "Cause": f.Cause}
	th.jleave(c.jn.assign, c.jn.output, th.jstates("errorOutput", errOut), errOut, c.next)
}

// jduration evaluates a Task's TimeoutSeconds or HeartbeatSeconds
// expression: a positive integer.
func (th *thread) jduration(t *jtmpl) (time.Duration, *failure) {
	v, e := t.eval(th.jvars(th.jstates("", nil)))
	if e == nil {
		n, ok := intValue(v)
		if ok && n >= 1 && n <= 99999999 {
			return time.Duration(n) * time.Second, nil
		}
		e = unexpected(t, "positive integer", v)
	}
	return 0, th.jevent(e)
}
