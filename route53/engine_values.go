package route53

import (
	"encoding/hex"
	"net/netip"
	"strconv"
	"strings"
)

// recordTypes are the types Route 53 accepts in a record set.
var recordTypes = []string{"SOA", "A", "TXT", "NS", "CNAME", "MX", "NAPTR", "PTR", "SRV", "SPF", "AAAA", "CAA", "DS", "TLSA", "SSHFP", "SVCB", "HTTPS"}

func knownType(t string) bool {
	for _, k := range recordTypes {
		if k == t {
			return true
		}
	}
	return false
}

// maxValueChars is the longest value (RData) of one record.
const maxValueChars = 4000

// badValue is AWS's text for a value it cannot parse: "Invalid Resource
// Record: 'FATAL problem: <problem> (<explanation>) encountered with
// '<value>”".
func badValue(problem, why, value string) string {
	return "Invalid Resource Record: 'FATAL problem: " + problem + " (" + why + ") encountered with '" + value + "''"
}

// checkValue validates one value of a record of type typ, in presentation
// format, and returns AWS's message for it, or "".
func checkValue(typ, v string) string {
	if v == "" {
		return badValue("RRDATAEmpty", "Value is empty", v)
	}
	if len(v) > maxValueChars {
		return badValue("RRDATATooLong", "Value is longer than 4000 characters", v)
	}
	f := strings.Fields(v)
	switch typ {
	case "A":
		if a, err := netip.ParseAddr(v); err != nil || !a.Is4() {
			return badValue("ARRDATAIllegalIPv4Address", "Value is not a valid IPv4 address", v)
		}
	case "AAAA":
		if a, err := netip.ParseAddr(v); err != nil || !a.Is6() || a.Zone() != "" {
			return badValue("AAAARRDATAIllegalIPv6Address", "Value is not a valid IPv6 address", v)
		}
	case "CNAME", "NS", "PTR":
		return checkDomain(v)
	case "MX":
		if len(f) != 2 || !isUint(f[0], 16) {
			return badValue("MXRRDATANotTwoFields", "MX RRDATA must be a priority and a domain name", v)
		}
		return checkDomain(f[1])
	case "SRV":
		if len(f) != 4 || !isUint(f[0], 16) || !isUint(f[1], 16) || !isUint(f[2], 16) {
			return badValue("SRVRRDATANotFourFields", "SRV RRDATA must be a priority, a weight, a port and a domain name", v)
		}
		return checkDomain(f[3])
	case "TXT", "SPF":
		if _, ok := splitStrings(v); !ok {
			return badValue("InvalidCharacterString", "Value should be enclosed in quotation marks", v)
		}
	case "CAA":
		if len(f) < 3 || !isUint(f[0], 8) {
			return badValue("CAARRDATAMalformed", "CAA RRDATA must be a flag, a tag and a quoted value", v)
		}
	case "SOA":
		return checkSOA(v, f)
	default:
		return checkBinary(typ, v, f)
	}
	return ""
}

// checkBinary validates the types whose values end in hexadecimal or carry
// several numeric fields: DS, SSHFP, TLSA, NAPTR, SVCB and HTTPS.
func checkBinary(typ, v string, f []string) string {
	bad := func() string {
		return badValue(typ+"RRDATAMalformed", "Value is not a valid "+typ+" record", v)
	}
	switch typ {
	case "DS":
		if len(f) != 4 || !isUint(f[0], 16) || !isUint(f[1], 8) || !isUint(f[2], 8) || !isHex(f[3]) {
			return bad()
		}
	case "SSHFP":
		if len(f) != 3 || !isUint(f[0], 8) || !isUint(f[1], 8) || !isHex(f[2]) {
			return bad()
		}
	case "TLSA":
		if len(f) != 4 || !isUint(f[0], 8) || !isUint(f[1], 8) || !isUint(f[2], 8) || !isHex(f[3]) {
			return bad()
		}
	case "NAPTR":
		if len(f) < 6 || !isUint(f[0], 16) || !isUint(f[1], 16) {
			return bad()
		}
	case "SVCB", "HTTPS":
		if len(f) < 2 || !isUint(f[0], 16) {
			return bad()
		}
		return checkDomain(f[1])
	}
	return ""
}

func checkSOA(v string, f []string) string {
	if len(f) != 7 {
		return badValue("SOARRDATANotSevenFields", "SOA RRDATA must have seven fields", v)
	}
	for _, n := range f[2:] {
		if !isUint(n, 32) {
			return badValue("SOARRDATAIllegalNumber", "SOA RRDATA number is not valid", v)
		}
	}
	if m := checkDomain(f[0]); m != "" {
		return m
	}
	return checkDomain(f[1])
}

// checkDomain validates a domain name inside a value.
func checkDomain(v string) string {
	if v == "." {
		return ""
	}
	n := strings.TrimSuffix(v, ".")
	if n == "" || strings.Contains(n, "..") || strings.HasPrefix(n, ".") {
		return badValue("DomainLabelEmpty", "Domain label is empty", v)
	}
	for _, l := range strings.Split(n, ".") {
		if len(l) > 63 {
			return badValue("DomainLabelTooLong", "Domain label is too long", v)
		}
	}
	if len(n) > 253 {
		return badValue("DomainNameTooLong", "Domain name is too long", v)
	}
	return ""
}

func isUint(s string, bits int) bool {
	_, err := strconv.ParseUint(s, 10, bits)
	return err == nil
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil && s != ""
}

// splitStrings splits a TXT value into its character strings: quoted
// strings (with \" and \\ escapes) or unquoted words, each at most 255
// bytes. ok is false for an unterminated quote or an over-long string.
func splitStrings(v string) (out []string, ok bool) {
	i := 0
	for i < len(v) {
		switch {
		case v[i] == ' ' || v[i] == '\t':
			i++
			continue
		case v[i] == '"':
			var b strings.Builder
			i++
			for ; i < len(v) && v[i] != '"'; i++ {
				if v[i] == '\\' && i+1 < len(v) {
					i++
				}
				b.WriteByte(v[i])
			}
			if i >= len(v) {
				return nil, false
			}
			i++
			out = append(out, b.String())
		default:
			j := i
			for j < len(v) && v[j] != ' ' && v[j] != '\t' && v[j] != '"' {
				j++
			}
			out = append(out, v[i:j])
			i = j
		}
		if len(out[len(out)-1]) > 255 {
			return nil, false
		}
	}
	return out, len(out) > 0
}
