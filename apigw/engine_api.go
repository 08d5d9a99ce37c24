package apigw

import (
	"maps"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// api is one REST API and everything under it.
type api struct {
	RestApi
	scope       faults.Scope
	resources   map[string]*resource
	deployments map[string]*deployment
	stages      map[string]*stage
	validators  map[string]*RequestValidator
	models      map[string]*Model
	gateway     map[string]*GatewayResponse // customised gateway responses, by type
	authorizers map[string]*Authorizer      // authorizers.go; nil until the first
}

// resource is one resource of an API's tree.
type resource struct {
	id, parentID, pathPart string
	methods                map[string]*Method
}

// deployment is a deployment and the snapshot of the API it serves.
type deployment struct {
	Deployment
	snap *snapshot
}

// stage is a stage of an API.
type stage struct {
	Stage
}

// path returns the full path of r: "/" for the root, "/a/{b}" below.
func (a *api) path(r *resource) string {
	if r.parentID == "" {
		return "/"
	}
	var parts []string
	for x := r; x != nil && x.parentID != ""; x = a.resources[x.parentID] {
		parts = append(parts, x.pathPart)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(parts[i])
	}
	return b.String()
}

// children returns the resources whose parent is id.
func (a *api) children(id string) []*resource {
	var out []*resource
	for _, r := range a.resources {
		if r.parentID == id {
			out = append(out, r)
		}
	}
	return out
}

// view returns the Resource of r as GetResource shows it (embedding its
// methods when embed is set; ResourceMethods always names them).
func (a *api) view(r *resource, embed bool) Resource {
	out := Resource{ID: r.id, ParentID: r.parentID, PathPart: r.pathPart, Path: a.path(r)}
	if len(r.methods) > 0 {
		out.ResourceMethods = map[string]Method{}
		for k, m := range r.methods {
			if embed {
				out.ResourceMethods[k] = cloneMethod(*m)
			} else {
				out.ResourceMethods[k] = Method{}
			}
		}
	}
	return out
}

func cloneMethod(m Method) Method {
	m.RequestParameters = maps.Clone(m.RequestParameters)
	m.RequestModels = maps.Clone(m.RequestModels)
	if m.MethodResponses != nil {
		rs := make(map[string]MethodResponse, len(m.MethodResponses))
		for k, v := range m.MethodResponses {
			rs[k] = cloneMethodResponse(v)
		}
		m.MethodResponses = rs
	}
	if m.MethodIntegration != nil {
		i := cloneIntegration(*m.MethodIntegration)
		m.MethodIntegration = &i
	}
	return m
}

func cloneMethodResponse(r MethodResponse) MethodResponse {
	r.ResponseParameters = maps.Clone(r.ResponseParameters)
	r.ResponseModels = maps.Clone(r.ResponseModels)
	return r
}

func cloneIntegration(i Integration) Integration {
	i.RequestParameters = maps.Clone(i.RequestParameters)
	i.RequestTemplates = maps.Clone(i.RequestTemplates)
	i.CacheKeyParameters = append([]string{}, i.CacheKeyParameters...)
	if i.IntegrationResponses != nil {
		rs := make(map[string]IntegrationResponse, len(i.IntegrationResponses))
		for k, v := range i.IntegrationResponses {
			rs[k] = cloneIntegrationResponse(v)
		}
		i.IntegrationResponses = rs
	}
	return i
}

func cloneIntegrationResponse(r IntegrationResponse) IntegrationResponse {
	r.ResponseParameters = maps.Clone(r.ResponseParameters)
	r.ResponseTemplates = maps.Clone(r.ResponseTemplates)
	return r
}

func cloneStage(st Stage) Stage {
	st.Variables = maps.Clone(st.Variables)
	st.MethodSettings = maps.Clone(st.MethodSettings)
	if st.MethodSettings == nil {
		st.MethodSettings = map[string]MethodSetting{}
	}
	st.Tags = maps.Clone(st.Tags)
	if st.AccessLogSettings != nil {
		a := *st.AccessLogSettings
		st.AccessLogSettings = &a
	}
	return st
}

func cloneRestAPI(r RestApi) RestApi {
	r.BinaryMediaTypes = append([]string(nil), r.BinaryMediaTypes...)
	r.Tags = maps.Clone(r.Tags)
	if r.EndpointConfiguration != nil {
		e := *r.EndpointConfiguration
		e.Types = append([]string(nil), e.Types...)
		r.EndpointConfiguration = &e
	}
	return r
}
