package pattern

import (
	"testing"

	"github.com/awsfake/awsfake/internal/pattern/patterntest"
)

// FuzzCompile: any pattern compiles or is refused with a reason, and a
// compiled one matches any event without panicking.
func FuzzCompile(f *testing.F) {
	tpls, err := patterntest.Read("testdata")
	if err != nil {
		f.Fatal(err)
	}
	for _, tpl := range tpls {
		f.Add([]byte(tpl.EventPattern), []byte(tpl.Event))
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
