package awsfake

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/awsfake/awsfake/internal/dispatch"
	"github.com/awsfake/awsfake/internal/guard"
)

// Refused returns why the browser and Host guard refuses r, or "" when it
// lets r through: the check Handler makes of every request that reached it
// through a socket (an http.Server). Requests through HTTPClient (in
// memory) or built by httptest.NewRequest come from the test's own process
// and are never checked. cmd/awsfake makes the same check of its control
// endpoints.
func (c *Cloud) Refused(r *http.Request) string {
	if !onSocket(r) {
		return ""
	}
	return c.refused(r, dispatch.Identify(r))
}

// onSocket reports whether r came through an http.Server, which names the
// local address in the request's context.
func onSocket(r *http.Request) bool { return r.Context().Value(http.LocalAddrContextKey) != nil }

func (c *Cloud) refused(r *http.Request, svc string) string {
	req := guard.Request{Host: r.Host, Origin: r.Header.Get("Origin"), SecFetchSite: r.Header.Get("Sec-Fetch-Site"),
		ExemptFromCORS: svc == dispatch.ExecuteAPI || (svc == dispatch.S3 && c.s3Object(r))}
	if f := c.guard.Check(req); f != nil {
		return f.Reason
	}
	return ""
}

// s3Object reports whether an S3 request is for an object (or is a browser
// upload or a preflight), which S3 answers by the bucket's CORS rules:
// path-style /bucket/key, a virtual-hosted bucket's /key, a form POST to a
// bucket, an OPTIONS.
func (c *Cloud) s3Object(r *http.Request) bool {
	if r.Method == http.MethodOptions || (r.Method == http.MethodPost && strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data")) {
		return true
	}
	path := strings.Trim(r.URL.EscapedPath(), "/")
	if path == "" {
		return false
	}
	if strings.Contains(path, "/") {
		return true
	}
	// One segment is a key when the bucket is in the host (virtual-hosted
	// style), a bucket otherwise.
	host := strings.ToLower(r.Host)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	own := strings.ToLower(c.env.Host)
	if h, _, err := net.SplitHostPort(own); err == nil {
		own = h
	}
	_, ipErr := netip.ParseAddr(strings.Trim(host, "[]"))
	return host != own && host != "localhost" && ipErr != nil && !strings.HasPrefix(host, "s3.") && !strings.HasPrefix(host, "s3-")
}

// forbid answers a refused request: 403 with the reason as text, so that
// the page (and the developer reading its console) learns why.
func forbid(w http.ResponseWriter, reason string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	_, _ = w.Write([]byte(reason + "\n"))
}
