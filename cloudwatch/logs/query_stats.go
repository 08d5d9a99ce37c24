package logs

import (
	"math"
	"slices"
	"strings"
)

// bucket is one group of stats: its by values and its rows.
type bucket struct {
	keys []val
	rows []row
}

// runStats aggregates rows by the by expressions: one row a group, with
// the by values and the aggregates, groups in ascending order of their
// by values.
func runStats(rows []row, c statsCmd) []row {
	index := map[string]*bucket{}
	var order []*bucket
	for _, r := range rows {
		keys := make([]val, len(c.by))
		var id strings.Builder
		for i, b := range c.by {
			keys[i] = b.x.eval(r)
			id.WriteString(str(keys[i]))
			id.WriteByte(0)
		}
		bk := index[id.String()]
		if bk == nil {
			bk = &bucket{keys: keys}
			index[id.String()] = bk
			order = append(order, bk)
		}
		bk.rows = append(bk.rows, r)
	}
	if len(c.by) == 0 && len(order) == 0 {
		order = append(order, &bucket{})
	}
	slices.SortStableFunc(order, func(a, b *bucket) int {
		for i := range a.keys {
			if c := compareNil(a.keys[i], b.keys[i]); c != 0 {
				return c
			}
		}
		return 0
	})
	out := make([]row, 0, len(order))
	for _, bk := range order {
		r := row{}
		for i, b := range c.by {
			setField(r, b.name, bk.keys[i])
		}
		for _, a := range c.aggs {
			setField(r, a.name, a.apply(bk.rows))
		}
		out = append(out, r)
	}
	return out
}

func compareNil(a, b val) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return compare(a, b)
}

// apply computes the aggregate over a group's rows; nil when it has no
// value (no number to sum, say).
func (a aggregate) apply(rows []row) val {
	switch a.fn {
	case "count":
		n := 0
		for _, r := range rows {
			if a.arg == nil || a.arg.eval(r) != nil {
				n++
			}
		}
		return float64(n)
	case "count_distinct":
		seen := map[string]bool{}
		for _, r := range rows {
			if v := a.arg.eval(r); v != nil {
				seen[str(v)] = true
			}
		}
		return float64(len(seen))
	case "earliest", "latest":
		return a.edge(rows)
	}
	xs, allTs := a.numbers(rows)
	if len(xs) == 0 {
		return nil
	}
	v := reduce(a.fn, xs, a.pct)
	if allTs && (a.fn == "min" || a.fn == "max" || a.fn == "pct") {
		return ts(v)
	}
	return v
}

// numbers are the numeric values of the argument, and whether all of
// them are timestamps.
func (a aggregate) numbers(rows []row) ([]float64, bool) {
	var xs []float64
	allTs := true
	for _, r := range rows {
		v := a.arg.eval(r)
		if f, ok := num(v); ok {
			xs = append(xs, f)
			_, isTs := v.(ts)
			allTs = allTs && isTs
		}
	}
	return xs, allTs
}

// reduce is sum, avg, min, max, stddev (the sample's) or pct (the
// nearest rank) of xs, which is not empty.
func reduce(fn string, xs []float64, pct float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / float64(len(xs))
	switch fn {
	case "sum":
		return sum
	case "avg":
		return mean
	case "min":
		return slices.Min(xs)
	case "max":
		return slices.Max(xs)
	case "stddev":
		if len(xs) < 2 {
			return 0
		}
		var ss float64
		for _, x := range xs {
			ss += (x - mean) * (x - mean)
		}
		return math.Sqrt(ss / float64(len(xs)-1))
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(pct/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

// edge is earliest or latest: the argument's value in the group's row
// with the smallest or largest @timestamp.
func (a aggregate) edge(rows []row) val {
	var best val
	var bestTs float64
	found := false
	for _, r := range rows {
		v := a.arg.eval(r)
		t, ok := num(r["@timestamp"])
		if v == nil || !ok {
			continue
		}
		if !found || a.fn == "earliest" && t < bestTs || a.fn == "latest" && t >= bestTs {
			best, bestTs, found = v, t, true
		}
	}
	return best
}
