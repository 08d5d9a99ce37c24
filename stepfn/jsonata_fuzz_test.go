package stepfn_test

import (
	"strings"
	"testing"
)

// JSONata expressions: none, compiled through a definition (Output,
// Assign, a Choice Condition, Map Items and ItemSelector) and evaluated
// by an execution on an input, answers a 5xx or leaves the execution
// running.
func FuzzJSONataExpression(f *testing.F) {
	for _, seed := range []string{
		"$states.input.a", "$sum($states.input.items) + 1", "$x := 1", "$states.input.items[$ > 1]", "$partition([1,2,3], 2)",
		"$range(1, 5, 2)", "$hash('a', 'SHA-1')", "$parse('{\"a\":1}')", "$uuid()", "$random(3)", "$eval('1')", "$now()",
		"$states.input.a ?? 1", "{'a': [1, 2]}", "function($x){$x}", "1/0", "$states.context.Execution.Name", "$string($states.input)",
		"(", "%}", "'", "$states.input.a = null", "$count($states.input.items) > 1",
	} {
		f.Add(seed, `{"a":1,"items":[1,2,3]}`)
	}
	f.Add("$states.input", `[1,null,"x"]`)
	f.Fuzz(func(t *testing.T, expr, input string) {
		s, serve := fuzzService(t)
		x := quote("{% " + expr + " %}")
		def := `{"QueryLanguage":"JSONata","StartAt":"P","States":{
"P":{"Type":"Pass","Assign":{"v":` + x + `},"Output":{"o":` + x + `},"Next":"C"},
"C":{"Type":"Choice","Choices":[{"Condition":` + x + `,"Next":"M"}],"Default":"M"},
"M":{"Type":"Map","Items":` + x + `,"ItemSelector":{"i":` + x + `},"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}}`
		serve("ValidateStateMachineDefinition", `{"definition":`+quote(def)+`}`)
		serve("CreateStateMachine", `{"name":"m","roleArn":"arn:aws:iam::000000000000:role/r","definition":`+quote(def)+`}`)
		serve("StartExecution", `{"stateMachineArn":"arn:aws:states:us-east-1:000000000000:stateMachine:m","name":"e","input":`+quote(input)+`}`)
		if e, ok := s.Execution("arn:aws:states:us-east-1:000000000000:execution:m:e"); ok && e.Status == "RUNNING" && !strings.Contains(expr, "..") {
			t.Fatalf("execution stuck on %q: %v", expr, e.Events)
		}
	})
}
