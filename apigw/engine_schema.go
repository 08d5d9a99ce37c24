package apigw

import (
	"bytes"
	"errors"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Models are JSON Schema draft 4 documents, validated by
// github.com/santhosh-tekuri/jsonschema/v6 (draft 4 unless a model's
// $schema names another draft). A model names another model of its API
// by AWS's URL, https://apigateway.amazonaws.com/restapis/{api}/models/{name},
// which resolves to that model's schema; no other reference is loaded
// (nothing is read from a file or the network).

// modelBase is the start of the URL AWS gives a model in $ref (modelURL,
// openapi_build.go).
const modelBase = "https://apigateway.amazonaws.com/restapis/"

var (
	errNotSchema = errors.New("a schema is a JSON object")
	errNoLoad    = errors.New("only the API's models can be referenced")
)

// modelStub answers any model URL with the schema that accepts all, so that
// a model can be checked alone before the models it names exist (AWS
// resolves them when validating a request); any other URL is refused.
type modelStub struct{}

func (modelStub) Load(url string) (any, error) {
	if strings.HasPrefix(url, modelBase) && strings.Contains(url, "/models/") {
		return map[string]any{}, nil
	}
	return nil, errNoLoad
}

// noLoad refuses every URL that is not one of the compiled API's models.
type noLoad struct{}

func (noLoad) Load(string) (any, error) { return nil, errNoLoad }

func newCompiler(loader jsonschema.URLLoader) *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.UseLoader(loader)
	return c
}

// parseSchema reads a model's schema document: a JSON object.
func parseSchema(doc string) (any, error) {
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		return nil, err
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, errNotSchema
	}
	return v, nil
}

// checkSchema reports whether doc is a schema a model may hold: a JSON
// object that compiles, its references to models taken as given.
func checkSchema(doc string) error {
	v, err := parseSchema(doc)
	if err != nil {
		return err
	}
	const self = modelBase + "check/models/self"
	c := newCompiler(modelStub{})
	if err := c.AddResource(self, v); err != nil {
		return err
	}
	_, err = c.Compile(self)
	return err
}

// compileModels compiles the schemas of an API's models (name to schema
// document) together, each able to name the others by modelURL: what a
// deployment does once. A model whose schema does not compile (or names a
// model that is missing) is left out, and a body for it is not checked.
func compileModels(apiID string, docs map[string]string) map[string]*jsonschema.Schema {
	c := newCompiler(noLoad{})
	for name, doc := range docs {
		if v, err := parseSchema(doc); err == nil {
			_ = c.AddResource(modelURL(apiID, name), v)
		}
	}
	out := make(map[string]*jsonschema.Schema, len(docs))
	for name := range docs {
		if s, err := c.Compile(modelURL(apiID, name)); err == nil {
			out[name] = s
		}
	}
	return out
}

// validateBody checks a request body against a compiled schema: ok, else
// the schema errors, each "at '{JSON pointer}': {reason}" (the validator's
// words, sorted), for the execution log. A body that is not one JSON value
// fails.
func validateBody(s *jsonschema.Schema, body []byte) (bool, []string) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return false, []string{"invalid JSON: " + err.Error()}
	}
	err = s.Validate(v)
	if err == nil {
		return true, nil
	}
	// The error's text is a header line, then one "- at ..." line per
	// error, nested ones indented.
	lines := strings.Split(err.Error(), "\n")
	var out []string
	for _, l := range lines[1:] {
		if l = strings.TrimLeft(l, " -"); l != "" {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return false, out
}
