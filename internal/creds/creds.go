// Package creds is the cloud's one credential store: which principal each
// access key the cloud issued belongs to, until when, and with which
// secret. STS fills it with the temporary credentials it issues (IAM will
// add its users' keys); the root package reads it to resolve a request's
// account, and signature checks will read the secrets.
//
// Memory stays bounded by what a rule still needs: a key that has expired is
// kept as a compact record (its account and expiry) for Retention, so that a
// call signed with it still answers ExpiredToken and names its account, and
// is forgotten after that. The work is done lazily, a little on each Put:
// nothing runs while nothing is issued.
package creds

import (
	"container/heap"
	"regexp"
	"sync"
	"time"
)

// Retention is how long a key is remembered after it expires.
const Retention = 24 * time.Hour

// Principal is whom a key belongs to.
type Principal struct {
	// Account is the principal's account.
	Account string
	// ARN and UserID are what GetCallerIdentity answers.
	ARN, UserID string
	// Kind tells the service that issued the key what sort of principal
	// it is (STS: an assumed role, a federated user, ...).
	Kind int
	// Secret is the key's secret access key.
	Secret string
	// Expires is when the key stops working; zero for a long-term key.
	Expires time.Time
}

// IAMUser is the Kind of an IAM user's long-term access key (package
// iam): such a key signs as the user, with long-term credentials.
const IAMUser = 100

// State is what the store knows of a key.
type State int

// The states of a key.
const (
	Unknown State = iota // not issued by the cloud, or forgotten
	Valid                // issued and not expired
	Expired              // issued and expired: only its account is known
)

// Store maps access keys to principals. It is safe for concurrent use.
type Store struct {
	mu      sync.Mutex
	live    map[string]*entry
	expired map[string]compact
	byEnd   endHeap  // live keys with an expiry, by expiry
	forget  []string // compacted keys, in expiry order: the first is forgotten first
}

type entry struct {
	key   string
	p     Principal
	index int
}

// compact is what is kept of an expired key.
type compact struct {
	account string
	expires time.Time
}

// New returns an empty store. It allocates its maps on the first Put, so
// that a cloud that issues no credentials pays nothing for them.
func New() *Store { return &Store{} }

// Put records the principal of key, as of now (the cloud's time), and
// compacts or forgets the keys whose time has come.
func (s *Store) Put(key string, p Principal, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sweepLocked(now)
	if s.live == nil {
		s.live, s.expired = map[string]*entry{}, map[string]compact{}
	}
	e := &entry{key: key, p: p, index: -1}
	s.live[key] = e
	if !p.Expires.IsZero() {
		heap.Push(&s.byEnd, e)
	}
}

// Lookup returns what the store knows of key at now: the principal while
// it is valid; for an expired key, a principal holding only its account
// and expiry. A nil store knows no key.
func (s *Store) Lookup(key string, now time.Time) (Principal, State) {
	if s == nil {
		return Principal{}, Unknown
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.live[key]; ok {
		if e.p.Expires.IsZero() || now.Before(e.p.Expires) {
			return e.p, Valid
		}
		return Principal{Account: e.p.Account, Expires: e.p.Expires}, Expired
	}
	if c, ok := s.expired[key]; ok && now.Before(c.expires.Add(Retention)) {
		return Principal{Account: c.account, Expires: c.expires}, Expired
	}
	return Principal{}, Unknown
}

// Delete forgets a long-term key (an IAM user's key deleted or made
// inactive): calls signed with it are no longer the principal's.
func (s *Store) Delete(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.live[key]; ok && e.p.Expires.IsZero() {
		delete(s.live, key)
	}
}

// Len returns how many keys are held, live and compacted.
func (s *Store) Len() (live, compacted int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.live), len(s.expired)
}

// sweepLocked compacts the live keys that have expired and forgets the
// compact records past Retention.
func (s *Store) sweepLocked(now time.Time) {
	for len(s.byEnd) > 0 {
		e := s.byEnd[0]
		if e.p.Expires.After(now) {
			break
		}
		heap.Pop(&s.byEnd)
		delete(s.live, e.key)
		s.expired[e.key] = compact{account: e.p.Account, expires: e.p.Expires}
		s.forget = append(s.forget, e.key)
	}
	for len(s.forget) > 0 {
		c, ok := s.expired[s.forget[0]]
		if ok && now.Before(c.expires.Add(Retention)) {
			break
		}
		delete(s.expired, s.forget[0])
		s.forget = s.forget[1:]
	}
}

// accountKey is the convention LocalStack users rely on: an access key of
// twelve digits is that account's.
var accountKey = regexp.MustCompile(`^\d{12}$`)

// AccountOf returns the account of a key the store does not hold: the key
// itself when it is twelve digits, else def.
func AccountOf(key, def string) string {
	if accountKey.MatchString(key) {
		return key
	}
	return def
}

type endHeap []*entry

func (h endHeap) Len() int           { return len(h) }
func (h endHeap) Less(i, j int) bool { return h[i].p.Expires.Before(h[j].p.Expires) }
func (h endHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *endHeap) Push(x any) {
	e := x.(*entry)
	e.index = len(*h)
	*h = append(*h, e)
}
func (h *endHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	old[len(old)-1] = nil
	e.index = -1
	*h = old[:len(old)-1]
	return e
}
