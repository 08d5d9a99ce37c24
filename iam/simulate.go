package iam

import (
	"context"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
)

// ContextEntry is a condition key's values for a simulation.
type ContextEntry struct {
	ContextKeyName, ContextKeyType string
	ContextKeyValues               []string
}

// EvaluationResult is the decision for one action on one resource.
type EvaluationResult struct {
	EvalActionName, EvalResourceName string
	// EvalDecision is allowed, explicitDeny or implicitDeny.
	EvalDecision                      string
	MatchedStatements                 []Statement                        `xml:"MatchedStatements>member"`
	MissingContextValues              []string                           `xml:"MissingContextValues>member"`
	PermissionsBoundaryDecisionDetail *PermissionsBoundaryDecisionDetail `xml:",omitempty"`
}

// Statement names a policy whose statement decided a simulation.
type Statement struct{ SourcePolicyId, SourcePolicyType string }

// PermissionsBoundaryDecisionDetail says whether the boundary allows.
type PermissionsBoundaryDecisionDetail struct{ AllowedByPermissionsBoundary bool }

// SimulatePrincipalPolicyInput is a simulation of a user's, group's or
// role's policies.
type SimulatePrincipalPolicyInput struct {
	PolicySourceArn, ResourcePolicy, ResourceOwner, CallerArn, ResourceHandlingOption, Marker string
	PolicyInputList, PermissionsBoundaryPolicyInputList, ActionNames, ResourceArns            []string
	ContextEntries                                                                            []ContextEntry
	MaxItems                                                                                  *int32
}

// SimulatePolicyOutput is the simulation's results, one per action and
// resource.
type SimulatePolicyOutput struct {
	EvaluationResults []EvaluationResult `xml:"EvaluationResults>member"`
	IsTruncated       bool
	Marker            string `xml:",omitempty"`
}

// simulation is what a simulation asks: actions, resources, context, the
// resources' owner.
type simulation struct {
	actions, resources []string
	context            map[string][]string
	owner              string
}

// simulationOf checks and gathers a simulation's members.
func (s *Service) simulationOf(actions, resources []string, entries []ContextEntry, owner string, max *int32) (simulation, error) {
	if len(actions) == 0 {
		return simulation{}, validation("actionNames", "null", "Member must not be null")
	}
	for _, a := range actions {
		if len(a) < 3 || len(a) > 128 {
			return simulation{}, validation("actionNames.member", a, "Member must have length between 3 and 128")
		}
	}
	if _, err := maxItems(max); err != nil {
		return simulation{}, err
	}
	if len(resources) == 0 {
		resources = []string{"*"}
	}
	now := s.env.Clock.Now().UTC()
	ctx := map[string][]string{"aws:currenttime": {now.Format(time.RFC3339)}, "aws:epochtime": {itoa(int(now.Unix()))}}
	for _, e := range entries {
		ctx[strings.ToLower(e.ContextKeyName)] = e.ContextKeyValues
	}
	if owner != "" {
		a, err := arn.Parse(owner)
		if err != nil {
			return simulation{}, invalid("Invalid ResourceOwner: %s", owner)
		}
		owner = a.Account
	}
	return simulation{actions: actions, resources: resources, context: ctx, owner: owner}, nil
}

// SimulatePrincipalPolicy evaluates actions on resources as the user,
// group or role PolicySourceArn: its inline and attached policies (a
// user's groups' too), PolicyInputList beside them, its permissions
// boundary (or PermissionsBoundaryPolicyInputList instead) and
// ResourcePolicy, by AWS's policy evaluation logic (internal/policy).
func (s *Service) SimulatePrincipalPolicy(ctx context.Context, in SimulatePrincipalPolicyInput) (SimulatePolicyOutput, error) {
	sc, err := s.enter(ctx, "SimulatePrincipalPolicy")
	if err != nil {
		return SimulatePolicyOutput{}, err
	}
	sim, err := s.simulationOf(in.ActionNames, in.ResourceArns, in.ContextEntries, in.ResourceOwner, in.MaxItems)
	if err != nil {
		return SimulatePolicyOutput{}, err
	}
	set, err := inputSet(in.PolicyInputList, in.PermissionsBoundaryPolicyInputList, in.ResourcePolicy)
	if err != nil {
		return SimulatePolicyOutput{}, err
	}
	var out SimulatePolicyOutput
	err = s.locked(sc, func(a *account) error {
		p, err := a.principal(in.PolicySourceArn)
		if err != nil {
			return err
		}
		set.identity = append(p.identity, set.identity...)
		if len(set.boundary) == 0 {
			set.boundary = p.boundary
		}
		out.EvaluationResults = evaluate(callerOfARN(in.PolicySourceArn, a.id, p.username), set, sim)
		return nil
	})
	return out, err
}

// inputSet parses a simulation's input documents.
func inputSet(identity, boundary []string, resource string) (policySet, error) {
	var set policySet
	var err error
	if set.identity, err = parseInputs("PolicyInputList", identity, identityDoc); err != nil {
		return set, err
	}
	if set.boundary, err = parseInputs("PermissionsBoundaryPolicyInputList", boundary, identityDoc); err != nil {
		return set, err
	}
	if resource != "" {
		rs, err := parseInputs("ResourcePolicy", []string{resource}, resourceDoc)
		if err != nil {
			return set, err
		}
		rs[0].id, rs[0].kind = "ResourcePolicy", "resource"
		set.resource = &rs[0]
	}
	return set, nil
}

// SimulateCustomPolicyInput is a simulation of documents alone.
type SimulateCustomPolicyInput struct {
	ResourcePolicy, ResourceOwner, CallerArn, ResourceHandlingOption, Marker       string
	PolicyInputList, PermissionsBoundaryPolicyInputList, ActionNames, ResourceArns []string
	ContextEntries                                                                 []ContextEntry
	MaxItems                                                                       *int32
}

// SimulateCustomPolicy evaluates actions on resources against the given
// documents, as CallerArn (the account's root user when empty: no
// identity is implied).
func (s *Service) SimulateCustomPolicy(ctx context.Context, in SimulateCustomPolicyInput) (SimulatePolicyOutput, error) {
	sc, err := s.enter(ctx, "SimulateCustomPolicy")
	if err != nil {
		return SimulatePolicyOutput{}, err
	}
	if len(in.PolicyInputList) == 0 {
		return SimulatePolicyOutput{}, validation("policyInputList", "null", "Member must not be null")
	}
	sim, err := s.simulationOf(in.ActionNames, in.ResourceArns, in.ContextEntries, in.ResourceOwner, in.MaxItems)
	if err != nil {
		return SimulatePolicyOutput{}, err
	}
	set, err := inputSet(in.PolicyInputList, in.PermissionsBoundaryPolicyInputList, in.ResourcePolicy)
	if err != nil {
		return SimulatePolicyOutput{}, err
	}
	callerARN := in.CallerArn
	if callerARN == "" {
		callerARN = "arn:aws:iam::" + sc.Account + ":user/simulated"
	}
	name := ""
	if i := strings.Index(callerARN, ":user/"); i >= 0 {
		name = callerARN[lastSlash(callerARN)+1:]
	}
	return SimulatePolicyOutput{EvaluationResults: evaluate(callerOfARN(callerARN, sc.Account, name), set, sim)}, nil
}

// principalPolicies are the documents of a simulated principal.
type principalPolicies struct {
	identity, boundary []sourced
	username           string
}

// principal returns the policies of the user, group or role principalARN.
func (a *account) principal(principalARN string) (principalPolicies, error) {
	parsed, err := arn.Parse(principalARN)
	if err != nil || parsed.Service != arnService {
		return principalPolicies{}, invalid("Invalid ARN: %s", principalARN)
	}
	kindName, _, _ := strings.Cut(parsed.Resource, "/")
	name := parsed.Resource[lastSlash(parsed.Resource)+1:]
	k := map[string]*kind{"user": userKind, "role": roleKind, "group": groupKind}[kindName]
	if k == nil {
		return principalPolicies{}, invalid("Invalid ARN: %s", principalARN)
	}
	e, err := a.entity(k, name)
	if err != nil {
		return principalPolicies{}, err
	}
	var p principalPolicies
	p.identity = a.entityDocs(e, k.name)
	if k == userKind {
		p.username = e.name
		for _, g := range a.users[key(name)].groups {
			p.identity = append(p.identity, a.entityDocs(&a.groups[g].entity, "group")...)
		}
	}
	if e.boundary != "" {
		if b, err := a.policy(e.boundary); err == nil {
			p.boundary = []sourced{loadDoc(b.name, managedType(b), b.defaultDoc())}
		}
	}
	return p, nil
}

// entityDocs are an entity's inline and attached policies.
func (a *account) entityDocs(e *entity, kindName string) []sourced {
	var out []sourced
	for _, n := range e.inlineOrder {
		out = append(out, loadDoc(n, kindName, e.inline[n]))
	}
	for _, pa := range e.attached {
		if p, err := a.policy(pa); err == nil {
			out = append(out, loadDoc(p.name, managedType(p), p.defaultDoc()))
		}
	}
	return out
}

// managedType is a managed policy's SourcePolicyType.
func managedType(p *managed) string {
	if p.aws {
		return "aws-managed"
	}
	return "user-managed"
}
