package s3

import (
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/metrics"
)

// AWS/S3 request metrics (S3 User Guide, "Metrics and dimensions": request
// metrics), by BucketName and FilterId, at one-minute periods, for the
// requests to a bucket that match one of its metrics configurations:
// AllRequests, GetRequests, PutRequests, DeleteRequests, HeadRequests,
// PostRequests, ListRequests (Count), BytesDownloaded and BytesUploaded
// (Bytes, for a response or request with a body), 4xxErrors and 5xxErrors
// (0 or 1 per request, so that their Average is the error rate), and
// FirstByteLatency and TotalRequestLatency (Milliseconds on the cloud's
// clock, from the request's arrival to the first byte of the answer and to
// its end). A configuration is parsed once, when it is put, into the
// bucket's requestFilters; a request to a bucket without one costs one
// atomic load (metrics_wire.go).
//
// Matching, as the User Guide describes filters ("only the requests for
// the objects that meet the filter's requirements"): a configuration
// without a filter counts every request to the bucket; a Prefix counts the
// requests on keys with that prefix, and the list requests whose prefix
// parameter has it; a Tag (or every Tag of an And) counts the requests on
// objects that carry it once the request is done, so that an object's
// deletion or a request on a missing key does not match a tag filter (its
// tags are not at hand); an AccessPointArn filter counts nothing, since no
// request of the fake comes through an access point.

// requestFilter is one metrics configuration as requests are matched
// against it.
type requestFilter struct {
	id, prefix  string
	tags        []Tag
	accessPoint bool
}

// requestFilterOf reads a MetricsConfiguration document's filter.
func requestFilterOf(id string, doc xmlNode) requestFilter {
	f := requestFilter{id: id}
	fl := doc.find("Filter")
	if fl == nil {
		return f
	}
	if and := fl.find("And"); and != nil {
		fl = and
	}
	f.prefix = fl.child("Prefix")
	f.accessPoint = fl.child("AccessPointArn") != ""
	for _, n := range fl.Nodes {
		if n.XMLName.Local == "Tag" {
			f.tags = append(f.tags, Tag{Key: n.child("Key"), Value: n.child("Value")})
		}
	}
	return f
}

// matches reports whether a request on key (an object's, or a list
// request's prefix when onObject is false) counts for f; tags are the
// object's.
func (f requestFilter) matches(key string, onObject bool, tags []Tag) bool {
	if f.accessPoint || !strings.HasPrefix(key, f.prefix) {
		return false
	}
	if len(f.tags) > 0 && !onObject {
		return false
	}
	for _, t := range f.tags {
		if !slices.Contains(tags, t) {
			return false
		}
	}
	return true
}

// putRequestFilter stores configuration id's filter on b, replacing one of
// the same id. The caller holds s.mu.
func (s *Service) putRequestFilter(b *bucket, id string, doc xmlNode) {
	f := requestFilterOf(id, doc)
	i, found := b.requestFilterIndex(id)
	if found {
		b.requestFilters[i] = f
		return
	}
	b.requestFilters = slices.Insert(b.requestFilters, i, f)
	if len(b.requestFilters) == 1 {
		s.metered.Add(1)
	}
}

// dropRequestFilter removes configuration id's filter from b, or every
// filter when id is "" (the bucket is deleted). The caller holds s.mu.
func (s *Service) dropRequestFilter(b *bucket, id string) {
	had := len(b.requestFilters) > 0
	if id == "" {
		b.requestFilters = nil
	} else if i, found := b.requestFilterIndex(id); found {
		b.requestFilters = slices.Delete(b.requestFilters, i, i+1)
	}
	if had && len(b.requestFilters) == 0 {
		s.metered.Add(-1)
	}
}

func (b *bucket) requestFilterIndex(id string) (int, bool) {
	return slices.BinarySearchFunc(b.requestFilters, id, func(f requestFilter, id string) int { return strings.Compare(f.id, id) })
}

// requestSample is what one request to a metered bucket did.
type requestSample struct {
	partition, bucket, key string
	onObject               bool // key is an object's; else a list request's prefix
	op, method             string
	status                 int
	up, down               int64 // request and response body bytes
	start, first, end      time.Time
}

// recordRequest adds one request to the AWS/S3 metrics of every metrics
// configuration of its bucket that it matches.
func (s *Service) recordRequest(q requestSample) {
	rec := s.env.Metrics
	if rec == nil {
		return
	}
	var ids []string
	s.mu.Lock()
	b := s.buckets[bucketKey{q.partition, q.bucket}]
	if b == nil {
		s.mu.Unlock()
		return
	}
	var tags []Tag
	if e := b.entries[q.key]; q.onObject && e != nil && !e.latest().deleteMarker {
		tags = e.latest().tags
	}
	for _, f := range b.requestFilters {
		if f.matches(q.key, q.onObject, tags) {
			ids = append(ids, f.id)
		}
	}
	account, region := b.account, b.region
	s.mu.Unlock()
	kind := requestKind(q.op, q.method, q.onObject)
	class := func(lo int) float64 {
		if q.status >= lo && q.status < lo+100 {
			return 1
		}
		return 0
	}
	for _, id := range ids {
		add := func(name, unit string, v float64) {
			rec.Add(metrics.Key{Account: account, Region: region, Namespace: "AWS/S3", Name: name, Unit: unit,
				Dims: metrics.Dims2("BucketName", q.bucket, "FilterId", id), Minute: metrics.Minute(q.end)}, v)
		}
		add("AllRequests", "Count", 1)
		if kind != "" {
			add(kind, "Count", 1)
		}
		if q.down > 0 {
			add("BytesDownloaded", "Bytes", float64(q.down))
		}
		if q.up > 0 {
			add("BytesUploaded", "Bytes", float64(q.up))
		}
		add("4xxErrors", "Count", class(400))
		add("5xxErrors", "Count", class(500))
		add("FirstByteLatency", "Milliseconds", float64(q.first.Sub(q.start).Milliseconds()))
		add("TotalRequestLatency", "Milliseconds", float64(q.end.Sub(q.start).Milliseconds()))
	}
}

// requestKind is the request-count metric a request adds to besides
// AllRequests, "" for none, as the User Guide defines them: GetRequests,
// PutRequests and DeleteRequests are requests on objects (DeleteRequests
// also DeleteObjects; GetRequests not ListParts, a list-oriented
// request); HeadRequests and PostRequests any HEAD and POST (but
// DeleteObjects and SelectObjectContent); ListRequests the requests that
// list a bucket's contents (ListObjects, ListObjectsV2,
// ListObjectVersions, ListMultipartUploads).
func requestKind(op, method string, onObject bool) string {
	switch op {
	case "ListObjects", "ListObjectsV2", "ListObjectVersions", "ListMultipartUploads":
		return "ListRequests"
	case "DeleteObjects":
		return "DeleteRequests"
	case "SelectObjectContent", "ListParts":
		return ""
	}
	switch {
	case method == "HEAD":
		return "HeadRequests"
	case method == "POST":
		return "PostRequests"
	case !onObject:
		return ""
	case method == "GET":
		return "GetRequests"
	case method == "PUT":
		return "PutRequests"
	case method == "DELETE":
		return "DeleteRequests"
	}
	return ""
}
