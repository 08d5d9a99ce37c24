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
// (test_base_scenarios.py::TestBaseScenarios::test_map_item_reader_base_csv_headers_first_line),
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
	require.Equal(t, int32(0), evs[2].MapStateStartedEventDetails.Length)
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
