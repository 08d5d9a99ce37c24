package cloudwatch

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// insightsQuery is a parsed Metrics Insights query: SELECT FUNC(metric)
// FROM namespace | SCHEMA(namespace, dims...) [WHERE dim = 'v' AND ...]
// [GROUP BY dims] [ORDER BY FUNC() ASC|DESC] [LIMIT n].
type insightsQuery struct {
	fn, metric string
	ns         string
	schema     []string // nil: any dimensions
	where      []insightsCond
	groupBy    []string
	orderDesc  *bool
	limit      int
}

type insightsCond struct {
	dim, value string
	not        bool
}

var insightsRE = regexp.MustCompile(`(?is)^\s*SELECT\s+(AVG|COUNT|MAX|MIN|SUM)\s*\(\s*("[^"]*"|\w+)\s*\)\s+FROM\s+(SCHEMA\s*\(([^)]*)\)|"[^"]*"|[\w/.\-]+)` +
	`(?:\s+WHERE\s+(.+?))?(?:\s+GROUP\s+BY\s+(.+?))?(?:\s+ORDER\s+BY\s+(AVG|COUNT|MAX|MIN|SUM)\s*\(\s*\)\s*(ASC|DESC)?)?(?:\s+LIMIT\s+(\d+))?\s*$`)

var condRE = regexp.MustCompile(`^\s*("[^"]*"|\w+)\s*(=|!=)\s*'([^']*)'\s*$`)

// isInsights reports whether an expression is a Metrics Insights query.
func isInsights(e string) bool {
	return len(e) >= 6 && strings.EqualFold(strings.TrimSpace(e)[:min(6, len(strings.TrimSpace(e)))], "SELECT")
}

func unquote(s string) string { return strings.Trim(strings.TrimSpace(s), `"`) }

// parseInsights parses a Metrics Insights query.
func parseInsights(src string) (insightsQuery, error) {
	m := insightsRE.FindStringSubmatch(src)
	if m == nil {
		return insightsQuery{}, fmt.Errorf("The Metrics Insights query is not valid")
	}
	q := insightsQuery{fn: strings.ToUpper(m[1]), metric: unquote(m[2]), ns: unquote(m[3])}
	if strings.HasPrefix(strings.ToUpper(m[3]), "SCHEMA") {
		parts := strings.Split(m[4], ",")
		q.ns, q.schema = unquote(parts[0]), []string{}
		for _, d := range parts[1:] {
			q.schema = append(q.schema, unquote(d))
		}
	}
	if m[5] != "" {
		for _, c := range regexp.MustCompile(`(?i)\s+AND\s+`).Split(m[5], -1) {
			cm := condRE.FindStringSubmatch(c)
			if cm == nil {
				return q, fmt.Errorf("The WHERE clause %q is not valid", c)
			}
			q.where = append(q.where, insightsCond{dim: unquote(cm[1]), value: cm[3], not: cm[2] == "!="})
		}
	}
	if m[6] != "" {
		for _, g := range strings.Split(m[6], ",") {
			q.groupBy = append(q.groupBy, unquote(g))
		}
	}
	if m[7] != "" {
		desc := strings.EqualFold(m[8], "DESC")
		q.orderDesc = &desc
	}
	if m[9] != "" {
		q.limit, _ = strconv.Atoi(m[9])
	}
	return q, nil
}

func dimValue(m *metric, name string) (string, bool) {
	for _, d := range m.dims {
		if d.Name == name {
			return d.Value, true
		}
	}
	return "", false
}

// matches reports whether the metric is in the query's FROM and WHERE.
func (q insightsQuery) matches(m *metric) bool {
	if m.ns != q.ns || m.name != q.metric {
		return false
	}
	if q.schema != nil && (len(m.dims) != len(q.schema) ||
		slices.ContainsFunc(q.schema, func(d string) bool { _, ok := dimValue(m, d); return !ok })) {
		return false
	}
	for _, c := range q.where {
		v, ok := dimValue(m, c.dim)
		if (ok && v == c.value) == c.not {
			return false
		}
	}
	return true
}

// insights answers a Metrics Insights query over the stored metrics: a
// series per group (one when there is no GROUP BY) of the function over
// every data point of the group's metrics in each period. The caller
// holds s.mu.
func (p *partition) insights(src string, period, start, end int64, now time.Time) ([]series, error) {
	q, err := parseInsights(src)
	if err != nil {
		return nil, err
	}
	type group struct {
		label   string
		buckets map[int64]*bucket
	}
	groups := map[string]*group{}
	for _, m := range p.metrics {
		if !q.matches(m) {
			continue
		}
		var vals []string
		for _, g := range q.groupBy {
			v, _ := dimValue(m, g)
			vals = append(vals, v)
		}
		key := strings.Join(vals, " ")
		if groups[key] == nil {
			label := key
			if label == "" {
				label = q.metric
			}
			groups[key] = &group{label: label, buckets: map[int64]*bucket{}}
		}
		var tls []*timeline
		for _, u := range sortedUnits(m, "") {
			m.units[u].age(now.Unix())
			tls = append(tls, m.units[u])
		}
		for _, b := range window(tls, start, end, period, false) {
			if groups[key].buckets[b.t] == nil {
				groups[key].buckets[b.t] = &bucket{t: b.t}
			}
			groups[key].buckets[b.t].addStats(b.n, b.sum, b.min, b.max)
		}
	}
	stat := map[string]string{"AVG": "Average", "COUNT": "SampleCount", "MAX": "Maximum", "MIN": "Minimum", "SUM": "Sum"}[q.fn]
	var out []series
	for _, g := range groups {
		s := series{label: g.label}
		for _, t := range slices.Sorted(func(yield func(int64) bool) {
			for t := range g.buckets {
				if !yield(t) {
					return
				}
			}
		}) {
			s.ts, s.vs = append(s.ts, t), append(s.vs, basic(g.buckets[t], stat))
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b series) int { return strings.Compare(a.label, b.label) })
	if q.orderDesc != nil {
		f := reducers[map[string]string{"AVG": "AVG", "COUNT": "SUM", "MAX": "MAX", "MIN": "MIN", "SUM": "SUM"}[q.fn]]
		key := func(s series) float64 { return f(s.vs) }
		slices.SortStableFunc(out, func(a, b series) int {
			if *q.orderDesc {
				return cmp.Compare(key(b), key(a))
			}
			return cmp.Compare(key(a), key(b))
		})
	}
	if q.limit > 0 && q.limit < len(out) {
		out = out[:q.limit]
	}
	return out, nil
}
