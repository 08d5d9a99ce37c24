// Package guard keeps web pages out of a cloud served on a socket. Any page
// the developer has open can send a CORS "simple request" (a form POST, a
// text/plain POST, a GET) to 127.0.0.1:4566 without a preflight, and a
// DNS-rebinding page can read the answers; the fake accepts any
// credentials, so either would reset it, move its clock or run any action.
//
// Two checks close this, as LocalStack closes it:
//   - Browser marks: a request whose Origin is another site's (or "null"),
//     or whose Sec-Fetch-Site says cross-site or same-site, is refused unless
//     its Origin is allowed. CLI, SDK and boto3 requests carry no such
//     marks and are never affected. Requests that answer CORS by AWS's own
//     rules (S3 object requests and browser uploads, API Gateway
//     invocations) are exempt: the caller says so.
//   - Host: the Host header must be a loopback name or address, the
//     configured URL's host, or a name under one of them (virtual-hosted
//     buckets, {id}.execute-api.…, LocalStack's *.localhost.localstack.cloud),
//     or one the configuration adds: a rebound name is refused.
package guard

import (
	"net"
	"net/netip"
	"net/url"
	"slices"
	"strings"
)

// Guard is the configuration of both checks.
type Guard struct {
	// Origins are the allowed origins (scheme://host[:port]), or "*".
	Origins []string
	// Hosts are host names allowed besides the defaults; a leading "."
	// allows the names under it.
	Hosts []string
	// Own is the host of the cloud's configured URL.
	Own string
}

// Request is what the guard reads of a request.
type Request struct {
	Host           string
	Origin         string
	SecFetchSite   string
	ExemptFromCORS bool // S3 objects and uploads, API Gateway invocations
}

// Refusal is why a request was refused, in words that say how to allow
// it.
type Refusal struct {
	Reason string
}

func (r *Refusal) Error() string { return r.Reason }

// Check returns nil for a request the guard lets through, or why it does
// not.
func (g *Guard) Check(r Request) *Refusal {
	host := hostOnly(r.Host)
	if !g.hostAllowed(host) {
		return &Refusal{Reason: "awsfake refuses the Host " + r.Host + " (a DNS-rebinding guard): serve it under a loopback name or the -url host, or allow it with -allow-host " + host}
	}
	if r.ExemptFromCORS {
		return nil
	}
	if r.Origin != "" && !g.originAllowed(r.Origin, r.Host) {
		return &Refusal{Reason: "awsfake refuses requests from the web page at " + r.Origin + " (a browser guard: any page could otherwise drive the fake): allow it with -allow-origin " + r.Origin + " (awsfake.WithAllowedOrigins in Go)"}
	}
	if r.Origin == "" && (r.SecFetchSite == "cross-site" || r.SecFetchSite == "same-site") {
		return &Refusal{Reason: "awsfake refuses a " + r.SecFetchSite + " request from a web page (a browser guard): send an Origin allowed with -allow-origin"}
	}
	return nil
}

// originAllowed reports whether a browser's Origin may drive the fake: its
// own origin (a page the fake serves), or one allowed.
func (g *Guard) originAllowed(origin, reqHost string) bool {
	if slices.Contains(g.Origins, "*") || slices.Contains(g.Origins, strings.TrimSuffix(origin, "/")) {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && origin != "null" && u.Host != "" && strings.EqualFold(u.Host, reqHost)
}

func (g *Guard) hostAllowed(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "" {
		return true // HTTP/1.0 without Host: no browser sends it
	}
	if a, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return a.IsLoopback()
	}
	for _, base := range append([]string{"localhost", "localhost.localstack.cloud", hostOnly(g.Own)}, g.Hosts...) {
		base = strings.ToLower(strings.TrimPrefix(base, "."))
		if base != "" && (host == base || strings.HasSuffix(host, "."+base)) {
			return true
		}
	}
	return false
}

// hostOnly drops the port of a host[:port].
func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}
