package cloudwatch

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// call evaluates one function of the metric math library.
func (e *mathEnv) call(n *node) (mval, error) {
	if n.str == "METRICS" {
		filter := ""
		if len(n.args) > 1 || len(n.args) == 1 && n.args[0].kind != nStr {
			return mval{}, fmt.Errorf("METRICS takes no argument or one string")
		}
		if len(n.args) == 1 {
			filter = n.args[0].str
		}
		return e.metricsOf(filter)
	}
	if n.str == "SEARCH" {
		return e.callSearch(n)
	}
	args := make([]mval, len(n.args))
	for i, a := range n.args {
		if a.kind == nName && isKeyword(a.str) {
			args[i] = mval{kind: 's', str: strings.ToUpper(a.str)}
			continue
		}
		v, err := e.eval(a)
		if err != nil {
			return mval{}, err
		}
		args[i] = v
	}
	if _, ok := reducers[n.str]; ok {
		if len(args) != 1 {
			return mval{}, fmt.Errorf("%s takes one argument", n.str)
		}
		return reduce(n.str, args[0])
	}
	if f, ok := unaryFuncs[n.str]; ok {
		if len(args) != 1 {
			return mval{}, fmt.Errorf("%s takes one argument", n.str)
		}
		return pointwise(args[0], f)
	}
	if f, ok := seriesFuncs[n.str]; ok {
		if len(args) != 1 || !args[0].isTimeValued() {
			return mval{}, fmt.Errorf("%s takes one time series or array of time series", n.str)
		}
		return mapSeries(args[0], func(s series) series { return f(e, s) }), nil
	}
	switch n.str {
	case "FILL":
		return e.fill(args)
	case "IF":
		return ifFunc(args)
	case "PERIOD":
		if len(args) != 1 || !args[0].isTimeValued() {
			return mval{}, fmt.Errorf("PERIOD takes one time series")
		}
		return scalar(float64(e.period)), nil
	case "DATAPOINT_COUNT":
		if len(args) != 1 || !args[0].isSeries() {
			return mval{}, fmt.Errorf("DATAPOINT_COUNT takes one time series")
		}
		return scalar(float64(len(args[0].arr[0].vs))), nil
	case "TIME_SERIES":
		if len(args) != 1 || args[0].kind != 'n' {
			return mval{}, fmt.Errorf("TIME_SERIES takes one scalar")
		}
		return oneSeries(e.constant(args[0].num, "")), nil
	case "FIRST", "LAST":
		if len(args) != 1 || !args[0].isArray() || len(args[0].arr) == 0 {
			return mval{}, fmt.Errorf("%s takes a non-empty array of time series", n.str)
		}
		if n.str == "FIRST" {
			return oneSeries(args[0].arr[0]), nil
		}
		return oneSeries(args[0].arr[len(args[0].arr)-1]), nil
	case "SORT":
		return sortFunc(args)
	case "SLICE":
		return sliceFunc(args)
	}
	return mval{}, fmt.Errorf("Unknown function %s", n.str)
}

// keywords are the bare words functions take as arguments.
var keywords = map[string]bool{"REPEAT": true, "LINEAR": true, "ASC": true, "DESC": true, "SUM": true, "AVG": true, "MIN": true, "MAX": true}

func isKeyword(s string) bool { return keywords[strings.ToUpper(s)] && s == strings.ToUpper(s) }

// unaryFuncs apply to every point; NaN and infinite results are dropped.
var unaryFuncs = map[string]func(float64) float64{
	"ABS": math.Abs, "CEIL": math.Ceil, "FLOOR": math.Floor, "LOG": math.Log, "LOG10": math.Log10,
}

// seriesFuncs transform one series.
var seriesFuncs = map[string]func(e *mathEnv, s series) series{
	"RATE": func(_ *mathEnv, s series) series {
		return deltas(s, func(dv float64, dt int64) float64 { return dv / float64(dt) })
	},
	"DIFF": func(_ *mathEnv, s series) series {
		return deltas(s, func(dv float64, _ int64) float64 { return dv })
	},
	"DIFF_TIME": func(_ *mathEnv, s series) series {
		return deltas(s, func(_ float64, dt int64) float64 { return float64(dt) })
	},
	"RUNNING_SUM": func(_ *mathEnv, s series) series {
		o := series{id: s.id, label: s.label, ts: slices.Clone(s.ts), vs: make([]float64, len(s.vs))}
		sum := 0.0
		for i, v := range s.vs {
			sum += v
			o.vs[i] = sum
		}
		return o
	},
}

// deltas is RATE, DIFF and DIFF_TIME: each point against the one before;
// the first point has none and is dropped.
func deltas(s series, f func(dv float64, dt int64) float64) series {
	o := series{id: s.id, label: s.label}
	for i := 1; i < len(s.vs); i++ {
		o.ts, o.vs = append(o.ts, s.ts[i]), append(o.vs, f(s.vs[i]-s.vs[i-1], s.ts[i]-s.ts[i-1]))
	}
	return o
}

func mapSeries(x mval, f func(series) series) mval {
	out := make([]series, len(x.arr))
	for i, s := range x.arr {
		out[i] = f(s)
	}
	return mval{kind: 'a', arr: out, multi: x.multi}
}

// constant is v at every period of the window.
func (e *mathEnv) constant(v float64, label string) series {
	o := series{label: label}
	for _, t := range e.grid() {
		o.ts, o.vs = append(o.ts, t), append(o.vs, v)
	}
	return o
}

// fill is FILL(x, value | REPEAT | LINEAR): every period of the window
// without a point gets one. REPEAT repeats the last point before (the
// first point for the periods before it), LINEAR interpolates between the
// points around (periods outside the first and last point stay empty).
func (e *mathEnv) fill(args []mval) (mval, error) {
	if len(args) != 2 || !args[0].isTimeValued() {
		return mval{}, fmt.Errorf("FILL takes a time series and a value, REPEAT or LINEAR")
	}
	how := args[1]
	if how.kind == 's' && how.str != "REPEAT" && how.str != "LINEAR" {
		return mval{}, fmt.Errorf("FILL takes a value, REPEAT or LINEAR, not %s", how.str)
	}
	grid := e.grid()
	return mapSeries(args[0], func(s series) series {
		have := map[int64]float64{}
		for i, t := range s.ts {
			have[t] = s.vs[i]
		}
		o := series{id: s.id, label: s.label}
		for gi, t := range grid {
			v, ok := have[t]
			if !ok {
				v, ok = fillAt(how, s, t, gi, grid, have)
			}
			if ok {
				o.ts, o.vs = append(o.ts, t), append(o.vs, v)
			}
		}
		return o
	}), nil
}

// fillAt is the value FILL gives the empty period t.
func fillAt(how mval, s series, t int64, gi int, grid []int64, have map[int64]float64) (float64, bool) {
	switch {
	case how.kind == 'n':
		return how.num, true
	case how.isSeries():
		for i, ht := range how.arr[0].ts {
			if ht == t {
				return how.arr[0].vs[i], true
			}
		}
		return 0, false
	case how.kind != 's' || len(s.ts) == 0:
		return 0, false
	}
	i, _ := slices.BinarySearch(s.ts, t) // the first point after t
	if how.str == "REPEAT" {
		if i == 0 {
			return s.vs[0], true
		}
		return s.vs[i-1], true
	}
	if i == 0 || i == len(s.ts) {
		return 0, false
	}
	t0, t1, v0, v1 := s.ts[i-1], s.ts[i], s.vs[i-1], s.vs[i]
	return v0 + (v1-v0)*float64(t-t0)/float64(t1-t0), true
}

// ifFunc is IF(condition, trueValue[, falseValue]) at every timestamp of
// the condition: a point where the chosen value has none is dropped, and
// without falseValue a false condition drops the point.
func ifFunc(args []mval) (mval, error) {
	if len(args) < 2 || len(args) > 3 || args[0].kind == 's' {
		return mval{}, fmt.Errorf("IF takes a condition, a true value and an optional false value")
	}
	cond := args[0]
	if cond.kind == 'n' {
		if cond.num != 0 {
			return args[1], nil
		}
		if len(args) == 3 {
			return args[2], nil
		}
		return mval{kind: 'a', arr: []series{{}}}, nil
	}
	pick := func(v mval, t int64) (float64, bool) {
		switch {
		case v.kind == 'n':
			return v.num, true
		case v.isSeries():
			if i, ok := slices.BinarySearch(v.arr[0].ts, t); ok {
				return v.arr[0].vs[i], true
			}
		}
		return 0, false
	}
	for _, a := range args[1:] {
		if a.kind == 's' || a.isArray() {
			return mval{}, fmt.Errorf("IF takes scalars or time series")
		}
	}
	return mapSeries(cond, func(s series) series {
		o := series{id: s.id, label: s.label}
		for i, t := range s.ts {
			v, ok := 0.0, false
			if s.vs[i] != 0 {
				v, ok = pick(args[1], t)
			} else if len(args) == 3 {
				v, ok = pick(args[2], t)
			}
			if ok {
				o.ts, o.vs = append(o.ts, t), append(o.vs, v)
			}
		}
		return o
	}), nil
}

// sortFunc is SORT(array, SUM|AVG|MIN|MAX, ASC|DESC[, limit]).
func sortFunc(args []mval) (mval, error) {
	if len(args) < 3 || len(args) > 4 || !args[0].isArray() || args[1].kind != 's' || reducers[args[1].str] == nil ||
		args[2].kind != 's' || args[2].str != "ASC" && args[2].str != "DESC" || len(args) == 4 && args[3].kind != 'n' {
		return mval{}, fmt.Errorf("SORT takes an array, SUM, AVG, MIN or MAX, ASC or DESC and an optional limit")
	}
	f := reducers[args[1].str]
	key := func(s series) float64 {
		if len(s.vs) == 0 {
			return math.Inf(-1)
		}
		return f(s.vs)
	}
	out := slices.Clone(args[0].arr)
	slices.SortStableFunc(out, func(a, b series) int {
		if args[2].str == "DESC" {
			return cmp.Compare(key(b), key(a))
		}
		return cmp.Compare(key(a), key(b))
	})
	if len(args) == 4 && int(args[3].num) >= 0 && int(args[3].num) < len(out) {
		out = out[:int(args[3].num)]
	}
	return arrayOf(out), nil
}

// sliceFunc is SLICE(array, start, end): the series from start to end
// (exclusive), zero-based.
func sliceFunc(args []mval) (mval, error) {
	if len(args) != 3 || !args[0].isArray() || args[1].kind != 'n' || args[2].kind != 'n' {
		return mval{}, fmt.Errorf("SLICE takes an array, a start and an end")
	}
	n := len(args[0].arr)
	lo, hi := min(max(int(args[1].num), 0), n), min(max(int(args[2].num), 0), n)
	if lo > hi {
		lo = hi
	}
	return arrayOf(slices.Clone(args[0].arr[lo:hi])), nil
}
