package route53

import (
	"cmp"
	"context"
	"slices"
	"strconv"
)

// MaxDelegationSets is the account's default quota of reusable delegation
// sets, and MaxZonesPerDelegationSet the zones one may serve.
const (
	MaxDelegationSets        = 100
	MaxZonesPerDelegationSet = 100
)

// CreateReusableDelegationSetInput is CreateReusableDelegationSet's input.
type CreateReusableDelegationSetInput struct {
	CallerReference string `xml:"CallerReference"`
	// HostedZoneId, when set, makes that zone's name servers the set's.
	HostedZoneId string `xml:"HostedZoneId"`
}

// CreateReusableDelegationSetOutput is CreateReusableDelegationSet's output.
type CreateReusableDelegationSetOutput struct {
	DelegationSet DelegationSet `xml:"DelegationSet"`
	Location      string        `xml:"-"`
}

// CreateReusableDelegationSet creates a set of four name servers that
// zones created with its id share; from a zone, the zone's own servers.
func (s *Service) CreateReusableDelegationSet(ctx context.Context, in CreateReusableDelegationSetInput) (CreateReusableDelegationSetOutput, error) {
	sc, err := s.enter(ctx, "CreateReusableDelegationSet")
	if err != nil {
		return CreateReusableDelegationSetOutput{}, err
	}
	if n := len(in.CallerReference); n == 0 || n > 128 {
		return CreateReusableDelegationSetOutput{}, invalidInput("1 validation error detected: Value '%s' at 'callerReference' failed to satisfy constraint: Member must have length between 1 and 128", in.CallerReference)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accountLocked(sc.Account, false)
	if a.setRefs[in.CallerReference] {
		return CreateReusableDelegationSetOutput{}, newError(codeDelegationSetExists, "A delegation set with the same owner and caller reference combination has already been created.")
	}
	if len(a.sets) >= MaxDelegationSets {
		return CreateReusableDelegationSetOutput{}, newError(codeLimitsExceeded, "This operation can't be completed because the current account has reached the limit on reusable delegation sets.")
	}
	var servers []string
	var from *zone
	if in.HostedZoneId != "" {
		z, err := s.zoneLocked(sc.Account, in.HostedZoneId)
		if err != nil {
			return CreateReusableDelegationSetOutput{}, err
		}
		if z.delegationSet != "" {
			return CreateReusableDelegationSetOutput{}, newError("DelegationSetAlreadyReusable", "The specified delegation set has already been marked as reusable.")
		}
		if z.private {
			return CreateReusableDelegationSetOutput{}, newError(codeInvalidArgument, "A reusable delegation set can't be created from a private hosted zone.")
		}
		servers, from = z.servers, z
	}
	a = s.accountLocked(sc.Account, true)
	if servers == nil {
		servers = nameServers(a.nextNames)
		a.nextNames++
	}
	a.nextSet++
	set := &delegationSet{id: "N" + s.env.IDs.Derive(sc.Account+"/set/"+strconv.Itoa(a.nextSet)).Upper(20), ref: in.CallerReference, servers: servers}
	if from != nil {
		from.delegationSet, set.zones = set.id, 1
	}
	a.sets[set.id], a.setRefs[in.CallerReference] = set, true
	return CreateReusableDelegationSetOutput{DelegationSet: set.view(), Location: "https://route53.amazonaws.com/2013-04-01/delegationset/" + set.id}, nil
}

func (d *delegationSet) view() DelegationSet {
	return DelegationSet{Id: "/delegationset/" + d.id, CallerReference: d.ref, NameServers: slices.Clone(d.servers)}
}

func (s *Service) setLocked(account, id string) (*delegationSet, error) {
	set := s.accountLocked(account, false).sets[stripID(id)]
	if set == nil {
		return nil, newError(codeNoSuchDelegationSet, "A reusable delegation set with the specified ID does not exist.")
	}
	return set, nil
}

// GetReusableDelegationSetOutput is GetReusableDelegationSet's output.
type GetReusableDelegationSetOutput struct {
	DelegationSet DelegationSet `xml:"DelegationSet"`
}

// GetReusableDelegationSet returns a reusable delegation set.
func (s *Service) GetReusableDelegationSet(ctx context.Context, id string) (GetReusableDelegationSetOutput, error) {
	sc, err := s.enter(ctx, "GetReusableDelegationSet")
	if err != nil {
		return GetReusableDelegationSetOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	set, err := s.setLocked(sc.Account, id)
	if err != nil {
		return GetReusableDelegationSetOutput{}, err
	}
	return GetReusableDelegationSetOutput{DelegationSet: set.view()}, nil
}

// DeleteReusableDelegationSet deletes a set no zone uses.
func (s *Service) DeleteReusableDelegationSet(ctx context.Context, id string) error {
	sc, err := s.enter(ctx, "DeleteReusableDelegationSet")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	set, err := s.setLocked(sc.Account, id)
	if err != nil {
		return err
	}
	if set.zones > 0 {
		return newError(codeDelegationSetInUse, "The specified delegation contains associated hosted zones which must be deleted before the reusable delegation set can be deleted.")
	}
	delete(s.accountLocked(sc.Account, true).sets, set.id)
	return nil
}

// ListReusableDelegationSetsOutput is ListReusableDelegationSets' output.
type ListReusableDelegationSetsOutput struct {
	DelegationSets []DelegationSet `xml:"DelegationSets>DelegationSet"`
	Marker         string          `xml:"Marker"`
	IsTruncated    bool            `xml:"IsTruncated"`
	NextMarker     string          `xml:"NextMarker,omitempty"`
	MaxItems       string          `xml:"MaxItems"`
}

// ListReusableDelegationSets lists the account's sets by id, a page of
// MaxItems (default and most 100) after Marker.
func (s *Service) ListReusableDelegationSets(ctx context.Context, marker, maxItems string) (ListReusableDelegationSetsOutput, error) {
	sc, err := s.enter(ctx, "ListReusableDelegationSets")
	if err != nil {
		return ListReusableDelegationSetsOutput{}, err
	}
	size, err := pageSize(maxItems, maxZonePage)
	if err != nil {
		return ListReusableDelegationSetsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var sets []*delegationSet
	for _, set := range s.accountLocked(sc.Account, false).sets {
		sets = append(sets, set)
	}
	slices.SortFunc(sets, func(a, b *delegationSet) int { return cmp.Compare(a.id, b.id) })
	out := ListReusableDelegationSetsOutput{Marker: marker, MaxItems: strconv.Itoa(size), DelegationSets: []DelegationSet{}}
	for _, set := range sets {
		if marker != "" && set.id < stripID(marker) {
			continue
		}
		if len(out.DelegationSets) == size {
			out.IsTruncated, out.NextMarker = true, set.id
			break
		}
		out.DelegationSets = append(out.DelegationSets, set.view())
	}
	return out, nil
}

// Limit is a quota and how much of it is used.
type Limit struct {
	Type  string `xml:"Limit>Type"`
	Value int64  `xml:"Limit>Value"`
	Count int64  `xml:"Count"`
}

// GetReusableDelegationSetLimit returns how many zones a set may serve
// (type MAX_ZONES_BY_REUSABLE_DELEGATION_SET) and how many it does.
func (s *Service) GetReusableDelegationSetLimit(ctx context.Context, id, typ string) (Limit, error) {
	sc, err := s.enter(ctx, "GetReusableDelegationSetLimit")
	if err != nil {
		return Limit{}, err
	}
	if typ != "MAX_ZONES_BY_REUSABLE_DELEGATION_SET" {
		return Limit{}, invalidInput("1 validation error detected: Value '%s' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [MAX_ZONES_BY_REUSABLE_DELEGATION_SET]", typ)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	set, err := s.setLocked(sc.Account, id)
	if err != nil {
		return Limit{}, err
	}
	return Limit{Type: typ, Value: MaxZonesPerDelegationSet, Count: int64(set.zones)}, nil
}

// accountLimits are AWS's default account quotas, by GetAccountLimit type.
var accountLimits = map[string]int64{
	"MAX_HEALTH_CHECKS_BY_OWNER": 200, "MAX_HOSTED_ZONES_BY_OWNER": MaxHostedZones,
	"MAX_TRAFFIC_POLICY_INSTANCES_BY_OWNER": 5, "MAX_REUSABLE_DELEGATION_SETS_BY_OWNER": MaxDelegationSets,
	"MAX_TRAFFIC_POLICIES_BY_OWNER": 50,
}

// GetAccountLimit returns one of the account's quotas (AWS's defaults) and
// how much of it is used.
func (s *Service) GetAccountLimit(ctx context.Context, typ string) (Limit, error) {
	sc, err := s.enter(ctx, "GetAccountLimit")
	if err != nil {
		return Limit{}, err
	}
	v, ok := accountLimits[typ]
	if !ok {
		return Limit{}, invalidInput("1 validation error detected: Value '%s' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [MAX_HEALTH_CHECKS_BY_OWNER, MAX_HOSTED_ZONES_BY_OWNER, MAX_TRAFFIC_POLICY_INSTANCES_BY_OWNER, MAX_REUSABLE_DELEGATION_SETS_BY_OWNER, MAX_TRAFFIC_POLICIES_BY_OWNER]", typ)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accountLocked(sc.Account, false)
	n := 0
	switch typ {
	case "MAX_HOSTED_ZONES_BY_OWNER":
		n = len(a.zones)
	case "MAX_REUSABLE_DELEGATION_SETS_BY_OWNER":
		n = len(a.sets)
	}
	return Limit{Type: typ, Value: v, Count: int64(n)}, nil
}

// GetHostedZoneLimit returns a zone's quota of record sets
// (MAX_RRSETS_BY_ZONE) or of VPCs (MAX_VPCS_ASSOCIATED_BY_ZONE) and how
// much of it is used.
func (s *Service) GetHostedZoneLimit(ctx context.Context, id, typ string) (Limit, error) {
	sc, err := s.enter(ctx, "GetHostedZoneLimit")
	if err != nil {
		return Limit{}, err
	}
	if typ != "MAX_RRSETS_BY_ZONE" && typ != "MAX_VPCS_ASSOCIATED_BY_ZONE" {
		return Limit{}, invalidInput("1 validation error detected: Value '%s' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [MAX_RRSETS_BY_ZONE, MAX_VPCS_ASSOCIATED_BY_ZONE]", typ)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, id)
	if err != nil {
		return Limit{}, err
	}
	if typ == "MAX_RRSETS_BY_ZONE" {
		return Limit{Type: typ, Value: int64(s.maxRecordSets), Count: z.count()}, nil
	}
	if !z.private {
		return Limit{}, newError("HostedZoneNotPrivate", "The specified hosted zone is a public hosted zone, not a private hosted zone.")
	}
	return Limit{Type: typ, Value: MaxVPCsPerZone, Count: int64(len(z.vpcs))}, nil
}
