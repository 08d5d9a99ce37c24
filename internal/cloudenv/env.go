// Package cloudenv is what one cloud hands each of its services: the shared
// clock, bus and id generator, and the cloud's region, account and endpoint.
package cloudenv

import (
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/ids"
)

// Env is shared by every service of one cloud and by nothing else.
type Env struct {
	Clock     clock.Clock
	Bus       *bus.Bus
	IDs       *ids.Generator
	Region    string
	AccountID string
	// URL is the cloud's endpoint (http://awsfake.localhost in memory,
	// http://127.0.0.1:4566 for the server), from which queue URLs, signing
	// certificate URLs and the like are built.
	URL string
	// Host is the host[:port] of URL; S3 reads bucket names off its
	// subdomains.
	Host string
}

// ARN returns the ARN of a resource of service in the cloud's region and
// account.
func (e *Env) ARN(service, resource string) string {
	return arn.New(service, e.Region, e.AccountID, resource)
}
