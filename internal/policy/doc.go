// Package policy reads, writes, validates and evaluates IAM JSON policy
// documents: the resource-based policies that SQS queues, SNS topics,
// Lambda functions and S3 buckets carry, and the identity-based, boundary,
// session and trust policies of IAM.
//
// # Documents
//
// Statements by Sid, principals, actions and resources one or many,
// conditions. Services add and remove statements by Sid and store the
// document it renders:
//
//	doc, err := policy.Parse(raw)            // Statement as one object or a list
//	err = doc.Add(policy.Statement{Sid: "x", Effect: policy.Allow, ...})
//	doc.Remove("x")
//	text := doc.String()
//
// # Validation
//
// Validate(raw, kind) holds a document to the grammar of its Kind
// (Identity: no Principal, Action and Resource required; Resource:
// Principal required; Trust: Principal required, no Resource, sts actions)
// and answers a *MalformedError with IAM's MalformedPolicyDocument message
// ("Syntax errors in policy.", "Policy document should not specify a
// principal.", "Missing required field Principal", "Policy statement must
// contain actions.", "Policy statement must contain resources.", "Has
// prohibited field Resource", "Invalid principal in policy: ...",
// "Actions/Conditions must be prefaced by a vendor, ...", "Unknown field X",
// the Sid rules). What it accepts, Parse reads and Evaluate evaluates.
//
// # Evaluation
//
// Evaluate(req, policies) follows the IAM User Guide's "Policy evaluation
// logic" and "Cross-account policy evaluation logic":
//
//   - an explicit Deny in any applicable policy (identity, resource,
//     boundary, session) wins: explicitDeny;
//   - in the caller's account an Allow in the identity-based policies or in
//     the resource-based policy suffices; across accounts (ResourceAccount
//     differs) both must allow;
//   - a permissions boundary and session policies limit what the identity
//     policies grant (intersection), and what a resource-based policy
//     grants to the role or "*"; a resource-based grant naming the IAM
//     user's or the role session's own ARN is not limited by them, as
//     "Permissions boundaries for IAM entities" documents;
//   - a resource-based Allow naming an account (its id or root ARN)
//     delegates to that account's identity-based policies ("AWS JSON policy
//     elements: Principal"): the identity side must allow too, in the same
//     account as across accounts; a Deny naming it reaches all its
//     principals;
//   - a Deny with NotPrincipal in a resource-based policy denies every
//     principal that has a permissions boundary, whatever it names, as
//     that page warns;
//   - service principals and anonymous callers act through resource-based
//     policies only; the account root needs no identity policy in its own
//     account;
//   - otherwise implicitDeny, with AWS's reason ("because no
//     identity-based policy allows the X action", "... permissions
//     boundary ...", "... session policy ...", "... resource-based policy
//     ...") and Result.Message giving the AccessDenied text.
//
// Matching: Action/NotAction with * and ? case-insensitively;
// Resource/NotResource case-sensitively, an ARN component by component so
// that a wildcard stays within its component (as ArnLike); a resource-based
// statement without Resource covers every resource (trust policies), an
// identity-side one none.
// Principal/NotPrincipal: "*", AWS (account id, root ARN, user, role —
// covering its sessions —, session ARN), Service, Federated,
// CanonicalUser. Policy variables in Resource and in String and Arn
// condition values of Version 2012-10-17 documents (${aws:username},
// ${aws:userid}, ${aws:PrincipalTag/x}, any context key, defaults
// ${key, 'value'}, the escapes ${*} ${?} ${$}); a variable without value
// or default matches nothing. Conditions: String*, Numeric*, Date* (ISO
// 8601 or epoch seconds), Bool, BinaryEquals, IpAddress/NotIpAddress
// (CIDR, IPv4 and IPv6), Arn*, ...IfExists, Null, ForAllValues: and
// ForAnyValue:; operators and keys AND, values OR, negated operators NOR; a
// missing key fails a positive operator and passes a negated one. Keys
// compare case-insensitively. The evaluator derives aws:PrincipalArn (the
// role's ARN for a session), aws:PrincipalAccount, aws:PrincipalType,
// aws:username, aws:userid, aws:PrincipalTag/*, aws:PrincipalServiceName,
// aws:PrincipalIsAWSService and aws:ResourceAccount from the request, over
// any value the Context holds;
// every other key (aws:SourceArn, aws:SourceAccount, aws:CurrentTime,
// aws:EpochTime, aws:SecureTransport, aws:RequestedRegion,
// aws:ResourceTag/*, aws:RequestTag/*, aws:TagKeys, service keys) comes
// from Request.Context, which the caller fills — from the cloud clock for
// the times: the evaluator reads no clock.
//
// # Differences from AWS
//
//   - Service control policies, resource control policies and VPC endpoint
//     policies are not modelled (the evaluation logic's other steps).
//   - Validate checks the grammar, not that named principals exist (IAM
//     answers "Invalid principal in policy" for a principal ARN that does
//     not exist), nor that actions, resources and condition keys belong to
//     the service (IAM Access Analyzer's checks).
//   - A role's ARN in a Principal matches its sessions by ARN; AWS
//     converts it to the role's unique id when the policy is saved, so a
//     role deleted and recreated under the same name no longer matches
//     there, but does here.
package policy
