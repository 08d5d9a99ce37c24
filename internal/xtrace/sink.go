package xtrace

import (
	"sync"
	"time"
)

// Sink is the path by which the services of a cloud hand X-Ray the
// segments they write, at O(1) cost per traced call and without a bus
// call: a service appends its segments (Emit), and X-Ray takes them
// (Drain), encodes, checks and stores them when it next reads traces, as
// CloudWatch drains the metrics recorder, or when FlushAt segments are
// waiting (the flush func X-Ray gives NewSink), so that what waits stays
// bounded and the cost stays O(1) per segment, amortized. X-Ray installs
// the cloud's Sink when it is built; a nil Sink (a cloud without X-Ray, a
// package's own tests) keeps nothing.
type Sink struct {
	mu      sync.Mutex
	pending []Pending
	flush   func()
}

// FlushAt is how many segments wait before the emitter that adds the last
// one has X-Ray store them.
const FlushAt = 256

// Pending is one segment waiting for X-Ray: where it is stored and when it
// came.
type Pending struct {
	Partition, Region, Account string
	At                         time.Time
	Segment                    *Segment
}

// NewSink returns an empty sink that calls flush (which drains it) once
// FlushAt segments wait.
func NewSink(flush func()) *Sink { return &Sink{flush: flush} }

// Emit hands X-Ray segs for the account and region, as they came at at.
func Emit(k *Sink, at time.Time, partition, region, account string, segs ...*Segment) {
	if k == nil {
		return
	}
	k.mu.Lock()
	for _, s := range segs {
		k.pending = append(k.pending, Pending{Partition: partition, Region: region, Account: account, At: at, Segment: s})
	}
	full := len(k.pending) >= FlushAt && k.flush != nil
	k.mu.Unlock()
	if full {
		k.flush()
	}
}

// Drain takes every segment waiting, oldest first.
func (k *Sink) Drain() []Pending {
	if k == nil {
		return nil
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	out := k.pending
	k.pending = nil
	return out
}
