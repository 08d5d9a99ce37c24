package sqs

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
)

// StartMessageMoveTaskInput moves the messages of a dead-letter queue.
type StartMessageMoveTaskInput struct {
	SourceArn string `json:"SourceArn"`
	// DestinationArn is the queue to move to; empty moves each message back
	// to the queue it was dead-lettered from.
	DestinationArn string `json:"DestinationArn,omitempty"`
	// MaxNumberOfMessagesPerSecond (1 to 500) paces the move; nil moves
	// everything at once.
	MaxNumberOfMessagesPerSecond *int32 `json:"MaxNumberOfMessagesPerSecond,omitempty"`
}

// StartMessageMoveTaskOutput identifies the task.
type StartMessageMoveTaskOutput struct {
	TaskHandle string `json:"TaskHandle"`
}

// CancelMessageMoveTaskInput names the task to cancel.
type CancelMessageMoveTaskInput struct {
	TaskHandle string `json:"TaskHandle"`
}

// CancelMessageMoveTaskOutput says how far the task got.
type CancelMessageMoveTaskOutput struct {
	ApproximateNumberOfMessagesMoved int64 `json:"ApproximateNumberOfMessagesMoved"`
}

// ListMessageMoveTasksInput names a source queue.
type ListMessageMoveTasksInput struct {
	SourceArn string `json:"SourceArn"`
	// MaxResults is 1 to 10; nil means 1, the most recent task.
	MaxResults *int32 `json:"MaxResults,omitempty"`
}

// ListMessageMoveTasksOutput lists tasks, most recent first.
type ListMessageMoveTasksOutput struct {
	Results []ListMessageMoveTasksResultEntry `json:"Results,omitempty"`
}

// ListMessageMoveTasksResultEntry describes one task.
type ListMessageMoveTasksResultEntry struct {
	// TaskHandle is set while the task is RUNNING.
	TaskHandle string `json:"TaskHandle,omitempty" xml:",omitempty"`
	// Status is RUNNING, COMPLETED, CANCELLED or FAILED.
	Status                            string `json:"Status"`
	SourceArn                         string `json:"SourceArn"`
	DestinationArn                    string `json:"DestinationArn,omitempty" xml:",omitempty"`
	MaxNumberOfMessagesPerSecond      *int32 `json:"MaxNumberOfMessagesPerSecond,omitempty" xml:",omitempty"`
	ApproximateNumberOfMessagesMoved  int64  `json:"ApproximateNumberOfMessagesMoved"`
	ApproximateNumberOfMessagesToMove *int64 `json:"ApproximateNumberOfMessagesToMove,omitempty" xml:",omitempty"`
	FailureReason                     string `json:"FailureReason,omitempty" xml:",omitempty"`
	// StartedTimestamp is in epoch milliseconds.
	StartedTimestamp int64 `json:"StartedTimestamp"`
}

// Move task statuses.
const (
	taskRunning   = "RUNNING"
	taskCompleted = "COMPLETED"
	taskCancelled = "CANCELLED"
	taskFailed    = "FAILED"
)

const (
	maxMoveRate   = 500 // "The maximum value for messages per second is 500."
	maxTaskList   = 10  // "Gets the most recent message movement tasks (up to 10)"
	moveBatchTick = time.Second
)

// StartMessageMoveTask moves the visible messages of a dead-letter queue to
// DestinationArn, or back to the queue each came from. The source must be
// the dead-letter queue of some queue; only one task per source may be
// running. Moved messages keep their id, body and attributes and start anew
// in their destination (receive count 0, new retention period). Without a
// rate everything moves at once; with MaxNumberOfMessagesPerSecond, that many
// move now and as many again every second on the clock.
func (s *Service) StartMessageMoveTask(ctx context.Context, in StartMessageMoveTaskInput) (StartMessageMoveTaskOutput, error) {
	_, err := s.enter(ctx, "StartMessageMoveTask")
	if err != nil {
		return StartMessageMoveTaskOutput{}, err
	}
	if in.SourceArn == "" {
		return StartMessageMoveTaskOutput{}, missingParameter("SourceArn")
	}
	if r := in.MaxNumberOfMessagesPerSecond; r != nil && (*r < 1 || *r > maxMoveRate) {
		return StartMessageMoveTaskOutput{}, invalidParameter(*r, "MaxNumberOfMessagesPerSecond", "Must be between 1 and 500.")
	}
	s.mu.Lock()
	var e effects
	defer s.unlock(&e)
	src := s.queueByARN(in.SourceArn)
	if src == nil {
		return StartMessageMoveTaskOutput{}, newError(codeResourceNotFound, "The resource that you specified for the SourceArn parameter doesn't exist.")
	}
	if len(s.sourcesOf(src)) == 0 {
		return StartMessageMoveTaskOutput{}, newError(codeInvalidParameterValue, "Source queue must be configured as a Dead Letter Queue.")
	}
	if in.DestinationArn != "" {
		dst := s.queueByARN(in.DestinationArn)
		switch {
		case dst == nil:
			return StartMessageMoveTaskOutput{}, newError(codeResourceNotFound, "The resource that you specified for the DestinationArn parameter doesn't exist.")
		case dst == src:
			return StartMessageMoveTaskOutput{}, newError(codeInvalidParameterValue, "Source queue and destination queue can't be the same.")
		case dst.fifo != src.fifo:
			return StartMessageMoveTaskOutput{}, newError(codeInvalidParameterValue, "Destination queue must be same type of queue as the source.")
		}
	}
	for _, t := range s.tasks.bySource[src.arn] {
		if t.status == taskRunning {
			return StartMessageMoveTaskOutput{}, newError(codeInvalidParameterValue,
				"There is already a task running. Only one active task is allowed for a source queue arn at a given time.")
		}
	}
	now := s.now()
	visible, _, _ := src.counts()
	task := &moveTask{id: s.env.IDs.UUID(), source: src.arn, dest: in.DestinationArn, rate: in.MaxNumberOfMessagesPerSecond,
		status: taskRunning, toMove: int64(visible), started: now / int64(time.Millisecond), next: now}
	b, _ := json.Marshal(taskHandle{TaskID: task.id, SourceArn: src.arn})
	task.handle = base64.StdEncoding.EncodeToString(b)
	s.tasks.add(task)
	s.tasks.running = append(s.tasks.running, task)
	s.runDue(now, &e)
	return StartMessageMoveTaskOutput{TaskHandle: task.handle}, nil
}

// CancelMessageMoveTask stops a running task; what has moved stays moved.
// The fake cancels at once (status CANCELLED), where AWS passes through
// CANCELLING.
func (s *Service) CancelMessageMoveTask(ctx context.Context, in CancelMessageMoveTaskInput) (CancelMessageMoveTaskOutput, error) {
	_, err := s.enter(ctx, "CancelMessageMoveTask")
	if err != nil {
		return CancelMessageMoveTaskOutput{}, err
	}
	if in.TaskHandle == "" {
		return CancelMessageMoveTaskOutput{}, missingParameter("TaskHandle")
	}
	var h taskHandle
	raw, err := base64.StdEncoding.DecodeString(in.TaskHandle)
	if err != nil || json.Unmarshal(raw, &h) != nil || h.TaskID == "" {
		return CancelMessageMoveTaskOutput{}, newError(codeInvalidParameterValue, "Value %s for parameter TaskHandle is invalid.", in.TaskHandle)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.queueByARN(h.SourceArn) == nil {
		return CancelMessageMoveTaskOutput{}, newError(codeResourceNotFound, "The resource that you specified for the SourceArn parameter doesn't exist.")
	}
	t := s.tasks.byID[h.TaskID]
	if t == nil {
		return CancelMessageMoveTaskOutput{}, newError(codeResourceNotFound, "Task does not exist.")
	}
	if t.status != taskRunning {
		return CancelMessageMoveTaskOutput{}, newError(codeInvalidParameterValue,
			"A message movement can only be cancelled when the current status is RUNNING.")
	}
	t.status = taskCancelled
	t.cancelJob()
	return CancelMessageMoveTaskOutput{ApproximateNumberOfMessagesMoved: t.moved}, nil
}

// ListMessageMoveTasks lists the most recent tasks of a source queue.
func (s *Service) ListMessageMoveTasks(ctx context.Context, in ListMessageMoveTasksInput) (ListMessageMoveTasksOutput, error) {
	_, err := s.enter(ctx, "ListMessageMoveTasks")
	if err != nil {
		return ListMessageMoveTasksOutput{}, err
	}
	if in.SourceArn == "" {
		return ListMessageMoveTasksOutput{}, missingParameter("SourceArn")
	}
	if _, err := arn.Parse(in.SourceArn); err != nil {
		return ListMessageMoveTasksOutput{}, newError(codeInvalidParameterValue,
			"You must use this format to specify the SourceArn: arn:<partition>:<service>:<region>:<account-id>:<resource-id>")
	}
	n := 1
	if m := in.MaxResults; m != nil {
		if *m < 1 || *m > maxTaskList {
			return ListMessageMoveTasksOutput{}, invalidParameter(*m, "MaxResults", "You must enter a number that's between 1 and 10.")
		}
		n = int(*m)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	src := s.queueByARN(in.SourceArn)
	if src == nil {
		return ListMessageMoveTasksOutput{}, newError(codeResourceNotFound, "The resource that you specified for the SourceArn parameter doesn't exist.")
	}
	list := s.tasks.bySource[src.arn]
	var out ListMessageMoveTasksOutput
	for i := len(list) - 1; i >= 0 && len(out.Results) < n; i-- {
		t := list[i]
		r := ListMessageMoveTasksResultEntry{Status: t.status, SourceArn: t.source, DestinationArn: t.dest,
			MaxNumberOfMessagesPerSecond: t.rate, ApproximateNumberOfMessagesMoved: t.moved,
			FailureReason: t.failure, StartedTimestamp: t.started}
		toMove := t.toMove
		r.ApproximateNumberOfMessagesToMove = &toMove
		if t.status == taskRunning {
			r.TaskHandle = t.handle
		}
		out.Results = append(out.Results, r)
	}
	return out, nil
}
