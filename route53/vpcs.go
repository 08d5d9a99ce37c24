package route53

import (
	"context"
	"slices"
	"strconv"
)

// AssociateVPCWithHostedZoneInput is the input of AssociateVPCWithHostedZone
// and DisassociateVPCFromHostedZone.
type AssociateVPCWithHostedZoneInput struct {
	HostedZoneId string `xml:"-"`
	VPC          VPC    `xml:"VPC"`
	Comment      string `xml:"Comment"`
}

// AssociateVPCWithHostedZone associates one more VPC with a private zone.
func (s *Service) AssociateVPCWithHostedZone(ctx context.Context, in AssociateVPCWithHostedZoneInput) (ChangeInfo, error) {
	sc, err := s.enter(ctx, "AssociateVPCWithHostedZone")
	if err != nil {
		return ChangeInfo{}, err
	}
	if !validVPC(in.VPC) {
		return ChangeInfo{}, newError(codeInvalidVPCID, "The VPC ID is invalid.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, in.HostedZoneId)
	if err != nil {
		return ChangeInfo{}, err
	}
	switch {
	case !z.private:
		return ChangeInfo{}, newError(codePublicZoneVPC, "You're trying to associate a VPC with a public hosted zone. Amazon Route 53 doesn't support associating a VPC with a public hosted zone.")
	case slices.Contains(z.vpcs, in.VPC):
		return ChangeInfo{}, newError(codeConflictingDomainExists, "The VPC %s is already associated with the hosted zone %s.", in.VPC.VPCId, z.id)
	case len(z.vpcs) >= MaxVPCsPerZone:
		return ChangeInfo{}, newError(codeLimitsExceeded, "The hosted zone is associated with the maximum number of VPCs.")
	}
	z.vpcs = append(z.vpcs, in.VPC)
	return s.submitLocked(sc, s.accountLocked(sc.Account, true), in.Comment), nil
}

// DisassociateVPCFromHostedZone removes a VPC from a private zone, never
// its last one.
func (s *Service) DisassociateVPCFromHostedZone(ctx context.Context, in AssociateVPCWithHostedZoneInput) (ChangeInfo, error) {
	sc, err := s.enter(ctx, "DisassociateVPCFromHostedZone")
	if err != nil {
		return ChangeInfo{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, in.HostedZoneId)
	if err != nil {
		return ChangeInfo{}, err
	}
	i := slices.Index(z.vpcs, in.VPC)
	switch {
	case i < 0:
		return ChangeInfo{}, newError(codeVPCAssociationNotFound, "The specified VPC and hosted zone are not currently associated.")
	case len(z.vpcs) == 1:
		return ChangeInfo{}, newError(codeLastVPCAssociation, "The VPC that you're trying to disassociate from the private hosted zone is the last VPC that is associated with the hosted zone. Amazon Route 53 doesn't support disassociating the last VPC from a hosted zone.")
	}
	z.vpcs = slices.Delete(z.vpcs, i, i+1)
	return s.submitLocked(sc, s.accountLocked(sc.Account, true), in.Comment), nil
}

// HostedZoneSummary is one zone of ListHostedZonesByVPC.
type HostedZoneSummary struct {
	HostedZoneId  string `xml:"HostedZoneId"`
	Name          string `xml:"Name"`
	OwningAccount string `xml:"Owner>OwningAccount"`
}

// ListHostedZonesByVPCOutput is ListHostedZonesByVPC's output.
type ListHostedZonesByVPCOutput struct {
	HostedZoneSummaries []HostedZoneSummary `xml:"HostedZoneSummaries>HostedZoneSummary"`
	MaxItems            string              `xml:"MaxItems"`
	NextToken           string              `xml:"NextToken,omitempty"`
}

// ListHostedZonesByVPC lists the account's private zones associated with
// a VPC, in creation order (recorded:
// test_route53.py::TestRoute53::test_create_private_hosted_zone,
// list_hosted_zones_by_vpc).
func (s *Service) ListHostedZonesByVPC(ctx context.Context, vpc VPC, maxItems string) (ListHostedZonesByVPCOutput, error) {
	sc, err := s.enter(ctx, "ListHostedZonesByVPC")
	if err != nil {
		return ListHostedZonesByVPCOutput{}, err
	}
	size, err := pageSize(maxItems, maxZonePage)
	if err != nil {
		return ListHostedZonesByVPCOutput{}, err
	}
	if !validVPC(vpc) {
		return ListHostedZonesByVPCOutput{}, newError(codeInvalidVPCID, "The VPC ID is invalid.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := ListHostedZonesByVPCOutput{MaxItems: strconv.Itoa(size), HostedZoneSummaries: []HostedZoneSummary{}}
	for _, z := range s.zonesLocked(sc.Account) {
		if slices.Contains(z.vpcs, vpc) && len(out.HostedZoneSummaries) < size {
			out.HostedZoneSummaries = append(out.HostedZoneSummaries, HostedZoneSummary{HostedZoneId: z.id, Name: z.name, OwningAccount: sc.Account})
		}
	}
	return out, nil
}
