// Package sts fakes the AWS Security Token Service: GetCallerIdentity,
// AssumeRole and GetSessionToken, over the awsQuery protocol every client
// uses. Tools call GetCallerIdentity first to learn the account.
//
// Credentials issued by AssumeRole and GetSessionToken are remembered, so a
// later GetCallerIdentity signed with them reports the assumed role, as AWS
// does. Signatures are not verified: any other access key is the account's
// root identity.
package sts
