package stepfn

import (
	"math/rand/v2"
	"testing"
)

const evalInput = `{"order":{"id":"o-1","lines":[{"sku":"a","qty":2},{"sku":"b","qty":1}]},"customer":"c-1"}`

// BenchmarkEval_JSONataOutput: the evaluation alone of a JSONata Output
// of three fields (the bindings built as a state builds them).
func BenchmarkEval_JSONataOutput(b *testing.B) {
	p := &parser{}
	t := p.jtemplate(map[string]any{"id": "{% $states.input.order.id %}", "customer": "{% $states.input.customer %}",
		"lines": "{% $states.input.order.lines %}"}, "Output", "/Output")
	in, _ := decodeJSON(evalInput)
	ex := &execution{rng: rand.New(rand.NewPCG(1, 1))}
	b.ReportAllocs()
	for b.Loop() {
		vars := make(map[string]any, 16)
		for k, v := range ex.jsonataFuncs() {
			vars[k] = v
		}
		vars["states"] = map[string]any{"input": toJSONata(in)}
		if _, e := t.eval(vars); e != nil {
			b.Fatal(e.msg)
		}
	}
}

// BenchmarkFloor_EvalJSONPathParameters: the same three fields as
// JSONPath Parameters, the floor of the one above.
func BenchmarkFloor_EvalJSONPathParameters(b *testing.B) {
	t := compileTemplate(map[string]any{"id.$": "$.order.id", "customer.$": "$.customer", "lines.$": "$.order.lines"}, "/Parameters",
		func(at, msg string) { b.Fatal(at, msg) })
	in, _ := decodeJSON(evalInput)
	ev := &evaluator{input: in}
	res := func(p *path) (any, *failure) {
		v, ok := p.get(in)
		if !ok {
			return nil, fail(errRuntime, "no")
		}
		return v, nil
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, f := t.eval(res, ev); f != nil {
			b.Fatal(f.Cause)
		}
	}
}
