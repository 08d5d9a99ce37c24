package stepfn_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

// MaxItemsPerBatch groups items; each child gets {"Items": [...],
// "BatchInput": {...}} (the ItemBatcher documentation's shape); the
// counts tell items and children apart.
func TestDistMapBatch_MaxItems(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "batch", distMachine("STANDARD", passProc, map[string]any{"ItemBatcher": map[string]any{
		"MaxItemsPerBatch": 2, "BatchInput": map[string]any{"tag.$": "$.tag"}}}), types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"items":[1,2,3,4,5],"tag":"x"}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.JSONEq(t, `[{"Items":[1,2],"BatchInput":{"tag":"x"}},{"Items":[3,4],"BatchInput":{"tag":"x"}},{"Items":[5],"BatchInput":{"tag":"x"}}]`, *d.Output)
	runs, err := f.client.ListMapRuns(f.ctx, &sfn.ListMapRunsInput{ExecutionArn: aws.String(ex)})
	require.NoError(t, err)
	dm, err := f.client.DescribeMapRun(f.ctx, &sfn.DescribeMapRunInput{MapRunArn: runs.MapRuns[0].MapRunArn})
	require.NoError(t, err)
	require.Equal(t, int64(5), dm.ItemCounts.Succeeded)
	require.Equal(t, int64(5), dm.ItemCounts.Total)
	require.Equal(t, int64(3), dm.ExecutionCounts.Succeeded)
	require.Equal(t, int64(3), dm.ExecutionCounts.Total)
}

// MaxInputBytesPerBatch: a batch whose items' JSON ("[...]") reaches the
// limit exactly holds them; one byte less splits it.
func TestDistMapBatch_MaxBytes(t *testing.T) {
	f := newFixture(t)
	run := func(limit int) string {
		sm := f.machine(t, "bytes"+strconv.Itoa(limit), distMachine("STANDARD", passProc, map[string]any{"ItemBatcher": map[string]any{
			"MaxInputBytesPerBatch": limit}}), types.StateMachineTypeStandard)
		return *f.describe(t, f.start(t, sm, `{"items":["aa","bb","cc"]}`)).Output
	}
	// ["aa","bb"] counts 2 + 5 + 5 = 12 bytes in the fake's measure.
	require.JSONEq(t, `[{"Items":["aa","bb"]},{"Items":["cc"]}]`, run(12))
	require.JSONEq(t, `[{"Items":["aa"]},{"Items":["bb"]},{"Items":["cc"]}]`, run(11))
	require.JSONEq(t, `[{"Items":["aa","bb","cc"]}]`, run(17))
}

// A failed batch counts each of its items against the tolerance.
func TestDistMapBatch_ToleranceCountsItems(t *testing.T) {
	f := newFixture(t)
	proc := map[string]any{"Inner": map[string]any{"Type": "Choice", "Choices": []any{map[string]any{"Variable": "$.Items[0]", "NumericLessThan": 0, "Next": "Bad"}}, "Default": "Good"},
		"Bad": map[string]any{"Type": "Fail", "Error": "Neg"}, "Good": map[string]any{"Type": "Pass", "End": true}}
	mk := func(name string, count int) string {
		return f.machine(t, name, distMachine("STANDARD", proc, map[string]any{"ToleratedFailureCount": count,
			"ItemBatcher": map[string]any{"MaxItemsPerBatch": 2}}), types.StateMachineTypeStandard)
	}
	require.Equal(t, types.ExecutionStatusSucceeded, f.describe(t, f.start(t, mk("two", 2), `{"items":[-1,-2,3]}`)).Status)
	require.Equal(t, types.ExecutionStatusFailed, f.describe(t, f.start(t, mk("one", 1), `{"items":[-1,-2,3]}`)).Status)
}

// An ItemBatcher AWS refuses is refused at validation.
func TestDistMapBatch_Validation(t *testing.T) {
	f := newFixture(t)
	for _, b := range []map[string]any{{}, {"MaxItemsPerBatch": 0}, {"MaxInputBytesPerBatch": 262145}, {"MaxItemsPerBatch": 1, "BatchInput": "x"}} {
		def, _ := json.Marshal(distMachine("STANDARD", passProc, map[string]any{"ItemBatcher": b}))
		out, err := f.client.ValidateStateMachineDefinition(f.ctx, validateInput(string(def)))
		require.NoError(t, err)
		require.Equal(t, "FAIL", string(out.Result), "%v", b)
	}
}
