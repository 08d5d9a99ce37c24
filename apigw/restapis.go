package apigw

import (
	"context"
	"slices"
	"strconv"
	"strings"
)

// RestAPIRef names a REST API.
type RestAPIRef struct{ RestAPIID string }

// UpdateRestApiInput is UpdateRestApi's input.
type UpdateRestApiInput struct {
	RestAPIID       string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// maxCompression is the largest minimumCompressionSize: "between 0 and
// 10485760" (api_op_CreateRestApi.go; recorded in
// test_create_rest_api_with_optional_params).
const maxCompression = 10485760

// CreateRestApi creates a REST API with its root resource and the Empty and
// Error models AWS gives every new API.
func (s *Service) CreateRestApi(ctx context.Context, in CreateRestApiInput) (RestApi, error) {
	sc, err := s.enter(ctx, "CreateRestApi")
	if err != nil {
		return RestApi{}, err
	}
	if in.Name == "" {
		return RestApi{}, badRequest("Invalid REST API name specified")
	}
	if in.Description != nil && *in.Description == "" {
		return RestApi{}, badRequest("Description cannot be an empty string")
	}
	if c := in.MinimumCompressionSize; c != nil && (*c < 0 || *c > maxCompression) {
		return RestApi{}, badRequest("Invalid minimum compression size, must be between 0 and %d", maxCompression)
	}
	ec, err := endpointConfig(in.EndpointConfiguration)
	if err != nil {
		return RestApi{}, err
	}
	src := in.APIKeySource
	if src == "" {
		src = "HEADER"
	} else if src != "HEADER" && src != "AUTHORIZER" {
		return RestApi{}, errValidation("Value '" + src + "' at 'createRestApiInput.apiKeySource' failed to satisfy constraint: Member must satisfy enum value set: [HEADER, AUTHORIZER]")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &api{scope: sc, resources: map[string]*resource{}, deployments: map[string]*deployment{},
		stages: map[string]*stage{}, validators: map[string]*RequestValidator{}, models: map[string]*Model{}}
	a.RestApi = RestApi{ID: s.uniqueAPIID(), Name: in.Name, Version: in.Version, CreatedDate: Timestamp(s.env.Clock.Now()),
		BinaryMediaTypes: slices.Clone(in.BinaryMediaTypes), MinimumCompressionSize: in.MinimumCompressionSize,
		APIKeySource: src, EndpointConfiguration: ec, DisableExecuteAPIEndpoint: in.DisableExecuteAPIEndpoint,
		Policy: in.Policy}
	if in.Description != nil {
		a.Description = *in.Description
	}
	if len(in.Tags) > 0 {
		a.Tags = map[string]string{}
		for k, v := range in.Tags {
			a.Tags[k] = v
		}
	}
	root := &resource{id: s.newID(10), methods: map[string]*Method{}}
	a.resources[root.id] = root
	a.RootResourceID = root.id
	for _, m := range defaultModels {
		m.ID = s.newID(6)
		a.models[m.Name] = &m
	}
	s.partForWriteLocked(sc).apis[a.ID] = a
	s.byID[a.ID] = a
	return cloneRestAPI(a.RestApi), nil
}

// defaultModels are the models every new REST API has.
var defaultModels = []Model{
	{Name: "Empty", Description: "This is a default empty schema model", ContentType: "application/json",
		Schema: "{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"title\" : \"Empty Schema\",\n  \"type\" : \"object\"\n}"},
	{Name: "Error", Description: "This is a default error schema model", ContentType: "application/json",
		Schema: "{\n  \"$schema\" : \"http://json-schema.org/draft-04/schema#\",\n  \"title\" : \"Error Schema\",\n  \"type\" : \"object\",\n  \"properties\" : {\n    \"message\" : { \"type\" : \"string\" }\n  }\n}"},
}

// uniqueAPIID returns a fresh REST API id: ten lowercase alphanumerics.
func (s *Service) uniqueAPIID() string {
	for {
		id := s.newID(10)
		if s.byID[id] == nil {
			return id
		}
	}
}

// endpointConfig validates an endpoint configuration and fills AWS's
// defaults (EDGE, ipv4), with the texts recorded in
// test_create_rest_api_with_endpoint_configuration.
func endpointConfig(in *EndpointConfiguration) (*EndpointConfiguration, error) {
	out := &EndpointConfiguration{Types: []string{"EDGE"}, IPAddressType: "ipv4"}
	if in == nil {
		return out, nil
	}
	var problems []string
	for _, t := range in.Types {
		if t != "EDGE" && t != "REGIONAL" && t != "PRIVATE" {
			problems = append(problems, "Value '["+strings.Join(in.Types, ", ")+"]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: "+
				"Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]")
			break
		}
	}
	if t := in.IPAddressType; t != "" && t != "ipv4" && t != "dualstack" {
		problems = append(problems, "Value '"+t+"' at 'createRestApiInput.endpointConfiguration.ipAddressType' failed to satisfy constraint: "+
			"Member must satisfy enum value set: [ipv4, dualstack]")
	}
	if problems != nil {
		return nil, errValidation(problems...)
	}
	if len(in.Types) > 1 {
		return nil, badRequest("Cannot create an api with multiple Endpoint Types.")
	}
	if len(in.Types) == 1 {
		out.Types = slices.Clone(in.Types)
	}
	if in.IPAddressType != "" {
		out.IPAddressType = in.IPAddressType
	}
	if out.Types[0] == "PRIVATE" {
		if in.IPAddressType == "ipv4" {
			return nil, badRequest("Only dualstack ipAddressType is supported for Private APIs.")
		}
		out.IPAddressType = "dualstack"
	}
	out.VpcEndpointIDs = slices.Clone(in.VpcEndpointIDs)
	return out, nil
}

// GetRestApi returns a REST API.
func (s *Service) GetRestApi(ctx context.Context, in RestAPIRef) (RestApi, error) {
	a, unlock, err := s.enterAPI(ctx, "GetRestApi", in.RestAPIID)
	if err != nil {
		return RestApi{}, err
	}
	defer unlock()
	return cloneRestAPI(a.RestApi), nil
}

// GetRestApis lists the caller's REST APIs, by id.
func (s *Service) GetRestApis(ctx context.Context, in PageInput) (Page[RestApi], error) {
	sc, err := s.enter(ctx, "GetRestApis")
	if err != nil {
		return Page[RestApi]{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var all []RestApi
	if p := s.partLocked(sc); p != nil {
		for _, a := range p.apis {
			all = append(all, cloneRestAPI(a.RestApi))
		}
	}
	slices.SortFunc(all, func(x, y RestApi) int { return strings.Compare(x.ID, y.ID) })
	return page(all, func(r RestApi) string { return r.ID }, in)
}

// DeleteRestApi deletes a REST API and everything under it; its stages
// stop serving.
func (s *Service) DeleteRestApi(ctx context.Context, in RestAPIRef) error {
	sc, err := s.enter(ctx, "DeleteRestApi")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.apiLocked(sc, in.RestAPIID); err != nil {
		return err
	}
	delete(s.partLocked(sc).apis, in.RestAPIID)
	delete(s.byID, in.RestAPIID)
	return nil
}

// UpdateRestApi applies patch operations to a REST API: replace /name,
// /description, /apiKeySource, /minimumCompressionSize, /policy,
// /disableExecuteApiEndpoint; add and remove /binaryMediaTypes/{type} (the
// type's / written ~1). All or nothing.
func (s *Service) UpdateRestApi(ctx context.Context, in UpdateRestApiInput) (RestApi, error) {
	sc, err := s.enter(ctx, "UpdateRestApi")
	if err != nil {
		return RestApi{}, err
	}
	if err := checkPatch("updateRestApiInput", in.PatchOperations); err != nil {
		return RestApi{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return RestApi{}, err
	}
	next := cloneRestAPI(a.RestApi)
	for _, op := range in.PatchOperations {
		if err := patchRestAPI(&next, op); err != nil {
			return RestApi{}, err
		}
	}
	a.RestApi = next
	return cloneRestAPI(next), nil
}

func patchRestAPI(r *RestApi, op PatchOperation) error {
	v := op.value()
	if t, ok := strings.CutPrefix(op.Path, "/binaryMediaTypes/"); ok && t != "" {
		t = unescapePointer(t)
		switch op.Op {
		case "add":
			if !slices.Contains(r.BinaryMediaTypes, t) {
				r.BinaryMediaTypes = append(r.BinaryMediaTypes, t)
			}
		case "remove":
			r.BinaryMediaTypes = slices.DeleteFunc(r.BinaryMediaTypes, func(x string) bool { return x == t })
		case "replace":
			i := slices.Index(r.BinaryMediaTypes, t)
			if i < 0 {
				return badRequest("Invalid patch path %s", op.Path)
			}
			r.BinaryMediaTypes[i] = unescapePointer(v)
		default:
			return badRequest("Invalid patch operation specified. Must be 'add'|'remove'|'replace'")
		}
		return nil
	}
	if op.Op != "replace" {
		if op.Path == "/minimumCompressionSize" {
			return badRequest("Invalid patch operation specified. Must be one of: [replace]")
		}
		return badRequest("Invalid patch path %s", op.Path)
	}
	switch op.Path {
	case "/name":
		if v == "" {
			return badRequest("Invalid REST API name specified")
		}
		r.Name = v
	case "/description":
		r.Description = v
	case "/apiKeySource":
		if v != "HEADER" && v != "AUTHORIZER" {
			return badRequest("Invalid apiKeySource specified. Valid options are HEADER,AUTHORIZER")
		}
		r.APIKeySource = v
	case "/policy":
		r.Policy = v
	case "/disableExecuteApiEndpoint":
		r.DisableExecuteAPIEndpoint = v == "true"
	case "/minimumCompressionSize":
		if v == "" {
			r.MinimumCompressionSize = nil
			return nil
		}
		n, err := strconv.ParseInt(v, 10, 32)
		if err != nil || n < 0 || n > maxCompression {
			return badRequest("Invalid minimum compression size, must be between 0 and %d", maxCompression)
		}
		c := int32(n)
		r.MinimumCompressionSize = &c
	default:
		return badRequest("Invalid patch path %s", op.Path)
	}
	return nil
}
