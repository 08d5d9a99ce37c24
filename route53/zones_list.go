package route53

import (
	"cmp"
	"context"
	"slices"
	"strconv"
)

// maxZonePage is the most zones a list returns, and its default.
const maxZonePage = 100

// ListHostedZonesInput is ListHostedZones' input.
type ListHostedZonesInput struct {
	// Marker is the NextMarker of the previous page: a zone id.
	Marker string
	// MaxItems is the page size, 1 to 100 (default 100), as text.
	MaxItems        string
	DelegationSetId string
	HostedZoneType  string
}

// ListHostedZonesOutput is ListHostedZones' output.
type ListHostedZonesOutput struct {
	HostedZones []HostedZone `xml:"HostedZones>HostedZone"`
	Marker      string       `xml:"Marker,omitempty"`
	IsTruncated bool         `xml:"IsTruncated"`
	NextMarker  string       `xml:"NextMarker,omitempty"`
	MaxItems    string       `xml:"MaxItems"`
}

// pageSize reads a MaxItems value: empty is def, anything over max is max.
func pageSize(v string, def int) (int, error) {
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, invalidInput("1 validation error detected: Value '%s' at 'maxItems' failed to satisfy constraint: Member must be a positive integer", v)
	}
	return min(n, def), nil
}

// zonesLocked returns the account's zones in creation order.
func (s *Service) zonesLocked(account string) []*zone {
	a := s.accountLocked(account, false)
	out := make([]*zone, 0, len(a.zones))
	for _, z := range a.zones {
		out = append(out, z)
	}
	slices.SortFunc(out, func(x, y *zone) int { return cmp.Compare(x.seq, y.seq) })
	return out
}

// ListHostedZones lists the account's zones in the order they were
// created, a page at a time.
func (s *Service) ListHostedZones(ctx context.Context, in ListHostedZonesInput) (ListHostedZonesOutput, error) {
	sc, err := s.enter(ctx, "ListHostedZones")
	if err != nil {
		return ListHostedZonesOutput{}, err
	}
	size, err := pageSize(in.MaxItems, maxZonePage)
	if err != nil {
		return ListHostedZonesOutput{}, err
	}
	if in.HostedZoneType != "" && in.HostedZoneType != "PrivateHostedZone" {
		return ListHostedZonesOutput{}, invalidInput("1 validation error detected: Value '%s' at 'hostedZoneType' failed to satisfy constraint: Member must satisfy enum value set: [PrivateHostedZone]", in.HostedZoneType)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var zones []*zone
	for _, z := range s.zonesLocked(sc.Account) {
		if (in.DelegationSetId == "" || z.delegationSet == stripID(in.DelegationSetId)) && (in.HostedZoneType == "" || z.private) {
			zones = append(zones, z)
		}
	}
	start := 0
	if in.Marker != "" {
		start = slices.IndexFunc(zones, func(z *zone) bool { return z.id == stripID(in.Marker) })
		if start < 0 {
			return ListHostedZonesOutput{}, invalidInput("Invalid marker: %s", in.Marker)
		}
	}
	out := ListHostedZonesOutput{Marker: in.Marker, MaxItems: strconv.Itoa(size), HostedZones: []HostedZone{}}
	for i := start; i < len(zones); i++ {
		if len(out.HostedZones) == size {
			out.IsTruncated, out.NextMarker = true, zones[i].id
			break
		}
		out.HostedZones = append(out.HostedZones, zones[i].hostedZone())
	}
	return out, nil
}

// ListHostedZonesByNameInput is ListHostedZonesByName's input.
type ListHostedZonesByNameInput struct {
	DNSName      string
	HostedZoneId string
	MaxItems     string
}

// ListHostedZonesByNameOutput is ListHostedZonesByName's output.
type ListHostedZonesByNameOutput struct {
	HostedZones      []HostedZone `xml:"HostedZones>HostedZone"`
	DNSName          string       `xml:"DNSName,omitempty"`
	HostedZoneId     string       `xml:"HostedZoneId,omitempty"`
	IsTruncated      bool         `xml:"IsTruncated"`
	NextDNSName      string       `xml:"NextDNSName,omitempty"`
	NextHostedZoneId string       `xml:"NextHostedZoneId,omitempty"`
	MaxItems         string       `xml:"MaxItems"`
}

// ListHostedZonesByName lists the account's zones sorted by name with the
// labels reversed (com.example.www.), compared in their escaped form, then
// by id; the page starts at the first zone at or after DNSName (and
// HostedZoneId, which needs DNSName).
func (s *Service) ListHostedZonesByName(ctx context.Context, in ListHostedZonesByNameInput) (ListHostedZonesByNameOutput, error) {
	sc, err := s.enter(ctx, "ListHostedZonesByName")
	if err != nil {
		return ListHostedZonesByNameOutput{}, err
	}
	size, err := pageSize(in.MaxItems, maxZonePage)
	if err != nil {
		return ListHostedZonesByNameOutput{}, err
	}
	if in.HostedZoneId != "" && in.DNSName == "" {
		return ListHostedZonesByNameOutput{}, invalidInput("The DNS name is required if you specify a hosted zone id.")
	}
	startKey := ""
	if in.DNSName != "" {
		n, ok := canonicalName(in.DNSName)
		if !ok {
			return ListHostedZonesByNameOutput{}, newError(codeInvalidDomainName, "%s is not a valid domain name.", in.DNSName)
		}
		startKey = sortKey(n)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	zones := s.zonesLocked(sc.Account)
	slices.SortStableFunc(zones, func(x, y *zone) int {
		return cmp.Or(cmp.Compare(sortKey(x.name), sortKey(y.name)), cmp.Compare(x.id, y.id))
	})
	out := ListHostedZonesByNameOutput{DNSName: in.DNSName, HostedZoneId: in.HostedZoneId, MaxItems: strconv.Itoa(size), HostedZones: []HostedZone{}}
	startID := stripID(in.HostedZoneId)
	for _, z := range zones {
		k := sortKey(z.name)
		if k < startKey || (k == startKey && z.id < startID) {
			continue
		}
		if len(out.HostedZones) == size {
			out.IsTruncated, out.NextDNSName, out.NextHostedZoneId = true, z.name, z.id
			break
		}
		out.HostedZones = append(out.HostedZones, z.hostedZone())
	}
	return out, nil
}
