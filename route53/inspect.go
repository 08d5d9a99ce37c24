package route53

import (
	"net/netip"
	"slices"
	"testing"
)

// RecordSets returns a copy of the record sets of a zone of the cloud's
// own account, in ListResourceRecordSets order.
func (s *Service) RecordSets(zoneID string) ([]ResourceRecordSet, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(s.env.AccountID, zoneID)
	if err != nil {
		return nil, err
	}
	out := make([]ResourceRecordSet, len(z.order))
	for i, k := range z.order {
		out[i] = *z.find(k.name, k.typ, k.id).clone()
	}
	return out, nil
}

// Answer returns what the cloud's name servers answer a client at client
// for name and type (A, AAAA, ...): the response code (NOERROR, NXDOMAIN,
// REFUSED) and the values of the answer section, CNAMEs first, as the DNS
// listener and the in-memory dialer answer them.
func (s *Service) Answer(name, typ string, client netip.Addr) (rcode string, values []string) {
	n, ok := canonicalName(name)
	code, known := typeCodes[typ]
	if !ok || !known {
		return rcodeRefused, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := &response{}
	s.fillLocked(resp, dnsQuestion{name: n, qtype: code, qclass: classIN}, s.locateLocked(client))
	switch resp.rcode {
	case dnsNXDomain:
		rcode = rcodeNXDomain
	case dnsRefused:
		return rcodeRefused, nil
	default:
		rcode = rcodeNoError
	}
	for _, r := range resp.presentation {
		values = append(values, r.Value)
	}
	return rcode, values
}

// CheckRecord fails tb unless the zone of the cloud's account holds a
// simple record set of name and type with exactly these values (in any
// order).
func (s *Service) CheckRecord(tb testing.TB, zoneID, name, typ string, values ...string) {
	tb.Helper()
	sets, err := s.RecordSets(zoneID)
	if err != nil {
		tb.Errorf("route53: zone %s: %v", zoneID, err)
		return
	}
	n, _ := canonicalName(name)
	for _, rs := range sets {
		if rs.Name != n || rs.Type != typ || rs.SetIdentifier != "" {
			continue
		}
		got := make([]string, len(rs.ResourceRecords))
		for i, r := range rs.ResourceRecords {
			got[i] = r.Value
		}
		want := slices.Clone(values)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			tb.Errorf("route53: %s %s holds %q, want %q", n, typ, got, want)
		}
		return
	}
	tb.Errorf("route53: zone %s has no %s record set named %s", zoneID, typ, n)
}

// CheckAnswer fails tb unless the cloud's name servers answer a client at
// client with exactly these values (in any order) for name and type.
func (s *Service) CheckAnswer(tb testing.TB, name, typ string, client netip.Addr, values ...string) {
	tb.Helper()
	rcode, got := s.Answer(name, typ, client)
	g, w := slices.Clone(got), slices.Clone(values)
	slices.Sort(g)
	slices.Sort(w)
	if !slices.Equal(g, w) {
		tb.Errorf("route53: %s %s answers %s %q, want %q", name, typ, rcode, got, values)
	}
}

// HealthCheckHealthy reports the health Route 53 gives the health check id
// for routing now (a SetHealthCheckStatus mark, the checker's status with
// Inverted and Disabled applied, a calculated check's children), and
// whether the id is a health check of any account or a marked one.
func (s *Service) HealthCheckHealthy(id string) (healthy, known bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, marked := s.marked[id]
	return s.healthByIDLocked(id, 0), marked || s.checks[id] != nil
}

// CheckHealthCheck fails tb unless the health check id is known and its
// routing health is healthy.
func (s *Service) CheckHealthCheck(tb testing.TB, id string, healthy bool) {
	tb.Helper()
	got, known := s.HealthCheckHealthy(id)
	switch {
	case !known:
		tb.Errorf("route53: no health check %s", id)
	case got != healthy:
		tb.Errorf("route53: health check %s healthy=%v, want %v", id, got, healthy)
	}
}
