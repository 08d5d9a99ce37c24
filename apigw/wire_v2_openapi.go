package apigw

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// The wire of HTTP APIs' OpenAPI import and export (openapi_v2*.go):
// ImportApi (PUT /v2/apis) and ReimportApi (PUT /v2/apis/{ApiId}) take
// {"body": document} with the query members basepath and failOnWarnings;
// ExportApi answers the document itself.

// importBody reads ImportApi's and ReimportApi's input.
func importBody(c *call) (*hImport, bool, error) {
	raw, err := bodyOf(c)
	if err != nil {
		return nil, false, err
	}
	var in struct {
		Body *string `json:"body"`
	}
	if err := json.Unmarshal(raw, &in); err != nil {
		return nil, false, badRequest("Invalid request body: %s", jsonProblem(err))
	}
	if in.Body == nil {
		return nil, false, badRequest("Body is required")
	}
	b, err := parseHTTPAPIDoc([]byte(*in.Body), c.query.Get("basepath"))
	if err != nil {
		return nil, false, err
	}
	fail, _ := strconv.ParseBool(c.query.Get("failOnWarnings"))
	return b, fail, nil
}

// importAPI is ImportApi.
func importAPI(s *Service, c *call) error {
	b, fail, err := importBody(c)
	if err != nil {
		return err
	}
	sc := s.scopeOf(c)
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.importHTTPAPILocked(sc, b, fail)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusCreated, hImported{hAPIDoc: a.doc, Warnings: b.warnings})
}

// reimportAPI is ReimportApi.
func reimportAPI(s *Service, c *call) error {
	b, fail, err := importBody(c)
	if err != nil {
		return err
	}
	return s.withAPI(c, func(a *hAPI) error {
		if err := s.reimportHTTPAPILocked(a, b, fail); err != nil {
			return err
		}
		return writeJSON(c, http.StatusCreated, hImported{hAPIDoc: a.doc, Warnings: b.warnings})
	})
}

// exportAPI is ExportApi; includeExtensions is true unless the query says
// false.
func exportAPI(s *Service, c *call) error {
	in := hExportInput{Specification: c.label("Specification"), OutputType: c.query.Get("outputType"),
		StageName: c.query.Get("stageName"), ExportVersion: c.query.Get("exportVersion"), IncludeExtensions: true}
	if raw := c.query.Get("includeExtensions"); raw != "" {
		v, err := strconv.ParseBool(raw)
		if err != nil {
			return badRequest("Invalid includeExtensions specified: %s", raw)
		}
		in.IncludeExtensions = v
	}
	if err := checkExportInput(in); err != nil {
		return err
	}
	return s.withAPI(c, func(a *hAPI) error {
		body, err := exportHTTPAPILocked(a, in)
		if err != nil {
			return err
		}
		c.w.Header().Set("Content-Type", "application/octet-stream")
		c.w.WriteHeader(http.StatusOK)
		_, _ = c.w.Write(body)
		return nil
	})
}
