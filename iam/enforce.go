package iam

import (
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/policy"
)

// This file is what IAM enforcement (awsfake.WithIAMEnforcement) reads of
// IAM: a principal's identity-based policies and permissions boundary, and
// a role's trust policy. Plumbing for the root package.

// Identity is what the policy evaluator needs of a principal that signs
// requests: who it is and the policies that apply to it.
type Identity struct {
	Caller             policy.Caller
	Identity, Boundary []policy.Document
}

// IdentityOf returns the identity of the IAM user or role principalARN, or
// of the role behind the assumed-role session principalARN
// (arn:aws:sts::<account>:assumed-role/<role>/<session>): its inline and
// attached policies (a user's groups' too), its permissions boundary and
// tags. ok is false when the user or role does not exist.
func (s *Service) IdentityOf(principalARN string) (id Identity, ok bool) {
	a, err := arn.Parse(principalARN)
	if err != nil {
		return Identity{}, false
	}
	id.Caller = policy.Caller{ARN: principalARN, Account: a.Account}
	s.mu.Lock()
	defer s.mu.Unlock()
	acct := s.accountOf(scope{Account: a.Account})
	var e *entity
	switch {
	case a.Service == "sts" && strings.HasPrefix(a.Resource, "assumed-role/"):
		name, session, _ := strings.Cut(strings.TrimPrefix(a.Resource, "assumed-role/"), "/")
		r, err := acct.role(name)
		if err != nil {
			return Identity{}, false
		}
		e = &r.entity
		id.Caller.RoleARN, id.Caller.UserID = r.arn, r.id+":"+session
	case a.Service == arnService && strings.HasPrefix(a.Resource, "role/"):
		r, err := acct.role(a.Resource[strings.LastIndexByte(a.Resource, '/')+1:])
		if err != nil {
			return Identity{}, false
		}
		e = &r.entity
		id.Caller.RoleARN, id.Caller.UserID = r.arn, r.id
	case a.Service == arnService && strings.HasPrefix(a.Resource, "user/"):
		u, err := acct.user(a.Resource[strings.LastIndexByte(a.Resource, '/')+1:])
		if err != nil {
			return Identity{}, false
		}
		e = &u.entity
		id.Caller.Username, id.Caller.UserID = u.name, u.id
		for _, g := range u.groups {
			id.Identity = s.appendDocs(id.Identity, acct, &acct.groups[g].entity)
		}
	default:
		return Identity{}, false
	}
	id.Identity = s.appendDocs(id.Identity, acct, e)
	if e.boundary != "" {
		if b, err := acct.policy(e.boundary); err == nil {
			id.Boundary = []policy.Document{s.parsed(b.defaultDoc())}
		}
	}
	if len(e.tags) > 0 {
		id.Caller.Tags = make(map[string]string, len(e.tags))
		for _, t := range e.tags {
			id.Caller.Tags[t.Key] = t.Value
		}
	}
	return id, true
}

// appendDocs appends an entity's inline and attached policies to out. The
// caller holds s.mu.
func (s *Service) appendDocs(out []policy.Document, a *account, e *entity) []policy.Document {
	for _, n := range e.inlineOrder {
		out = append(out, s.parsed(e.inline[n]))
	}
	for _, pa := range e.attached {
		if p, err := a.policy(pa); err == nil {
			out = append(out, s.parsed(p.defaultDoc()))
		}
	}
	return out
}

// maxParsed bounds the cache of parsed documents: past it, the cache
// starts again empty.
const maxParsed = 1024

// parsed is the document raw (checked when it was stored) parsed, from a
// cache: enforcement reads a caller's policies on every request, and a
// stored document never changes (a new version is a new document). The
// caller holds s.mu.
func (s *Service) parsed(raw string) policy.Document {
	if d, ok := s.docs[raw]; ok {
		return d
	}
	d, _ := policy.Parse([]byte(raw))
	if s.docs == nil || len(s.docs) >= maxParsed {
		s.docs = map[string]policy.Document{}
	}
	s.docs[raw] = d
	return d
}

// TrustPolicy returns the trust policy of the role roleARN; ok is false
// when the role does not exist.
func (s *Service) TrustPolicy(roleARN string) (doc policy.Document, ok bool) {
	a, err := arn.Parse(roleARN)
	if err != nil || a.Service != arnService || !strings.HasPrefix(a.Resource, "role/") {
		return policy.Document{}, false
	}
	s.mu.Lock()
	acct := s.accountOf(scope{Account: a.Account})
	r, err := acct.role(a.Resource[strings.LastIndexByte(a.Resource, '/')+1:])
	var raw string
	if err == nil {
		raw = r.trust
	}
	s.mu.Unlock()
	if err != nil {
		return policy.Document{}, false
	}
	doc, err = policy.Parse([]byte(raw))
	return doc, err == nil
}
