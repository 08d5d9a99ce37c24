package iam_test

import (
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

func TestGroups_MembersListedPagedAndDeleteConflicts(t *testing.T) {
	f := newFixture(t)
	g, err := f.client.CreateGroup(f.ctx, &iam.CreateGroupInput{GroupName: aws.String("devs")})
	require.NoError(t, err)
	assert.Regexp(t, `^AGPA[A-Z0-9]{17}$`, aws.ToString(g.Group.GroupId))
	for _, n := range []string{"carol", "alice", "bob"} {
		_, err := f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String(n)})
		require.NoError(t, err)
		_, err = f.client.AddUserToGroup(f.ctx, &iam.AddUserToGroupInput{GroupName: aws.String("devs"), UserName: aws.String(n)})
		require.NoError(t, err)
	}
	page1, err := f.client.GetGroup(f.ctx, &iam.GetGroupInput{GroupName: aws.String("devs"), MaxItems: aws.Int32(2)})
	require.NoError(t, err)
	require.True(t, page1.IsTruncated)
	assert.Equal(t, "alice", aws.ToString(page1.Users[0].UserName))
	page2, err := f.client.GetGroup(f.ctx, &iam.GetGroupInput{GroupName: aws.String("devs"), Marker: page1.Marker})
	require.NoError(t, err)
	assert.False(t, page2.IsTruncated)
	assert.Equal(t, "carol", aws.ToString(page2.Users[0].UserName))

	fu, err := f.client.ListGroupsForUser(f.ctx, &iam.ListGroupsForUserInput{UserName: aws.String("bob")})
	require.NoError(t, err)
	assert.Equal(t, "devs", aws.ToString(fu.Groups[0].GroupName))

	_, err = f.client.DeleteGroup(f.ctx, &iam.DeleteGroupInput{GroupName: aws.String("devs")})
	code(t, err, "DeleteConflict")
	_, err = f.client.DeleteUser(f.ctx, &iam.DeleteUserInput{UserName: aws.String("bob")})
	code(t, err, "DeleteConflict")
	_, err = f.client.RemoveUserFromGroup(f.ctx, &iam.RemoveUserFromGroupInput{GroupName: aws.String("devs"), UserName: aws.String("bob")})
	require.NoError(t, err)
	_, err = f.client.DeleteUser(f.ctx, &iam.DeleteUserInput{UserName: aws.String("bob")})
	require.NoError(t, err)

	_, err = f.client.UpdateGroup(f.ctx, &iam.UpdateGroupInput{GroupName: aws.String("devs"), NewGroupName: aws.String("eng")})
	require.NoError(t, err)
	fu, err = f.client.ListGroupsForUser(f.ctx, &iam.ListGroupsForUserInput{UserName: aws.String("alice")})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::000000000000:group/eng", aws.ToString(fu.Groups[0].Arn))
}

func TestUsers_ListUpdateTagsAndLoginProfile(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("u1"), Path: aws.String("/team/"),
		Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
	require.NoError(t, err)
	_, err = f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("U1")})
	code(t, err, "EntityAlreadyExists")
	_, err = f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("u2")})
	require.NoError(t, err)
	list, err := f.client.ListUsers(f.ctx, &iam.ListUsersInput{PathPrefix: aws.String("/team/")})
	require.NoError(t, err)
	require.Len(t, list.Users, 1)

	_, err = f.client.TagUser(f.ctx, &iam.TagUserInput{UserName: aws.String("u1"), Tags: []types.Tag{{Key: aws.String("k2"), Value: aws.String("v2")}}})
	require.NoError(t, err)
	_, err = f.client.UntagUser(f.ctx, &iam.UntagUserInput{UserName: aws.String("u1"), TagKeys: []string{"k"}})
	require.NoError(t, err)
	tags, err := f.client.ListUserTags(f.ctx, &iam.ListUserTagsInput{UserName: aws.String("u1")})
	require.NoError(t, err)
	require.Len(t, tags.Tags, 1)
	assert.Equal(t, "k2", aws.ToString(tags.Tags[0].Key))

	_, err = f.client.UpdateUser(f.ctx, &iam.UpdateUserInput{UserName: aws.String("u1"), NewUserName: aws.String("renamed")})
	require.NoError(t, err)
	got, err := f.client.GetUser(f.ctx, &iam.GetUserInput{UserName: aws.String("renamed")})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::000000000000:user/team/renamed", aws.ToString(got.User.Arn))

	_, err = f.client.CreateLoginProfile(f.ctx, &iam.CreateLoginProfileInput{UserName: aws.String("u2"), Password: aws.String("hunter2!"), PasswordResetRequired: true})
	require.NoError(t, err)
	lp, err := f.client.GetLoginProfile(f.ctx, &iam.GetLoginProfileInput{UserName: aws.String("u2")})
	require.NoError(t, err)
	assert.True(t, lp.LoginProfile.PasswordResetRequired)
	_, err = f.client.CreateLoginProfile(f.ctx, &iam.CreateLoginProfileInput{UserName: aws.String("u2"), Password: aws.String("x")})
	code(t, err, "EntityAlreadyExists")
	_, err = f.client.DeleteUser(f.ctx, &iam.DeleteUserInput{UserName: aws.String("u2")})
	code(t, err, "DeleteConflict")
}

func TestAccount_AliasSummaryPasswordPolicy(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.CreateAccountAlias(f.ctx, &iam.CreateAccountAliasInput{AccountAlias: aws.String("Bad_Alias")})
	code(t, err, "ValidationError")
	_, err = f.client.CreateAccountAlias(f.ctx, &iam.CreateAccountAliasInput{AccountAlias: aws.String("my-org")})
	require.NoError(t, err)
	al, err := f.client.ListAccountAliases(f.ctx, &iam.ListAccountAliasesInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"my-org"}, al.AccountAliases)

	f.role(t, "r")
	sum, err := f.client.GetAccountSummary(f.ctx, &iam.GetAccountSummaryInput{})
	require.NoError(t, err)
	assert.Equal(t, int32(1), sum.SummaryMap["Roles"])
	assert.Equal(t, int32(1000), sum.SummaryMap["RolesQuota"])

	_, err = f.client.GetAccountPasswordPolicy(f.ctx, &iam.GetAccountPasswordPolicyInput{})
	code(t, err, "NoSuchEntity")
	_, err = f.client.UpdateAccountPasswordPolicy(f.ctx, &iam.UpdateAccountPasswordPolicyInput{MinimumPasswordLength: aws.Int32(12), RequireSymbols: true})
	require.NoError(t, err)
	pp, err := f.client.GetAccountPasswordPolicy(f.ctx, &iam.GetAccountPasswordPolicyInput{})
	require.NoError(t, err)
	assert.Equal(t, int32(12), aws.ToInt32(pp.PasswordPolicy.MinimumPasswordLength))
	assert.True(t, pp.PasswordPolicy.RequireSymbols)
	_, err = f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("u")})
	require.NoError(t, err)
	_, err = f.client.CreateLoginProfile(f.ctx, &iam.CreateLoginProfileInput{UserName: aws.String("u"), Password: aws.String("short")})
	var pv *types.PasswordPolicyViolationException
	require.ErrorAs(t, err, &pv)
}

// The credential report: not present before it is generated, CSV with
// AWS's columns, expired four hours after, on the cloud's clock.
func TestCredentialReport_GeneratedThenExpiresAfterFourHours(t *testing.T) {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	client := iam.NewFromConfig(cloud.AWSConfig())
	f := &fixture{cloud: cloud, client: client, ctx: t.Context()}
	_, err := client.GetCredentialReport(f.ctx, &iam.GetCredentialReportInput{})
	var np *types.CredentialReportNotPresentException
	require.ErrorAs(t, err, &np)
	_, err = client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("alice")})
	require.NoError(t, err)
	gen, err := client.GenerateCredentialReport(f.ctx, &iam.GenerateCredentialReportInput{})
	require.NoError(t, err)
	assert.Equal(t, types.ReportStateTypeStarted, gen.State)
	rep, err := client.GetCredentialReport(f.ctx, &iam.GetCredentialReportInput{})
	require.NoError(t, err)
	assert.Equal(t, types.ReportFormatTypeTextCsv, rep.ReportFormat)
	rows, err := csv.NewReader(strings.NewReader(string(rep.Content))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, "user", rows[0][0])
	assert.Equal(t, "<root_account>", rows[1][0])
	assert.Equal(t, "alice", rows[2][0])

	clk.Advance(4*time.Hour - time.Second) // just before
	_, err = client.GetCredentialReport(f.ctx, &iam.GetCredentialReportInput{})
	require.NoError(t, err)
	clk.Advance(time.Second) // at four hours
	_, err = client.GetCredentialReport(f.ctx, &iam.GetCredentialReportInput{})
	var ex *types.CredentialReportExpiredException
	require.ErrorAs(t, err, &ex)
}

func TestInstanceProfilesAndServiceLinkedRoles(t *testing.T) {
	f := newFixture(t)
	f.role(t, "ec2")
	ip, err := f.client.CreateInstanceProfile(f.ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: aws.String("web")})
	require.NoError(t, err)
	assert.Regexp(t, `^AIPA[A-Z0-9]{17}$`, aws.ToString(ip.InstanceProfile.InstanceProfileId))
	assert.Equal(t, "arn:aws:iam::000000000000:instance-profile/web", aws.ToString(ip.InstanceProfile.Arn))
	_, err = f.client.AddRoleToInstanceProfile(f.ctx, &iam.AddRoleToInstanceProfileInput{InstanceProfileName: aws.String("web"), RoleName: aws.String("ec2")})
	require.NoError(t, err)
	f.role(t, "other")
	_, err = f.client.AddRoleToInstanceProfile(f.ctx, &iam.AddRoleToInstanceProfileInput{InstanceProfileName: aws.String("web"), RoleName: aws.String("other")})
	code(t, err, "LimitExceeded")
	got, err := f.client.GetInstanceProfile(f.ctx, &iam.GetInstanceProfileInput{InstanceProfileName: aws.String("web")})
	require.NoError(t, err)
	assert.Equal(t, "ec2", aws.ToString(got.InstanceProfile.Roles[0].RoleName))
	_, err = f.client.DeleteRole(f.ctx, &iam.DeleteRoleInput{RoleName: aws.String("ec2")})
	code(t, err, "DeleteConflict")
	forRole, err := f.client.ListInstanceProfilesForRole(f.ctx, &iam.ListInstanceProfilesForRoleInput{RoleName: aws.String("ec2")})
	require.NoError(t, err)
	require.Len(t, forRole.InstanceProfiles, 1)

	sl, err := f.client.CreateServiceLinkedRole(f.ctx, &iam.CreateServiceLinkedRoleInput{AWSServiceName: aws.String("elasticloadbalancing.amazonaws.com")})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::000000000000:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing", aws.ToString(sl.Role.Arn))
	_, err = f.client.DeleteRole(f.ctx, &iam.DeleteRoleInput{RoleName: sl.Role.RoleName})
	code(t, err, "UnmodifiableEntity")
	del, err := f.client.DeleteServiceLinkedRole(f.ctx, &iam.DeleteServiceLinkedRoleInput{RoleName: sl.Role.RoleName})
	require.NoError(t, err)
	st, err := f.client.GetServiceLinkedRoleDeletionStatus(f.ctx, &iam.GetServiceLinkedRoleDeletionStatusInput{DeletionTaskId: del.DeletionTaskId})
	require.NoError(t, err)
	assert.Equal(t, types.DeletionTaskStatusTypeSucceeded, st.Status)
}

func TestProviders_OIDCAndSAML(t *testing.T) {
	f := newFixture(t)
	o, err := f.client.CreateOpenIDConnectProvider(f.ctx, &iam.CreateOpenIDConnectProviderInput{Url: aws.String("https://token.actions.githubusercontent.com"),
		ClientIDList: []string{"sts.amazonaws.com"}, ThumbprintList: []string{strings.Repeat("a", 40)}})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com", aws.ToString(o.OpenIDConnectProviderArn))
	got, err := f.client.GetOpenIDConnectProvider(f.ctx, &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: o.OpenIDConnectProviderArn})
	require.NoError(t, err)
	assert.Equal(t, []string{"sts.amazonaws.com"}, got.ClientIDList)
	_, err = f.client.CreateOpenIDConnectProvider(f.ctx, &iam.CreateOpenIDConnectProviderInput{Url: aws.String("https://token.actions.githubusercontent.com")})
	code(t, err, "EntityAlreadyExists")

	meta := "<EntityDescriptor>" + strings.Repeat("x", 1000) + "</EntityDescriptor>"
	sp, err := f.client.CreateSAMLProvider(f.ctx, &iam.CreateSAMLProviderInput{Name: aws.String("okta"), SAMLMetadataDocument: aws.String(meta)})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::000000000000:saml-provider/okta", aws.ToString(sp.SAMLProviderArn))
	list, err := f.client.ListSAMLProviders(f.ctx, &iam.ListSAMLProvidersInput{})
	require.NoError(t, err)
	require.Len(t, list.SAMLProviderList, 1)
	_, err = f.client.DeleteSAMLProvider(f.ctx, &iam.DeleteSAMLProviderInput{SAMLProviderArn: sp.SAMLProviderArn})
	require.NoError(t, err)
	_, err = f.client.GetSAMLProvider(f.ctx, &iam.GetSAMLProviderInput{SAMLProviderArn: sp.SAMLProviderArn})
	code(t, err, "NoSuchEntity")
}

// Operations the fake does not model answer as an account without the
// feature: an empty list, NoSuchEntity.
func TestUnmodelled_EmptyListsAndNotFound(t *testing.T) {
	f := newFixture(t)
	mfa, err := f.client.ListMFADevices(f.ctx, &iam.ListMFADevicesInput{})
	require.NoError(t, err)
	assert.Empty(t, mfa.MFADevices)
	_, err = f.client.GetServerCertificate(f.ctx, &iam.GetServerCertificateInput{ServerCertificateName: aws.String("c")})
	code(t, err, "NoSuchEntity")
	_, err = f.client.CreateVirtualMFADevice(f.ctx, &iam.CreateVirtualMFADeviceInput{VirtualMFADeviceName: aws.String("m")})
	code(t, err, "InvalidInput")
}

func TestGetAccountAuthorizationDetails_EntitiesWithTheirPolicies(t *testing.T) {
	f := newFixture(t)
	f.role(t, "fn")
	_, err := f.client.AttachRolePolicy(f.ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("fn"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")})
	require.NoError(t, err)
	_, err = f.client.CreateUser(f.ctx, &iam.CreateUserInput{UserName: aws.String("u")})
	require.NoError(t, err)
	_, err = f.client.PutUserPolicy(f.ctx, &iam.PutUserPolicyInput{UserName: aws.String("u"), PolicyName: aws.String("p"), PolicyDocument: aws.String(s3Read)})
	require.NoError(t, err)
	out, err := f.client.GetAccountAuthorizationDetails(f.ctx, &iam.GetAccountAuthorizationDetailsInput{})
	require.NoError(t, err)
	require.Len(t, out.RoleDetailList, 1)
	assert.Equal(t, "AWSLambdaBasicExecutionRole", aws.ToString(out.RoleDetailList[0].AttachedManagedPolicies[0].PolicyName))
	require.Len(t, out.UserDetailList, 1)
	assert.Equal(t, "p", aws.ToString(out.UserDetailList[0].UserPolicyList[0].PolicyName))
	require.Len(t, out.Policies, 1)
	assert.Equal(t, int32(1), aws.ToInt32(out.Policies[0].AttachmentCount))
}
