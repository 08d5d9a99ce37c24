package vtl

import (
	"errors"
	"testing"
)

// FuzzTemplate parses and renders any template with $input and $util
// bound: a template either fails to parse with a SyntaxError or renders
// (within its limits); nothing panics and nothing runs unbounded. API
// Gateway answers a parse error with a 500 it attributes to the
// template; no other failure may come from here.
func FuzzTemplate(f *testing.F) {
	for _, seed := range []string{
		"#set($a = $input.path('$'))#foreach($x in $a)$x.id#if($foreach.hasNext),#end#end",
		`$util.escapeJavaScript($input.body) $util.parseJson('{"a":[1]}').a[0]`,
		"#macro(m $x)[$x]#end#m(1)#define($d)d#end$d",
		"#if($a == 1 && !$b || $c >= 2.5)x#elseif($d)y#{else}z#end",
		"#foreach($i in [1..5])#if($i == 3)#break#end$i#end#stop",
		"## c\n#* b *##[[raw]]#${x}$!{y.z()}\\$w",
		`#set($m = {"k": [1, 2, {"n": null}]})$m.k[2] $m.get("k").size()`,
		"$input.json('$..a[*]') $input.params('h') $input.path('$[1:3]')",
	} {
		f.Add(seed, `{"a":[{"id":1},{"id":2}],"b":"x"}`)
	}
	f.Fuzz(func(t *testing.T, tmpl, body string) {
		tp, err := Parse(tmpl)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q): %v is not a SyntaxError", tmpl, err)
			}
			return
		}
		vars := map[string]any{"util": Util{}, "input": &Input{Body: body, Header: map[string]string{"h": "v"}}}
		out, err := tp.Render(vars, Limits{Output: 1 << 16, Steps: 100_000})
		if err != nil && !errors.Is(err, ErrLimit) {
			t.Fatalf("Render(%q): %v", tmpl, err)
		}
		if len(out) > 1<<16 {
			t.Fatalf("Render(%q) wrote %d bytes past its limit", tmpl, len(out))
		}
	})
}

// FuzzJSONPath selects any path from any document without panicking.
func FuzzJSONPath(f *testing.F) {
	for _, p := range []string{"$", "$.a", "$['a','b']", "$..id", "$.a[*].b", "$.a[-1]", "$.a[1:]", "$[?(@.x)]"} {
		f.Add(p, `{"a":[{"b":1,"id":2},{"b":[3]}],"id":0}`)
	}
	f.Fuzz(func(t *testing.T, path, doc string) {
		v, err := ParseJSON(doc)
		if err != nil {
			v = doc
		}
		_, _ = selectPath(v, path)
	})
}
