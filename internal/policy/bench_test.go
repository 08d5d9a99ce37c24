package policy_test

import (
	"fmt"
	"testing"

	"github.com/awsfake/awsfake/internal/policy"
)

// benchPolicies is 10 identity policies of 20 statements each, with
// wildcards, a policy variable in every Resource and two conditions; the
// evaluator visits every statement twice (the Deny pass, the Allow pass).
func benchPolicies() []policy.Document {
	docs := make([]policy.Document, 10)
	for i := range docs {
		d := policy.Document{Version: "2012-10-17"}
		for j := range 20 {
			action := fmt.Sprintf("sqs:Get%d*", j)
			if j%2 == 1 {
				action = "SQS:*" // half the statements reach the resource and conditions
			}
			d.Statement = append(d.Statement, policy.Statement{
				Sid: fmt.Sprintf("s%d", j), Effect: policy.Allow,
				Action:   policy.Values{"sns:Publish", action},
				Resource: policy.Values{fmt.Sprintf("arn:aws:sqs:*:111111111111:queue-%d-${aws:username}", j)},
				Condition: map[string]map[string]policy.Values{
					"StringEquals": {"aws:PrincipalTag/team": {"blue"}},
					"ArnLike":      {"aws:SourceArn": {"arn:aws:sns:*:111111111111:*"}},
				},
			})
		}
		docs[i] = d
	}
	docs[9].Statement[19].Action = policy.Values{"sqs:SendMessage"}
	docs[9].Statement[19].Resource = policy.Values{"arn:aws:sqs:us-east-1:111111111111:*"}
	return docs
}

// BenchmarkEvaluate evaluates one request against 10 policies of 20
// statements (go test -bench Evaluate -benchmem ./internal/policy/).
func BenchmarkEvaluate(b *testing.B) {
	caller := user
	caller.Tags = map[string]string{"team": "blue"}
	req := policy.Request{Caller: caller, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:111111111111:queue-19-alice",
		Context: map[string][]string{"aws:SourceArn": {"arn:aws:sns:us-east-1:111111111111:t"}}}
	p := policy.Policies{Identity: benchPolicies()}
	if r := policy.Evaluate(req, p); r.Decision != policy.Allowed {
		b.Fatalf("benchmark request not allowed: %+v", r)
	}
	b.ReportAllocs()
	for b.Loop() {
		policy.Evaluate(req, p)
	}
}
