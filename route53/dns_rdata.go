package route53

import (
	"encoding/binary"
	"encoding/hex"
	"net/netip"
	"strconv"
	"strings"
)

// rdata encodes a value in presentation format as the record data of
// type typ. ok is false for a value the codec cannot encode (SVCB and
// HTTPS parameters): such records are left out of DNS answers.
func rdata(typ, v string) ([]byte, bool) {
	f := strings.Fields(v)
	switch typ {
	case "A", "AAAA":
		a, err := netip.ParseAddr(v)
		if err != nil {
			return nil, false
		}
		return a.AsSlice(), true
	case "CNAME", "NS", "PTR":
		return nameData(v)
	case "MX":
		return numbersThen(f, []int{16}, 1, nil)
	case "SRV":
		return numbersThen(f, []int{16, 16, 16}, 1, nil)
	case "TXT", "SPF":
		strs, ok := splitStrings(v)
		if !ok {
			return nil, false
		}
		var b []byte
		for _, s := range strs {
			b = append(b, byte(len(s)))
			b = append(b, s...)
		}
		return b, true
	case "SOA":
		return soaData(f)
	case "CAA":
		return caaData(f)
	case "DS":
		return numbersThen(f, []int{16, 8, 8}, 0, hexTail(f, 3))
	case "TLSA":
		return numbersThen(f, []int{8, 8, 8}, 0, hexTail(f, 3))
	case "SSHFP":
		return numbersThen(f, []int{8, 8}, 0, hexTail(f, 2))
	case "NAPTR":
		return naptrData(f)
	case "SVCB", "HTTPS":
		if len(f) != 2 {
			return nil, false
		}
		return numbersThen(f, []int{16}, 1, nil)
	}
	return nil, false
}

// numbersThen encodes len(bits) unsigned fields of those widths, then
// names domain names, then tail.
func numbersThen(f []string, bits []int, names int, tail []byte) ([]byte, bool) {
	if len(f) < len(bits)+names {
		return nil, false
	}
	var b []byte
	for i, w := range bits {
		n, err := strconv.ParseUint(f[i], 10, w)
		if err != nil {
			return nil, false
		}
		if w == 8 {
			b = append(b, byte(n))
		} else {
			b = binary.BigEndian.AppendUint16(b, uint16(n))
		}
	}
	for _, name := range f[len(bits) : len(bits)+names] {
		nb, ok := nameData(name)
		if !ok {
			return nil, false
		}
		b = append(b, nb...)
	}
	return append(b, tail...), true
}

func hexTail(f []string, at int) []byte {
	if len(f) <= at {
		return nil
	}
	h, err := hex.DecodeString(strings.Join(f[at:], ""))
	if err != nil {
		return nil
	}
	return h
}

func nameData(v string) ([]byte, bool) {
	n, ok := canonicalName(v)
	if !ok {
		return nil, false
	}
	b, err := appendName(nil, n)
	return b, err == nil
}

func soaData(f []string) ([]byte, bool) {
	if len(f) != 7 {
		return nil, false
	}
	var b []byte
	for _, n := range f[:2] {
		nb, ok := nameData(n)
		if !ok {
			return nil, false
		}
		b = append(b, nb...)
	}
	for _, n := range f[2:] {
		v, err := strconv.ParseUint(n, 10, 32)
		if err != nil {
			return nil, false
		}
		b = binary.BigEndian.AppendUint32(b, uint32(v))
	}
	return b, true
}

func caaData(f []string) ([]byte, bool) {
	if len(f) < 3 {
		return nil, false
	}
	flag, err := strconv.ParseUint(f[0], 10, 8)
	if err != nil || len(f[1]) > 255 {
		return nil, false
	}
	val := strings.Trim(strings.Join(f[2:], " "), `"`)
	b := []byte{byte(flag), byte(len(f[1]))}
	b = append(b, f[1]...)
	return append(b, val...), true
}

func naptrData(f []string) ([]byte, bool) {
	if len(f) != 6 {
		return nil, false
	}
	b, ok := numbersThen(f, []int{16, 16}, 0, nil)
	if !ok {
		return nil, false
	}
	for _, s := range f[2:5] {
		s = strings.Trim(s, `"`)
		if len(s) > 255 {
			return nil, false
		}
		b = append(b, byte(len(s)))
		b = append(b, s...)
	}
	nb, ok := nameData(f[5])
	if !ok {
		return nil, false
	}
	return append(b, nb...), true
}
