package stepfn

import (
	"context"

	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
)

// deliver is the bus endpoint for states ARNs: a message to a state
// machine (or a version or an alias of one) starts an execution with the
// message body as its input (an EventBridge target, a Scheduler target),
// in the ARN's own account and region. Invoke answers the execution's ARN.
func (s *Service) deliver(_ context.Context, target string, m bus.Message) ([]byte, error) {
	a, _, _, err := splitMachineARN(target)
	if err != nil {
		return nil, err
	}
	input := string(m.Body)
	if input == "" {
		input = "{}"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sc := faults.Scope{Account: a.Account, Region: a.Region, Partition: a.Partition}
	ex, err := s.startLocked(sc, StartExecutionInput{StateMachineArn: target, Input: &input, TraceHeader: m.Meta[bus.MetaTraceHeader]}, false)
	if err != nil {
		return nil, err
	}
	return []byte(ex.arn), nil
}
