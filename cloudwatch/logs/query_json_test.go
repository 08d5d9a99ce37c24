package logs

import (
	"encoding/json"
	"errors"
	"io"
	"maps"
	"strconv"
	"strings"
	"testing"
)

// flattenStd is the oracle jsonFields replaced: encoding/json's decoding
// of the first value, flattened with dots. ok false when encoding/json
// refuses the message, or when an object repeats a key (a map keeps the
// last value only, where the scanner keeps the earlier one's leaves too).
func flattenStd(msg string) (row, bool) {
	dec := json.NewDecoder(strings.NewReader(msg))
	dec.UseNumber()
	var doc map[string]any
	if dec.Decode(&doc) != nil || repeatsAKey(msg) {
		return row{}, false
	}
	r := row{}
	var walk func(prefix string, v any, depth int)
	walk = func(prefix string, v any, depth int) {
		if depth > maxFlattenDepth {
			return
		}
		join := func(k string) string {
			if prefix == "" {
				return k
			}
			return prefix + "." + k
		}
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				walk(join(k), c, depth+1)
			}
		case []any:
			for i, c := range x {
				walk(join(strconv.Itoa(i)), c, depth+1)
			}
		case json.Number:
			r[prefix] = x.String()
		case string:
			r[prefix] = x
		case bool:
			r[prefix] = strconv.FormatBool(x)
		}
	}
	walk("", doc, 0)
	return r, true
}

// repeatsAKey reports whether an object of msg's first value names a key
// twice, or two paths flatten to one name.
func repeatsAKey(msg string) bool {
	dec := json.NewDecoder(strings.NewReader(msg))
	type frame struct {
		keys  map[string]bool
		isObj bool
		key   bool // the next string token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) || err != nil {
			return false
		}
		top := (*frame)(nil)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if s, ok := tok.(string); ok && top != nil && top.isObj && top.key {
			if top.keys[s] || strings.Contains(s, ".") || s == "" {
				return true // a repeat, or a name another path may give
			}
			top.keys[s] = true
			top.key = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{keys: map[string]bool{}, isObj: true, key: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return false
			}
		}
		if top := stack[len(stack)-1]; top.isObj {
			top.key = true
		}
	}
}

var jsonSeeds = []string{
	`{"n":3,"x":"v","tags":[1,{"k":null}],"b":true,"f":false,"e":-1.5e+3}`,
	`{"a":{"b":{"c":"d"}},"s":"caf\u00e9 \"q\" \n","u":"\ud83d\ude00","bad":"\ud800"}`,
	`{} trailing`, `{"a":1,}`, `{"a":01}`, `{"a":"\x"}`, `{"a":[1,2,]}`, `{"a" 1}`, `{"a":1e}`,
	"{\"a\":\"tab\there\"}", "{\"a\":\"\xff\xfe\"}", `{"a":-}`, `{"a":.5}`, `{"a":nul}`,
	`{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}`,
}

func TestJSONFields_AsEncodingJSON(t *testing.T) {
	for _, msg := range jsonSeeds {
		checkJSONFields(t, msg)
	}
}

// The nesting limit is encoding/json's: 10,000 nested values parse, one
// more does not.
func TestJSONFields_NestingLimit(t *testing.T) {
	for _, n := range []int{maxNesting - 1, maxNesting, maxNesting + 1} {
		msg := `{"a":` + strings.Repeat("[", n-1) + strings.Repeat("]", n-1) + `,"b":1}`
		want := n <= maxNesting
		r := row{}
		jsonFields(r, msg, nil)
		if got := r["b"] == "1"; got != want {
			t.Errorf("%d nested: fields read %v, want %v", n, got, want)
		}
		var doc map[string]any
		if got := json.Unmarshal([]byte(msg), &doc) == nil; got != want {
			t.Errorf("%d nested: encoding/json reads it %v, want %v", n, got, want)
		}
	}
}

// Only the fields a query needs are stored.
func TestJSONFields_OnlyWhatIsNeeded(t *testing.T) {
	r := row{}
	jsonFields(r, `{"level":"INFO","latencyMs":12,"req":{"id":"x","path":"/a"}}`, fieldSet{"req.id": "req.id", "level": "level"})
	if want := (row{"level": "INFO", "req.id": "x"}); !maps.Equal(r, want) {
		t.Fatalf("fields %v, want %v", r, want)
	}
}

func FuzzJSONFields(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		if !strings.HasPrefix(msg, "{") {
			return
		}
		checkJSONFields(t, msg)
	})
}

func checkJSONFields(t *testing.T, msg string) {
	t.Helper()
	want, ok := flattenStd(msg)
	got := row{}
	jsonFields(got, msg, nil)
	if !ok {
		var doc map[string]any
		dec := json.NewDecoder(strings.NewReader(msg))
		if dec.Decode(&doc) != nil && len(got) > 0 {
			t.Fatalf("%q: encoding/json refuses it, the scanner read %v", msg, got)
		}
		return
	}
	if !maps.Equal(got, want) {
		t.Fatalf("%q: scanner read %v, encoding/json %v", msg, got, want)
	}
}
