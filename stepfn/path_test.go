package stepfn_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

// Paths (InputPath, Parameters' ".$" values, ItemsPath, OutputPath) take
// full JSONPath: a filter, a slice, a union, recursive descent and a
// wildcard each answer a list in document order (Jayway's rule, which
// AWS evaluates paths with; objects' members in key order here, see
// doc.go); a negative index answers one value.
func TestPath_FullJSONPathInPaths(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "full", obj{"StartAt": "In", "States": obj{
		"In": obj{"Type": "Pass", "InputPath": "$.orders[?(@.total > 10)]", "ResultPath": "$.big", "Next": "Params"},
		"Params": obj{"Type": "Pass", "Parameters": obj{"first2.$": "$.big[0:2].id", "last.$": "$.big[-1].id", "ids.$": "$..id",
			"names.$": "$.big[*].name", "pick.$": "$.big[0,2].id", "cheap.$": "$.orders[?(@.total <= 10)].id", "none.$": "$.big[?(@.total > 1000)]",
			"ctx.$": "$$.Execution.Input.orders[?(@.name == 'b')].id"}, "ResultPath": "$.p", "Next": "Each"},
		"Each": obj{"Type": "Map", "ItemsPath": "$.orders[?(@.total > 10)]", "ItemProcessor": obj{"StartAt": "I", "States": obj{
			"I": obj{"Type": "Pass", "InputPath": "$.id", "End": true}}}, "ResultPath": "$.mapped", "Next": "Out"},
		"Out": obj{"Type": "Pass", "OutputPath": "$.p", "Parameters": obj{"p.$": "$.p", "m.$": "$.mapped"}, "End": true}}}, "")
	ex := f.start(t, sm, `{"orders":[{"id":1,"total":5,"name":"a"},{"id":2,"total":15.5,"name":"b"},{"id":3,"total":20,"name":"c"},{"id":4,"total":11,"name":"d"}]}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.JSONEq(t, `{"first2":[2,3],"last":4,"ids":[2,3,4,1,2,3,4],"names":["b","c","d"],"pick":[2,4],"cheap":[1],"none":[],"ctx":[2]}`, *d.Output)
	ev := f.history(t, ex)
	var mapExit string
	for _, e := range ev {
		if e.Type == types.HistoryEventTypeMapStateExited {
			mapExit = *e.StateExitedEventDetails.Output
		}
	}
	require.Contains(t, mapExit, `"mapped":[2,3,4]`)
}

// Reference Paths (ResultPath, the Path forms of Choice comparators)
// refuse what can name more than one node, with AWS's texts; Paths
// refuse a JSONPath that does not parse.
func TestPath_ReferencePathsRefuseFullJSONPath(t *testing.T) {
	f := newFixture(t)
	pass := func(field, path string) string {
		return `{"StartAt":"P","States":{"P":{"Type":"Pass","` + field + `":"` + path + `","End":true}}}`
	}
	cases := map[string]struct{ def, msg string }{
		"result filter":   {pass("ResultPath", "$.a[?(@.x)]"), "The value for the field 'ResultPath' must be a valid ReferencePath at /States/P/ResultPath"},
		"result descent":  {pass("ResultPath", "$..a"), "The value for the field 'ResultPath' must be a valid ReferencePath at /States/P/ResultPath"},
		"result wildcard": {pass("ResultPath", "$.a[*]"), "The value for the field 'ResultPath' must be a valid ReferencePath at /States/P/ResultPath"},
		"result slice":    {pass("ResultPath", "$.a[0:1]"), "The value for the field 'ResultPath' must be a valid ReferencePath at /States/P/ResultPath"},
		"result negative": {pass("ResultPath", "$.a[-1]"), "The value for the field 'ResultPath' must be a valid ReferencePath at /States/P/ResultPath"},
		"input unclosed":  {pass("InputPath", "$.a[?(@.x"), "The value for the field 'InputPath' must be a valid JSONPath at /States/P/InputPath"},
		"output bad":      {pass("OutputPath", "$.a[x]"), "The value for the field 'OutputPath' must be a valid JSONPath at /States/P/OutputPath"},
		"choice path": {`{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","StringEqualsPath":"$.b[?(@.c)]","Next":"S"}]},"S":{"Type":"Succeed"}}}`,
			"The value for the field 'StringEqualsPath' must be a valid ReferencePath at /States/C/Choices/0/StringEqualsPath"},
		"parameters": {`{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"$.x[?("},"End":true}}}`,
			"The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function call at /States/P/Parameters"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := f.create(c.def, "")
			var id *types.InvalidDefinition
			require.True(t, errors.As(err, &id), "%v", err)
			require.Equal(t, "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "+c.msg+"'", id.ErrorMessage())
		})
	}
}

// A path that matches nothing is States.Runtime in AWS's words, recorded
// in test_base_scenarios: test_invalid_jsonpath (INPUTPATH, OUTPUTPATH,
// TIMEOUTSECONDSPATH, ERRORPATH, CAUSEPATH) and test_catch_states_runtime
// (a member missing on the way: "Missing property in path").
func TestPath_NoResultsIsStatesRuntime(t *testing.T) {
	f := newFixture(t)
	cases := map[string]struct{ state, cause string }{
		"input":    {`{"Type":"Pass","InputPath":"$.NoSuchInputPath","End":true}`, "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']"},
		"output":   {`{"Type":"Pass","OutputPath":"$.NoSuchOutputPath","End":true}`, "Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']"},
		"onway":    {`{"Type":"Pass","OutputPath":"$.no.such.result.path","End":true}`, "Invalid path '$.no.such.result.path' : Missing property in path $['no']"},
		"index":    {`{"Type":"Pass","InputPath":"$.a[3]","End":true}`, "Invalid path '$.a[3]' : No results for path: $['a'][3]"},
		"items":    {`{"Type":"Map","ItemsPath":"$.nope","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}`, "Invalid path '$.nope' : No results for path: $['nope']"},
		"timeout":  {`{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"TimeoutSecondsPath":"$.NoSuchTimeoutSecondsPath","End":true}`, "Invalid path '$.NoSuchTimeoutSecondsPath' : No results for path: $['NoSuchTimeoutSecondsPath']"},
		"error":    {`{"Type":"Fail","ErrorPath":"$.ErrorX","Cause":"c"}`, `The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{"a":[1]}'`},
		"cause":    {`{"Type":"Fail","Error":"E","CausePath":"$.NoSuchCausePath"}`, `The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could not be found in the input '{"a":[1]}'`},
		"negative": {`{"Type":"Pass","InputPath":"$.a[-2]","End":true}`, "Invalid path '$.a[-2]' : No results for path: $.a[-2]"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			def := `{"StartAt":"S","States":{"S":` + c.state + `}}`
			sm := f.machine(t, "m-"+name, json.RawMessage(def), "")
			ex := f.start(t, sm, `{"a":[1]}`)
			d := f.describe(t, ex)
			require.Equal(t, types.ExecutionStatusFailed, d.Status)
			require.Equal(t, "States.Runtime", *d.Error)
			require.True(t, strings.HasSuffix(*d.Cause, c.cause), "%s", *d.Cause)
		})
	}
}
