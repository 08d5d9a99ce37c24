package xray

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"time"
)

// Time is an instant as X-Ray's wire carries it: epoch seconds, with a
// fraction. The zero Time is absent.
type Time struct{ time.Time }

// At returns t as a Time; the zero time.Time gives an absent one.
func At(t time.Time) *Time {
	if t.IsZero() {
		return nil
	}
	return &Time{t}
}

// MarshalJSON writes epoch seconds.
func (t Time) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(t.UnixNano())/1e9, 'f', -1, 64), nil
}

// UnmarshalJSON reads epoch seconds; anything but a number fails as the
// SDK's timestamps do ("expected Timestamp to be a JSON Number").
func (t *Time) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return errs.New("SerializationException", "expected Timestamp to be a JSON Number, got %s", b)
	}
	t.Time = epoch(f)
	return nil
}

// epoch converts epoch seconds to a time, to the microsecond.
func epoch(f float64) time.Time {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e15 {
		return time.Time{}
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(math.Round(frac*1e6))*1e3).UTC()
}

// seconds converts a time to epoch seconds.
func seconds(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// Tag is a key and value on a group or a sampling rule.
type Tag struct {
	Key   string
	Value string
}

// ServiceID names a service in a trace: its name and type (the segment's
// origin).
type ServiceID struct {
	AccountId string   `json:",omitempty"`
	Name      string   `json:",omitempty"`
	Names     []string `json:",omitempty"`
	Type      string   `json:",omitempty"`
}

// HTTP is the HTTP request and response of a trace's root segment.
type HTTP struct {
	ClientIp   string `json:",omitempty"`
	HttpMethod string `json:",omitempty"`
	HttpStatus *int32 `json:",omitempty"`
	HttpURL    string `json:",omitempty"`
	UserAgent  string `json:",omitempty"`
}

// AnnotationValue is one annotation's value: exactly one member is set.
type AnnotationValue struct {
	StringValue  *string  `json:",omitempty"`
	NumberValue  *float64 `json:",omitempty"`
	BooleanValue *bool    `json:",omitempty"`
}

// ValueWithServiceIDs is an annotation value and the services that set it.
type ValueWithServiceIDs struct {
	AnnotationValue AnnotationValue
	ServiceIds      []ServiceID
}

// TraceUser is a user of a trace and the services that named them.
type TraceUser struct {
	UserName   string
	ServiceIds []ServiceID
}

// RootCauseException is an exception of a root cause entity.
type RootCauseException struct {
	Message string `json:",omitempty"`
	Name    string `json:",omitempty"`
}

// RootCauseEntity is one segment or subsegment on the path to a root cause.
type RootCauseEntity struct {
	Exceptions []RootCauseException `json:",omitempty"`
	Name       string
	Remote     bool     `json:",omitempty"`
	Coverage   *float64 `json:",omitempty"`
}

// RootCauseService is the service holding a root cause, with the path of
// entities down to it.
type RootCauseService struct {
	AccountId  string `json:",omitempty"`
	EntityPath []RootCauseEntity
	Inferred   bool
	Name       string
	Names      []string
	Type       string `json:",omitempty"`
}

// RootCause is a fault, error or response time root cause of a trace.
type RootCause struct {
	ClientImpacting bool
	Services        []RootCauseService
}

// TraceSummary is what GetTraceSummaries tells of one trace.
type TraceSummary struct {
	Id                     string
	Annotations            map[string][]ValueWithServiceIDs
	Duration               float64
	ResponseTime           float64
	EntryPoint             *ServiceID `json:",omitempty"`
	HasError               bool
	HasFault               bool
	HasThrottle            bool
	IsPartial              bool
	Http                   *HTTP `json:",omitempty"`
	MatchedEventTime       *Time `json:",omitempty"`
	StartTime              *Time `json:",omitempty"`
	Revision               int32
	ServiceIds             []ServiceID
	Users                  []TraceUser
	FaultRootCauses        []RootCause
	ErrorRootCauses        []RootCause
	ResponseTimeRootCauses []RootCause
	ResourceARNs           []ResourceARNDetail
}

// ResourceARNDetail is a resource ARN a segment named.
type ResourceARNDetail struct {
	ARN string
}

// Segment is one segment document of a trace, subsegments sent apart
// merged into it.
type Segment struct {
	Id       string
	Document string
}

// Trace is a whole trace: its segments and its duration.
type Trace struct {
	Id            string
	Duration      float64
	LimitExceeded bool
	Segments      []Segment
}

// HistogramEntry is one bucket of a histogram: a value in seconds and how
// many requests took it.
type HistogramEntry struct {
	Count int32
	Value float64
}

// ErrorStatistics counts the requests that ended in a 4xx error.
type ErrorStatistics struct {
	OtherCount    int64
	ThrottleCount int64
	TotalCount    int64
}

// FaultStatistics counts the requests that ended in a 5xx fault.
type FaultStatistics struct {
	OtherCount int64
	TotalCount int64
}

// Statistics summarise the requests of a service or an edge.
type Statistics struct {
	ErrorStatistics   ErrorStatistics
	FaultStatistics   FaultStatistics
	OkCount           int64
	TotalCount        int64
	TotalResponseTime float64
}

// Edge is a connection from a service to the service it called.
type Edge struct {
	ReferenceId           int32
	StartTime             *Time `json:",omitempty"`
	EndTime               *Time `json:",omitempty"`
	SummaryStatistics     Statistics
	ResponseTimeHistogram []HistogramEntry
	Aliases               []ServiceID
}

// ServiceNode is a node of the service graph.
type ServiceNode struct {
	ReferenceId           int32
	AccountId             string `json:",omitempty"`
	Name                  string
	Names                 []string
	Type                  string
	Root                  bool
	State                 string
	StartTime             *Time `json:",omitempty"`
	EndTime               *Time `json:",omitempty"`
	Edges                 []Edge
	SummaryStatistics     Statistics
	DurationHistogram     []HistogramEntry
	ResponseTimeHistogram []HistogramEntry
}
