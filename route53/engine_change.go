package route53

import (
	"fmt"
	"slices"
)

// Batch limits (DNSLimitations: "A request cannot contain more than 1,000
// ResourceRecord elements ... The sum of the number of characters
// (including spaces) in all Value elements in a request cannot exceed
// 32,000 characters ... UPSERT ... counts twice").
const (
	maxBatchRecords = 1000
	maxBatchChars   = 32000
)

// setDesc is how AWS names a record set in its messages:
// [name='a.example.com.', type='A'] or, with an identifier,
// [name='a.example.com.', type='A', set-identifier='one'].
func setDesc(rs *ResourceRecordSet) string {
	if rs.SetIdentifier != "" {
		return fmt.Sprintf("[name='%s', type='%s', set-identifier='%s']", rs.Name, rs.Type, rs.SetIdentifier)
	}
	return fmt.Sprintf("[name='%s', type='%s']", rs.Name, rs.Type)
}

// undo is one step that puts a zone back as it was.
type undo struct {
	put *ResourceRecordSet // re-store this set
	del *ResourceRecordSet // remove the set of this key
}

// applyBatch applies changes to the zone in order and returns AWS's
// messages for every one it refused; with any message, the zone is put
// back as it was: a batch is applied whole or not at all.
func (z *zone) applyBatch(changes []Change, zones func(id string) *zone, limit int) []string {
	var msgs []string
	var log []undo
	seen := map[rrKey]string{}
	for i := range changes {
		c := &changes[i]
		rs := &c.ResourceRecordSet
		k := keyOf(rs)
		if prev, dup := seen[k]; dup && !(prev == "DELETE" && c.Action == "CREATE") {
			msgs = append(msgs, fmt.Sprintf("The request contains an invalid set of changes for a resource record set '%s %s'", rs.Type, rs.Name))
			continue
		}
		seen[k] = c.Action
		msg, steps := z.applyOne(c)
		if msg != nil {
			msgs = append(msgs, msg...)
			continue
		}
		log = append(log, steps...)
	}
	if len(msgs) == 0 {
		msgs = z.checkAliases(changes, zones)
	}
	if len(msgs) == 0 && z.count() > int64(limit) {
		msgs = []string{fmt.Sprintf("The resource record set limit of %d for the hosted zone has been exceeded.", limit)}
	}
	if len(msgs) > 0 {
		for i := len(log) - 1; i >= 0; i-- {
			if log[i].del != nil {
				z.remove(log[i].del)
			}
			if log[i].put != nil {
				z.put(log[i].put)
			}
		}
		return msgs
	}
	return nil
}

// applyOne applies one change and returns the steps that undo it, or
// AWS's messages for why it cannot be applied.
func (z *zone) applyOne(c *Change) ([]string, []undo) {
	rs := &c.ResourceRecordSet
	if !inZone(rs.Name, z.name) {
		return []string{fmt.Sprintf("RRSet with DNS name %s is not permitted in zone %s", rs.Name, z.name)}, nil
	}
	if c.Action != "DELETE" {
		var bad []string
		for _, r := range rs.ResourceRecords {
			if m := checkValue(rs.Type, r.Value); m != "" {
				bad = append(bad, m)
			}
		}
		if rs.Type == "CNAME" && len(rs.ResourceRecords) > 1 {
			bad = append(bad, fmt.Sprintf("RRSet of type CNAME with DNS name %s has more than one resource record", rs.Name))
		}
		if len(bad) > 0 {
			return bad, nil
		}
	}
	old := z.find(rs.Name, rs.Type, rs.SetIdentifier)
	switch c.Action {
	case "CREATE":
		if old != nil {
			return []string{"Tried to create resource record set " + setDesc(rs) + " but it already exists"}, nil
		}
		fallthrough
	case "UPSERT":
		if m := z.conflicts(rs); m != "" {
			return []string{m}, nil
		}
		stored := rs.clone()
		z.put(stored)
		if old != nil {
			return nil, []undo{{put: old}}
		}
		return nil, []undo{{del: stored}}
	default: // DELETE
		switch {
		case old == nil:
			return []string{"Tried to delete resource record set " + setDesc(rs) + " but it was not found"}, nil
		case !sameSet(old, rs):
			return []string{"Tried to delete resource record set " + setDesc(rs) + " but the values provided do not match the current values"}, nil
		case rs.Name == z.name && rs.Type == "SOA":
			return []string{"A HostedZone must contain exactly one SOA record."}, nil
		case rs.Name == z.name && rs.Type == "NS":
			return []string{"A HostedZone must contain at least one NS record for the zone itself."}, nil
		}
		z.remove(old)
		return nil, []undo{{put: old}}
	}
}

// conflicts returns AWS's message when rs cannot sit beside the name's
// other record sets: a CNAME at the apex or beside other types, another
// type beside a CNAME, or routing policies mixed within a name and type.
func (z *zone) conflicts(rs *ResourceRecordSet) string {
	n := z.nodes[rs.Name]
	if rs.Type == "CNAME" {
		if rs.Name == z.name {
			return fmt.Sprintf("RRSet of type CNAME with DNS name %s is not permitted at apex in zone %s", rs.Name, z.name)
		}
		if n != nil {
			for t := range n.types {
				if t != "CNAME" {
					return fmt.Sprintf("RRSet of type CNAME with DNS name %s is not permitted as it conflicts with other records with the same DNS name in zone %s", rs.Name, z.name)
				}
			}
		}
	} else if n != nil && len(n.types["CNAME"]) > 0 {
		return fmt.Sprintf("RRSet of type %s with DNS name %s is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone %s", rs.Type, rs.Name, z.name)
	}
	mine := policyOf(rs)
	for _, other := range z.sets(rs.Name, rs.Type) {
		if other.SetIdentifier == rs.SetIdentifier {
			continue
		}
		if p := policyOf(other); p != mine {
			if rs.SetIdentifier == "" {
				return fmt.Sprintf("RRSet with DNS name %s, type %s cannot be created as other RRSets exist with the same name and type.", rs.Name, rs.Type)
			}
			return fmt.Sprintf("RRSet with DNS name %s, type %s, SetIdentifier %s cannot be created because a %s set exists with the same name and type.", rs.Name, rs.Type, rs.SetIdentifier, p)
		}
	}
	return ""
}

// checkAliases checks, once the batch is applied, that every alias the
// batch creates into one of the account's zones targets a name inside
// that zone which has records of the alias's type.
func (z *zone) checkAliases(changes []Change, zones func(id string) *zone) []string {
	var msgs []string
	for i := range changes {
		rs := &changes[i].ResourceRecordSet
		if changes[i].Action == "DELETE" || rs.AliasTarget == nil {
			continue
		}
		t := zones(stripID(rs.AliasTarget.HostedZoneId))
		if t == nil {
			continue // an AWS service's zone (CloudFront, ELB, S3 website): stored as given
		}
		at := rs.AliasTarget.DNSName
		prefix := fmt.Sprintf("Tried to create an alias that targets %s, type %s in zone %s, but ", at, rs.Type, t.id)
		switch {
		case !inZone(at, t.name):
			msgs = append(msgs, prefix+"the alias target name does not lie within the target zone")
		case len(t.sets(at, rs.Type)) == 0 && len(t.sets(at, "CNAME")) == 0:
			msgs = append(msgs, prefix+"the alias target does not exist")
		}
	}
	return msgs
}

// sameSet reports whether a DELETE's record set matches the stored one
// exactly: values (in any order), TTL, routing and alias.
func sameSet(a, b *ResourceRecordSet) bool {
	if policyOf(a) != policyOf(b) || !eqPtr(a.TTL, b.TTL) || !eqPtr(a.Weight, b.Weight) || a.Region != b.Region ||
		a.Failover != b.Failover || a.HealthCheckId != b.HealthCheckId || !eqPtr(a.GeoLocation, b.GeoLocation) ||
		!eqPtr(a.AliasTarget, b.AliasTarget) || len(a.ResourceRecords) != len(b.ResourceRecords) {
		return false
	}
	av := make([]string, len(a.ResourceRecords))
	bv := make([]string, len(b.ResourceRecords))
	for i := range a.ResourceRecords {
		av[i], bv[i] = a.ResourceRecords[i].Value, b.ResourceRecords[i].Value
	}
	slices.Sort(av)
	slices.Sort(bv)
	return slices.Equal(av, bv)
}

func eqPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// policyOf names a record set's routing policy.
func policyOf(rs *ResourceRecordSet) string {
	switch {
	case rs.SetIdentifier == "":
		return "simple"
	case rs.Weight != nil:
		return "weighted"
	case rs.Region != "":
		return "latency"
	case rs.Failover != "":
		return "failover"
	case rs.GeoLocation != nil:
		return "geolocation"
	case rs.GeoProximityLocation != nil:
		return "geoproximity"
	case rs.MultiValueAnswer != nil:
		return "multivalue"
	case rs.CidrRoutingConfig != nil:
		return "ip-based"
	}
	return "simple"
}
