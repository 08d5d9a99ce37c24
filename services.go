package awsfake

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/dispatch"
	"github.com/awsfake/awsfake/sts"
)

// services holds one engine per AWS service and the routes to their wire
// bindings, keyed by SigV4 signing name.
type services struct {
	routes  map[string]http.Handler
	closers []func()

	sts *sts.Service
}

// startServices builds every service on the cloud's environment and routes
// their signing names to them.
func (c *Cloud) startServices() {
	c.routes = map[string]http.Handler{}
	c.sts = sts.New(c.env)
	c.routes[dispatch.STS] = c.sts
}

// closeServices stops the background work of every service.
func (c *Cloud) closeServices() {
	for i := len(c.closers) - 1; i >= 0; i-- {
		c.closers[i]()
	}
}

// STS returns the STS service.
func (c *Cloud) STS() *sts.Service { return c.sts }
