package awsfake

import (
	"context"
	"encoding/json"

	"github.com/awsfake/awsfake/stepfn"
)

// apigwExecutions is the apigw.SyncExecutions of StartSyncExecution
// integrations: the cloud's Step Functions through its Go API.
type apigwExecutions struct{ c *Cloud }

// StartSyncExecution implements apigw.SyncExecutions.
func (e apigwExecutions) StartSyncExecution(ctx context.Context, machineARN, name, input string) ([]byte, error) {
	in := stepfn.StartExecutionInput{StateMachineArn: machineARN, Name: name}
	if input != "" {
		in.Input = &input
	}
	out, err := e.c.stepfn.StartSyncExecution(ctx, in)
	if err != nil {
		return nil, err
	}
	return json.Marshal(out)
}
