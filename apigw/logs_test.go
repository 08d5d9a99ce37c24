package apigw_test

import (
	"net/http"
	"testing"

	cwlogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
)

// A stage with an access log format writes one line per invocation with
// its $context variables filled in, in order; with INFO logging it writes
// AWS's execution log lines to API-Gateway-Execution-Logs_{api}/{stage};
// each setting applies without a redeploy.
func TestLogs_AccessAndExecutionLinesInOrder(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "logs")
	f.mock(t, api, root, "GET", "200", "ok")
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	f.call(t, "GET", url, "")
	assert.Empty(t, f.cloud.APIGateway().AccessLogs(api, "prod"))
	assert.Empty(t, f.cloud.APIGateway().ExecutionLogs(api, "prod"))

	_, err := f.client.UpdateStage(f.ctx, &sdk.UpdateStageInput{RestApiId: &api, StageName: aws.String("prod"), PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/accessLogSettings/destinationArn"), Value: aws.String("arn:aws:logs:us-east-1:000000000000:log-group:access")},
		{Op: types.OpReplace, Path: aws.String("/accessLogSettings/format"), Value: aws.String(`$context.httpMethod $context.resourcePath $context.status $context.responseLength $context.stage`)},
		{Op: types.OpReplace, Path: aws.String("/*/*/logging/loglevel"), Value: aws.String("INFO")},
	}})
	require.NoError(t, err)
	f.call(t, "GET", url, "")
	f.call(t, "GET", url+"/missing", "")
	access := f.cloud.APIGateway().AccessLogs(api, "prod")
	require.Len(t, access, 2)
	assert.Equal(t, "GET / 200 2 prod", access[0].Message)
	assert.Equal(t, "GET  403 42 prod", access[1].Message)
	assert.Equal(t, "arn:aws:logs:us-east-1:000000000000:log-group:access", access[0].Group)
	exec := f.cloud.APIGateway().ExecutionLogs(api, "prod")
	require.NotEmpty(t, exec)
	assert.Equal(t, "API-Gateway-Execution-Logs_"+api+"/prod", exec[0].Group)
	assert.Contains(t, exec[0].Message, "Extended Request Id: ")
	assert.Contains(t, exec[3].Message, "Method completed with status: 200")
	assert.Contains(t, exec[len(exec)-1].Message, "Method completed with status: 403")
	f.cloud.APIGateway().CheckInvoked(t, api, "", http.StatusForbidden)

	// The same lines in CloudWatch Logs, read with its client: the access
	// log group named by the destination, the execution log group AWS
	// names after the API and stage.
	logs := cwlogs.NewFromConfig(f.cloud.AWSConfig())
	for group, want := range map[string]int{"access": len(access), "API-Gateway-Execution-Logs_" + api + "/prod": len(exec)} {
		got, err := logs.FilterLogEvents(f.ctx, &cwlogs.FilterLogEventsInput{LogGroupName: aws.String(group)})
		require.NoError(t, err, group)
		assert.Len(t, got.Events, want, group)
	}
}

// CheckInvoked fails on a different resource or status, and when the API
// was never invoked.
func TestInspect_CheckInvokedFails(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "check")
	rec := &servicetest.Recorder{TB: t}
	f.cloud.APIGateway().CheckInvoked(rec, api, "/", 200)
	assert.Contains(t, rec.Message, "no invocation of "+api)
	f.mock(t, api, root, "GET", "200", "ok")
	f.deploy(t, api, "prod")
	f.call(t, "GET", f.cloud.APIGateway().InvokeURL(api, "prod"), "")
	f.cloud.APIGateway().CheckInvoked(t, api, "/", 200)
	rec = &servicetest.Recorder{TB: t}
	f.cloud.APIGateway().CheckInvoked(rec, api, "/", 500)
	assert.Contains(t, rec.Message, `matched "/" and answered 200, want "/" and 500`)
}
