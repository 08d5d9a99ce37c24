// Package bus carries every call from one service to another, addressed by
// ARN. Services never import each other: a service registers the ARN service
// name it owns ("sqs", "lambda") with an Endpoint, and a caller either Invokes
// a target and waits for its answer (API Gateway to Lambda, a Step Functions
// Task) or Posts to it and goes on (SNS fan-out, S3 notifications, alarm
// actions, Lambda destinations).
//
// Posted deliveries run in the order they were posted for each target, on a
// worker that exists only while that target has deliveries waiting: nothing
// runs when nothing is pending. Settle waits until every posted delivery, and
// all that it caused in turn, is done. A delivery that fails is recorded in
// Failures, never dropped silently; the record keeps the newest failures,
// bodies included, within record.Keep (10,000) and the cloud's record byte
// budget (BindRecords), so that a long-running server does not grow without
// bound.
package bus

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/record"
)

// Attribute is a typed message attribute (String, Number or Binary, with an
// optional custom suffix such as Number.int).
type Attribute struct {
	DataType    string
	StringValue string
	BinaryValue []byte
}

// Message is what one service hands another.
type Message struct {
	// Source is the ARN of the sender: a topic, bucket, queue or function.
	Source string
	// Principal is the sender's service principal, such as sns.amazonaws.com,
	// against which resource policies are checked.
	Principal string
	// Body is the payload: a message body, an event document.
	Body []byte
	// Attributes are message attributes carried along (SNS raw delivery).
	Attributes map[string]Attribute
	// GroupID and DeduplicationID carry FIFO ordering and deduplication.
	GroupID, DeduplicationID string
	// Meta holds anything else a pair of services agree on.
	Meta map[string]string
	// Async asks the target to accept the message and process it later, as
	// a Lambda Event invocation does, answering only whether it accepted it.
	// Post always sets it; a service that relays a posted message through
	// Invoke (to learn whether the target accepted it) keeps it set.
	Async bool
	// Done, when set, is called with a posted delivery's outcome once its
	// target has answered, before Settle counts it done: how a sender
	// learns what became of a Post (SNS's delivery metrics).
	Done func(error)
}

// Endpoint receives deliveries for the ARNs of one service. target is the full
// ARN addressed. The returned bytes are the answer to an Invoke.
type Endpoint func(ctx context.Context, target string, m Message) ([]byte, error)

// Failure records a posted delivery that did not succeed.
type Failure struct {
	Target  string
	Message Message
	Err     error
	At      time.Time
}

// ErrNoEndpoint is returned when no service owns the target's ARN.
var ErrNoEndpoint = errors.New("bus: no service owns this ARN")

// ErrClosed is the failure recorded for a delivery posted after Close, or
// still queued when Close was called.
var ErrClosed = errors.New("bus: closed")

// Bus routes deliveries between the services of one cloud. It is safe for
// concurrent use.
type Bus struct {
	clock clock.Clock
	ctx   context.Context
	stop  context.CancelFunc

	mu        sync.Mutex
	endpoints map[string]Endpoint
	queues    map[string][]Message
	pending   int
	settlers  []chan struct{}
	failures  record.Log[Failure]
	closed    bool
	workers   sync.WaitGroup
}

// New returns an empty bus whose failure records are stamped by c.
func New(c clock.Clock) *Bus {
	ctx, stop := context.WithCancel(context.Background())
	return &Bus{clock: c, ctx: ctx, stop: stop, endpoints: map[string]Endpoint{}, queues: map[string][]Message{}}
}

// BindRecords charges the failure record to the cloud's byte budget r:
// each failure counts its body, attributes and meta plus record.Overhead.
// Call it before the bus carries anything.
func (b *Bus) BindRecords(r *record.Budget) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failures.Bind(r, func(f Failure) int64 { return MessageBytes(f.Message) + record.Overhead })
}

// MessageBytes is what m's body, attributes and meta hold, in bytes, as
// the records that keep messages count it.
func MessageBytes(m Message) int64 {
	n := len(m.Body)
	for k, a := range m.Attributes {
		n += len(k) + len(a.DataType) + len(a.StringValue) + len(a.BinaryValue)
	}
	for k, v := range m.Meta {
		n += len(k) + len(v)
	}
	return int64(n)
}

// Register makes e the endpoint for every ARN whose service field is service.
func (b *Bus) Register(service string, e Endpoint) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.endpoints[service] = e
}

func (b *Bus) endpoint(target string) (Endpoint, error) {
	a, err := arn.Parse(target)
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	e := b.endpoints[a.Service]
	b.mu.Unlock()
	if e == nil {
		return nil, fmt.Errorf("%w: %s", ErrNoEndpoint, target)
	}
	return e, nil
}

// Invoke delivers m to target and waits for its answer.
func (b *Bus) Invoke(ctx context.Context, target string, m Message) ([]byte, error) {
	e, err := b.endpoint(target)
	if err != nil {
		return nil, err
	}
	return e(ctx, target, m)
}

// Post queues m for target and returns at once. Deliveries to one target run
// one at a time in the order they were posted.
func (b *Bus) Post(target string, m Message) {
	b.mu.Lock()
	if b.closed {
		b.failures.Add(Failure{Target: target, Message: m, Err: ErrClosed, At: b.clock.Now()})
		b.mu.Unlock()
		return
	}
	m.Async = true
	q, running := b.queues[target]
	b.queues[target] = append(q, m)
	b.pending++
	if !running {
		b.workers.Add(1)
		go b.drain(target)
	}
	b.mu.Unlock()
}

// drain delivers target's queue until it is empty, then exits. Once the bus
// is closed, what is still queued is recorded as failed, not delivered.
func (b *Bus) drain(target string) {
	defer b.workers.Done()
	for {
		b.mu.Lock()
		q := b.queues[target]
		if len(q) == 0 {
			delete(b.queues, target)
			b.mu.Unlock()
			return
		}
		if b.closed {
			for _, m := range q {
				b.failures.Add(Failure{Target: target, Message: m, Err: ErrClosed, At: b.clock.Now()})
				b.doneLocked()
			}
			delete(b.queues, target)
			b.mu.Unlock()
			return
		}
		m := q[0]
		q[0] = Message{}
		b.queues[target] = q[1:]
		b.mu.Unlock()

		err := b.deliver(target, m)
		if m.Done != nil {
			m.Done(err)
		}

		b.mu.Lock()
		if err != nil {
			b.failures.Add(Failure{Target: target, Message: m, Err: err, At: b.clock.Now()})
		}
		b.doneLocked()
		b.mu.Unlock()
	}
}

func (b *Bus) deliver(target string, m Message) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("bus: delivery to %s panicked: %v", target, r)
		}
	}()
	e, err := b.endpoint(target)
	if err != nil {
		return err
	}
	_, err = e(b.ctx, target, m)
	return err
}

// Begin counts one piece of work in progress outside the bus, such as a
// poller's batch, so that Settle waits for it; call the returned func, once,
// when the work is done.
func (b *Bus) Begin() (done func()) {
	b.mu.Lock()
	b.pending++
	b.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			b.mu.Lock()
			b.doneLocked()
			b.mu.Unlock()
		})
	}
}

func (b *Bus) doneLocked() {
	b.pending--
	if b.pending == 0 {
		for _, ch := range b.settlers {
			close(ch)
		}
		b.settlers = nil
	}
}

// Settle waits until no delivery or counted work is pending, or ctx ends.
func (b *Bus) Settle(ctx context.Context) error {
	b.mu.Lock()
	if b.pending == 0 {
		b.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	b.settlers = append(b.settlers, ch)
	b.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		b.mu.Lock()
		for i, c := range b.settlers {
			if c == ch {
				b.settlers = append(b.settlers[:i], b.settlers[i+1:]...)
				break
			}
		}
		b.mu.Unlock()
		return ctx.Err()
	}
}

// Context is cancelled when the bus closes; background work started on behalf
// of the bus should stop with it.
func (b *Bus) Context() context.Context { return b.ctx }

// Failures returns a copy of the record of failed deliveries (posted, or
// reported with Report), oldest
// first: the newest of them, at most record.Keep (10,000) and within the
// cloud's record byte budget (BindRecords); the newest is always kept.
func (b *Bus) Failures() []Failure {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.failures.All()
}

// Report records a delivery that failed without passing through the bus,
// such as a batch an event source mapping's poller could not hand to its
// function, in Failures beside the posted ones.
func (b *Bus) Report(target string, m Message, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failures.Add(Failure{Target: target, Message: m, Err: err, At: b.clock.Now()})
}

// Close cancels deliveries in progress, waits for their workers to return and
// refuses later posts. Deliveries still queued are not made: they are recorded
// in Failures with ErrClosed, as are later posts.
func (b *Bus) Close() {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.stop()
	b.workers.Wait()
}
