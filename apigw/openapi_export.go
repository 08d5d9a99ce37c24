package apigw

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	yaml "go.yaml.in/yaml/v3"
)

// GetExportInput is GetExport's input: ExportType is oas30 or swagger,
// Accepts application/json (the default) or application/yaml, and the
// parameter extensions a comma-separated list of integrations (the
// x-amazon-apigateway-integration of each method), authorizers (the
// x-amazon-apigateway-authorizer of each security scheme), apigateway
// (every extension) and postman (accepted; the fake writes no Postman
// extensions).
type GetExportInput struct {
	RestAPIID, StageName, ExportType, Accepts string
	Parameters                                map[string]string
}

// GetExportOutput is the exported document.
type GetExportOutput struct {
	Body                            []byte
	ContentType, ContentDisposition string
}

// exportOptions are the extensions an export writes.
type exportOptions struct{ integrations, authorizers, apigateway bool }

// GetExport exports the deployment a stage serves as an OpenAPI 3.0.1
// (oas30) or Swagger 2.0 (swagger) document in JSON or YAML: the server is
// the stage's invoke URL, the paths the deployed resources and methods,
// the schemas the models, the security schemes the authorizers, an API key
// (api_key) and AWS_IAM (sigv4).
func (s *Service) GetExport(ctx context.Context, in GetExportInput) (GetExportOutput, error) {
	sc, err := s.enter(ctx, "GetExport")
	if err != nil {
		return GetExportOutput{}, err
	}
	if in.ExportType != "oas30" && in.ExportType != "swagger" {
		return GetExportOutput{}, badRequest("No API exporter for type '%s'", in.ExportType)
	}
	ct, ok := acceptedExport(in.Accepts)
	if !ok {
		return GetExportOutput{}, badRequest("Unsupported Accept type: %s. Valid values are: [application/json, application/yaml]", in.Accepts)
	}
	var opts exportOptions
	for _, e := range strings.Split(in.Parameters["extensions"], ",") {
		switch strings.TrimSpace(e) {
		case "integrations":
			opts.integrations = true
		case "authorizers":
			opts.authorizers = true
		case "apigateway":
			opts = exportOptions{true, true, true}
		}
	}
	s.mu.Lock()
	x, err := s.exportLocked(sc, in, opts)
	s.mu.Unlock()
	if err != nil {
		return GetExportOutput{}, err
	}
	body, err := x.encode(in.ExportType, ct == "application/yaml")
	if err != nil {
		return GetExportOutput{}, err
	}
	ext := ".json"
	if ct == "application/yaml" {
		ext = ".yaml"
	}
	// Recorded (test_export_oas30_openapi[TEST_IMPORT_PETS]): the body
	// comes as application/octet-stream, named for the type and the
	// document's version: attachment; filename="oas30_1.0.0.json".
	return GetExportOutput{Body: body, ContentType: "application/octet-stream",
		ContentDisposition: `attachment; filename="` + in.ExportType + "_" + x.t.Info.Version + ext + `"`}, nil
}

// acceptedExport is the media type of an export for an Accept header:
// application/yaml when asked for, else application/json (the default;
// */* and none are JSON).
func acceptedExport(accept string) (string, bool) {
	for _, part := range strings.Split(accept, ",") {
		mt := strings.TrimSpace(strings.SplitN(part, ";", 2)[0])
		switch mt {
		case "application/yaml":
			return mt, true
		case "application/json", "*/*", "":
			return "application/json", true
		}
	}
	return "", false
}

// exported is a document being exported and where it is served.
type exported struct {
	t                 *openapi3.T
	anyMethods        map[string]*openapi3.Operation
	media             map[string][2][]string // Swagger's consumes and produces by "path METHOD"
	host, stage       string
	usedAPIKey, sigv4 bool
}

// exportLocked builds the document of the stage's deployment.
func (s *Service) exportLocked(sc faults.Scope, in GetExportInput, opts exportOptions) (*exported, error) {
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return nil, err
	}
	st := a.stages[in.StageName]
	if st == nil {
		return nil, errStageNotFound()
	}
	d := a.deployments[st.DeploymentID]
	if d == nil || d.snap == nil {
		return nil, errDeploymentNotFound()
	}
	version := a.Version
	if version == "" {
		version = time.Time(d.CreatedDate).UTC().Format(time.RFC3339)
	}
	x := &exported{anyMethods: map[string]*openapi3.Operation{}, media: map[string][2][]string{}, stage: in.StageName,
		host: a.ID + ".execute-api." + a.scope.Region + ".amazonaws.com"}
	x.t = &openapi3.T{OpenAPI: "3.0.1", Info: &openapi3.Info{Title: a.Name, Description: a.Description, Version: version},
		Paths: openapi3.NewPaths(), Components: &openapi3.Components{}, Extensions: map[string]any{}}
	x.t.Servers = openapi3.Servers{{URL: "https://" + x.host + "/{basePath}",
		Variables: map[string]*openapi3.ServerVariable{"basePath": {Default: in.StageName}}}}
	sn := d.snap
	names := exportNames{authorizers: map[string]string{}, validators: map[string]string{}}
	for id, z := range sn.authorizers {
		names.authorizers[id] = z.Name
	}
	for id, v := range sn.validators {
		names.validators[id] = v.Name
	}
	x.addNode(sn.root, names, opts)
	x.addComponents(a, sn, opts)
	return x, nil
}

// encode writes the document: OpenAPI 3 as built, Swagger through
// openapi2conv with the stage's host and base path.
func (x *exported) encode(exportType string, asYAML bool) ([]byte, error) {
	var doc any = x.t
	for p, op := range x.anyMethods {
		x.t.Paths.Value(p).Extensions[extAnyMethod] = op
	}
	if exportType == "swagger" {
		d2, err := x.swagger()
		if err != nil {
			return nil, err
		}
		doc = d2
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	var v any
	if err := json.Unmarshal(out, &v); err != nil {
		return nil, err
	}
	if exportType == "oas30" {
		emptyContent(v)
	} else {
		swaggerParameters(v)
	}
	if asYAML {
		return yaml.Marshal(v)
	}
	return json.MarshalIndent(v, "", "  ")
}

// swagger converts the document to Swagger 2.0: openapi2conv, with the
// stage's host and base path, the body parameter named for its model, and
// each operation's consumes and produces.
func (x *exported) swagger() (*openapi2.T, error) {
	for _, item := range x.t.Paths.Map() {
		for _, op := range item.Operations() {
			bodyName(op)
		}
	}
	for _, op := range x.anyMethods {
		bodyName(op)
	}
	d2, err := openapi2conv.FromV3(x.t)
	if err != nil {
		return nil, err
	}
	d2.Host, d2.BasePath, d2.Schemes = x.host, "/"+x.stage, []string{"https"}
	for p, op := range x.anyMethods {
		op2, err := openapi2conv.FromV3Operation(x.t, op)
		if err != nil {
			return nil, err
		}
		op2.Consumes, op2.Produces = x.media[p+" ANY"][0], x.media[p+" ANY"][1]
		d2.Paths[p].Extensions[extAnyMethod] = op2
	}
	for p, item := range d2.Paths {
		for method, op := range item.Operations() {
			op.Consumes, op.Produces = x.media[p+" "+method][0], x.media[p+" "+method][1]
		}
	}
	return d2, nil
}

// bodyName names an operation's body parameter for its model, as AWS's
// Swagger exports do ("name": "NewPet"), through the extension
// openapi2conv reads.
func bodyName(op *openapi3.Operation) {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return
	}
	for _, ct := range sortedKeys(op.RequestBody.Value.Content) {
		if mt := op.RequestBody.Value.Content[ct]; mt.Schema != nil && schemaRefName(mt.Schema.Ref) != "" {
			if op.RequestBody.Value.Extensions == nil {
				op.RequestBody.Value.Extensions = map[string]any{}
			}
			op.RequestBody.Value.Extensions["x-originalParamName"] = schemaRefName(mt.Schema.Ref)
			return
		}
	}
}

// swaggerParameters writes "required": false on the Swagger parameters
// that are not required, as AWS does, and drops the extension bodyName
// set.
func swaggerParameters(doc any) {
	paths, _ := doc.(map[string]any)["paths"].(map[string]any)
	for _, item := range paths {
		item, _ := item.(map[string]any)
		for _, op := range item {
			op, _ := op.(map[string]any)
			params, _ := op["parameters"].([]any)
			for _, p := range params {
				if p, ok := p.(map[string]any); ok {
					delete(p, "x-originalParamName")
					if p["required"] == nil {
						p["required"] = false
					}
				}
			}
		}
	}
}

// emptyContent gives every response of an OpenAPI 3 document without
// content an empty one, as AWS writes it (recorded in
// test_export_oas30_openapi: "content": {}); kin-openapi leaves it out.
func emptyContent(doc any) {
	paths, _ := doc.(map[string]any)["paths"].(map[string]any)
	for _, item := range paths {
		item, _ := item.(map[string]any)
		for _, op := range item {
			op, _ := op.(map[string]any)
			responses, _ := op["responses"].(map[string]any)
			for _, r := range responses {
				if r, ok := r.(map[string]any); ok && r["content"] == nil {
					r["content"] = map[string]any{}
				}
			}
		}
	}
}
