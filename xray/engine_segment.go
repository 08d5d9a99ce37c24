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
	traceIDPattern = regexp.MustCompile(`^1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24}$`)
	hexID          = regexp.MustCompile(`^[0-9a-fA-F]{16}$`)
	annotationKey  = regexp.MustCompile(`^[A-Za-z0-9_]+$`)
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
// independent subsegment, or an array of independent subsegments.
func parseDocuments(text string) ([]*segDoc, *segError, string) {
	if len(text) > MaxSegmentBytes {
		return nil, segErr(segTooLarge, "Segment document is %d bytes, over the limit of %d", len(text), MaxSegmentBytes), idOf(text)
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil, segErr(segInvalidJSON, "Segment document is not valid JSON"), ""
	}
	var objs []map[string]any
	switch v := v.(type) {
	case map[string]any:
		objs = []map[string]any{v}
	case []any:
		for _, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, segErr(segInvalidJSON, "An array of subsegments holds only objects"), ""
			}
			objs = append(objs, m)
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
		id, _ := m["id"].(string)
		if err != nil {
			return nil, err, id
		}
		d.text = text
		if len(objs) > 1 {
			b, _ := json.Marshal(m)
			d.text = string(b)
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
func parseSegment(m map[string]any, top, mustBeSub bool) (*segDoc, *segError) {
	d := &segDoc{}
	var err *segError
	str := func(k string) string {
		v, ok := m[k]
		if !ok || err != nil {
			return ""
		}
		s, isStr := v.(string)
		if !isStr {
			err = segErr(segInvalidField, "Field %s must be a string", k)
		}
		return s
	}
	d.id, d.name, d.typ = str("id"), str("name"), str("type")
	d.traceID, d.parentID, d.origin = str("trace_id"), str("parent_id"), str("origin")
	d.namespace, d.user, d.resourceARN = str("namespace"), str("user"), str("resource_arn")
	if err != nil {
		return nil, err
	}
	if err := checkIdentity(d, top, mustBeSub); err != nil {
		return nil, err
	}
	if err := readTimes(d, m); err != nil {
		return nil, err
	}
	if err := readFlags(d, m); err != nil {
		return nil, err
	}
	if err := readHTTP(d, m); err != nil {
		return nil, err
	}
	if err := readAnnotations(d, m); err != nil {
		return nil, err
	}
	if err := readLinks(d, m); err != nil {
		return nil, err
	}
	readCause(d, m)
	if subs, ok := m["subsegments"]; ok {
		list, isList := subs.([]any)
		if !isList {
			return nil, segErr(segInvalidField, "Field subsegments must be an array")
		}
		for _, e := range list {
			sm, isObj := e.(map[string]any)
			if !isObj {
				return nil, segErr(segInvalidField, "Field subsegments must hold objects")
			}
			sub, err := parseSegment(sm, false, false)
			if err != nil {
				return nil, err
			}
			d.subs = append(d.subs, sub)
		}
	}
	return d, nil
}

// checkIdentity checks the id, name, trace and parent of a document.
func checkIdentity(d *segDoc, top, mustBeSub bool) *segError {
	if d.id == "" {
		return segErr(segMissingField, "Missing required field: id")
	}
	if !hexID.MatchString(d.id) {
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
	if d.parentID != "" && !hexID.MatchString(d.parentID) {
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
	if !traceIDPattern.MatchString(d.traceID) {
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

// number reads a JSON number member.
func number(v any) (float64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	f, err := n.Float64()
	return f, err == nil
}

// maxEpoch bounds the times a document may carry (the year 5138): far
// beyond any trace, and small enough that durations stay finite.
const maxEpoch = 1e11

// readTimes reads start_time, end_time and in_progress.
func readTimes(d *segDoc, m map[string]any) *segError {
	st, ok := m["start_time"]
	if !ok {
		return segErr(segMissingField, "Missing required field: start_time")
	}
	if d.start, ok = number(st); !ok || d.start < 0 || d.start >= maxEpoch {
		return segErr(segInvalidTime, "Field start_time must be a number of epoch seconds")
	}
	if ip, ok := m["in_progress"]; ok {
		b, isBool := ip.(bool)
		if !isBool {
			return segErr(segInvalidField, "Field in_progress must be a boolean")
		}
		d.inProgress = b
	}
	et, hasEnd := m["end_time"]
	switch {
	case hasEnd && d.inProgress:
		return segErr(segInvalidField, "A segment has end_time or in_progress, not both")
	case hasEnd:
		if d.end, ok = number(et); !ok || d.end < d.start || d.end >= maxEpoch {
			return segErr(segInvalidTime, "Field end_time must be a number of epoch seconds not before start_time")
		}
	case !d.inProgress:
		return segErr(segMissingField, "Missing required field: end_time or in_progress")
	}
	return nil
}

// readFlags reads error, fault and throttle.
func readFlags(d *segDoc, m map[string]any) *segError {
	for k, dst := range map[string]*bool{"error": &d.err, "fault": &d.fault, "throttle": &d.throttle} {
		v, ok := m[k]
		if !ok {
			continue
		}
		b, isBool := v.(bool)
		if !isBool {
			return segErr(segInvalidField, "Field %s must be a boolean", k)
		}
		*dst = b
	}
	if d.throttle {
		d.err = true // a throttle is an error (429)
	}
	return nil
}

// readHTTP reads the http object's request and response.
func readHTTP(d *segDoc, m map[string]any) *segError {
	h, ok := m["http"]
	if !ok {
		return nil
	}
	hm, isObj := h.(map[string]any)
	if !isObj {
		return segErr(segInvalidField, "Field http must be an object")
	}
	if req, ok := hm["request"].(map[string]any); ok {
		d.http.method, _ = req["method"].(string)
		d.http.url, _ = req["url"].(string)
		d.http.userAgent, _ = req["user_agent"].(string)
		d.http.clientIP, _ = req["client_ip"].(string)
		d.remote, _ = req["traced"].(bool)
	}
	if resp, ok := hm["response"].(map[string]any); ok {
		if st, ok := resp["status"]; ok {
			f, isNum := number(st)
			if !isNum || f != float64(int(f)) || f < 0 || f > 999 {
				return segErr(segInvalidField, "Field http.response.status must be an integer")
			}
			d.http.status, d.http.hasStatus = int(f), true
		}
	}
	return nil
}

// readAnnotations reads annotations: keys of letters, digits and
// underscores, values strings, numbers or booleans.
func readAnnotations(d *segDoc, m map[string]any) *segError {
	a, ok := m["annotations"]
	if !ok {
		return nil
	}
	am, isObj := a.(map[string]any)
	if !isObj {
		return segErr(segInvalidField, "Field annotations must be an object")
	}
	d.annotations = make(map[string]any, len(am))
	for k, v := range am {
		if !annotationKey.MatchString(k) {
			return segErr(segInvalidAnnotaton, "Invalid annotation key %q: letters, digits and underscores only", k)
		}
		switch v := v.(type) {
		case string, bool:
			d.annotations[k] = v
		case json.Number:
			f, err := v.Float64()
			if err != nil {
				return segErr(segInvalidAnnotaton, "Invalid annotation %q: the number is out of range", k)
			}
			d.annotations[k] = f
		default:
			return segErr(segInvalidAnnotaton, "Invalid annotation %q: a string, number or boolean", k)
		}
	}
	return nil
}

// readCause reads cause.exceptions (a cause may also be an exception id,
// a string, naming an exception of another entity).
func readCause(d *segDoc, m map[string]any) {
	c, _ := m["cause"].(map[string]any)
	list, _ := c["exceptions"].([]any)
	for _, e := range list {
		em, _ := e.(map[string]any)
		if em == nil {
			continue
		}
		var x exception
		x.name, _ = em["type"].(string)
		x.message, _ = em["message"].(string)
		d.exceptions = append(d.exceptions, x)
	}
}

// checkLinks checks span links to other traces: each an object with a
// trace_id in X-Ray's form and a 16-hex-digit id; attributes, when given,
// an object.
func checkLinks(m map[string]any) *segError {
	v, ok := m["links"]
	if !ok {
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		return segErr(segInvalidField, "Field links must be an array")
	}
	for _, e := range list {
		l, isObj := e.(map[string]any)
		if !isObj {
			return segErr(segInvalidField, "Field links must hold objects")
		}
		tr, _ := l["trace_id"].(string)
		id, _ := l["id"].(string)
		if !traceIDPattern.MatchString(tr) || !hexID.MatchString(id) {
			return segErr(segInvalidField, "A link needs a trace_id and a 16-hex-digit id")
		}
		if a, has := l["attributes"]; has {
			if _, isObj := a.(map[string]any); !isObj {
				return segErr(segInvalidField, "A link's attributes must be an object")
			}
		}
	}
	return nil
}
