package xray

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// Query bounds: GetTraceSummaries pages (the fake's page size; AWS does
// not document one), the longest time window (AWS: 24 hours), and
// BatchGetTraces's ids per call (AWS: 5).
const (
	SummariesPerPage = 100
	MaxSummaryWindow = 24 * time.Hour
	MaxBatchTraceIDs = 5
	// MaxTraceBytes is the trace document size limit (500 KB): a trace
	// over it comes back from BatchGetTraces with LimitExceeded, its
	// segments still listed.
	MaxTraceBytes = 500 * 1000
)

// SamplingStrategy asks GetTraceSummaries for a sample of the traces.
type SamplingStrategy struct {
	Name  string   `json:",omitempty"`
	Value *float64 `json:",omitempty"`
}

// GetTraceSummariesInput is GetTraceSummaries's input.
type GetTraceSummariesInput struct {
	StartTime        *Time
	EndTime          *Time
	TimeRangeType    string            `json:",omitempty"`
	FilterExpression string            `json:",omitempty"`
	Sampling         *bool             `json:",omitempty"`
	SamplingStrategy *SamplingStrategy `json:",omitempty"`
	NextToken        string            `json:",omitempty"`
}

// GetTraceSummariesOutput is GetTraceSummaries's output.
type GetTraceSummariesOutput struct {
	TraceSummaries       []TraceSummary
	ApproximateTime      *Time `json:",omitempty"`
	TracesProcessedCount int64
	NextToken            string `json:",omitempty"`
}

// GetTraceSummaries lists the summaries of the traces in a window of at
// most 24 hours, newest first, that the filter expression selects:
// TimeRangeType TraceId (the default) reads the trace id's time, Event and
// Service the trace's latest segment time. Its cost follows the window,
// not the store. Sampling keeps a fixed share of the matches (Value of a
// FixedRate strategy, else 10%).
func (s *Service) GetTraceSummaries(ctx context.Context, in GetTraceSummariesInput) (GetTraceSummariesOutput, error) {
	sc, err := s.enter(ctx, "GetTraceSummaries")
	if err != nil {
		return GetTraceSummariesOutput{}, err
	}
	if in.StartTime == nil || in.EndTime == nil {
		return GetTraceSummariesOutput{}, errInvalid("StartTime and EndTime are required")
	}
	from, to := seconds(in.StartTime.Time), seconds(in.EndTime.Time)
	if to < from {
		return GetTraceSummariesOutput{}, errInvalid("EndTime must be after StartTime")
	}
	if in.EndTime.Sub(in.StartTime.Time) > MaxSummaryWindow {
		return GetTraceSummariesOutput{}, errInvalid("The time range between StartTime and EndTime cannot exceed 24 hours")
	}
	switch in.TimeRangeType {
	case "", "TraceId", "Event", "Service":
	default:
		return GetTraceSummariesOutput{}, errInvalid("TimeRangeType must be TraceId, Event or Service")
	}
	return locked(s, sc, func(p *partition) (GetTraceSummariesOutput, error) {
		filter, err := parseFilter(in.FilterExpression, p.groupLookup())
		if err != nil {
			return GetTraceSummariesOutput{}, err
		}
		index := p.byID
		if in.TimeRangeType == "Event" || in.TimeRangeType == "Service" {
			index = p.byEvent
		}
		return p.summaries(index.window(from, to), filter, in)
	})
}

// summaries pages through a window newest first.
func (p *partition) summaries(win []indexEntry, filter expr, in GetTraceSummariesInput) (GetTraceSummariesOutput, error) {
	hi := len(win)
	if in.NextToken != "" {
		key, ok := pagetoken.Key(in.NextToken)
		at, id, cut := strings.Cut(key, "/")
		f, perr := strconv.ParseFloat(at, 64)
		if !ok || !cut || perr != nil {
			return GetTraceSummariesOutput{}, errInvalid("Invalid NextToken")
		}
		hi, _ = slices.BinarySearchFunc(win, indexEntry{f, id}, cmpEntry)
	}
	rate := samplingRate(in)
	out := GetTraceSummariesOutput{TraceSummaries: []TraceSummary{}}
	i := hi - 1
	for ; i >= 0 && len(out.TraceSummaries) < SummariesPerPage; i-- {
		t := p.traces[win[i].id]
		out.TracesProcessedCount++
		v := t.viewOf()
		if !matches(filter, v) || (rate < 1 && !sampled(t.id, rate)) {
			continue
		}
		out.TraceSummaries = append(out.TraceSummaries, v.summary())
	}
	if i >= 0 {
		last := win[i+1]
		out.NextToken = pagetoken.Of(fmt.Sprintf("%v/%s", last.at, last.id))
	}
	if hi > 0 {
		out.ApproximateTime = At(epoch(win[hi-1].at))
	}
	return out, nil
}

// samplingRate is the share of matching traces a sampled query keeps.
func samplingRate(in GetTraceSummariesInput) float64 {
	if in.SamplingStrategy != nil && in.SamplingStrategy.Name == "FixedRate" && in.SamplingStrategy.Value != nil {
		return *in.SamplingStrategy.Value
	}
	if in.Sampling != nil && *in.Sampling {
		return 0.1
	}
	return 1
}

// sampled picks a trace by its id, so that the same query keeps the same
// traces.
func sampled(id string, rate float64) bool {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint32(id[i])) * 16777619
	}
	return float64(h%10000)/10000 < rate
}

// BatchGetTracesInput is BatchGetTraces's input.
type BatchGetTracesInput struct {
	TraceIds  []string
	NextToken string `json:",omitempty"`
}

// BatchGetTracesOutput is BatchGetTraces's output.
type BatchGetTracesOutput struct {
	Traces              []Trace
	UnprocessedTraceIds []string
	NextToken           string `json:",omitempty"`
}

// BatchGetTraces returns whole traces by id: each segment's document with
// the subsegments sent apart merged in. Unknown ids are unprocessed; a
// trace over MaxTraceBytes has LimitExceeded.
func (s *Service) BatchGetTraces(ctx context.Context, in BatchGetTracesInput) (BatchGetTracesOutput, error) {
	sc, err := s.enter(ctx, "BatchGetTraces")
	if err != nil {
		return BatchGetTracesOutput{}, err
	}
	if len(in.TraceIds) > MaxBatchTraceIDs {
		return BatchGetTracesOutput{}, errInvalid("At most %d trace ids", MaxBatchTraceIDs)
	}
	for _, id := range in.TraceIds {
		if id == "" || len(id) > 35 {
			return BatchGetTracesOutput{}, errInvalid("Trace ids are 1 to 35 characters")
		}
	}
	return locked(s, sc, func(p *partition) (BatchGetTracesOutput, error) {
		out := BatchGetTracesOutput{Traces: []Trace{}, UnprocessedTraceIds: []string{}}
		for _, id := range in.TraceIds {
			t := p.traces[id]
			if t == nil {
				out.UnprocessedTraceIds = append(out.UnprocessedTraceIds, id)
				continue
			}
			segs := t.documents()
			size := 0
			for _, sg := range segs {
				size += len(sg.Document)
			}
			out.Traces = append(out.Traces, Trace{Id: id, Duration: round3(t.viewOf().duration), Segments: segs,
				LimitExceeded: size > MaxTraceBytes})
		}
		return out, nil
	})
}
