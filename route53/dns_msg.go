package route53

import (
	"encoding/binary"
	"errors"
	"strings"
)

// The DNS message codec of the fake's name servers (RFC 1035, RFC 6891
// EDNS0, RFC 7871 client subnet), in the standard library alone.

// DNS type codes.
var typeCodes = map[string]uint16{
	"A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "PTR": 12, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33,
	"NAPTR": 35, "DS": 43, "SSHFP": 44, "TLSA": 52, "SVCB": 64, "HTTPS": 65, "SPF": 99, "CAA": 257,
}

var typeNames = func() map[uint16]string {
	m := make(map[uint16]string, len(typeCodes))
	for k, v := range typeCodes {
		m[v] = k
	}
	return m
}()

const (
	typeOPT    = 41
	classIN    = 1
	optionECS  = 8
	headerSize = 12
)

// DNS response codes.
const (
	dnsNoError  = 0
	dnsFormErr  = 1
	dnsServFail = 2
	dnsNXDomain = 3
	dnsNotImp   = 4
	dnsRefused  = 5
)

var errMalformed = errors.New("route53: malformed DNS message")

// dnsQuestion is a message's question.
type dnsQuestion struct {
	name   string // canonical form: lower case, trailing dot, \ooo escapes
	wire   []byte // the name as sent, echoed back
	qtype  uint16
	qclass uint16
}

// dnsQuery is what the server reads of a query.
type dnsQuery struct {
	id       uint16
	flags    uint16
	question dnsQuestion
	nq       int
	edns     bool
	udpSize  uint16
	ecs      *clientSubnet
}

// clientSubnet is an EDNS0 client subnet option.
type clientSubnet struct {
	family uint16
	source uint8
	addr   []byte
}

// parseQuery decodes a query. A message whose header cannot be read is
// errMalformed with a zero id; one whose body cannot be read returns the
// header with errMalformed, so the server can answer FORMERR.
func parseQuery(b []byte) (dnsQuery, error) {
	var q dnsQuery
	if len(b) < headerSize {
		return q, errMalformed
	}
	q.id = binary.BigEndian.Uint16(b)
	q.flags = binary.BigEndian.Uint16(b[2:])
	q.nq = int(binary.BigEndian.Uint16(b[4:]))
	an, ns, ar := int(binary.BigEndian.Uint16(b[6:])), int(binary.BigEndian.Uint16(b[8:])), int(binary.BigEndian.Uint16(b[10:]))
	off := headerSize
	for i := 0; i < q.nq; i++ {
		name, end, err := readName(b, off)
		if err != nil || end+4 > len(b) {
			return q, errMalformed
		}
		if i == 0 {
			q.question = dnsQuestion{name: name, wire: b[off:end:end], qtype: binary.BigEndian.Uint16(b[end:]), qclass: binary.BigEndian.Uint16(b[end+2:])}
		}
		off = end + 4
	}
	for i := 0; i < an+ns+ar; i++ {
		_, end, err := readName(b, off)
		if err != nil || end+10 > len(b) {
			return q, errMalformed
		}
		typ, class := binary.BigEndian.Uint16(b[end:]), binary.BigEndian.Uint16(b[end+2:])
		rdlen := int(binary.BigEndian.Uint16(b[end+8:]))
		data := end + 10
		if data+rdlen > len(b) {
			return q, errMalformed
		}
		if typ == typeOPT && i >= an+ns {
			q.edns, q.udpSize = true, class
			if err := q.readOptions(b[data : data+rdlen]); err != nil {
				return q, err
			}
		}
		off = data + rdlen
	}
	return q, nil
}

// readOptions reads the EDNS0 options, keeping the client subnet.
func (q *dnsQuery) readOptions(b []byte) error {
	for len(b) > 0 {
		if len(b) < 4 {
			return errMalformed
		}
		code, n := binary.BigEndian.Uint16(b), int(binary.BigEndian.Uint16(b[2:]))
		if 4+n > len(b) {
			return errMalformed
		}
		v := b[4 : 4+n]
		if code == optionECS {
			if n < 4 {
				return errMalformed
			}
			ecs := &clientSubnet{family: binary.BigEndian.Uint16(v), source: v[2], addr: v[4:]}
			size := map[uint16]int{1: 4, 2: 16}[ecs.family]
			if size == 0 || int(ecs.source) > size*8 || len(ecs.addr) != (int(ecs.source)+7)/8 {
				return errMalformed
			}
			q.ecs = ecs
		}
		b = b[4+n:]
	}
	return nil
}

// readName reads a possibly compressed name at off and returns it in
// canonical form with the offset just past it in the message.
func readName(b []byte, off int) (string, int, error) {
	var sb strings.Builder
	end, jumps, total := -1, 0, 0
	for {
		if off >= len(b) {
			return "", 0, errMalformed
		}
		l := int(b[off])
		switch {
		case l == 0:
			if end < 0 {
				end = off + 1
			}
			if sb.Len() == 0 {
				return ".", end, nil
			}
			return sb.String(), end, nil
		case l&0xC0 == 0xC0:
			if off+1 >= len(b) {
				return "", 0, errMalformed
			}
			if end < 0 {
				end = off + 2
			}
			if jumps++; jumps > 32 {
				return "", 0, errMalformed
			}
			off = int(binary.BigEndian.Uint16(b[off:]) & 0x3FFF)
		case l&0xC0 != 0:
			return "", 0, errMalformed
		default:
			if off+1+l > len(b) {
				return "", 0, errMalformed
			}
			if total += l + 1; total > 255 {
				return "", 0, errMalformed
			}
			for _, c := range b[off+1 : off+1+l] {
				switch {
				case c >= 'A' && c <= 'Z':
					sb.WriteByte(c + 'a' - 'A')
				case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
					sb.WriteByte(c)
				default:
					sb.WriteString(octal(c))
				}
			}
			sb.WriteByte('.')
			off += 1 + l
		}
	}
}

// appendName appends a name in presentation form (\ooo escapes allowed)
// uncompressed.
func appendName(b []byte, name string) ([]byte, error) {
	if name == "." || name == "" {
		return append(b, 0), nil
	}
	for _, l := range strings.Split(strings.TrimSuffix(name, "."), ".") {
		l = unescape(l)
		if l == "" || len(l) > 63 {
			return nil, errMalformed
		}
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	return append(b, 0), nil
}

// dnsRR is one record of a response, its data encoded.
type dnsRR struct {
	name string
	typ  uint16
	ttl  uint32
	data []byte
}

// response is what the server sends back.
type response struct {
	id, flags                      uint16
	rcode                          uint16
	question                       *dnsQuestion
	answers, authority, additional []dnsRR
	edns                           bool
	ecs                            *clientSubnet
	scope                          uint8
	presentation                   []rr // the answers in presentation form (Answer)
}

// pack encodes the response.
func (r *response) pack() []byte {
	b := make([]byte, headerSize, 512)
	binary.BigEndian.PutUint16(b, r.id)
	binary.BigEndian.PutUint16(b[2:], r.flags|r.rcode&0xF)
	if r.question != nil {
		binary.BigEndian.PutUint16(b[4:], 1)
		b = append(b, r.question.wire...)
		b = binary.BigEndian.AppendUint16(b, r.question.qtype)
		b = binary.BigEndian.AppendUint16(b, r.question.qclass)
	}
	binary.BigEndian.PutUint16(b[6:], uint16(len(r.answers)))
	binary.BigEndian.PutUint16(b[8:], uint16(len(r.authority)))
	extra := len(r.additional)
	for _, sec := range [][]dnsRR{r.answers, r.authority, r.additional} {
		for _, rr := range sec {
			b = appendRR(b, rr)
		}
	}
	if r.edns {
		extra++
		b = append(b, 0) // root
		b = binary.BigEndian.AppendUint16(b, typeOPT)
		b = binary.BigEndian.AppendUint16(b, 1232)
		b = binary.BigEndian.AppendUint32(b, 0)
		var opt []byte
		if r.ecs != nil {
			opt = binary.BigEndian.AppendUint16(opt, optionECS)
			opt = binary.BigEndian.AppendUint16(opt, uint16(4+len(r.ecs.addr)))
			opt = binary.BigEndian.AppendUint16(opt, r.ecs.family)
			opt = append(opt, r.ecs.source, r.scope)
			opt = append(opt, r.ecs.addr...)
		}
		b = binary.BigEndian.AppendUint16(b, uint16(len(opt)))
		b = append(b, opt...)
	}
	binary.BigEndian.PutUint16(b[10:], uint16(extra))
	return b
}

func appendRR(b []byte, rr dnsRR) []byte {
	b, _ = appendName(b, rr.name)
	b = binary.BigEndian.AppendUint16(b, rr.typ)
	b = binary.BigEndian.AppendUint16(b, classIN)
	b = binary.BigEndian.AppendUint32(b, rr.ttl)
	b = binary.BigEndian.AppendUint16(b, uint16(len(rr.data)))
	return append(b, rr.data...)
}
