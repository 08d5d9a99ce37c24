package policy

import (
	"strconv"
	"strings"
)

// Caller is the principal making a request, as the evaluator sees it.
type Caller struct {
	// ARN is the principal's ARN: an IAM user, an assumed-role session
	// (arn:aws:sts::1:assumed-role/R/s), the account root; empty for an
	// anonymous caller or a service principal.
	ARN, Account, UserID string
	// Username is an IAM user's name (aws:username); empty for others.
	Username string
	// Tags are the principal's tags (aws:PrincipalTag/*).
	Tags map[string]string
	// Root is the account's root user.
	Root bool
	// Service is a service principal ("sns.amazonaws.com"), acting through
	// resource-based policies only.
	Service string
	// RoleARN is the role (with its path) an assumed-role session belongs
	// to; derived from ARN without a path when empty.
	RoleARN string
	// Federated is the identity provider of a web-identity or SAML session.
	Federated string
	// CanonicalUser is the caller's S3 canonical user id.
	CanonicalUser string
}

// Request is what a caller asks to do.
type Request struct {
	Caller Caller
	// Action is "service:Operation" (sqs:SendMessage).
	Action string
	// Resource is the ARN the action acts on; ResourceAccount its account
	// (empty: the caller's own).
	Resource, ResourceAccount string
	// Context holds the request's condition keys and their values
	// (aws:SourceArn, aws:CurrentTime, aws:SecureTransport, ...); keys
	// compare case-insensitively. The caller fills aws:CurrentTime and
	// aws:EpochTime from its clock: the evaluator reads none.
	Context map[string][]string
}

// Policies are the documents that apply to a request. An empty Boundary or
// Session means none is set; service control policies are not modelled.
type Policies struct {
	Identity, Boundary, Session []Document
	Resource                    *Document
}

// Decision is the outcome of an evaluation, with IAM's EvalDecision values.
type Decision string

// Decisions.
const (
	Allowed      Decision = "allowed"
	ExplicitDeny Decision = "explicitDeny"
	ImplicitDeny Decision = "implicitDeny"
)

// Policy sets, as Match.Set names them.
const (
	SetIdentity = "identity"
	SetBoundary = "boundary"
	SetSession  = "session"
	SetResource = "resource"
)

// Match is a statement that decided an evaluation.
type Match struct {
	// Policy is the set and index ("identity[2]", "resource"), or the
	// document's Id when it has one.
	Policy string
	// Set and Index locate the document: Policies.Identity[Index] and so on.
	Set       string
	Index     int
	Sid       string
	Statement int
	Effect    string
}

// Result is an evaluation's decision, the statements that made it, and the
// reason AWS gives in its AccessDenied messages ("because no
// identity-based policy allows the sqs:SendMessage action", "with an
// explicit deny in a resource-based policy"); empty when allowed.
type Result struct {
	Decision Decision
	Matched  []Match
	Reason   string
}

// Message is AWS's AccessDenied message for a denied request: "User: ARN
// is not authorized to perform: ACTION on resource: RESOURCE " + Reason.
func (r Result) Message(req Request) string {
	who := req.Caller.ARN
	if who == "" {
		who = "anonymous"
	}
	return "User: " + who + " is not authorized to perform: " + req.Action +
		" on resource: " + req.Resource + " " + r.Reason
}

// evaluation is the state of one Evaluate call.
type evaluation struct {
	req              *Request
	roleARN, rootARN string
	// vars is whether the document being read has policy variables
	// (Version 2012-10-17).
	vars bool
	one  [1]string
	// buf holds the last expanded pattern.
	buf []byte
	// bounded is whether the caller has a permissions boundary.
	bounded bool
}

// Evaluate decides a request against the policies that apply to it, by the
// IAM User Guide's "Policy evaluation logic": an explicit Deny in any policy
// wins; otherwise, in the caller's account, an Allow in either the
// identity-based policies or the resource-based policy suffices, both
// limited by a permissions boundary and session policies, except that a
// resource-based policy naming the user's or session's own ARN is not, and
// one naming only the account delegates to the identity side; across
// accounts, both the identity side and the resource-based policy must allow.
func Evaluate(req Request, p Policies) Result {
	e := evaluation{req: &req}
	c := &req.Caller
	if c.Account != "" {
		e.rootARN = "arn:aws:iam::" + c.Account + ":root"
	}
	e.roleARN = sessionRole(c)
	e.bounded = len(p.Boundary) > 0
	if r, denied := e.denies(p); denied {
		return r
	}
	id := e.scanSet(SetIdentity, p.Identity, Allow)
	bound := e.scanSet(SetBoundary, p.Boundary, Allow)
	sess := e.scanSet(SetSession, p.Session, Allow)
	var res found
	if p.Resource != nil {
		res = e.scan(SetResource, -1, p.Resource, Allow, true)
	}
	if c.Service != "" || c.ARN == "" {
		// Service principals and anonymous callers have no identity side.
		if res.ok {
			return allowed(res, found{}, found{}, false)
		}
		return Result{Decision: ImplicitDeny, Reason: implicitReason(req.Action, false, true, true, true, false)}
	}
	idOK := id.ok || c.Root
	boundOK, sessOK := c.Root || len(p.Boundary) == 0 || bound.ok, c.Root || len(p.Session) == 0 || sess.ok
	chain := idOK && boundOK && sessOK
	same := req.ResourceAccount == "" || req.ResourceAccount == c.Account
	switch {
	case same && res.how == byARN,
		same && res.how == byGroup && boundOK && sessOK:
		return allowed(res, bound, sess, res.how != byARN)
	case same && chain:
		return allowed(id, bound, sess, true)
	case !same && chain && res.ok:
		return allowed(concat(id, res), bound, sess, true)
	}
	return Result{Decision: ImplicitDeny, Reason: implicitReason(req.Action, same, idOK || (same && res.how > byAccount), boundOK, sessOK, res.ok)}
}

// sessionRole is the role ARN of an assumed-role session caller, "" for
// other callers.
func sessionRole(c *Caller) string {
	if c.RoleARN != "" {
		return c.RoleARN
	}
	rest, ok := strings.CutPrefix(c.ARN, "arn:aws:sts::")
	if !ok {
		return ""
	}
	acct, path, _ := strings.Cut(rest, ":assumed-role/")
	name, _, ok := strings.Cut(path, "/")
	if !ok {
		return ""
	}
	return "arn:aws:iam::" + acct + ":role/" + name
}

func allowed(main, bound, sess found, limited bool) Result {
	m := main.matches
	if limited {
		m = append(append(m, bound.matches...), sess.matches...)
	}
	return Result{Decision: Allowed, Matched: m}
}

func concat(a, b found) found {
	return found{ok: a.ok && b.ok, matches: append(a.matches, b.matches...)}
}

// implicitReason is AWS's phrasing for the first missing Allow.
func implicitReason(action string, same, idOK, boundOK, sessOK, resOK bool) string {
	what := "identity-based policy"
	switch {
	case !idOK:
	case !boundOK:
		what = "permissions boundary"
	case !sessOK:
		what = "session policy"
	case !same && !resOK:
		what = "resource-based policy"
	}
	return "because no " + what + " allows the " + action + " action"
}

// denies looks for an explicit Deny in every set.
func (e *evaluation) denies(p Policies) (Result, bool) {
	var all []Match
	reason := ""
	note := func(f found, what string) {
		if f.ok && reason == "" {
			reason = "with an explicit deny in " + what
		}
		all = append(all, f.matches...)
	}
	note(e.scanSet(SetIdentity, p.Identity, Deny), "an identity-based policy")
	if p.Resource != nil {
		note(e.scan(SetResource, -1, p.Resource, Deny, true), "a resource-based policy")
	}
	note(e.scanSet(SetBoundary, p.Boundary, Deny), "a permissions boundary")
	note(e.scanSet(SetSession, p.Session, Deny), "a session policy")
	if reason == "" {
		return Result{}, false
	}
	return Result{Decision: ExplicitDeny, Matched: all, Reason: reason}, true
}

// scanSet scans every document of an identity-side set.
func (e *evaluation) scanSet(set string, docs []Document, effect string) found {
	var f found
	for i := range docs {
		g := e.scan(set, i, &docs[i], effect, false)
		f.ok = f.ok || g.ok
		f.matches = append(f.matches, g.matches...)
	}
	return f
}

// found is what a scan of a policy set found.
type found struct {
	ok      bool
	how     principalMatch
	matches []Match
}

// scan returns the statements of doc with the given effect that apply to
// the request; a resource-based document's statements must name the caller.
func (e *evaluation) scan(set string, index int, doc *Document, effect string, resource bool) found {
	var f found
	e.vars = doc.Version == "2012-10-17"
	for i := range doc.Statement {
		st := &doc.Statement[i]
		if st.Effect != effect || !matchAction(st, e.req.Action) {
			continue
		}
		how := byGroup
		if resource {
			how = e.matchPrincipal(st)
			if effect == Deny && st.NotPrincipal != nil && e.bounded {
				// "The NotPrincipal element with a Deny effect will always deny
				// any IAM principal that has a permissions boundary policy
				// attached" (Permissions boundaries for IAM entities).
				how = byGroup
			}
			if how == noPrincipal {
				continue
			}
		}
		if !e.matchResource(st, resource) || !e.conditions(st.Condition) {
			continue
		}
		f.ok, f.how = true, max(f.how, how)
		f.matches = append(f.matches, Match{Policy: policyName(set, index, doc), Set: set, Index: index,
			Sid: st.Sid, Statement: i, Effect: effect})
	}
	return f
}

func policyName(set string, index int, doc *Document) string {
	switch {
	case doc.ID != "":
		return doc.ID
	case index < 0:
		return set
	}
	if index < len(indexNames[0]) {
		for i, name := range setNames {
			if name == set {
				return indexNames[i][index]
			}
		}
	}
	return set + "[" + strconv.Itoa(index) + "]"
}

// setNames and indexNames spare the common names ("identity[3]") an
// allocation per matched statement.
var (
	setNames   = [...]string{SetIdentity, SetBoundary, SetSession}
	indexNames = func() (n [len(setNames)][16]string) {
		for i, set := range setNames {
			for j := range n[i] {
				n[i][j] = set + "[" + strconv.Itoa(j) + "]"
			}
		}
		return n
	}()
)
