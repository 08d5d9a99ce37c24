package xray

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/awsfake/awsfake/internal/xtrace"
)

// MaxSegmentBytes is the largest segment document X-Ray accepts: a whole
// segment, an in-progress fragment or an independent subsegment (64 kB,
// the segment document schema).
const MaxSegmentBytes = 64 * 1024

// Unprocessed segment error codes. AWS documents UnprocessedTraceSegment's
// ErrorCode and Message but not their values; these name the rule of the
// segment document schema that the document breaks (package doc).
const (
	segInvalidJSON      = "InvalidJson"
	segTooLarge         = "SegmentTooLarge"
	segMissingField     = "MissingRequiredField"
	segInvalidTraceID   = "InvalidTraceId"
	segInvalidID        = "InvalidId"
	segInvalidParentID  = "InvalidParentId"
	segInvalidName      = "InvalidName"
	segInvalidTime      = "InvalidTimestamp"
	segInvalidField     = "InvalidField"
	segInvalidAnnotaton = "InvalidAnnotation"
)

var (
	annotationKey = regexp.MustCompile(`^[A-Za-z0-9_]+$`)
)

// segError is why a document is unprocessed.
type segError struct {
	code, msg string
}

func segErr(kind, format string, args ...any) *segError {
	return &segError{code: kind, msg: fmt.Sprintf(format, args...)}
}

// httpInfo is a segment's http object.
type httpInfo struct {
	method, url, userAgent, clientIP string
	status                           int
	hasStatus                        bool
}

// exception is one of a cause's exceptions.
type exception struct{ name, message string }

// segDoc is a validated segment or subsegment.
type segDoc struct {
	text                    string          // the document as sent (top-level documents only)
	src                     *xtrace.Segment // or the segment a service of the cloud built (text "")
	id, traceID, parentID   string
	name, origin, namespace string
	typ                     string // "" or "subsegment"
	user, resourceARN       string
	start, end              float64
	inProgress              bool
	err, fault, throttle    bool
	remote                  bool
	http                    httpInfo
	annotations             map[string]any // string, float64 or bool
	exceptions              []exception
	subs                    []*segDoc
	independent             bool   // a subsegment sent on its own
	links                   []link // trace_links.go
}

// parseDocuments reads one element of TraceSegmentDocuments: a segment, an
// independent subsegment, or an array of independent subsegments. The
// text is checked once (json.Valid) and read once (readMembers), each
// entity into the fields the store needs.
func parseDocuments(text string) ([]*segDoc, *segError, string) {
	if len(text) > MaxSegmentBytes {
		return nil, segErr(segTooLarge, "Segment document is %d bytes, over the limit of %d", len(text), MaxSegmentBytes), idOf(text)
	}
	if !json.Valid([]byte(text)) {
		return nil, segErr(segInvalidJSON, "Segment document is not valid JSON"), ""
	}
	r := &rawReader{s: text}
	var objs []*members
	switch r.peek() {
	case '{':
		objs = []*members{readMembers(r)}
	case '[':
		bad := false
		r.array(func() {
			if r.peek() != '{' {
				r.skip()
				bad = true
				return
			}
			objs = append(objs, readMembers(r))
		})
		if bad {
			return nil, segErr(segInvalidJSON, "An array of subsegments holds only objects"), ""
		}
		if len(objs) == 0 {
			return nil, segErr(segMissingField, "Empty array of subsegments"), ""
		}
	default:
		return nil, segErr(segInvalidJSON, "Segment document is not a JSON object"), ""
	}
	out := make([]*segDoc, 0, len(objs))
	for _, m := range objs {
		d, err := parseSegment(m, true, len(objs) > 1)
		if err != nil {
			id, _ := rawString(m.id)
			return nil, err, id
		}
		d.text = text
		if len(objs) > 1 {
			d.text = m.text
		}
		out = append(out, d)
	}
	return out, nil, ""
}

// idOf is the id a document too large to validate names, when it reads.
func idOf(text string) string {
	var v struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal([]byte(text), &v)
	return v.ID
}

// parseSegment validates one segment or subsegment object. top is true
// for a document sent on its own (a segment or an independent subsegment),
// which carries trace_id; mustBeSub for the members of an array.
func parseSegment(m *members, top, mustBeSub bool) (*segDoc, *segError) {
	d := &segDoc{}
	for _, f := range [...]struct {
		key string
		raw string
		dst *string
	}{{"id", m.id, &d.id}, {"name", m.name, &d.name}, {"type", m.typ, &d.typ},
		{"trace_id", m.traceID, &d.traceID}, {"parent_id", m.parentID, &d.parentID}, {"origin", m.origin, &d.origin},
		{"namespace", m.namespace, &d.namespace}, {"user", m.user, &d.user}, {"resource_arn", m.resourceARN, &d.resourceARN}} {
		if f.raw == "" {
			continue
		}
		v, ok := rawString(f.raw)
		if !ok {
			return nil, segErr(segInvalidField, "Field %s must be a string", f.key)
		}
		*f.dst = v
	}
	if err := checkIdentity(d, top, mustBeSub); err != nil {
		return nil, err
	}
	for _, read := range [...]func(*segDoc, *members) *segError{readTimes, readFlags, readHTTP, readAnnotations, readLinks} {
		if err := read(d, m); err != nil {
			return nil, err
		}
	}
	readCause(d, m)
	return d, readSubsegments(d, m)
}

// readSubsegments validates the nested subsegments, in order.
func readSubsegments(d *segDoc, m *members) *segError {
	if m.subsegments == "" {
		return nil
	}
	if m.subsegments != "[" {
		return segErr(segInvalidField, "Field subsegments must be an array")
	}
	for i := 0; ; i++ {
		if i == m.badSubAt {
			return segErr(segInvalidField, "Field subsegments must hold objects")
		}
		if i == len(m.subs) {
			return nil
		}
		sub, err := parseSegment(m.subs[i], false, false)
		if err != nil {
			return err
		}
		d.subs = append(d.subs, sub)
	}
}

// checkIdentity checks the id, name, trace and parent of a document.
func checkIdentity(d *segDoc, top, mustBeSub bool) *segError {
	if d.id == "" {
		return segErr(segMissingField, "Missing required field: id")
	}
	if !xtrace.ValidSegmentID(d.id) {
		return segErr(segInvalidID, "Invalid segment id %q: must be 16 hexadecimal digits", d.id)
	}
	if d.name == "" {
		return segErr(segMissingField, "Missing required field: name")
	}
	if !validName(d.name) {
		return segErr(segInvalidName, "Invalid segment name %q", d.name)
	}
	if d.typ != "" && d.typ != "subsegment" {
		return segErr(segInvalidField, "Invalid type %q: only subsegment", d.typ)
	}
	if d.parentID != "" && !xtrace.ValidSegmentID(d.parentID) {
		return segErr(segInvalidParentID, "Invalid parent id %q: must be 16 hexadecimal digits", d.parentID)
	}
	if !top {
		return nil
	}
	if mustBeSub && d.typ != "subsegment" {
		return segErr(segInvalidField, "An array holds only subsegments with type subsegment")
	}
	if d.traceID == "" {
		return segErr(segMissingField, "Missing required field: trace_id")
	}
	if !xtrace.ValidTraceID(d.traceID) {
		return segErr(segInvalidTraceID, "Invalid trace id %q", d.traceID)
	}
	if d.typ == "subsegment" {
		if d.parentID == "" {
			return segErr(segMissingField, "Missing required field for an independent subsegment: parent_id")
		}
		d.independent = true
	}
	return nil
}

// validName is the schema's rule for names: at most 200 characters,
// Unicode letters, digits and whitespace, and _ . : / % & # = + \ - @.
func validName(s string) bool {
	if utf8.RuneCountInString(s) > 200 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsSpace(r) && !strings.ContainsRune(`_.:/%&#=+\-@`, r) {
			return false
		}
	}
	return true
}

// maxEpoch bounds the times a document may carry (the year 5138): far
// beyond any trace, and small enough that durations stay finite.
const maxEpoch = 1e11

// readTimes reads start_time, end_time and in_progress.
func readTimes(d *segDoc, m *members) *segError {
	if m.startTime == "" {
		return segErr(segMissingField, "Missing required field: start_time")
	}
	var ok bool
	if d.start, ok = rawNumber(m.startTime); !ok || d.start < 0 || d.start >= maxEpoch {
		return segErr(segInvalidTime, "Field start_time must be a number of epoch seconds")
	}
	if m.inProgress != "" {
		if d.inProgress, ok = rawBool(m.inProgress); !ok {
			return segErr(segInvalidField, "Field in_progress must be a boolean")
		}
	}
	switch hasEnd := m.endTime != ""; {
	case hasEnd && d.inProgress:
		return segErr(segInvalidField, "A segment has end_time or in_progress, not both")
	case hasEnd:
		if d.end, ok = rawNumber(m.endTime); !ok || d.end < d.start || d.end >= maxEpoch {
			return segErr(segInvalidTime, "Field end_time must be a number of epoch seconds not before start_time")
		}
	case !d.inProgress:
		return segErr(segMissingField, "Missing required field: end_time or in_progress")
	}
	return nil
}

// readFlags reads error, fault and throttle.
func readFlags(d *segDoc, m *members) *segError {
	for _, f := range [...]struct {
		key, raw string
		dst      *bool
	}{{"error", m.errorFlag, &d.err}, {"fault", m.fault, &d.fault}, {"throttle", m.throttle, &d.throttle}} {
		if f.raw == "" {
			continue
		}
		b, ok := rawBool(f.raw)
		if !ok {
			return segErr(segInvalidField, "Field %s must be a boolean", f.key)
		}
		*f.dst = b
	}
	if d.throttle {
		d.err = true // a throttle is an error (429)
	}
	return nil
}

// readHTTP reads the http object's request and response.
func readHTTP(d *segDoc, m *members) *segError {
	if m.http == "" {
		return nil
	}
	if !isObject(m.http) {
		return segErr(segInvalidField, "Field http must be an object")
	}
	var req, resp string
	rawFields(m.http, func(k, v string) {
		switch k {
		case "request":
			req = v
		case "response":
			resp = v
		}
	})
	rawFields(req, func(k, v string) {
		switch k {
		case "method":
			d.http.method, _ = rawString(v)
		case "url":
			d.http.url, _ = rawString(v)
		case "user_agent":
			d.http.userAgent, _ = rawString(v)
		case "client_ip":
			d.http.clientIP, _ = rawString(v)
		case "traced":
			d.remote, _ = rawBool(v)
		}
	})
	status := ""
	rawFields(resp, func(k, v string) {
		if k == "status" {
			status = v
		}
	})
	if status != "" {
		f, isNum := rawNumber(status)
		if !isNum || f != float64(int(f)) || f < 0 || f > 999 {
			return segErr(segInvalidField, "Field http.response.status must be an integer")
		}
		d.http.status, d.http.hasStatus = int(f), true
	}
	return nil
}

// readAnnotations reads annotations: keys of letters, digits and
// underscores, values strings, numbers or booleans, checked in the order
// their keys first come (a repeated key keeps its last value).
func readAnnotations(d *segDoc, m *members) *segError {
	if m.annotations == "" {
		return nil
	}
	if !isObject(m.annotations) {
		return segErr(segInvalidField, "Field annotations must be an object")
	}
	var keys []string
	raws := map[string]string{}
	rawFields(m.annotations, func(k, v string) {
		if _, seen := raws[k]; !seen {
			keys = append(keys, k)
		}
		raws[k] = v
	})
	d.annotations = make(map[string]any, len(keys))
	for _, k := range keys {
		if !annotationKey.MatchString(k) {
			return segErr(segInvalidAnnotaton, "Invalid annotation key %q: letters, digits and underscores only", k)
		}
		v, err := readAnnotationValue(k, raws[k])
		if err != nil {
			return err
		}
		d.annotations[k] = v
	}
	return nil
}

// readAnnotationValue is an annotation's value: a string, a float64 or a bool.
func readAnnotationValue(k, raw string) (any, *segError) {
	if s, ok := rawString(raw); ok {
		return s, nil
	}
	if b, ok := rawBool(raw); ok {
		return b, nil
	}
	if isNumber(raw) {
		f, ok := rawNumber(raw)
		if !ok {
			return nil, segErr(segInvalidAnnotaton, "Invalid annotation %q: the number is out of range", k)
		}
		return f, nil
	}
	return nil, segErr(segInvalidAnnotaton, "Invalid annotation %q: a string, number or boolean", k)
}

// readCause reads cause.exceptions (a cause may also be an exception id,
// a string, naming an exception of another entity).
func readCause(d *segDoc, m *members) {
	var list string
	rawFields(m.cause, func(k, v string) {
		if k == "exceptions" {
			list = v
		}
	})
	rawElements(list, func(e string) {
		if !isObject(e) {
			return
		}
		var x exception
		rawFields(e, func(k, v string) {
			switch k {
			case "type":
				x.name, _ = rawString(v)
			case "message":
				x.message, _ = rawString(v)
			}
		})
		d.exceptions = append(d.exceptions, x)
	})
}
