package apigw

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// corsOrigin is the Access-Control-Allow-Origin answer for origin, "" when
// the configuration does not allow it.
func corsOrigin(c *hCors, origin string) string {
	for _, o := range c.AllowOrigins {
		if o == "*" {
			if c.AllowCredentials {
				return origin
			}
			return "*"
		}
		if strings.EqualFold(o, origin) {
			return origin
		}
	}
	return ""
}

// preflight answers an OPTIONS request with Origin and
// Access-Control-Request-Method when the API has a CORS configuration:
// 204 with the allowed origin, methods, headers and max age, or 204 with
// none of them when the origin or method is not allowed.
func preflight(c *hCors, r *http.Request) response {
	res := response{status: http.StatusNoContent, header: http.Header{}}
	origin := corsOrigin(c, r.Header.Get("Origin"))
	method := r.Header.Get("Access-Control-Request-Method")
	if origin == "" || !(slices.Contains(c.AllowMethods, "*") || slices.ContainsFunc(c.AllowMethods, func(m string) bool {
		return strings.EqualFold(m, method)
	})) {
		return res
	}
	h := res.header
	h.Set("Access-Control-Allow-Origin", origin)
	h.Set("Access-Control-Allow-Methods", strings.Join(c.AllowMethods, ","))
	if len(c.AllowHeaders) > 0 {
		if slices.Contains(c.AllowHeaders, "*") {
			h.Set("Access-Control-Allow-Headers", r.Header.Get("Access-Control-Request-Headers"))
		} else {
			h.Set("Access-Control-Allow-Headers", strings.ToLower(strings.Join(c.AllowHeaders, ",")))
		}
	}
	if c.AllowCredentials {
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	if c.MaxAge != nil {
		h.Set("Access-Control-Max-Age", strconv.Itoa(int(*c.MaxAge)))
	}
	return res
}

// corsHeaders adds the CORS headers to an answer to an allowed origin;
// the configuration's headers replace the backend's.
func corsHeaders(c *hCors, r *http.Request, h http.Header) {
	origin := corsOrigin(c, r.Header.Get("Origin"))
	if origin == "" || h == nil {
		return
	}
	h.Set("Access-Control-Allow-Origin", origin)
	if c.AllowCredentials {
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	if len(c.ExposeHeaders) > 0 {
		h.Set("Access-Control-Expose-Headers", strings.ToLower(strings.Join(c.ExposeHeaders, ",")))
	}
}
