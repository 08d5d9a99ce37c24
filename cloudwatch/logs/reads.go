package logs

import (
	"container/heap"
	"context"
	"fmt"
	"strconv"
	"strings"
)

// The page size limits of the reads (api_op_GetLogEvents.go,
// api_op_FilterLogEvents.go): 10,000 events or 1 MB.
const (
	maxReadEvents = 10_000
	maxReadBytes  = 1_048_576
)

// GetLogEventsInput is the input of GetLogEvents. StartTime and EndTime
// are Unix milliseconds: events at or after the start and before the end.
type GetLogEventsInput struct {
	LogGroupName       string `json:"logGroupName,omitempty"`
	LogGroupIdentifier string `json:"logGroupIdentifier,omitempty"`
	LogStreamName      string `json:"logStreamName"`
	StartTime          *int64 `json:"startTime,omitempty"`
	EndTime            *int64 `json:"endTime,omitempty"`
	Limit              *int32 `json:"limit,omitempty"`
	NextToken          string `json:"nextToken,omitempty"`
	StartFromHead      bool   `json:"startFromHead,omitempty"`
	Unmask             bool   `json:"unmask,omitempty"`
}

// GetLogEventsOutput is the output of GetLogEvents.
type GetLogEventsOutput struct {
	Events            []OutputLogEvent `json:"events"`
	NextBackwardToken string           `json:"nextBackwardToken"`
	NextForwardToken  string           `json:"nextForwardToken"`
}

// GetLogEvents reads a stream's events in timestamp order: the newest
// page unless startFromHead, then forward (f/) or backward (b/) from a
// token. A token at the end of the stream comes back unchanged, which is
// how clients detect the end.
func (s *Service) GetLogEvents(ctx context.Context, in GetLogEventsInput) (GetLogEventsOutput, error) {
	sc, err := s.enter(ctx, "GetLogEvents")
	if err != nil {
		return GetLogEventsOutput{}, err
	}
	ident, err := groupIdent(in.LogGroupName, in.LogGroupIdentifier)
	if err != nil {
		return GetLogEventsOutput{}, err
	}
	limit, err := limitOf(in.Limit, maxReadEvents, maxReadEvents)
	if err != nil {
		return GetLogEventsOutput{}, err
	}
	forward, pos, err := parseStreamToken(in.NextToken, in.StartFromHead)
	if err != nil {
		return GetLogEventsOutput{}, err
	}
	var out GetLogEventsOutput
	err = s.lockedGroup(sc, ident, func(g *group) error {
		st := g.streams[in.LogStreamName]
		if st == nil {
			return streamNotFound()
		}
		evs := st.visible(g.cutoff(s.nowMs()), opt(in.StartTime), opt(in.EndTime))
		out = pageStream(evs, forward, pos, limit, in.NextToken)
		return nil
	})
	return out, err
}

// opt reads an optional timestamp, 0 when absent.
func opt(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// streamPos is a position between events: the events after it are those
// whose (ts, id) is greater.
type streamPos struct {
	ts int64
	id uint64
}

func (p streamPos) before(e event) bool { return e.ts > p.ts || e.ts == p.ts && e.id > p.id }

// tokenOf is the token of a position: f/ or b/, 40 digits, /s, the shape
// of AWS's tokens.
func tokenOf(forward bool, p streamPos) string {
	dir := "b"
	if forward {
		dir = "f"
	}
	return fmt.Sprintf("%s/%020d%020d/s", dir, p.ts, p.id)
}

// parseStreamToken reads a GetLogEvents token; with none, the direction is
// startFromHead's and the position the start or the end of the stream.
func parseStreamToken(tok string, head bool) (forward bool, pos *streamPos, err error) {
	if tok == "" {
		return head, nil, nil
	}
	body, ok := strings.CutSuffix(tok, "/s")
	if !ok || len(body) != 42 || (body[:2] != "f/" && body[:2] != "b/") {
		return false, nil, badToken()
	}
	ts, err1 := strconv.ParseInt(body[2:22], 10, 64)
	id, err2 := strconv.ParseUint(body[22:], 10, 64)
	if err1 != nil || err2 != nil {
		return false, nil, badToken()
	}
	return body[0] == 'f', &streamPos{ts, id}, nil
}

// pageStream is one GetLogEvents page of evs (in order) from pos in the
// direction given; pos nil is the stream's start (forward) or end.
func pageStream(evs []event, forward bool, pos *streamPos, limit int, token string) GetLogEventsOutput {
	// i is the index of the first event after pos.
	i := len(evs)
	if pos == nil && forward {
		i = 0
	} else if pos != nil {
		i = searchAfter(evs, *pos)
	}
	lo, hi := i, i
	if forward {
		bytes := 0
		for hi < len(evs) && hi-lo < limit && bytes+len(evs[hi].msg)+eventOverhead <= maxReadBytes {
			bytes += len(evs[hi].msg) + eventOverhead
			hi++
		}
	} else {
		bytes := 0
		for lo > 0 && hi-lo < limit && bytes+len(evs[lo-1].msg)+eventOverhead <= maxReadBytes {
			bytes += len(evs[lo-1].msg) + eventOverhead
			lo--
		}
	}
	out := GetLogEventsOutput{Events: make([]OutputLogEvent, 0, hi-lo)}
	for _, e := range evs[lo:hi] {
		out.Events = append(out.Events, OutputLogEvent{IngestionTime: e.ingested, Message: e.msg, Timestamp: e.ts})
	}
	if lo == hi && token != "" {
		// The end in the direction read: the token comes back unchanged.
		out.NextForwardToken, out.NextBackwardToken = token, token
		if forward {
			out.NextBackwardToken = tokenOf(false, posOf(evs, lo))
		} else {
			out.NextForwardToken = tokenOf(true, posOf(evs, hi))
		}
		return out
	}
	out.NextForwardToken = tokenOf(true, posOf(evs, hi))
	out.NextBackwardToken = tokenOf(false, posOf(evs, lo))
	return out
}

// posOf is the position just before evs[i]: after evs[i-1], or the start.
func posOf(evs []event, i int) streamPos {
	if i == 0 {
		if len(evs) == 0 {
			return streamPos{}
		}
		return streamPos{evs[0].ts, evs[0].id - 1}
	}
	return streamPos{evs[i-1].ts, evs[i-1].id}
}

// searchAfter is the index of the first event of evs after pos.
func searchAfter(evs []event, pos streamPos) int {
	lo, hi := 0, len(evs)
	for lo < hi {
		m := (lo + hi) / 2
		if pos.before(evs[m]) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// FilterLogEventsInput is the input of FilterLogEvents.
type FilterLogEventsInput struct {
	LogGroupName        string   `json:"logGroupName,omitempty"`
	LogGroupIdentifier  string   `json:"logGroupIdentifier,omitempty"`
	LogStreamNames      []string `json:"logStreamNames,omitempty"`
	LogStreamNamePrefix string   `json:"logStreamNamePrefix,omitempty"`
	StartTime           *int64   `json:"startTime,omitempty"`
	EndTime             *int64   `json:"endTime,omitempty"`
	FilterPattern       string   `json:"filterPattern,omitempty"`
	Limit               *int32   `json:"limit,omitempty"`
	NextToken           string   `json:"nextToken,omitempty"`
	Interleaved         bool     `json:"interleaved,omitempty"`
	Unmask              bool     `json:"unmask,omitempty"`
}

// FilterLogEventsOutput is the output of FilterLogEvents.
type FilterLogEventsOutput struct {
	Events             []FilteredLogEvent  `json:"events"`
	NextToken          string              `json:"nextToken,omitempty"`
	SearchedLogStreams []SearchedLogStream `json:"searchedLogStreams"`
}

// FilterLogEvents reads the events of a group's streams (all, those named,
// or those with a prefix) that match the filter pattern, interleaved in
// timestamp order, 10,000 or 1 MB a page unless limit says fewer.
func (s *Service) FilterLogEvents(ctx context.Context, in FilterLogEventsInput) (FilterLogEventsOutput, error) {
	sc, err := s.enter(ctx, "FilterLogEvents")
	if err != nil {
		return FilterLogEventsOutput{}, err
	}
	ident, err := groupIdent(in.LogGroupName, in.LogGroupIdentifier)
	if err != nil {
		return FilterLogEventsOutput{}, err
	}
	if len(in.LogStreamNames) > 0 && in.LogStreamNamePrefix != "" {
		return FilterLogEventsOutput{}, invalidParam("logStreamNames and logStreamNamePrefix are mutually exclusive")
	}
	if len(in.LogStreamNames) > 100 {
		return FilterLogEventsOutput{}, constraint("logStreamNames", strconv.Itoa(len(in.LogStreamNames))+" names",
			"Member must have length less than or equal to 100")
	}
	limit, err := limitOf(in.Limit, maxReadEvents, maxReadEvents)
	if err != nil {
		return FilterLogEventsOutput{}, err
	}
	pat, err := compileFilter(in.FilterPattern)
	if err != nil {
		return FilterLogEventsOutput{}, err
	}
	var after *streamPos
	if in.NextToken != "" {
		_, after, err = parseStreamToken(in.NextToken, true)
		if err != nil {
			return FilterLogEventsOutput{}, err
		}
	}
	var out FilterLogEventsOutput
	err = s.lockedGroup(sc, ident, func(g *group) error {
		out = s.filterLocked(g, in, pat, after, limit)
		return nil
	})
	return out, err
}

// filterLocked merges the selected streams' events in range, after the
// token's position, keeping those the pattern matches. It runs under the
// lock.
func (s *Service) filterLocked(g *group, in FilterLogEventsInput, pat *pattern, after *streamPos, limit int) FilterLogEventsOutput {
	cut := g.cutoff(s.nowMs())
	out := FilterLogEventsOutput{Events: []FilteredLogEvent{}, SearchedLogStreams: []SearchedLogStream{}}
	var m merger
	for _, st := range s.selectStreams(g, in) {
		evs := st.visible(cut, opt(in.StartTime), opt(in.EndTime))
		if after != nil {
			evs = evs[searchAfter(evs, *after):]
		}
		if len(evs) > 0 {
			m = append(m, cursor{st: st, evs: evs})
		}
		out.SearchedLogStreams = append(out.SearchedLogStreams, SearchedLogStream{LogStreamName: st.name, SearchedCompletely: true})
	}
	heap.Init(&m)
	bytes := 0
	for m.Len() > 0 {
		c := &m[0]
		e := c.evs[0]
		if len(out.Events) == limit || bytes+len(e.msg)+eventOverhead > maxReadBytes {
			last := out.Events[len(out.Events)-1]
			out.NextToken = tokenOf(true, streamPos{last.Timestamp, lastID(last.EventID)})
			break
		}
		if pat.match(e.msg) {
			out.Events = append(out.Events, FilteredLogEvent{EventID: eventID(e), IngestionTime: e.ingested,
				LogStreamName: c.st.name, Message: e.msg, Timestamp: e.ts})
			bytes += len(e.msg) + eventOverhead
		}
		if c.evs = c.evs[1:]; len(c.evs) == 0 {
			heap.Pop(&m)
		} else {
			heap.Fix(&m, 0)
		}
	}
	return out
}

// eventID is an event's eventId, 56 digits as AWS's are.
func eventID(e event) string { return fmt.Sprintf("%036d%020d", e.ts, e.id) }

// lastID reads the id back out of an eventId.
func lastID(eventID string) uint64 {
	id, _ := strconv.ParseUint(eventID[36:], 10, 64)
	return id
}

// selectStreams returns the streams a FilterLogEvents request reads. It
// runs under the lock.
func (s *Service) selectStreams(g *group, in FilterLogEventsInput) []*stream {
	var out []*stream
	if len(in.LogStreamNames) > 0 {
		for _, n := range in.LogStreamNames {
			if st := g.streams[n]; st != nil {
				out = append(out, st)
			}
		}
		return out
	}
	for _, st := range g.streams {
		if strings.HasPrefix(st.name, in.LogStreamNamePrefix) {
			out = append(out, st)
		}
	}
	return out
}

// cursor is a stream's events still to merge.
type cursor struct {
	st  *stream
	evs []event
}

// merger is a heap of cursors by their next event's (ts, id).
type merger []cursor

func (m merger) Len() int { return len(m) }
func (m merger) Less(i, j int) bool {
	a, b := m[i].evs[0], m[j].evs[0]
	return a.ts < b.ts || a.ts == b.ts && a.id < b.id
}
func (m merger) Swap(i, j int) { m[i], m[j] = m[j], m[i] }
func (m *merger) Push(x any)   { *m = append(*m, x.(cursor)) }
func (m *merger) Pop() any {
	old := *m
	c := old[len(old)-1]
	*m = old[:len(old)-1]
	return c
}
