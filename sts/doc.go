// Package sts fakes the AWS Security Token Service over the awsQuery
// protocol every client uses. Tools call GetCallerIdentity first to learn
// the account; tests assume roles and check who they are.
//
//	cloud := awsfake.NewT(t)
//	client := sts.NewFromConfig(cloud.AWSConfig())
//	out, _ := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/app"), RoleSessionName: aws.String("test")})
//	cloud.STS().CheckIdentity(t, aws.ToString(out.Credentials.AccessKeyId), "arn:aws:sts::000000000000:assumed-role/app/test")
//
// # What is implemented
//
// Every operation of the STS API: GetCallerIdentity, GetAccessKeyInfo,
// AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML, AssumeRoot,
// GetSessionToken, GetFederationToken, GetDelegatedAccessToken,
// GetWebIdentityToken and DecodeAuthorizationMessage, with AWS's
// validation (session names, durations, session policies and tags) and
// errors. Temporary credentials are remembered: a call signed with them is
// made by their principal (GetCallerIdentity reports the assumed role, the
// federated user or the session) until they expire on the cloud's clock,
// then answers ExpiredToken. GetSessionToken and GetFederationToken refuse
// session credentials, and cap a root user's session at one hour, as AWS
// does; AssumeRoot refuses root user credentials. MinimumSessionTokenSize
// (at most 4,096) grows an issued session token to at least that many
// bytes, as AWS documents; GetWebIdentityToken and
// DecodeAuthorizationMessage check the model's limits (audiences, tags,
// message length) before their answer.
//
// # Where it differs from AWS
//
//   - Signatures are not verified, and any long-term access key other
//     than an IAM user's (package iam) is the account's root user.
//   - Identity providers are trusted: AssumeRoleWithWebIdentity reads a
//     JWT's claims (iss, sub, aud, exp) and AssumeRoleWithSAML a SAML
//     response's subject, issuer, audience, RoleSessionName attribute and
//     NotOnOrAfter, without checking their signatures or the provider's
//     existence in IAM.
//   - Session policies (Policy, PolicyArns) limit the session's
//     permissions only with awsfake.WithIAMEnforcement, as the IAM User
//     Guide's "Session policies" describes. AWS's packed size (its
//     compression of the policies and session tags) is not published: the
//     fake packs the inline policy without insignificant whitespace plus
//     the managed policies' ARNs, holds them to the documented 2,048
//     plaintext characters (PackedPolicyTooLarge, "Packed policy consumes
//     N% of allotted space, please use smaller policy.", past it) and
//     answers that percentage as PackedPolicySize; session tags count
//     against their own limits only. A PolicyArns ARN that does not exist
//     is accepted and grants nothing.
//   - Role trust policies are evaluated for AssumeRole only with
//     awsfake.WithIAMEnforcement; the web identity and SAML calls then
//     check the role exists, not its trust policy's Federated principal.
//   - Features the fake does not model answer AWS's documented error for
//     them in a new account: GetWebIdentityToken answers
//     OutboundWebIdentityFederationDisabledException (outbound federation is
//     off until IAM enables it); GetDelegatedAccessToken answers
//     ExpiredTradeInTokenException (the fake issues no trade-in tokens);
//     DecodeAuthorizationMessage answers InvalidAuthorizationMessageException
//     (no service returns encoded messages yet). AssumeRoot has no
//     organization to check: any 12-digit account is a member.
//
// # Faults and the call log
//
// As every service of the cloud, it offers InjectFault (the next calls of
// an operation fail with an AWS error code, with STS's status and fault
// side), InjectLatency (calls wait on the cloud's clock), ClearFaults and
// Calls (every call of every operation, the last 10,000 at least), and
// CheckIdentity for assertions.
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised before the
// service serves it, by the action table (Actions, in wire_authz.go;
// GetCallerIdentity and GetSessionToken need no permission, as AWS
// documents): AssumeRole asks sts:AssumeRole on the role with its trust
// policy as the resource-based policy (a role that does not exist refused as
// not authorised), read from IAM through SetRoleSource; a refusal is
// AccessDenied (403) with AWS's message ("User: arn:... is not authorized to
// perform: ACTION on resource: ARN because no identity-based policy allows
// the ACTION action"). The sessions a call issues with session policies
// have the intersection of their role's permissions (a federated user's:
// its IAM user's) and those policies, the refusal then saying "because no
// session policy allows the ACTION action"; a GetFederationToken session
// without any has no permissions. Off by default: nothing is authorised.
//
// # Plumbing for the root package
//
// IAM enforcement (awsfake.WithIAMEnforcement) calls Actions, Authorization, AccessDenied, SetRoleSource (IAM's roles)
// and SessionPolicyOf (the session policies a session was issued with, kept until it expires).
//
// New builds the service on a cloud's environment and Describe tells the
// cloud how to wire it; ServiceSession gives the key of the role session a
// service acts with (a Lambda handler's calls, as its execution role).
// Only package awsfake calls them.
package sts
