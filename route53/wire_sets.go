package route53

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// setRoutes binds reusable delegation sets, limits and VPC associations.
func setRoutes() []protocol.Route[handlerFunc] {
	g, p, d := http.MethodGet, http.MethodPost, http.MethodDelete
	return []protocol.Route[handlerFunc]{

		route(p, "/delegationset", "CreateReusableDelegationSet", wireCreateDelegationSet),
		route(g, "/delegationset/{Id}", "GetReusableDelegationSet", wireGetDelegationSet),
		route(d, "/delegationset/{Id}", "DeleteReusableDelegationSet", wireDeleteDelegationSet),
		route(g, "/delegationset", "ListReusableDelegationSets", wireListDelegationSets),
		route(g, "/reusabledelegationsetlimit/{Id}/{Type}", "GetReusableDelegationSetLimit", wireDelegationSetLimit),
		route(g, "/accountlimit/{Type}", "GetAccountLimit", wireAccountLimit),
		route(g, "/hostedzonelimit/{Id}/{Type}", "GetHostedZoneLimit", wireHostedZoneLimit),
		route(p, "/hostedzone/{Id}/associatevpc", "AssociateVPCWithHostedZone", wireAssociateVPC),
		route(p, "/hostedzone/{Id}/disassociatevpc", "DisassociateVPCFromHostedZone", wireDisassociateVPC),
		route(g, "/hostedzonesbyvpc", "ListHostedZonesByVPC", wireListByVPC),
	}
}

func wireCreateDelegationSet(s *Service, c *call) error {
	var in CreateReusableDelegationSetInput
	if err := c.decode(&in); err != nil {
		return err
	}
	out, err := s.CreateReusableDelegationSet(c.ctx(), in)
	if err != nil {
		return err
	}
	c.w.Header().Set("Location", out.Location)
	return c.reply(http.StatusCreated, "CreateReusableDelegationSetResponse", out)
}

func wireGetDelegationSet(s *Service, c *call) error {
	out, err := s.GetReusableDelegationSet(c.ctx(), c.label("Id"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetReusableDelegationSetResponse", out)
}

func wireDeleteDelegationSet(s *Service, c *call) error {
	if err := s.DeleteReusableDelegationSet(c.ctx(), c.label("Id")); err != nil {
		return err
	}
	return c.reply(http.StatusOK, "DeleteReusableDelegationSetResponse", struct{}{})
}

func wireListDelegationSets(s *Service, c *call) error {
	out, err := s.ListReusableDelegationSets(c.ctx(), c.q("marker"), c.q("maxitems"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ListReusableDelegationSetsResponse", out)
}

func wireDelegationSetLimit(s *Service, c *call) error {
	out, err := s.GetReusableDelegationSetLimit(c.ctx(), c.label("Id"), c.label("Type"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetReusableDelegationSetLimitResponse", out)
}

func wireAccountLimit(s *Service, c *call) error {
	out, err := s.GetAccountLimit(c.ctx(), c.label("Type"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetAccountLimitResponse", out)
}

func wireHostedZoneLimit(s *Service, c *call) error {
	out, err := s.GetHostedZoneLimit(c.ctx(), c.label("Id"), c.label("Type"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetHostedZoneLimitResponse", out)
}

type changeInfoOutput struct {
	ChangeInfo ChangeInfo `xml:"ChangeInfo"`
}

func wireAssociateVPC(s *Service, c *call) error {
	var in AssociateVPCWithHostedZoneInput
	if err := c.decode(&in); err != nil {
		return err
	}
	in.HostedZoneId = c.label("Id")
	info, err := s.AssociateVPCWithHostedZone(c.ctx(), in)
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "AssociateVPCWithHostedZoneResponse", changeInfoOutput{info})
}

func wireDisassociateVPC(s *Service, c *call) error {
	var in AssociateVPCWithHostedZoneInput
	if err := c.decode(&in); err != nil {
		return err
	}
	in.HostedZoneId = c.label("Id")
	info, err := s.DisassociateVPCFromHostedZone(c.ctx(), in)
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "DisassociateVPCFromHostedZoneResponse", changeInfoOutput{info})
}

func wireListByVPC(s *Service, c *call) error {
	out, err := s.ListHostedZonesByVPC(c.ctx(), VPC{VPCId: c.q("vpcid"), VPCRegion: c.q("vpcregion")}, c.q("maxitems"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ListHostedZonesByVPCResponse", out)
}
