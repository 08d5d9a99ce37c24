package stepfn_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

// distMachine is a Distributed Map over $.items whose processor is proc's
// states, with extra fields on the Map.
func distMachine(execType string, proc map[string]any, extra map[string]any) map[string]any {
	m := map[string]any{"Type": "Map", "ItemsPath": "$.items", "End": true,
		"ItemProcessor": map[string]any{"ProcessorConfig": map[string]any{"Mode": "DISTRIBUTED", "ExecutionType": execType},
			"StartAt": "Inner", "States": proc}}
	for k, v := range extra {
		m[k] = v
	}
	return map[string]any{"StartAt": "MapState", "States": map[string]any{"MapState": m}}
}

var passProc = map[string]any{"Inner": map[string]any{"Type": "Pass", "End": true}}

// The parent's history holds MapRunStarted and MapRunSucceeded, not the
// iterations, with the previous ids AWS records
// (test_base_scenarios.py::TestBaseScenarios::test_map_item_reader_base_csv_headers_first_line;
// MapStateStarted's length is the items': test_map_state_result_writer),
// and the Map Run ARN is mapRun:<machine>/<label>:<uuid>.
func TestDistMap_HistoryAndArn(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "dist", distMachine("STANDARD", passProc, map[string]any{"Label": "lbl"}), types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"items":[1,2,3]}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.JSONEq(t, `[1,2,3]`, *d.Output)
	evs := f.history(t, ex)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "MapStateEntered"}, {3, 2, "MapStateStarted"},
		{4, 3, "MapRunStarted"}, {5, 4, "MapRunSucceeded"}, {6, 5, "MapStateSucceeded"}, {7, 5, "MapStateExited"},
		{8, 7, "ExecutionSucceeded"}}, shapes(evs))
	require.Equal(t, int32(3), evs[2].MapStateStartedEventDetails.Length)
	runARN := *evs[3].MapRunStartedEventDetails.MapRunArn
	require.True(t, strings.HasPrefix(runARN, "arn:aws:states:us-east-1:000000000000:mapRun:dist/lbl:"), runARN)
}

// A ProcessorConfig that is not AWS's is refused at creation and
// creates nothing; a Label AWS refuses is refused with its recorded text
// (test_sfn_api_map_run.py::TestSnfApiMapRun::test_map_state_label_empty_fail,
// test_map_state_label_too_long_fail, test_map_state_label_invalid_char_fail).
func TestDistMap_Validation(t *testing.T) {
	f := newFixture(t)
	bad := func(def map[string]any) string {
		b, _ := json.Marshal(def)
		_, err := f.client.CreateStateMachine(f.ctx, &sfn.CreateStateMachineInput{Name: aws.String("bad"),
			Definition: aws.String(string(b)), RoleArn: aws.String(role)})
		var id *types.InvalidDefinition
		require.True(t, errors.As(err, &id), "%v", err)
		return id.ErrorMessage()
	}
	withCfg := func(cfg map[string]any) map[string]any {
		d := distMachine("STANDARD", passProc, nil)
		d["States"].(map[string]any)["MapState"].(map[string]any)["ItemProcessor"].(map[string]any)["ProcessorConfig"] = cfg
		return d
	}
	require.Contains(t, bad(withCfg(map[string]any{"Mode": "OTHER"})), "The value for the field 'Mode' must be one of: [INLINE, DISTRIBUTED]")
	require.Contains(t, bad(withCfg(map[string]any{"Mode": "DISTRIBUTED"})), "These fields are required: [ExecutionType]")
	require.Contains(t, bad(withCfg(map[string]any{"Mode": "DISTRIBUTED", "ExecutionType": "X"})), "'ExecutionType' must be one of: [STANDARD, EXPRESS]")
	for label, want := range map[string]string{"": "Label cannot be empty", strings.Repeat("a", 41): "Label cannot exceed 40 characters",
		"label_ ": "Label contains invalid character: ' '", "label_?": "Label contains invalid character: '?'"} {
		require.Contains(t, bad(distMachine("STANDARD", passProc, map[string]any{"Label": label})), want)
	}
	require.Contains(t, bad(distMachine("STANDARD", passProc, map[string]any{"ToleratedFailurePercentage": 101})), "between 0 and 100")
	require.Contains(t, bad(distMachine("STANDARD", passProc, map[string]any{"ToleratedFailureCount": -1})), "non-negative integer")
	out, err := f.client.ListStateMachines(f.ctx, &sfn.ListStateMachinesInput{})
	require.NoError(t, err)
	require.Empty(t, out.StateMachines)
	// 40 characters and 100 percent are allowed.
	f.machine(t, "ok", distMachine("EXPRESS", passProc, map[string]any{"Label": strings.Repeat("a", 40), "ToleratedFailurePercentage": 100}), types.StateMachineTypeStandard)
}

// failProc fails the items whose value is negative.
var failProc = map[string]any{
	"Inner": map[string]any{"Type": "Choice", "Choices": []any{map[string]any{"Variable": "$", "NumericLessThan": 0, "Next": "Bad"}}, "Default": "Good"},
	"Bad":   map[string]any{"Type": "Fail", "Error": "Neg", "Cause": "negative"},
	"Good":  map[string]any{"Type": "Pass", "End": true},
}

// Failures up to ToleratedFailureCount leave the run succeeding with the
// failed items' Error and Cause in their places; one more fails it with
// States.ExceedToleratedFailureThreshold (MapRunFailed, MapStateFailed).
func TestDistMap_ToleratedFailureCount(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "tol", distMachine("STANDARD", failProc, map[string]any{"ToleratedFailureCount": 1}), types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"items":[1,-1,2]}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.JSONEq(t, `[1,{"Error":"Neg","Cause":"negative"},2]`, *d.Output)

	ex = f.start(t, sm, `{"items":[1,-1,-2,3]}`)
	d = f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.ExceedToleratedFailureThreshold", *d.Error)
	types_ := []string{}
	for _, e := range f.history(t, ex) {
		types_ = append(types_, string(e.Type))
	}
	require.Contains(t, types_, "MapRunFailed")
	require.Contains(t, types_, "MapStateFailed")
}

// The percentage boundary: at exactly the tolerated share the run
// succeeds, just above it it fails; with no tolerance one failure fails.
func TestDistMap_ToleratedFailurePercentage(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "pct", distMachine("STANDARD", failProc, map[string]any{"ToleratedFailurePercentage": 50}), types.StateMachineTypeStandard)
	require.Equal(t, types.ExecutionStatusSucceeded, f.describe(t, f.start(t, sm, `{"items":[1,-1]}`)).Status)
	require.Equal(t, types.ExecutionStatusFailed, f.describe(t, f.start(t, sm, `{"items":[1,-1,-2]}`)).Status)
	none := f.machine(t, "none", distMachine("EXPRESS", failProc, nil), types.StateMachineTypeStandard)
	require.Equal(t, types.ExecutionStatusFailed, f.describe(t, f.start(t, none, `{"items":[1,-1]}`)).Status)
	require.Equal(t, types.ExecutionStatusSucceeded, f.describe(t, f.start(t, none, `{"items":[1,2]}`)).Status)
}

// ListMapRuns, DescribeMapRun and ListExecutions by mapRunArn answer the
// run's shape as recorded
// (test_sfn_api_map_run.py::TestSnfApiMapRun::test_list_map_runs_and_describe_map_run).
func TestDistMap_DescribeAndList(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "runs", distMachine("STANDARD", passProc, map[string]any{"MaxConcurrency": 1}), types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"items":["a","b"]}`)
	runs, err := f.client.ListMapRuns(f.ctx, &sfn.ListMapRunsInput{ExecutionArn: aws.String(ex)})
	require.NoError(t, err)
	require.Len(t, runs.MapRuns, 1)
	run := runs.MapRuns[0]
	require.Equal(t, ex, *run.ExecutionArn)
	require.Regexp(t, `^arn:aws:states:us-east-1:000000000000:stateMachine:runs/[0-9a-f-]{36}$`, *run.StateMachineArn)
	require.NotNil(t, run.StopDate)
	d, err := f.client.DescribeMapRun(f.ctx, &sfn.DescribeMapRunInput{MapRunArn: run.MapRunArn})
	require.NoError(t, err)
	require.Equal(t, types.MapRunStatusSucceeded, d.Status)
	require.Equal(t, int32(1), d.MaxConcurrency)
	want := &types.MapRunItemCounts{Succeeded: 2, Total: 2, ResultsWritten: 2}
	require.Equal(t, want, d.ItemCounts)
	require.Equal(t, int64(2), d.ExecutionCounts.Succeeded)
	execs, err := f.client.ListExecutions(f.ctx, &sfn.ListExecutionsInput{MapRunArn: run.MapRunArn})
	require.NoError(t, err)
	require.Len(t, execs.Executions, 2)
	child := f.describe(t, *execs.Executions[1].ExecutionArn) // the oldest: item "a"
	require.JSONEq(t, `"a"`, *child.Input)
	require.True(t, strings.HasPrefix(*child.ExecutionArn, "arn:aws:states:us-east-1:000000000000:execution:runs/"))

	_, err = f.client.DescribeMapRun(f.ctx, &sfn.DescribeMapRunInput{MapRunArn: aws.String(*run.MapRunArn + "x")})
	var rnf *types.ResourceNotFound
	require.ErrorAs(t, err, &rnf)
	_, err = f.client.DescribeMapRun(f.ctx, &sfn.DescribeMapRunInput{MapRunArn: aws.String("arn:aws:states:us-east-1:000000000000:execution:a:b")})
	var ia *types.InvalidArn
	require.ErrorAs(t, err, &ia)
	_, err = f.client.ListMapRuns(f.ctx, &sfn.ListMapRunsInput{ExecutionArn: aws.String(ex + "x")})
	var nf *types.ExecutionDoesNotExist
	require.ErrorAs(t, err, &nf)
}

// waitProc waits an hour on each item, so the run stays running.
var waitProc = map[string]any{"Inner": map[string]any{"Type": "Wait", "Seconds": 3600, "End": true}}

// MaxConcurrency holds children back until one ends; UpdateMapRun
// raises it at once; a bad value is refused and changes nothing.
func TestDistMap_ConcurrencyAndUpdate(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "conc", distMachine("STANDARD", waitProc, map[string]any{"MaxConcurrency": 1}), types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"items":[1,2,3]}`)
	runs, err := f.client.ListMapRuns(f.ctx, &sfn.ListMapRunsInput{ExecutionArn: aws.String(ex)})
	require.NoError(t, err)
	runARN := runs.MapRuns[0].MapRunArn
	counts := func() *types.MapRunExecutionCounts {
		d, err := f.client.DescribeMapRun(f.ctx, &sfn.DescribeMapRunInput{MapRunArn: runARN})
		require.NoError(t, err)
		return d.ExecutionCounts
	}
	require.Equal(t, &types.MapRunExecutionCounts{Pending: 2, Running: 1, Total: 3}, counts())
	f.advance(t, 3600*1e9-1)
	require.Equal(t, int64(1), counts().Running)
	f.advance(t, 1)
	require.Equal(t, &types.MapRunExecutionCounts{Pending: 1, Running: 1, Succeeded: 1, Total: 3, ResultsWritten: 1}, counts())

	_, err = f.client.UpdateMapRun(f.ctx, &sfn.UpdateMapRunInput{MapRunArn: runARN, MaxConcurrency: aws.Int32(-1)})
	var ve *types.ValidationException
	require.ErrorAs(t, err, &ve)
	require.Equal(t, int64(1), counts().Running)
	_, err = f.client.UpdateMapRun(f.ctx, &sfn.UpdateMapRunInput{MapRunArn: runARN, MaxConcurrency: aws.Int32(0)})
	require.NoError(t, err)
	require.Equal(t, &types.MapRunExecutionCounts{Running: 2, Succeeded: 1, Total: 3, ResultsWritten: 1}, counts())
	f.advance(t, 3600*1e9)
	require.Equal(t, types.ExecutionStatusSucceeded, f.describe(t, ex).Status)
	_, err = f.client.UpdateMapRun(f.ctx, &sfn.UpdateMapRunInput{MapRunArn: runARN, MaxConcurrency: aws.Int32(3)})
	require.ErrorAs(t, err, &ve)
}

// Stopping the parent aborts the run and its running children.
func TestDistMap_StopAbortsChildren(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "stop", distMachine("STANDARD", waitProc, nil), types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"items":[1,2]}`)
	runs, err := f.client.ListMapRuns(f.ctx, &sfn.ListMapRunsInput{ExecutionArn: aws.String(ex)})
	require.NoError(t, err)
	_, err = f.client.StopExecution(f.ctx, &sfn.StopExecutionInput{ExecutionArn: aws.String(ex)})
	require.NoError(t, err)
	d, err := f.client.DescribeMapRun(f.ctx, &sfn.DescribeMapRunInput{MapRunArn: runs.MapRuns[0].MapRunArn})
	require.NoError(t, err)
	require.Equal(t, types.MapRunStatusAborted, d.Status)
	require.Equal(t, int64(2), d.ExecutionCounts.Aborted)
	execs, err := f.client.ListExecutions(f.ctx, &sfn.ListExecutionsInput{MapRunArn: runs.MapRuns[0].MapRunArn, StatusFilter: types.ExecutionStatusAborted})
	require.NoError(t, err)
	require.Len(t, execs.Executions, 2)
}

// A Map Run's tolerance lowered below its failures so far fails it.
func TestDistMap_UpdateTolerance(t *testing.T) {
	f := newFixture(t)
	proc := map[string]any{"Inner": map[string]any{"Type": "Choice", "Choices": []any{map[string]any{"Variable": "$", "NumericLessThan": 0, "Next": "Bad"}}, "Default": "Slow"},
		"Bad": map[string]any{"Type": "Fail", "Error": "Neg"}, "Slow": map[string]any{"Type": "Wait", "Seconds": 60, "End": true}}
	sm := f.machine(t, "upd", distMachine("STANDARD", proc, map[string]any{"ToleratedFailureCount": 5}), types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"items":[-1,1]}`)
	runs, err := f.client.ListMapRuns(f.ctx, &sfn.ListMapRunsInput{ExecutionArn: aws.String(ex)})
	require.NoError(t, err)
	_, err = f.client.UpdateMapRun(f.ctx, &sfn.UpdateMapRunInput{MapRunArn: runs.MapRuns[0].MapRunArn, ToleratedFailureCount: aws.Int64(1)})
	require.NoError(t, err)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	_, err = f.client.UpdateMapRun(f.ctx, &sfn.UpdateMapRunInput{MapRunArn: runs.MapRuns[0].MapRunArn, ToleratedFailureCount: aws.Int64(0)})
	require.NoError(t, err)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.ExceedToleratedFailureThreshold", *d.Error)
}
