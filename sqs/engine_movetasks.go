package sqs

import (
	"time"

	"github.com/awsfake/awsfake/internal/sched"
)

// moveTask is one message move task: where it moves from and to, at what
// rate, how far it got.
type moveTask struct {
	id, handle   string
	source, dest string
	rate         *int32
	status       string
	moved        int64
	toMove       int64
	started      int64 // epoch ms
	failure      string
	// next is when the next batch is due while the task runs; job runs it
	// on the cloud's scheduler, and a lookup that finds it due runs it
	// first (catchUp).
	next int64
	job  *sched.Job
}

// moveTasks holds the message move tasks of the service, the 10 most recent
// per source queue.
type moveTasks struct {
	byID     map[string]*moveTask
	bySource map[string][]*moveTask // oldest first
	running  []*moveTask            // in start order; tasks that stopped leave at the next runDue
}

func (t *moveTasks) init() {
	t.byID = map[string]*moveTask{}
	t.bySource = map[string][]*moveTask{}
}

func (t *moveTasks) add(task *moveTask) {
	t.byID[task.id] = task
	list := append(t.bySource[task.source], task)
	if len(list) > maxTaskList {
		delete(t.byID, list[0].id)
		list = list[1:]
	}
	t.bySource[task.source] = list
}

func (t *moveTasks) stopAll() {
	for _, task := range t.running {
		task.cancelJob()
	}
	t.running = nil
}

func (t *moveTask) cancelJob() {
	if t.job != nil {
		t.job.Cancel()
		t.job = nil
	}
}

// taskHandle encodes a task's id and source, as AWS's handles do.
type taskHandle struct {
	TaskID    string `json:"taskId"`
	SourceArn string `json:"sourceArn"`
}

// catchUp runs the move task batches due by now: every lookup calls it,
// so that no operation sees a task, or the queues it moves between, behind
// the clock. What the batches make receivable is announced as an
// operation's effects are: long polls are woken under the lock, notifiers
// are called on the cloud's scheduler. It runs under the lock.
func (s *Service) catchUp(now int64) {
	if len(s.tasks.running) == 0 || s.closed {
		return
	}
	var e effects
	s.runDue(now, &e)
	if fns := s.done(&e); len(fns) > 0 {
		s.env.Sched.Run(func(time.Time) {
			for _, fn := range fns {
				fn()
			}
		})
	}
}

// runDue moves every batch due by now, in the order they fell due (then in
// start order), and keeps one scheduler job per running task at its next
// batch. It runs under the lock.
func (s *Service) runDue(now int64, e *effects) {
	for {
		var due *moveTask
		for _, t := range s.tasks.running {
			if t.status == taskRunning && t.next <= now && (due == nil || t.next < due.next) {
				due = t
			}
		}
		if due == nil {
			break
		}
		s.moveBatch(due, e)
	}
	kept := s.tasks.running[:0]
	for _, t := range s.tasks.running {
		if t.status != taskRunning {
			t.cancelJob()
			continue
		}
		kept = append(kept, t)
		s.schedule(t)
	}
	clear(s.tasks.running[len(kept):])
	s.tasks.running = kept
}

// schedule keeps t's job on the cloud's scheduler at its next batch.
func (s *Service) schedule(t *moveTask) {
	if t.job != nil && t.job.Due().UnixNano() == t.next {
		return
	}
	t.cancelJob()
	if s.closed {
		return
	}
	t.job = s.env.Sched.At(unixNano(t.next), func(time.Time) {
		s.mu.Lock()
		var e effects
		if !s.closed {
			s.runDue(s.now(), &e)
		}
		s.unlock(&e)
	})
}

// moveBatch moves the task's batch due at t.next and sets when the next is
// due, or ends the task. It runs under the lock.
func (s *Service) moveBatch(t *moveTask, e *effects) {
	now := t.next
	src := s.findByARN(t.source)
	if src == nil {
		t.status, t.failure = taskFailed, newError(codeQueueDoesNotExist, "").LegacyCode()
		return
	}
	src.advance(now)
	batch := int64(-1)
	if t.rate != nil {
		batch = int64(*t.rate)
	}
	for n := int64(0); t.moved < t.toMove && n != batch; n++ {
		m := src.oldestVisible()
		if m == nil {
			break
		}
		to := t.dest
		if to == "" {
			to = m.dlqSource()
		}
		dst := s.findByARN(to)
		if dst == nil || dst.fifo != src.fifo {
			t.status, t.failure = taskFailed, newError(codeQueueDoesNotExist, "").LegacyCode()
			return
		}
		src.remove(m)
		m.receives, m.firstReceivedAt, m.enqueuedAt = 0, 0, now
		if m.extra != nil {
			m.extra.dlqSource = ""
		}
		dst.enqueue(m, now, 0)
		e.wake(dst)
		t.moved++
	}
	if t.moved >= t.toMove || src.oldestVisible() == nil {
		t.status = taskCompleted
		return
	}
	t.next = now + int64(moveBatchTick)
}
