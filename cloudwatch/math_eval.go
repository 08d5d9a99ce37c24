package cloudwatch

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// series is one time series of metric math: its label and its points in
// time order (Unix seconds).
type series struct {
	id, label string
	ts        []int64
	vs        []float64
	// dropped is set when a point was dropped for a non-numeric result
	// (division by zero, NaN, infinity): the result carries AWS's
	// ArithmeticError message.
	dropped bool
	// props are the metric's properties for ${PROP('...')} labels
	// (MetricName, Namespace, Stat, Period, Dim.<name>): set on the
	// series of a metric, not on computed ones.
	props map[string]string
}

// mval is a metric math value: a scalar, a string (a function's
// argument), one series or an array of series.
type mval struct {
	kind  byte // 'n' scalar, 's' string, 'a' array (one series is an array of one, single set)
	num   float64
	str   string
	arr   []series
	multi bool // an array of series, not one series
}

func scalar(v float64) mval       { return mval{kind: 'n', num: v} }
func oneSeries(s series) mval     { return mval{kind: 'a', arr: []series{s}} }
func arrayOf(ss []series) mval    { return mval{kind: 'a', arr: ss, multi: true} }
func (v mval) isSeries() bool     { return v.kind == 'a' && !v.multi }
func (v mval) isArray() bool      { return v.kind == 'a' && v.multi }
func (v mval) isTimeValued() bool { return v.kind == 'a' }

// mathEnv is what an expression sees: the queries by Id, how each is
// computed, the grid of timestamps of the request and its period.
type mathEnv struct {
	queries  map[string]*MetricDataQuery
	order    []string // the MetricStat query Ids in request order
	fetch    func(q *MetricDataQuery) series
	search   func(expr, stat string, period int64) ([]series, error)
	insights func(query string, period int64) ([]series, error)
	done     map[string]mval
	busy     map[string]bool
	start    int64
	end      int64
	period   int64
}

// value evaluates the query id (a MetricStat or an Expression), once.
func (e *mathEnv) value(id string) (mval, error) {
	if v, ok := e.done[id]; ok {
		return v, nil
	}
	q := e.queries[id]
	if q == nil {
		return mval{}, fmt.Errorf("Unrecognized identifier %s", id)
	}
	if e.busy[id] {
		return mval{}, fmt.Errorf("Circular dependency on %s", id)
	}
	e.busy[id] = true
	defer delete(e.busy, id)
	var v mval
	switch {
	case q.MetricStat != nil:
		v = oneSeries(e.fetch(q))
	case isInsights(q.Expression):
		period := e.period
		if q.Period != nil && *q.Period > 0 {
			period = int64(*q.Period)
		}
		ss, err := e.insights(q.Expression, period)
		if err != nil {
			return mval{}, err
		}
		v = arrayOf(ss)
	default:
		n, err := parseExpression(q.Expression)
		if err != nil {
			return mval{}, err
		}
		if v, err = e.eval(n); err != nil {
			return mval{}, err
		}
	}
	e.done[id] = v
	return v, nil
}

// grid is every period start of the request's window.
func (e *mathEnv) grid() []int64 {
	var out []int64
	for t := e.start; t < e.end && len(out) < defaultMaxPoints; t += e.period {
		out = append(out, t)
	}
	return out
}

func (e *mathEnv) eval(n *node) (mval, error) {
	switch n.kind {
	case nNum:
		return scalar(n.num), nil
	case nStr:
		return mval{kind: 's', str: n.str}, nil
	case nName:
		return e.value(n.str)
	case nArray:
		var all []series
		for _, a := range n.args {
			v, err := e.eval(a)
			if err != nil {
				return mval{}, err
			}
			if !v.isTimeValued() {
				return mval{}, fmt.Errorf("An array must hold time series")
			}
			all = append(all, v.arr...)
		}
		return arrayOf(all), nil
	case nUnary:
		x, err := e.eval(n.args[0])
		if err != nil {
			return mval{}, err
		}
		if n.str == "-" {
			return pointwise(x, func(v float64) float64 { return -v })
		}
		return pointwise(x, func(v float64) float64 { return b2f(v == 0) })
	case nBinary:
		l, err := e.eval(n.args[0])
		if err != nil {
			return mval{}, err
		}
		r, err := e.eval(n.args[1])
		if err != nil {
			return mval{}, err
		}
		return binaryOp(n.str, l, r)
	}
	return e.call(n)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// pointwise applies f to a scalar or to every point of every series; the
// points where f is not a finite number are dropped.
func pointwise(x mval, f func(float64) float64) (mval, error) {
	switch x.kind {
	case 'n':
		return scalar(f(x.num)), nil
	case 's':
		return mval{}, fmt.Errorf("A string cannot be an operand")
	}
	return pointwiseOK(x, func(v float64) (float64, bool) {
		r := f(v)
		return r, !math.IsNaN(r) && !math.IsInf(r, 0)
	}), nil
}

// arith is one binary operator on two numbers; ok is false when the
// result is no data point (division by zero, as AWS drops it).
func arith(op string, a, b float64) (float64, bool) {
	var r float64
	switch op {
	case "+":
		r = a + b
	case "-":
		r = a - b
	case "*":
		r = a * b
	case "/":
		if b == 0 {
			return 0, false
		}
		r = a / b
	case "^":
		r = math.Pow(a, b)
	case "==":
		r = b2f(a == b)
	case "!=":
		r = b2f(a != b)
	case "<":
		r = b2f(a < b)
	case "<=":
		r = b2f(a <= b)
	case ">":
		r = b2f(a > b)
	case ">=":
		r = b2f(a >= b)
	case "&&":
		r = b2f(a != 0 && b != 0)
	case "||":
		r = b2f(a != 0 || b != 0)
	}
	return r, !math.IsNaN(r) && !math.IsInf(r, 0)
}

// binaryOp applies op to scalars, series and arrays: a scalar applies to
// every point; two series meet at the timestamps both have (a point in one
// only is dropped); an array with a series or scalar applies to each of
// its series; two arrays are refused, as AWS refuses them.
func binaryOp(op string, l, r mval) (mval, error) {
	if l.kind == 's' || r.kind == 's' {
		return mval{}, fmt.Errorf("A string cannot be an operand of %s", op)
	}
	if l.kind == 'n' && r.kind == 'n' {
		v, ok := arith(op, l.num, r.num)
		if !ok {
			v = math.NaN()
		}
		return scalar(v), nil
	}
	if l.isArray() && r.isArray() {
		return mval{}, fmt.Errorf("The operator %s cannot take two arrays of time series", op)
	}
	if l.kind == 'n' {
		return pointwiseOK(r, func(v float64) (float64, bool) { return arith(op, l.num, v) }), nil
	}
	if r.kind == 'n' {
		return pointwiseOK(l, func(v float64) (float64, bool) { return arith(op, v, r.num) }), nil
	}
	if r.isArray() {
		out := make([]series, len(r.arr))
		for i, s := range r.arr {
			out[i] = joinSeries(op, l.arr[0], s, s.id, s.label)
		}
		return arrayOf(out), nil
	}
	out := make([]series, len(l.arr))
	for i, s := range l.arr {
		out[i] = joinSeries(op, s, r.arr[0], s.id, s.label)
	}
	return mval{kind: 'a', arr: out, multi: l.multi}, nil
}

// pointwiseOK applies f to every point of every series of x, keeping
// the points where f is ok.
func pointwiseOK(x mval, f func(float64) (float64, bool)) mval {
	out := make([]series, len(x.arr))
	for i, s := range x.arr {
		o := series{id: s.id, label: s.label, dropped: s.dropped,
			ts: make([]int64, 0, len(s.ts)), vs: make([]float64, 0, len(s.vs))}
		for j, v := range s.vs {
			if r, ok := f(v); ok {
				o.ts, o.vs = append(o.ts, s.ts[j]), append(o.vs, r)
			} else {
				o.dropped = true
			}
		}
		out[i] = o
	}
	return mval{kind: 'a', arr: out, multi: x.multi}
}

// joinSeries applies op at the timestamps a and b share.
func joinSeries(op string, a, b series, id, label string) series {
	n := min(len(a.ts), len(b.ts))
	o := series{id: id, label: label, dropped: a.dropped || b.dropped, ts: make([]int64, 0, n), vs: make([]float64, 0, n)}
	for i, j := 0, 0; i < len(a.ts) && j < len(b.ts); {
		switch {
		case a.ts[i] < b.ts[j]:
			i++
		case a.ts[i] > b.ts[j]:
			j++
		default:
			if v, ok := arith(op, a.vs[i], b.vs[j]); ok {
				o.ts, o.vs = append(o.ts, a.ts[i]), append(o.vs, v)
			} else {
				o.dropped = true
			}
			i, j = i+1, j+1
		}
	}
	return o
}

// metricsOf is METRICS() and METRICS("filter"): the request's MetricStat
// queries in order, those whose Id contains filter.
func (e *mathEnv) metricsOf(filter string) (mval, error) {
	var out []series
	for _, id := range e.order {
		if !strings.Contains(id, filter) {
			continue
		}
		v, err := e.value(id)
		if err != nil {
			return mval{}, err
		}
		out = append(out, v.arr...)
	}
	return arrayOf(out), nil
}

// reduce is SUM, AVG, MIN, MAX and STDDEV: of one series a scalar over
// its points, of an array one series over the series at each timestamp.
func reduce(name string, x mval) (mval, error) {
	f := reducers[name]
	if x.kind == 'n' {
		return x, nil
	}
	if x.isSeries() {
		v := f(x.arr[0].vs)
		if len(x.arr[0].vs) == 0 {
			v = math.NaN()
		}
		return scalar(v), nil
	}
	at := map[int64][]float64{}
	for _, s := range x.arr {
		for i, t := range s.ts {
			at[t] = append(at[t], s.vs[i])
		}
	}
	o := series{label: name}
	for _, t := range slices.Sorted(func(yield func(int64) bool) {
		for t := range at {
			if !yield(t) {
				return
			}
		}
	}) {
		o.ts, o.vs = append(o.ts, t), append(o.vs, f(at[t]))
	}
	return oneSeries(o), nil
}

var reducers = map[string]func([]float64) float64{
	"SUM": func(v []float64) float64 {
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s
	},
	"AVG": func(v []float64) float64 { return reducersSum(v) / float64(len(v)) },
	"MIN": func(v []float64) float64 { return slices.Min(v) },
	"MAX": func(v []float64) float64 { return slices.Max(v) },
	"STDDEV": func(v []float64) float64 {
		m := reducersSum(v) / float64(len(v))
		ss := 0.0
		for _, x := range v {
			ss += (x - m) * (x - m)
		}
		return math.Sqrt(ss / float64(len(v)))
	},
}

func reducersSum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}
