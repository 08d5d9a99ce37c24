package route53

import (
	"context"
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

func healthCheckRoutes() []protocol.Route[handlerFunc] {
	g, p, d := http.MethodGet, http.MethodPost, http.MethodDelete
	return []protocol.Route[handlerFunc]{
		route(p, "/healthcheck", "CreateHealthCheck", wireCreateHealthCheck),
		route(g, "/healthcheck/{HealthCheckId}", "GetHealthCheck", wireGetHealthCheck),
		route(p, "/healthcheck/{HealthCheckId}", "UpdateHealthCheck", wireUpdateHealthCheck),
		route(d, "/healthcheck/{HealthCheckId}", "DeleteHealthCheck", wireDeleteHealthCheck),
		route(g, "/healthcheck/{HealthCheckId}/status", "GetHealthCheckStatus", wireObservations("GetHealthCheckStatusResponse", (*Service).GetHealthCheckStatus)),
		route(g, "/healthcheck/{HealthCheckId}/lastfailurereason", "GetHealthCheckLastFailureReason", wireObservations("GetHealthCheckLastFailureReasonResponse", (*Service).GetHealthCheckLastFailureReason)),
		route(g, "/healthcheck", "ListHealthChecks", wireListHealthChecks),
		route(g, "/healthcheckcount", "GetHealthCheckCount", wireGetHealthCheckCount),
	}
}

// healthCheckDoc is the document of one health check.
type healthCheckDoc struct {
	HealthCheck HealthCheck `xml:"HealthCheck"`
}

func wireCreateHealthCheck(s *Service, c *call) error {
	var in CreateHealthCheckInput
	if err := c.decode(&in); err != nil {
		return err
	}
	out, err := s.CreateHealthCheck(c.ctx(), in)
	if err != nil {
		return err
	}
	c.w.Header().Set("Location", out.Location)
	return c.reply(http.StatusCreated, "CreateHealthCheckResponse", healthCheckDoc{out.HealthCheck})
}

func wireGetHealthCheck(s *Service, c *call) error {
	out, err := s.GetHealthCheck(c.ctx(), c.label("HealthCheckId"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetHealthCheckResponse", healthCheckDoc{out})
}

func wireUpdateHealthCheck(s *Service, c *call) error {
	var in UpdateHealthCheckInput
	if err := c.decode(&in); err != nil {
		return err
	}
	in.HealthCheckId = c.label("HealthCheckId")
	out, err := s.UpdateHealthCheck(c.ctx(), in)
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "UpdateHealthCheckResponse", healthCheckDoc{out})
}

func wireDeleteHealthCheck(s *Service, c *call) error {
	if err := s.DeleteHealthCheck(c.ctx(), c.label("HealthCheckId")); err != nil {
		return err
	}
	return c.reply(http.StatusOK, "DeleteHealthCheckResponse", struct{}{})
}

func wireObservations(root string, op func(*Service, context.Context, string) ([]HealthCheckObservation, error)) handlerFunc {
	return func(s *Service, c *call) error {
		out, err := op(s, c.ctx(), c.label("HealthCheckId"))
		if err != nil {
			return err
		}
		return c.reply(http.StatusOK, root, struct {
			Observations []HealthCheckObservation `xml:"HealthCheckObservations>HealthCheckObservation"`
		}{out})
	}
}

func wireListHealthChecks(s *Service, c *call) error {
	out, err := s.ListHealthChecks(c.ctx(), c.q("marker"), c.q("maxitems"))
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "ListHealthChecksResponse", out)
}

func wireGetHealthCheckCount(s *Service, c *call) error {
	n, err := s.GetHealthCheckCount(c.ctx())
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, "GetHealthCheckCountResponse", struct {
		HealthCheckCount int64 `xml:"HealthCheckCount"`
	}{n})
}
