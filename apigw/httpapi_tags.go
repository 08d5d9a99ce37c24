package apigw

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/tags"
)

// hTaggedLocked returns the tags of the v2 API or stage an ARN names
// (arn:aws:apigateway:{region}::/apis/{id}[/stages/{name}]).
func (s *Service) hTaggedLocked(c *call) (*map[string]string, func(map[string]string), error) {
	raw, _ := url.PathUnescape(c.label("ResourceArn"))
	a, err := arn.Parse(raw)
	if err != nil || a.Service != arnService {
		return nil, nil, badRequest("Invalid ARN specified: %s", raw)
	}
	parts := strings.Split(strings.TrimPrefix(a.Resource, "/"), "/")
	if len(parts) < 2 || parts[0] != "apis" {
		return nil, nil, notFound("Invalid resource identifier specified")
	}
	sc := s.scopeOf(c)
	sc.Region = a.Region
	api, err := s.hAPILocked(sc, parts[1])
	if err != nil {
		return nil, nil, err
	}
	switch {
	case len(parts) == 2:
		return &api.doc.Tags, func(m map[string]string) { api.doc.Tags = m }, nil
	case len(parts) == 4 && parts[2] == "stages":
		st, ok := api.stages[parts[3]]
		if !ok {
			return nil, nil, errHTTPStageNotFound(parts[3])
		}
		return &st.Tags, func(m map[string]string) { st.Tags = m; api.stages[parts[3]] = st }, nil
	}
	return nil, nil, notFound("Invalid resource identifier specified")
}

func hGetTags(s *Service, c *call) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, _, err := s.hTaggedLocked(c)
	if err != nil {
		return err
	}
	out := *m
	if out == nil {
		out = map[string]string{}
	}
	return writeJSON(c, http.StatusOK, map[string]any{"tags": out})
}

func hTagResource(s *Service, c *call) error {
	body, err := bodyOf(c)
	if err != nil {
		return err
	}
	var in struct {
		Tags map[string]string `json:"tags"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return badRequest("Invalid request body: %s", jsonProblem(err))
	}
	list := tags.FromMap(in.Tags)
	if err := tagRules.Check(list); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, set, err := s.hTaggedLocked(c)
	if err != nil {
		return err
	}
	if err := tagRules.CheckMerged(*m, list); err != nil {
		return err
	}
	next := map[string]string{}
	for k, v := range *m {
		next[k] = v
	}
	for k, v := range in.Tags {
		next[k] = v
	}
	set(next)
	c.w.WriteHeader(http.StatusCreated)
	return nil
}

func hUntagResource(s *Service, c *call) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, set, err := s.hTaggedLocked(c)
	if err != nil {
		return err
	}
	next := map[string]string{}
	for k, v := range *m {
		next[k] = v
	}
	for _, k := range c.query["tagKeys"] {
		delete(next, k)
	}
	set(next)
	c.w.WriteHeader(http.StatusNoContent)
	return nil
}
