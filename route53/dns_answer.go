package route53

import (
	"net/netip"
)

// maxChain is how many CNAMEs an answer follows within the cloud's zones.
const maxChain = 8

// answerDNS answers one DNS query from client (the resolver's address):
// the response to send, or nil for a message too broken to answer.
func (s *Service) answerDNS(msg []byte, client netip.Addr) []byte {
	q, err := parseQuery(msg)
	resp := &response{id: q.id, flags: 1<<15 | q.flags&(0xF<<11|1<<8)} // QR, the opcode, RD
	if err != nil {
		if len(msg) < headerSize {
			return nil
		}
		resp.rcode = dnsFormErr
		return resp.pack()
	}
	resp.edns, resp.ecs = q.edns, q.ecs
	switch {
	case q.flags&(0xF<<11) != 0:
		resp.rcode = dnsNotImp
		return resp.pack()
	case q.nq != 1 || q.flags&(1<<15) != 0:
		resp.rcode = dnsFormErr
		return resp.pack()
	}
	resp.question = &q.question
	if q.ecs != nil {
		var a netip.Addr
		if q.ecs.family == 1 {
			var b [4]byte
			copy(b[:], q.ecs.addr)
			a = netip.AddrFrom4(b)
		} else {
			var b [16]byte
			copy(b[:], q.ecs.addr)
			a = netip.AddrFrom16(b)
		}
		client = a
		resp.scope = q.ecs.source // the answer holds for the whole subnet
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fillLocked(resp, q.question, s.locateLocked(client))
	return resp.pack()
}

// fillLocked answers question into resp, authoritatively, following CNAME
// chains through the cloud's public zones.
func (s *Service) fillLocked(resp *response, question dnsQuestion, loc ClientLocation) {
	// A type Route 53 does not store (ANY among them) has no records: the
	// name's CNAME, NODATA or NXDOMAIN, as for any other type.
	typ := typeNames[question.qtype]
	z := s.servingZoneLocked(question.name)
	if z == nil || (question.qclass != classIN && question.qclass != 255) {
		resp.rcode = dnsRefused
		return
	}
	resp.flags |= 1 << 10 // AA
	name := question.name
	for range maxChain {
		a := s.answerLocked(z, lookup{name: name, typ: typ, loc: loc}, 0)
		resp.answers = append(resp.answers, encodeRRs(a.answers)...)
		resp.presentation = append(resp.presentation, a.answers...)
		if len(resp.answers) == 0 || len(a.answers) == 0 {
			if a.rcode == rcodeNXDomain {
				resp.rcode = dnsNXDomain
			}
			resp.authority = encodeRRs(a.authority)
			return
		}
		last := a.answers[len(a.answers)-1]
		if last.Type != "CNAME" || typ == "CNAME" {
			return
		}
		target, ok := canonicalName(last.Value)
		if !ok {
			return
		}
		if z = s.servingZoneLocked(target); z == nil {
			return // outside the cloud: the resolver follows it elsewhere
		}
		name = target
	}
}

// encodeRRs encodes records for the wire, leaving out values the codec
// cannot encode.
func encodeRRs(rrs []rr) []dnsRR {
	out := make([]dnsRR, 0, len(rrs))
	for _, r := range rrs {
		data, ok := rdata(r.Type, r.Value)
		if !ok {
			continue
		}
		out = append(out, dnsRR{name: r.Name, typ: typeCodes[r.Type], ttl: r.TTL, data: data})
	}
	return out
}
