package pattern

import (
	"strings"
	"testing"

	"github.com/awsfake/awsfake/internal/pattern/patterntest"
)

// TestEventPattern_AWSDocumentedExamples runs every one of AWS's documented
// examples as LocalStack recorded them against AWS
// (events/test_events_patterns.py::TestEventPattern::
// test_event_pattern[<name>], recordings in
// aws-recordings/localstack/events/test_events_patterns.snapshot.json),
// the 24 written with JSON5's trailing commas included (patterntest): a
// name ending _NEG does not match, _EXC is an invalid pattern, any other
// matches.
func TestEventPattern_AWSDocumentedExamples(t *testing.T) {
	tpls, err := patterntest.Read("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range tpls {
		name := tpl.Name
		t.Run(name, func(t *testing.T) {
			p, err := Compile(tpl.EventPattern)
			switch {
			case strings.HasSuffix(name, "_EXC"):
				if err == nil {
					t.Fatalf("pattern %s compiled; AWS refuses it", tpl.EventPattern)
				}
			case err != nil:
				t.Fatalf("pattern %s: %v", tpl.EventPattern, err)
			default:
				want := !strings.HasSuffix(name, "_NEG")
				if got := p.MatchJSON(tpl.Event); got != want {
					t.Fatalf("match = %v, want %v\npattern %s\nevent %s", got, want, tpl.EventPattern, tpl.Event)
				}
			}
		})
	}
}

func TestEventPattern_ExactValuesIndexesOnlyLiteralStrings(t *testing.T) {
	for _, tc := range []struct {
		pat  string
		want []string
		ok   bool
	}{
		{`{"source":["a","b"],"detail":{"x":[1]}}`, []string{"a", "b"}, true},
		{`{"source":[{"prefix":"a"}]}`, nil, false},
		{`{"detail-type":["x"]}`, nil, false},
		{`{"source":["a"],"$or":[{"x":[1]},{"y":[2]}]}`, nil, false},
	} {
		p, err := Compile([]byte(tc.pat))
		if err != nil {
			t.Fatal(err)
		}
		got, ok := p.ExactValues("source")
		if ok != tc.ok || strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: ExactValues = %v %v, want %v %v", tc.pat, got, ok, tc.want, tc.ok)
		}
	}
}

func TestEventPattern_Reasons(t *testing.T) {
	for pat, reason := range map[string]string{
		`{"resources": []}`:                        "Empty arrays are not allowed",
		`{"int": 5}`:                               `"int" must be an object or an array`,
		`["a"]`:                                    "Filter is not an object",
		`{"a":[{"EXISTS": true}]}`:                 "Unrecognized match type EXISTS",
		`{"a":[{"numeric": [">", 0, ">", 5]}]}`:    "Bad numeric range operator: >",
		`{"a":[{"numeric": ["<", "x"]}]}`:          "Value of < must be numeric",
		`{"a":[{"wildcard": "x**"}]}`:              "Consecutive wildcard characters at pos 2",
		`{"a":[{"cidr": "10.0.0.0"}]}`:             "Malformed CIDR, one '/' required",
		`{"a":[{"anything-but": {"prefix": ""}}]}`: "Null prefix/suffix not allowed",
		`{"a":[{"anything-but": null}]}`:           "Value of anything-but must be an array or single string/number value.",
		`{"a":[{"anything-but": [true]}]}`:         "Inside anything but list, start|null|boolean is not supported.",
	} {
		_, err := Compile([]byte(pat))
		if err == nil || err.Error() != reason {
			t.Errorf("%s: %v, want %q", pat, err, reason)
		}
	}
}
