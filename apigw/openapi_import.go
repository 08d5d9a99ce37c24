package apigw

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// ImportRestApiInput is ImportRestApi's input: the document (OpenAPI 3.0 or
// Swagger 2.0, JSON or YAML, at most 6 MB), whether a warning rolls the
// import back, and the parameters basepath (ignore, the default; prepend;
// split) and endpointConfigurationTypes (EDGE, the default; REGIONAL;
// PRIVATE). ignore=documentation is accepted: documentation is never
// imported.
type ImportRestApiInput struct {
	Body           []byte
	FailOnWarnings bool
	Parameters     map[string]string
}

// PutRestApiInput is PutRestApi's input: Mode is merge (the default) or
// overwrite.
type PutRestApiInput struct {
	RestAPIID      string
	Body           []byte
	Mode           string
	FailOnWarnings bool
	Parameters     map[string]string
}

// ImportedRestApi is the REST API an import made or changed, with the
// warnings the document gave.
type ImportedRestApi struct {
	RestApi
	Warnings []string `json:"warnings,omitempty"`
}

// ImportRestApi creates a REST API from an OpenAPI document: its models
// (components.schemas or definitions), request validators, authorizers
// (security schemes with x-amazon-apigateway-authorizer), gateway
// responses, resources (one per path part), methods (request parameters,
// body models, security), method responses and integrations
// (x-amazon-apigateway-integration). Each is made through the Go API
// operation that creates it, so the document is held to the same rules;
// the first failure removes the API again and is the answer, as is a
// warning with FailOnWarnings.
func (s *Service) ImportRestApi(ctx context.Context, in ImportRestApiInput) (ImportedRestApi, error) {
	if _, err := s.enter(ctx, "ImportRestApi"); err != nil {
		return ImportedRestApi{}, err
	}
	id, warnings, err := s.importAside(ctx, in.Body, in.Parameters, in.FailOnWarnings, "")
	if err != nil {
		return ImportedRestApi{}, err
	}
	a, err := s.GetRestApi(ctx, RestAPIRef{id})
	return ImportedRestApi{RestApi: a, Warnings: warnings}, err
}

// importAside builds the document body as a new REST API (refID names the
// API a PutRestApi will absorb it into), by ImportRestApi's rules: a
// failure, or a warning with failOnWarnings, removes what was built and is
// the answer.
func (s *Service) importAside(ctx context.Context, body []byte, params map[string]string, failOnWarnings bool, refID string) (string, []string, error) {
	doc, err := parseOpenAPI(body)
	if err != nil {
		return "", nil, err
	}
	b, err := newImport(s, ctx, doc, params)
	if err != nil {
		return "", nil, err
	}
	id, err := b.build(refID)
	if err == nil && failOnWarnings {
		err = b.warningsError()
	}
	if err != nil {
		s.dropAPI(ctx, id)
		return "", nil, err
	}
	return id, b.warnings, nil
}

// PutRestApi updates a REST API from an OpenAPI document. The document is
// first imported into an API of its own, by ImportRestApi's rules (a
// failure or, with FailOnWarnings, a warning leaves the API as it was);
// then merge adds its resources, methods, models, validators, authorizers
// and gateway responses to the API, replacing those of the same path,
// method or name and keeping the others, its binary media types added to
// the API's; overwrite replaces the API's definition with the document's.
// Deployments, stages, tags and the endpoint configuration stay.
func (s *Service) PutRestApi(ctx context.Context, in PutRestApiInput) (ImportedRestApi, error) {
	sc, err := s.enter(ctx, "PutRestApi")
	if err != nil {
		return ImportedRestApi{}, err
	}
	overwrite := false
	switch in.Mode {
	case "", "merge":
	case "overwrite":
		overwrite = true
	default:
		return ImportedRestApi{}, errValidation("Value '" + in.Mode + "' at 'mode' failed to satisfy constraint: Member must satisfy enum value set: [overwrite, merge]")
	}
	if _, err := s.GetRestApi(ctx, RestAPIRef{in.RestAPIID}); err != nil {
		return ImportedRestApi{}, err
	}
	tmp, warnings, err := s.importAside(ctx, in.Body, in.Parameters, in.FailOnWarnings, in.RestAPIID)
	if err != nil {
		return ImportedRestApi{}, err
	}
	s.mu.Lock()
	dst, err := s.apiLocked(sc, in.RestAPIID)
	if err == nil {
		src, _ := s.apiLocked(sc, tmp)
		err = s.absorbLocked(dst, src, overwrite)
	}
	s.mu.Unlock()
	s.dropAPI(ctx, tmp)
	if err != nil {
		return ImportedRestApi{}, err
	}
	a, err := s.GetRestApi(ctx, RestAPIRef{in.RestAPIID})
	return ImportedRestApi{RestApi: a, Warnings: warnings}, err
}

// dropAPI removes the REST API id an import made (none when id is empty)
// without going through DeleteRestApi: a fault injected there must not
// leave a half-built API behind.
func (s *Service) dropAPI(ctx context.Context, id string) {
	if id == "" {
		return
	}
	sc, ok := faults.ScopeFrom(ctx)
	if !ok {
		sc = s.env.Scope()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.partLocked(sc); p != nil {
		delete(p.apis, id)
	}
	delete(s.byID, id)
}

// warningsError is the answer to warnings under FailOnWarnings: AWS
// returns them "as a message in the exception"
// (developerguide/api-gateway-import-api-errors-warnings.html); nil
// without warnings.
func (b *importer) warningsError() error { return warningsError(b.warnings) }

// warningsError is an import's warnings as FailOnWarnings' error; nil
// without warnings.
func warningsError(warnings []string) error {
	if len(warnings) == 0 {
		return nil
	}
	return badRequest("Warnings found during import:\n\t%s", strings.Join(warnings, "\n\t"))
}
