// Package metrics is the path by which services hand CloudWatch the
// standard metrics AWS has them publish (AWS/SQS, AWS/Lambda), at O(1)
// cost per call and without a bus post: a service adds to a counter of the
// current minute (Add) or sets a gauge (Set) on the cloud's Recorder, and
// CloudWatch drains the counters into its storage when it next reads
// metrics or evaluates alarms.
//
//	env.Metrics.Add(metrics.Key{Account: a, Region: r, Namespace: "AWS/SQS", Name: "NumberOfMessagesSent",
//		Unit: "Count", Dims: metrics.Dims1("QueueName", q), Minute: metrics.Minute(now)}, 1)
//
// A nil Recorder (a cloud without CloudWatch, a package's own tests)
// records nothing.
package metrics

import (
	"sync"
	"time"
)

// Dimension is one name/value pair of a metric's identity.
type Dimension struct{ Name, Value string }

// Dims1 is one dimension, Dims2 two: the shapes AWS's standard metrics use.
func Dims1(name, value string) [2]Dimension { return [2]Dimension{{name, value}} }

// Dims2 is two dimensions.
func Dims2(n1, v1, n2, v2 string) [2]Dimension { return [2]Dimension{{n1, v1}, {n2, v2}} }

// Key names one metric's minute in one account and region. It is
// comparable, so that counting costs no allocation once the minute exists.
type Key struct {
	Account, Region, Namespace, Name, Unit string
	// Dims are the dimensions; unused ones are empty.
	Dims [2]Dimension
	// Minute is the Unix second the minute starts.
	Minute int64
}

// Minute is the start of t's minute, in Unix seconds.
func Minute(t time.Time) int64 {
	s := t.Unix()
	return s - s%60
}

// Stat is a minute's statistics.
type Stat struct {
	N, Sum, Min, Max float64
	// Gauge marks a sampled value: the last Set replaces the minute.
	Gauge bool
}

// Recorder holds the counters of the minutes not yet drained. It is safe
// for concurrent use; it never calls out, so a service may use it under
// its own lock.
type Recorder struct {
	mu  sync.Mutex
	acc map[Key]Stat
	// dirty are the series with a minute not yet drained.
	dirty []*Series
}

// NewRecorder returns an empty recorder.
func NewRecorder() *Recorder { return &Recorder{acc: map[Key]Stat{}} }

// Add adds one value v to the minute of k.
func (r *Recorder) Add(k Key, v float64) {
	if r == nil {
		return
	}
	r.mu.Lock()
	s, ok := r.acc[k]
	if !ok || s.N == 0 {
		s.Min, s.Max = v, v
	}
	s.N++
	s.Sum += v
	s.Min, s.Max = min(s.Min, v), max(s.Max, v)
	r.acc[k] = s
	r.mu.Unlock()
}

// Set samples a gauge: v is the value of k's minute until the next Set.
func (r *Recorder) Set(k Key, v float64) {
	if r == nil {
		return
	}
	r.mu.Lock()
	r.acc[k] = Stat{N: 1, Sum: v, Min: v, Max: v, Gauge: true}
	r.mu.Unlock()
}

// Drain hands every counter to fn and forgets them.
func (r *Recorder) Drain(fn func(Key, Stat)) {
	if r == nil {
		return
	}
	r.mu.Lock()
	for _, s := range r.dirty {
		r.flushLocked(s)
		s.dirty = false
	}
	r.dirty = r.dirty[:0]
	acc := r.acc
	if len(acc) == 0 {
		r.mu.Unlock()
		return
	}
	r.acc = make(map[Key]Stat, len(acc))
	r.mu.Unlock()
	for k, s := range acc {
		fn(k, s)
	}
}

// Series is one metric of one resource (a queue's NumberOfMessagesSent),
// kept by the service that emits it so that each call adds to the current
// minute without hashing the metric's identity: the hot path of a
// service's standard metrics.
type Series struct {
	r     *Recorder
	key   Key // Minute is the current minute's
	cur   Stat
	has   bool
	dirty bool
}

// Series returns the series of k (its Minute ignored); nil when r is nil.
func (r *Recorder) Series(k Key) *Series {
	if r == nil {
		return nil
	}
	return &Series{r: r, key: k}
}

// Add adds v to the minute of s.
func (s *Series) Add(minute int64, v float64) { s.put(minute, v, false) }

// Set samples a gauge for the minute of s.
func (s *Series) Set(minute int64, v float64) { s.put(minute, v, true) }

func (s *Series) put(minute int64, v float64, gauge bool) {
	if s == nil {
		return
	}
	r := s.r
	r.mu.Lock()
	if s.has && s.key.Minute != minute {
		r.flushLocked(s)
	}
	st := &s.cur
	switch {
	case gauge:
		*st = Stat{N: 1, Sum: v, Min: v, Max: v, Gauge: true}
	case !s.has:
		*st = Stat{N: 1, Sum: v, Min: v, Max: v}
	default:
		st.N++
		st.Sum += v
		st.Min, st.Max = min(st.Min, v), max(st.Max, v)
	}
	s.key.Minute, s.has = minute, true
	if !s.dirty {
		s.dirty = true
		r.dirty = append(r.dirty, s)
	}
	r.mu.Unlock()
}

// flushLocked moves s's minute into the counters. The caller holds r.mu.
func (r *Recorder) flushLocked(s *Series) {
	if !s.has {
		return
	}
	k, v := s.key, s.cur
	if old, ok := r.acc[k]; ok && !v.Gauge {
		v.N += old.N
		v.Sum += old.Sum
		v.Min, v.Max = min(v.Min, old.Min), max(v.Max, old.Max)
	}
	r.acc[k] = v
	s.has = false
}
