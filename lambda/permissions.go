package lambda

import (
	"context"
	"regexp"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/policy"
)

// maxPolicySize is the quota on a function's resource-based policy: 20 KB.
const maxPolicySize = 20480

var (
	statementID = regexp.MustCompile(`^[a-zA-Z0-9-_.]{1,100}$`)
	actionName  = regexp.MustCompile(`^(lambda:[*]|lambda:[a-zA-Z]+|[*])$`)
	accountID   = regexp.MustCompile(`^\d{12}$`)
)

// statement is one statement of a function's resource-based policy.
type statement struct {
	sid, action, principal, resource string
	sourceArn, sourceAccount         string
	principalOrgID, urlAuthType      string
}

// document is the statement as IAM writes it (internal/policy).
func (st statement) document() policy.Statement {
	var p *policy.Principal
	switch {
	case st.principal == "*":
		p = policy.Everyone()
	case accountID.MatchString(st.principal):
		p = policy.Of("AWS", arn.New("iam", "", st.principal, "root"))
	case strings.HasPrefix(st.principal, "arn:"):
		p = policy.Of("AWS", st.principal)
	default:
		p = policy.Of("Service", st.principal)
	}
	cond := map[string]map[string]policy.Values{}
	add := func(op, key, v string) {
		if v == "" {
			return
		}
		if cond[op] == nil {
			cond[op] = map[string]policy.Values{}
		}
		cond[op][key] = policy.Values{v}
	}
	add("ArnLike", "AWS:SourceArn", st.sourceArn)
	add("StringEquals", "AWS:SourceAccount", st.sourceAccount)
	add("StringEquals", "aws:PrincipalOrgID", st.principalOrgID)
	add("StringEquals", "lambda:FunctionUrlAuthType", st.urlAuthType)
	if len(cond) == 0 {
		cond = nil
	}
	return policy.Statement{Sid: st.sid, Effect: policy.Allow, Principal: p, Action: policy.Values{st.action},
		Resource: policy.Values{st.resource}, Condition: cond}
}

// AddPermissionInput grants a principal permission to use a function,
// version or alias.
type AddPermissionInput struct {
	FunctionName        string
	Qualifier           string
	StatementId         string
	Action              string
	Principal           string
	SourceArn           string
	SourceAccount       string
	EventSourceToken    string
	PrincipalOrgID      string
	FunctionUrlAuthType string
	RevisionId          string
}

// AddPermissionOutput is the statement added, as JSON.
type AddPermissionOutput struct {
	Statement string
}

// AddPermission adds a statement to the function's resource-based policy.
// Deliveries from SNS, S3, EventBridge, API Gateway and CloudWatch Logs are
// checked against it, as AWS checks them.
func (s *Service) AddPermission(ctx context.Context, in AddPermissionInput) (AddPermissionOutput, error) {
	sc, err := s.enter(ctx, "AddPermission")
	if err != nil {
		return AddPermissionOutput{}, err
	}
	r, err := s.parseRef(sc, "functionName", in.FunctionName, in.Qualifier)
	if err != nil {
		return AddPermissionOutput{}, err
	}
	switch {
	case !statementID.MatchString(in.StatementId):
		return AddPermissionOutput{}, errValidation("statementId", in.StatementId, `Member must satisfy regular expression pattern: ([a-zA-Z0-9-_.]+)`)
	case !actionName.MatchString(in.Action):
		return AddPermissionOutput{}, errValidation("action", in.Action, `Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])`)
	case in.Principal == "" || strings.ContainsAny(in.Principal, " \t\n"):
		return AddPermissionOutput{}, errValidation("principal", in.Principal, `Member must satisfy regular expression pattern: [^\s]+`)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, _, err := s.resolveLocked(r)
	if err != nil {
		return AddPermissionOutput{}, err
	}
	if in.RevisionId != "" && in.RevisionId != f.policyRevision {
		return AddPermissionOutput{}, errRevision("GetPolicy")
	}
	for _, st := range f.policy {
		if st.sid == in.StatementId {
			return AddPermissionOutput{}, errConflict("The statement id (%s) provided already exists. Please provide a new statement id, or remove the existing statement.", in.StatementId)
		}
	}
	st := statement{sid: in.StatementId, action: in.Action, principal: in.Principal, resource: r.arn(),
		sourceArn: in.SourceArn, sourceAccount: in.SourceAccount, principalOrgID: in.PrincipalOrgID,
		urlAuthType: in.FunctionUrlAuthType}
	if size := len(policyJSON(append(f.policy[:len(f.policy):len(f.policy)], st))); size > maxPolicySize {
		return AddPermissionOutput{}, userError("PolicyLengthExceededException",
			"The final policy size (%d) is bigger than the limit (%d).", size, maxPolicySize)
	}
	f.policy = append(f.policy, st)
	f.policyRevision = s.env.IDs.UUID()
	return AddPermissionOutput{Statement: string(mustJSON(st.document()))}, nil
}

// policyJSON is the policy document of the statements sts.
func policyJSON(sts []statement) []byte {
	doc := policy.Document{Version: "2012-10-17", ID: "default", Statement: make([]policy.Statement, 0, len(sts))}
	for _, st := range sts {
		doc.Statement = append(doc.Statement, st.document())
	}
	return doc.JSON()
}

// RemovePermissionInput names a statement to remove.
type RemovePermissionInput struct {
	FunctionName string
	Qualifier    string
	StatementId  string
	RevisionId   string
}

// RemovePermission removes a statement from the function's policy.
func (s *Service) RemovePermission(ctx context.Context, in RemovePermissionInput) error {
	sc, err := s.enter(ctx, "RemovePermission")
	if err != nil {
		return err
	}
	r, err := s.parseRef(sc, "functionName", in.FunctionName, in.Qualifier)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, _, err := s.resolveLocked(r)
	if err != nil {
		return err
	}
	if in.RevisionId != "" && in.RevisionId != f.policyRevision {
		return errRevision("GetPolicy")
	}
	for i, st := range f.policy {
		if st.sid == in.StatementId && st.resource == r.arn() {
			f.policy = append(f.policy[:i], f.policy[i+1:]...)
			f.policyRevision = s.env.IDs.UUID()
			return nil
		}
	}
	return errNotFound("Statement %s is not found in resource policy.", in.StatementId)
}

// GetPolicyInput names a function, version or alias.
type GetPolicyInput struct {
	FunctionName string
	Qualifier    string
}

// GetPolicyOutput is the resource-based policy, as JSON.
type GetPolicyOutput struct {
	Policy     string
	RevisionId string
}

// GetPolicy returns the statements that apply to the function, version or
// alias named.
func (s *Service) GetPolicy(ctx context.Context, in GetPolicyInput) (GetPolicyOutput, error) {
	sc, err := s.enter(ctx, "GetPolicy")
	if err != nil {
		return GetPolicyOutput{}, err
	}
	r, err := s.parseRef(sc, "functionName", in.FunctionName, in.Qualifier)
	if err != nil {
		return GetPolicyOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, _, err := s.resolveLocked(r)
	if err != nil {
		return GetPolicyOutput{}, err
	}
	var sts []statement
	for _, st := range f.policy {
		if st.resource == r.arn() {
			sts = append(sts, st)
		}
	}
	if len(sts) == 0 {
		return GetPolicyOutput{}, errNotFound("The resource you requested does not exist.")
	}
	return GetPolicyOutput{Policy: string(policyJSON(sts)), RevisionId: f.policyRevision}, nil
}

// policyPrincipals are the service principals whose deliveries Lambda
// authorises with the function's resource-based policy; others (Lambda's own
// destinations, event source mappings) run under the function's role.
var policyPrincipals = map[string]bool{
	"sns.amazonaws.com": true, "s3.amazonaws.com": true, "events.amazonaws.com": true,
	"apigateway.amazonaws.com": true, "logs.amazonaws.com": true, "lambda.alarms.cloudwatch.amazonaws.com": true,
}

// allowedLocked reports whether the policy of f lets principal invoke the
// function as r addresses it, from sourceArn in sourceAccount: a statement
// for that ARN (an unqualified one also covers $LATEST), an action that
// covers lambda:InvokeFunction, the principal or *, and conditions that
// hold.
func (s *Service) allowedLocked(f *function, r ref, principal, sourceArn, sourceAccount string) bool {
	target := r.arn()
	for _, st := range f.policy {
		if st.resource != target && (r.qualifier != latest || st.resource != f.qualifiedARN("")) {
			continue
		}
		if st.action != "lambda:InvokeFunction" && st.action != "lambda:*" && st.action != "*" {
			continue
		}
		if st.principal != "*" && !samePrincipal(st.principal, principal) {
			continue
		}
		if st.sourceArn != "" && !wildcardMatch(st.sourceArn, sourceArn) {
			continue
		}
		if st.sourceAccount != "" && st.sourceAccount != sourceAccount {
			continue
		}
		return true
	}
	return false
}

// wildcardMatch is IAM's ArnLike: * matches any run of characters, ? any
// one.
func wildcardMatch(pattern, s string) bool {
	if pattern == "" {
		return s == ""
	}
	switch pattern[0] {
	case '*':
		for i := 0; i <= len(s); i++ {
			if wildcardMatch(pattern[1:], s[i:]) {
				return true
			}
		}
		return false
	case '?':
		return s != "" && wildcardMatch(pattern[1:], s[1:])
	}
	return s != "" && s[0] == pattern[0] && wildcardMatch(pattern[1:], s[1:])
}
