package stepfn_test

import (
	"testing"
)

// Paths: no path in InputPath, ResultPath, OutputPath or a ".$" member
// answers a 5xx at creation or when an execution runs it.
func FuzzPath(f *testing.F) {
	for _, seed := range []string{"$", "$.a.b[0]", "$.a[*].x", "$.a[?(@.x > 1)]", "$..x", "$.a[1:3]", "$.a[-1]", "$['a','b']", "$.a[?(", "$$.Execution.Id", "$v.x"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, p string) {
		_, serve := fuzzService(t)
		for _, field := range []string{"InputPath", "ResultPath", "OutputPath"} {
			def := `{"StartAt":"P","States":{"P":{"Type":"Pass","` + field + `":` + quote(p) + `,"Parameters":{"x.$":` + quote(p) + `},"End":true}}}`
			serve("CreateStateMachine", `{"name":"m`+field+`","roleArn":"arn:aws:iam::000000000000:role/r","definition":`+quote(def)+`}`)
			serve("StartExecution", `{"stateMachineArn":"arn:aws:states:us-east-1:000000000000:stateMachine:m`+field+`","input":"{\"a\":[{\"x\":1},{\"x\":2.5}],\"b\":{\"x\":3}}"}`)
		}
	})
}
