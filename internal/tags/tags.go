// Package tags holds AWS's tag rules, once: how many tags a resource holds,
// how long keys and values are (in characters, as AWS counts them, not in
// bytes), the reserved aws: prefix, the characters allowed and duplicate
// keys. Each service keeps its own wording: a Rules value says which rules
// apply and the service's Errors turns a Violation into its error.
//
//	var rules = tags.Rules{Max: 50, Reserved: true, Errors: func(v tags.Violation) error { ... }}
//	if err := rules.Check(tags.FromMap(in.Tags)); err != nil { return err }
package tags

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AWS's usual limits ("Tagging AWS resources": up to 50 user tags, keys of
// 1 to 128 Unicode characters, values of 0 to 256).
const (
	DefaultMax      = 50
	DefaultMaxKey   = 128
	DefaultMaxValue = 256
)

// Tag is one key-value pair.
type Tag struct {
	Key, Value string
}

// Kind is which rule a tag broke.
type Kind int

// The rules a tag set can break.
const (
	TooMany      Kind = iota + 1 // more than Max tags
	KeyLength                    // a key empty or over MaxKey characters
	ValueLength                  // a value over MaxValue characters
	ReservedKey                  // a key starting with aws: (in any case)
	InvalidChars                 // a key or value outside the allowed characters
	DuplicateKey                 // the same key twice in one request
)

// Violation is the first rule a tag set breaks, with the tag (empty for
// TooMany) and the count.
type Violation struct {
	Kind  Kind
	Tag   Tag
	Count int // how many tags were given (TooMany)
	Rules *Rules
}

// Rules are one service's tag rules. The zero value of a limit is AWS's
// default.
type Rules struct {
	// Max is how many tags a resource holds (DefaultMax when 0).
	Max int
	// MaxKey and MaxValue are lengths in characters (DefaultMaxKey,
	// DefaultMaxValue when 0).
	MaxKey, MaxValue int
	// Reserved refuses keys starting with aws:, as most services do.
	Reserved bool
	// Chars limits keys and values to letters, digits, white space and
	// _ . : / = + - @ (the allowed set of the Tagging guide).
	Chars bool
	// Errors returns the service's error for v.
	Errors func(v Violation) error
}

// Limit returns the effective maximum tag count.
func (r *Rules) Limit() int { return or(r.Max, DefaultMax) }

// Check returns the error for the first rule the tags break, in the order
// given (FromMap sorts by key, so that a map always gives the same error),
// or nil.
func (r *Rules) Check(ts []Tag) error {
	if len(ts) > r.Limit() {
		return r.Errors(Violation{Kind: TooMany, Count: len(ts), Rules: r})
	}
	seen := make(map[string]bool, len(ts))
	for _, t := range ts {
		if v, ok := r.violation(t, seen); ok {
			return r.Errors(v)
		}
		seen[t.Key] = true
	}
	return nil
}

func (r *Rules) violation(t Tag, seen map[string]bool) (Violation, bool) {
	v := Violation{Tag: t, Rules: r}
	switch n := utf8.RuneCountInString(t.Key); {
	case n == 0 || n > or(r.MaxKey, DefaultMaxKey):
		v.Kind = KeyLength
	case utf8.RuneCountInString(t.Value) > or(r.MaxValue, DefaultMaxValue):
		v.Kind = ValueLength
	case r.Reserved && IsReserved(t.Key):
		v.Kind = ReservedKey
	case r.Chars && (!ValidChars(t.Key) || !ValidChars(t.Value)):
		v.Kind = InvalidChars
	case seen[t.Key]:
		v.Kind = DuplicateKey
	default:
		return v, false
	}
	return v, true
}

// CheckMerged checks that adding add to a resource that has have leaves it
// with at most Max tags (keys of add already in have overwrite them).
func (r *Rules) CheckMerged(have map[string]string, add []Tag) error {
	n := len(have)
	for _, t := range add {
		if _, ok := have[t.Key]; !ok {
			n++
		}
	}
	if n > r.Limit() {
		return r.Errors(Violation{Kind: TooMany, Count: n, Rules: r})
	}
	return nil
}

// IsReserved reports whether key starts with the reserved aws: prefix.
func IsReserved(key string) bool { return len(key) >= 4 && strings.EqualFold(key[:4], "aws:") }

// FromMap returns the tags of m sorted by key.
func FromMap(m map[string]string) []Tag {
	out := make([]Tag, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, Tag{Key: k, Value: m[k]})
	}
	return out
}

// ToMap returns ts as a map; a later duplicate wins.
func ToMap(ts []Tag) map[string]string {
	m := make(map[string]string, len(ts))
	for _, t := range ts {
		m[t.Key] = t.Value
	}
	return m
}

// ValidChars reports whether s holds only the characters the Tagging guide
// allows: letters, digits, white space and _ . : / = + - @.
func ValidChars(s string) bool {
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.IsSpace(c) && !strings.ContainsRune("_.:/=+-@", c) {
			return false
		}
	}
	return true
}

func or(n, def int) int {
	if n == 0 {
		return def
	}
	return n
}
