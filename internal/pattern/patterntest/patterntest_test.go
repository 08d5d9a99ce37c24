package patterntest

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestToJSON_CommentsAndTrailingCommas(t *testing.T) {
	for in, want := range map[string]string{
		"{\"a\": [1, 2,], // x\n}":             `{"a":[1,2]}`,
		`{"u": "http://x,]", /* c */ "b": 1,}`: `{"u":"http://x,]","b":1}`,
		`{"s": "q\"//", "t": [ 3, ]}`:          `{"s":"q\"//","t":[3]}`,
	} {
		got, err := ToJSON([]byte(in))
		var compact bytes.Buffer
		if err == nil {
			err = json.Compact(&compact, got)
		}
		if err != nil || compact.String() != want {
			t.Errorf("ToJSON(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{`{"a": "x`, `{"a": 1 /* x`} {
		if _, err := ToJSON([]byte(bad)); err == nil {
			t.Errorf("ToJSON(%q) accepted", bad)
		}
	}
}

func TestRead_EveryTemplate(t *testing.T) {
	tpls, err := Read("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(tpls) != 155 {
		t.Fatalf("%d templates, want 155", len(tpls))
	}
}
