package route53

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// ChangeResourceRecordSetsInput is ChangeResourceRecordSets' input.
type ChangeResourceRecordSetsInput struct {
	HostedZoneId string      `xml:"-"`
	ChangeBatch  ChangeBatch `xml:"ChangeBatch"`
}

// ChangeResourceRecordSetsOutput is ChangeResourceRecordSets' output.
type ChangeResourceRecordSetsOutput struct {
	ChangeInfo ChangeInfo `xml:"ChangeInfo"`
}

// ChangeResourceRecordSets applies a batch of CREATE, DELETE and UPSERT
// changes in order, all of them or, when any is refused, none: the refusal
// is InvalidChangeBatch with AWS's message for each problem. The change is
// PENDING for ChangePropagation on the cloud's clock, then INSYNC; the new
// records answer at once (ListResourceRecordSets shows PENDING records, as
// AWS documents).
func (s *Service) ChangeResourceRecordSets(ctx context.Context, in ChangeResourceRecordSetsInput) (ChangeResourceRecordSetsOutput, error) {
	sc, err := s.enter(ctx, "ChangeResourceRecordSets")
	if err != nil {
		return ChangeResourceRecordSetsOutput{}, err
	}
	changes, err := normalizeBatch(in.ChangeBatch)
	if err != nil {
		return ChangeResourceRecordSetsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, in.HostedZoneId)
	if err != nil {
		return ChangeResourceRecordSetsOutput{}, err
	}
	a := s.accountLocked(sc.Account, true)
	if msgs := z.applyBatch(changes, func(id string) *zone { return a.zones[id] }, s.maxRecordSets); len(msgs) > 0 {
		return ChangeResourceRecordSetsOutput{}, invalidChangeBatch(msgs)
	}
	return ChangeResourceRecordSetsOutput{ChangeInfo: s.submitLocked(sc, a, in.ChangeBatch.Comment)}, nil
}

// normalizeBatch checks a batch's shape (AWS answers InvalidInput for
// these, before looking at the zone) and its limits, and returns its
// changes with canonical names.
func normalizeBatch(b ChangeBatch) ([]Change, error) {
	if len(b.Changes) == 0 {
		return nil, invalidInput("1 validation error detected: Value '[]' at 'changeBatch.changes' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	if len(b.Comment) > 256 {
		return nil, invalidInput("1 validation error detected: Value at 'changeBatch.comment' failed to satisfy constraint: Member must have length less than or equal to 256")
	}
	out := make([]Change, len(b.Changes))
	records, chars := 0, 0
	var bad []string
	for i, c := range b.Changes {
		if err := checkChange(i+1, c); err != nil {
			return nil, err
		}
		rs := c.ResourceRecordSet.clone()
		name, ok := canonicalName(rs.Name)
		if !ok {
			bad = append(bad, fmt.Sprintf("FATAL problem: DomainLabelEmpty (Domain label is empty) encountered with '%s'", rs.Name))
		}
		rs.Name = name
		if rs.AliasTarget != nil {
			rs.AliasTarget.DNSName, _ = canonicalName(rs.AliasTarget.DNSName)
			rs.AliasTarget.HostedZoneId = stripID(rs.AliasTarget.HostedZoneId)
		}
		weight := 1
		if c.Action == "UPSERT" {
			weight = 2
		}
		records += weight * len(rs.ResourceRecords)
		for _, r := range rs.ResourceRecords {
			chars += weight * len(r.Value)
		}
		out[i] = Change{Action: c.Action, ResourceRecordSet: *rs}
	}
	if records > maxBatchRecords {
		bad = append(bad, fmt.Sprintf("Number of records limit of %d exceeded.", maxBatchRecords))
	}
	if chars > maxBatchChars {
		bad = append(bad, fmt.Sprintf("Number of records data characters limit of %d exceeded.", maxBatchChars))
	}
	if len(bad) > 0 {
		return nil, invalidChangeBatch(bad)
	}
	return out, nil
}

// checkChange checks the shape of change n (1-based, as AWS counts them).
func checkChange(n int, c Change) error {
	rs := &c.ResourceRecordSet
	at := fmt.Sprintf("changeBatch.changes.%d.member", n)
	switch {
	case c.Action != "CREATE" && c.Action != "DELETE" && c.Action != "UPSERT":
		return invalidInput("1 validation error detected: Value '%s' at '%s.action' failed to satisfy constraint: Member must satisfy enum value set: [CREATE, DELETE, UPSERT]", c.Action, at)
	case !knownType(rs.Type):
		return invalidInput("1 validation error detected: Value '%s' at '%s.resourceRecordSet.type' failed to satisfy constraint: Member must satisfy enum value set: [%s]", rs.Type, at, strings.Join(recordTypes, ", "))
	case rs.TTL != nil && (*rs.TTL < 0 || *rs.TTL > 2147483647):
		return invalidInput("1 validation error detected: Value '%d' at '%s.resourceRecordSet.tTL' failed to satisfy constraint: Member must have value between 0 and 2147483647", *rs.TTL, at)
	case rs.Weight != nil && (*rs.Weight < 0 || *rs.Weight > 255):
		return invalidInput("1 validation error detected: Value '%d' at '%s.resourceRecordSet.weight' failed to satisfy constraint: Member must have value between 0 and 255", *rs.Weight, at)
	case len(rs.SetIdentifier) > 128:
		return invalidInput("1 validation error detected: Value '%s' at '%s.resourceRecordSet.setIdentifier' failed to satisfy constraint: Member must have length less than or equal to 128", rs.SetIdentifier, at)
	case rs.Failover != "" && rs.Failover != "PRIMARY" && rs.Failover != "SECONDARY":
		return invalidInput("1 validation error detected: Value '%s' at '%s.resourceRecordSet.failover' failed to satisfy constraint: Member must satisfy enum value set: [PRIMARY, SECONDARY]", rs.Failover, at)
	}
	where := fmt.Sprintf("Change with [Action=%s, Name=%s, Type=%s, SetIdentifier=%s]", c.Action, rs.Name, rs.Type, orNull(rs.SetIdentifier))
	hasValues := rs.TTL != nil || len(rs.ResourceRecords) > 0
	switch {
	case rs.AliasTarget != nil && hasValues:
		return invalidInput("Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords]], but found more than one in %s", where)
	case rs.AliasTarget == nil && (rs.TTL == nil || len(rs.ResourceRecords) == 0):
		if rs.TTL == nil && len(rs.ResourceRecords) == 0 {
			return invalidInput("Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords]], but found none in %s", where)
		}
		return invalidInput("Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords]], but found not all of [TTL, and ResourceRecords] in %s", where)
	}
	return checkPolicy(rs, where)
}

// checkPolicy checks that a record set with a set identifier has exactly
// one routing policy, and one without has none.
func checkPolicy(rs *ResourceRecordSet, where string) error {
	n := 0
	for _, set := range []bool{rs.Weight != nil, rs.Region != "", rs.Failover != "", rs.GeoLocation != nil,
		rs.MultiValueAnswer != nil, rs.GeoProximityLocation != nil, rs.CidrRoutingConfig != nil} {
		if set {
			n++
		}
	}
	const all = "[Weight, Region, Failover, GeoLocation, MultiValueAnswer, GeoProximityLocation, or CidrRoutingConfig]"
	switch {
	case rs.SetIdentifier == "" && n > 0:
		return invalidInput("Invalid request: Missing field 'SetIdentifier' in %s", where)
	case rs.SetIdentifier != "" && n == 0:
		return invalidInput("Invalid request: Expected exactly one of %s, but found none in %s", all, where)
	case n > 1:
		return invalidInput("Invalid request: Expected exactly one of %s, but found more than one in %s", all, where)
	case rs.GeoLocation != nil:
		return checkGeo(rs.GeoLocation)
	case rs.Region != "" && !knownRegion(rs.Region):
		return invalidInput("1 validation error detected: Value '%s' at 'resourceRecordSet.region' failed to satisfy constraint: Member must satisfy enum value set", rs.Region)
	case rs.GeoProximityLocation != nil:
		return checkGeoProximity(rs.GeoProximityLocation, where)
	case rs.CidrRoutingConfig != nil:
		return newError(codeNoSuchCidrCollection, "The CIDR collection you specified, %s, doesn't exist.", rs.CidrRoutingConfig.CollectionId)
	}
	return nil
}

// checkGeoProximity checks a geoproximity location: exactly one of an AWS
// region, a Local Zone group or coordinates (latitude -90..90, longitude
// -180..180, as decimal text), and a bias of -99..99.
func checkGeoProximity(g *GeoProximityLocation, where string) error {
	n := 0
	for _, set := range []bool{g.AWSRegion != "", g.LocalZoneGroup != "", g.Coordinates != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return invalidInput("Invalid request: Expected exactly one of [AWSRegion, LocalZoneGroup, or Coordinates], but found %d in %s", n, where)
	}
	if g.Bias != nil && (*g.Bias < -99 || *g.Bias > 99) {
		return invalidInput("1 validation error detected: Value '%d' at 'resourceRecordSet.geoProximityLocation.bias' failed to satisfy constraint: Member must have value between -99 and 99", *g.Bias)
	}
	if g.LocalZoneGroup != "" {
		return invalidInput("Invalid request: Local Zone groups are not supported in %s", where)
	}
	p, ok := placeOf(g)
	if !ok || p[0] < -90 || p[0] > 90 || p[1] < -180 || p[1] > 180 {
		return invalidInput("Invalid request: GeoProximityLocation is invalid in %s", where)
	}
	return nil
}

// continents are the continent codes of GeoLocation.
var continents = map[string]bool{"AF": true, "AN": true, "AS": true, "EU": true, "OC": true, "NA": true, "SA": true}

// checkGeo checks a geolocation: a continent, or a country (two letters,
// or "*", the default) with an optional subdivision, which needs a country.
func checkGeo(g *GeoLocation) error {
	bad := newError(codeInvalidInput, "Invalid request: GeoLocation is invalid: %s", geoDesc(g))
	switch {
	case g.ContinentCode != "" && (g.CountryCode != "" || g.SubdivisionCode != ""):
		return bad
	case g.ContinentCode != "" && !continents[g.ContinentCode]:
		return bad
	case g.ContinentCode == "" && g.CountryCode == "":
		return bad
	case g.CountryCode != "" && g.CountryCode != "*" && len(g.CountryCode) != 2:
		return bad
	case g.SubdivisionCode != "" && (g.CountryCode == "" || g.CountryCode == "*"):
		return bad
	}
	return nil
}

func geoDesc(g *GeoLocation) string {
	return fmt.Sprintf("[ContinentCode=%s, CountryCode=%s, SubdivisionCode=%s]", orNull(g.ContinentCode), orNull(g.CountryCode), orNull(g.SubdivisionCode))
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

// GetChangeInput is GetChange's input.
type GetChangeInput struct {
	Id string
}

// GetChangeOutput is GetChange's output.
type GetChangeOutput struct {
	ChangeInfo ChangeInfo `xml:"ChangeInfo"`
}

// GetChange returns a change: PENDING until ChangePropagation has passed
// on the cloud's clock since it was submitted, INSYNC from that instant.
func (s *Service) GetChange(ctx context.Context, in GetChangeInput) (GetChangeOutput, error) {
	sc, err := s.enter(ctx, "GetChange")
	if err != nil {
		return GetChangeOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.accountLocked(sc.Account, false).changes[stripID(in.Id)]
	if c == nil {
		return GetChangeOutput{}, newError(codeNoSuchChange, "A change with the specified change ID does not exist.")
	}
	return GetChangeOutput{ChangeInfo: c.info(s.now())}, nil
}

// maxRecordPage is the most record sets ListResourceRecordSets returns,
// and its default.
const maxRecordPage = 300

// ListResourceRecordSetsInput is ListResourceRecordSets' input.
type ListResourceRecordSetsInput struct {
	HostedZoneId          string
	StartRecordName       string
	StartRecordType       string
	StartRecordIdentifier string
	MaxItems              string
}

// ListResourceRecordSetsOutput is ListResourceRecordSets' output.
type ListResourceRecordSetsOutput struct {
	ResourceRecordSets   []ResourceRecordSet `xml:"ResourceRecordSets>ResourceRecordSet"`
	IsTruncated          bool                `xml:"IsTruncated"`
	NextRecordName       string              `xml:"NextRecordName,omitempty"`
	NextRecordType       string              `xml:"NextRecordType,omitempty"`
	NextRecordIdentifier string              `xml:"NextRecordIdentifier,omitempty"`
	MaxItems             string              `xml:"MaxItems"`
}

// ListResourceRecordSets lists a zone's record sets in AWS's order: by name
// with the labels reversed (compared as bytes of the escaped form, with the
// trailing dot), then type, then set identifier; a page starts at the first
// set at or after StartRecordName, StartRecordType and
// StartRecordIdentifier, and ends with the triple that starts the next.
func (s *Service) ListResourceRecordSets(ctx context.Context, in ListResourceRecordSetsInput) (ListResourceRecordSetsOutput, error) {
	sc, err := s.enter(ctx, "ListResourceRecordSets")
	if err != nil {
		return ListResourceRecordSetsOutput{}, err
	}
	size, err := pageSize(in.MaxItems, maxRecordPage)
	if err != nil {
		return ListResourceRecordSetsOutput{}, err
	}
	start, err := startKey(in)
	if err != nil {
		return ListResourceRecordSetsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, in.HostedZoneId)
	if err != nil {
		return ListResourceRecordSetsOutput{}, err
	}
	out := ListResourceRecordSetsOutput{MaxItems: strconv.Itoa(size), ResourceRecordSets: []ResourceRecordSet{}}
	i := searchKeys(z.order, start)
	for ; i < len(z.order); i++ {
		k := z.order[i]
		if len(out.ResourceRecordSets) == size {
			out.IsTruncated, out.NextRecordName, out.NextRecordType, out.NextRecordIdentifier = true, k.name, k.typ, k.id
			break
		}
		out.ResourceRecordSets = append(out.ResourceRecordSets, *z.find(k.name, k.typ, k.id).clone())
	}
	return out, nil
}

// startKey reads where a ListResourceRecordSets page starts.
func startKey(in ListResourceRecordSetsInput) (rrKey, error) {
	if in.StartRecordType != "" && in.StartRecordName == "" {
		return rrKey{}, invalidInput("The input is not valid: Type cannot be specified without a name.")
	}
	if in.StartRecordIdentifier != "" && in.StartRecordType == "" {
		return rrKey{}, invalidInput("The input is not valid: Identifier cannot be specified without a name and type.")
	}
	if in.StartRecordType != "" && !knownType(in.StartRecordType) {
		return rrKey{}, invalidInput("1 validation error detected: Value '%s' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [%s]", in.StartRecordType, strings.Join(recordTypes, ", "))
	}
	if in.StartRecordName == "" {
		return rrKey{}, nil
	}
	name, ok := canonicalName(in.StartRecordName)
	if !ok {
		return rrKey{}, invalidInput("The input is not valid: %s is not a valid DNS name.", in.StartRecordName)
	}
	return rrKey{sort: sortKey(name), name: name, typ: in.StartRecordType, id: in.StartRecordIdentifier}, nil
}

// searchKeys returns the index of the first key at or after start.
func searchKeys(order []rrKey, start rrKey) int {
	lo, hi := 0, len(order)
	for lo < hi {
		m := (lo + hi) / 2
		if compareKeys(order[m], start) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
