package route53

import (
	"cmp"
	"slices"
)

// zone is one hosted zone: its settings and its record sets.
type zone struct {
	id, name, ref, comment string
	private                bool
	vpcs                   []VPC
	servers                []string // the four name servers of its NS record and delegation set
	delegationSet          string   // the reusable set it uses, if any
	seq                    uint64   // creation order across the cloud
	tags                   map[string]string
	dnssec                 *dnssec // nil until a DNSSEC operation reads it
	// nodes holds the record sets by name, then type: a DNS lookup is two
	// map reads whatever the zone's size.
	nodes map[string]*node
	// ents counts, for each name between the apex and a record's name, the
	// names below it that hold records: a name with a count and no node is
	// an empty non-terminal (NODATA, not NXDOMAIN).
	ents map[string]int
	// order is every record set's key, in ListResourceRecordSets order.
	order []rrKey
}

// node is the record sets of one name.
type node struct {
	types map[string][]*ResourceRecordSet // by type, each sorted by SetIdentifier
}

// rrKey names one record set: its name, type and set identifier, with the
// name's sort key for ordering.
type rrKey struct {
	sort, name, typ, id string
}

func keyOf(rs *ResourceRecordSet) rrKey {
	return rrKey{sort: sortKey(rs.Name), name: rs.Name, typ: rs.Type, id: rs.SetIdentifier}
}

// compareKeys is Route 53's list order: names by their reversed labels,
// then the type, then the set identifier.
func compareKeys(a, b rrKey) int {
	if c := cmp.Compare(a.sort, b.sort); c != 0 {
		return c
	}
	if c := cmp.Compare(a.typ, b.typ); c != 0 {
		return c
	}
	return cmp.Compare(a.id, b.id)
}

func newZone(id, name string) *zone {
	return &zone{id: id, name: name, nodes: map[string]*node{}, ents: map[string]int{}, tags: map[string]string{}}
}

// sets returns the record sets of name and type.
func (z *zone) sets(name, typ string) []*ResourceRecordSet {
	n := z.nodes[name]
	if n == nil {
		return nil
	}
	return n.types[typ]
}

// find returns the record set of name, type and set identifier.
func (z *zone) find(name, typ, id string) *ResourceRecordSet {
	for _, rs := range z.sets(name, typ) {
		if rs.SetIdentifier == id {
			return rs
		}
	}
	return nil
}

// put stores rs, replacing the set of the same key.
func (z *zone) put(rs *ResourceRecordSet) {
	n := z.nodes[rs.Name]
	if n == nil {
		n = &node{types: map[string][]*ResourceRecordSet{}}
		z.nodes[rs.Name] = n
		z.countAncestors(rs.Name, 1)
	}
	list := n.types[rs.Type]
	i, found := slices.BinarySearchFunc(list, rs.SetIdentifier, func(e *ResourceRecordSet, id string) int { return cmp.Compare(e.SetIdentifier, id) })
	if found {
		list[i] = rs
		return
	}
	n.types[rs.Type] = slices.Insert(list, i, rs)
	k := keyOf(rs)
	j, _ := slices.BinarySearchFunc(z.order, k, compareKeys)
	z.order = slices.Insert(z.order, j, k)
}

// remove deletes the record set of rs's key.
func (z *zone) remove(rs *ResourceRecordSet) {
	n := z.nodes[rs.Name]
	if n == nil {
		return
	}
	list := n.types[rs.Type]
	i, found := slices.BinarySearchFunc(list, rs.SetIdentifier, func(e *ResourceRecordSet, id string) int { return cmp.Compare(e.SetIdentifier, id) })
	if !found {
		return
	}
	list = slices.Delete(list, i, i+1)
	if len(list) == 0 {
		delete(n.types, rs.Type)
		if len(n.types) == 0 {
			delete(z.nodes, rs.Name)
			z.countAncestors(rs.Name, -1)
		}
	} else {
		n.types[rs.Type] = list
	}
	k := keyOf(rs)
	if j, ok := slices.BinarySearchFunc(z.order, k, compareKeys); ok {
		z.order = slices.Delete(z.order, j, j+1)
	}
}

// countAncestors adds d to the count of every name strictly between name
// and the apex.
func (z *zone) countAncestors(name string, d int) {
	for p := parent(name); p != "" && p != z.name && inZone(p, z.name); p = parent(p) {
		if z.ents[p] += d; z.ents[p] == 0 {
			delete(z.ents, p)
		}
	}
}

// count is the number of record sets, as ResourceRecordSetCount shows it.
func (z *zone) count() int64 { return int64(len(z.order)) }

// hostedZone returns the zone as the API shows it.
func (z *zone) hostedZone() HostedZone {
	return HostedZone{Id: "/hostedzone/" + z.id, Name: z.name, CallerReference: z.ref,
		Config: &HostedZoneConfig{Comment: z.comment, PrivateZone: z.private}, ResourceRecordSetCount: z.count()}
}

// clone returns a deep copy of a record set, so that callers never hold
// the engine's own.
func (rs *ResourceRecordSet) clone() *ResourceRecordSet {
	c := *rs
	c.ResourceRecords = slices.Clone(rs.ResourceRecords)
	if rs.Weight != nil {
		w := *rs.Weight
		c.Weight = &w
	}
	if rs.TTL != nil {
		t := *rs.TTL
		c.TTL = &t
	}
	if rs.MultiValueAnswer != nil {
		m := *rs.MultiValueAnswer
		c.MultiValueAnswer = &m
	}
	if rs.GeoLocation != nil {
		g := *rs.GeoLocation
		c.GeoLocation = &g
	}
	if rs.AliasTarget != nil {
		a := *rs.AliasTarget
		c.AliasTarget = &a
	}
	if rs.GeoProximityLocation != nil {
		g := *rs.GeoProximityLocation
		if g.Coordinates != nil {
			co := *g.Coordinates
			g.Coordinates = &co
		}
		if g.Bias != nil {
			b := *g.Bias
			g.Bias = &b
		}
		c.GeoProximityLocation = &g
	}
	if rs.CidrRoutingConfig != nil {
		cr := *rs.CidrRoutingConfig
		c.CidrRoutingConfig = &cr
	}
	return &c
}
