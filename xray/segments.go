package xray

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// MaxSegmentsPerCall bounds TraceSegmentDocuments; AWS's model sets no
// bound, and its quota of 500 segments a second per account is not
// modelled.
const MaxSegmentsPerCall = 500

// UnprocessedTraceSegment is a document PutTraceSegments did not store:
// its id when it reads, and why.
type UnprocessedTraceSegment struct {
	Id        string `json:",omitempty"`
	ErrorCode string
	Message   string
}

// PutTraceSegmentsInput is PutTraceSegments's input.
type PutTraceSegmentsInput struct {
	TraceSegmentDocuments []string
}

// PutTraceSegmentsOutput is PutTraceSegments's output.
type PutTraceSegmentsOutput struct {
	UnprocessedTraceSegments []UnprocessedTraceSegment
}

// PutTraceSegments stores segment documents: each a segment, an
// independent subsegment or an array of subsegments, validated against the
// segment document schema; a bad one is unprocessed with its reason, the
// others stored.
func (s *Service) PutTraceSegments(ctx context.Context, in PutTraceSegmentsInput) (PutTraceSegmentsOutput, error) {
	sc, err := s.enter(ctx, "PutTraceSegments")
	if err != nil {
		return PutTraceSegmentsOutput{}, err
	}
	if len(in.TraceSegmentDocuments) > MaxSegmentsPerCall {
		return PutTraceSegmentsOutput{}, errInvalid("At most %d trace segment documents", MaxSegmentsPerCall)
	}
	return s.putDocuments(sc, in.TraceSegmentDocuments), nil
}

// putDocuments validates and stores documents (parsed outside the lock).
func (s *Service) putDocuments(sc faults.Scope, docs []string) PutTraceSegmentsOutput {
	out := PutTraceSegmentsOutput{UnprocessedTraceSegments: []UnprocessedTraceSegment{}}
	var good []*segDoc
	for _, text := range docs {
		ds, bad, id := parseDocuments(text)
		if bad != nil {
			out.UnprocessedTraceSegments = append(out.UnprocessedTraceSegments,
				UnprocessedTraceSegment{Id: id, ErrorCode: bad.code, Message: bad.msg})
			continue
		}
		good = append(good, ds...)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partitionOf(sc)
	now := s.now()
	for _, d := range good {
		p.put(d, now)
	}
	return out
}

// PutTelemetryRecordsInput is PutTelemetryRecords's input: what an X-Ray
// daemon reports of itself.
type PutTelemetryRecordsInput struct {
	TelemetryRecords []map[string]any
	EC2InstanceId    string `json:",omitempty"`
	Hostname         string `json:",omitempty"`
	ResourceARN      string `json:",omitempty"`
}

// PutTelemetryRecords takes a daemon's telemetry; the fake counts the
// records (Telemetry) and keeps nothing else.
func (s *Service) PutTelemetryRecords(ctx context.Context, in PutTelemetryRecordsInput) (struct{}, error) {
	sc, err := s.enter(ctx, "PutTelemetryRecords")
	if err != nil {
		return struct{}{}, err
	}
	for _, r := range in.TelemetryRecords {
		if _, ok := r["Timestamp"]; !ok {
			return struct{}{}, errInvalid("TelemetryRecord Timestamp is required")
		}
	}
	_, err = locked(s, sc, func(p *partition) (struct{}, error) {
		p.telemetry += len(in.TelemetryRecords)
		return struct{}{}, nil
	})
	return struct{}{}, err
}

// newTraceID is a trace id as the X-Ray SDKs make it: the cloud clock's
// epoch seconds and 24 hex digits from the cloud's seeded generator.
func (s *Service) newTraceID(now time.Time) string {
	return "1-" + hex8(now.Unix()) + "-" + s.ids.Hex(12)
}

func hex8(n int64) string {
	const digits = "0123456789abcdef"
	b := make([]byte, 8)
	for i := 7; i >= 0; i-- {
		b[i] = digits[n&0xf]
		n >>= 4
	}
	return string(b)
}

// NewTraceID returns a fresh trace id for a test's own tracer: the epoch
// seconds of the cloud's clock and 24 hex digits from the cloud's seeded
// generator, so that a seeded cloud on a fake clock makes the same ids
// each run.
func (s *Service) NewTraceID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newTraceID(s.now())
}

// NewSegmentID returns a fresh 16-hex-digit segment id from the cloud's
// seeded generator.
func (s *Service) NewSegmentID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ids.Hex(8)
}
