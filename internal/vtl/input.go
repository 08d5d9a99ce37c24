package vtl

import (
	"maps"
	"slices"
	"strings"
)

// Input is $input for one request (not for concurrent use): its body and
// its parameters
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-variable-reference).
type Input struct {
	Body        string
	Path        map[string]string
	QueryString map[string]string
	Header      map[string]string

	parsed  any
	decoded bool
}

// Property answers $input.body.
func (in *Input) Property(name string) (any, bool) {
	if name == "body" {
		return in.Body, true
	}
	return nil, false
}

// Method answers $input.json(path), $input.path(path), $input.params()
// and $input.params(name).
func (in *Input) Method(name string, args []any) (any, bool) {
	switch {
	case name == "params" && len(args) == 0:
		all := NewMap()
		all.Put("path", stringMap(in.Path))
		all.Put("querystring", stringMap(in.QueryString))
		all.Put("header", stringMap(in.Header))
		return all, true
	case name == "params" && len(args) == 1:
		return in.param(String(args[0])), true
	case (name == "json" || name == "path") && len(args) == 1:
		v, err := selectPath(in.document(), String(args[0]))
		if err != nil {
			return nil, true
		}
		if name == "json" {
			return JSON(v), true
		}
		return v, true
	}
	return nil, false
}

// document is the body as JSON, parsed once; a body that is not JSON is
// a JSON string of itself, as API Gateway reads a plain-text body.
func (in *Input) document() any {
	if !in.decoded {
		in.decoded = true
		v, err := ParseJSON(in.Body)
		if err != nil {
			v = in.Body
		}
		in.parsed = v
	}
	return in.parsed
}

// param looks name up in the path, then the query string, then the
// headers (by any case), as $input.params(x) does.
func (in *Input) param(name string) any {
	if v, ok := in.Path[name]; ok {
		return v
	}
	if v, ok := in.QueryString[name]; ok {
		return v
	}
	if v, ok := in.Header[name]; ok {
		return v
	}
	for k, v := range in.Header {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

func stringMap(m map[string]string) *Map {
	out := NewMap()
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out.Put(k, m[k])
	}
	return out
}
