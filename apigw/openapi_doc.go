package apigw

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	yaml "go.yaml.in/yaml/v3"
)

// oaDoc is an OpenAPI document as ImportRestApi and PutRestApi read it:
// Swagger 2.0 is converted to OpenAPI 3.0 (openapi2conv keeps every x-
// extension), so that the rest of the import reads one shape. References
// are not resolved: a model is named by its $ref. Nothing here depends on
// the REST API engine, so HTTP APIs' ImportApi can read documents with it
// too.
type oaDoc struct {
	T        *openapi3.T
	Swagger  bool   // the input was Swagger 2.0
	BasePath string // Swagger's basePath, or the path of OpenAPI 3's first server URL
	// anyMethod is each path's x-amazon-apigateway-any-method operation.
	anyMethod map[string]*openapi3.Operation
}

// errInvalidOpenAPI is AWS's answer to a body that is not an OpenAPI
// document (recorded: test_import_api_bad_file, for JSON and YAML, for
// ImportRestApi and PutRestApi).
func errInvalidOpenAPI() error { return badRequest("Invalid OpenAPI input.") }

// parseOpenAPI reads a document in JSON or YAML: Swagger 2.0 or OpenAPI
// 3.0.x. Anything else, or anything it cannot read, is "Invalid OpenAPI
// input.". The parsers are third-party code fed with the caller's bytes:
// a panic in them is that same answer, never a 5xx.
func parseOpenAPI(body []byte) (doc *oaDoc, err error) {
	defer func() {
		if recover() != nil {
			doc, err = nil, errInvalidOpenAPI()
		}
	}()
	data, err := documentJSON(body)
	if err != nil {
		return nil, errInvalidOpenAPI()
	}
	data = numericVersion(data)
	var head struct {
		Swagger any `json:"swagger"`
		OpenAPI any `json:"openapi"`
	}
	if json.Unmarshal(data, &head) != nil {
		return nil, errInvalidOpenAPI()
	}
	switch {
	case fmt.Sprint(head.Swagger) == "2.0":
		doc, err = parseSwagger(data)
	case strings.HasPrefix(fmt.Sprint(head.OpenAPI), "3.0"):
		doc, err = parseOAS3(data)
	default:
		return nil, errInvalidOpenAPI()
	}
	if err != nil || doc.T.Info == nil {
		return nil, errInvalidOpenAPI()
	}
	if doc.T.Paths == nil {
		doc.T.Paths = openapi3.NewPaths()
	}
	return doc, nil
}

// documentJSON returns the document as JSON: a body that starts with { is
// JSON already, anything else is read as YAML, whose mapping keys (a
// status code written 200) become strings.
func documentJSON(body []byte) ([]byte, error) {
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '{' {
		if !json.Valid(body) {
			return nil, fmt.Errorf("invalid JSON")
		}
		return body, nil
	}
	var v any
	if err := yaml.Unmarshal(body, &v); err != nil {
		return nil, err
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, fmt.Errorf("not a mapping")
	}
	return json.Marshal(jsonValue(v, 0))
}

// numericVersion writes a number given as info.version as its text: AWS
// reads "version": 1 as "1" (recorded in
// test_import_and_validate_rest_api[openapi.spec.tf.json]), which
// kin-openapi's string field would refuse.
func numericVersion(data []byte) []byte {
	var doc map[string]json.RawMessage
	if json.Unmarshal(data, &doc) != nil {
		return data
	}
	var info map[string]json.RawMessage
	if json.Unmarshal(doc["info"], &info) != nil {
		return data
	}
	var n json.Number
	if json.Unmarshal(info["version"], &n) != nil {
		return data
	}
	info["version"], _ = json.Marshal(n.String())
	doc["info"], _ = json.Marshal(info)
	out, err := json.Marshal(doc)
	if err != nil {
		return data
	}
	return out
}

// maxYAMLDepth bounds the nesting jsonValue follows; deeper values (only a
// hostile document has them) are cut off.
const maxYAMLDepth = 200

// jsonValue turns what yaml.v3 decodes into what encoding/json encodes:
// mappings with any keys become objects keyed by the keys' text.
func jsonValue(v any, depth int) any {
	if depth > maxYAMLDepth {
		return nil
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = jsonValue(e, depth+1)
		}
		return x
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(k)] = jsonValue(e, depth+1)
		}
		return out
	case []any:
		for i, e := range x {
			x[i] = jsonValue(e, depth+1)
		}
		return x
	}
	return v
}

// parseSwagger reads Swagger 2.0 and converts it to OpenAPI 3.0.
func parseSwagger(data []byte) (*oaDoc, error) {
	var d2 openapi2.T
	if err := json.Unmarshal(data, &d2); err != nil {
		return nil, err
	}
	t, err := openapi2conv.ToV3(&d2)
	if err != nil {
		return nil, err
	}
	doc := &oaDoc{T: t, Swagger: true, BasePath: d2.BasePath, anyMethod: map[string]*openapi3.Operation{}}
	for p, item := range d2.Paths {
		raw, ok := item.Extensions[extAnyMethod]
		if !ok {
			continue
		}
		var op openapi2.Operation
		if err := remarshal(raw, &op); err != nil {
			return nil, err
		}
		op3, err := openapi2conv.ToV3Operation(t.Components, item, &op, d2.Consumes)
		if err != nil {
			return nil, err
		}
		doc.anyMethod[p] = op3
	}
	return doc, nil
}

// parseOAS3 reads OpenAPI 3.0.
func parseOAS3(data []byte) (*oaDoc, error) {
	var t openapi3.T
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, err
	}
	doc := &oaDoc{T: &t, anyMethod: map[string]*openapi3.Operation{}}
	if len(t.Servers) > 0 && t.Servers[0] != nil {
		doc.BasePath = serverPath(t.Servers[0])
	}
	if t.Paths != nil {
		for p, item := range t.Paths.Map() {
			raw, ok := item.Extensions[extAnyMethod]
			if !ok {
				continue
			}
			var op openapi3.Operation
			if err := remarshal(raw, &op); err != nil {
				return nil, err
			}
			doc.anyMethod[p] = &op
		}
	}
	return doc, nil
}

// serverPath is the base path a server names: its basePath variable's
// default when it has one ("If the API contains only one basePath
// variable, the Import API feature uses it as the base path, even if it's
// not referenced in the server.url", test_import_rest_api_with_base_path_oas30),
// else the path of its URL.
func serverPath(s *openapi3.Server) string {
	if v := s.Variables["basePath"]; v != nil {
		return "/" + strings.Trim(v.Default, "/")
	}
	u := s.URL
	for name, v := range s.Variables {
		if v != nil {
			u = strings.ReplaceAll(u, "{"+name+"}", v.Default)
		}
	}
	parsed, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return parsed.Path
}

// remarshal decodes v (a value decoded from JSON, such as an extension's)
// into out.
func remarshal(v, out any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

// docOperation is one operation of a document: its path, its method (ANY
// for x-amazon-apigateway-any-method) and the operation.
type docOperation struct {
	Path, Method string
	Op           *openapi3.Operation
	Item         *openapi3.PathItem
}

// operations returns the document's operations in path then method order.
func (d *oaDoc) operations() []docOperation {
	var out []docOperation
	paths := d.T.Paths.Map()
	keys := make([]string, 0, len(paths))
	for p := range paths {
		keys = append(keys, p)
	}
	sort.Strings(keys)
	for _, p := range keys {
		item := paths[p]
		if item == nil {
			continue
		}
		ops := item.Operations()
		methods := make([]string, 0, len(ops))
		for m := range ops {
			methods = append(methods, m)
		}
		sort.Strings(methods)
		for _, m := range methods {
			if ops[m] != nil {
				out = append(out, docOperation{Path: p, Method: m, Op: ops[m], Item: item})
			}
		}
		if op := d.anyMethod[p]; op != nil {
			out = append(out, docOperation{Path: p, Method: "ANY", Op: op, Item: item})
		}
	}
	return out
}

// schemaRefName is the name of the component a $ref names
// (#/components/schemas/Pet, #/definitions/Pet), "" for another kind of
// reference.
func schemaRefName(ref string) string {
	for _, prefix := range []string{"#/components/schemas/", "#/definitions/"} {
		if name, ok := strings.CutPrefix(ref, prefix); ok {
			return name
		}
	}
	return ""
}
