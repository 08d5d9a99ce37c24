package vtl

// The syntax tree of a template.

type node interface{}

// textNode is literal output.
type textNode string

// refNode is a reference: $name followed by properties, method calls and
// indexes. src is the reference as written, what renders when it is null.
type refNode struct {
	quiet bool // $!name: null renders as nothing
	name  string
	chain []step
	src   string
}

type stepKind int

const (
	stepProperty stepKind = iota
	stepMethod
	stepIndex
)

// step is one link of a reference's chain: .name, .name(args) or [index].
type step struct {
	kind  stepKind
	name  string
	args  []expr
	index expr
}

type setNode struct {
	target *refNode
	value  expr
}

type ifNode struct {
	conds  []expr
	bodies [][]node
	els    []node
}

type foreachNode struct {
	variable string
	iter     expr
	body     []node
}

type breakNode struct{}

type stopNode struct{}

// defineNode binds a block to a reference, rendered where it is used.
type defineNode struct {
	name string
	body []node
}

// macroCall calls a #macro defined in the same template.
type macroCall struct {
	name string
	args []expr
	src  string
}

type macroDef struct {
	params []string
	body   []node
}

// Expressions.

type expr interface{}

type litExpr struct{ v any }

// strExpr is a double-quoted string: interpolated when rendered.
type strExpr struct{ parts []node }

type listExpr struct{ items []expr }

type rangeExpr struct{ from, to expr }

type mapExpr struct{ keys, vals []expr }

type refExpr struct{ ref *refNode }

type unaryExpr struct {
	op string // "!" or "-"
	x  expr
}

type binaryExpr struct {
	op   string
	l, r expr
}
