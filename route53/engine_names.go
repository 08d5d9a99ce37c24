package route53

import (
	"strconv"
	"strings"
)

// canonicalName returns a DNS name as Route 53 stores it: lower case, with
// a trailing dot, and the characters other than a-z, 0-9, hyphen,
// underscore and dot in the \ooo octal form Route 53 saves and lists ("*"
// is \052: ListResourceRecordSets shows \052.example.com. for a wildcard).
// An escape already in octal form is kept. ok is false for a name that is
// empty, longer than 255 bytes as DNS counts it, or has an empty or
// over-63-byte label.
func canonicalName(name string) (string, bool) {
	if name == "" || len(name) > 1024 {
		return "", false
	}
	if name != "." && !strings.HasSuffix(name, ".") {
		name += "."
	}
	if name == "." {
		return name, true
	}
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_', c == '.':
			b.WriteByte(c)
		case c == '\\' && i+3 < len(name) && isOctal(name[i+1:i+4]):
			b.WriteString(name[i : i+4])
			i += 3
		default:
			b.WriteString(octal(c))
		}
	}
	out := b.String()
	for _, l := range labels(out) {
		n := len(unescape(l))
		if n == 0 || n > 63 {
			return "", false
		}
	}
	if len(unescape(out)) > 254 {
		return "", false
	}
	return out, true
}

func isOctal(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '7' {
			return false
		}
	}
	return true
}

func octal(c byte) string {
	s := strconv.FormatInt(int64(c), 8)
	return `\` + strings.Repeat("0", 3-len(s)) + s
}

// unescape turns the \ooo escapes of a stored name back into bytes: the
// name as it travels in a DNS message, in presentation text.
func unescape(name string) string {
	if !strings.Contains(name, `\`) {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		if name[i] == '\\' && i+4 <= len(name) && isOctal(name[i+1:i+4]) {
			n, _ := strconv.ParseUint(name[i+1:i+4], 8, 8)
			b.WriteByte(byte(n))
			i += 3
			continue
		}
		b.WriteByte(name[i])
	}
	return b.String()
}

// labels returns the labels of a canonical name, leftmost first, without
// the root.
func labels(name string) []string {
	name = strings.TrimSuffix(name, ".")
	if name == "" {
		return nil
	}
	return strings.Split(name, ".")
}

// sortKey is the key Route 53 lists names by: the labels reversed, with the
// trailing dot, compared as bytes of the escaped form (com.example.www.;
// ListResourceRecordSets: "Note the trailing dot, which can change the sort
// order when the record name contains characters that appear before .").
func sortKey(name string) string {
	ls := labels(name)
	var b strings.Builder
	for i := len(ls) - 1; i >= 0; i-- {
		b.WriteString(ls[i])
		b.WriteByte('.')
	}
	return b.String()
}

// inZone reports whether name is the zone's apex or below it.
func inZone(name, zone string) bool {
	return name == zone || strings.HasSuffix(name, "."+zone) || zone == "."
}

// parent returns the name one label up, "" above the root.
func parent(name string) string {
	i := strings.IndexByte(name, '.')
	if i < 0 || i == len(name)-1 {
		return ""
	}
	return name[i+1:]
}
