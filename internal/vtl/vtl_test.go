package vtl

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func render(t *testing.T, tmpl string, vars map[string]any) string {
	t.Helper()
	tp, err := Parse(tmpl)
	require.NoError(t, err, tmpl)
	out, err := tp.Render(vars, Limits{})
	require.NoError(t, err, tmpl)
	return out
}

func TestRender_Language(t *testing.T) {
	vars := map[string]any{"name": "Ann", "n": int64(3), "list": NewList("a", "b", "c")}
	for _, tc := range []struct{ name, tmpl, want string }{
		{"text", "plain text", "plain text"},
		{"reference", "hi $name!", "hi Ann!"},
		{"formal", "${name}s", "Anns"},
		{"unknown renders as written", "$nope and ${nope} and $nope.x()", "$nope and ${nope} and $nope.x()"},
		{"quiet unknown", "[$!nope][$!{nope}]", "[][]"},
		{"escaped", `\$name \#set`, "$name #set"},
		{"hyphen is part of an identifier (Velocity 1.7)", "$name-x", "$name-x"},
		{"set and arithmetic", "#set($x = $n * 2 + 1)$x", "7"},
		{"integer division truncates", "#set($x = 7 / 2)$x, #set($y = 7 % 2)$y", "3,1"}, // the blank before #set goes with it
		{"division by zero is null", "#set($x = 1)#set($x = 7 / 0)$x", "1"},
		{"doubles", "#set($x = 1.5 * 2)$x", "3.0"},
		{"string concatenation", `#set($s = "a" + $n)$s`, "a3"},
		{"interpolated string", `#set($s = "<$name>")$s`, "<Ann>"},
		{"single quotes are literal", `#set($s = '$name')$s`, "$name"},
		{"doubled quotes", `#set($s = "say ""hi""")$s`, `say "hi"`},
		{"if elseif else", "#if($n > 5)big#elseif($n == 3)three#{else}small#end", "three"},
		{"word operators", "#if($n gt 2 and not false)yes#end", "yes"},
		{"empty string is true in 1.7", `#if("")yes#end`, "yes"},
		{"null is false", "#if($nope)yes#{else}no#end", "no"},
		{"foreach", "#foreach($x in $list)$foreach.index:$x:$velocityCount#if($foreach.hasNext),#end#end", "0:a:1,1:b:2,2:c:3"},
		{"foreach count first last", "#foreach($x in $list)#if($foreach.first)[#end$foreach.count#if($foreach.last)]#end#end", "[123]"},
		{"break", "#foreach($x in $list)$x#if($x == 'b')#break#end#end", "ab"},
		{"range", "#foreach($i in [3..1])$i#end", "321"},
		{"stop", "a#stop b", "a"},
		{"map literal and property", `#set($m = {"k": "v", "n": 1})$m.k $m.get("n") $m`, "v 1 {k=v, n=1}"},
		{"list literal renders as Java", "#set($l = [1, 'two'])$l $l.size() $l[1]", "[1, two] 2 two"},
		{"set into a map", `#set($m = {})#set($m.a = 1)#set($m["b"] = 2)$m`, "{a=1, b=2}"},
		{"null does not overwrite", "#set($x = 'kept')#set($x = $nope)$x", "kept"},
		{"comments", "a## line comment\nb#* block *#c", "abc"},
		{"unparsed", "#[[$name #if]]#", "$name #if"},
		{"literal hash", "# not a directive #5", "# not a directive #5"},
		{"define", "#define($block)[$name]#end$block$block", "[Ann][Ann]"},
		{"macro", "#macro(greet $who)Hello $who#end#greet('Bob') #greet($name)", "Hello Bob Hello Ann"},
		{"foreach over a map walks its values", `#set($m = {"a": 1, "b": 2})#foreach($v in $m)$v#end`, "12"},
		{"map keySet", `#set($m = {"a": 1, "b": 2})#foreach($k in $m.keySet())$k=$m.get($k);#end`, "a=1;b=2;"},
		{"list add", "#set($l = [])#set($ok = $l.add('x'))$l", "[x]"},
		{"bean getter", "$list.isEmpty() $name.length()", "false 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, render(t, tc.tmpl, vars))
		})
	}
}

// Velocity 1.7's whitespace rules: blanks before #set are taken with it,
// and the newline after a directive's ')' or after #else / #end is
// gobbled when nothing else follows on the line.
func TestRender_WhitespaceGobbling(t *testing.T) {
	tmpl := "{\n    #set($a = 1)\n  \"a\": $a,\n#if(true)\n  \"b\": 2\n#end\n}"
	assert.Equal(t, "{\n  \"a\": 1,\n  \"b\": 2\n}", render(t, tmpl, nil))
	assert.Equal(t, "x\n woogie!\n", render(t, "#if(true)\nx\n#end woogie!\n", nil), "text after #end stays")
}

func TestRender_StringMethods(t *testing.T) {
	vars := map[string]any{"s": "Hello, World", "u": "héllo😀x"}
	for tmpl, want := range map[string]string{
		"$s.length()":                         "12",
		"$s.substring(7)":                     "World",
		"$s.substring(0, 5)":                  "Hello",
		"$s.indexOf('o')":                     "4",
		"$s.indexOf('o', 5)":                  "8",
		"$s.lastIndexOf('o')":                 "8",
		"$s.toLowerCase()":                    "hello, world",
		"$s.toUpperCase()":                    "HELLO, WORLD",
		"$s.contains('World')":                "true",
		"$s.startsWith('Hell')":               "true",
		"$s.endsWith('x')":                    "false",
		`$s.replaceAll("o(.)", "0$1$1")`:      "Hell0,, W0rrld",
		`$s.replaceFirst("l+", "L")`:          "HeLo, World",
		`$s.replace("l", "")`:                 "Heo, Word",
		`$s.split(", ")`:                      "[Hello, World]",
		`$s.split(", ").size()`:               "2",
		`$s.matches("H.*d")`:                  "true",
		"$s.charAt(1)":                        "e",
		"$s.equalsIgnoreCase('hello, world')": "true",
		"$u.length()":                         "8", // UTF-16 units: the emoji is two
		"$u.substring(1, 2)":                  "é",
		"$s.nosuch()":                         "", // a method that is not there is null
		"$s.substring(99)":                    "", // Java throws: null here
	} {
		assert.Equal(t, want, render(t, tmpl, vars), tmpl)
	}
}

// The six $util functions against AWS's documented behaviour
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#util-template-reference).
func TestUtil(t *testing.T) {
	vars := map[string]any{"util": Util{}}
	for tmpl, want := range map[string]string{
		`$util.escapeJavaScript('it''s a "test"/\')`: `it\'s a \"test\"\/\\`,
		`$util.escapeJavaScript("line
two	é")`: `line\ntwo\t\u00E9`,
		`$util.urlEncode("a b&c=d/é~*")`:      "a+b%26c%3Dd%2F%C3%A9%7E*",
		`$util.urlDecode("a+b%26c")`:          "a b&c",
		`$util.base64Encode("hello")`:         "aGVsbG8=",
		`$util.base64Decode("aGVsbG8=")`:      "hello",
		`$util.parseJson('{"a":[1,2]}').a[1]`: "2",
		`$util.toJson("x")`:                   "$util.toJson(\"x\")", // AppSync's, not API Gateway's
	} {
		assert.Equal(t, want, render(t, tmpl, vars), tmpl)
	}
}

// AWS's documented parseJson example: an error message that is itself a
// JSON document, read back field by field.
func TestUtil_ParseJsonDocumentedExample(t *testing.T) {
	in := &Input{Body: `{"errorMessage":"{\"key1\":\"var1\",\"key2\":{\"arr\":[1,2,3]}}"}`}
	tmpl := "#set ($errorMessageObj = $util.parseJson($input.path('$.errorMessage')))\n{\n   \"errorMessageObjKey2ArrVal\" : $errorMessageObj.key2.arr[0]\n}"
	assert.Equal(t, "{\n   \"errorMessageObjKey2ArrVal\" : 1\n}", render(t, tmpl, map[string]any{"util": Util{}, "input": in}))
}

// $input.path renders maps as Java does and JSON arrays as JSON, as the
// recorded AWS responses show (recorded:
// TestApiGatewayCommon::test_input_path_template_formatting).
func TestInput_PathFormattingAsRecorded(t *testing.T) {
	for _, tc := range []struct{ name, body, tmpl, want string }{
		{"dict-response", `{"foo":"bar"}`, "$input.path('$')", "{foo=bar}"},
		{"json-list", `[{"foo":"bar"}]`, "$input.path('$')", `[{"foo":"bar"}]`},
		{"nested-dict", `{"nested":{"foo":"bar"}}`, "$input.path('$.nested')", "{foo=bar}"},
		{"dict-in-list", `[{"foo":"bar"}]`, "$input.path('$[0]')", "{foo=bar}"},
		{"dict-with-nested-list", `{"foo":[{"nested":"bar"}]}`, "$input.path('$')", `{foo=[{"nested":"bar"}]}`},
		{"bigger-dict", `{"bigger":"dict","to":"test","with":"separators"}`, "$input.path('$')", "{bigger=dict, to=test, with=separators}"},
		{"to-string", `{"foo":"bar"}`, "$input.path('$').toString()", "{foo=bar}"},
		{"list-to-string", `{"list":[{"foo":"bar"}]}`, "$input.path('$').toString()", `{list=[{"foo":"bar"}]}`},
		{"empty-body", ``, `{"body": $input.path('$'), "nested": $input.path('$.nested')}`, `{"body": , "nested": }`},
		{"nested-empty-list", `[]`, `{"body": $input.path('$'), "nested": $input.path('$.nested')}`, `{"body": [], "nested": }`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.tmpl, map[string]any{"input": &Input{Body: tc.body}})
			assert.Equal(t, tc.want, got)
		})
	}
}

// $util.urlEncode of the body as recorded (TestApiGatewayCommon::
// test_input_body_formatting, "response-url-encode").
func TestUtil_URLEncodeAsRecorded(t *testing.T) {
	tmpl := "EncodedBody=$util.urlEncode($input.body)&EncodedBodyAccess=$util.urlEncode($input.path('$.body'))"
	for body, want := range map[string]string{
		`{}`:                "EncodedBody=%7B%7D&EncodedBodyAccess=",
		`{"some": "value"}`: "EncodedBody=%7B%22some%22%3A+%22value%22%7D&EncodedBodyAccess=",
		`some raw data`:     "EncodedBody=some+raw+data&EncodedBodyAccess=",
	} {
		assert.Equal(t, want, render(t, tmpl, map[string]any{"util": Util{}, "input": &Input{Body: body}}), body)
	}
}

func TestInput_JSONAndParams(t *testing.T) {
	in := &Input{Body: `{"pets":[{"id":1,"type":"dog"},{"id":2,"type":"cat"}],"name":"x"}`,
		Path: map[string]string{"id": "42"}, QueryString: map[string]string{"q": "s", "id": "q-id"},
		Header: map[string]string{"Content-Type": "application/json"}}
	vars := map[string]any{"input": in}
	for tmpl, want := range map[string]string{
		"$input.json('$.pets[0]')":                          `{"id":1,"type":"dog"}`,
		"$input.json('$.pets[*].type')":                     `["dog","cat"]`,
		"$input.json('$..id')":                              `[1,2]`,
		"$input.json('$.name')":                             `"x"`,
		"$input.json('$.pets[-1:]')":                        `[{"id":2,"type":"cat"}]`,
		"$input.json('$.missing')":                          `null`,
		"$input.path('$.pets').size()":                      "2",
		"$input.path('$.pets[1].type')":                     "cat",
		"$input.params('id')":                               "42", // path before query string
		"$input.params('q')":                                "s",
		"$input.params('content-type')":                     "application/json",
		"$input.params('none')":                             "",
		"$input.params().querystring.get('q')":              "s",
		"#foreach($p in $input.path('$.pets'))$p.type #end": "dog cat ",
	} {
		assert.Equal(t, want, render(t, tmpl, vars), tmpl)
	}
}

func TestParse_SyntaxErrors(t *testing.T) {
	for _, tmpl := range []string{
		"#if($a)no end",
		"#foreach($x $list)#end",
		"#set($a 1)",
		"#end",
		"#else",
		"#* unterminated",
		"#[[ unterminated",
		`#set($a = "unterminated)`,
		"$a.b(1,",
		"#set($a.b() = 1)",
		"#if(1 +)#end",
		strings.Repeat("#if(true)", 200) + strings.Repeat("#end", 200),
	} {
		_, err := Parse(tmpl)
		var se *SyntaxError
		assert.True(t, errors.As(err, &se), "%q: %v", tmpl, err)
	}
	_, err := Parse("line1\n  #if(")
	assert.EqualError(t, err, "Encountered an error at line 2, column 7: expected an expression")
}

func TestRender_Limits(t *testing.T) {
	tp, err := Parse("#foreach($i in [1..1000])#foreach($j in [1..1000])x#end#end")
	require.NoError(t, err)
	_, err = tp.Render(nil, Limits{Steps: 10_000})
	assert.ErrorIs(t, err, ErrLimit)
	_, err = tp.Render(nil, Limits{Output: 100})
	assert.ErrorIs(t, err, ErrLimit)
	tp, err = Parse("#macro(r $n)#r($n)#end#r(1)")
	require.NoError(t, err)
	_, err = tp.Render(nil, Limits{})
	assert.ErrorIs(t, err, ErrLimit, "unbounded recursion is stopped")
}

func TestRender_DoesNotChangeTheCallersVariables(t *testing.T) {
	vars := map[string]any{"a": "1"}
	assert.Equal(t, "2", render(t, "#set($a = '2')$a", vars))
	assert.Equal(t, "1", vars["a"])
}

func TestJavaDouble(t *testing.T) {
	for f, want := range map[float64]string{1: "1.0", 0.5: "0.5", 1e7: "1.0E7", 1.5e-5: "1.5E-5", 123456.75: "123456.75", -2: "-2.0"} {
		assert.Equal(t, want, javaDouble(f))
	}
}

func TestRender_HostileTemplatesStop(t *testing.T) {
	tp, err := Parse(`#set($s = "ab")#foreach($i in [1..100])#set($s = "$s$s")#end`)
	require.NoError(t, err)
	_, err = tp.Render(nil, Limits{Output: 1 << 20})
	assert.ErrorIs(t, err, ErrLimit, "a doubling string stops at the limit")

	// A list inside itself renders as Java prints it, not forever.
	out := render(t, "#set($l = [1])#set($ok = $l.add($l))$l.size()", nil)
	assert.Equal(t, "2", out)
	assert.NotPanics(t, func() { render(t, "#set($l = [1])#set($ok = $l.add($l))$l", nil) })
}

func TestRender_SharedListsDoNotRenderExponentially(t *testing.T) {
	tmpl := "#set($l = [1])#foreach($i in [1..60])#set($l = [$l, $l])#end$l"
	tp, err := Parse(tmpl)
	require.NoError(t, err)
	_, err = tp.Render(nil, Limits{Output: 1 << 20})
	assert.ErrorIs(t, err, ErrLimit)
}
