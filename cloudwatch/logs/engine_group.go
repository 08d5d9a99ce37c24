package logs

import (
	"sort"

	"github.com/awsfake/awsfake/internal/sched"
)

// group is one log group: its settings, its streams and its filters.
type group struct {
	name, arn      string // arn is AWS's logGroupArn, without the trailing :*
	created        int64
	class          string
	retention      int32 // days; 0 is never expire
	kms            string
	dataProtection *dataProtection
	deletionProt   bool
	tags           map[string]string
	streams        map[string]*stream
	metricFilters  map[string]*metricFilter
	subscriptions  map[string]*subscriptionFilter
	sweep          *sched.Job // the next retention sweep, nil when none is due
}

// dataProtection is a stored data protection policy.
type dataProtection struct {
	document string
	updated  int64
}

// stream is one log stream: its events in timestamp order.
type stream struct {
	name, arn     string
	created       int64
	lastIngestion int64
	events        []event
	storedBytes   int64
}

// event is one stored log event.
type event struct {
	ts, ingested int64
	id           uint64
	msg          string
}

func newGroup(name, arnStr, class string, created int64) *group {
	return &group{name: name, arn: arnStr, class: class, created: created, tags: map[string]string{},
		streams: map[string]*stream{}, metricFilters: map[string]*metricFilter{}, subscriptions: map[string]*subscriptionFilter{}}
}

// cutoff is the oldest timestamp the group's retention keeps visible at
// now: events older are gone at once for every read (the sweep deletes
// them later), 0 when the group keeps events forever.
func (g *group) cutoff(now int64) int64 {
	if g.retention <= 0 {
		return 0
	}
	return now - int64(g.retention)*dayMs
}

// dayMs is a day in milliseconds.
const dayMs = 24 * 60 * 60 * 1000

// insert stores e in timestamp order, after every event with the same
// timestamp, so that equal timestamps keep their arrival order.
func (st *stream) insert(e event) {
	n := len(st.events)
	if n == 0 || st.events[n-1].ts <= e.ts {
		st.events = append(st.events, e)
	} else {
		i := sort.Search(n, func(i int) bool { return st.events[i].ts > e.ts })
		st.events = append(st.events, event{})
		copy(st.events[i+1:], st.events[i:])
		st.events[i] = e
	}
	st.storedBytes += int64(len(e.msg))
	if e.ingested > st.lastIngestion {
		st.lastIngestion = e.ingested
	}
}

// visible returns the events of the stream with cutoff <= ts, in [start,
// end) when end > 0.
func (st *stream) visible(cutoff, start, end int64) []event {
	lo := max(cutoff, start)
	i := sort.Search(len(st.events), func(i int) bool { return st.events[i].ts >= lo })
	j := len(st.events)
	if end > 0 {
		j = sort.Search(len(st.events), func(i int) bool { return st.events[i].ts >= end })
	}
	if j < i {
		j = i
	}
	return st.events[i:j]
}

// firstLast are the first and last visible timestamps (0, 0 when none).
func (st *stream) firstLast(cutoff int64) (first, last int64, ok bool) {
	ev := st.visible(cutoff, 0, 0)
	if len(ev) == 0 {
		return 0, 0, false
	}
	return ev[0].ts, ev[len(ev)-1].ts, true
}

// dropBefore deletes the events older than cutoff and returns how many.
func (st *stream) dropBefore(cutoff int64) int {
	i := sort.Search(len(st.events), func(i int) bool { return st.events[i].ts >= cutoff })
	for _, e := range st.events[:i] {
		st.storedBytes -= int64(len(e.msg))
	}
	st.events = append(st.events[:0:0], st.events[i:]...)
	return i
}

// oldest is the oldest stored timestamp of the group, ok false when it
// holds no event.
func (g *group) oldest() (ts int64, ok bool) {
	for _, st := range g.streams {
		if len(st.events) > 0 && (!ok || st.events[0].ts < ts) {
			ts, ok = st.events[0].ts, true
		}
	}
	return ts, ok
}

// storedBytes sums the bytes of the group's streams.
func (g *group) storedBytes() int64 {
	var n int64
	for _, st := range g.streams {
		n += st.storedBytes
	}
	return n
}

func (g *group) stopSweep() {
	if g.sweep != nil {
		g.sweep.Cancel()
		g.sweep = nil
	}
}
