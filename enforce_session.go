package awsfake

import (
	"strings"

	"github.com/awsfake/awsfake/internal/policy"
)

// sessionLimited is who, the principal of the temporary credentials
// accessKeyID, limited by the session policies the session was issued
// with (AssumeRole's, AssumeRoleWithWebIdentity's, AssumeRoleWithSAML's
// and GetFederationToken's Policy and PolicyArns, the managed ones read
// from IAM in the session's account, skipping those that do not exist
// there). As the IAM User Guide states ("Session policies"): "The
// resulting session's permissions are the intersection of the role's
// identity-based policies and the session policies"; an explicit deny in
// either wins; a resource-based policy naming the role's ARN is limited by
// them, one naming the session's own ARN is not ("The resource-based
// policy permissions are not limited by the session policy"), which
// policy.Evaluate applies. A GetFederationToken session has the
// identity-based policies of the IAM user who asked for it (the root
// user's: everything), and none at all without session policies: "if you
// do not pass any session policies, then the resulting federated user
// session has no permissions". A role session without any is who as it
// is.
func (c *Cloud) sessionLimited(who caller, accessKeyID string) caller {
	sp, ok := c.sts.SessionPolicyOf(accessKeyID)
	if !ok {
		return who
	}
	if sp.Parent != "" {
		who.policies = policy.Policies{Identity: rootIdentity}
		if !strings.HasSuffix(sp.Parent, ":root") {
			who.policies = c.principal(sp.Parent).policies
		}
	}
	docs := make([]policy.Document, 0, 1+len(sp.ARNs))
	if sp.Inline != nil {
		docs = append(docs, *sp.Inline)
	}
	docs = append(docs, c.iam.PolicyDocuments(who.id.Account, sp.ARNs)...)
	if len(docs) == 0 {
		// No session policy was passed (GetFederationToken), or none of
		// the managed ones exists: no session policy allows anything.
		docs = append(docs, policy.Document{Version: "2012-10-17"})
	}
	who.policies.Session = docs
	return who
}

// rootIdentity is the root user's permissions as an identity-based
// policy: everything, for the federated users it issues, whom their
// session policies limit.
var rootIdentity = []policy.Document{{Version: "2012-10-17", Statement: []policy.Statement{
	{Effect: policy.Allow, Action: policy.Values{"*"}, Resource: policy.Values{"*"}}}}}
