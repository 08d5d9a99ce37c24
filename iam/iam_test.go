package iam_test

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

const lambdaTrust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

const s3Read = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// fixture is a cloud on a fake clock and an IAM client.
type fixture struct {
	cloud  *awsfake.Cloud
	client *iam.Client
	ctx    context.Context
}

func newFixture(t *testing.T) *fixture {
	cloud := awsfake.NewT(t, awsfake.WithClock(clock.NewFake(t0)))
	return &fixture{cloud: cloud, client: iam.NewFromConfig(cloud.AWSConfig()), ctx: context.Background()}
}

func (f *fixture) role(t *testing.T, name string) *types.Role {
	out, err := f.client.CreateRole(f.ctx, &iam.CreateRoleInput{RoleName: aws.String(name), AssumeRolePolicyDocument: aws.String(lambdaTrust)})
	require.NoError(t, err)
	return out.Role
}

func code(t *testing.T, err error, want string) {
	t.Helper()
	awsfake.CheckCode(t, err, want)
}

func TestCreateRole_GetRoleReturnsItWithAWSsShape(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.CreateRole(f.ctx, &iam.CreateRoleInput{RoleName: aws.String("app"), Path: aws.String("/service-role/"),
		AssumeRolePolicyDocument: aws.String(lambdaTrust), Description: aws.String("runs app"), MaxSessionDuration: aws.Int32(7200),
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("core")}}})
	require.NoError(t, err)
	r := out.Role
	assert.Equal(t, "arn:aws:iam::000000000000:role/service-role/app", aws.ToString(r.Arn))
	assert.Regexp(t, `^AROA[A-Z0-9]{17}$`, aws.ToString(r.RoleId))
	assert.Equal(t, t0, aws.ToTime(r.CreateDate))

	got, err := f.client.GetRole(f.ctx, &iam.GetRoleInput{RoleName: aws.String("APP")}) // names are case-insensitive
	require.NoError(t, err)
	doc, err := url.QueryUnescape(aws.ToString(got.Role.AssumeRolePolicyDocument))
	require.NoError(t, err)
	assert.JSONEq(t, lambdaTrust, doc)
	assert.Equal(t, int32(7200), aws.ToInt32(got.Role.MaxSessionDuration))
	assert.Equal(t, "runs app", aws.ToString(got.Role.Description))
	assert.Equal(t, "core", aws.ToString(got.Role.Tags[0].Value))
	require.NotNil(t, got.Role.RoleLastUsed)

	_, err = f.client.CreateRole(f.ctx, &iam.CreateRoleInput{RoleName: aws.String("App"), AssumeRolePolicyDocument: aws.String(lambdaTrust)})
	var dup *types.EntityAlreadyExistsException
	require.ErrorAs(t, err, &dup)
	_, err = f.client.GetRole(f.ctx, &iam.GetRoleInput{RoleName: aws.String("nope")})
	var missing *types.NoSuchEntityException
	require.ErrorAs(t, err, &missing)
	assert.Contains(t, err.Error(), "The role with name nope cannot be found.")
}

func TestCreateRole_RefusesBadInput(t *testing.T) {
	f := newFixture(t)
	for name, tc := range map[string]struct {
		in   iam.CreateRoleInput
		code string
	}{
		"bad name":         {iam.CreateRoleInput{RoleName: aws.String("a b"), AssumeRolePolicyDocument: aws.String(lambdaTrust)}, "ValidationError"},
		"long name":        {iam.CreateRoleInput{RoleName: aws.String(fmt.Sprintf("%065d", 0)), AssumeRolePolicyDocument: aws.String(lambdaTrust)}, "ValidationError"},
		"bad path":         {iam.CreateRoleInput{RoleName: aws.String("r"), Path: aws.String("nope"), AssumeRolePolicyDocument: aws.String(lambdaTrust)}, "ValidationError"},
		"session short":    {iam.CreateRoleInput{RoleName: aws.String("r"), MaxSessionDuration: aws.Int32(3599), AssumeRolePolicyDocument: aws.String(lambdaTrust)}, "ValidationError"},
		"session long":     {iam.CreateRoleInput{RoleName: aws.String("r"), MaxSessionDuration: aws.Int32(43201), AssumeRolePolicyDocument: aws.String(lambdaTrust)}, "ValidationError"},
		"not json":         {iam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String("{nope")}, "MalformedPolicyDocument"},
		"no principal":     {iam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String(s3Read)}, "MalformedPolicyDocument"},
		"missing boundary": {iam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String(lambdaTrust), PermissionsBoundary: aws.String("arn:aws:iam::000000000000:policy/none")}, "NoSuchEntity"},
		"reserved tag":     {iam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String(lambdaTrust), Tags: []types.Tag{{Key: aws.String("aws:x"), Value: aws.String("v")}}}, "InvalidInput"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := f.client.CreateRole(f.ctx, &tc.in)
			code(t, err, tc.code)
		})
	}
	roles, err := f.client.ListRoles(f.ctx, &iam.ListRolesInput{})
	require.NoError(t, err)
	assert.Empty(t, roles.Roles, "bad input leaves state untouched")
}

func TestListRoles_PagesWithMarker(t *testing.T) {
	f := newFixture(t)
	for i := range 5 {
		f.role(t, fmt.Sprintf("r%d", i))
	}
	var names []string
	p := iam.NewListRolesPaginator(f.client, &iam.ListRolesInput{MaxItems: aws.Int32(2)})
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(f.ctx)
		require.NoError(t, err)
		pages++
		for _, r := range out.Roles {
			names = append(names, aws.ToString(r.RoleName))
		}
	}
	assert.Equal(t, 3, pages)
	assert.Equal(t, []string{"r0", "r1", "r2", "r3", "r4"}, names)
	_, err := f.client.ListRoles(f.ctx, &iam.ListRolesInput{MaxItems: aws.Int32(1001)})
	code(t, err, "ValidationError")
}

func TestUpdateRole_DescriptionSessionTrustAndBoundary(t *testing.T) {
	f := newFixture(t)
	f.role(t, "r")
	pol, err := f.client.CreatePolicy(f.ctx, &iam.CreatePolicyInput{PolicyName: aws.String("b"), PolicyDocument: aws.String(s3Read)})
	require.NoError(t, err)
	_, err = f.client.UpdateRole(f.ctx, &iam.UpdateRoleInput{RoleName: aws.String("r"), MaxSessionDuration: aws.Int32(43200)})
	require.NoError(t, err)
	_, err = f.client.UpdateRoleDescription(f.ctx, &iam.UpdateRoleDescriptionInput{RoleName: aws.String("r"), Description: aws.String("d")})
	require.NoError(t, err)
	trust := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}`
	_, err = f.client.UpdateAssumeRolePolicy(f.ctx, &iam.UpdateAssumeRolePolicyInput{RoleName: aws.String("r"), PolicyDocument: aws.String(trust)})
	require.NoError(t, err)
	_, err = f.client.PutRolePermissionsBoundary(f.ctx, &iam.PutRolePermissionsBoundaryInput{RoleName: aws.String("r"), PermissionsBoundary: pol.Policy.Arn})
	require.NoError(t, err)
	got, err := f.client.GetRole(f.ctx, &iam.GetRoleInput{RoleName: aws.String("r")})
	require.NoError(t, err)
	assert.Equal(t, int32(43200), aws.ToInt32(got.Role.MaxSessionDuration))
	assert.Equal(t, "d", aws.ToString(got.Role.Description))
	doc, _ := url.QueryUnescape(aws.ToString(got.Role.AssumeRolePolicyDocument))
	assert.JSONEq(t, trust, doc)
	assert.Equal(t, aws.ToString(pol.Policy.Arn), aws.ToString(got.Role.PermissionsBoundary.PermissionsBoundaryArn))
	p, err := f.client.GetPolicy(f.ctx, &iam.GetPolicyInput{PolicyArn: pol.Policy.Arn})
	require.NoError(t, err)
	assert.Equal(t, int32(1), aws.ToInt32(p.Policy.PermissionsBoundaryUsageCount))

	_, err = f.client.DeleteRolePermissionsBoundary(f.ctx, &iam.DeleteRolePermissionsBoundaryInput{RoleName: aws.String("r")})
	require.NoError(t, err)
	got, _ = f.client.GetRole(f.ctx, &iam.GetRoleInput{RoleName: aws.String("r")})
	assert.Nil(t, got.Role.PermissionsBoundary)
	_, err = f.client.UpdateRole(f.ctx, &iam.UpdateRoleInput{RoleName: aws.String("r"), MaxSessionDuration: aws.Int32(100)})
	code(t, err, "ValidationError")
}

func TestDeleteRole_ConflictsWhilePoliciesRemain(t *testing.T) {
	f := newFixture(t)
	f.role(t, "r")
	basic := aws.String("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
	_, err := f.client.AttachRolePolicy(f.ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: basic})
	require.NoError(t, err)
	_, err = f.client.PutRolePolicy(f.ctx, &iam.PutRolePolicyInput{RoleName: aws.String("r"), PolicyName: aws.String("inline"), PolicyDocument: aws.String(s3Read)})
	require.NoError(t, err)

	_, err = f.client.DeleteRole(f.ctx, &iam.DeleteRoleInput{RoleName: aws.String("r")})
	var conflict *types.DeleteConflictException
	require.ErrorAs(t, err, &conflict)
	_, err = f.client.DetachRolePolicy(f.ctx, &iam.DetachRolePolicyInput{RoleName: aws.String("r"), PolicyArn: basic})
	require.NoError(t, err)
	_, err = f.client.DeleteRole(f.ctx, &iam.DeleteRoleInput{RoleName: aws.String("r")})
	require.ErrorAs(t, err, &conflict)
	_, err = f.client.DeleteRolePolicy(f.ctx, &iam.DeleteRolePolicyInput{RoleName: aws.String("r"), PolicyName: aws.String("inline")})
	require.NoError(t, err)
	_, err = f.client.DeleteRole(f.ctx, &iam.DeleteRoleInput{RoleName: aws.String("r")})
	require.NoError(t, err)
	_, err = f.client.GetRole(f.ctx, &iam.GetRoleInput{RoleName: aws.String("r")})
	code(t, err, "NoSuchEntity")
}

// An IAM user's access key joins the cloud's credentials: STS's
// GetCallerIdentity names the user; once deleted the key is no longer the
// user's.
func TestAccessKey_IdentifiesTheUserInGetCallerIdentity(t *testing.T) {
	f := newFixture(t)
	u, err := f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("alice"), Path: aws.String("/dev/")})
	require.NoError(t, err)
	assert.Regexp(t, `^AIDA[A-Z0-9]{17}$`, aws.ToString(u.User.UserId))
	k, err := f.client.CreateAccessKey(f.ctx, &iam.CreateAccessKeyInput{UserName: aws.String("alice")})
	require.NoError(t, err)
	assert.Regexp(t, `^AKIA[A-Z0-9]{16}$`, aws.ToString(k.AccessKey.AccessKeyId))
	assert.Equal(t, types.StatusTypeActive, k.AccessKey.Status)

	cfg := f.cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(k.AccessKey.AccessKeyId), aws.ToString(k.AccessKey.SecretAccessKey), "")
	id, err := sts.NewFromConfig(cfg).GetCallerIdentity(f.ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::000000000000:user/dev/alice", aws.ToString(id.Arn))
	assert.Equal(t, aws.ToString(u.User.UserId), aws.ToString(id.UserId))
	me, err := iam.NewFromConfig(cfg).GetUser(f.ctx, &iam.GetUserInput{})
	require.NoError(t, err)
	assert.Equal(t, "alice", aws.ToString(me.User.UserName))

	last, err := f.client.GetAccessKeyLastUsed(f.ctx, &iam.GetAccessKeyLastUsedInput{AccessKeyId: k.AccessKey.AccessKeyId})
	require.NoError(t, err)
	assert.Equal(t, "alice", aws.ToString(last.UserName))
	assert.Equal(t, "N/A", aws.ToString(last.AccessKeyLastUsed.ServiceName))

	_, err = f.client.CreateAccessKey(f.ctx, &iam.CreateAccessKeyInput{UserName: aws.String("alice")})
	require.NoError(t, err)
	_, err = f.client.CreateAccessKey(f.ctx, &iam.CreateAccessKeyInput{UserName: aws.String("alice")})
	var lim *types.LimitExceededException
	require.ErrorAs(t, err, &lim, "two keys per user")

	_, err = f.client.DeleteAccessKey(f.ctx, &iam.DeleteAccessKeyInput{UserName: aws.String("alice"), AccessKeyId: k.AccessKey.AccessKeyId})
	require.NoError(t, err)
	id, err = sts.NewFromConfig(cfg).GetCallerIdentity(f.ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::000000000000:root", aws.ToString(id.Arn))
}

// An IAM user's key is long-term: GetSessionToken accepts it (STS refuses
// session credentials) and the session is the user's.
func TestAccessKey_GetSessionTokenForTheUser(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("bob")})
	require.NoError(t, err)
	k, err := f.client.CreateAccessKey(f.ctx, &iam.CreateAccessKeyInput{UserName: aws.String("bob")})
	require.NoError(t, err)
	cfg := f.cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(k.AccessKey.AccessKeyId), aws.ToString(k.AccessKey.SecretAccessKey), "")
	tok, err := sts.NewFromConfig(cfg).GetSessionToken(f.ctx, &sts.GetSessionTokenInput{})
	require.NoError(t, err)
	assert.Equal(t, t0.Add(12*time.Hour), aws.ToTime(tok.Credentials.Expiration), "an IAM user's session lasts the default 12 hours, not the root's one")
	c := tok.Credentials
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken))
	id, err := sts.NewFromConfig(cfg).GetCallerIdentity(f.ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::000000000000:user/bob", aws.ToString(id.Arn))

	_, err = f.client.UpdateAccessKey(f.ctx, &iam.UpdateAccessKeyInput{UserName: aws.String("bob"), AccessKeyId: k.AccessKey.AccessKeyId, Status: types.StatusTypeInactive})
	require.NoError(t, err)
	keys, err := f.client.ListAccessKeys(f.ctx, &iam.ListAccessKeysInput{UserName: aws.String("bob")})
	require.NoError(t, err)
	assert.Equal(t, types.StatusTypeInactive, keys.AccessKeyMetadata[0].Status)
}
