package cloudwatch

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// metric is one metric: its identity and, per unit, the data sent with
// that unit (AWS keeps the units apart: a query with a Unit reads only
// that unit's data).
type metric struct {
	ns, name string
	dims     []Dimension // sorted by name
	units    map[string]*timeline
	// lastPut is when data last came, on the cloud clock: ListMetrics
	// omits metrics without data for two weeks, RecentlyActive reads it.
	lastPut time.Time
}

// metricKey is a metric's identity: namespace, name and its dimensions in
// name order (their order in a request does not matter).
func metricKey(ns, name string, dims []Dimension) string {
	var b strings.Builder
	b.WriteString(ns)
	b.WriteByte(0)
	b.WriteString(name)
	for _, d := range dims {
		b.WriteByte(0)
		b.WriteString(d.Name)
		b.WriteByte(1)
		b.WriteString(d.Value)
	}
	return b.String()
}

// sortedDims returns dims sorted by name (a copy).
func sortedDims(dims []Dimension) []Dimension {
	out := slices.Clone(dims)
	slices.SortFunc(out, func(a, b Dimension) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// bucket aggregates the values of one instant (a second for high-resolution
// data, a minute for standard data, coarser once rolled up).
type bucket struct {
	t                int64 // Unix seconds
	n, sum, min, max float64
	// dist is the distribution (value, count pairs) from which percentiles
	// come; statOnly is set when part of the bucket came as StatisticValues,
	// neg when a value was negative: percentiles are then unavailable.
	dist          []valueCount
	statOnly, neg bool
}

type valueCount struct{ v, c float64 }

// add merges one value sent c times.
func (b *bucket) add(v, c float64) {
	b.addStats(c, v*c, v, v)
	if v < 0 {
		b.neg = true
	}
	if l := len(b.dist); l > 0 && b.dist[l-1].v == v {
		b.dist[l-1].c += c
		return
	}
	b.dist = append(b.dist, valueCount{v, c})
}

// addStats merges a statistic set.
func (b *bucket) addStats(n, sum, lo, hi float64) {
	if b.n == 0 {
		b.min, b.max = lo, hi
	} else {
		b.min, b.max = min(b.min, lo), max(b.max, hi)
	}
	b.n += n
	b.sum += sum
}

// merge adds o into b.
func (b *bucket) merge(o *bucket) {
	b.addStats(o.n, o.sum, o.min, o.max)
	b.dist = append(b.dist, o.dist...)
	b.statOnly = b.statOnly || o.statOnly
	b.neg = b.neg || o.neg
}

// timeline is one metric's data in one unit, sorted by time: reading a
// window finds its first bucket by binary search and reads what the window
// holds.
type timeline struct {
	b []bucket
	// rolled[i] is the instant before which tier i (rollups) is done;
	// agedAt is when the tiers were last applied.
	rolled [len(rollups)]int64
	agedAt int64
}

// at returns the bucket of instant t, created in order.
func (tl *timeline) at(t int64) *bucket {
	i := tl.search(t)
	if i < len(tl.b) && tl.b[i].t == t {
		return &tl.b[i]
	}
	tl.b = slices.Insert(tl.b, i, bucket{t: t})
	return &tl.b[i]
}

// search is the index of the first bucket at or after t.
func (tl *timeline) search(t int64) int {
	n := len(tl.b)
	if n == 0 || tl.b[n-1].t < t {
		return n
	}
	return sort.Search(n, func(i int) bool { return tl.b[i].t >= t })
}

// AWS's retention (GetMetricStatistics' doc): data points with a period
// under 60 s are kept 3 hours, 60 s for 15 days, 5 minutes for 63 days and
// 1 hour for 455 days (15 months). Older data is rolled up into the
// coarser period, and dropped after 455 days.
var rollups = [...]struct {
	age, gran int64
}{
	{63 * 86400, 3600},
	{15 * 86400, 300},
	{3 * 3600, 60},
}

// retention is how long data is kept at all.
const retention = 455 * 86400

// age applies retention and roll-up as of now, at most once a minute of
// the clock, each time over the data that aged since the last time.
func (tl *timeline) age(now int64) {
	if now-tl.agedAt < 60 {
		return
	}
	tl.agedAt = now
	if i := tl.search(now - retention); i > 0 {
		tl.b = slices.Delete(tl.b, 0, i)
	}
	for k, r := range rollups {
		end := now - r.age
		if end <= tl.rolled[k] {
			continue
		}
		tl.compact(tl.rolled[k]-r.gran, end, r.gran)
		tl.rolled[k] = end
	}
}

// compact merges the buckets in [from, end) into buckets of gran seconds.
func (tl *timeline) compact(from, end, gran int64) {
	lo, hi := tl.search(from), tl.search(end)
	if hi-lo < 2 {
		return
	}
	out := make([]bucket, 0, hi-lo)
	for _, b := range tl.b[lo:hi] {
		t := b.t - mod(b.t, gran)
		if l := len(out); l > 0 && out[l-1].t == t {
			out[l-1].merge(&b)
			continue
		}
		b.t = t
		out = append(out, b)
	}
	tl.b = slices.Concat(tl.b[:lo], out, tl.b[hi:])
}

// mod is a non-negative remainder.
func mod(a, b int64) int64 {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}
