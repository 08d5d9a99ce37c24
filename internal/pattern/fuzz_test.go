package pattern

import (
	"path/filepath"
	"testing"
)

// FuzzCompile: any pattern compiles or is refused with a reason, and a
// compiled one matches any event without panicking.
func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json5")
	for _, file := range files {
		if tpl, ok := readTemplate(&testing.T{}, file); ok {
			f.Add([]byte(tpl.EventPattern), []byte(tpl.Event))
		}
	}
	f.Add([]byte(`{"a":[{"wildcard":"x*y\\*"}]}`), []byte(`{"a":"xqy*"}`))
	f.Fuzz(func(t *testing.T, pat, event []byte) {
		p, err := Compile(pat)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("a refusal without a reason")
			}
			return
		}
		p.MatchJSON(event)
		p.ExactValues("source")
	})
}
