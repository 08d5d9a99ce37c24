package logs

import (
	"regexp"
	"strconv"
	"strings"
)

// spacePattern is a space-delimited pattern: one spec per field of the
// event, split on spaces (text in "" or [] is one field), with ... for any
// number of fields.
type spacePattern struct {
	specs  []fieldSpec
	regexN int
}

// fieldSpec is one field of the pattern: a name, conditions joined by &&
// and ||, or the ellipsis.
type fieldSpec struct {
	name     string
	ellipsis bool
	cond     fieldCond // nil when the field is only named
}

// fieldCond is a condition on a field's value.
type fieldCond interface{ test(v string) bool }

type fieldBool struct {
	and  bool
	l, r fieldCond
}

func (b fieldBool) test(v string) bool {
	if b.and {
		return b.l.test(v) && b.r.test(v)
	}
	return b.l.test(v) || b.r.test(v)
}

// fieldCmp compares a field with a value: = and != with * wildcards,
// numeric operators on numbers, or a %regex%.
type fieldCmp struct {
	op    string
	str   string
	num   float64
	isNum bool
	re    *regexp.Regexp
}

func (c fieldCmp) test(v string) bool {
	if c.re != nil {
		return c.re.MatchString(v) == (c.op == "=")
	}
	if c.isNum {
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return compareNum(c.op, f, c.num)
		}
		if c.op != "=" && c.op != "!=" {
			return false
		}
	}
	if c.op == "=" {
		return glob(c.str, v)
	}
	return c.op == "!=" && !glob(c.str, v)
}

// parseSpacePattern parses [spec, spec, ...].
func parseSpacePattern(src string) (*spacePattern, error) {
	if !strings.HasSuffix(src, "]") {
		return nil, errorf("a space-delimited pattern must end with ]")
	}
	sp := &spacePattern{}
	body := strings.TrimSpace(src[1 : len(src)-1])
	if body == "" {
		return sp, nil
	}
	for _, part := range splitTop(body, ',') {
		part = strings.TrimSpace(part)
		if part == "..." {
			sp.specs = append(sp.specs, fieldSpec{ellipsis: true})
			continue
		}
		spec, n, err := parseFieldSpec(part)
		if err != nil {
			return nil, err
		}
		sp.regexN += n
		sp.specs = append(sp.specs, spec)
	}
	return sp, nil
}

// splitTop splits s on sep outside quotes and %regex%.
func splitTop(s string, sep byte) []string {
	var out []string
	start, inQ, inRe := 0, false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && inQ:
			i++
		case c == '"' && !inRe:
			inQ = !inQ
		case c == '%' && !inQ:
			inRe = !inRe
		case c == sep && !inQ && !inRe:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// parseFieldSpec parses name, or conditions on one name joined by || and
// &&, and returns how many regular expressions it holds.
func parseFieldSpec(s string) (fieldSpec, int, error) {
	var spec fieldSpec
	regexN := 0
	var or fieldCond
	for _, alt := range splitOp(s, "||") {
		var and fieldCond
		for _, atom := range splitOp(alt, "&&") {
			name, c, err := parseFieldAtom(strings.TrimSpace(atom))
			if err != nil {
				return fieldSpec{}, 0, err
			}
			if spec.name == "" {
				spec.name = name
			} else if name != spec.name {
				return fieldSpec{}, 0, errorf("the conditions of a field must name the same field")
			}
			if c == nil {
				if len(s) != len(atom) {
					return fieldSpec{}, 0, errorf("a field name cannot be joined with && or ||")
				}
				return spec, 0, nil
			}
			if c.re != nil {
				regexN++
			}
			and = join(and, *c, true)
		}
		or = join(or, and, false)
	}
	spec.cond = or
	return spec, regexN, nil
}

func join(l, r fieldCond, and bool) fieldCond {
	if l == nil {
		return r
	}
	return fieldBool{and: and, l: l, r: r}
}

// splitOp splits s on the operator op outside quotes and %regex%.
func splitOp(s, op string) []string {
	var out []string
	start, inQ, inRe := 0, false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && inQ:
			i++
		case c == '"' && !inRe:
			inQ = !inQ
		case c == '%' && !inQ:
			inRe = !inRe
		case !inQ && !inRe && strings.HasPrefix(s[i:], op):
			out = append(out, s[start:i])
			start = i + len(op)
			i += len(op) - 1
		}
	}
	return append(out, s[start:])
}

// parseFieldAtom reads name, or name op value.
func parseFieldAtom(s string) (string, *fieldCmp, error) {
	i := strings.IndexAny(s, "=!<>")
	if i < 0 {
		if !validFieldName(s) {
			return "", nil, errorf("a bad field name: " + s)
		}
		return s, nil, nil
	}
	name := strings.TrimSpace(s[:i])
	if !validFieldName(name) {
		return "", nil, errorf("a bad field name: " + name)
	}
	op := s[i : i+1]
	if i+1 < len(s) && s[i+1] == '=' {
		op = s[i : i+2]
	}
	if op == "!" {
		return "", nil, errorf("! must be followed by =")
	}
	v := strings.TrimSpace(s[i+len(op):])
	if v == "" {
		return "", nil, errorf("a value is missing after " + op)
	}
	c := &fieldCmp{op: op}
	switch {
	case len(v) >= 2 && v[0] == '%' && v[len(v)-1] == '%':
		if op != "=" && op != "!=" {
			return "", nil, errorf("a regular expression takes = or !=")
		}
		re, err := compileRegex(v[1 : len(v)-1])
		if err != nil {
			return "", nil, err
		}
		c.re = re
	case len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"':
		c.str = unquote(v[1 : len(v)-1])
	default:
		c.str = v
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			c.num, c.isNum = f, true
		}
	}
	if !c.isNum && c.re == nil && op != "=" && op != "!=" {
		return "", nil, errorf("the operator " + op + " takes a number")
	}
	return name, c, nil
}

// validFieldName reports whether s names a field: letters, digits, _ and -.
func validFieldName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// splitFields splits an event into its fields: runs of non-space, a "..."
// or [...] group being one field (without its quotes or brackets).
func splitFields(msg string) []string {
	var out []string
	for i := 0; i < len(msg); {
		switch c := msg[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '"' || c == '[':
			closer := byte('"')
			if c == '[' {
				closer = ']'
			}
			end := strings.IndexByte(msg[i+1:], closer)
			if end < 0 {
				out = append(out, msg[i:])
				return out
			}
			out = append(out, msg[i+1:i+1+end])
			i += end + 2
		default:
			n := i
			for n < len(msg) && msg[n] != ' ' && msg[n] != '\t' {
				n++
			}
			out = append(out, msg[i:n])
			i = n
		}
	}
	return out
}

// match matches msg's fields against the specs, ... taking any number of
// fields; extract returns the named fields' values as $name.
func (sp *spacePattern) match(msg string, extract bool) (bool, map[string]string) {
	fields := splitFields(msg)
	m := &fieldMatch{sp: sp, fields: fields, failed: map[[2]int]bool{}}
	if !m.from(0, 0) {
		return false, nil
	}
	if !extract {
		return true, nil
	}
	vals := map[string]string{}
	for k, fi := range m.bound {
		if fi >= 0 && sp.specs[k].name != "" {
			vals["$"+sp.specs[k].name] = fields[fi]
		}
	}
	return true, vals
}

// fieldMatch is one match of a space-delimited pattern: bound[k] is the
// field spec k took (-1 for the ellipsis); failed remembers the (spec,
// field) pairs that cannot match, so that several ellipses cost at most
// specs x fields steps.
type fieldMatch struct {
	sp     *spacePattern
	fields []string
	bound  []int
	failed map[[2]int]bool
}

// from matches specs[k:] against fields[i:].
func (m *fieldMatch) from(k, i int) bool {
	if k == len(m.sp.specs) {
		return i == len(m.fields)
	}
	if m.failed[[2]int{k, i}] {
		return false
	}
	spec := m.sp.specs[k]
	m.bound = append(m.bound[:k], -1)
	ok := false
	switch {
	case spec.ellipsis:
		for j := i; j <= len(m.fields) && !ok; j++ {
			ok = m.from(k+1, j)
		}
	case i < len(m.fields) && (spec.cond == nil || spec.cond.test(m.fields[i])):
		m.bound[k] = i
		ok = m.from(k+1, i+1)
	}
	if !ok {
		m.failed[[2]int{k, i}] = true
	}
	return ok
}
