package sts

import (
	"bytes"
	"encoding/json"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/awsfake/awsfake/internal/policy"
)

// SessionPolicy is what a call passed to limit the session it issued:
// the inline policy (Policy) and the managed policies (PolicyArns). The
// session's permissions are its identity's intersected with them
// ("Session policies", IAM User Guide).
type SessionPolicy struct {
	// Inline is the Policy document, nil for none.
	Inline *policy.Document
	// ARNs are the PolicyArns.
	ARNs []string
	// Parent is, for a GetFederationToken session, the IAM user (or the
	// root user) who asked for it, whose identity-based policies the
	// session policies limit; "" for a role session, limited by its role's.
	Parent string
}

// sessionPolicies are the session policies of the sessions issued with
// one, by access key ID, until the session expires.
type sessionPolicies struct {
	mu   sync.RWMutex
	keys map[string]keptPolicy
	// sweepAt is the size at which the next insert forgets the expired
	// sessions: twice the size left by the last sweep, so that the work
	// is amortised over the inserts and memory follows the live sessions.
	sweepAt int
}

type keptPolicy struct {
	SessionPolicy
	expires time.Time
}

// keepSessionPolicy remembers the session policies sp of the session c;
// nothing for a role session without any (its role's permissions apply
// whole).
func (s *Service) keepSessionPolicy(c Credentials, sp SessionPolicy) {
	if sp.Parent == "" && sp.Inline == nil && len(sp.ARNs) == 0 {
		return
	}
	now := s.now()
	s.sessions.mu.Lock()
	defer s.sessions.mu.Unlock()
	if s.sessions.keys == nil {
		s.sessions.keys = map[string]keptPolicy{}
	}
	if len(s.sessions.keys) >= s.sessions.sweepAt {
		for k, kp := range s.sessions.keys {
			if !now.Before(kp.expires) {
				delete(s.sessions.keys, k)
			}
		}
		s.sessions.sweepAt = 2*len(s.sessions.keys) + 64
	}
	s.sessions.keys[c.AccessKeyId] = keptPolicy{sp, c.Expiration}
}

// SessionPolicyOf returns the session policies passed when the session
// whose access key is accessKeyID was issued; ok is false for a role
// session issued without any, or a key STS did not issue. Plumbing for
// the root package.
func (s *Service) SessionPolicyOf(accessKeyID string) (sp SessionPolicy, ok bool) {
	s.sessions.mu.RLock()
	defer s.sessions.mu.RUnlock()
	kp, ok := s.sessions.keys[accessKeyID]
	return kp.SessionPolicy, ok
}

// The limits on a call's session policies: the inline policy's plain
// text, which is also the packed limit (packedSize), and the number of
// managed ones.
const (
	maxSessionPolicy     = 2048
	maxSessionPolicyARNs = 10
)

// sessionPolicy applies AWS's rules to the session policies of a call and
// returns them parsed, with their PackedPolicySize: at most 10 ARNs of 20
// to 2,048 characters, an inline policy of at most 2,048 characters
// (ValidationError, the model's constraints) that parses as a policy
// (MalformedPolicyDocument), and a packed size within the limit
// (PackedPolicyTooLarge).
func sessionPolicy(doc string, arns []PolicyDescriptor) (SessionPolicy, int, error) {
	var sp SessionPolicy
	if len(arns) > maxSessionPolicyARNs {
		return sp, 0, validation("policyArns", "["+itoa(len(arns))+" policies]", "Member must have length less than or equal to 10")
	}
	for _, p := range arns {
		if len(p.Arn) < 20 || len(p.Arn) > 2048 {
			return sp, 0, validation("policyArns.member.arn", p.Arn, "Member must have length between 20 and 2048")
		}
		sp.ARNs = append(sp.ARNs, p.Arn)
	}
	packed := 0
	if doc != "" {
		if len([]rune(doc)) > maxSessionPolicy {
			return SessionPolicy{}, 0, validation("policy", doc, "Member must have length less than or equal to 2048")
		}
		d, err := policy.Parse([]byte(doc))
		if err != nil {
			return SessionPolicy{}, 0, errs.New(codeMalformedPolicy, "The policy is not in the valid JSON format.")
		}
		sp.Inline = &d
		var b bytes.Buffer
		_ = json.Compact(&b, []byte(doc)) // it parsed: it is JSON
		packed = utf8.RuneCount(b.Bytes())
	}
	pct, err := packedSize(packed, sp.ARNs)
	if err != nil {
		return SessionPolicy{}, 0, err
	}
	return sp, pct, nil
}

// packedSize is the PackedPolicySize of session policies whose inline
// policy packs to inline characters, the percentage of the packed limit
// they use, and the PackedPolicyTooLarge error past 100%. AWS packs "the
// passed inline session policy, managed policy ARNs, and session tags
// into a packed binary format that has a separate limit" whose algorithm
// it does not publish; the fake packs the inline policy without its
// insignificant whitespace and the ARNs, and holds them to the documented
// plaintext limit: "The plaintext that you use for both inline and
// managed session policies can't exceed 2,048 characters". Session tags
// are held to their own limits only.
func packedSize(inline int, arns []string) (int, error) {
	n := inline
	for _, a := range arns {
		n += len(a)
	}
	pct := (n*100 + maxSessionPolicy - 1) / maxSessionPolicy
	if pct > 100 {
		return pct, errs.New(codePackedPolicyTooLarge, "Packed policy consumes %d%% of allotted space, please use smaller policy.", pct)
	}
	return pct, nil
}
