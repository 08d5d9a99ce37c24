package route53

import (
	"context"
	"net/netip"
	"strconv"
)

// TestDNSAnswerInput is TestDNSAnswer's input.
type TestDNSAnswerInput struct {
	HostedZoneId string
	RecordName   string
	RecordType   string
	// ResolverIP is the resolver's address; empty is a resolver in
	// us-east-1, as AWS documents.
	ResolverIP string
	// EDNS0ClientSubnetIP and EDNS0ClientSubnetMask are the client subnet
	// the resolver forwards; when set, routing looks at it instead of the
	// resolver.
	EDNS0ClientSubnetIP   string
	EDNS0ClientSubnetMask string
}

// TestDNSAnswerOutput is TestDNSAnswer's output.
type TestDNSAnswerOutput struct {
	Nameserver   string   `xml:"Nameserver"`
	RecordName   string   `xml:"RecordName"`
	RecordType   string   `xml:"RecordType"`
	RecordData   []string `xml:"RecordData>RecordDataEntry"`
	ResponseCode string   `xml:"ResponseCode"`
	Protocol     string   `xml:"Protocol"`
}

// TestDNSAnswer answers as a name server of the zone would answer a
// resolver at ResolverIP (or for the client subnet) asking for RecordName
// and RecordType, by the routing policies of the zone's records: the
// values of the chosen records (a CNAME's target for a name that has one),
// the response code, and the protocol (UDP).
func (s *Service) TestDNSAnswer(ctx context.Context, in TestDNSAnswerInput) (TestDNSAnswerOutput, error) {
	sc, err := s.enter(ctx, "TestDNSAnswer")
	if err != nil {
		return TestDNSAnswerOutput{}, err
	}
	client, located, err := testClient(in)
	if err != nil {
		return TestDNSAnswerOutput{}, err
	}
	if !knownType(in.RecordType) {
		return TestDNSAnswerOutput{}, invalidInput("1 validation error detected: Value '%s' at 'recordType' failed to satisfy constraint: Member must satisfy enum value set", in.RecordType)
	}
	name, ok := canonicalName(in.RecordName)
	if !ok {
		return TestDNSAnswerOutput{}, invalidInput("The input is not valid: %s is not a valid DNS name.", in.RecordName)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, in.HostedZoneId)
	if err != nil {
		return TestDNSAnswerOutput{}, err
	}
	loc := ClientLocation{Region: "us-east-1", ContinentCode: "NA", CountryCode: "US", SubdivisionCode: "VA"}
	if located {
		loc = s.locateLocked(client)
	}
	out := TestDNSAnswerOutput{Nameserver: z.servers[0], RecordName: in.RecordName, RecordType: in.RecordType, Protocol: "UDP", RecordData: []string{}}
	if !inZone(name, z.name) {
		out.ResponseCode = rcodeRefused
		return out, nil
	}
	a := s.answerLocked(z, lookup{name: name, typ: in.RecordType, loc: loc}, 0)
	out.ResponseCode = a.rcode
	for _, r := range a.answers {
		out.RecordData = append(out.RecordData, r.Value)
	}
	return out, nil
}

// testClient returns the address routing places: the client subnet's
// (masked) when given, else the resolver's; located is false for neither.
func testClient(in TestDNSAnswerInput) (addr netip.Addr, located bool, err error) {
	if in.EDNS0ClientSubnetIP != "" {
		ip, perr := netip.ParseAddr(in.EDNS0ClientSubnetIP)
		if perr != nil {
			return addr, false, invalidInput("The input is not valid: %s is not a valid IP address.", in.EDNS0ClientSubnetIP)
		}
		bits := ip.BitLen()
		if in.EDNS0ClientSubnetMask != "" {
			n, perr := strconv.Atoi(in.EDNS0ClientSubnetMask)
			if perr != nil || n < 0 || n > ip.BitLen() {
				return addr, false, invalidInput("The input is not valid: %s is not a valid subnet mask.", in.EDNS0ClientSubnetMask)
			}
			bits = n
		}
		p, _ := ip.Prefix(bits)
		return p.Addr(), true, nil
	}
	if in.EDNS0ClientSubnetMask != "" {
		return addr, false, invalidInput("The input is not valid: EDNS0ClientSubnetMask requires EDNS0ClientSubnetIP.")
	}
	if in.ResolverIP != "" {
		ip, perr := netip.ParseAddr(in.ResolverIP)
		if perr != nil {
			return addr, false, invalidInput("The input is not valid: %s is not a valid IP address.", in.ResolverIP)
		}
		return ip, true, nil
	}
	return addr, false, nil
}

// SetHealthCheckStatus marks a health check healthy or failing for the
// routing policies of the records that name it, over what its checker
// sees (the hook for a test that does not want to probe, or for an id no
// CreateHealthCheck made). ClearHealthCheckStatus removes the mark. A
// health check neither marked nor created is healthy.
func (s *Service) SetHealthCheckStatus(healthCheckID string, healthy bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.marked[healthCheckID] = healthy
}

// ClearHealthCheckStatus removes SetHealthCheckStatus's mark: the check's
// own status rules again.
func (s *Service) ClearHealthCheckStatus(healthCheckID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.marked, healthCheckID)
}
