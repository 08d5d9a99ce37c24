package apigw

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// BasePathMapping maps a base path of a custom domain name to a REST API's
// stage. "(none)" is the empty base path, as AWS names it.
type BasePathMapping struct {
	BasePath  string `json:"basePath"`
	RestAPIID string `json:"restApiId"`
	Stage     string `json:"stage,omitempty"`
}

// CreateBasePathMappingInput is CreateBasePathMapping's input.
type CreateBasePathMappingInput struct {
	DomainName string `json:"-"`
	BasePath   string `json:"basePath,omitempty"`
	RestAPIID  string `json:"restApiId"`
	Stage      string `json:"stage,omitempty"`
}

// BasePathMappingRef names a base path mapping.
type BasePathMappingRef struct{ DomainName, BasePath string }

// GetBasePathMappingsInput is GetBasePathMappings' input.
type GetBasePathMappingsInput struct {
	DomainName string
	PageInput
}

// UpdateBasePathMappingInput is UpdateBasePathMapping's input.
type UpdateBasePathMappingInput struct {
	DomainName      string           `json:"-"`
	BasePath        string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// noBasePath is the empty base path's name: "Specify '(none)' if you do
// not want callers to specify any base path name after the domain name"
// (api_op_GetBasePathMapping.go).
const noBasePath = "(none)"

func basePathKey(p string) string {
	if p == "" {
		return noBasePath
	}
	return p
}

// checkMappingTarget answers AWS's BadRequestException for an API or
// stage that does not exist (the texts CreateStage and the validators
// use for an unknown API, and the stage's).
func (s *Service) checkMappingTarget(m BasePathMapping, sc faults.Scope) error {
	a, err := s.apiLocked(sc, m.RestAPIID)
	if err != nil {
		return badRequest("Invalid REST API identifier specified")
	}
	if m.Stage != "" && a.stages[m.Stage] == nil {
		return badRequest("Invalid stage identifier specified")
	}
	if strings.Contains(strings.Trim(m.BasePath, "/"), "//") {
		return badRequest("Invalid base path specified")
	}
	return nil
}

// CreateBasePathMapping maps a base path of a domain name to an API's
// stage; the API and the stage must exist, and the base path must be
// free.
func (s *Service) CreateBasePathMapping(ctx context.Context, in CreateBasePathMappingInput) (BasePathMapping, error) {
	sc, err := s.enter(ctx, "CreateBasePathMapping")
	if err != nil {
		return BasePathMapping{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.acctReadLocked(sc).domainLocked(in.DomainName)
	if err != nil {
		return BasePathMapping{}, err
	}
	m := BasePathMapping{BasePath: basePathKey(in.BasePath), RestAPIID: in.RestAPIID, Stage: in.Stage}
	if err := s.checkMappingTarget(m, sc); err != nil {
		return BasePathMapping{}, err
	}
	if d.mappings[m.BasePath] != nil {
		return BasePathMapping{}, conflict("Base path already exists for this domain name")
	}
	d.mappings[m.BasePath] = &m
	return m, nil
}

func (s *Service) mappingLocked(sc faults.Scope, in BasePathMappingRef) (*domainName, *BasePathMapping, error) {
	d, err := s.acctReadLocked(sc).domainLocked(in.DomainName)
	if err != nil {
		return nil, nil, err
	}
	if m := d.mappings[basePathKey(in.BasePath)]; m != nil {
		return d, m, nil
	}
	return nil, nil, notFound("Invalid base path mapping identifier specified")
}

// GetBasePathMapping returns a base path mapping.
func (s *Service) GetBasePathMapping(ctx context.Context, in BasePathMappingRef) (BasePathMapping, error) {
	sc, err := s.enter(ctx, "GetBasePathMapping")
	if err != nil {
		return BasePathMapping{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m, err := s.mappingLocked(sc, in)
	if err != nil {
		return BasePathMapping{}, err
	}
	return *m, nil
}

// GetBasePathMappings lists a domain name's base path mappings by base
// path.
func (s *Service) GetBasePathMappings(ctx context.Context, in GetBasePathMappingsInput) (Page[BasePathMapping], error) {
	sc, err := s.enter(ctx, "GetBasePathMappings")
	if err != nil {
		return Page[BasePathMapping]{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.acctReadLocked(sc).domainLocked(in.DomainName)
	if err != nil {
		return Page[BasePathMapping]{}, err
	}
	return pageOf(d.mappings, func(m *BasePathMapping) BasePathMapping { return *m },
		func(m BasePathMapping) string { return m.BasePath }, in.PageInput)
}

// UpdateBasePathMapping applies patch operations: replace /basePath,
// /restapiId and /stage; the result must name an existing API and stage.
func (s *Service) UpdateBasePathMapping(ctx context.Context, in UpdateBasePathMappingInput) (BasePathMapping, error) {
	sc, err := s.enter(ctx, "UpdateBasePathMapping")
	if err != nil {
		return BasePathMapping{}, err
	}
	if err := checkPatch("updateBasePathMappingInput", in.PatchOperations); err != nil {
		return BasePathMapping{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, m, err := s.mappingLocked(sc, BasePathMappingRef{in.DomainName, in.BasePath})
	if err != nil {
		return BasePathMapping{}, err
	}
	next := *m
	for _, op := range in.PatchOperations {
		switch {
		case op.Op == "replace" && op.Path == "/basePath":
			next.BasePath = basePathKey(op.value())
		case op.Op == "replace" && op.Path == "/restapiId":
			next.RestAPIID = op.value()
		case op.Op == "replace" && op.Path == "/stage":
			next.Stage = op.value()
		default:
			return BasePathMapping{}, errPatchPath(op, "/basePath", "/restapiId", "/stage")
		}
	}
	if err := s.checkMappingTarget(next, sc); err != nil {
		return BasePathMapping{}, err
	}
	if next.BasePath != m.BasePath && d.mappings[next.BasePath] != nil {
		return BasePathMapping{}, conflict("Base path already exists for this domain name")
	}
	delete(d.mappings, m.BasePath)
	d.mappings[next.BasePath] = &next
	return next, nil
}

// DeleteBasePathMapping deletes a base path mapping.
func (s *Service) DeleteBasePathMapping(ctx context.Context, in BasePathMappingRef) error {
	sc, err := s.enter(ctx, "DeleteBasePathMapping")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, m, err := s.mappingLocked(sc, in)
	if err != nil {
		return err
	}
	delete(d.mappings, m.BasePath)
	return nil
}
