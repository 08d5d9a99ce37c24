package route53

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// Limits of hosted zones (Route 53 quotas, "Quotas on hosted zones").
const (
	// MaxHostedZones is the account's default quota of hosted zones.
	MaxHostedZones = 500
	// MaxRecordSets is the default quota of record sets in one zone.
	MaxRecordSets = 10000
	// MaxVPCsPerZone is the quota of VPCs one private zone is associated with.
	MaxVPCsPerZone = 300
	// apexNSTTL and apexSOATTL are the TTLs of the records Route 53 creates
	// in a new zone (recorded: NS 172800, SOA 900).
	apexNSTTL  = 172800
	apexSOATTL = 900
)

// CreateHostedZoneInput is CreateHostedZone's input.
type CreateHostedZoneInput struct {
	Name             string            `xml:"Name"`
	CallerReference  string            `xml:"CallerReference"`
	VPC              *VPC              `xml:"VPC"`
	HostedZoneConfig *HostedZoneConfig `xml:"HostedZoneConfig"`
	DelegationSetId  string            `xml:"DelegationSetId"`
}

// CreateHostedZoneOutput is CreateHostedZone's output.
type CreateHostedZoneOutput struct {
	HostedZone    HostedZone     `xml:"HostedZone"`
	ChangeInfo    ChangeInfo     `xml:"ChangeInfo"`
	DelegationSet *DelegationSet `xml:"DelegationSet,omitempty"`
	VPC           *VPC           `xml:"VPC,omitempty"`
	// Location is the zone's URL, also sent as the Location header.
	Location string `xml:"-"`
}

// CreateHostedZone creates a public zone, or a private one associated with
// a VPC, with the NS and SOA records AWS creates in it: four name servers
// (TTL 172800) and "<first NS> awsdns-hostmaster.amazon.com. 1 7200 900
// 1209600 86400" (TTL 900). A CallerReference already used is
// HostedZoneAlreadyExists, even for the same name.
func (s *Service) CreateHostedZone(ctx context.Context, in CreateHostedZoneInput) (CreateHostedZoneOutput, error) {
	sc, err := s.enter(ctx, "CreateHostedZone")
	if err != nil {
		return CreateHostedZoneOutput{}, err
	}
	name, err := checkCreateZone(in)
	if err != nil {
		return CreateHostedZoneOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accountLocked(sc.Account, false)
	if a.refs[in.CallerReference] {
		return CreateHostedZoneOutput{}, newError(codeHostedZoneExists,
			"A hosted zone has already been created with the specified caller reference.")
	}
	if len(a.zones) >= MaxHostedZones {
		return CreateHostedZoneOutput{}, newError(codeTooManyHostedZones,
			"This operation can't be completed either because the current account has reached the limit on the number of hosted zones or because you've reached the limit on the number of hosted zones that can be associated with a reusable delegation set.")
	}
	var set *delegationSet
	if in.DelegationSetId != "" {
		if set = a.sets[stripID(in.DelegationSetId)]; set == nil {
			return CreateHostedZoneOutput{}, newError(codeNoSuchDelegationSet, "A reusable delegation set with the specified ID does not exist.")
		}
	}
	a = s.accountLocked(sc.Account, true)
	z := s.newZoneLocked(sc, a, name, in, set)
	out := CreateHostedZoneOutput{HostedZone: z.hostedZone(), ChangeInfo: s.submitLocked(sc, a, ""),
		Location: "https://route53.amazonaws.com/2013-04-01/hostedzone/" + z.id}
	if z.private {
		v := z.vpcs[0]
		out.VPC = &v
	} else {
		out.DelegationSet = z.delegation(a)
	}
	return out, nil
}

// checkCreateZone validates CreateHostedZone's input and returns the
// zone's canonical name.
func checkCreateZone(in CreateHostedZoneInput) (string, error) {
	if n := len(in.CallerReference); n == 0 || n > 128 {
		return "", invalidInput("1 validation error detected: Value '%s' at 'callerReference' failed to satisfy constraint: Member must have length between 1 and 128", in.CallerReference)
	}
	name, ok := canonicalName(in.Name)
	if !ok || name == "." {
		return "", newError(codeInvalidDomainName, "%s is not a valid domain name.", in.Name)
	}
	if in.HostedZoneConfig != nil && len(in.HostedZoneConfig.Comment) > 256 {
		return "", invalidInput("1 validation error detected: Value at 'hostedZoneConfig.comment' failed to satisfy constraint: Member must have length less than or equal to 256")
	}
	if in.VPC != nil {
		if in.DelegationSetId != "" {
			return "", newError(codeInvalidInput, "A reusable delegation set can't be associated with a private hosted zone.")
		}
		if !validVPC(*in.VPC) {
			return "", newError(codeInvalidVPCID, "The VPC ID is invalid.")
		}
	} else if in.HostedZoneConfig != nil && in.HostedZoneConfig.PrivateZone {
		return "", invalidInput("When you're creating a private hosted zone, you must specify values for VPCId and VPCRegion.")
	}
	return name, nil
}

// validVPC accepts a VPC id of EC2's form (vpc- and hexadecimal) with a
// region: the fake has no EC2 to ask whether it exists.
func validVPC(v VPC) bool {
	id, ok := strings.CutPrefix(v.VPCId, "vpc-")
	if !ok || len(id) < 8 || len(id) > 17 || v.VPCRegion == "" {
		return false
	}
	for _, c := range id {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}

// newZoneLocked builds and stores a zone with its apex records.
func (s *Service) newZoneLocked(sc faults.Scope, a *account, name string, in CreateHostedZoneInput, set *delegationSet) *zone {
	a.nextZone++
	s.seq++
	id := "Z" + strings.ToUpper(s.env.IDs.Derive(sc.Account+"/zone/"+fmt.Sprint(a.nextZone)).Upper(20))
	z := newZone(id, name)
	z.ref, z.seq = in.CallerReference, s.seq
	if in.HostedZoneConfig != nil {
		z.comment = in.HostedZoneConfig.Comment
	}
	if in.VPC != nil {
		z.private = true
		z.vpcs = []VPC{*in.VPC}
	}
	if set != nil {
		z.servers, z.delegationSet = set.servers, set.id
		set.zones++
	} else {
		z.servers = nameServers(a.nextNames)
		a.nextNames++
	}
	a.refs[in.CallerReference] = true
	a.zones[id] = z
	if !z.private {
		s.byName[name] = append(s.byName[name], z)
	}
	ns := make([]ResourceRecord, len(z.servers))
	for i, n := range z.servers {
		ns[i] = ResourceRecord{Value: n + "."}
	}
	z.put(&ResourceRecordSet{Name: name, Type: "NS", TTL: ptr(int64(apexNSTTL)), ResourceRecords: ns})
	soa := z.servers[0] + ". awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"
	z.put(&ResourceRecordSet{Name: name, Type: "SOA", TTL: ptr(int64(apexSOATTL)), ResourceRecords: []ResourceRecord{{Value: soa}}})
	return z
}

func ptr[T any](v T) *T { return &v }

// delegation returns the zone's delegation set.
func (z *zone) delegation(a *account) *DelegationSet {
	d := &DelegationSet{NameServers: slices.Clone(z.servers)}
	if set := a.sets[z.delegationSet]; set != nil {
		d.Id, d.CallerReference = "/delegationset/"+set.id, set.ref
	}
	return d
}

// submitLocked records a change submitted now and returns its PENDING info.
func (s *Service) submitLocked(sc faults.Scope, a *account, comment string) ChangeInfo {
	c := &change{id: "C" + s.env.IDs.Upper(20), at: s.now(), comment: comment}
	a.changes[c.id] = c
	return c.info(c.at)
}

// GetHostedZoneInput is GetHostedZone's input.
type GetHostedZoneInput struct {
	Id string
}

// GetHostedZoneOutput is GetHostedZone's output.
type GetHostedZoneOutput struct {
	HostedZone    HostedZone     `xml:"HostedZone"`
	DelegationSet *DelegationSet `xml:"DelegationSet,omitempty"`
	VPCs          []VPC          `xml:"VPCs>VPC,omitempty"`
}

// GetHostedZone returns a zone, its name servers (public) or its VPCs
// (private).
func (s *Service) GetHostedZone(ctx context.Context, in GetHostedZoneInput) (GetHostedZoneOutput, error) {
	sc, err := s.enter(ctx, "GetHostedZone")
	if err != nil {
		return GetHostedZoneOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, in.Id)
	if err != nil {
		return GetHostedZoneOutput{}, err
	}
	out := GetHostedZoneOutput{HostedZone: z.hostedZone()}
	if z.private {
		out.VPCs = slices.Clone(z.vpcs)
	} else {
		out.DelegationSet = z.delegation(s.accountLocked(sc.Account, false))
	}
	return out, nil
}

// DeleteHostedZoneInput is DeleteHostedZone's input.
type DeleteHostedZoneInput struct {
	Id string
}

// DeleteHostedZoneOutput is DeleteHostedZone's output.
type DeleteHostedZoneOutput struct {
	ChangeInfo ChangeInfo `xml:"ChangeInfo"`
}

// DeleteHostedZone deletes a zone that holds only its apex NS and SOA
// records; any other record set is HostedZoneNotEmpty.
func (s *Service) DeleteHostedZone(ctx context.Context, in DeleteHostedZoneInput) (DeleteHostedZoneOutput, error) {
	sc, err := s.enter(ctx, "DeleteHostedZone")
	if err != nil {
		return DeleteHostedZoneOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, in.Id)
	if err != nil {
		return DeleteHostedZoneOutput{}, err
	}
	for _, k := range z.order {
		if k.name != z.name || (k.typ != "NS" && k.typ != "SOA") {
			return DeleteHostedZoneOutput{}, newError(codeHostedZoneNotEmpty,
				"The specified hosted zone contains non-required resource record sets and so cannot be deleted.")
		}
	}
	a := s.accountLocked(sc.Account, true)
	delete(a.zones, z.id)
	for id, q := range a.queryLogs {
		if q.HostedZoneId == z.id {
			delete(a.queryLogs, id) // the zone's logging goes with it
		}
	}
	s.byName[z.name] = slices.DeleteFunc(s.byName[z.name], func(o *zone) bool { return o == z })
	if len(s.byName[z.name]) == 0 {
		delete(s.byName, z.name)
	}
	if set := a.sets[z.delegationSet]; set != nil {
		set.zones--
	}
	return DeleteHostedZoneOutput{ChangeInfo: s.submitLocked(sc, a, "")}, nil
}

// UpdateHostedZoneCommentInput is UpdateHostedZoneComment's input.
type UpdateHostedZoneCommentInput struct {
	Id      string `xml:"-"`
	Comment string `xml:"Comment"`
}

// UpdateHostedZoneCommentOutput is UpdateHostedZoneComment's output.
type UpdateHostedZoneCommentOutput struct {
	HostedZone HostedZone `xml:"HostedZone"`
}

// UpdateHostedZoneComment sets a zone's comment (empty removes it).
func (s *Service) UpdateHostedZoneComment(ctx context.Context, in UpdateHostedZoneCommentInput) (UpdateHostedZoneCommentOutput, error) {
	sc, err := s.enter(ctx, "UpdateHostedZoneComment")
	if err != nil {
		return UpdateHostedZoneCommentOutput{}, err
	}
	if len(in.Comment) > 256 {
		return UpdateHostedZoneCommentOutput{}, invalidInput("1 validation error detected: Value at 'comment' failed to satisfy constraint: Member must have length less than or equal to 256")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, in.Id)
	if err != nil {
		return UpdateHostedZoneCommentOutput{}, err
	}
	z.comment = in.Comment
	return UpdateHostedZoneCommentOutput{HostedZone: z.hostedZone()}, nil
}

// GetHostedZoneCountOutput is GetHostedZoneCount's output.
type GetHostedZoneCountOutput struct {
	HostedZoneCount int64 `xml:"HostedZoneCount"`
}

// GetHostedZoneCount returns the number of the account's zones.
func (s *Service) GetHostedZoneCount(ctx context.Context) (GetHostedZoneCountOutput, error) {
	sc, err := s.enter(ctx, "GetHostedZoneCount")
	if err != nil {
		return GetHostedZoneCountOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return GetHostedZoneCountOutput{HostedZoneCount: int64(len(s.accountLocked(sc.Account, false).zones))}, nil
}
