package logs

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The examples of "Filter pattern syntax for metric filters, subscription
// filters, filter log events" (AWS CloudWatch Logs User Guide), each with
// events it matches and events it does not.
var patternExamples = []struct {
	name, pattern string
	match, miss   []string
}{
	{"empty matches all", "", []string{"anything", "{}"}, nil},
	{"blank matches all", " ", []string{"anything"}, nil},
	{"one term", "ERROR", []string{"[ERROR] 400 BadRequest", "ERROR: disk"}, []string{"[INFO] ok", "error lower case"}},
	{"every term", "ERROR Exception", []string{"ERROR IllegalArgumentException"}, []string{"ERROR only", "Exception only"}},
	{"quoted phrase", `"Failed to process"`, []string{"job: Failed to process the request"}, []string{"Failed to  process", "Failed process"}},
	{"OR terms", "?ERROR ?WARN", []string{"[ERROR] x", "[WARN] y"}, []string{"[INFO] z"}},
	{"exclusion", "ERROR -Exiting", []string{"ERROR: retrying"}, []string{"ERROR: Exiting now", "INFO: ok"}},
	{"quoted exclusion", `ERROR -"Exiting now"`, []string{"ERROR: Exiting later"}, []string{"ERROR: Exiting now"}},
	{"regex term", `%ERROR [0-9]{3}%`, []string{"got ERROR 404 here"}, []string{"ERROR 4x4"}},

	{"JSON string", `{ $.eventType = "UpdateTrail" }`, []string{`{"eventType":"UpdateTrail"}`}, []string{`{"eventType":"CreateTrail"}`, "UpdateTrail", `{"other":1}`}},
	{"JSON not equal", `{ $.eventType != "UpdateTrail" }`, []string{`{"eventType":"CreateTrail"}`}, []string{`{"eventType":"UpdateTrail"}`, `{"x":1}`}},
	{"JSON wildcard", `{ $.sourceIPAddress = 123.123.* }`, []string{`{"sourceIPAddress":"123.123.1.2"}`}, []string{`{"sourceIPAddress":"124.123.1.2"}`}},
	{"JSON quoted wildcard", `{ $.eventName = "Describe*" }`, []string{`{"eventName":"DescribeInstances"}`}, []string{`{"eventName":"RunInstances"}`}},
	{"JSON array index", `{ $.arrayKey[0] = "value" }`, []string{`{"arrayKey":["value","x"]}`}, []string{`{"arrayKey":["x","value"]}`}},
	{"JSON object in array", `{ $.objectList[1].id = 2 }`, []string{`{"objectList":[{"id":1},{"id":2}]}`}, []string{`{"objectList":[{"id":2},{"id":1}]}`}},
	{"JSON numeric", `{ $.latency > 50 }`, []string{`{"latency":51}`, `{"latency":5e2}`}, []string{`{"latency":50}`, `{"latency":"slow"}`}},
	{"JSON numeric bounds", `{ $.bandwidth >= 75 && $.bandwidth <= 80 }`, []string{`{"bandwidth":75}`, `{"bandwidth":80}`}, []string{`{"bandwidth":74.9}`, `{"bandwidth":81}`}},
	{"JSON numeric not equal", `{ $.code != 200 }`, []string{`{"code":500}`}, []string{`{"code":200}`, `{"code":200.0}`}},
	{"JSON AND", `{ $.user.id = 1 && $.users[0].email = "John.Doe@example.com" }`,
		[]string{`{"user":{"id":1},"users":[{"email":"John.Doe@example.com"}]}`}, []string{`{"user":{"id":2},"users":[{"email":"John.Doe@example.com"}]}`}},
	{"JSON OR and parens", `{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }`,
		[]string{`{"user":{"id":1},"actions":["PUT","POST","GET"]}`, `{"user":{"id":2},"users":[{"email":"nonmatch"}]}`},
		[]string{`{"user":{"id":2},"users":[{"email":"x"}],"actions":["GET"]}`}},
	{"the issue's example", `{ $.a = 1 && ($.b.c != "x" || $.d[0] IS NULL) }`,
		[]string{`{"a":1,"b":{"c":"y"}}`, `{"a":1,"b":{"c":"x"},"d":[null]}`}, []string{`{"a":1,"b":{"c":"x"},"d":[1]}`, `{"a":2,"b":{"c":"y"}}`}},
	{"IS TRUE", `{ $.isTrue IS TRUE }`, []string{`{"isTrue":true}`}, []string{`{"isTrue":false}`, `{"isTrue":"true"}`, `{}`}},
	{"IS FALSE", `{ $.isFalse IS FALSE }`, []string{`{"isFalse":false}`}, []string{`{"isFalse":true}`, `{}`}},
	{"IS NULL", `{ $.nullField IS NULL }`, []string{`{"nullField":null}`}, []string{`{"nullField":0}`, `{}`}},
	{"NOT EXISTS", `{ $.userId NOT EXISTS }`, []string{`{"other":1}`, `{"user":{"userId":1}}`}, []string{`{"userId":null}`, `{"userId":1}`}},
	{"JSON any element", `{ $.tags[*] = "prod" }`, []string{`{"tags":["dev","prod"]}`}, []string{`{"tags":["dev"]}`}},
	{"JSON regex", `{ $.message = %^time(out)?$% }`, []string{`{"message":"timeout"}`, `{"message":"time"}`}, []string{`{"message":"timeouts"}`}},

	{"space-delimited all fields", `[ip, user, username, timestamp, request, status_code, bytes]`,
		[]string{`127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534`},
		[]string{`127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200`}},
	{"space-delimited wildcard", `[ip, user, username, timestamp, request, status_code=4*, bytes]`,
		[]string{`127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /x HTTP/1.0" 404 1534`},
		[]string{`127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /x HTTP/1.0" 200 1534`}},
	{"space-delimited ellipsis", `[..., status_code=404, bytes]`,
		[]string{`a b c 404 12`, `404 12`}, []string{`a b c 200 12`, `a 404 12 13`}},
	{"the issue's space example", `[ip, user, ..., status=4*, size>1000]`,
		[]string{`10.0.0.1 bob GET /a 404 2048`, `10.0.0.1 bob 403 1001`}, []string{`10.0.0.1 bob GET /a 404 999`, `10.0.0.1 bob GET /a 500 2048`}},
	{"space-delimited OR", `[level=ERROR || level=WARN, ...]`, []string{`WARN disk low`, `ERROR x`}, []string{`INFO x`}},
	{"space-delimited AND", `[code>=400 && code<500, ...]`, []string{`404 x`}, []string{`500 x`, `399 x`}},
	{"space-delimited not equal", `[level!=INFO, msg]`, []string{`WARN m`}, []string{`INFO m`}},
	{"space-delimited regex", `[ip, status=%^5[0-9]{2}$%]`, []string{`1.2.3.4 503`}, []string{`1.2.3.4 404`}},
	{"space-delimited quoted value", `[method="GET /x", code]`, []string{`"GET /x" 200`}, []string{`"GET /y" 200`}},
}

func TestPattern_AWSExamples(t *testing.T) {
	for _, tc := range patternExamples {
		t.Run(tc.name, func(t *testing.T) {
			p, err := compileFilter(tc.pattern)
			require.NoError(t, err)
			for _, m := range tc.match {
				assert.True(t, p.match(m), "%s should match %s", tc.pattern, m)
			}
			for _, m := range tc.miss {
				assert.False(t, p.match(m), "%s should not match %s", tc.pattern, m)
			}
		})
	}
}

// Patterns AWS refuses are InvalidParameterException.
func TestPattern_Refused(t *testing.T) {
	for _, src := range []string{
		`{ $.a = }`, `{ $.a > "x" }`, `{ a = 1 }`, `{ $.a = 1 && }`, `{ ($.a = 1 }`, `{ $.a IS MAYBE }`, `{ $.a = 1`,
		`[a, b`, `[a > x]`, `[a = %[%]`, `"unterminated`, `%unterminated`, `%(%`, `{ $.a[x] = 1 }`, `{ $.a ! 1 }`,
	} {
		_, err := compileFilter(src)
		require.Error(t, err, src)
		assert.Contains(t, err.Error(), "InvalidParameterException", src)
	}
}

// Values the pattern names are extracted as TestMetricFilter gives them.
func TestPattern_Extracts(t *testing.T) {
	p, err := compileFilter(`[ip, user, ..., status, size]`)
	require.NoError(t, err)
	ok, vals := p.matchExtract(`1.2.3.4 bob GET / 200 512`, true)
	require.True(t, ok)
	assert.Equal(t, map[string]string{"$ip": "1.2.3.4", "$user": "bob", "$status": "200", "$size": "512"}, vals)
	v, ok := p.value("$size", `1.2.3.4 bob GET / 200 512`)
	assert.True(t, ok)
	assert.Equal(t, 512.0, v)

	j, err := compileFilter(`{ $.latency > 1 }`)
	require.NoError(t, err)
	ok, vals = j.matchExtract(`{"latency": 20}`, true)
	require.True(t, ok)
	assert.Equal(t, map[string]string{"$.latency": "20"}, vals)
}

// Several ellipses do not make matching exponential.
func TestPattern_EllipsesAreLinear(t *testing.T) {
	p, err := compileFilter(`[..., ..., ..., ..., ..., ..., ..., ..., x=never]`)
	require.NoError(t, err)
	msg := ""
	for range 300 {
		msg += "f "
	}
	assert.False(t, p.match(msg))
}
