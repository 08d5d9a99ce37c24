package logs

import (
	"context"
	"slices"
	"strings"
)

// QueryDefinition is a saved query.
type QueryDefinition struct {
	LastModified      int64    `json:"lastModified"`
	LogGroupNames     []string `json:"logGroupNames,omitempty"`
	Name              string   `json:"name"`
	QueryDefinitionID string   `json:"queryDefinitionId"`
	QueryLanguage     string   `json:"queryLanguage"`
	QueryString       string   `json:"queryString"`
}

// PutQueryDefinitionInput is the input of PutQueryDefinition.
type PutQueryDefinitionInput struct {
	Name              string   `json:"name"`
	QueryString       string   `json:"queryString"`
	ClientToken       string   `json:"clientToken,omitempty"`
	LogGroupNames     []string `json:"logGroupNames,omitempty"`
	QueryDefinitionID string   `json:"queryDefinitionId,omitempty"`
	QueryLanguage     string   `json:"queryLanguage,omitempty"`
}

// PutQueryDefinitionOutput is the output of PutQueryDefinition.
type PutQueryDefinitionOutput struct {
	QueryDefinitionID string `json:"queryDefinitionId"`
}

// PutQueryDefinition saves a query, or replaces the one
// queryDefinitionId names. The query string is stored as given, not
// parsed, as AWS stores it.
func (s *Service) PutQueryDefinition(ctx context.Context, in PutQueryDefinitionInput) (PutQueryDefinitionOutput, error) {
	sc, err := s.enter(ctx, "PutQueryDefinition")
	if err != nil {
		return PutQueryDefinitionOutput{}, err
	}
	if err := checkLen("name", in.Name, 1, 255); err != nil {
		return PutQueryDefinitionOutput{}, err
	}
	if err := checkLen("queryString", in.QueryString, 1, maxQueryLen); err != nil {
		return PutQueryDefinitionOutput{}, err
	}
	lang := in.QueryLanguage
	if lang == "" {
		lang = "CWLI"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partFor(sc)
	if p.defs == nil {
		p.defs = map[string]*QueryDefinition{}
	}
	id := in.QueryDefinitionID
	if id != "" && p.defs[id] == nil {
		return PutQueryDefinitionOutput{}, notFound("Query definition does not exist.")
	}
	if id == "" {
		id = s.env.IDs.UUID()
	}
	p.defs[id] = &QueryDefinition{LastModified: s.nowMs(), LogGroupNames: slices.Clone(in.LogGroupNames), Name: in.Name,
		QueryDefinitionID: id, QueryLanguage: lang, QueryString: in.QueryString}
	return PutQueryDefinitionOutput{QueryDefinitionID: id}, nil
}

// DescribeQueryDefinitionsInput is the input of DescribeQueryDefinitions.
type DescribeQueryDefinitionsInput struct {
	MaxResults                *int32 `json:"maxResults,omitempty"`
	NextToken                 string `json:"nextToken,omitempty"`
	QueryDefinitionNamePrefix string `json:"queryDefinitionNamePrefix,omitempty"`
	QueryLanguage             string `json:"queryLanguage,omitempty"`
}

// DescribeQueryDefinitionsOutput is the output of DescribeQueryDefinitions.
type DescribeQueryDefinitionsOutput struct {
	NextToken        string            `json:"nextToken,omitempty"`
	QueryDefinitions []QueryDefinition `json:"queryDefinitions"`
}

// maxDescribeDefs is DescribeQueryDefinitions' largest page
// (api_op_DescribeQueryDefinitions.go: maxResults 1 to 1,000).
const maxDescribeDefs = 1000

// DescribeQueryDefinitions lists the saved queries by name, those whose
// name starts with the prefix given.
func (s *Service) DescribeQueryDefinitions(ctx context.Context, in DescribeQueryDefinitionsInput) (DescribeQueryDefinitionsOutput, error) {
	sc, err := s.enter(ctx, "DescribeQueryDefinitions")
	if err != nil {
		return DescribeQueryDefinitionsOutput{}, err
	}
	n, err := maxResultsOf(in.MaxResults, maxDescribeDefs)
	if err != nil {
		return DescribeQueryDefinitionsOutput{}, err
	}
	from, err := offsetToken(in.NextToken)
	if err != nil {
		return DescribeQueryDefinitionsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var all []QueryDefinition
	if p := s.part(sc); p != nil {
		for _, d := range p.defs {
			if strings.HasPrefix(d.Name, in.QueryDefinitionNamePrefix) && (in.QueryLanguage == "" || in.QueryLanguage == d.QueryLanguage) {
				c := *d
				c.LogGroupNames = slices.Clone(d.LogGroupNames)
				all = append(all, c)
			}
		}
	}
	slices.SortFunc(all, func(a, b QueryDefinition) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.QueryDefinitionID, b.QueryDefinitionID)
	})
	out := DescribeQueryDefinitionsOutput{}
	out.QueryDefinitions, out.NextToken = pageOf(all, from, n)
	return out, nil
}

// DeleteQueryDefinitionInput is the input of DeleteQueryDefinition.
type DeleteQueryDefinitionInput struct {
	QueryDefinitionID string `json:"queryDefinitionId"`
}

// DeleteQueryDefinitionOutput is the output of DeleteQueryDefinition.
type DeleteQueryDefinitionOutput struct {
	Success bool `json:"success"`
}

// DeleteQueryDefinition deletes a saved query; a missing one is
// ResourceNotFoundException.
func (s *Service) DeleteQueryDefinition(ctx context.Context, in DeleteQueryDefinitionInput) (DeleteQueryDefinitionOutput, error) {
	sc, err := s.enter(ctx, "DeleteQueryDefinition")
	if err != nil {
		return DeleteQueryDefinitionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	if p == nil || p.defs[in.QueryDefinitionID] == nil {
		return DeleteQueryDefinitionOutput{}, notFound("Query definition does not exist.")
	}
	delete(p.defs, in.QueryDefinitionID)
	return DeleteQueryDefinitionOutput{Success: true}, nil
}
