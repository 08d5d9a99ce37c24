package awsfake

import (
	"net/http"

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
		ExemptFromCORS: svc == dispatch.ExecuteAPI || (c.answersCORS[svc] != nil && c.answersCORS[svc](r))}
	if f := c.guard.Check(req); f != nil {
		return f.Reason
	}
	return ""
}

// forbid answers a refused request: 403 with the reason as text, so that
// the page (and the developer reading its console) learns why.
func forbid(w http.ResponseWriter, reason string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	_, _ = w.Write([]byte(reason + "\n"))
}
