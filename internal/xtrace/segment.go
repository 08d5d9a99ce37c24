package xtrace

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
)

// Segment is a segment document (or a subsegment of one) as X-Ray's
// segment document schema names its fields.
type Segment struct {
	Name      string  `json:"name"`
	ID        string  `json:"id"`
	TraceID   string  `json:"trace_id,omitempty"`
	ParentID  string  `json:"parent_id,omitempty"`
	Type      string  `json:"type,omitempty"` // "subsegment" for one sent on its own
	Origin    string  `json:"origin,omitempty"`
	Namespace string  `json:"namespace,omitempty"` // aws or remote, for a call
	Start     float64 `json:"start_time"`
	End       float64 `json:"end_time"`
	Error     bool    `json:"error,omitempty"`
	Fault     bool    `json:"fault,omitempty"`
	Throttle  bool    `json:"throttle,omitempty"`
	HTTP      *HTTP   `json:"http,omitempty"`
	// AWS holds the aws object: operation, request_id, resource names.
	AWS         map[string]any `json:"aws,omitempty"`
	Links       []Link         `json:"links,omitempty"`
	Subsegments []Segment      `json:"subsegments,omitempty"`
}

// HTTP is a segment's http object.
type HTTP struct {
	Request  *Request  `json:"request,omitempty"`
	Response *Response `json:"response,omitempty"`
}

// Request is the http.request object.
type Request struct {
	Method    string `json:"method,omitempty"`
	URL       string `json:"url,omitempty"`
	UserAgent string `json:"user_agent,omitempty"`
	ClientIP  string `json:"client_ip,omitempty"`
}

// Response is the http.response object.
type Response struct {
	Status int `json:"status"`
}

// Link ties a segment to an entity of another trace: a Lambda consumer's
// segment to the producers' SQS calls (a segment links to at most MaxLinks
// traces).
type Link struct {
	TraceID string `json:"trace_id"`
	ID      string `json:"id"`
}

// MaxLinks is how many traces one segment links to: "Each trace segment
// can be linked to up to 20 traces" (X-Ray, Tracing event-driven
// applications).
const MaxLinks = 20

// Seconds is t as a segment's epoch seconds.
func Seconds(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }

// Flag marks the segment as X-Ray flags an answer of HTTP status: 429 a
// throttle (and an error), another 4xx an error, a 5xx a fault.
func (s *Segment) Flag(status int) {
	switch {
	case status == 429:
		s.Throttle, s.Error = true, true
	case status >= 400 && status < 500:
		s.Error = true
	case status >= 500:
		s.Fault = true
	}
}

// SamplingResource is the resource of the X-Ray ARN that answers
// sampling decisions on the bus (xray/trace_bus.go).
const SamplingResource = "sampling"

// SampleRequest is what a service that starts a trace asks X-Ray's
// sampling rules about: its service name and type and the request.
type SampleRequest struct {
	ServiceName, ServiceType, Host, HTTPMethod, URLPath, ResourceARN string
}

// Meta keys of a sampling request on the bus.
const (
	MetaServiceName = "ServiceName"
	MetaServiceType = "ServiceType"
	MetaHost        = "Host"
	MetaHTTPMethod  = "HTTPMethod"
	MetaURLPath     = "URLPath"
	MetaResourceARN = "ResourceARN"
)

// Sample asks the account's sampling rules in X-Ray whether to trace req,
// as the services that start traces do. Without X-Ray in the cloud (a
// package's own tests) every request is sampled.
func Sample(b *bus.Bus, partition, region, account string, req SampleRequest) bool {
	target := arn.Build(partition, "xray", region, account, SamplingResource)
	out, err := b.Invoke(context.Background(), target, bus.Message{Meta: map[string]string{
		MetaServiceName: req.ServiceName, MetaServiceType: req.ServiceType, MetaHost: req.Host,
		MetaHTTPMethod: req.HTTPMethod, MetaURLPath: req.URLPath, MetaResourceARN: req.ResourceARN}})
	if err != nil {
		return true
	}
	return string(out) == "1"
}

// Decide is the trace of a service that starts traces: the caller's
// header h when it parses, with sample's decision when it holds none (a
// caller's decision is respected), else a new trace (newRoot) that sample
// decides.
func Decide(h string, newRoot func() string, sample func() bool) Header {
	if in, ok := Parse(h); ok {
		if !in.Decided() {
			in.Sampled = sampled(sample())
		}
		return in
	}
	return Header{Root: newRoot(), Sampled: sampled(sample())}
}

func sampled(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// Call is an AWS call made within a traced entity (a Lambda handler's SDK
// call): the trace, the entity it is made from (Parent), the id of the
// subsegment that records it, and where the segments are stored.
type Call struct {
	TraceID, Parent, ID        string
	Partition, Region, Account string
}

// Header is the trace header the call sends: the subsegment is the
// callee's parent.
func (c Call) Header() string {
	return Header{Root: c.TraceID, Parent: c.ID, Sampled: "1"}.String()
}
