package policy

import (
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// family is the family of a condition operator.
type family uint8

const (
	kString family = iota + 1
	kStringFold
	kStringLike
	kNumeric
	kDate
	kBool
	kBinary
	kIP
	kARN
	kNull
)

// compare is the relation a numeric or date operator tests.
type compare uint8

const (
	cmpEq compare = iota
	cmpLT
	cmpLE
	cmpGT
	cmpGE
)

// base is an operator without its set prefix and IfExists suffix.
type base struct {
	family  family
	cmp     compare
	negated bool
}

// operators are AWS's condition operators (IAM User Guide, "IAM JSON policy
// elements: Condition operators").
var operators = map[string]base{
	"StringEquals": {family: kString}, "StringNotEquals": {family: kString, negated: true},
	"StringEqualsIgnoreCase": {family: kStringFold}, "StringNotEqualsIgnoreCase": {family: kStringFold, negated: true},
	"StringLike": {family: kStringLike}, "StringNotLike": {family: kStringLike, negated: true},
	"NumericEquals": {family: kNumeric}, "NumericNotEquals": {family: kNumeric, negated: true},
	"NumericLessThan": {family: kNumeric, cmp: cmpLT}, "NumericLessThanEquals": {family: kNumeric, cmp: cmpLE},
	"NumericGreaterThan": {family: kNumeric, cmp: cmpGT}, "NumericGreaterThanEquals": {family: kNumeric, cmp: cmpGE},
	"DateEquals": {family: kDate}, "DateNotEquals": {family: kDate, negated: true},
	"DateLessThan": {family: kDate, cmp: cmpLT}, "DateLessThanEquals": {family: kDate, cmp: cmpLE},
	"DateGreaterThan": {family: kDate, cmp: cmpGT}, "DateGreaterThanEquals": {family: kDate, cmp: cmpGE},
	"Bool": {family: kBool}, "BinaryEquals": {family: kBinary},
	"IpAddress": {family: kIP}, "NotIpAddress": {family: kIP, negated: true},
	"ArnEquals": {family: kARN}, "ArnLike": {family: kARN},
	"ArnNotEquals": {family: kARN, negated: true}, "ArnNotLike": {family: kARN, negated: true},
	"Null": {family: kNull},
}

// setOp is the ForAllValues / ForAnyValue qualifier of an operator.
type setOp uint8

const (
	single setOp = iota
	forAll
	forAny
)

// operator is a parsed condition operator name.
type operator struct {
	base
	set      setOp
	ifExists bool
}

// parseOperator reads "ForAnyValue:StringLikeIfExists" and the like.
func parseOperator(name string) (operator, bool) {
	var op operator
	switch {
	case strings.HasPrefix(name, "ForAllValues:"):
		op.set, name = forAll, name[len("ForAllValues:"):]
	case strings.HasPrefix(name, "ForAnyValue:"):
		op.set, name = forAny, name[len("ForAnyValue:"):]
	}
	if n, ok := strings.CutSuffix(name, "IfExists"); ok && n != "Null" {
		op.ifExists, name = true, n
	}
	b, ok := operators[name]
	if !ok || (b.family == kNull && op.set != single) {
		return operator{}, false
	}
	op.base = b
	return op, true
}

// conditions reports whether every operator and key of the block holds
// (AND), each with any of its values (OR).
func (e *evaluation) conditions(block map[string]map[string]Values) bool {
	for name, keys := range block {
		op, ok := parseOperator(name)
		if !ok {
			return false
		}
		for key, values := range keys {
			if !e.condition(op, key, values) {
				return false
			}
		}
	}
	return true
}

// condition tests one key. A missing key fails a positive operator and
// passes a negated one, ...IfExists and ForAllValues; a negated operator
// holds when no value matches (NOR), as AWS documents.
func (e *evaluation) condition(op operator, key string, want Values) bool {
	have, _ := e.lookup(key)
	if op.family == kNull {
		for _, w := range want {
			if strings.EqualFold(w, strconv.FormatBool(len(have) == 0)) {
				return true
			}
		}
		return false
	}
	if len(have) == 0 {
		return op.ifExists || op.set == forAll || (op.set == single && op.negated)
	}
	each := func(v string) bool { return e.anyValue(op.base, v, want) != op.negated }
	all := op.set == forAll || (op.set == single && op.negated)
	for _, v := range have {
		if each(v) != all {
			return !all
		}
	}
	return all
}

// anyValue reports whether the request value v matches any policy value
// under the positive form of the operator.
func (e *evaluation) anyValue(b base, v string, want Values) bool {
	for _, w := range want {
		if e.value(b, v, w) {
			return true
		}
	}
	return false
}

func (e *evaluation) value(b base, v, w string) bool {
	switch b.family {
	case kString, kStringFold:
		w, ok := e.expand(w, false)
		return ok && (v == string(w) || (b.family == kStringFold && strings.EqualFold(v, string(w))))
	case kStringLike:
		w, ok := e.expand(w, true)
		return ok && glob(w, v, false)
	case kARN:
		w, ok := e.expand(w, true)
		return ok && arnLike(w, v)
	case kNumeric:
		x, err1 := strconv.ParseFloat(v, 64)
		y, err2 := strconv.ParseFloat(w, 64)
		return err1 == nil && err2 == nil && holds(b.cmp, cmpFloat(x, y))
	case kDate:
		x, ok1 := parseDate(v)
		y, ok2 := parseDate(w)
		return ok1 && ok2 && holds(b.cmp, x.Compare(y))
	case kBool:
		return strings.EqualFold(v, w)
	case kBinary:
		return v == w
	case kIP:
		return ipIn(v, w)
	}
	return false
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func holds(c compare, r int) bool {
	switch c {
	case cmpLT:
		return r < 0
	case cmpLE:
		return r <= 0
	case cmpGT:
		return r > 0
	case cmpGE:
		return r >= 0
	}
	return r == 0
}

// dateLayouts are the ISO 8601 forms AWS accepts in Date conditions.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02"}

// parseDate reads an ISO 8601 date or epoch seconds (aws:EpochTime).
func parseDate(s string) (time.Time, bool) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(n, 0), true
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// ipIn reports whether address v lies in the CIDR block (or is the address) w.
func ipIn(v, w string) bool {
	addr, err := netip.ParseAddr(v)
	if err != nil {
		return false
	}
	if p, err := netip.ParsePrefix(w); err == nil {
		return p.Contains(addr.Unmap())
	}
	a, err := netip.ParseAddr(w)
	return err == nil && a.Unmap() == addr.Unmap()
}
