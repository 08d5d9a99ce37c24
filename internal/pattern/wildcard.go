package pattern

import (
	"strings"
)

// maxWildcards is how many '*' one wildcard pattern may hold. AWS refuses
// patterns its matcher finds too complex ("Rule is too complex - try using
// fewer wildcard characters..."), a measure of its state machine that it
// does not document; the fake's rule is a count: more than five is too
// complex (AWS refuses "*:*:*:*:*:event-bus/*", six).
const maxWildcards = 5

// wildcard is a glob whose '*' matches any run of characters; "\*" is a
// literal star and "\\" a literal backslash.
type wildcard struct{ parts []string } // literal runs between stars; len(parts) = stars + 1

func (w wildcard) missing() bool { return false }

func (w wildcard) match(v any) bool {
	s, ok := v.(string)
	return ok && globMatch(w.parts, s)
}

func compileWildcard(arg any) (matcher, error) {
	s, ok := arg.(string)
	if !ok {
		return nil, reason("wildcard match pattern must be a string")
	}
	var parts []string
	var cur strings.Builder
	prevStar := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && (s[i+1] == '*' || s[i+1] == '\\'):
			i++
			cur.WriteByte(s[i])
			prevStar = false
		case c == '*':
			if prevStar {
				return nil, reasonf("Consecutive wildcard characters at pos %d", i)
			}
			parts = append(parts, cur.String())
			cur.Reset()
			prevStar = true
		default:
			cur.WriteByte(c)
			prevStar = false
		}
	}
	parts = append(parts, cur.String())
	if len(parts)-1 > maxWildcards {
		return nil, reason("Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character")
	}
	return wildcard{parts}, nil
}

// globMatch matches s against literal runs separated by stars, greedily
// from the left with the last run anchored at the end: linear in s for
// each run.
func globMatch(parts []string, s string) bool {
	if len(parts) == 1 {
		return s == parts[0]
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return len(s) >= len(last) && strings.HasSuffix(s, last)
}
