package s3

import (
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/awsfake/awsfake/internal/protocol"
)

// The wire table's answer to a request depends only on its method, the
// shape of its address (service, bucket or object) and which of the
// table's query and header conditions it meets; match remembers the
// answers by those, so that a request costs a few map lookups rather than
// a walk of the table (Routes.Match builds the labels of every row whose
// path matches, and S3 has a hundred rows on two paths).

// condition is one query or header condition of the table, as a bit.
type condition struct {
	value    string // the value a "name=value" condition asks for
	hasValue bool
	bit      uint64
}

// queryConditions and headerConditions are the table's conditions by
// name; a request's conditions are the OR of the bits it meets.
var queryConditions, headerConditions = conditionsOf(table)

func conditionsOf(rows []protocol.Route[handler]) (query, header map[string][]condition) {
	query, header = map[string][]condition{}, map[string][]condition{}
	bits := map[string]uint64{}
	bitOf := func(kind, cond string) uint64 {
		if b, ok := bits[kind+cond]; ok {
			return b
		}
		if len(bits) == 64 {
			panic(fmt.Sprintf("s3: more than 64 route conditions (%s)", cond))
		}
		b := uint64(1) << len(bits)
		bits[kind+cond] = b
		return b
	}
	for _, r := range rows {
		for _, c := range r.Query {
			if _, seen := bits["?"+c]; seen {
				continue
			}
			name, value, hasValue := strings.Cut(c, "=")
			query[name] = append(query[name], condition{value: value, hasValue: hasValue, bit: bitOf("?", c)})
		}
		for _, name := range r.Header {
			if _, seen := bits[":"+name]; seen {
				continue
			}
			key := http.CanonicalHeaderKey(name)
			header[key] = append(header[key], condition{bit: bitOf(":", name)})
		}
	}
	return query, header
}

// conditionsMet returns the bits of the conditions t and h meet, as
// Routes.Match reads them: a query member present (with the value asked
// for, in its first value), a header not empty.
func conditionsMet(t target, h http.Header) uint64 {
	var met uint64
	for name, got := range t.query {
		for _, c := range queryConditions[name] {
			if !c.hasValue || len(got) > 0 && got[0] == c.value {
				met |= c.bit
			}
		}
	}
	for name, cs := range headerConditions {
		if h.Get(name) != "" {
			for _, c := range cs {
				met |= c.bit
			}
		}
	}
	return met
}

// matchKey is what decides a match.
type matchKey struct {
	method string
	shape  int // how many segments the address has: 0, 1 or 2
	met    uint64
}

type matched struct {
	route *protocol.Route[handler]
	known bool
}

// maxMatches bounds what match remembers: a client inventing methods and
// sub-resources costs a walk of the table, not memory.
const maxMatches = 4096

var (
	matchesMu sync.RWMutex
	matches   = map[matchKey]matched{}
)

// match is routes.Match for the request to t, remembered: the route, or
// nil and whether some route serves the path.
func match(method string, t target, h http.Header) (*protocol.Route[handler], bool) {
	segs := t.segments()
	k := matchKey{method: method, shape: len(segs), met: conditionsMet(t, h)}
	matchesMu.RLock()
	m, ok := matches[k]
	matchesMu.RUnlock()
	if ok {
		return m.route, m.known
	}
	rt, _, known := routes.Match(method, segs, t.query, h)
	matchesMu.Lock()
	if len(matches) < maxMatches {
		matches[k] = matched{route: rt, known: known}
	}
	matchesMu.Unlock()
	return rt, known
}
