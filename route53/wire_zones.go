package route53

import (
	"net/http"
)

func wireCreateHostedZone(s *Service, c *call) error {
	var in CreateHostedZoneInput
	if err := c.decode(&in); err != nil {
		return err
	}
	out, err := s.CreateHostedZone(c.ctx(), in)
	if err != nil {
		return err
	}
	c.w.Header().Set("Location", out.Location)
	return c.reply(http.StatusCreated, "CreateHostedZoneResponse", out)
}

func wireGetHostedZone(s *Service, c *call) error {
	out, err := s.GetHostedZone(c.ctx(), GetHostedZoneInput{Id: c.label("Id")})
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetHostedZoneResponse", out)
}

func wireDeleteHostedZone(s *Service, c *call) error {
	out, err := s.DeleteHostedZone(c.ctx(), DeleteHostedZoneInput{Id: c.label("Id")})
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "DeleteHostedZoneResponse", out)
}

func wireUpdateComment(s *Service, c *call) error {
	var in UpdateHostedZoneCommentInput
	if err := c.decode(&in); err != nil {
		return err
	}
	in.Id = c.label("Id")
	out, err := s.UpdateHostedZoneComment(c.ctx(), in)
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "UpdateHostedZoneCommentResponse", out)
}

func wireGetHostedZoneCount(s *Service, c *call) error {
	out, err := s.GetHostedZoneCount(c.ctx())
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetHostedZoneCountResponse", out)
}

func wireListHostedZones(s *Service, c *call) error {
	out, err := s.ListHostedZones(c.ctx(), ListHostedZonesInput{Marker: c.q("marker"), MaxItems: c.q("maxitems"),
		DelegationSetId: c.q("delegationsetid"), HostedZoneType: c.q("hostedzonetype")})
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ListHostedZonesResponse", out)
}

func wireListHostedZonesByName(s *Service, c *call) error {
	out, err := s.ListHostedZonesByName(c.ctx(), ListHostedZonesByNameInput{DNSName: c.q("dnsname"), HostedZoneId: c.q("hostedzoneid"), MaxItems: c.q("maxitems")})
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ListHostedZonesByNameResponse", out)
}

func wireChangeRecords(s *Service, c *call) error {
	var in ChangeResourceRecordSetsInput
	if err := c.decode(&in); err != nil {
		return err
	}
	in.HostedZoneId = c.label("Id")
	out, err := s.ChangeResourceRecordSets(c.ctx(), in)
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ChangeResourceRecordSetsResponse", out)
}

func wireListRecords(s *Service, c *call) error {
	out, err := s.ListResourceRecordSets(c.ctx(), ListResourceRecordSetsInput{HostedZoneId: c.label("Id"),
		StartRecordName: c.q("name"), StartRecordType: c.q("type"), StartRecordIdentifier: c.q("identifier"), MaxItems: c.q("maxitems")})
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ListResourceRecordSetsResponse", out)
}

func wireGetChange(s *Service, c *call) error {
	out, err := s.GetChange(c.ctx(), GetChangeInput{Id: c.label("Id")})
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetChangeResponse", out)
}

func wireTestDNSAnswer(s *Service, c *call) error {
	out, err := s.TestDNSAnswer(c.ctx(), TestDNSAnswerInput{HostedZoneId: c.q("hostedzoneid"), RecordName: c.q("recordname"),
		RecordType: c.q("recordtype"), ResolverIP: c.q("resolverip"), EDNS0ClientSubnetIP: c.q("edns0clientsubnetip"),
		EDNS0ClientSubnetMask: c.q("edns0clientsubnetmask")})
	if err != nil {
		return err
	}
	return c.reply(200, "TestDNSAnswerResponse", out)
}
