package logs

import (
	"slices"
	"sort"
	"strings"
)

// runResult is what running a query over its records gives: the rows
// with their displayed fields in order, and the records matched.
type runResult struct {
	rows    [][]ResultField
	matched int
}

// runner is the state of one run of a query.
type runner struct {
	rows    []row
	display []string // the fields shown, nil for all of them
	matched int
	stats   bool
	limited bool
	maxRows int
}

// run runs q over records (newest first) and shapes its rows as
// GetQueryResults does; limit is StartQuery's, 0 for the default.
func (q *query) run(records []row, limit int) runResult {
	rn := &runner{rows: records, matched: len(records), maxRows: defaultQueryLimit}
	if limit > 0 {
		rn.maxRows = limit
	}
	for _, c := range q.cmds {
		rn.apply(c)
	}
	if !rn.limited && len(rn.rows) > rn.maxRows {
		rn.rows = rn.rows[:rn.maxRows]
	}
	out := runResult{matched: rn.matched, rows: make([][]ResultField, 0, len(rn.rows))}
	for _, r := range rn.rows {
		out.rows = append(out.rows, rn.shape(r))
	}
	return out
}

func (rn *runner) apply(c command) {
	switch c := c.(type) {
	case fieldsCmd:
		for _, r := range rn.rows {
			for _, it := range c.items {
				setField(r, it.name, it.x.eval(r))
			}
		}
		for _, it := range c.items {
			if !slices.Contains(rn.display, it.name) {
				rn.display = append(rn.display, it.name)
			}
		}
	case displayCmd:
		rn.display = slices.Clone(c.names)
	case filterCmd:
		rn.rows = slices.DeleteFunc(rn.rows, func(r row) bool { return !truthy(c.cond.eval(r)) })
		rn.count()
	case parseCmd:
		for _, r := range rn.rows {
			parseInto(r, c)
		}
	case sortCmd:
		sortRows(rn.rows, c.keys)
	case limitCmd:
		rn.limited = true
		if len(rn.rows) > c.n {
			rn.rows = rn.rows[:c.n]
		}
	case dedupCmd:
		rn.rows = dedup(rn.rows, c.names)
		rn.count()
	case statsCmd:
		rn.count()
		rn.stats = true
		rn.rows = runStats(rn.rows, c)
		rn.display = nil
		for _, b := range c.by {
			rn.display = append(rn.display, b.name)
		}
		for _, a := range c.aggs {
			rn.display = append(rn.display, a.name)
		}
	}
}

// count records the rows matched so far, until stats aggregates them.
func (rn *runner) count() {
	if !rn.stats {
		rn.matched = len(rn.rows)
	}
}

func setField(r row, name string, v val) {
	if v == nil {
		delete(r, name)
		return
	}
	r[name] = v
}

// parseInto sets the fields a parse command extracts from a row; a row
// the pattern does not match gets none.
func parseInto(r row, c parseCmd) {
	v := c.src.eval(r)
	if v == nil {
		return
	}
	m := c.re.FindStringSubmatch(str(v))
	if m == nil {
		return
	}
	if c.re.NumSubexp() == len(c.names) && !hasNames(c.re.SubexpNames()) {
		for i, n := range c.names {
			r[n] = m[i+1]
		}
		return
	}
	for i, n := range c.re.SubexpNames() {
		if n != "" && i < len(m) {
			r[n] = m[i]
		}
	}
}

func hasNames(names []string) bool {
	for _, n := range names {
		if n != "" {
			return true
		}
	}
	return false
}

// sortRows sorts stably by the keys; a row without a key sorts last.
func sortRows(rows []row, keys []sortKey) {
	sort.SliceStable(rows, func(i, j int) bool {
		for _, k := range keys {
			a, b := k.x.eval(rows[i]), k.x.eval(rows[j])
			switch {
			case a == nil && b == nil:
				continue
			case a == nil:
				return false
			case b == nil:
				return true
			}
			if c := compare(a, b); c != 0 {
				return c < 0 != k.desc
			}
		}
		return false
	})
}

// dedup keeps the first row of each combination of the fields; a row
// missing one of them is kept (null values are not duplicates).
func dedup(rows []row, names []string) []row {
	seen := map[string]bool{}
	out := rows[:0:0]
	for _, r := range rows {
		var key strings.Builder
		missing := false
		for _, n := range names {
			v, ok := r[n]
			if !ok {
				missing = true
				break
			}
			key.WriteString(str(v))
			key.WriteByte(0)
		}
		if !missing {
			if seen[key.String()] {
				continue
			}
			seen[key.String()] = true
		}
		out = append(out, r)
	}
	return out
}

// builtinOrder is the order of the discovered fields of an event when no
// command chooses the fields.
var builtinOrder = []string{"@timestamp", "@message", "@logStream", "@log"}

// shape is a row as GetQueryResults returns it: the displayed fields it
// has, then @ptr for an event's row.
func (rn *runner) shape(r row) []ResultField {
	names := rn.display
	if names == nil {
		names = allFields(r)
	}
	out := make([]ResultField, 0, len(names)+1)
	for _, n := range names {
		if v, ok := r[n]; ok && n != "@ptr" {
			out = append(out, ResultField{Field: n, Value: str(v)})
		}
	}
	if p, ok := r["@ptr"]; ok && !rn.stats {
		out = append(out, ResultField{Field: "@ptr", Value: str(p)})
	}
	return out
}

// allFields are a row's fields: the builtin ones, then the others by
// name; @ingestionTime and @ptr are not among them.
func allFields(r row) []string {
	var rest []string
	for n := range r {
		if !slices.Contains(builtinOrder, n) && n != "@ptr" && n != "@ingestionTime" {
			rest = append(rest, n)
		}
	}
	slices.Sort(rest)
	return append(slices.Clone(builtinOrder), rest...)
}
