package stepfn

import "context"

// Task token limits: a token of 1 to 2,048 characters, an error name of
// 256 and a cause of 32,768 at most.
const (
	maxTokenLen = 2048
	maxErrorLen = 256
	maxCauseLen = 32768
)

// waiterFor finds the task a token names, under the lock: InvalidToken
// for a token never handed out, TaskTimedOut for one whose task has
// ended (timed out, or completed by an earlier call).
func (s *Service) waiterFor(token string) (*waiter, error) {
	switch {
	case token == "":
		return nil, validation("", "taskToken", "Member must have length greater than or equal to 1")
	case len(token) > maxTokenLen:
		return nil, validation(token, "taskToken", "Member must have length less than or equal to 2048")
	}
	w := s.tokens[token]
	if w == nil {
		return nil, newError(codeInvalidToken, "Invalid Token: 'Invalid token'")
	}
	if !w.live() {
		return nil, newError("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'")
	}
	return w, nil
}

// complete applies an outcome to a task: at once, or once its
// integration's call has answered when the outcome came first (a Lambda
// handler that sends its own token).
func (s *Service) complete(w *waiter, fn func()) {
	if !w.started {
		w.pending = fn
		return
	}
	fn()
	w.th.ex.drive()
}

// SendTaskSuccess completes the task of a token with output, a JSON
// document of 256 KiB at most: the state goes on with it as its result.
func (s *Service) SendTaskSuccess(ctx context.Context, in SendTaskSuccessInput) error {
	if _, err := s.enter(ctx, "SendTaskSuccess"); err != nil {
		return err
	}
	if len(in.Output) > maxPayload {
		return validation("...", "output", "Member must have length less than or equal to 262144")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	w, err := s.waiterFor(in.TaskToken)
	if err != nil {
		return err
	}
	out, jerr := decodeJSON(in.Output)
	if jerr != nil {
		return newError("InvalidOutput", "Invalid Output: '%s'", in.Output)
	}
	s.complete(w, func() { w.succeed(out) })
	return nil
}

// SendTaskFailure fails the task of a token with an error and a cause:
// the state's Retry and Catch see them.
func (s *Service) SendTaskFailure(ctx context.Context, in SendTaskFailureInput) error {
	if _, err := s.enter(ctx, "SendTaskFailure"); err != nil {
		return err
	}
	switch {
	case len(in.Error) > maxErrorLen:
		return validation(in.Error, "error", "Member must have length less than or equal to 256")
	case len(in.Cause) > maxCauseLen:
		return validation("...", "cause", "Member must have length less than or equal to 32768")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	w, err := s.waiterFor(in.TaskToken)
	if err != nil {
		return err
	}
	f := &failure{Error: in.Error, Cause: in.Cause}
	s.complete(w, func() { w.failWith(f) })
	return nil
}

// SendTaskHeartbeat tells that the task of a token is still at work: its
// HeartbeatSeconds count again from now.
func (s *Service) SendTaskHeartbeat(ctx context.Context, in SendTaskHeartbeatInput) error {
	if _, err := s.enter(ctx, "SendTaskHeartbeat"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	w, err := s.waiterFor(in.TaskToken)
	if err != nil {
		return err
	}
	w.beat()
	return nil
}
