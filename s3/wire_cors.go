package s3

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// preflight serves a CORS preflight, the unsigned OPTIONS a browser sends
// before a cross-origin request: 200 with the Access-Control-* headers of
// the first matching rule and no body, or S3's refusal.
func (s *Service) preflight(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.PreflightRequest(r.Context(), PreflightRequestInput{
		Bucket: t.bucket, Key: t.key, Origin: r.Header.Get("Origin"),
		Method: r.Header.Get("Access-Control-Request-Method"), Headers: requestedHeaders(r.Header),
	})
	if err != nil {
		return err
	}
	writeCORS(w.Header(), out.CORS)
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(http.StatusOK)
	return nil
}

// applyCORS adds to the answer of an actual request carrying an Origin
// the CORS headers of the bucket's first rule allowing it. As S3 does, an
// Access-Control-Request-Method or Access-Control-Request-Headers on the
// request is matched as a preflight's would be (a GET naming another
// method or a header no rule allows gets no CORS headers); a request no
// rule allows is served without them.
func (s *Service) applyCORS(w http.ResponseWriter, r *http.Request, t target) {
	origin := r.Header.Get("Origin")
	if origin == "" || t.bucket == "" || t.op == "PreflightRequest" {
		return
	}
	method := r.Header.Get("Access-Control-Request-Method")
	if method == "" {
		method = r.Method
	}
	sc, ok := faults.ScopeFrom(r.Context())
	if !ok {
		sc = s.env.Scope()
	}
	if a, ok := s.corsFor(sc.Partition, t.bucket, origin, method, requestedHeaders(r.Header)); ok {
		writeCORS(w.Header(), a)
	}
}

// requestedHeaders are the header names of Access-Control-Request-Headers,
// a comma-separated list (with or without spaces).
func requestedHeaders(h http.Header) []string {
	var out []string
	for _, v := range h.Values("Access-Control-Request-Headers") {
		for _, name := range strings.Split(v, ",") {
			if name = strings.TrimSpace(name); name != "" {
				out = append(out, name)
			}
		}
	}
	return out
}

// writeCORS sets the Access-Control-* headers of a CORS answer, as S3
// sends them, and Vary.
func writeCORS(h http.Header, a CORSAnswer) {
	h.Set("Access-Control-Allow-Origin", a.AllowOrigin)
	h.Set("Access-Control-Allow-Methods", strings.Join(a.AllowMethods, ", "))
	if len(a.AllowHeaders) > 0 {
		h.Set("Access-Control-Allow-Headers", strings.Join(a.AllowHeaders, ", "))
	}
	if len(a.ExposeHeaders) > 0 {
		h.Set("Access-Control-Expose-Headers", strings.Join(a.ExposeHeaders, ", "))
	}
	if a.MaxAgeSeconds > 0 {
		h.Set("Access-Control-Max-Age", strconv.Itoa(a.MaxAgeSeconds))
	}
	if a.AllowCredentials {
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	h.Set("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method")
}

// answersCORS reports whether S3 answers r by the bucket's CORS rules, as
// AWS does: a preflight, a browser form upload, or any request on an
// object (path-style /bucket/key or a virtual-hosted bucket's /key).
func (s *Service) answersCORS(r *http.Request) bool {
	if r.Method == http.MethodOptions || (r.Method == http.MethodPost && strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data")) {
		return true
	}
	t, err := s.address(r)
	return err == nil && t.key != ""
}
