package apigw

import (
	"context"
	"regexp"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// CreateResourceInput is CreateResource's input.
type CreateResourceInput struct {
	RestAPIID string `json:"-"`
	ParentID  string `json:"-"`
	PathPart  string `json:"pathPart"`
}

// ResourceRef names a resource of a REST API.
type ResourceRef struct {
	RestAPIID, ResourceID string
	// Embed ("methods") embeds the methods in GetResource's answer.
	Embed bool
}

// GetResourcesInput is GetResources' input.
type GetResourcesInput struct {
	RestAPIID string
	PageInput
	// Embed ("methods") embeds every resource's methods.
	Embed bool
}

// UpdateResourceInput is UpdateResource's input.
type UpdateResourceInput struct {
	RestAPIID       string           `json:"-"`
	ResourceID      string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// pathPartRE is the form of a path part: literal characters, or a {param}
// with an optional + before the closing brace.
var pathPartRE = regexp.MustCompile(`^(?:[a-zA-Z0-9._:-]+|\{[a-zA-Z0-9._:-]+\+?\})$`)

// CreateResource adds a child resource under a parent.
func (s *Service) CreateResource(ctx context.Context, in CreateResourceInput) (Resource, error) {
	a, unlock, err := s.enterAPI(ctx, "CreateResource", in.RestAPIID)
	if err != nil {
		return Resource{}, err
	}
	defer unlock()
	parent := a.resources[in.ParentID]
	if parent == nil {
		return Resource{}, errResourceNotFound()
	}
	if err := a.checkPlacement(parent, in.PathPart, ""); err != nil {
		return Resource{}, err
	}
	r := &resource{id: s.newID(10), parentID: parent.id, pathPart: in.PathPart, methods: map[string]*Method{}}
	a.resources[r.id] = r
	return a.view(r, false), nil
}

// checkPlacement checks that a resource (self, "" for a new one) may have
// pathPart under parent, with AWS's texts (test_create_proxy_resource_validation,
// test_update_resource_behaviour).
func (a *api) checkPlacement(parent *resource, pathPart, self string) error {
	if !pathPartRE.MatchString(pathPart) {
		return badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.")
	}
	if strings.HasSuffix(parent.pathPart, "+}") {
		return badRequest("Cannot create a child of a resource with a greedy path variable: %s", parent.pathPart)
	}
	variable := strings.HasPrefix(pathPart, "{")
	for _, sib := range a.children(parent.id) {
		if sib.id == self {
			continue
		}
		if sib.pathPart == pathPart {
			return conflict("Another resource with the same parent already has this name: %s", pathPart)
		}
		if variable && strings.HasPrefix(sib.pathPart, "{") {
			return badRequest("A sibling (%s) of this resource already has a variable path part -- only one is allowed", sib.pathPart)
		}
	}
	return nil
}

// GetResource returns a resource.
func (s *Service) GetResource(ctx context.Context, in ResourceRef) (Resource, error) {
	sc, err := s.enter(ctx, "GetResource")
	if err != nil {
		return Resource{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, r, err := s.resourceLocked(sc, in.RestAPIID, in.ResourceID)
	if err != nil {
		return Resource{}, err
	}
	return a.view(r, in.Embed), nil
}

// resourceLocked returns an API and one of its resources.
func (s *Service) resourceLocked(sc faults.Scope, apiID, id string) (*api, *resource, error) {
	a, err := s.apiLocked(sc, apiID)
	if err != nil {
		return nil, nil, err
	}
	r := a.resources[id]
	if r == nil {
		return nil, nil, errResourceNotFound()
	}
	return a, r, nil
}

// GetResources lists an API's resources by path.
func (s *Service) GetResources(ctx context.Context, in GetResourcesInput) (Page[Resource], error) {
	a, unlock, err := s.enterAPI(ctx, "GetResources", in.RestAPIID)
	if err != nil {
		return Page[Resource]{}, err
	}
	defer unlock()
	return pageOf(a.resources, func(r *resource) Resource { return a.view(r, in.Embed) },
		func(r Resource) string { return r.Path + "\x00" + r.ID }, in.PageInput)
}

// DeleteResource deletes a resource and every resource under it. The root
// cannot be deleted.
func (s *Service) DeleteResource(ctx context.Context, in ResourceRef) error {
	sc, err := s.enter(ctx, "DeleteResource")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, r, err := s.resourceLocked(sc, in.RestAPIID, in.ResourceID)
	if err != nil {
		return err
	}
	if r.parentID == "" {
		return badRequest("Cannot delete root resource")
	}
	a.deleteTree(r.id)
	return nil
}

func (a *api) deleteTree(id string) {
	for _, c := range a.children(id) {
		a.deleteTree(c.id)
	}
	delete(a.resources, id)
}

// UpdateResource applies replace /pathPart and /parentId.
func (s *Service) UpdateResource(ctx context.Context, in UpdateResourceInput) (Resource, error) {
	sc, err := s.enter(ctx, "UpdateResource")
	if err != nil {
		return Resource{}, err
	}
	if err := checkPatch("updateResourceInput", in.PatchOperations); err != nil {
		return Resource{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, r, err := s.resourceLocked(sc, in.RestAPIID, in.ResourceID)
	if err != nil {
		return Resource{}, err
	}
	parentID, pathPart := r.parentID, r.pathPart
	for _, op := range in.PatchOperations {
		if op.Op != "replace" || (op.Path != "/pathPart" && op.Path != "/parentId") {
			return Resource{}, errPatchPath(op, "/parentId", "/pathPart")
		}
		if r.parentID == "" {
			return Resource{}, badRequest("Root resource cannot update its %s.", op.Path[1:])
		}
		if op.Path == "/pathPart" {
			pathPart = op.value()
		} else {
			parentID = op.value()
		}
	}
	parent := a.resources[parentID]
	if parent == nil {
		return Resource{}, errResourceNotFound()
	}
	for x := parent; x != nil; x = a.resources[x.parentID] {
		if x.id == r.id {
			return Resource{}, badRequest("Resources cannot be cyclical.")
		}
	}
	if err := a.checkPlacement(parent, pathPart, r.id); err != nil {
		return Resource{}, err
	}
	r.parentID, r.pathPart = parentID, pathPart
	return a.view(r, false), nil
}
