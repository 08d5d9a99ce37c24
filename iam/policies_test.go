package iam_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCreatePolicy_VersionsUpToFiveThenLimitExceeded(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.CreatePolicy(f.ctx, &iam.CreatePolicyInput{PolicyName: aws.String("read"), Path: aws.String("/app/"),
		PolicyDocument: aws.String(s3Read), Description: aws.String("reads")})
	require.NoError(t, err)
	p := out.Policy
	assert.Equal(t, "arn:aws:iam::000000000000:policy/app/read", aws.ToString(p.Arn))
	assert.Regexp(t, `^ANPA[A-Z0-9]{17}$`, aws.ToString(p.PolicyId))
	assert.Equal(t, "v1", aws.ToString(p.DefaultVersionId))
	assert.True(t, p.IsAttachable)

	for i := 2; i <= 5; i++ {
		v, err := f.client.CreatePolicyVersion(f.ctx, &iam.CreatePolicyVersionInput{PolicyArn: p.Arn, PolicyDocument: aws.String(s3Read), SetAsDefault: i == 3})
		require.NoError(t, err)
		assert.Equal(t, "v"+string(rune('0'+i)), aws.ToString(v.PolicyVersion.VersionId))
	}
	_, err = f.client.CreatePolicyVersion(f.ctx, &iam.CreatePolicyVersionInput{PolicyArn: p.Arn, PolicyDocument: aws.String(s3Read)})
	var lim *types.LimitExceededException
	require.ErrorAs(t, err, &lim)

	got, err := f.client.GetPolicy(f.ctx, &iam.GetPolicyInput{PolicyArn: p.Arn})
	require.NoError(t, err)
	assert.Equal(t, "v3", aws.ToString(got.Policy.DefaultVersionId))
	vs, err := f.client.ListPolicyVersions(f.ctx, &iam.ListPolicyVersionsInput{PolicyArn: p.Arn})
	require.NoError(t, err)
	require.Len(t, vs.Versions, 5)
	assert.Equal(t, "v5", aws.ToString(vs.Versions[0].VersionId), "newest first")

	_, err = f.client.DeletePolicyVersion(f.ctx, &iam.DeletePolicyVersionInput{PolicyArn: p.Arn, VersionId: aws.String("v3")})
	code(t, err, "DeleteConflict")
	_, err = f.client.SetDefaultPolicyVersion(f.ctx, &iam.SetDefaultPolicyVersionInput{PolicyArn: p.Arn, VersionId: aws.String("v5")})
	require.NoError(t, err)
	_, err = f.client.DeletePolicyVersion(f.ctx, &iam.DeletePolicyVersionInput{PolicyArn: p.Arn, VersionId: aws.String("v3")})
	require.NoError(t, err)
	v, err := f.client.GetPolicyVersion(f.ctx, &iam.GetPolicyVersionInput{PolicyArn: p.Arn, VersionId: aws.String("v5")})
	require.NoError(t, err)
	assert.True(t, v.PolicyVersion.IsDefaultVersion)
	doc, _ := url.QueryUnescape(aws.ToString(v.PolicyVersion.Document))
	assert.JSONEq(t, s3Read, doc)

	_, err = f.client.DeletePolicy(f.ctx, &iam.DeletePolicyInput{PolicyArn: p.Arn})
	code(t, err, "DeleteConflict") // non-default versions remain
}

func TestCreatePolicy_MalformedDocumentsRefused(t *testing.T) {
	f := newFixture(t)
	for name, doc := range map[string]string{
		"not json":     `{"Version":`,
		"no statement": `{"Version":"2012-10-17"}`,
		"bad effect":   `{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"s3:*","Resource":"*"}]}`,
		"no action":    `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}`,
		"no resource":  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}`,
		"principal":    `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}`,
		"bad version":  `{"Version":"2020-01-01","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := f.client.CreatePolicy(f.ctx, &iam.CreatePolicyInput{PolicyName: aws.String("p"), PolicyDocument: aws.String(doc)})
			var mal *types.MalformedPolicyDocumentException
			require.ErrorAs(t, err, &mal)
			_, err = f.client.PutUserPolicy(f.ctx, &iam.PutUserPolicyInput{UserName: aws.String("nobody"), PolicyName: aws.String("p"), PolicyDocument: aws.String(doc)})
			require.ErrorAs(t, err, &mal, "inline documents are checked before the user is looked up")
		})
	}
	list, err := f.client.ListPolicies(f.ctx, &iam.ListPoliciesInput{Scope: types.PolicyScopeTypeLocal})
	require.NoError(t, err)
	assert.Empty(t, list.Policies)
}

func TestAttachPolicies_CountsAndListEntities(t *testing.T) {
	f := newFixture(t)
	f.role(t, "r")
	_, err := f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("u")})
	require.NoError(t, err)
	_, err = f.client.CreateGroup(f.ctx, &iam.CreateGroupInput{GroupName: aws.String("g")})
	require.NoError(t, err)
	pol, err := f.client.CreatePolicy(f.ctx, &iam.CreatePolicyInput{PolicyName: aws.String("p"), PolicyDocument: aws.String(s3Read)})
	require.NoError(t, err)
	arn := pol.Policy.Arn
	_, err = f.client.AttachRolePolicy(f.ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: arn})
	require.NoError(t, err)
	_, err = f.client.AttachUserPolicy(f.ctx, &iam.AttachUserPolicyInput{UserName: aws.String("u"), PolicyArn: arn})
	require.NoError(t, err)
	_, err = f.client.AttachGroupPolicy(f.ctx, &iam.AttachGroupPolicyInput{GroupName: aws.String("g"), PolicyArn: arn})
	require.NoError(t, err)
	_, err = f.client.AttachGroupPolicy(f.ctx, &iam.AttachGroupPolicyInput{GroupName: aws.String("g"), PolicyArn: arn})
	require.NoError(t, err, "attaching again changes nothing")

	got, err := f.client.GetPolicy(f.ctx, &iam.GetPolicyInput{PolicyArn: arn})
	require.NoError(t, err)
	assert.Equal(t, int32(3), aws.ToInt32(got.Policy.AttachmentCount))
	ents, err := f.client.ListEntitiesForPolicy(f.ctx, &iam.ListEntitiesForPolicyInput{PolicyArn: arn})
	require.NoError(t, err)
	assert.Equal(t, "r", aws.ToString(ents.PolicyRoles[0].RoleName))
	assert.Equal(t, "u", aws.ToString(ents.PolicyUsers[0].UserName))
	assert.Equal(t, "g", aws.ToString(ents.PolicyGroups[0].GroupName))
	att, err := f.client.ListAttachedRolePolicies(f.ctx, &iam.ListAttachedRolePoliciesInput{RoleName: aws.String("r")})
	require.NoError(t, err)
	assert.Equal(t, "p", aws.ToString(att.AttachedPolicies[0].PolicyName))
	only, err := f.client.ListPolicies(f.ctx, &iam.ListPoliciesInput{OnlyAttached: true})
	require.NoError(t, err)
	require.Len(t, only.Policies, 1)

	_, err = f.client.DeletePolicy(f.ctx, &iam.DeletePolicyInput{PolicyArn: arn})
	code(t, err, "DeleteConflict")
	_, err = f.client.DetachUserPolicy(f.ctx, &iam.DetachUserPolicyInput{UserName: aws.String("u"), PolicyArn: arn})
	require.NoError(t, err)
	_, err = f.client.DetachUserPolicy(f.ctx, &iam.DetachUserPolicyInput{UserName: aws.String("u"), PolicyArn: arn})
	code(t, err, "NoSuchEntity")
	_, err = f.client.AttachRolePolicy(f.ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: aws.String("arn:aws:iam::000000000000:policy/none")})
	code(t, err, "NoSuchEntity")
}

func TestAttachRolePolicy_TenPerRole(t *testing.T) {
	f := newFixture(t)
	f.role(t, "r")
	list, err := f.client.ListPolicies(f.ctx, &iam.ListPoliciesInput{Scope: types.PolicyScopeTypeAws})
	require.NoError(t, err)
	require.Greater(t, len(list.Policies), 10)
	for i, p := range list.Policies[:11] {
		_, err := f.client.AttachRolePolicy(f.ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: p.Arn})
		if i < 10 {
			require.NoError(t, err)
		} else {
			code(t, err, "LimitExceeded")
		}
	}
}

// The AWS managed policies are listed with their paths and documents and
// count the account's attachments.
func TestAWSManagedPolicies_ListedAttachableWithDocuments(t *testing.T) {
	f := newFixture(t)
	list, err := f.client.ListPolicies(f.ctx, &iam.ListPoliciesInput{Scope: types.PolicyScopeTypeAws, PathPrefix: aws.String("/service-role/")})
	require.NoError(t, err)
	var names []string
	for _, p := range list.Policies {
		names = append(names, aws.ToString(p.PolicyName))
	}
	assert.Contains(t, names, "AWSLambdaBasicExecutionRole")
	assert.Contains(t, names, "AWSLambdaSQSQueueExecutionRole")
	assert.NotContains(t, names, "AdministratorAccess")

	basic := aws.String("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
	v, err := f.client.GetPolicyVersion(f.ctx, &iam.GetPolicyVersionInput{PolicyArn: basic, VersionId: aws.String("v1")})
	require.NoError(t, err)
	doc, _ := url.QueryUnescape(aws.ToString(v.PolicyVersion.Document))
	assert.JSONEq(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}`, doc)

	f.role(t, "fn")
	_, err = f.client.AttachRolePolicy(f.ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("fn"), PolicyArn: basic})
	require.NoError(t, err)
	p, err := f.client.GetPolicy(f.ctx, &iam.GetPolicyInput{PolicyArn: basic})
	require.NoError(t, err)
	assert.Equal(t, int32(1), aws.ToInt32(p.Policy.AttachmentCount))
	_, err = f.client.DeletePolicy(f.ctx, &iam.DeletePolicyInput{PolicyArn: aws.String("arn:aws:iam::aws:policy/AdministratorAccess")})
	code(t, err, "UnmodifiableEntity")
}

func TestInlinePolicies_PutGetListDeleteForEachKind(t *testing.T) {
	f := newFixture(t)
	f.role(t, "r")
	_, err := f.client.PutRolePolicy(f.ctx, &iam.PutRolePolicyInput{RoleName: aws.String("r"), PolicyName: aws.String("b"), PolicyDocument: aws.String(s3Read)})
	require.NoError(t, err)
	_, err = f.client.PutRolePolicy(f.ctx, &iam.PutRolePolicyInput{RoleName: aws.String("r"), PolicyName: aws.String("a"), PolicyDocument: aws.String(s3Read)})
	require.NoError(t, err)
	names, err := f.client.ListRolePolicies(f.ctx, &iam.ListRolePoliciesInput{RoleName: aws.String("r")})
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, names.PolicyNames)
	got, err := f.client.GetRolePolicy(f.ctx, &iam.GetRolePolicyInput{RoleName: aws.String("r"), PolicyName: aws.String("a")})
	require.NoError(t, err)
	doc, _ := url.QueryUnescape(aws.ToString(got.PolicyDocument))
	assert.JSONEq(t, s3Read, doc)
	_, err = f.client.GetRolePolicy(f.ctx, &iam.GetRolePolicyInput{RoleName: aws.String("r"), PolicyName: aws.String("zz")})
	code(t, err, "NoSuchEntity")

	_, err = f.client.CreateGroup(f.ctx, &iam.CreateGroupInput{GroupName: aws.String("g")})
	require.NoError(t, err)
	_, err = f.client.PutGroupPolicy(f.ctx, &iam.PutGroupPolicyInput{GroupName: aws.String("g"), PolicyName: aws.String("p"), PolicyDocument: aws.String(s3Read)})
	require.NoError(t, err)
	_, err = f.client.DeleteGroupPolicy(f.ctx, &iam.DeleteGroupPolicyInput{GroupName: aws.String("g"), PolicyName: aws.String("p")})
	require.NoError(t, err)

	// A user's inline policies share 2,048 characters.
	_, err = f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("u")})
	require.NoError(t, err)
	big := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::` + strings.Repeat("x", 1000) + `"}]}`
	_, err = f.client.PutUserPolicy(f.ctx, &iam.PutUserPolicyInput{UserName: aws.String("u"), PolicyName: aws.String("one"), PolicyDocument: aws.String(big)})
	require.NoError(t, err)
	_, err = f.client.PutUserPolicy(f.ctx, &iam.PutUserPolicyInput{UserName: aws.String("u"), PolicyName: aws.String("two"), PolicyDocument: aws.String(big)})
	code(t, err, "LimitExceeded")
}
