package awsfake

import (
	"net/http"
)

// apigwObjects is the apigw.ObjectStore of S3 integrations by path: the
// cloud's S3 REST API served in memory, in the scope the request's
// context names (the API's account and region). The cloud's own
// authorisation is not asked again: the integration's role was
// (apigwRole).
type apigwObjects struct{ c *Cloud }

// RoundTrip implements apigw.ObjectStore.
func (o apigwObjects) RoundTrip(r *http.Request) (*http.Response, error) {
	return (&memTransport{handler: o.c.s3, closed: &o.c.closed}).RoundTrip(r)
}
