package stepfn_test

import "testing"

// Trace headers: no traceHeader, run through a traced machine with a
// Parallel, answers a 5xx or leaves the execution stuck.
func FuzzTraceHeader(f *testing.F) {
	for _, seed := range []string{"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
		"Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0", "Root=;Parent=;Sampled=?", "é", ""} {
		f.Add(seed)
	}
	def := `{"StartAt":"B","States":{"B":{"Type":"Parallel","End":true,"Branches":[` +
		`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E"}}}],` +
		`"Catch":[{"ErrorEquals":["States.ALL"],"Next":"S"}]},"S":{"Type":"Succeed"}}}`
	f.Fuzz(func(t *testing.T, header string) {
		s, serve := fuzzService(t)
		serve("CreateStateMachine", `{"name":"m","roleArn":"arn:aws:iam::000000000000:role/r","tracingConfiguration":{"enabled":true},"definition":`+quote(def)+`}`)
		serve("StartExecution", `{"stateMachineArn":"arn:aws:states:us-east-1:000000000000:stateMachine:m","name":"e","traceHeader":`+quote(header)+`}`)
		if e, ok := s.Execution("arn:aws:states:us-east-1:000000000000:execution:m:e"); ok && e.Status != "SUCCEEDED" {
			t.Fatalf("execution %s on header %q: %v", e.Status, header, e.Events)
		}
	})
}
