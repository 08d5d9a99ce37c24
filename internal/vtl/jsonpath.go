package vtl

import (
	"errors"
	"strconv"
	"strings"
)

// JSONPath as $input.path and $input.json read it (API Gateway uses
// Jayway JsonPath): $, .name, ['name'], [n] (negative from the end), [*]
// and .*, ..name (deep scan), unions [a,b] and slices [start:end]. A path
// that names one place selects that value (null when absent); one with a
// wildcard, a deep scan, a union or a slice selects the list of matches.
// Filters ([?(...)]) are not modelled: the path fails to parse.

var errBadPath = errors.New("vtl: invalid JSONPath")

type pathSeg struct {
	deep     bool     // ..
	wildcard bool     // * or [*]
	names    []string // .a, ['a','b']
	indexes  []int    // [0], [1,2]
	slice    *[2]*int // [start:end]
}

func (s pathSeg) definite() bool {
	return !s.deep && !s.wildcard && s.slice == nil && len(s.names)+len(s.indexes) == 1
}

func parsePath(path string) ([]pathSeg, error) {
	path = strings.TrimSpace(path)
	if !strings.HasPrefix(path, "$") {
		return nil, errBadPath
	}
	var segs []pathSeg
	for i := 1; i < len(path); {
		var seg pathSeg
		switch {
		case strings.HasPrefix(path[i:], ".."):
			seg.deep = true
			i += 2
		case path[i] == '.':
			i++
		case path[i] == '[':
		default:
			return nil, errBadPath
		}
		if i < len(path) && path[i] == '[' {
			end := strings.IndexByte(path[i:], ']')
			if end < 0 {
				return nil, errBadPath
			}
			if err := parseBracket(path[i+1:i+end], &seg); err != nil {
				return nil, err
			}
			i += end + 1
		} else {
			j := i
			for j < len(path) && path[j] != '.' && path[j] != '[' {
				j++
			}
			switch name := path[i:j]; name {
			case "":
				return nil, errBadPath
			case "*":
				seg.wildcard = true
			default:
				seg.names = []string{name}
			}
			i = j
		}
		segs = append(segs, seg)
	}
	return segs, nil
}

func parseBracket(in string, seg *pathSeg) error {
	in = strings.TrimSpace(in)
	switch {
	case in == "*":
		seg.wildcard = true
		return nil
	case strings.HasPrefix(in, "?"):
		return errBadPath
	case strings.Contains(in, ":") && !strings.ContainsAny(in, `'"`):
		a, b, _ := strings.Cut(in, ":")
		var bounds [2]*int
		for k, s := range []string{a, b} {
			if s = strings.TrimSpace(s); s != "" {
				n, err := strconv.Atoi(s)
				if err != nil {
					return errBadPath
				}
				bounds[k] = &n
			}
		}
		seg.slice = &bounds
		return nil
	}
	for part := range strings.SplitSeq(in, ",") {
		part = strings.TrimSpace(part)
		if len(part) >= 2 && (part[0] == '\'' || part[0] == '"') && part[len(part)-1] == part[0] {
			seg.names = append(seg.names, part[1:len(part)-1])
			continue
		}
		n, err := strconv.Atoi(part)
		if err != nil {
			return errBadPath
		}
		seg.indexes = append(seg.indexes, n)
	}
	return nil
}

// selectPath evaluates path against root.
func selectPath(root any, path string) (any, error) {
	segs, err := parsePath(path)
	if err != nil {
		return nil, err
	}
	definite := true
	cur := []any{root}
	for _, seg := range segs {
		definite = definite && seg.definite()
		var next []any
		for _, v := range cur {
			next = seg.apply(v, next)
		}
		cur = next
	}
	if definite {
		if len(cur) == 0 {
			return nil, nil
		}
		return cur[0], nil
	}
	return &List{Items: cur}, nil
}

func (s pathSeg) apply(v any, out []any) []any {
	if s.deep {
		return s.deepScan(v, out)
	}
	return s.children(v, out)
}

func (s pathSeg) children(v any, out []any) []any {
	switch x := v.(type) {
	case *Map:
		if s.wildcard {
			return append(out, iterate(x)...)
		}
		for _, n := range s.names {
			if got, ok := x.Get(n); ok {
				out = append(out, got)
			}
		}
	case *List:
		n := len(x.Items)
		switch {
		case s.wildcard:
			return append(out, x.Items...)
		case s.slice != nil:
			start, end := 0, n
			if b := s.slice[0]; b != nil {
				start = clampIndex(*b, n)
			}
			if b := s.slice[1]; b != nil {
				end = clampIndex(*b, n)
			}
			for i := start; i < end; i++ {
				out = append(out, x.Items[i])
			}
		}
		for _, i := range s.indexes {
			if i < 0 {
				i += n
			}
			if i >= 0 && i < n {
				out = append(out, x.Items[i])
			}
		}
	}
	return out
}

func clampIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	return min(max(i, 0), n)
}

// deepScan applies the segment at v and at every value below it.
func (s pathSeg) deepScan(v any, out []any) []any {
	out = s.children(v, out)
	for _, child := range iterate(v) {
		out = s.deepScan(child, out)
	}
	return out
}
