package apigw

import (
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// snapshot is what a deployment serves: the API's resources and methods,
// its models and validators and binary media types as they were when it was
// created, compiled into a routing tree.
type snapshot struct {
	apiID, deploymentID string
	root                *node
	binaryMediaTypes    []string
	validators          map[string]RequestValidator
	models              map[string]Model
	// schemas are the models' schemas compiled once for the deployment
	// (engine_schema.go), by model name.
	schemas     map[string]*jsonschema.Schema
	gateway     map[string]GatewayResponse
	authorizers map[string]Authorizer // wire_authorize.go
	// templates are the deployment's mapping templates, parsed once (a
	// template that does not parse maps to its error).
	templates map[string]parsedTemplate
}

// node is one resource of a snapshot's routing tree. Routing costs the depth
// of the path, not the number of resources: each level is one map lookup
// for a literal part, then the one {param} child, then the one {proxy+}
// child.
type node struct {
	id, path  string
	methods   map[string]Method
	literal   map[string]*node
	param     *node // the {name} child
	greedy    *node // the {name+} child
	paramName string
}

// snapshot copies the API's current state for deployment id.
func (a *api) snapshot(id string) *snapshot {
	sn := &snapshot{apiID: a.ID, deploymentID: id, binaryMediaTypes: append([]string(nil), a.BinaryMediaTypes...),
		validators: map[string]RequestValidator{}, models: map[string]Model{}}
	for k, v := range a.validators {
		sn.validators[k] = *v
	}
	docs := make(map[string]string, len(a.models))
	for k, v := range a.models {
		sn.models[k] = *v
		if v.Schema != "" {
			docs[k] = v.Schema
		}
	}
	sn.schemas = compileModels(a.ID, docs)
	sn.authorizers = make(map[string]Authorizer, len(a.authorizers))
	for k, v := range a.authorizers {
		sn.authorizers[k] = cloneAuthorizer(*v)
	}
	sn.gateway = map[string]GatewayResponse{}
	for k, v := range a.gateway {
		sn.gateway[k] = cloneGatewayResponse(*v)
	}
	kids := map[string][]*resource{}
	for _, r := range a.resources {
		kids[r.parentID] = append(kids[r.parentID], r)
	}
	var build func(r *resource) *node
	build = func(r *resource) *node {
		n := &node{id: r.id, path: a.path(r), methods: make(map[string]Method, len(r.methods))}
		for k, m := range r.methods {
			n.methods[k] = cloneMethod(*m)
			sn.parseTemplates(m.MethodIntegration)
		}
		for _, c := range kids[r.id] {
			cn := build(c)
			switch p := c.pathPart; {
			case strings.HasSuffix(p, "+}"):
				cn.paramName = p[1 : len(p)-2]
				n.greedy = cn
			case strings.HasPrefix(p, "{"):
				cn.paramName = p[1 : len(p)-1]
				n.param = cn
			default:
				if n.literal == nil {
					n.literal = map[string]*node{}
				}
				n.literal[p] = cn
			}
		}
		return n
	}
	sn.root = build(a.resources[a.RootResourceID])
	return sn
}

// match finds the resource of a path (its segments, unescaped) and the path
// parameters: literal parts first, then {param}, then {proxy+}, backing out
// of a branch that does not reach the end of the path. A greedy variable
// takes at least one segment.
func (n *node) match(segs []string, params map[string]string) *node {
	if len(segs) == 0 {
		return n
	}
	if c := n.literal[segs[0]]; c != nil {
		if m := c.match(segs[1:], params); m != nil {
			return m
		}
	}
	if n.param != nil {
		if m := n.param.match(segs[1:], params); m != nil {
			params[n.param.paramName] = segs[0]
			return m
		}
	}
	if n.greedy != nil {
		params[n.greedy.paramName] = strings.Join(segs, "/")
		return n.greedy
	}
	return nil
}

// method returns the method of n for an HTTP method: the method itself, else
// ANY.
func (n *node) method(httpMethod string) (Method, bool) {
	if m, ok := n.methods[httpMethod]; ok {
		return m, true
	}
	m, ok := n.methods["ANY"]
	return m, ok
}
