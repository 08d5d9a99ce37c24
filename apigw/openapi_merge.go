package apigw

import (
	"slices"
	"sort"
	"strings"
)

// absorbLocked moves the definition of src (an API an import built) into
// dst, PutRestApi's second half: overwrite replaces dst's definition,
// merge adds src's to it, src's winning for the same path and method or
// name. A merge that would give a resource a second variable sibling
// fails before anything changes.
func (s *Service) absorbLocked(dst, src *api, overwrite bool) error {
	if overwrite {
		root := dst.resources[dst.RootResourceID]
		clear(root.methods)
		dst.resources = map[string]*resource{root.id: root}
		dst.models, dst.validators = map[string]*Model{}, map[string]*RequestValidator{}
		dst.authorizers, dst.gateway = nil, nil
		dst.BinaryMediaTypes = nil
	} else if err := dst.checkMerge(src); err != nil {
		return err
	}
	dst.Name, dst.Description, dst.Version = src.Name, src.Description, src.Version
	dst.APIKeySource = src.APIKeySource
	if src.Policy != "" || overwrite {
		dst.Policy = src.Policy
	}
	if src.MinimumCompressionSize != nil || overwrite {
		dst.MinimumCompressionSize = src.MinimumCompressionSize
	}
	for _, t := range src.BinaryMediaTypes {
		if !slices.Contains(dst.BinaryMediaTypes, t) {
			dst.BinaryMediaTypes = append(dst.BinaryMediaTypes, t)
		}
	}
	for name, m := range src.models {
		nm := *m
		if old := dst.models[name]; old != nil {
			nm.ID = old.ID
		}
		dst.models[name] = &nm
	}
	validators, authorizers := s.absorbByName(dst, src)
	for typ, g := range src.gateway {
		if dst.gateway == nil {
			dst.gateway = map[string]*GatewayResponse{}
		}
		ng := cloneGatewayResponse(*g)
		dst.gateway[typ] = &ng
	}
	s.absorbResources(dst, src, validators, authorizers)
	return nil
}

// checkMerge finds the conflicts a merge of src into a would make: a new
// resource beside one of a's that has another variable path part.
func (a *api) checkMerge(src *api) error {
	have := a.byPath()
	for _, r := range src.resources {
		p := src.path(r)
		if r.parentID == "" || have[p] != nil {
			continue
		}
		if parent := have[src.path(src.resources[r.parentID])]; parent != nil {
			if err := a.checkPlacement(parent, r.pathPart, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

// byPath returns a's resources by path.
func (a *api) byPath() map[string]*resource {
	out := make(map[string]*resource, len(a.resources))
	for _, r := range a.resources {
		out[a.path(r)] = r
	}
	return out
}

// absorbByName merges src's validators and authorizers into dst by name,
// returning the dst id of each src id.
func (s *Service) absorbByName(dst, src *api) (validators, authorizers map[string]string) {
	validators, authorizers = map[string]string{}, map[string]string{}
	for id, v := range src.validators {
		nv := *v
		nv.ID = s.freeID(id, func(x string) bool { return dst.validators[x] != nil })
		for oid, old := range dst.validators {
			if old.Name == v.Name {
				nv.ID = oid
			}
		}
		dst.validators[nv.ID] = &nv
		validators[id] = nv.ID
	}
	for id, z := range src.authorizers {
		nz := cloneAuthorizer(*z)
		nz.ID = s.freeID(id, func(x string) bool { return dst.authorizers[x] != nil })
		for oid, old := range dst.authorizers {
			if old.Name == z.Name {
				nz.ID = oid
			}
		}
		dst.authorizersOf()[nz.ID] = &nz
		authorizers[id] = nz.ID
	}
	return validators, authorizers
}

// freeID returns id when taken says it is free, else a new six-character
// id that is.
func (s *Service) freeID(id string, taken func(string) bool) string {
	for taken(id) {
		id = s.newID(6)
	}
	return id
}

// absorbResources adds src's resources to dst by path, parents first, and
// puts src's methods on them, their authorizer, validator and cache
// namespace renamed to dst's.
func (s *Service) absorbResources(dst, src *api, validators, authorizers map[string]string) {
	have := dst.byPath()
	rs := make([]*resource, 0, len(src.resources))
	for _, r := range src.resources {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool {
		pi, pj := src.path(rs[i]), src.path(rs[j])
		if di, dj := strings.Count(pi, "/"), strings.Count(pj, "/"); di != dj {
			return di < dj
		}
		return pi < pj
	})
	for _, r := range rs {
		p := src.path(r)
		d := have[p]
		if d == nil {
			parent := have[src.path(src.resources[r.parentID])]
			d = &resource{id: r.id, parentID: parent.id, pathPart: r.pathPart, methods: map[string]*Method{}}
			for dst.resources[d.id] != nil {
				d.id = s.newID(10)
			}
			dst.resources[d.id] = d
			have[p] = d
		}
		for name, m := range r.methods {
			nm := cloneMethod(*m)
			if nm.AuthorizerID != "" {
				nm.AuthorizerID = authorizers[nm.AuthorizerID]
			}
			if nm.RequestValidatorID != "" {
				nm.RequestValidatorID = validators[nm.RequestValidatorID]
			}
			if i := nm.MethodIntegration; i != nil && i.CacheNamespace == r.id {
				i.CacheNamespace = d.id
			}
			d.methods[name] = &nm
		}
	}
}
