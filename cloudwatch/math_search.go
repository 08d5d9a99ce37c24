package cloudwatch

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// callSearch is SEARCH('search expression', 'Statistic', period).
func (e *mathEnv) callSearch(n *node) (mval, error) {
	if len(n.args) != 3 || n.args[0].kind != nStr || n.args[1].kind != nStr || n.args[2].kind != nNum {
		return mval{}, fmt.Errorf("SEARCH takes a search expression, a statistic and a period")
	}
	if _, ok := parseExt(n.args[1].str); !ok && !standardStats[n.args[1].str] {
		return mval{}, fmt.Errorf("Invalid statistic %s in SEARCH", n.args[1].str)
	}
	p := int64(n.args[2].num)
	if p <= 0 || p%60 != 0 && p != 1 && p != 5 && p != 10 && p != 20 && p != 30 {
		return mval{}, fmt.Errorf("Invalid period %v in SEARCH", n.args[2].num)
	}
	ss, err := e.search(n.args[0].str, n.args[1].str, p)
	if err != nil {
		return mval{}, err
	}
	return arrayOf(ss), nil
}

// searchTerm is one term of a search expression: key="value" (an exact
// MetricName, Namespace or dimension value) or a bare word or phrase that
// matches part of any of them, case-insensitively.
type searchTerm struct{ key, value string }

// searchQuery is a parsed search expression: an optional schema
// {Namespace,Dim1,...} (the metric has exactly those dimensions) and terms
// that must all match.
type searchQuery struct {
	schema []string
	terms  []searchTerm
}

// parseSearch parses a search expression.
func parseSearch(src string) (searchQuery, error) {
	var q searchQuery
	s := strings.TrimSpace(src)
	if strings.HasPrefix(s, "{") {
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return q, fmt.Errorf("Unterminated schema in search expression")
		}
		for _, f := range strings.Split(s[1:end], ",") {
			q.schema = append(q.schema, strings.Trim(strings.TrimSpace(f), `"`))
		}
		s = s[end+1:]
	}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		word, rest, err := searchWord(s)
		if err != nil {
			return q, err
		}
		if strings.HasPrefix(rest, "=") {
			val, r2, err := searchWord(rest[1:])
			if err != nil {
				return q, err
			}
			q.terms = append(q.terms, searchTerm{word, val})
			s = r2
			continue
		}
		q.terms = append(q.terms, searchTerm{"", word})
		s = rest
	}
	if len(q.schema) == 0 && len(q.terms) == 0 {
		return q, fmt.Errorf("The search expression is empty")
	}
	return q, nil
}

// searchWord reads a quoted phrase or a word up to a space or '='.
func searchWord(s string) (string, string, error) {
	if strings.HasPrefix(s, `"`) {
		end := strings.IndexByte(s[1:], '"')
		if end < 0 {
			return "", "", fmt.Errorf("Unterminated phrase in search expression")
		}
		return s[1 : end+1], s[end+2:], nil
	}
	end := strings.IndexAny(s, " =")
	if end < 0 {
		end = len(s)
	}
	if end == 0 {
		return "", "", fmt.Errorf("Unexpected '=' in search expression")
	}
	return s[:end], s[end:], nil
}

// matches reports whether m is found by q.
func (q searchQuery) matches(m *metric) bool {
	if len(q.schema) > 0 {
		if m.ns != q.schema[0] || len(m.dims) != len(q.schema)-1 {
			return false
		}
		for _, d := range q.schema[1:] {
			if !slices.ContainsFunc(m.dims, func(x Dimension) bool { return x.Name == d }) {
				return false
			}
		}
	}
	for _, t := range q.terms {
		if !t.matches(m) {
			return false
		}
	}
	return true
}

func (t searchTerm) matches(m *metric) bool {
	switch t.key {
	case "MetricName":
		return m.name == t.value
	case "Namespace":
		return m.ns == t.value
	case "":
		w := strings.ToLower(t.value)
		if strings.Contains(strings.ToLower(m.name), w) || strings.Contains(strings.ToLower(m.ns), w) {
			return true
		}
		return slices.ContainsFunc(m.dims, func(d Dimension) bool {
			return strings.Contains(strings.ToLower(d.Name), w) || strings.Contains(strings.ToLower(d.Value), w)
		})
	}
	return slices.ContainsFunc(m.dims, func(d Dimension) bool { return d.Name == t.key && d.Value == t.value })
}

// search runs a SEARCH over the stored metrics: one series per metric
// found (in name order), labelled with its dimension values and name.
// The caller holds s.mu.
func (p *partition) search(expr, stat string, period, start, end int64, now time.Time) ([]series, error) {
	q, err := parseSearch(expr)
	if err != nil {
		return nil, err
	}
	var found []*metric
	for _, m := range p.metrics {
		if q.matches(m) {
			found = append(found, m)
		}
	}
	slices.SortFunc(found, func(a, b *metric) int {
		return strings.Compare(metricKey(a.ns, a.name, a.dims), metricKey(b.ns, b.name, b.dims))
	})
	var out []series
	for _, m := range found {
		ms := &MetricStat{Metric: Metric{Namespace: m.ns, MetricName: m.name, Dimensions: m.dims}, Period: int32(period), Stat: stat}
		label := m.name
		for _, d := range m.dims {
			label = d.Value + " " + label
		}
		out = append(out, p.fetch(ms, "", label, start, end, now))
	}
	return out, nil
}
