// Package sts fakes the AWS Security Token Service: GetCallerIdentity,
// AssumeRole and GetSessionToken, over the awsQuery protocol every client
// uses. Tools call GetCallerIdentity first to learn the account.
//
// Credentials issued by AssumeRole and GetSessionToken are remembered, so a
// later GetCallerIdentity signed with them reports the assumed role, as AWS
// does. Signatures are not verified: any other access key is the account's
// root identity.
//
// As every service of the cloud, it offers InjectFault (the next calls of
// an operation fail with an AWS error code, with STS's status and fault
// side), ClearFaults and Calls (every call of every operation, the last
// 10,000 at least).
package sts
