package route53

import (
	"cmp"
	"slices"
)

// DNS response codes, as TestDNSAnswer names them.
const (
	rcodeNoError  = "NOERROR"
	rcodeNXDomain = "NXDOMAIN"
	rcodeRefused  = "REFUSED"
	rcodeServFail = "SERVFAIL"
)

// maxMultivalue is how many records a multivalue answer holds at most
// ("Route 53 responds to DNS queries with up to eight healthy records").
const maxMultivalue = 8

// rr is one record of an answer, its value in presentation format.
type rr struct {
	Name, Type string
	TTL        uint32
	Value      string
}

// answer is what a name server answers for one question in one zone.
type answer struct {
	rcode     string
	answers   []rr
	authority []rr // the zone's SOA, for NXDOMAIN and NODATA
}

// lookup is one question asked of the engine.
type lookup struct {
	name, typ string
	loc       ClientLocation
}

// answerLocked answers q from z by the record sets and their routing
// policies: the name (or the wildcard that covers it), a CNAME in place of
// other types, then the policy's choice among the name and type's sets.
func (s *Service) answerLocked(z *zone, q lookup, depth int) answer {
	n, owner := z.nodes[q.name], q.name
	if n == nil && (z.ents[q.name] > 0 || q.name == z.name) {
		return answer{rcode: rcodeNoError, authority: z.soa()} // an empty non-terminal: NODATA
	}
	if n == nil {
		if n = z.wildcard(q.name); n == nil {
			return answer{rcode: rcodeNXDomain, authority: z.soa()}
		}
	}
	typ := q.typ
	if len(n.types[typ]) == 0 && len(n.types["CNAME"]) > 0 {
		typ = "CNAME"
	}
	sets := n.types[typ]
	if len(sets) == 0 {
		return answer{rcode: rcodeNoError, authority: z.soa()}
	}
	out := answer{rcode: rcodeNoError}
	for _, rs := range s.chooseLocked(sets, q, depth) {
		out.answers = append(out.answers, s.valuesLocked(rs, owner, depth)...)
	}
	if len(out.answers) == 0 {
		out.authority = z.soa()
	}
	return out
}

// wildcard returns the node of the wildcard that covers name, if any: the
// *.<closest encloser> of RFC 4592, the closest encloser being name's
// nearest ancestor that exists.
func (z *zone) wildcard(name string) *node {
	for p := parent(name); p != "" && inZone(p, z.name); p = parent(p) {
		if z.nodes[p] != nil || z.ents[p] > 0 || p == z.name {
			return z.nodes[`\052.`+p]
		}
	}
	return nil
}

// soa is the zone's SOA record, for the authority section.
func (z *zone) soa() []rr {
	sets := z.sets(z.name, "SOA")
	if len(sets) == 0 {
		return nil
	}
	return []rr{{Name: z.name, Type: "SOA", TTL: ttlOf(sets[0]), Value: sets[0].ResourceRecords[0].Value}}
}

func ttlOf(rs *ResourceRecordSet) uint32 {
	if rs.TTL == nil {
		return 0
	}
	return uint32(*rs.TTL)
}

// valuesLocked returns the records a chosen set answers with, named owner:
// its values in an order drawn from the seeded source (AWS returns the
// values of a record in random order), or its alias target's answer.
func (s *Service) valuesLocked(rs *ResourceRecordSet, owner string, depth int) []rr {
	if rs.AliasTarget != nil {
		t := s.zoneByIDLocked(rs.AliasTarget.HostedZoneId)
		if t == nil || depth > 8 {
			return nil
		}
		a := s.answerLocked(t, lookup{name: rs.AliasTarget.DNSName, typ: rs.Type}, depth+1)
		out := make([]rr, 0, len(a.answers))
		for _, r := range a.answers {
			if r.Type == rs.Type {
				r.Name = owner
				out = append(out, r)
			}
		}
		return out
	}
	out := make([]rr, len(rs.ResourceRecords))
	for i, v := range rs.ResourceRecords {
		out[i] = rr{Name: owner, Type: rs.Type, TTL: ttlOf(rs), Value: v.Value}
	}
	for i := len(out) - 1; i > 0; i-- {
		j := s.answers.IntN(i + 1)
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// healthyLocked reports whether a record set is healthy: its health check
// (if any) healthy, and, for an alias
// that evaluates its target's health, a target with a healthy answer.
func (s *Service) healthyLocked(rs *ResourceRecordSet, depth int) bool {
	if rs.HealthCheckId != "" && !s.healthByIDLocked(rs.HealthCheckId, 0) {
		return false
	}
	if rs.AliasTarget != nil && rs.AliasTarget.EvaluateTargetHealth {
		return len(s.valuesLocked(rs, rs.Name, depth)) > 0
	}
	return true
}

// chooseLocked applies the routing policy of a name and type's record sets
// (they share one: ChangeResourceRecordSets refuses a mix).
func (s *Service) chooseLocked(sets []*ResourceRecordSet, q lookup, depth int) []*ResourceRecordSet {
	healthy := make([]*ResourceRecordSet, 0, len(sets))
	for _, rs := range sets {
		if s.healthyLocked(rs, depth) {
			healthy = append(healthy, rs)
		}
	}
	switch policyOf(sets[0]) {
	case "simple":
		return sets
	case "weighted":
		return s.weightedLocked(healthy, sets)
	case "failover":
		return failover(sets, healthy)
	case "latency":
		return nearest(orAll(healthy, sets), func(rs *ResourceRecordSet) float64 {
			if rs.Region == q.loc.Region {
				return -1
			}
			return distance(regionPlaces[rs.Region], q.loc.place())
		})
	case "geolocation":
		return geolocate(healthy, q.loc)
	case "geoproximity":
		return nearest(orAll(healthy, sets), func(rs *ResourceRecordSet) float64 {
			p, _ := placeOf(rs.GeoProximityLocation)
			d := distance(p, q.loc.place())
			if b := rs.GeoProximityLocation.Bias; b != nil {
				d *= 1 - float64(*b)/100 // AWS: biased distance = distance × (1 − bias/100)
			}
			return d
		})
	case "multivalue":
		return s.multivalueLocked(orAll(healthy, sets))
	}
	return nil
}

// orAll is the healthy sets, or all of them when none is healthy: AWS
// answers "as though all the records are healthy" then.
func orAll(healthy, all []*ResourceRecordSet) []*ResourceRecordSet {
	if len(healthy) == 0 {
		return all
	}
	return healthy
}

// weightedLocked draws one set with probability weight / total among the
// healthy ones (all of them when none is healthy); when every weight is 0
// each is equally likely ("If you set Weight to 0 for all of the records in
// the group, traffic is routed to all resources with equal probability").
func (s *Service) weightedLocked(healthy, all []*ResourceRecordSet) []*ResourceRecordSet {
	pool := orAll(healthy, all)
	total := int64(0)
	for _, rs := range pool {
		total += *rs.Weight
	}
	if total == 0 {
		return []*ResourceRecordSet{pool[s.answers.IntN(len(pool))]}
	}
	pick := int64(s.answers.IntN(int(total)))
	for _, rs := range pool {
		if pick < *rs.Weight {
			return []*ResourceRecordSet{rs}
		}
		pick -= *rs.Weight
	}
	return nil
}

// failover answers the primary while it is healthy, else a healthy
// secondary, else the primary (Route 53 answers the primary when both are
// unhealthy).
func failover(all, healthy []*ResourceRecordSet) []*ResourceRecordSet {
	var primary, secondary *ResourceRecordSet
	for _, rs := range all {
		if rs.Failover == "PRIMARY" {
			primary = rs
		} else {
			secondary = rs
		}
	}
	isHealthy := func(rs *ResourceRecordSet) bool { return rs != nil && slices.Contains(healthy, rs) }
	switch {
	case isHealthy(primary):
		return []*ResourceRecordSet{primary}
	case isHealthy(secondary):
		return []*ResourceRecordSet{secondary}
	case primary != nil:
		return []*ResourceRecordSet{primary}
	case secondary != nil:
		return []*ResourceRecordSet{secondary}
	}
	return nil
}

// nearest returns the set of least cost, ties to the first set.
func nearest(sets []*ResourceRecordSet, cost func(*ResourceRecordSet) float64) []*ResourceRecordSet {
	best := slices.MinFunc(sets, func(a, b *ResourceRecordSet) int { return cmp.Compare(cost(a), cost(b)) })
	return []*ResourceRecordSet{best}
}

// geolocate answers the most specific healthy match of the client's
// location: its subdivision, its country, its continent, then the default
// ("*"); no match and no default is an empty answer (NOERROR, no data).
func geolocate(healthy []*ResourceRecordSet, loc ClientLocation) []*ResourceRecordSet {
	tiers := []func(g *GeoLocation) bool{
		func(g *GeoLocation) bool {
			return loc.SubdivisionCode != "" && g.CountryCode == loc.CountryCode && g.SubdivisionCode == loc.SubdivisionCode
		},
		func(g *GeoLocation) bool {
			return loc.CountryCode != "" && g.CountryCode == loc.CountryCode && g.SubdivisionCode == ""
		},
		func(g *GeoLocation) bool { return loc.ContinentCode != "" && g.ContinentCode == loc.ContinentCode },
		func(g *GeoLocation) bool { return g.CountryCode == "*" },
	}
	for _, match := range tiers {
		for _, rs := range healthy {
			if match(rs.GeoLocation) {
				return []*ResourceRecordSet{rs}
			}
		}
	}
	return nil
}

// multivalueLocked answers up to eight of the sets, chosen and ordered at
// random from the seeded source.
func (s *Service) multivalueLocked(sets []*ResourceRecordSet) []*ResourceRecordSet {
	out := slices.Clone(sets)
	for i := len(out) - 1; i > 0; i-- {
		j := s.answers.IntN(i + 1)
		out[i], out[j] = out[j], out[i]
	}
	return out[:min(len(out), maxMultivalue)]
}

// zoneByIDLocked returns the zone of an id in any account.
func (s *Service) zoneByIDLocked(id string) *zone {
	for _, a := range s.accounts {
		if z := a.zones[id]; z != nil {
			return z
		}
	}
	return nil
}

// servingZoneLocked returns the zone whose name servers answer name: the
// public zone with the longest name that holds it, the oldest of several
// zones of that name (private zones answer only inside their VPCs). It
// reads one map per label of name.
func (s *Service) servingZoneLocked(name string) *zone {
	for p := name; p != ""; p = parent(p) {
		if zs := s.byName[p]; len(zs) > 0 {
			return zs[0]
		}
	}
	return nil
}
