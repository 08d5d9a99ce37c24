// Package patterntest reads the event pattern templates of
// internal/pattern/testdata for the tests of internal/pattern and
// eventbridge: each is JSON5 as LocalStack wrote it, of which the
// templates use comments and trailing commas only, and ToJSON turns that
// subset into JSON.
package patterntest

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Template is one recorded example: an event and a pattern. A name ending
// _NEG does not match, _EXC is an invalid pattern, any other matches.
type Template struct {
	Name         string
	Event        json.RawMessage
	EventPattern json.RawMessage
}

// Read reads every template of dir (its *.json5 files), in name order.
func Read(dir string) ([]Template, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json5"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no templates in %s: %v", dir, err)
	}
	out := make([]Template, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		js, err := ToJSON(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		tpl := Template{Name: strings.TrimSuffix(filepath.Base(f), ".json5")}
		if err := json.Unmarshal(js, &tpl); err != nil || tpl.Event == nil || tpl.EventPattern == nil {
			return nil, fmt.Errorf("%s: not an Event and an EventPattern: %v", f, err)
		}
		out = append(out, tpl)
	}
	return out, nil
}

// ToJSON turns the JSON5 subset of the templates into JSON: // and /* */
// comments outside strings are dropped, and so is a comma whose next
// token closes an object or an array. Anything else of JSON5 (single
// quotes, unquoted keys, hexadecimal numbers) is left for json.Unmarshal
// to refuse.
func ToJSON(src []byte) ([]byte, error) {
	out := make([]byte, 0, len(src))
	pendingComma := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '"':
			end, err := stringEnd(src, i)
			if err != nil {
				return nil, err
			}
			out = flushComma(out, &pendingComma)
			out = append(out, src[i:end]...)
			i = end - 1
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(string(src[i+2:]), "*/")
			if end < 0 {
				return nil, errors.New("unterminated comment")
			}
			i += end + 3
		case c == ',':
			out = flushComma(out, &pendingComma)
			pendingComma = true
		case c == '}' || c == ']':
			pendingComma = false
			out = append(out, c)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			out = append(out, c)
		default:
			out = flushComma(out, &pendingComma)
			out = append(out, c)
		}
	}
	return flushComma(out, &pendingComma), nil
}

func flushComma(out []byte, pending *bool) []byte {
	if *pending {
		*pending = false
		return append(out, ',')
	}
	return out
}

// stringEnd is the index just past the string that starts at src[i].
func stringEnd(src []byte, i int) (int, error) {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '"':
			return j + 1, nil
		}
	}
	return 0, errors.New("unterminated string")
}
