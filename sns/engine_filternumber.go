package sns

import (
	"math"
	"strconv"
	"strings"
)

// Numbers in filter policies ("Filter policy constraints in Amazon SNS"):
// "For numeric matching, the value can range from -10^9 to 10^9 (-1
// billion to 1 billion), with five digits of accuracy after the decimal
// point." So 100.123456789 and 100.1234567 are the same number, and
// 100.12345 and 100.12346 are not. A number is kept to its fifth decimal
// place, rounded down (AWS does not say which way it rounds; rounding down
// keeps the order of numbers, so a range holds what lies between its
// bounds). A policy's number outside the range is refused; a message's
// matches no numeric rule, as it cannot be compared.

// fixed is a number in units of 10^-5, what numeric rules compare.
type fixed int64

// fixedLimit is the largest magnitude numeric matching compares.
const fixedLimit = 1e9

// fixedRangeReason is the reason a policy's number outside the range is
// refused, worded as AWS's rule engine words it (not recorded).
const fixedRangeReason = "Value must be between -1.0E9 and 1.0E9, inclusive"

// toFixed returns f to five decimal places, rounded down, and false when f
// is outside -10^9..10^9 (or not finite). It reads f's shortest decimal
// form, so that 100.12345 is 10012345 units, not one less for its binary
// approximation.
func toFixed(f float64) (fixed, bool) {
	if !(f >= -fixedLimit && f <= fixedLimit) {
		return 0, false
	}
	whole, frac, _ := strings.Cut(strconv.FormatFloat(math.Abs(f), 'f', -1, 64), ".")
	kept := min(len(frac), 5)
	units, _ := strconv.ParseInt(whole+frac[:kept]+strings.Repeat("0", 5-kept), 10, 64)
	if f < 0 {
		units = -units
		if strings.Trim(frac[kept:], "0") != "" { // below the kept digits: round down
			units--
		}
	}
	return fixed(units), true
}

// numberValue is a number of a message or a policy as a filter value:
// kind ruleNumber, or ruleNumberOutOfRange when numeric matching cannot
// compare it.
func numberValue(f float64) value {
	n, ok := toFixed(f)
	if !ok {
		return value{kind: ruleNumberOutOfRange}
	}
	return value{kind: ruleNumber, n: n}
}
