package route53

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

func queryLoggingRoutes() []protocol.Route[handlerFunc] {
	g, p, d := http.MethodGet, http.MethodPost, http.MethodDelete
	return []protocol.Route[handlerFunc]{
		route(p, "/queryloggingconfig", "CreateQueryLoggingConfig", wireCreateQueryLogging),
		route(g, "/queryloggingconfig/{Id}", "GetQueryLoggingConfig", wireGetQueryLogging),
		route(d, "/queryloggingconfig/{Id}", "DeleteQueryLoggingConfig", wireDeleteQueryLogging),
		route(g, "/queryloggingconfig", "ListQueryLoggingConfigs", wireListQueryLogging),
	}
}

func wireCreateQueryLogging(s *Service, c *call) error {
	var in CreateQueryLoggingConfigInput
	if err := c.decode(&in); err != nil {
		return err
	}
	out, err := s.CreateQueryLoggingConfig(c.ctx(), in)
	if err != nil {
		return err
	}
	c.w.Header().Set("Location", out.Location)
	return c.reply(http.StatusCreated, "CreateQueryLoggingConfigResponse", out)
}

func wireGetQueryLogging(s *Service, c *call) error {
	out, err := s.GetQueryLoggingConfig(c.ctx(), c.label("Id"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetQueryLoggingConfigResponse", out)
}

func wireDeleteQueryLogging(s *Service, c *call) error {
	if err := s.DeleteQueryLoggingConfig(c.ctx(), c.label("Id")); err != nil {
		return err
	}
	return c.reply(http.StatusOK, "DeleteQueryLoggingConfigResponse", struct{}{})
}

func wireListQueryLogging(s *Service, c *call) error {
	out, err := s.ListQueryLoggingConfigs(c.ctx(), c.q("hostedzoneid"), c.q("nexttoken"), c.q("maxresults"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ListQueryLoggingConfigsResponse", out)
}
