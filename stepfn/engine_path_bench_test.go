package stepfn

import (
	"encoding/json"
	"testing"

	"github.com/ohler55/ojg/jp"
)

// Our evaluator (simple subset and engine_path_full.go) against ojg's
// own Get on the same paths; ojg reads float64 numbers (its filters
// cannot read json.Number).
func BenchmarkPath(b *testing.B) {
	items := make([]any, 100)
	plain := make([]any, 100)
	for i := range items {
		items[i] = map[string]any{"x": json.Number(itoa(i))}
		plain[i] = map[string]any{"x": float64(i)}
	}
	doc := map[string]any{"a": map[string]any{"b": []any{1}}, "items": items}
	pdoc := map[string]any{"a": map[string]any{"b": []any{1}}, "items": plain}
	for _, src := range []string{"$.a.b[0]", "$.items[*].x", "$.items[?(@.x > 50)]"} {
		p, err := parsePath(src)
		if err != nil {
			b.Fatal(err)
		}
		x := jp.MustParseString(src)
		b.Run("ours/"+src, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p.get(doc)
			}
		})
		b.Run("ojg/"+src, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				x.Get(pdoc)
			}
		})
	}
}
