package xray

// members is what the segment document parser reads of one segment or
// subsegment object: the raw text of each member the store needs (""
// when absent; a repeated key keeps its last value, as encoding/json
// does), and its subsegments, read with it so that nested subsegments
// are scanned once.
type members struct {
	text                                     string // the object's text
	id, name, typ, traceID, parentID, origin string
	namespace, user, resourceARN             string
	startTime, endTime, inProgress           string
	errorFlag, fault, throttle               string
	http, annotations, links, cause          string
	subsegments                              string     // "[" when an array, read into subs
	subs                                     []*members // the objects of subsegments
	badSubAt                                 int        // the index before which subsegments held a non-object, -1 for none
}

// readMembers reads the object at r's cursor.
func readMembers(r *rawReader) *members {
	m := &members{badSubAt: -1}
	r.ws()
	start := r.i
	r.object(func(key string) {
		if dst := m.field(key); dst != nil {
			*dst = r.skip()
			return
		}
		if key != "subsegments" {
			r.skip()
			return
		}
		m.subs, m.badSubAt = nil, -1
		if r.peek() != '[' {
			m.subsegments = r.skip()
			return
		}
		m.subsegments = "["
		r.array(func() {
			if r.peek() == '{' {
				m.subs = append(m.subs, readMembers(r))
				return
			}
			r.skip()
			if m.badSubAt < 0 {
				m.badSubAt = len(m.subs)
			}
		})
	})
	m.text = r.s[start:r.i]
	return m
}

// field is where the raw value of key goes, nil for a key the store does
// not read (skipped) and for subsegments.
func (m *members) field(key string) *string {
	switch key {
	case "id":
		return &m.id
	case "name":
		return &m.name
	case "type":
		return &m.typ
	case "trace_id":
		return &m.traceID
	case "parent_id":
		return &m.parentID
	case "origin":
		return &m.origin
	case "namespace":
		return &m.namespace
	case "user":
		return &m.user
	case "resource_arn":
		return &m.resourceARN
	case "start_time":
		return &m.startTime
	case "end_time":
		return &m.endTime
	case "in_progress":
		return &m.inProgress
	case "error":
		return &m.errorFlag
	case "fault":
		return &m.fault
	case "throttle":
		return &m.throttle
	case "http":
		return &m.http
	case "annotations":
		return &m.annotations
	case "links":
		return &m.links
	case "cause":
		return &m.cause
	}
	return nil
}
