package apigw

import (
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/awsfake/awsfake/internal/arn"
)

// CognitoPool is a Cognito user pool's token signing key, standing in for
// the Cognito fake until one exists: COGNITO_USER_POOLS authorizers check
// the tokens it mints as AWS checks Cognito's (RS256 signature, iss,
// exp on the cloud's clock, token_use, scopes).
type CognitoPool struct {
	ARN    string
	Issuer string // https://cognito-idp.{region}.amazonaws.com/{poolId}
	KeyID  string
	key    *rsa.PrivateKey
	now    func() time.Time
}

// CognitoPool returns the signing key of the user pool poolARN
// (arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}), creating it
// on first use. It panics on an ARN of another form.
func (s *Service) CognitoPool(poolARN string) *CognitoPool {
	a, err := arn.Parse(poolARN)
	id, ok := strings.CutPrefix(a.Resource, "userpool/")
	if err != nil || a.Service != "cognito-idp" || !ok || id == "" {
		panic(fmt.Sprintf("apigw: %q is not a Cognito user pool ARN", poolARN))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.cognito[poolARN]; p != nil {
		return p
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	p := &CognitoPool{ARN: poolARN, Issuer: "https://cognito-idp." + a.Region + ".amazonaws.com/" + id,
		KeyID: s.env.IDs.Base64(16), key: key, now: s.env.Clock.Now}
	if s.cognito == nil {
		s.cognito = map[string]*CognitoPool{}
	}
	s.cognito[poolARN] = p
	return p
}

// Token mints a token of the pool signed RS256 with its key: claims as
// given, with iss the pool's issuer, iat now on the cloud's clock, exp an
// hour later and token_use "id" unless claims set them.
func (p *CognitoPool) Token(claims map[string]any) string {
	now := p.now()
	c := jwt.MapClaims{"iss": p.Issuer, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix(), "token_use": "id",
		"auth_time": now.Unix()}
	maps.Copy(c, claims)
	t := jwt.NewWithClaims(jwt.SigningMethodRS256, c)
	t.Header["kid"] = p.KeyID
	out, err := t.SignedString(p.key)
	if err != nil {
		panic(err)
	}
	return out
}

// cognitoAuthorize checks the token of a COGNITO_USER_POOLS authorizer
// against the pools it names: 401 Unauthorized for a token not signed by
// one of them, of another issuer, expired on the cloud's clock, or whose
// token_use is neither id nor access.
func (s *Service) cognitoAuthorize(x *exchange, z Authorizer, token string) (authResult, *response) {
	s.mu.Lock()
	var pools []*CognitoPool
	for _, a := range z.ProviderARNs {
		if p := s.cognito[a]; p != nil {
			pools = append(pools, p)
		}
	}
	s.mu.Unlock()
	token = strings.TrimPrefix(token, "Bearer ")
	for _, p := range pools {
		claims, err := s.verifyJWT(token, p.Issuer, []string{"RS256"}, func(t *jwt.Token) (any, error) {
			if kid, _ := t.Header["kid"].(string); kid != p.KeyID {
				return nil, fmt.Errorf("key %q is not the pool's", kid)
			}
			return &p.key.PublicKey, nil
		})
		if err != nil {
			continue
		}
		if use, _ := claims["token_use"].(string); use != "id" && use != "access" {
			return authResult{}, unauthorized()
		}
		sub, _ := claims["sub"].(string)
		return authResult{principalID: sub, claims: claims}, nil
	}
	return authResult{}, unauthorized()
}

// verifyJWT is the one check of a token, for COGNITO_USER_POOLS (REST)
// and JWT (HTTP API) authorizers alike: signed with one of methods by the
// key keyFunc returns, iss the issuer, exp present, and exp and nbf on
// the cloud's clock.
func (s *Service) verifyJWT(token, issuer string, methods []string, keyFunc jwt.Keyfunc) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, keyFunc, jwt.WithValidMethods(methods), jwt.WithIssuer(issuer),
		jwt.WithExpirationRequired(), jwt.WithTimeFunc(s.env.Clock.Now))
	return claims, err
}

// checkScopes enforces a method's authorization scopes: the token must be
// an access token whose scope claim holds one of them (401 Unauthorized
// otherwise, as AWS answers).
func (x *exchange) checkScopes(res authResult) *response {
	want := x.method.AuthorizationScopes
	if len(want) == 0 {
		return nil
	}
	if use, _ := res.claims["token_use"].(string); use != "access" {
		return unauthorized()
	}
	scope, _ := res.claims["scope"].(string)
	for _, s := range strings.Fields(scope) {
		if slices.Contains(want, s) {
			return nil
		}
	}
	return unauthorized()
}
