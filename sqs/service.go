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

	mu      sync.Mutex
	queues  map[string]*queue      // by name, in the cloud's account and region
	deleted dedup.Window[struct{}] // names deleted in the last 60 s, for QueueDeletedRecently
	// created counts the queues ever created with each name: the n-th has
	// an id stream of its own, so a queue re-created with a deleted one's
	// name does not replay its ids.
	created map[string]uint64
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
	s := &Service{env: env, queues: map[string]*queue{}, deleted: dedup.NewWindow[struct{}](deleteCooldown),
		created: map[string]uint64{}, notifiers: map[string][]notifier{},
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
	for _, q := range s.queues {
		q.stopTimer()
		q.wakeWaiters()
	}
	s.tasks.stopAll()
}

// now is the cloud's current instant in Unix nanoseconds.
func (s *Service) now() int64 { return s.env.Clock.Now().UnixNano() }

// queueURL is the URL AWS gives a queue: <endpoint>/<account>/<name>.
func (s *Service) queueURL(name string) string {
	return strings.TrimSuffix(s.env.URL, "/") + "/" + s.env.AccountID + "/" + name
}

// queueByURL finds the queue a QueueUrl names and brings it up to now (see
// lookup). As LocalStack does, any host is accepted: only the account and
// the name (the last two path segments) matter. A URL that has no such path
// is InvalidAddress; one that names no queue of this cloud is
// QueueDoesNotExist.
func (s *Service) queueByURL(queueURL string) (*queue, error) {
	if queueURL == "" {
		return nil, missingParameter("QueueUrl")
	}
	account, name, ok := splitQueuePath(queueURL)
	if !ok {
		return nil, newError(codeInvalidAddress, "The address %s is not valid for this endpoint.", queueURL)
	}
	return s.queueIn(account, name)
}

// splitQueuePath returns the last two segments of a queue URL's path, with
// no allocation (the URL is parsed on every message operation).
func splitQueuePath(queueURL string) (account, name string, ok bool) {
	path := queueURL
	if i := strings.Index(path, "://"); i >= 0 {
		path = path[i+3:]
		j := strings.IndexByte(path, '/')
		if j < 0 {
			return "", "", false
		}
		path = path[j:]
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	path = strings.TrimRight(path, "/")
	i := strings.LastIndexByte(path, '/')
	if i < 0 {
		return "", "", false
	}
	name, path = path[i+1:], path[:i]
	account = path[strings.LastIndexByte(path, '/')+1:]
	if account == "" || name == "" {
		return "", "", false
	}
	return account, name, true
}

// queueIn finds a queue by account and name and brings it up to now (see
// lookup).
func (s *Service) queueIn(account, name string) (*queue, error) {
	q := s.queues[name]
	if q == nil || account != s.env.AccountID {
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

// findByARN finds the queue an ARN names, or nil, as it stands: for the
// engine's own steps inside an operation that has looked its queues up
// already (a dead-letter move, a move task's batch, a notifier's timer).
func (s *Service) findByARN(queueARN string) *queue {
	name, ok := s.nameInARN(queueARN)
	if !ok {
		return nil
	}
	return s.queues[name]
}

// nameInARN returns the queue name of an ARN that can name a queue of this
// cloud: an SQS ARN of its region and account.
func (s *Service) nameInARN(queueARN string) (string, bool) {
	a, err := arn.Parse(queueARN)
	if err != nil || a.Service != arnService || a.Region != s.env.Region || a.Account != s.env.AccountID || a.Resource == "" {
		return "", false
	}
	return a.Resource, true
}

func unixNano(t int64) time.Time { return time.Unix(0, t).UTC() }

// arnService is the service name in SQS's ARNs.
const arnService = "sqs"

// Describe tells the cloud how to wire the service: its signing name, ARN
// service, handler, bus endpoint and closer.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "sqs", SigningNames: []string{"sqs"}, ARNService: arnService, Handler: s, Endpoint: s.deliver, Close: s.Close}
}
