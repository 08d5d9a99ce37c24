package stepfn

import (
	"encoding/json"
	"strconv"
)

// fork is a Parallel's branches or a Map's iterations, run by child
// threads of the state's thread.
type fork struct {
	parent   *thread
	isMap    bool
	progs    []*program // Parallel: one per branch
	items    []any      // Map: the items
	input    any        // the state's effective input
	results  []any
	children map[*thread]bool
	started  int
	pending  int
	max      int
	failed   bool
	startID  int64   // ParallelStateStarted or MapStateStarted
	lastEnd  int64   // the last event of the child that finished last
	lastDone int64   // the last MapIterationSucceeded
	run      *mapRun // a Distributed Map's run (distmap_run.go)
}

func jsonInt(n int) json.Number { return json.Number(strconv.Itoa(n)) }

// parallel starts every branch on a copy of the input.
func (th *thread) parallel(eff any) {
	if th.mockedFork() {
		return
	}
	f := &fork{parent: th, progs: th.st.branches, input: eff, children: map[*thread]bool{}}
	th.child = f
	f.startID = th.ex.emit(th.prev, "ParallelStateStarted", "", nil)
	th.prev = f.startID
	f.results = make([]any, len(f.progs))
	f.pending = len(f.progs)
	for i, p := range f.progs {
		f.start(i, p, deepCopy(eff), nil, f.startID)
	}
	f.started = len(f.progs)
}

// mapItems starts a Map's iterations, at most MaxConcurrency at a time.
func (th *thread) mapItems(eff any) {
	st := th.st
	if st.dist != nil && st.dist.reader != nil {
		th.startMapRun(eff, nil, st.maxConcurrency) // the items come from S3 (distmap_reader.go)
		return
	}
	items := eff
	if st.itemsPath != nil {
		ev := th.eval(eff)
		v, ok := ev.lookup(st.itemsPath)
		if !ok {
			th.failThread(ev.invalidPath(st.itemsPath))
			return
		}
		items = v
	}
	list, ok := items.([]any)
	if !ok {
		th.failThread(fail(errRuntime, "Map state input must be an array, but was %s", jsonType(items)))
		return
	}
	th.startMap(eff, list, st.maxConcurrency)
}

// startMap starts the iterations of a Map over list, at most max at a
// time (0: no limit); eff is the state's effective input.
func (th *thread) startMap(eff any, list []any, max int) {
	if th.mockedFork() {
		return
	}
	if th.st.dist != nil {
		th.startMapRun(eff, list, max)
		return
	}
	f := &fork{parent: th, isMap: true, items: list, input: eff, children: map[*thread]bool{},
		results: make([]any, len(list)), pending: len(list), max: max}
	th.child = f
	f.startID = th.ex.emit(th.prev, "MapStateStarted", "mapStateStartedEventDetails", map[string]any{"length": len(list)})
	th.prev = f.startID
	f.lastDone = f.startID
	if len(list) == 0 {
		f.succeed()
		return
	}
	f.fill()
}

// fill starts iterations while the concurrency allows.
func (f *fork) fill() {
	for f.started < len(f.items) && !f.failed {
		if f.max > 0 && len(f.children) >= f.max {
			return
		}
		i := f.started
		f.started++
		f.startIteration(i)
	}
}

// startIteration queues iteration i: when it runs, MapIterationStarted,
// then its first state.
func (f *fork) startIteration(i int) {
	th := f.parent
	ex := th.ex
	vars := copyVars(th.vars)
	child := ex.newThread(th.st.processor, f, i, vars, 0)
	child.item = map[string]any{"Index": jsonInt(i), "Value": f.items[i]}
	f.children[child] = true
	ex.push(func() {
		if child.done || f.failed {
			return
		}
		prev := f.startID
		if f.lastEnd != 0 {
			prev = f.lastEnd
		}
		child.prev = ex.emit(prev, "MapIterationStarted", "mapIterationStartedEventDetails", map[string]any{"index": i, "name": th.st.name})
		input := deepCopy(f.items[i])
		if jn := th.st.jn; jn != nil && jn.itemSelector != nil {
			v, fl := th.jselectItem(child, f.input)
			if fl != nil {
				f.fail(child, fl)
				return
			}
			input = v
		} else if th.st.itemSelector != nil {
			ev := th.eval(f.input)
			ev.th = child
			v, fl := ev.apply(th.st.itemSelector)
			if fl != nil {
				f.fail(child, fl)
				return
			}
			input = v
		}
		child.enter(th.st.processor.startAt, input)
	})
}

func copyVars(v map[string]any) map[string]any {
	out := make(map[string]any, len(v))
	for k, x := range v {
		out[k] = x
	}
	return out
}

// start runs child i of the fork on program p.
func (f *fork) start(i int, p *program, input any, item map[string]any, prev int64) {
	ex := f.parent.ex
	vars := make(map[string]any, len(f.parent.vars))
	for k, v := range f.parent.vars {
		vars[k] = v
	}
	th := ex.newThread(p, f, i, vars, prev)
	th.item = item
	f.children[th] = true
	ex.push(func() {
		if !th.done {
			th.enter(p.startAt, input)
		}
	})
}

func (f *fork) childDone(th *thread, out any) {
	if f.failed {
		return
	}
	delete(f.children, th)
	f.results[th.index] = out
	f.pending--
	f.lastEnd = th.prev
	ex := f.parent.ex
	if f.isMap {
		f.lastDone = ex.emit(th.prev, "MapIterationSucceeded", "mapIterationSucceededEventDetails",
			map[string]any{"index": th.index, "name": f.parent.st.name})
	}
	if f.pending == 0 {
		f.succeed()
		return
	}
	if f.isMap {
		f.fill()
	}
}

func (f *fork) succeed() {
	th := f.parent
	th.child = nil
	if f.isMap {
		th.ex.emit(f.lastDone, "MapStateSucceeded", "", nil)
		th.prev = f.lastDone
	} else {
		th.ex.emit(f.lastEnd, "ParallelStateSucceeded", "", nil)
		th.prev = f.lastEnd
	}
	th.result(f.results)
}

func (f *fork) childFailed(th *thread, fl *failure) { f.fail(th, fl) }

// fail ends the fork with the failing child's own error: the other
// children stop, and the state's Retry and Catch see the error.
func (f *fork) fail(child *thread, fl *failure) {
	if f.failed {
		return
	}
	f.failed = true
	p := f.parent
	prev := p.prev
	if child != nil {
		prev = child.prev
		delete(f.children, child)
		if f.isMap {
			p.ex.emit(child.prev, "MapIterationFailed", "mapIterationFailedEventDetails",
				map[string]any{"index": child.index, "name": p.st.name})
		}
	}
	f.stopChildren()
	p.child = nil
	typ := "ParallelStateFailed"
	if f.isMap {
		typ = "MapStateFailed"
	}
	p.prev = p.ex.emit(prev, typ, "", nil)
	p.handle(fl)
}

func (f *fork) stopChildren() {
	if f.run != nil {
		f.run.abort()
	}
	for c := range f.children {
		c.stop()
		delete(c.ex.threads, c)
	}
	f.children = map[*thread]bool{}
}
