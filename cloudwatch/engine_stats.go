package cloudwatch

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// window aggregates the buckets of tls in [start, end) into periods of
// period seconds starting at start: the non-empty periods in time order,
// each with its start in t. withDist keeps the distributions (for
// percentiles). It reads only the buckets the window holds.
func window(tls []*timeline, start, end, period int64, withDist bool) []bucket {
	out := make([]bucket, 0, periodsHeld(tls, start, end, period))
	var index map[int64]int // the periods of several timelines
	if len(tls) > 1 {
		index = map[int64]int{}
	}
	for _, tl := range tls {
		for i := tl.search(start); i < len(tl.b) && tl.b[i].t < end; i++ {
			b := &tl.b[i]
			t := start + (b.t-start)/period*period
			k, ok := len(out)-1, len(out) > 0 && out[len(out)-1].t == t
			if index != nil {
				k, ok = index[t]
			}
			if !ok {
				k = len(out)
				if index != nil {
					index[t] = k
				}
				out = append(out, bucket{t: t})
			}
			out[k].add1(b, withDist)
		}
	}
	if len(tls) > 1 {
		slices.SortFunc(out, func(a, b bucket) int { return cmp.Compare(a.t, b.t) })
	}
	return out
}

// periodsHeld bounds the number of periods window returns: the buckets
// in [start, end), at most the periods of the window.
func periodsHeld(tls []*timeline, start, end, period int64) int {
	held := 0
	for _, tl := range tls {
		held += max(tl.search(end)-tl.search(start), 0)
	}
	return max(min(held, int((end-start+period-1)/period)), 0)
}

// periods calls yield with each period of window(tls, start, end, period,
// withDist) in time order. Over one timeline (one unit: the common case)
// it aggregates in place, without the slice of periods; the bucket
// yielded is reused after yield returns.
func periods(tls []*timeline, start, end, period int64, withDist bool, yield func(*bucket)) {
	if len(tls) != 1 {
		w := window(tls, start, end, period, withDist)
		for i := range w {
			yield(&w[i])
		}
		return
	}
	tl, cur := tls[0], bucket{t: math.MinInt64}
	for i := tl.search(start); i < len(tl.b) && tl.b[i].t < end; i++ {
		b := &tl.b[i]
		if t := start + (b.t-start)/period*period; t != cur.t {
			if cur.t != math.MinInt64 {
				yield(&cur)
			}
			cur = bucket{t: t, dist: cur.dist[:0]}
		}
		cur.add1(b, withDist)
	}
	if cur.t != math.MinInt64 {
		yield(&cur)
	}
}

// add1 adds a stored bucket into the period p.
func (p *bucket) add1(b *bucket, withDist bool) {
	p.addStats(b.n, b.sum, b.min, b.max)
	p.statOnly, p.neg = p.statOnly || b.statOnly, p.neg || b.neg
	if withDist {
		p.dist = append(p.dist, b.dist...)
	}
}

// standardStats are the statistics of the Statistic enum.
var standardStats = map[string]bool{"SampleCount": true, "Average": true, "Sum": true, "Minimum": true, "Maximum": true}

// basic returns a standard statistic of b.
func basic(b *bucket, stat string) float64 {
	switch stat {
	case "SampleCount":
		return b.n
	case "Sum":
		return b.sum
	case "Minimum":
		return b.min
	case "Maximum":
		return b.max
	}
	return b.sum / b.n
}

// extStat is a parsed extended statistic: p, tm, wm, tc, ts or pr with
// its bounds, as percentages or (abs) as values.
type extStat struct {
	kind   string
	lo, hi float64
	abs    bool
}

var (
	shortStat = regexp.MustCompile(`^(p|tm|wm|tc|ts|pr)(\d{1,3}(?:\.\d{1,10})?)?(?::(\d{1,3}(?:\.\d{1,10})?))?$`)
	longStat  = regexp.MustCompile(`^(TM|WM|TC|TS|PR)\(([-\d.eE]*)(%?):([-\d.eE]*)(%?)\)$`)
)

// parseExt parses an extended statistic in AWS's forms: p90, p99.9, tm90
// (the lowest 90%), tm10:90, TM(10%:90%), TM(:95%), TM(150:1000) (values),
// PR(:300), and IQM (tm25:75). ok is false for anything else.
func parseExt(s string) (extStat, bool) {
	if s == "IQM" {
		return extStat{kind: "tm", lo: 25, hi: 75}, true
	}
	if m := shortStat.FindStringSubmatch(s); m != nil && m[2] != "" {
		a, _ := strconv.ParseFloat(m[2], 64)
		e := extStat{kind: m[1], hi: a}
		if m[3] != "" {
			b, _ := strconv.ParseFloat(m[3], 64)
			e.lo, e.hi = a, b
		}
		if e.kind == "p" && m[3] != "" || e.kind == "pr" && m[3] == "" {
			return e, false
		}
		return e, e.lo <= e.hi && e.hi <= 100
	}
	m := longStat.FindStringSubmatch(s)
	if m == nil || m[2] == "" && m[4] == "" {
		return extStat{}, false
	}
	e := extStat{kind: strings.ToLower(m[1]), lo: math.Inf(-1), hi: math.Inf(1), abs: m[3] == "" && m[5] == ""}
	if !e.abs && (m[2] != "" && m[3] == "" || m[4] != "" && m[5] == "") {
		return e, false // percentages and values mixed
	}
	if !e.abs {
		e.lo, e.hi = 0, 100
	}
	for i, v := range []string{m[2], m[4]} {
		if v == "" {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return e, false
		}
		if i == 0 {
			e.lo = f
		} else {
			e.hi = f
		}
	}
	return e, e.lo <= e.hi && (e.abs || e.hi <= 100) && (e.kind != "pr" || e.abs)
}

// value computes e over b's distribution; ok is false when percentiles
// are unavailable (negative values, StatisticValues) or b is empty.
func (e extStat) value(b *bucket) (float64, bool) {
	if b.statOnly || b.neg || len(b.dist) == 0 {
		return 0, false
	}
	d := slices.Clone(b.dist)
	slices.SortFunc(d, func(x, y valueCount) int { return cmp.Compare(x.v, y.v) })
	if e.kind == "p" {
		return percentile(d, b.n, e.hi), true
	}
	lo, hi := e.lo, e.hi
	if !e.abs {
		lo, hi = math.Inf(-1), percentile(d, b.n, e.hi)
		if e.lo > 0 {
			lo = percentile(d, b.n, e.lo)
		}
	}
	var n, sum float64
	inLo, inHi := math.Inf(1), math.Inf(-1) // the smallest and largest values kept
	for _, x := range d {
		if x.v > lo && x.v <= hi {
			n += x.c
			sum += x.v * x.c
			inLo, inHi = min(inLo, x.v), max(inHi, x.v)
		}
	}
	// wm counts the values outside the range at its nearest kept value.
	wsum := sum
	for _, x := range d {
		switch {
		case x.v <= lo:
			wsum += inLo * x.c
		case x.v > hi:
			wsum += inHi * x.c
		}
	}
	switch e.kind {
	case "tc":
		return n, true
	case "ts":
		return sum, true
	case "pr":
		return 100 * n / b.n, true
	}
	if n == 0 {
		return 0, false
	}
	if e.kind == "wm" {
		return wsum / b.n, true
	}
	return sum / n, true
}

// percentile is the nearest-rank p-th percentile of the sorted
// distribution d of total count n: the smallest value with at least p% of
// the values at or below it.
func percentile(d []valueCount, n, p float64) float64 {
	target := p / 100 * n
	var cum float64
	for _, x := range d {
		cum += x.c
		if cum >= target && cum > 0 {
			return x.v
		}
	}
	return d[len(d)-1].v
}
