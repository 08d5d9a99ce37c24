package apigw

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Authorizer is a REST API's authorizer: a Lambda function (TOKEN or
// REQUEST) or Cognito user pools (COGNITO_USER_POOLS) deciding who may call
// the methods whose authorizationType names it.
type Authorizer struct {
	ID                           string   `json:"id"`
	Name                         string   `json:"name"`
	Type                         string   `json:"type"`
	ProviderARNs                 []string `json:"providerARNs,omitempty"`
	AuthType                     string   `json:"authType,omitempty"`
	AuthorizerURI                string   `json:"authorizerUri,omitempty"`
	AuthorizerCredentials        string   `json:"authorizerCredentials,omitempty"`
	IdentitySource               string   `json:"identitySource,omitempty"`
	IdentityValidationExpression string   `json:"identityValidationExpression,omitempty"`
	// AuthorizerResultTTLInSeconds is how long a result is cached: 300
	// when not given, 0 turns caching off, at most 3,600.
	AuthorizerResultTTLInSeconds *int32 `json:"authorizerResultTtlInSeconds,omitempty"`
}

// CreateAuthorizerInput is CreateAuthorizer's input.
type CreateAuthorizerInput struct {
	RestAPIID string `json:"-"`
	Authorizer
}

// AuthorizerRef names an authorizer.
type AuthorizerRef struct{ RestAPIID, AuthorizerID string }

// UpdateAuthorizerInput is UpdateAuthorizer's input.
type UpdateAuthorizerInput struct {
	RestAPIID       string           `json:"-"`
	AuthorizerID    string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// authorizerTypes are the values of the type member.
var authorizerTypes = []string{"TOKEN", "REQUEST", "COGNITO_USER_POOLS"}

// defaultAuthorizerTTL is authorizerResultTtlInSeconds when not given, and
// maxAuthorizerTTL its largest value (api_op_CreateAuthorizer.go: "The TTL
// in seconds of cached authorizer results ... default is 300 seconds. The
// maximum value is 3600 seconds").
const (
	defaultAuthorizerTTL = 300
	maxAuthorizerTTL     = 3600
)

func errAuthorizerNotFound() error { return notFound("Invalid Authorizer identifier specified") }

// checkAuthorizer checks an authorizer as CreateAuthorizer and
// UpdateAuthorizer leave it.
func checkAuthorizer(z *Authorizer) error {
	if !slices.Contains(authorizerTypes, z.Type) {
		return errValidation(fmt.Sprintf("Value '%s' at 'createAuthorizerInput.type' failed to satisfy constraint: "+
			"Member must satisfy enum value set: [%s]", z.Type, strings.Join(authorizerTypes, ", ")))
	}
	if z.Name == "" {
		return badRequest("Authorizer name must be non-empty")
	}
	if t := z.AuthorizerResultTTLInSeconds; t != nil && (*t < 0 || *t > maxAuthorizerTTL) {
		return badRequest("Invalid Authorizer TTL specified. Value must be between 0 and %d", maxAuthorizerTTL)
	}
	switch z.Type {
	case "COGNITO_USER_POOLS":
		if len(z.ProviderARNs) == 0 {
			return badRequest("Invalid Authorizer provider ARNs specified. At least one Cognito user pool is required")
		}
	default:
		if z.AuthorizerURI == "" {
			return badRequest("Invalid Authorizer URI specified. Authorizer URI is required for authorizers of type %s", z.Type)
		}
		if _, ok := lambdaTarget(z.AuthorizerURI); !ok {
			return badRequest("Invalid Authorizer URI specified: %s", z.AuthorizerURI)
		}
	}
	if z.Type == "TOKEN" || z.Type == "COGNITO_USER_POOLS" {
		if _, ok := strings.CutPrefix(z.IdentitySource, "method.request.header."); !ok {
			return badRequest("Invalid identity source specified. Identity source for authorizers of type %s must be of the form method.request.header.<name>", z.Type)
		}
	}
	if z.Type == "REQUEST" && z.IdentitySource != "" {
		for _, src := range strings.Split(z.IdentitySource, ",") {
			if _, ok := identitySourceKind(strings.TrimSpace(src)); !ok {
				return badRequest("Invalid identity source specified: %s", strings.TrimSpace(src))
			}
		}
	}
	return nil
}

// CreateAuthorizer creates an authorizer. An unknown REST API is a
// ConflictException, as recorded
// (test_apigateway_api.py::TestApiGatewayApiAuthorizer::test_authorizer_crud_no_api).
func (s *Service) CreateAuthorizer(ctx context.Context, in CreateAuthorizerInput) (Authorizer, error) {
	sc, err := s.enter(ctx, "CreateAuthorizer")
	if err != nil {
		return Authorizer{}, err
	}
	z := cloneAuthorizer(in.Authorizer)
	if z.AuthorizerResultTTLInSeconds == nil {
		ttl := int32(defaultAuthorizerTTL)
		z.AuthorizerResultTTLInSeconds = &ttl
	}
	if err := checkAuthorizer(&z); err != nil {
		return Authorizer{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return Authorizer{}, conflict("Unable to complete operation due to concurrent modification. Please try again later.")
	}
	z.ID = s.newID(6)
	a.authorizersOf()[z.ID] = &z
	return cloneAuthorizer(z), nil
}

// authorizersOf returns a's authorizers, creating the map.
func (a *api) authorizersOf() map[string]*Authorizer {
	if a.authorizers == nil {
		a.authorizers = map[string]*Authorizer{}
	}
	return a.authorizers
}

func cloneAuthorizer(z Authorizer) Authorizer {
	z.ProviderARNs = slices.Clone(z.ProviderARNs)
	if z.AuthorizerResultTTLInSeconds != nil {
		t := *z.AuthorizerResultTTLInSeconds
		z.AuthorizerResultTTLInSeconds = &t
	}
	return z
}

// authorizerLocked enters op and returns the authorizer ref names, with
// s.mu held when err is nil (the caller unlocks).
func (s *Service) authorizerLocked(ctx context.Context, op string, ref AuthorizerRef) (*api, *Authorizer, error) {
	sc, err := s.enter(ctx, op)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	a, err := s.apiLocked(sc, ref.RestAPIID)
	if err != nil {
		s.mu.Unlock()
		return nil, nil, err
	}
	z := a.authorizers[ref.AuthorizerID]
	if z == nil {
		s.mu.Unlock()
		return nil, nil, errAuthorizerNotFound()
	}
	return a, z, nil
}

// GetAuthorizer returns an authorizer.
func (s *Service) GetAuthorizer(ctx context.Context, in AuthorizerRef) (Authorizer, error) {
	_, z, err := s.authorizerLocked(ctx, "GetAuthorizer", in)
	if err != nil {
		return Authorizer{}, err
	}
	defer s.mu.Unlock()
	return cloneAuthorizer(*z), nil
}

// GetAuthorizers lists an API's authorizers by id.
func (s *Service) GetAuthorizers(ctx context.Context, in GetModelsInput) (Page[Authorizer], error) {
	a, unlock, err := s.enterAPI(ctx, "GetAuthorizers", in.RestAPIID)
	if err != nil {
		return Page[Authorizer]{}, err
	}
	defer unlock()
	return pageOf(a.authorizers, func(z *Authorizer) Authorizer { return cloneAuthorizer(*z) },
		func(z Authorizer) string { return z.ID }, in.PageInput)
}

// DeleteAuthorizer deletes an authorizer. One a method still names is a
// ConflictException, as AWS answers.
func (s *Service) DeleteAuthorizer(ctx context.Context, in AuthorizerRef) error {
	a, _, err := s.authorizerLocked(ctx, "DeleteAuthorizer", in)
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	for _, r := range a.resources {
		for _, m := range r.methods {
			if m.AuthorizerID == in.AuthorizerID {
				return conflict("Cannot delete authorizer '%s', is referenced in method: %s/%s", a.authorizers[in.AuthorizerID].Name,
					m.HTTPMethod, r.id)
			}
		}
	}
	delete(a.authorizers, in.AuthorizerID)
	return nil
}

// UpdateAuthorizer applies replace to /name, /type, /authorizerUri,
// /authorizerCredentials, /identitySource, /identityValidationExpression,
// /authorizerResultTtlInSeconds, /authType and /providerARNs.
func (s *Service) UpdateAuthorizer(ctx context.Context, in UpdateAuthorizerInput) (Authorizer, error) {
	_, z, err := s.authorizerLocked(ctx, "UpdateAuthorizer", AuthorizerRef{in.RestAPIID, in.AuthorizerID})
	if err != nil {
		return Authorizer{}, err
	}
	defer s.mu.Unlock()
	if err := checkPatch("updateAuthorizerInput", in.PatchOperations); err != nil {
		return Authorizer{}, err
	}
	next := cloneAuthorizer(*z)
	for _, op := range in.PatchOperations {
		if err := patchAuthorizer(&next, op); err != nil {
			return Authorizer{}, err
		}
	}
	if err := checkAuthorizer(&next); err != nil {
		return Authorizer{}, err
	}
	*z = next
	return cloneAuthorizer(next), nil
}

// authorizerPaths are the paths UpdateAuthorizer replaces.
var authorizerPaths = []string{"/authType", "/authorizerCredentials", "/authorizerResultTtlInSeconds",
	"/authorizerUri", "/identitySource", "/identityValidationExpression", "/name", "/providerARNs", "/type"}

func patchAuthorizer(z *Authorizer, op PatchOperation) error {
	if op.Op != "replace" {
		return errPatchPath(op)
	}
	v := op.value()
	switch op.Path {
	case "/name":
		z.Name = v
	case "/type":
		z.Type = v
	case "/authorizerUri":
		z.AuthorizerURI = v
	case "/authorizerCredentials":
		z.AuthorizerCredentials = v
	case "/identitySource":
		z.IdentitySource = v
	case "/identityValidationExpression":
		z.IdentityValidationExpression = v
	case "/authType":
		z.AuthType = v
	case "/providerARNs":
		z.ProviderARNs = strings.Split(v, ",")
	case "/authorizerResultTtlInSeconds":
		n, err := strconv.ParseInt(v, 10, 32)
		if err != nil {
			return badRequest("Invalid Authorizer TTL specified. Value must be between 0 and %d", maxAuthorizerTTL)
		}
		t := int32(n)
		z.AuthorizerResultTTLInSeconds = &t
	default:
		return errPatchPath(op, authorizerPaths...)
	}
	return nil
}

// authorizationTypes are the values of a method's authorizationType.
var authorizationTypes = []string{"NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"}

// checkMethodAuthorizer checks a method's authorizer: CUSTOM names a TOKEN
// or REQUEST authorizer of the API, COGNITO_USER_POOLS a
// COGNITO_USER_POOLS one.
func (a *api) checkMethodAuthorizer(typ, id string) error {
	if typ != "CUSTOM" && typ != "COGNITO_USER_POOLS" {
		return nil
	}
	z := a.authorizers[id]
	if z == nil || (typ == "CUSTOM") == (z.Type == "COGNITO_USER_POOLS") {
		return badRequest("Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.")
	}
	return nil
}
