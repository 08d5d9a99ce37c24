package apigw

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// jwksCache holds the signing keys of each issuer, by issuer and key id,
// fetched once (and again when a token names a key id not held).
type jwksCache map[string]map[string]any

// issuerAllowed reports whether an issuer may be fetched: https, or http
// on a loopback address so that a test's httptest.Server can be the
// issuer (AWS requires https).
func issuerAllowed(issuer string) bool {
	u, err := url.Parse(issuer)
	if err != nil || u.Host == "" {
		return false
	}
	if u.Scheme == "https" {
		return true
	}
	host := u.Hostname()
	if host == "localhost" {
		return u.Scheme == "http"
	}
	ip := net.ParseIP(host)
	return u.Scheme == "http" && ip != nil && ip.IsLoopback()
}

// fetchJSON GETs u into v through the service's client.
func (s *Service) fetchJSON(u string, v any) error {
	s.mu.Lock()
	client := s.client
	s.mu.Unlock()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %d", u, resp.StatusCode)
	}
	return json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(v)
}

// issuerKeys returns the issuer's keys: from the cache, else from the
// JWKS its discovery document (/.well-known/openid-configuration) names.
func (s *Service) issuerKeys(issuer string, refresh bool) (map[string]any, error) {
	s.mu.Lock()
	h := s.httpLocked()
	keys, ok := h.jwks[issuer]
	s.mu.Unlock()
	if ok && !refresh {
		return keys, nil
	}
	if !issuerAllowed(issuer) {
		return nil, errors.New("issuer must be https")
	}
	var disc struct {
		JWKSURI string `json:"jwks_uri"`
	}
	if err := s.fetchJSON(strings.TrimSuffix(issuer, "/")+"/.well-known/openid-configuration", &disc); err != nil {
		return nil, err
	}
	if disc.JWKSURI == "" {
		return nil, errors.New("no jwks_uri")
	}
	var set struct {
		Keys []jwk `json:"keys"`
	}
	if err := s.fetchJSON(disc.JWKSURI, &set); err != nil {
		return nil, err
	}
	keys = map[string]any{}
	for _, k := range set.Keys {
		if pub, ok := k.public(); ok {
			keys[k.Kid] = pub
		}
	}
	s.mu.Lock()
	if s.h.jwks == nil {
		s.h.jwks = jwksCache{}
	}
	s.h.jwks[issuer] = keys
	s.mu.Unlock()
	return keys, nil
}

// jwk is one JSON Web Key: RSA (n, e) or EC (crv, x, y).
type jwk struct {
	Kty string `json:"kty"`
	Kid string `json:"kid"`
	N   string `json:"n"`
	E   string `json:"e"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Y   string `json:"y"`
}

func b64int(s string) (*big.Int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil || len(b) == 0 {
		return nil, false
	}
	return new(big.Int).SetBytes(b), true
}

// public returns the key's public key.
func (k jwk) public() (any, bool) {
	switch k.Kty {
	case "RSA":
		n, ok1 := b64int(k.N)
		e, ok2 := b64int(k.E)
		if !ok1 || !ok2 || !e.IsInt64() || e.Int64() > 1<<31 {
			return nil, false
		}
		return &rsa.PublicKey{N: n, E: int(e.Int64())}, true
	case "EC":
		curves := map[string]elliptic.Curve{"P-256": elliptic.P256(), "P-384": elliptic.P384(), "P-521": elliptic.P521()}
		c, ok := curves[k.Crv]
		x, ok1 := b64int(k.X)
		y, ok2 := b64int(k.Y)
		if !ok || !ok1 || !ok2 {
			return nil, false
		}
		return &ecdsa.PublicKey{Curve: c, X: x, Y: y}, true
	}
	return nil, false
}

// jwtAuthorize checks the token of a JWT authorizer: signed by a key of
// the issuer, iss the issuer, aud (or client_id) one of the audience,
// exp and nbf on the cloud's clock; then the route's scopes (one of them
// in scope or scp). A missing or bad token is 401, a missing scope 403.
func (s *Service) jwtAuthorize(x *hExchange, au hAuthorizer) (response, bool) {
	token := x.identity(au.IdentitySource)
	if len(token) == 0 || token[0] == "" {
		return hUnauthorized(), false
	}
	raw := strings.TrimSpace(token[0])
	if len(raw) > 7 && strings.EqualFold(raw[:7], "bearer ") {
		raw = strings.TrimSpace(raw[7:])
	}
	cfg := au.JWTConfiguration
	keyFunc := func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		for _, refresh := range []bool{false, true} {
			keys, err := s.issuerKeys(cfg.Issuer, refresh)
			if err != nil {
				return nil, err
			}
			if k, ok := keys[kid]; ok {
				return k, nil
			}
		}
		return nil, errors.New("unknown key")
	}
	claims, err := s.verifyJWT(raw, cfg.Issuer, []string{"RS256", "RS384", "RS512", "ES256", "ES384", "ES512"}, keyFunc)
	if err != nil {
		return hUnauthorized(), false
	}
	aud, _ := claims.GetAudience()
	clientID, _ := claims["client_id"].(string)
	if !slices.ContainsFunc(cfg.Audience, func(a string) bool { return slices.Contains(aud, a) || a == clientID }) {
		return hUnauthorized(), false
	}
	scopes := tokenScopes(claims)
	if len(x.route.AuthorizationScopes) > 0 && !slices.ContainsFunc(x.route.AuthorizationScopes, func(sc string) bool {
		return slices.Contains(scopes, sc)
	}) {
		return hForbidden(), false
	}
	strClaims := map[string]any{}
	for k, v := range claims {
		strClaims[k] = claimString(v)
	}
	var scopeList any
	if len(scopes) > 0 {
		scopeList = scopes
	}
	x.authorizer = map[string]any{"jwt": map[string]any{"claims": strClaims, "scopes": scopeList}}
	return response{}, true
}

// tokenScopes are the token's scopes: scope (space separated) or scp.
func tokenScopes(claims jwt.MapClaims) []string {
	if s, ok := claims["scope"].(string); ok {
		return strings.Fields(s)
	}
	switch v := claims["scp"].(type) {
	case string:
		return strings.Fields(v)
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// claimString is a claim as the event shows it: a string, numbers as
// written, lists as [a b].
func claimString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return fmt.Sprintf("%.0f", v)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = claimString(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	b, _ := json.Marshal(v)
	return string(b)
}
