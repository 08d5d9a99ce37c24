// Package iam fakes AWS Identity and Access Management over the awsQuery
// protocol (Action=...&Version=2010-05-08) that every client uses on IAM's
// global endpoint, iam.amazonaws.com: the root routes requests signed for
// the service "iam" (or, unsigned, of Version 2010-05-08) here. Deployment
// scripts and Lambda tests create an execution role first; this is where
// it lives.
//
//	cloud := awsfake.NewT(t)
//	client := iam.NewFromConfig(cloud.AWSConfig())
//	out, _ := client.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("fn"), AssumeRolePolicyDocument: aws.String(trust)})
//	_, _ = client.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("fn"),
//		PolicyArn: aws.String("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")})
//	cloud.IAM().CheckAttached(t, "fn", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
//
// # What is implemented
//
// IAM is global: state is kept per account, never per region, and ARNs
// have no region (arn:aws:iam::<account>:role/<path><name>).
//
//   - Roles: Create, Get, List, Update, UpdateRoleDescription,
//     UpdateAssumeRolePolicy, Delete (DeleteConflict while policies or
//     instance profiles remain), tags, MaxSessionDuration 3,600 to 43,200,
//     permissions boundaries, RoleLastUsed (always empty: the fake records
//     no use); service-linked roles at /aws-service-role/<service>/ with
//     AWS's names for the common services, which DeleteRole and
//     UpdateAssumeRolePolicy refuse (UnmodifiableEntity).
//   - Users, groups and memberships (ten groups per user), login profiles
//     (checked against the password policy's minimum length; the password
//     is not kept), user permissions boundaries, access keys (two per user,
//     status, last used "N/A").
//   - Managed policies: customer managed ones with versions (five at most,
//     LimitExceeded on a sixth), the default version, attachment and
//     boundary counts; Attach/Detach/ListAttached for roles, users and
//     groups (ten per entity); ListEntitiesForPolicy; tags. The AWS
//     managed policies users attach most, with their paths and current
//     documents, listed by ListPolicies Scope=AWS and attachable:
//     AWSLambdaBasicExecutionRole, AWSLambdaSQSQueueExecutionRole,
//     AWSLambdaVPCAccessExecutionRole, AWSLambdaDynamoDBExecutionRole,
//     AWSLambdaKinesisExecutionRole, AWSLambdaRole (service-role/),
//     AWSLambda_FullAccess, AmazonSQSFullAccess, AmazonSQSReadOnlyAccess,
//     AmazonS3FullAccess, AmazonS3ReadOnlyAccess, AmazonSNSFullAccess,
//     AmazonSNSReadOnlyAccess, CloudWatchLogsFullAccess,
//     CloudWatchFullAccess, AWSStepFunctionsFullAccess,
//     AmazonDynamoDBFullAccess, AmazonKinesisFullAccess,
//     AmazonEventBridgeFullAccess, AmazonAPIGatewayInvokeFullAccess,
//     AWSXrayWriteOnlyAccess, IAMFullAccess, AdministratorAccess,
//     PowerUserAccess and ReadOnlyAccess.
//   - Inline policies of roles, users and groups (Put, Get, List, Delete)
//     within AWS's aggregate sizes: 10,240 characters per role, 2,048 per
//     user, 5,120 per group, white space not counted.
//   - Instance profiles (one role each), OIDC and SAML providers, the
//     account alias, GetAccountSummary, the password policy, credential
//     reports (CSV with AWS's columns, current for four hours on the
//     cloud's clock), GetAccountAuthorizationDetails.
//   - SimulatePrincipalPolicy, SimulateCustomPolicy and the GetContextKeys
//     operations, answered by internal/policy's evaluator (AWS's policy
//     evaluation logic): EvalDecision allowed, explicitDeny or
//     implicitDeny, MatchedStatements naming the deciding policy (its
//     name, or PolicyInputList.N) and its type (user, group, role,
//     user-managed, aws-managed, resource, none), the permissions boundary
//     decision.
//
// Every input is checked as AWS's model checks it: names of [\w+=,.@-]
// (64 characters for users and roles, 128 for the rest), unique
// case-insensitively; paths /.../; ids with AWS's prefixes (AIDA users,
// AROA roles, ANPA policies, AGPA groups, AIPA instance profiles, AKIA
// keys); MaxItems 1 to 1,000 (default 100) with Marker and IsTruncated;
// tags (50, aws: reserved); every policy document through
// internal/policy's Validate, refused with MalformedPolicyDocument and
// IAM's message; the quotas of the IAM User Guide's "IAM and AWS STS
// quotas" (LimitExceeded). Bad input leaves state untouched.
//
// An IAM user's access keys join the cloud's credential store: a call
// signed with one is made by the user (STS GetCallerIdentity answers the
// user's ARN and AIDA id; GetUser without a name answers the user).
// Deleting a key, or making it inactive, takes it out of the store.
//
// # Where it differs from AWS
//
//   - Eventual consistency is not simulated: a change is visible to the
//     next call ("changes ... may take time to become visible", IAM User
//     Guide, "Troubleshooting").
//   - Policies authorise requests only with awsfake.WithIAMEnforcement
//     (see IAM enforcement); without it, STS AssumeRole does not look the
//     role up.
//   - A call signed with a deleted or inactive key is the account's root
//     user, as any key the cloud does not know, where AWS answers
//     InvalidClientTokenId.
//   - ReadOnlyAccess, AWSLambda_FullAccess, AmazonDynamoDBFullAccess and
//     CloudWatchFullAccess carry a reduced document: their main
//     statements, not every service's actions. AWS managed policies have
//     one version, v1, created 2015-02-06, and ids of AWS's form derived
//     from their names, not AWS's ids.
//   - Roles and keys record no last use; GetAccessKeyLastUsed answers
//     ServiceName and Region "N/A", as AWS does for a key never used.
//   - ListEntitiesForPolicy and GetAccountAuthorizationDetails answer in
//     one page (MaxItems is checked, IsTruncated is false).
//   - A SAML provider's ValidUntil is a hundred years after its creation:
//     the metadata is not read. OIDC providers are not contacted.
//   - SimulateCustomPolicy without CallerArn simulates an IAM user of the
//     caller's account; MatchedStatements carry no StartPosition or
//     EndPosition; ResourceHandlingOption is ignored.
//   - CreateAccountAlias replaces the account's alias; aliases are unique
//     across the cloud's accounts.
//
// Operations the fake does not model (MFA devices, SSH public keys, server
// and signing certificates, service-specific credentials, delegation
// requests, Organizations features and access reports, service last
// accessed details, account properties, outbound web identity federation,
// security token service preferences, ChangePassword) answer as an account
// without the feature: List operations an empty list, the others that name
// something NoSuchEntity, and those that would create or change something
// InvalidInput naming the operation. They record no call.
//
// # Faults and the call log
//
// As every service of the cloud, it offers InjectFault (the next calls of
// an operation fail with an AWS error code, with IAM's status: NoSuchEntity
// 404, EntityAlreadyExists 409, LimitExceeded 409, DeleteConflict 409,
// ServiceFailure 500, ...), InjectLatency (calls wait on the cloud's
// clock), ClearFaults and Calls, and CheckRole and CheckAttached for
// assertions.
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised before the
// service serves it, by the action table (Actions, in wire_authz.go: every
// action named after its operation, acting on the user, group, role, policy,
// instance profile, provider, certificate or MFA device its members name,
// with its path when it exists; an operation on a user without UserName acts
// on the calling user; the account-wide ones on "*"); a refusal is
// AccessDenied (403) with AWS's message ("User: arn:... is not authorized to
// perform: ACTION on resource: ARN because no identity-based policy allows
// the ACTION action"). Off by default: nothing is authorised.
//
// # Plumbing for the root package
//
// IAM enforcement (awsfake.WithIAMEnforcement) calls Actions, Authorization, AccessDenied, IdentityOf (a principal's policies), TrustPolicy
// and PolicyDocuments (the managed session policies a session was issued with).
//
// New builds the service on a cloud's environment and Describe tells the
// cloud how to wire it; only package awsfake calls them.
package iam
