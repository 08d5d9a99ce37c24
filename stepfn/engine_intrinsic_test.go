package stepfn

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// evalExpr evaluates an intrinsic expression over input.
func evalExpr(t *testing.T, expr, input string) (any, *failure) {
	t.Helper()
	c, err := parseIntrinsic(expr)
	require.NoError(t, err, expr)
	doc, err := decodeJSON(input)
	require.NoError(t, err)
	ev := &evaluator{th: &thread{ex: &execution{}}, input: doc, rng: newRand(1)}
	return evalCall(c, ev.resolve, ev.rng)
}

// Every intrinsic function, with AWS's documented examples.
func TestIntrinsics(t *testing.T) {
	cases := []struct{ expr, input, want string }{
		{`States.Format('Hello, my name is {}.', $.name)`, `{"name":"Arnav"}`, `"Hello, my name is Arnav."`},
		{`States.Format('{} \{literal\} {}', 1, true)`, `{}`, `"1 {literal} true"`},
		{`States.StringToJson($.s)`, `{"s":"{\"number\": 20}"}`, `{"number":20}`},
		{`States.JsonToString($.o)`, `{"o":{"a":[1,2]}}`, `"{\"a\":[1,2]}"`},
		{`States.Array('Foo', 2020, $.x, null)`, `{"x":{"y":1}}`, `["Foo",2020,{"y":1},null]`},
		{`States.ArrayPartition($.a, 4)`, `{"a":[1,2,3,4,5,6,7,8,9]}`, `[[1,2,3,4],[5,6,7,8],[9]]`},
		{`States.ArrayContains($.a, 5)`, `{"a":[1,2,3,4,5]}`, `true`},
		{`States.ArrayRange(1, 9, 2)`, `{}`, `[1,3,5,7,9]`},
		{`States.ArrayGetItem($.a, 5)`, `{"a":[1,2,3,4,5,6,7,8,9]}`, `6`},
		{`States.ArrayLength($.a)`, `{"a":[1,2,3]}`, `3`},
		{`States.ArrayUnique($.a)`, `{"a":[1,2,3,3,3,3,3,3,4]}`, `[1,2,3,4]`},
		{`States.Base64Encode('Data to encode')`, `{}`, `"RGF0YSB0byBlbmNvZGU="`},
		{`States.Base64Decode('RGVjb2RlZCBkYXRh')`, `{}`, `"Decoded data"`},
		{`States.Hash('input data', 'SHA-1')`, `{}`, `"aaff4a450a104cd177d28d18d74485e8cae074b7"`},
		{`States.JsonMerge($.a, $.b, false)`, `{"a":{"x":1,"y":{"k":1}},"b":{"y":{"j":2}}}`, `{"x":1,"y":{"j":2}}`},
		{`States.MathAdd(111, -1)`, `{}`, `110`},
		{`States.StringSplit('1,2,3,4,5', ',')`, `{}`, `["1","2","3","4","5"]`},
		{`States.ArrayLength(States.StringSplit($.s, ' '))`, `{"s":"a b c"}`, `3`},
	}
	for _, c := range cases {
		got, f := evalExpr(t, c.expr, c.input)
		require.Nil(t, f, "%s: %v", c.expr, f)
		require.JSONEq(t, c.want, encodeJSON(got), c.expr)
	}
	v, f := evalExpr(t, `States.MathRandom(1, 10)`, `{}`)
	require.Nil(t, f)
	n, _ := number(v)
	require.True(t, n >= 1 && n < 10)
	a, _ := evalExpr(t, `States.MathRandom(1, 1000, 7)`, `{}`)
	b, _ := evalExpr(t, `States.MathRandom(1, 1000, 7)`, `{}`)
	require.Equal(t, a, b, "a seed makes MathRandom repeatable")
	u, _ := evalExpr(t, `States.UUID()`, `{}`)
	require.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, u)
}

// Bad arguments are States.IntrinsicFailure; bad syntax does not parse.
func TestIntrinsics_Failures(t *testing.T) {
	for _, expr := range []string{
		`States.Format('{} {}', 1)`, `States.ArrayGetItem($.a, 9)`, `States.ArrayPartition($.a, 0)`,
		`States.ArrayRange(1, 2000, 1)`, `States.StringToJson('nope')`, `States.Hash('x', 'SHA-2')`,
		`States.JsonMerge($.a, $.a, true)`, `States.MathAdd(1.5, 1)`, `States.Base64Decode('%%%')`,
		`States.ArrayLength('x')`,
	} {
		_, f := evalExpr(t, expr, `{"a":[1]}`)
		require.NotNil(t, f, expr)
		require.Equal(t, errIntrinsicFailure, f.Error, expr)
	}
	for _, expr := range []string{`States.Nope()`, `States.UUID(1)`, `States.Format(`, `Format('x')`, `States.Array('x'`} {
		_, err := parseIntrinsic(expr)
		require.Error(t, err, expr)
	}
}

// Paths read members, indices and wildcards; ResultPath writes, creating
// members on the way.
func TestPaths(t *testing.T) {
	doc, _ := decodeJSON(`{"a":{"b":[{"c":1},{"c":2}]},"x y":3}`)
	for src, want := range map[string]string{
		"$": `{"a":{"b":[{"c":1},{"c":2}]},"x y":3}`, "$.a.b[1].c": `2`, "$['x y']": `3`, "$.a.b[*].c": `[1,2]`,
	} {
		p, err := parsePath(src)
		require.NoError(t, err)
		v, ok := p.get(doc)
		require.True(t, ok, src)
		require.JSONEq(t, want, encodeJSON(v), src)
	}
	p, _ := parsePath("$.a.new.deep")
	out, ok := p.set(doc, "v")
	require.True(t, ok)
	require.JSONEq(t, `{"a":{"b":[{"c":1},{"c":2}],"new":{"deep":"v"}},"x y":3}`, encodeJSON(out))
	require.NotContains(t, encodeJSON(doc), "new", "set copies")
	p, _ = parsePath("$.x y.z")
	_, ok = p.set(doc, 1)
	require.False(t, ok, "a step through a number fails")
	for _, bad := range []string{"a.b", "$..", "$.a[?(@.b", "$.", "$[x]"} {
		_, err := parsePath(bad)
		require.Error(t, err, bad)
	}
}

// Choice comparators, their Path forms, type tests, StringMatches and
// the boolean combinations.
func TestChoiceRules(t *testing.T) {
	doc, _ := decodeJSON(`{"s":"log-2024.txt","n":5,"m":5.0,"b":true,"t":"2026-01-01T00:00:00Z","u":"2026-06-01T00:00:00Z","z":null}`)
	ev := &evaluator{th: &thread{ex: &execution{}}, input: doc}
	rule := func(js string) *rule {
		v, err := decodeJSON(js)
		require.NoError(t, err)
		p := &parser{}
		r := p.rule(v.(map[string]any), "/r")
		require.Empty(t, p.diags, js)
		return r
	}
	for js, want := range map[string]bool{
		`{"Variable":"$.s","StringMatches":"log-*.txt"}`:                                                  true,
		`{"Variable":"$.s","StringMatches":"log-\\*.txt"}`:                                                false,
		`{"Variable":"$.n","NumericEquals":5}`:                                                            true,
		`{"Variable":"$.n","NumericEqualsPath":"$.m"}`:                                                    true,
		`{"Variable":"$.n","NumericGreaterThan":5}`:                                                       false,
		`{"Variable":"$.n","NumericGreaterThanEquals":5}`:                                                 true,
		`{"Variable":"$.s","StringLessThan":"m"}`:                                                         true,
		`{"Variable":"$.b","BooleanEquals":true}`:                                                         true,
		`{"Variable":"$.t","TimestampLessThanPath":"$.u"}`:                                                true,
		`{"Variable":"$.t","TimestampEquals":"2026-01-01T00:00:00Z"}`:                                     true,
		`{"Variable":"$.missing","IsPresent":false}`:                                                      true,
		`{"Variable":"$.z","IsNull":true}`:                                                                true,
		`{"Variable":"$.n","IsNumeric":true}`:                                                             true,
		`{"Variable":"$.s","IsString":true}`:                                                              true,
		`{"Variable":"$.b","IsBoolean":true}`:                                                             true,
		`{"Variable":"$.t","IsTimestamp":true}`:                                                           true,
		`{"Variable":"$.s","IsTimestamp":true}`:                                                           false,
		`{"Variable":"$.missing","StringEquals":"x"}`:                                                     false,
		`{"Variable":"$.s","NumericEquals":1}`:                                                            false,
		`{"And":[{"Variable":"$.n","NumericEquals":5},{"Not":{"Variable":"$.b","BooleanEquals":false}}]}`: true,
		`{"Or":[{"Variable":"$.n","NumericEquals":6},{"Variable":"$.s","IsNull":true}]}`:                  false,
	} {
		require.Equal(t, want, rule(js).match(ev), js)
	}
}
