package iam_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func doc(statements string) string {
	return `{"Version":"2012-10-17","Statement":[` + statements + `]}`
}

// SimulatePrincipalPolicy on the cases of the IAM User Guide's "Policy
// evaluation logic": an allow, an explicit deny that wins, the implicit
// deny of no statement, a permissions boundary limiting an allow, a
// NotAction, a condition on aws:SourceArn, and a cross-account request
// that needs the resource policy too.
func TestSimulatePrincipalPolicy_EvaluationLogicCases(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("dev")})
	require.NoError(t, err)
	put := func(name, d string) {
		_, err := f.client.PutUserPolicy(f.ctx, &iam.PutUserPolicyInput{UserName: aws.String("dev"), PolicyName: aws.String(name), PolicyDocument: aws.String(d)})
		require.NoError(t, err)
	}
	put("s3", doc(`{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"NoDelete","Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}`))
	put("notiam", doc(`{"Effect":"Allow","NotAction":"iam:*","Resource":"arn:aws:sqs:*:*:*"}`))
	put("cond", doc(`{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-1:000000000000:ok-*"}}}`))
	user := aws.String("arn:aws:iam::000000000000:user/dev")

	for name, tc := range map[string]struct {
		action, resource string
		context          []types.ContextEntry
		boundary         []string
		resourcePolicy   string
		owner            string
		want             types.PolicyEvaluationDecisionType
	}{
		"allowed":                           {action: "s3:GetObject", resource: "arn:aws:s3:::b/k", want: types.PolicyEvaluationDecisionTypeAllowed},
		"explicit deny wins":                {action: "s3:DeleteBucket", resource: "arn:aws:s3:::b", want: types.PolicyEvaluationDecisionTypeExplicitDeny},
		"no statement":                      {action: "dynamodb:GetItem", resource: "*", want: types.PolicyEvaluationDecisionTypeImplicitDeny},
		"not action allows":                 {action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:000000000000:q", want: types.PolicyEvaluationDecisionTypeAllowed},
		"not action excludes":               {action: "iam:CreateUser", resource: "arn:aws:sqs:us-east-1:000000000000:q", want: types.PolicyEvaluationDecisionTypeImplicitDeny},
		"boundary limits":                   {action: "s3:GetObject", resource: "*", boundary: []string{doc(`{"Effect":"Allow","Action":"sqs:*","Resource":"*"}`)}, want: types.PolicyEvaluationDecisionTypeImplicitDeny},
		"boundary allows":                   {action: "s3:GetObject", resource: "*", boundary: []string{doc(`{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}`)}, want: types.PolicyEvaluationDecisionTypeAllowed},
		"source arn matches":                {action: "lambda:InvokeFunction", resource: "*", context: sourceArn("arn:aws:sns:us-east-1:000000000000:ok-topic"), want: types.PolicyEvaluationDecisionTypeAllowed},
		"source arn differs":                {action: "lambda:InvokeFunction", resource: "*", context: sourceArn("arn:aws:sns:us-east-1:000000000000:other"), want: types.PolicyEvaluationDecisionTypeImplicitDeny},
		"cross account, no resource policy": {action: "s3:GetObject", resource: "arn:aws:s3:::theirs/k", owner: "arn:aws:iam::111111111111:root", want: types.PolicyEvaluationDecisionTypeImplicitDeny},
		"cross account, resource policy allows": {action: "s3:GetObject", resource: "arn:aws:s3:::theirs/k", owner: "arn:aws:iam::111111111111:root",
			resourcePolicy: doc(`{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:user/dev"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::theirs/*"}`),
			want:           types.PolicyEvaluationDecisionTypeAllowed},
	} {
		t.Run(name, func(t *testing.T) {
			in := &iam.SimulatePrincipalPolicyInput{PolicySourceArn: user, ActionNames: []string{tc.action}, ResourceArns: []string{tc.resource},
				ContextEntries: tc.context, PermissionsBoundaryPolicyInputList: tc.boundary}
			if tc.resourcePolicy != "" {
				in.ResourcePolicy = aws.String(tc.resourcePolicy)
			}
			if tc.owner != "" {
				in.ResourceOwner = aws.String(tc.owner)
			}
			out, err := f.client.SimulatePrincipalPolicy(f.ctx, in)
			require.NoError(t, err)
			require.Len(t, out.EvaluationResults, 1)
			r := out.EvaluationResults[0]
			assert.Equal(t, tc.want, r.EvalDecision)
			assert.Equal(t, tc.action, aws.ToString(r.EvalActionName))
		})
	}
}

func sourceArn(v string) []types.ContextEntry {
	return []types.ContextEntry{{ContextKeyName: aws.String("aws:SourceArn"), ContextKeyType: types.ContextKeyTypeEnumString, ContextKeyValues: []string{v}}}
}

// The matched statements name the policy that decided, and a role's
// attached AWS managed policy counts.
func TestSimulatePrincipalPolicy_MatchedStatementsOfARole(t *testing.T) {
	f := newFixture(t)
	r := f.role(t, "fn")
	_, err := f.client.AttachRolePolicy(f.ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("fn"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")})
	require.NoError(t, err)
	out, err := f.client.SimulatePrincipalPolicy(f.ctx, &iam.SimulatePrincipalPolicyInput{PolicySourceArn: r.Arn,
		ActionNames: []string{"logs:PutLogEvents", "sqs:SendMessage"}})
	require.NoError(t, err)
	require.Len(t, out.EvaluationResults, 2)
	assert.Equal(t, types.PolicyEvaluationDecisionTypeAllowed, out.EvaluationResults[0].EvalDecision)
	require.Len(t, out.EvaluationResults[0].MatchedStatements, 1)
	m := out.EvaluationResults[0].MatchedStatements[0]
	assert.Equal(t, "AWSLambdaBasicExecutionRole", aws.ToString(m.SourcePolicyId))
	assert.Equal(t, types.PolicySourceTypeAwsManaged, m.SourcePolicyType)
	assert.Equal(t, types.PolicyEvaluationDecisionTypeImplicitDeny, out.EvaluationResults[1].EvalDecision)
}

func TestSimulateCustomPolicy_AndContextKeys(t *testing.T) {
	f := newFixture(t)
	d := doc(`{"Effect":"Allow","Action":"sqs:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}`)
	out, err := f.client.SimulateCustomPolicy(f.ctx, &iam.SimulateCustomPolicyInput{PolicyInputList: []string{d}, ActionNames: []string{"sqs:SendMessage"},
		ContextEntries: []types.ContextEntry{{ContextKeyName: aws.String("aws:RequestedRegion"), ContextKeyType: types.ContextKeyTypeEnumString, ContextKeyValues: []string{"eu-west-1"}}}})
	require.NoError(t, err)
	assert.Equal(t, types.PolicyEvaluationDecisionTypeAllowed, out.EvaluationResults[0].EvalDecision)
	assert.Equal(t, "PolicyInputList.1", aws.ToString(out.EvaluationResults[0].MatchedStatements[0].SourcePolicyId))
	keys, err := f.client.GetContextKeysForCustomPolicy(f.ctx, &iam.GetContextKeysForCustomPolicyInput{PolicyInputList: []string{d}})
	require.NoError(t, err)
	assert.Equal(t, []string{"aws:requestedregion"}, keys.ContextKeyNames)
	_, err = f.client.SimulateCustomPolicy(f.ctx, &iam.SimulateCustomPolicyInput{PolicyInputList: []string{"{"}, ActionNames: []string{"sqs:SendMessage"}})
	code(t, err, "MalformedPolicyDocument")
}
