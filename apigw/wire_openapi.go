package apigw

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/awsfake/awsfake/internal/protocol"
)

// openapiRoutes binds ImportRestApi, PutRestApi and GetExport: the body is
// the document itself, the options are query members (failonwarnings,
// mode and the parameters map, each parameter its own member).
var openapiRoutes = []route{
	{Method: "POST", Path: "/restapis", Query: []string{"mode=import"}, Name: "ImportRestApi", Handler: importRestAPI},
	{Method: "PUT", Path: pAPI, Name: "PutRestApi", Handler: putRestAPI},
	{Method: "GET", Path: pAPI + "/stages/{stageName}/exports/{exportType}", Name: "GetExport", Handler: getExport},
}

// importParameters are the query members other than those named, as the
// SDK writes a Parameters map.
func importParameters(c *call, skip ...string) map[string]string {
	out := map[string]string{}
	for k, v := range c.query {
		if len(v) > 0 && !slices.Contains(skip, k) {
			out[k] = v[0]
		}
	}
	return out
}

// failOnWarnings reads the failonwarnings member.
func failOnWarnings(c *call) bool {
	b, _ := strconv.ParseBool(c.query.Get("failonwarnings"))
	return b
}

func importRestAPI(s *Service, c *call) error {
	body, err := protocol.ReadBody(c.r, requestLimit)
	if err != nil {
		return err
	}
	out, err := s.ImportRestApi(c.r.Context(), ImportRestApiInput{Body: body, FailOnWarnings: failOnWarnings(c),
		Parameters: importParameters(c, "mode", "failonwarnings")})
	if err != nil {
		return err
	}
	rest.Write(c.w, http.StatusCreated, out)
	return nil
}

func putRestAPI(s *Service, c *call) error {
	body, err := protocol.ReadBody(c.r, requestLimit)
	if err != nil {
		return err
	}
	out, err := s.PutRestApi(c.r.Context(), PutRestApiInput{RestAPIID: c.label("restApiId"), Body: body,
		Mode: c.query.Get("mode"), FailOnWarnings: failOnWarnings(c),
		Parameters: importParameters(c, "mode", "failonwarnings")})
	if err != nil {
		return err
	}
	rest.Write(c.w, http.StatusOK, out)
	return nil
}

func getExport(s *Service, c *call) error {
	in := GetExportInput{RestAPIID: c.label("restApiId"), StageName: c.label("stageName"),
		ExportType: c.label("exportType"), Accepts: c.r.Header.Get("Accept"), Parameters: importParameters(c)}
	out, err := s.GetExport(c.r.Context(), in)
	if err != nil {
		return err
	}
	c.w.Header().Set("Content-Type", out.ContentType)
	c.w.Header().Set("Content-Disposition", out.ContentDisposition)
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(out.Body)
	return nil
}
