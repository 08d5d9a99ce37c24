package logs

import (
	"context"
	"fmt"
	"strconv"
)

// PutLogEvents' limits (api_op_PutLogEvents.go).
const (
	maxBatchBytes  = 1_048_576
	eventOverhead  = 26
	maxBatchEvents = 10_000
	tooNewAfter    = 2 * 60 * 60 * 1000 // 2 hours, in ms
	tooOldBefore   = 14 * dayMs
	maxBatchSpan   = dayMs
)

// PutLogEventsInput is the input of PutLogEvents. SequenceToken is
// accepted and ignored, as AWS now does.
type PutLogEventsInput struct {
	LogGroupName  string          `json:"logGroupName"`
	LogStreamName string          `json:"logStreamName"`
	LogEvents     []InputLogEvent `json:"logEvents"`
	SequenceToken string          `json:"sequenceToken,omitempty"`
	Entity        map[string]any  `json:"entity,omitempty"`
}

// PutLogEventsOutput is the output of PutLogEvents.
type PutLogEventsOutput struct {
	NextSequenceToken     string                 `json:"nextSequenceToken,omitempty"`
	RejectedLogEventsInfo *RejectedLogEventsInfo `json:"rejectedLogEventsInfo,omitempty"`
}

// PutLogEvents stores a batch of events in a stream. The batch must be in
// chronological order, hold 1 to 10,000 events and at most 1,048,576 bytes
// (each message's UTF-8 bytes plus 26), and its valid events must span at
// most 24 hours, or the whole call fails. Events more than 2 hours ahead of
// the clock, older than 14 days, or older than the group's retention are
// rejected one by one, reported in rejectedLogEventsInfo, while the rest
// are stored.
func (s *Service) PutLogEvents(ctx context.Context, in PutLogEventsInput) (PutLogEventsOutput, error) {
	sc, err := s.enter(ctx, "PutLogEvents")
	if err != nil {
		return PutLogEventsOutput{}, err
	}
	if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
		return PutLogEventsOutput{}, err
	}
	if err := checkStreamName("logStreamName", in.LogStreamName); err != nil {
		return PutLogEventsOutput{}, err
	}
	if err := checkBatch(in.LogEvents); err != nil {
		return PutLogEventsOutput{}, err
	}
	s.mu.Lock()
	g := s.groupOf(sc, in.LogGroupName)
	if g == nil {
		s.mu.Unlock()
		return PutLogEventsOutput{}, groupNotFound()
	}
	st := g.streams[in.LogStreamName]
	if st == nil {
		s.mu.Unlock()
		return PutLogEventsOutput{}, streamNotFound()
	}
	now := s.nowMs()
	rej, lo, hi := classify(in.LogEvents, now, g.cutoff(now))
	if lo < hi && *in.LogEvents[hi-1].Timestamp-*in.LogEvents[lo].Timestamp > maxBatchSpan {
		s.mu.Unlock()
		return PutLogEventsOutput{}, invalidParam("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.")
	}
	stored := make([]event, 0, hi-lo)
	for _, e := range in.LogEvents[lo:hi] {
		s.seq++
		stored = append(stored, event{ts: *e.Timestamp, ingested: now, id: s.seq, msg: *e.Message})
	}
	post := s.storeLocked(sc, g, st, stored)
	out := PutLogEventsOutput{NextSequenceToken: fmt.Sprintf("%056d", s.seq), RejectedLogEventsInfo: rej}
	s.mu.Unlock()
	post()
	return out, nil
}

// checkBatch applies the rules whose breach fails the whole call.
func checkBatch(evs []InputLogEvent) error {
	if len(evs) == 0 {
		return constraint("logEvents", "[]", "Member must have length greater than or equal to 1")
	}
	if len(evs) > maxBatchEvents {
		return constraint("logEvents", strconv.Itoa(len(evs))+" events", "Member must have length less than or equal to 10000")
	}
	size := 0
	for i, e := range evs {
		if e.Message == nil || e.Timestamp == nil {
			return constraint(fmt.Sprintf("logEvents.%d.member", i+1), "null", "Member must not be null")
		}
		if *e.Message == "" {
			return constraint(fmt.Sprintf("logEvents.%d.member.message", i+1), "", "Member must have length greater than or equal to 1")
		}
		if *e.Timestamp < 0 {
			return constraint(fmt.Sprintf("logEvents.%d.member.timestamp", i+1), strconv.FormatInt(*e.Timestamp, 10),
				"Member must have value greater than or equal to 0")
		}
		if i > 0 && *e.Timestamp < *evs[i-1].Timestamp {
			return invalidParam("Log events in a single PutLogEvents request must be in chronological order.")
		}
		size += len(*e.Message) + eventOverhead
	}
	if size > maxBatchBytes {
		return invalidParam("Upload too large: %d bytes exceeds limit of %d", size, maxBatchBytes)
	}
	return nil
}

// classify finds the events of a chronological batch that are stored,
// evs[lo:hi], and the rejection report of the others (nil when none is
// rejected): too old (more than 14 days), expired (before the group's
// retention cutoff), too new (more than 2 hours ahead).
func classify(evs []InputLogEvent, now, cutoff int64) (rej *RejectedLogEventsInfo, lo, hi int) {
	tooOld, expired := 0, 0
	for _, e := range evs {
		ts := *e.Timestamp
		if ts >= now-tooOldBefore && ts >= cutoff {
			break
		}
		if ts < now-tooOldBefore {
			tooOld++
		}
		if ts < cutoff {
			expired++
		}
		lo++
	}
	hi = len(evs)
	for hi > lo && *evs[hi-1].Timestamp > now+tooNewAfter {
		hi--
	}
	if tooOld == 0 && expired == 0 && hi == len(evs) {
		return nil, lo, hi
	}
	rej = &RejectedLogEventsInfo{}
	if tooOld > 0 {
		n := int32(tooOld)
		rej.TooOldLogEventEndIndex = &n
	}
	if expired > 0 {
		n := int32(expired)
		rej.ExpiredLogEventEndIndex = &n
	}
	if hi < len(evs) {
		n := int32(hi)
		rej.TooNewLogEventStartIndex = &n
	}
	return rej, lo, hi
}

// storeLocked adds events to a stream, arms the retention sweep, runs the
// metric filters and returns what to post once the lock is released (the
// subscription deliveries). It runs under the lock.
func (s *Service) storeLocked(sc scope, g *group, st *stream, evs []event) (post func()) {
	if len(evs) == 0 {
		return func() {}
	}
	for _, e := range evs {
		st.insert(e)
	}
	if g.retention > 0 {
		s.armSweepLocked(g)
	}
	s.applyMetricFiltersLocked(sc, g, evs)
	return s.subscriptionPostsLocked(sc, g, st, evs)
}
