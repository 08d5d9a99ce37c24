package stepfn

import (
	"time"

	"github.com/awsfake/awsfake/internal/arn"
)

// Map Run statuses.
const (
	runRunning   = "RUNNING"
	runSucceeded = "SUCCEEDED"
	runFailed    = "FAILED"
	runAborted   = "ABORTED"
)

// mapRun is one run of a Distributed Map: each item is a child
// execution of the Map's ItemProcessor, at most maxConc at a time.
type mapRun struct {
	arn, execARN, machineARN string
	th                       *thread
	cfg                      *distConfig
	items, results           []any
	units                    []unit // the children's items, in order
	input                    any    // the Map's effective input, for ItemSelector
	children                 []*execution
	running                  map[*execution]bool
	start, stop              time.Time
	status                   string
	maxConc                  int
	tolCount                 int
	tolPct                   float64
	countSet, pctSet         bool         // a count or a percentage is tolerated
	seq                      uint64       // the order of starts, for ListMapRuns
	started, startedItems    int          // children and items started
	execN, itemN             MapRunCounts // the ended children and their items, by status
	startID, runID           int64        // MapStateStarted, MapRunStarted
	writing                  bool         // the ResultWriter is writing: nothing more starts
}

// startMapRun starts the Map Run of th's Distributed Map over list:
// MapStateStarted (the length of list: 0 when an ItemReader reads the
// items), MapRunStarted with the run's ARN, then the child executions
// (test_base_scenarios.py::TestBaseScenarios::test_map_item_reader_base_csv_headers_first_line,
// test_map_state_result_writer).
func (th *thread) startMapRun(eff any, list []any, max int) {
	ex, d := th.ex, th.st.dist
	a, _ := arn.Parse(ex.arn)
	label := d.label
	if label == "" {
		label = ex.svc.env.IDs.UUID()
	}
	mname := ex.machine.name + "/" + label
	r := &mapRun{th: th, cfg: d, items: list, results: make([]any, len(list)), input: eff,
		running: map[*execution]bool{}, start: ex.svc.env.Clock.Now(), status: runRunning,
		maxConc: max, tolCount: d.tolCount, tolPct: d.tolPct, countSet: d.countSet, pctSet: d.pctSet,
		execARN: ex.arn, seq: ex.svc.nextSeq(),
		arn:        arn.Build(a.Partition, arnService, a.Region, a.Account, "mapRun:"+mname+":"+ex.svc.env.IDs.UUID()),
		machineARN: arn.Build(a.Partition, arnService, a.Region, a.Account, "stateMachine:"+mname)}
	ex.svc.addMapRun(a.Account, a.Region, r)
	th.child = &fork{parent: th, run: r, children: map[*thread]bool{}}
	r.startID = ex.emit(th.prev, "MapStateStarted", "mapStateStartedEventDetails", map[string]any{"length": len(list)})
	r.runID = ex.emit(r.startID, "MapRunStarted", "mapRunStartedEventDetails", map[string]any{"mapRunArn": r.arn})
	th.prev = r.runID
	if d.reader != nil {
		r.readItems()
		return
	}
	r.begin()
}

// unit is the items of one child: n from first.
type unit struct{ first, n int }

// begin groups the items into the children's units (one item each, or
// the ItemBatcher's batches) and starts the first children.
func (r *mapRun) begin() {
	if b := r.cfg.batcher; b != nil {
		r.units = b.batches(r.items)
	} else {
		r.units = make([]unit, len(r.items))
		for i := range r.items {
			r.units[i] = unit{i, 1}
		}
	}
	r.results = make([]any, len(r.units))
	r.fill()
}

// fill starts child executions while the concurrency allows; with none
// left to start and none running, the run succeeds.
func (r *mapRun) fill() {
	if r.writing {
		return
	}
	for r.status == runRunning && r.started < len(r.units) {
		if r.maxConc > 0 && len(r.running) >= r.maxConc {
			return
		}
		i := r.started
		r.started++
		r.startedItems += r.units[i].n
		r.startChild(i)
	}
	if r.status == runRunning && r.started == len(r.units) && len(r.running) == 0 {
		r.succeed()
	}
}

// startChild starts the child execution of unit u: its input is the
// item (or the ItemSelector's value with $$.Map.Item), or the batch.
func (r *mapRun) startChild(u int) {
	th := r.th
	ex := th.ex
	s := ex.svc
	input, fl := r.childInput(r.units[u])
	if fl != nil {
		r.fail(fl)
		return
	}
	i := u
	a, _ := arn.Parse(r.machineARN)
	name := s.env.IDs.UUID()
	exARN := arn.Build(a.Partition, arnService, a.Region, a.Account, "execution:"+a.Resource[len("stateMachine:"):]+":"+name)
	if r.cfg.express {
		exARN = arn.Build(a.Partition, arnService, a.Region, a.Account, "express:"+a.Resource[len("stateMachine:"):]+":"+name+":"+s.env.IDs.UUID())
	}
	child := &execution{svc: s, arn: exARN, name: name, machine: ex.machine, machineARN: r.machineARN,
		prog: th.st.processor, definition: ex.definition, roleARN: ex.roleARN, express: r.cfg.express, status: statusRunning,
		input: encodeJSON(input), start: s.env.Clock.Now(), rng: newRand(s.rng.Uint64()),
		threads: map[*thread]bool{}, done: make(chan struct{}), mocks: ex.mocks, mockCalls: map[string]int{}, mapRun: r}
	if !child.express {
		s.part(a.Account, a.Region, true).executions[exARN] = child
	}
	child.seq = s.nextSeq()
	r.children = append(r.children, child)
	r.running[child] = true
	child.watchers = append(child.watchers, func() {
		ex.push(func() { r.childClosed(i, child) })
		ex.drive()
	})
	child.begin(input)
}

// childInput is the input of the child of unit un.
func (r *mapRun) childInput(un unit) (any, *failure) {
	b := r.cfg.batcher
	if b == nil {
		return r.selectItem(un.first)
	}
	items := make([]any, un.n)
	for k := range items {
		v, fl := r.selectItem(un.first + k)
		if fl != nil {
			return nil, fl
		}
		items[k] = v
	}
	return b.input(r.th, r.input, items)
}

// selectItem is item i through the ItemSelector, with $$.Map.Item.
func (r *mapRun) selectItem(i int) (any, *failure) {
	th := r.th
	sel := &thread{ex: th.ex, st: th.st, vars: th.vars, item: map[string]any{"Index": jsonInt(i), "Value": r.items[i]}}
	if jn := th.st.jn; jn != nil && jn.itemSelector != nil {
		return th.jselectItem(sel, r.input)
	}
	if th.st.itemSelector != nil {
		ev := th.eval(r.input)
		ev.th = sel
		return ev.apply(th.st.itemSelector)
	}
	return deepCopy(r.items[i]), nil
}

// childClosed counts child i's end; a failure beyond the tolerated
// ones fails the run.
func (r *mapRun) childClosed(i int, child *execution) {
	if r.status != runRunning || !r.running[child] {
		return
	}
	delete(r.running, child)
	r.count(child.status, r.units[i].n)
	if child.status == statusSucceeded {
		r.results[i], _ = decodeJSON(*child.output)
	} else {
		r.results[i] = errorOutput(child.fail)
		if r.checkTolerance() {
			return
		}
	}
	r.fill()
}

// checkTolerance fails the run if its failures exceed what it
// tolerates, and tells whether it did.
func (r *mapRun) checkTolerance() bool {
	if !r.exceeded() {
		return false
	}
	fl := &failure{Error: errToleratedFailure, Cause: "The specified tolerance threshold was exceeded."}
	if r.cfg.writer == nil {
		r.fail(fl)
		return true
	}
	r.abortChildren() // the results so far are written, then the run fails
	r.writing = true
	r.write(func(_ any, wfl *failure) {
		if wfl != nil {
			fl = wfl
		}
		r.fail(fl)
	})
	return true
}

// count adds a child of n items that ended in status; the results
// written are those of the children that did not abort, as recorded
// (test_sfn_api_map_run.py::TestSnfApiMapRun::test_list_map_runs_and_describe_map_run).
func (r *mapRun) count(status string, n int) {
	for _, c := range []struct {
		m *MapRunCounts
		w int
	}{{&r.execN, 1}, {&r.itemN, n}} {
		switch status {
		case statusSucceeded:
			c.m.Succeeded += c.w
		case statusAborted:
			c.m.Aborted += c.w
		case statusTimedOut:
			c.m.TimedOut += c.w
		default:
			c.m.Failed += c.w
		}
		if status != statusAborted {
			c.m.ResultsWritten += c.w
		}
	}
}

// unitOf is the unit of child c.
func (r *mapRun) unitOf(c *execution) unit {
	for i, x := range r.children {
		if x == c {
			return r.units[i]
		}
	}
	return unit{}
}

// errorOutput is a failed item's place in the results: its Error and
// Cause.
func errorOutput(f *failure) any {
	if f == nil {
		return map[string]any{}
	}
	return map[string]any{"Error": f.Error, "Cause": f.Cause}
}

// exceeded tells whether the failed, timed out and aborted children
// exceed what the run tolerates: by default none; with a count, more
// than it; with a percentage, more than that share of the items (the
// run fails when either is exceeded, as the Map state's documentation
// says).
func (r *mapRun) exceeded() bool {
	bad := r.itemN.Failed + r.itemN.TimedOut + r.itemN.Aborted
	if !r.countSet && !r.pctSet {
		return bad > 0
	}
	if r.countSet && bad > r.tolCount {
		return true
	}
	return r.pctSet && float64(bad)*100 > r.tolPct*float64(len(r.items))
}

// succeed ends the run: MapRunSucceeded, MapStateSucceeded, and the
// results in the items' order as the Map's result.
func (r *mapRun) succeed() {
	if r.cfg.writer == nil {
		r.succeedWith(r.results)
		return
	}
	r.writing = true
	r.write(func(out any, fl *failure) {
		if fl != nil {
			r.fail(fl)
			return
		}
		r.succeedWith(out)
	})
}

func (r *mapRun) succeedWith(out any) {
	th := r.th
	r.end(runSucceeded)
	id := th.ex.emit(r.runID, "MapRunSucceeded", "", nil)
	th.ex.emit(id, "MapStateSucceeded", "", nil)
	th.prev = id
	th.child = nil
	th.result(out)
}

// fail ends the run with fl: the running children are aborted,
// MapRunFailed, MapStateFailed, and the Map's Retry and Catch see fl.
func (r *mapRun) fail(fl *failure) {
	th := r.th
	r.abortChildren()
	r.end(runFailed)
	id := th.ex.emit(th.ex.lastID(), "MapRunFailed", "mapRunFailedEventDetails", errorDetail(fl))
	th.prev = th.ex.emit(id, "MapStateFailed", "", nil)
	th.child = nil
	th.handle(fl)
}

func (r *mapRun) end(status string) {
	r.status = status
	r.stop = r.th.ex.svc.env.Clock.Now()
}

// abort ends a run whose execution stopped or failed elsewhere.
func (r *mapRun) abort() {
	if r.status != runRunning {
		return
	}
	r.abortChildren()
	r.end(runAborted)
}

func (r *mapRun) abortChildren() {
	for c := range r.running {
		delete(r.running, c)
		r.count(statusAborted, r.unitOf(c).n)
		c.finish(statusAborted, &failure{}, nil, 0)
	}
}

// addMapRun records r in its partition.
func (s *Service) addMapRun(account, region string, r *mapRun) {
	p := s.part(account, region, true)
	if p.mapRuns == nil {
		p.mapRuns = map[string]*mapRun{}
	}
	p.mapRuns[r.arn] = r
}
