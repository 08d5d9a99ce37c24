package logs

import "regexp"

// expr is an expression of the query language, evaluated on one row.
type expr interface {
	eval(r row) val
}

// val is a value: nil (absent), a string, a float64, a bool or a ts
// (Unix milliseconds, shown as a date).
type val = any

// ts is a timestamp in Unix milliseconds.
type ts int64

// row is one record (or one stats row): its fields by name.
type row map[string]val

type (
	fieldRef struct{ name string }
	literal  struct{ v val }
	// binary is an arithmetic, comparison or logical operation.
	binary struct {
		op   string
		l, r expr
	}
	notExpr  struct{ x expr }
	negExpr  struct{ x expr }
	likeExpr struct {
		x      expr
		re     *regexp.Regexp // nil for a substring
		substr string
		neg    bool
	}
	inExpr struct {
		x    expr
		list []expr
		neg  bool
	}
	call struct {
		name string
		args []expr
	}
)

// command is one command of the pipeline.
type command interface{ isCommand() }

// namedExpr is an expression with the name of its result column.
type namedExpr struct {
	name string
	x    expr
}

type (
	fieldsCmd  struct{ items []namedExpr }
	displayCmd struct{ names []string }
	filterCmd  struct{ cond expr }
	sortCmd    struct{ keys []sortKey }
	limitCmd   struct{ n int }
	dedupCmd   struct{ names []string }
	parseCmd   struct {
		src   expr
		re    *regexp.Regexp
		names []string // the capture names, in order
	}
	statsCmd struct {
		aggs []aggregate
		by   []namedExpr
	}
)

func (fieldsCmd) isCommand()  {}
func (displayCmd) isCommand() {}
func (filterCmd) isCommand()  {}
func (sortCmd) isCommand()    {}
func (limitCmd) isCommand()   {}
func (dedupCmd) isCommand()   {}
func (parseCmd) isCommand()   {}
func (statsCmd) isCommand()   {}

// sortKey is one key of a sort.
type sortKey struct {
	x    expr
	desc bool
}

// aggregate is one function of stats: its name, its column name, its
// argument (nil for count(*)) and pct's percentile.
type aggregate struct {
	fn, name string
	arg      expr
	pct      float64
}

// query is a parsed query.
type query struct {
	cmds []command
}
