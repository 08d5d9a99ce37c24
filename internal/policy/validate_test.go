package policy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/policy"
)

// TestValidate_MalformedPolicyDocumentMessages pins IAM's
// MalformedPolicyDocument messages for each fault of the policy grammar
// (IAM User Guide, "Grammar of the IAM JSON policy language").
func TestValidate_MalformedPolicyDocumentMessages(t *testing.T) {
	const ok = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`
	const trust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
	require.NoError(t, policy.Validate([]byte(ok), policy.Identity))
	require.NoError(t, policy.Validate([]byte(trust), policy.Trust))
	require.NoError(t, policy.Validate([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
		"Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],"Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:x"}}}]}`), policy.Trust))
	require.NoError(t, policy.Validate([]byte(`{"Statement":{"Sid":"q/1","Effect":"Deny","Principal":"*","NotAction":"sqs:Delete*",
		"Condition":{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":["a*"]}}}}`), policy.Resource))
	cases := []struct {
		name, text string
		kind       policy.Kind
		msg        string
	}{
		{"not JSON", `{`, policy.Identity, "Syntax errors in policy."},
		{"not an object", `[]`, policy.Identity, "Syntax errors in policy."},
		{"no statement", `{"Version":"2012-10-17"}`, policy.Identity, "Syntax errors in policy."},
		{"bad version", `{"Version":"2020-01-01","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`, policy.Identity, "Syntax errors in policy."},
		{"bad effect", `{"Statement":{"Effect":"Permit","Action":"s3:*","Resource":"*"}}`, policy.Identity, "Syntax errors in policy."},
		{"unknown top field", `{"Versoin":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`, policy.Identity, "Unknown field Versoin"},
		{"unknown statement field", `{"Statement":{"Effect":"Allow","Actions":"s3:*","Resource":"*"}}`, policy.Identity, "Unknown field Actions"},
		{"identity with principal", `{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}`, policy.Identity, "Policy document should not specify a principal."},
		{"resource policy without principal", `{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`, policy.Resource, "Missing required field Principal"},
		{"trust without principal", `{"Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}`, policy.Trust, "Missing required field Principal"},
		{"no actions", `{"Statement":{"Effect":"Allow","Resource":"*"}}`, policy.Identity, "Policy statement must contain actions."},
		{"no resources", `{"Statement":{"Effect":"Allow","Action":"s3:*"}}`, policy.Identity, "Policy statement must contain resources."},
		{"trust with resource", `{"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}}`, policy.Trust, "Has prohibited field Resource"},
		{"trust with another action", `{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}}`, policy.Trust, "Policy has invalid action"},
		{"action without vendor", `{"Statement":{"Effect":"Allow","Action":"GetObject","Resource":"*"}}`, policy.Identity,
			"Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."},
		{"resource not an ARN", `{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"photos"}}`, policy.Identity, `Resource photos must be in ARN format or "*".`},
		{"invalid principal", `{"Statement":{"Effect":"Allow","Principal":{"AWS":"alice"},"Action":"s3:*"}}`, policy.Resource, `Invalid principal in policy: "AWS":"alice"`},
		{"wildcard in principal ARN", `{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/*"},"Action":"s3:*"}}`, policy.Resource,
			`Invalid principal in policy: "AWS":"arn:aws:iam::111111111111:user/*"`},
		{"unknown principal kind", `{"Statement":{"Effect":"Allow","Principal":{"Users":"x"},"Action":"s3:*"}}`, policy.Resource, `Invalid principal in policy: "Users":"x"`},
		{"both Action and NotAction", `{"Statement":{"Effect":"Allow","Action":"s3:*","NotAction":"s3:Get*","Resource":"*"}}`, policy.Identity, "Syntax errors in policy."},
		{"unknown condition operator", `{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"s3:prefix":"a"}}}}`, policy.Identity, "Syntax errors in policy."},
		{"Null with a set operator", `{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"ForAnyValue:Null":{"s3:prefix":"true"}}}}`, policy.Identity, "Syntax errors in policy."},
		{"condition key without vendor", `{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"prefix":"a"}}}}`, policy.Identity,
			"Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."},
		{"duplicate sid", `{"Statement":[{"Sid":"a","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"a","Effect":"Deny","Action":"s3:*","Resource":"*"}]}`,
			policy.Identity, "Statement IDs (SID) in a single policy must be unique."},
		{"sid not alphanumeric", `{"Statement":{"Sid":"a-b","Effect":"Allow","Action":"s3:*","Resource":"*"}}`, policy.Identity,
			"Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*"},
	}
	for _, c := range cases {
		err := policy.Validate([]byte(c.text), c.kind)
		var m *policy.MalformedError
		if assert.ErrorAs(t, err, &m, c.name) {
			assert.Equal(t, c.msg, m.Message, c.name)
		}
	}
}
