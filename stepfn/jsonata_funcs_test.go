package stepfn_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fnMachine is a Pass state whose Output is expr, as the recordings'
// intrinsic machines are written.
func fnMachine(expr string) obj {
	return obj{"StartAt": "State_0", "States": obj{"State_0": obj{"QueryLanguage": "JSONata", "Type": "Pass", "Output": "{% " + expr + " %}", "End": true}}}
}

// $partition, $range and $parse answer what AWS answered (recorded:
// test_array_jsonata.py::test_array_partition, test_array_range,
// test_json_manipulation_jsonata.py::test_parse).
func TestJSONata_RecordedFunctions(t *testing.T) {
	f := newFixture(t)
	part := f.machine(t, "partition", fnMachine("$partition($states.input.FunctionInput.fst, $states.input.FunctionInput.snd)"), "")
	for in, want := range map[string]string{
		`{"fst":[0],"snd":1}`: "[[0]]", `{"fst":[0],"snd":5}`: "[[0]]", `{"fst":[0,1,2],"snd":2}`: "[[0,1],[2]]",
		`{"fst":[0,1,2,3],"snd":3}`: "[[0,1,2],[3]]", `{"fst":[0,1,2,3],"snd":4}`: "[[0,1,2,3]]",
	} {
		require.Equal(t, want, *f.describe(t, f.start(t, part, `{"FunctionInput":`+in+`}`)).Output, in)
	}
	rng := f.machine(t, "range", fnMachine("$range($states.input.FunctionInput.fst, $states.input.FunctionInput.snd, $states.input.FunctionInput.trd)"), "")
	for in, want := range map[string]string{
		`{"fst":0,"snd":9,"trd":3}`: "[0,3,6,9]", `{"fst":0,"snd":10,"trd":3}`: "[0,3,6,9]",
		`{"fst":1,"snd":9,"trd":9}`: "1", `{"fst":1,"snd":9,"trd":2}`: "[1,3,5,7,9]",
	} {
		require.Equal(t, want, *f.describe(t, f.start(t, rng, `{"FunctionInput":`+in+`}`)).Output, in)
	}
	parse := f.machine(t, "parse", fnMachine("$parse($states.input.FunctionInput)"), "")
	for in, want := range map[string]string{
		`"-0"`: "0", `"1"`: "1", `"1.1"`: "1.1", `"true"`: "true", `"\"HelloWorld\""`: `"HelloWorld"`,
		`"[1, 2, \"HelloWorld\"]"`: `[1,2,"HelloWorld"]`, `"{\"Arg1\": 1, \"Arg2\": []}"`: `{"Arg1":1,"Arg2":[]}`,
	} {
		require.Equal(t, want, *f.describe(t, f.start(t, parse, `{"FunctionInput":`+in+`}`)).Output, in)
	}
}

// $hash, $uuid, $random with and without a seed, $now and $millis on the
// cloud's clock; a function's bad argument is a QueryEvaluationError.
func TestJSONata_AddedFunctions(t *testing.T) {
	f := newFixture(t)
	f.clk.Advance(1500 * time.Millisecond)
	out := f.ok(t, "fns", obj{"QueryLanguage": "JSONata", "StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "Output": obj{
		"md5": "{% $hash('input data', 'MD5') %}", "sha": "{% $hash('input data', 'SHA-256') %}",
		"uuid": "{% $uuid() %}", "seeded": "{% $random(7) = $random(7) %}", "unseeded": "{% $random() < 1 %}",
		"now": "{% $now() %}", "millis": "{% $millis() %}", "picture": "{% $now('[Y0001]-[M01]') %}"}, "End": true}}}, `{}`)
	require.Contains(t, out, `"md5":"812f45842bc6d66ee14572ce20db8e86"`)
	sum := sha256.Sum256([]byte("input data"))
	require.Contains(t, out, `"sha":"`+hex.EncodeToString(sum[:])+`"`)
	require.Contains(t, out, `"seeded":true`)
	require.Contains(t, out, `"unseeded":true`)
	require.Contains(t, out, `"now":"2026-01-01T00:00:01.500Z"`)
	require.Contains(t, out, `"millis":`+strconv.FormatInt(t0.Add(1500*time.Millisecond).UnixMilli(), 10))
	require.Contains(t, out, `"picture":"2026-01"`)
	i := strings.Index(out, `"uuid":"`) + 8
	require.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, out[i:i+36])
	for name, expr := range map[string]string{"partition": "$partition([1], 0)", "hash": "$hash('x', 'MD4')", "parse": "$parse('{nope')", "seed": "$random('s')"} {
		ev := f.failed(t, "bad-"+name, fnMachine(expr), `{}`, "States.QueryEvaluationError")
		require.Contains(t, *ev[2].EvaluationFailedEventDetails.Cause, "threw an error during evaluation.", name)
	}
}
