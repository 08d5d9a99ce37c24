package sqs

import (
	"strings"
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/dedup"
	"github.com/awsfake/awsfake/internal/faults"
)

// Service is the SQS engine of one cloud. It is safe for concurrent use: one
// lock guards every queue, held only for short critical sections, never
// across a wait or a callback.
type Service struct {
	env *cloudenv.Env

	mu sync.Mutex
	// partitions hold the queues of each account and region, created on
	// the first queue; def is the cloud's own (its default account and
	// region), found without a map access.
	partitions map[partKey]*partition
	def        *partition
	// creations counts the queues ever created: the n-th draws its ids from
	// a stream of its own, so a queue re-created with a deleted one's name
	// does not replay its ids.
	creations uint64
	// notifiers are by queue ARN, as AWS's pollers address a queue: they
	// outlive a deleted queue and serve a namesake created later.
	notifiers map[string][]notifier
	nextNotif uint64
	tasks     moveTasks
	closed    bool

	faults *faults.Injector[struct{}]
}

// New returns the SQS service of the cloud whose environment is env. It
// starts nothing; the cloud wires what Describe tells it.
func New(env *cloudenv.Env) *Service {
	s := &Service{env: env, partitions: map[partKey]*partition{}, notifiers: map[string][]notifier{},
		faults: faults.New[struct{}](faultOps, env.Clock, env.Scope())}
	s.tasks.init()
	return s
}

// Close cancels the service's scheduled work (notifier wake-ups, message move
// task batches) and wakes the long polls parked on its queues, which return empty.
func (s *Service) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, p := range s.partitions {
		for _, q := range p.queues {
			q.stopTimer()
			q.wakeWaiters()
		}
	}
	s.tasks.stopAll()
}

// now is the cloud's current instant in Unix nanoseconds.
func (s *Service) now() int64 { return s.env.Clock.Now().UnixNano() }

// partKey names a partition of SQS's state: an account in a region.
type partKey struct{ account, region string }

// partition is the state of one account in one region: its queues by name
// and the names deleted in the last 60 s (QueueDeletedRecently).
type partition struct {
	key       partKey
	arnPrefix string // arn:<partition>:sqs:<region>:<account>:
	urlPrefix string // the queue URL of a name is urlPrefix + name
	queues    map[string]*queue
	deleted   dedup.Window[struct{}]
}

// part returns the partition of account and region, or nil while it has
// never had a queue. It runs under the lock.
func (s *Service) part(account, region string) *partition {
	if d := s.def; d != nil && account == d.key.account && region == d.key.region {
		return d
	}
	return s.partitions[partKey{account, region}]
}

// partFor returns the partition of sc, creating it. It runs under the lock.
func (s *Service) partFor(sc faults.Scope) *partition {
	if p := s.part(sc.Account, sc.Region); p != nil {
		return p
	}
	k := partKey{sc.Account, sc.Region}
	p := &partition{key: k, arnPrefix: sc.ARN(arnService, ""), urlPrefix: s.urlPrefix(k),
		queues: map[string]*queue{}, deleted: dedup.NewWindow[struct{}](deleteCooldown)}
	s.partitions[k] = p
	if k.account == s.env.AccountID && k.region == s.env.Region {
		s.def = p
	}
	return p
}

// urlPrefix is what the queue URLs of a partition start with (see the
// package doc): <endpoint>/<account>/ in the cloud's region,
// <endpoint>/queue/<region>/<account>/ in another.
func (s *Service) urlPrefix(k partKey) string {
	base := strings.TrimSuffix(s.env.URL, "/")
	if k.region == s.env.Region {
		return base + "/" + k.account + "/"
	}
	return base + "/queue/" + k.region + "/" + k.account + "/"
}

// queueByURL finds the queue a QueueUrl names and brings it up to now (see
// lookup). A QueueUrl without a '/' is a queue's name, in the caller's
// account and region, as AWS accepts it (see the package doc). Otherwise the
// account and the name are the last two segments of the path; the region is
// the one the URL names (a path /queue/<region>/..., else a host that
// carries one where AWS puts it), else the caller's, sc's. As LocalStack
// does, any host is accepted. A URL that has no such path is InvalidAddress;
// one that names no queue of this cloud is QueueDoesNotExist.
func (s *Service) queueByURL(sc faults.Scope, queueURL string) (*queue, error) {
	if queueURL == "" {
		return nil, missingParameter("QueueUrl")
	}
	if strings.IndexByte(queueURL, '/') < 0 {
		return s.queueIn(s.part(sc.Account, sc.Region), queueURL)
	}
	region, account, name, ok := s.splitQueueURL(queueURL)
	if !ok {
		return nil, newError(codeInvalidAddress, "The address %s is not valid for this endpoint.", queueURL)
	}
	if region == "" {
		region = sc.Region
	}
	return s.queueIn(s.part(account, region), name)
}

// splitQueueURL returns the region a queue URL names ("" when none), its
// account and its name, with no allocation for the URLs the cloud gives
// (the URL is parsed on every message operation).
func (s *Service) splitQueueURL(queueURL string) (region, account, name string, ok bool) {
	path, host := queueURL, ""
	if i := strings.Index(path, "://"); i >= 0 {
		path = path[i+3:]
		j := strings.IndexByte(path, '/')
		if j < 0 {
			return "", "", "", false
		}
		host, path = path[:j], path[j:]
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	path = strings.TrimRight(path, "/")
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return "", "", "", false
	}
	name, path = path[i+1:], path[:i]
	i = strings.LastIndexByte(path, '/')
	account, path = path[i+1:], path[:max(i, 0)]
	if account == "" || name == "" {
		return "", "", "", false
	}
	if i = strings.LastIndexByte(path, '/'); i >= 0 && strings.HasSuffix(path[:i], "/queue") && arn.IsRegion(path[i+1:]) {
		return path[i+1:], account, name, true
	}
	if host != "" && !strings.HasPrefix(queueURL, s.env.URL) {
		region = arn.RegionInHost(host)
	}
	return region, account, name, true
}

// queueIn finds a queue by name in partition p (nil: one that has no
// queue) and brings it up to now (see lookup).
func (s *Service) queueIn(p *partition, name string) (*queue, error) {
	if p == nil {
		return nil, errNoQueue()
	}
	q := p.queues[name]
	if q == nil {
		return nil, errNoQueue()
	}
	s.lookup(q)
	return q, nil
}

// queueByARN finds the queue an ARN names, or nil, and brings it up to now
// (see lookup).
func (s *Service) queueByARN(queueARN string) *queue {
	q := s.findByARN(queueARN)
	if q != nil {
		s.lookup(q)
	}
	return q
}

// lookup is what every lookup an operation starts with does before it
// hands the queue over, so that no operation reads time-based state behind
// the clock by forgetting a call: it runs the message move task batches due
// by now, then advances q to now (retention, ends of delays and visibility
// timeouts). It runs under the lock.
func (s *Service) lookup(q *queue) {
	now := s.now()
	s.catchUp(now)
	q.advance(now)
}

// findByARN finds the queue an ARN names, in the ARN's own account and
// region, or nil, as it stands: for the engine's own steps inside an
// operation that has looked its queues up already (a dead-letter move, a
// move task's batch, a notifier's timer).
func (s *Service) findByARN(queueARN string) *queue {
	a, ok := parseQueueARN(queueARN)
	if !ok {
		return nil
	}
	p := s.part(a.Account, a.Region)
	if p == nil {
		return nil
	}
	if q := p.queues[a.Resource]; q != nil && q.arn == queueARN {
		return q
	}
	return nil
}

// parseQueueARN parses an ARN that can name a queue: an SQS ARN with a
// region, an account and a name.
func parseQueueARN(queueARN string) (arn.ARN, bool) {
	a, err := arn.Parse(queueARN)
	if err != nil || a.Service != arnService || a.Region == "" || a.Account == "" || a.Resource == "" || a.Partition != arn.Partition(a.Region) {
		return arn.ARN{}, false
	}
	return a, true
}

func unixNano(t int64) time.Time { return time.Unix(0, t).UTC() }

// arnService is the service name in SQS's ARNs.
const arnService = "sqs"

// Describe tells the cloud how to wire the service: its signing name, ARN
// service, handler, bus endpoint and closer.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "sqs", SigningNames: []string{"sqs"}, ARNService: arnService, Handler: s, Endpoint: s.deliver, Close: s.Close}
}
