package stepfn

import (
	"encoding/base64"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
)

// waitSuffix is the integration pattern of a task that waits for its
// token.
const waitSuffix = ".waitForTaskToken"

// waiter is a Task state waiting for its token: a .waitForTaskToken
// integration, or an activity task. Tokens stay known after their task
// ended, so that a late SendTask* answers TaskTimedOut, as AWS's
// "Provided task does not exist anymore".
type waiter struct {
	token     string
	th        *thread
	gen       uint64
	ig        integration
	act       *activity // nil for .waitForTaskToken
	input     string    // the activity task's input
	heartbeat time.Duration
	// started is set once the integration's call answered (TaskSubmitted)
	// or a worker took the activity task; heartbeats count from then.
	started bool
	pending func() // an outcome sent before the call answered
}

// live reports whether the task still waits for its token.
func (w *waiter) live() bool { return w.th.gen == w.gen && !w.th.done && !w.th.ex.closed() }

// waitsForToken reports whether a Task's Resource hands out a token: an
// activity or a .waitForTaskToken integration.
func waitsForToken(res string) bool {
	return strings.HasSuffix(res, waitSuffix) || isActivityARN(res)
}

func isActivityARN(res string) bool {
	a, err := arn.Parse(res)
	return err == nil && a.Service == arnService && strings.HasPrefix(a.Resource, "activity:")
}

// newToken draws a task token: opaque, unique in the cloud, of the length
// AWS's are.
func (s *Service) newToken() string {
	raw := "AQ" + strings.ReplaceAll(s.env.IDs.UUID()+s.env.IDs.UUID()+s.env.IDs.UUID(), "-", "")
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// heartbeatOf is the state's HeartbeatSeconds, or its HeartbeatSecondsPath.
func (th *thread) heartbeatOf(eff any) (time.Duration, *failure) {
	st := th.st
	if st.jn != nil && st.jn.heartbeat != nil {
		return th.jduration(st.jn.heartbeat)
	}
	if st.heartbeatPath != nil {
		ev := th.eval(eff)
		v, ok := ev.lookup(st.heartbeatPath)
		if !ok {
			return 0, ev.invalidPath(st.heartbeatPath)
		}
		n, isInt := intValue(v)
		if !isInt || n < 1 {
			return 0, fail(errRuntime, "The HeartbeatSecondsPath parameter does not reference a valid positive integer: %s", st.heartbeatPath.src)
		}
		return time.Duration(n) * time.Second, nil
	}
	return time.Duration(st.heartbeatSeconds) * time.Second, nil
}

// register records the waiter of the thread's current task under its
// token.
func (th *thread) register(ig integration, hb time.Duration) *waiter {
	w := &waiter{token: th.token, th: th, gen: th.gen, ig: ig, heartbeat: hb}
	th.ex.svc.tokens[w.token] = w
	return w
}

// beat arms (again) the waiter's heartbeat timer, from now.
func (w *waiter) beat() {
	th := w.th
	cancel(th.hbTimer)
	if w.heartbeat <= 0 || !w.started {
		return
	}
	svc := th.ex.svc
	th.hbTimer = svc.at(svc.env.Clock.Now().Add(w.heartbeat), th.ex, func() {
		if w.live() {
			w.timedOut()
		}
	})
}

// timedOut ends the task for its timeout or a missed heartbeat: both are
// States.Timeout in AWS's histories.
func (w *waiter) timedOut() {
	th := w.th
	cancel(th.taskTimer)
	cancel(th.hbTimer)
	if w.act != nil {
		w.act.drop(w)
		th.prev = th.ex.emit(th.prev, "ActivityTimedOut", "activityTimedOutEventDetails", map[string]any{"error": errTimeout})
		th.gen++
		if !th.ex.closed() {
			th.handle(&failure{Error: errTimeout})
		}
		return
	}
	th.taskFailed(w.ig, &failure{Error: errTimeout}, true)
}

// submitted is the answer of a .waitForTaskToken call that succeeded:
// TaskSubmitted, then the heartbeats count, and an outcome already sent
// applies.
func (w *waiter) submitted(out any) {
	th := w.th
	th.prev = th.ex.emit(th.prev, "TaskSubmitted", "taskSubmittedEventDetails",
		payload(map[string]any{"resourceType": w.ig.resourceType, "resource": w.ig.resource}, "output", out))
	w.started = true
	if th.ex.closed() {
		return
	}
	if w.pending != nil {
		fn := w.pending
		w.pending = nil
		fn()
		return
	}
	w.beat()
}

// succeed ends the task with the output a SendTaskSuccess sent.
func (w *waiter) succeed(out any) {
	th := w.th
	cancel(th.taskTimer)
	cancel(th.hbTimer)
	if w.act == nil {
		th.taskSucceeded(w.ig, out)
		return
	}
	th.prev = th.ex.emit(th.prev, "ActivitySucceeded", "activitySucceededEventDetails", payload(map[string]any{}, "output", out))
	if !th.ex.closed() {
		th.result(out)
	}
}

// failWith ends the task with the error a SendTaskFailure sent.
func (w *waiter) failWith(f *failure) {
	th := w.th
	cancel(th.taskTimer)
	cancel(th.hbTimer)
	if w.act == nil {
		th.taskFailed(w.ig, f, false)
		return
	}
	th.prev = th.ex.emit(th.prev, "ActivityFailed", "activityFailedEventDetails", errorDetail(f))
	th.gen++
	if !th.ex.closed() {
		th.handle(f)
	}
}

// activityTask runs a Task whose Resource is an activity: ActivityScheduled,
// then the task waits for a worker's GetActivityTask.
func (th *thread) activityTask(eff any, timeout, hb time.Duration) {
	st, ex := th.st, th.ex
	act := ex.svc.activityByARN(st.resource)
	if act == nil {
		th.handle(fail(errRuntime, "An error occurred while executing the state '%s' (entered at the event id #%d). The activity %s does not exist.",
			st.name, th.enteredID, st.resource))
		return
	}
	d := payload(map[string]any{"resource": st.resource}, "input", eff)
	if timeout > 0 {
		d["timeoutInSeconds"] = int(timeout / time.Second)
	}
	if hb > 0 {
		d["heartbeatInSeconds"] = int(hb / time.Second)
	}
	th.prev = ex.emit(th.prev, "ActivityScheduled", "activityScheduledEventDetails", d)
	if ex.closed() {
		return
	}
	th.gen++
	w := th.register(integration{}, hb)
	w.act, w.input = act, encodeJSON(eff)
	if timeout > 0 {
		th.taskTimer = ex.svc.at(ex.svc.env.Clock.Now().Add(timeout), ex, func() {
			if w.live() {
				w.timedOut()
			}
		})
	}
	act.offer(w)
}

// start hands the activity task to a worker: ActivityStarted, then the
// heartbeats count.
func (w *waiter) start(worker string) {
	th := w.th
	d := map[string]any{}
	if worker != "" {
		d["workerName"] = worker
	}
	th.prev = th.ex.emit(th.prev, "ActivityStarted", "activityStartedEventDetails", d)
	w.started = true
	w.beat()
}
