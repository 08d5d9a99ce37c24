package logs

import (
	"context"
	"encoding/json"
	"sort"
	"strconv"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// maxResourcePolicies is how many resource policies an account holds in a
// region (api_op_PutResourcePolicy.go).
const maxResourcePolicies = 10

// ResourcePolicy is a stored resource policy: an account-wide one (scope
// ACCOUNT), or one of a log group (scope RESOURCE, with its ARN).
type ResourcePolicy struct {
	LastUpdatedTime int64  `json:"lastUpdatedTime,omitempty"`
	PolicyDocument  string `json:"policyDocument,omitempty"`
	PolicyName      string `json:"policyName,omitempty"`
	PolicyScope     string `json:"policyScope,omitempty"`
	ResourceArn     string `json:"resourceArn,omitempty"`
	RevisionID      string `json:"revisionId,omitempty"`
}

// PutResourcePolicyInput is the input of PutResourcePolicy.
type PutResourcePolicyInput struct {
	PolicyName         string `json:"policyName,omitempty"`
	PolicyDocument     string `json:"policyDocument,omitempty"`
	ResourceArn        string `json:"resourceArn,omitempty"`
	ExpectedRevisionID string `json:"expectedRevisionId,omitempty"`
}

// PutResourcePolicyOutput is the output of PutResourcePolicy.
type PutResourcePolicyOutput struct {
	ResourcePolicy ResourcePolicy `json:"resourcePolicy"`
	RevisionID     string         `json:"revisionId,omitempty"`
}

// PutResourcePolicy creates or replaces a resource policy (stored, not
// enforced): at most 10 an account and region, a JSON document of 1 to
// 51,200 characters.
func (s *Service) PutResourcePolicy(ctx context.Context, in PutResourcePolicyInput) (PutResourcePolicyOutput, error) {
	sc, err := s.enter(ctx, "PutResourcePolicy")
	if err != nil {
		return PutResourcePolicyOutput{}, err
	}
	if err := checkLen("policyDocument", in.PolicyDocument, 1, 51200); err != nil {
		return PutResourcePolicyOutput{}, err
	}
	if !json.Valid([]byte(in.PolicyDocument)) {
		return PutResourcePolicyOutput{}, invalidParam("Policy document is not valid JSON.")
	}
	key, scopeName := in.PolicyName, "ACCOUNT"
	if in.ResourceArn != "" {
		key, scopeName = in.ResourceArn, "RESOURCE"
	} else if in.PolicyName == "" {
		return PutResourcePolicyOutput{}, invalidParam("Either policyName or resourceArn must be specified.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partFor(sc)
	old := p.policies[key]
	if in.ExpectedRevisionID != "" && (old == nil || old.RevisionID != in.ExpectedRevisionID) {
		return PutResourcePolicyOutput{}, errs.New(codeOperationAborted, "The expected revision id does not match the current one.")
	}
	if old == nil && len(p.policies) >= maxResourcePolicies {
		return PutResourcePolicyOutput{}, limitExceeded()
	}
	s.seq++
	rp := &ResourcePolicy{LastUpdatedTime: s.nowMs(), PolicyDocument: in.PolicyDocument, PolicyName: in.PolicyName,
		PolicyScope: scopeName, ResourceArn: in.ResourceArn, RevisionID: strconv.FormatUint(s.seq, 10)}
	if p.policies == nil {
		p.policies = map[string]*ResourcePolicy{}
	}
	p.policies[key] = rp
	return PutResourcePolicyOutput{ResourcePolicy: *rp, RevisionID: rp.RevisionID}, nil
}

// DescribeResourcePoliciesInput is the input of DescribeResourcePolicies.
type DescribeResourcePoliciesInput struct {
	Limit       *int32 `json:"limit,omitempty"`
	NextToken   string `json:"nextToken,omitempty"`
	ResourceArn string `json:"resourceArn,omitempty"`
	PolicyScope string `json:"policyScope,omitempty"`
}

// DescribeResourcePoliciesOutput is the output of
// DescribeResourcePolicies.
type DescribeResourcePoliciesOutput struct {
	ResourcePolicies []ResourcePolicy `json:"resourcePolicies"`
	NextToken        string           `json:"nextToken,omitempty"`
}

// DescribeResourcePolicies lists the resource policies by name.
func (s *Service) DescribeResourcePolicies(ctx context.Context, in DescribeResourcePoliciesInput) (DescribeResourcePoliciesOutput, error) {
	sc, err := s.enter(ctx, "DescribeResourcePolicies")
	if err != nil {
		return DescribeResourcePoliciesOutput{}, err
	}
	limit, err := limitOf(in.Limit, 50, 50)
	if err != nil {
		return DescribeResourcePoliciesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var keys []string
	if p := s.part(sc); p != nil {
		for k, rp := range p.policies {
			if (in.ResourceArn == "" || rp.ResourceArn == in.ResourceArn) && (in.PolicyScope == "" || rp.PolicyScope == in.PolicyScope) {
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	page, next, ok := pagetoken.Page(keys, func(k string) string { return k }, in.NextToken, limit)
	if !ok {
		return DescribeResourcePoliciesOutput{}, badToken()
	}
	out := DescribeResourcePoliciesOutput{ResourcePolicies: []ResourcePolicy{}, NextToken: next}
	for _, k := range page {
		out.ResourcePolicies = append(out.ResourcePolicies, *s.part(sc).policies[k])
	}
	return out, nil
}

// DeleteResourcePolicyInput is the input of DeleteResourcePolicy.
type DeleteResourcePolicyInput struct {
	PolicyName         string `json:"policyName,omitempty"`
	ResourceArn        string `json:"resourceArn,omitempty"`
	ExpectedRevisionID string `json:"expectedRevisionId,omitempty"`
}

// DeleteResourcePolicy deletes a resource policy; a missing one is AWS's
// "Policy with name [x] does not exist." (test_logs_resource_policies
// test_delete_resource_policy_not_found).
func (s *Service) DeleteResourcePolicy(ctx context.Context, in DeleteResourcePolicyInput) error {
	sc, err := s.enter(ctx, "DeleteResourcePolicy")
	if err != nil {
		return err
	}
	key := in.PolicyName
	if in.ResourceArn != "" {
		key = in.ResourceArn
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	if p == nil || p.policies[key] == nil {
		return notFound("Policy with name [%s] does not exist.", key)
	}
	delete(p.policies, key)
	return nil
}
