package route53

import (
	"context"
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

func dnssecRoutes() []protocol.Route[handlerFunc] {
	g, p, d := http.MethodGet, http.MethodPost, http.MethodDelete
	return []protocol.Route[handlerFunc]{
		route(p, "/keysigningkey", "CreateKeySigningKey", wireCreateKSK),
		route(p, "/keysigningkey/{HostedZoneId}/{Name}/activate", "ActivateKeySigningKey", keyChange("ActivateKeySigningKeyResponse", (*Service).ActivateKeySigningKey)),
		route(p, "/keysigningkey/{HostedZoneId}/{Name}/deactivate", "DeactivateKeySigningKey", keyChange("DeactivateKeySigningKeyResponse", (*Service).DeactivateKeySigningKey)),
		route(d, "/keysigningkey/{HostedZoneId}/{Name}", "DeleteKeySigningKey", keyChange("DeleteKeySigningKeyResponse", (*Service).DeleteKeySigningKey)),
		route(p, "/hostedzone/{Id}/enable-dnssec", "EnableHostedZoneDNSSEC", zoneChange("EnableHostedZoneDNSSECResponse", (*Service).EnableHostedZoneDNSSEC)),
		route(p, "/hostedzone/{Id}/disable-dnssec", "DisableHostedZoneDNSSEC", zoneChange("DisableHostedZoneDNSSECResponse", (*Service).DisableHostedZoneDNSSEC)),
		route(g, "/hostedzone/{Id}/dnssec", "GetDNSSEC", wireGetDNSSEC),
	}
}

func wireCreateKSK(s *Service, c *call) error {
	var in CreateKeySigningKeyInput
	if err := c.decode(&in); err != nil {
		return err
	}
	out, err := s.CreateKeySigningKey(c.ctx(), in)
	if err != nil {
		return err
	}
	c.w.Header().Set("Location", out.Location)
	return c.reply(http.StatusCreated, "CreateKeySigningKeyResponse", out)
}

func keyChange(root string, op func(*Service, context.Context, string, string) (ChangeInfo, error)) handlerFunc {
	return func(s *Service, c *call) error {
		info, err := op(s, c.ctx(), c.label("HostedZoneId"), c.label("Name"))
		if err != nil {
			return err
		}
		return c.reply(http.StatusOK, root, changeInfoOutput{info})
	}
}

func zoneChange(root string, op func(*Service, context.Context, string) (ChangeInfo, error)) handlerFunc {
	return func(s *Service, c *call) error {
		info, err := op(s, c.ctx(), c.label("Id"))
		if err != nil {
			return err
		}
		return c.reply(http.StatusOK, root, changeInfoOutput{info})
	}
}

func wireGetDNSSEC(s *Service, c *call) error {
	out, err := s.GetDNSSEC(c.ctx(), c.label("Id"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetDNSSECResponse", out)
}
