package stepfn_test

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/awscli"
)

// The AWS CLI against a served cloud: create-state-machine,
// start-execution, describe-execution.
func TestCLI_CreateStartDescribe(t *testing.T) {
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		srv := httptest.NewUnstartedServer(nil)
		cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()))
		srv.Config.Handler = cloud.Handler()
		srv.Start()
		t.Cleanup(srv.Close)
		var sm map[string]any
		cli.RunJSON(t, srv.URL, &sm, "stepfunctions", "create-state-machine", "--name", "hello",
			"--role-arn", role, "--definition", `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"hi":1},"End":true}}}`)
		arn := sm["stateMachineArn"].(string)
		assert.Equal(t, "arn:aws:states:us-east-1:000000000000:stateMachine:hello", arn)
		var ex map[string]any
		cli.RunJSON(t, srv.URL, &ex, "stepfunctions", "start-execution", "--state-machine-arn", arn, "--name", "run1", "--input", `{"a":1}`)
		exARN := ex["executionArn"].(string)
		var d map[string]any
		cli.RunJSON(t, srv.URL, &d, "stepfunctions", "describe-execution", "--execution-arn", exARN)
		assert.Equal(t, "SUCCEEDED", d["status"])
		assert.JSONEq(t, `{"hi":1}`, d["output"].(string))
	})
}
