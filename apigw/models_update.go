package apigw

import (
	"context"
	"encoding/json"
)

// UpdateModelInput is UpdateModel's input.
type UpdateModelInput struct {
	RestAPIID       string           `json:"-"`
	ModelName       string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// ModelTemplate is GetModelTemplate's output.
type ModelTemplate struct {
	Value string `json:"value"`
}

// UpdateModel applies replace /description and /schema, the schema held to
// CreateModel's rules, with AWS's texts as recorded
// (test_apigateway_api.py::TestApiGatewayApiModels::test_update_model).
func (s *Service) UpdateModel(ctx context.Context, in UpdateModelInput) (Model, error) {
	sc, err := s.enter(ctx, "UpdateModel")
	if err != nil {
		return Model{}, err
	}
	if err := checkPatch("updateModelInput", in.PatchOperations); err != nil {
		return Model{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return Model{}, err
	}
	m := a.models[in.ModelName]
	if m == nil {
		return Model{}, errModelNotFound(in.ModelName)
	}
	next := *m
	for _, op := range in.PatchOperations {
		if op.Op != "replace" {
			return Model{}, errPatchPath(op)
		}
		switch op.Path {
		case "/description":
			next.Description = op.value()
		case "/schema":
			if err := checkModelSchema(op.value()); err != nil {
				return Model{}, err
			}
			next.Schema = op.value()
		default:
			return Model{}, errPatchPath(op, "/description", "/schema")
		}
	}
	*m = next
	return next, nil
}

// GetModelTemplate returns the mapping template AWS generates from a
// model's schema (modelTemplate).
func (s *Service) GetModelTemplate(ctx context.Context, in ModelRef) (ModelTemplate, error) {
	a, unlock, err := s.enterAPI(ctx, "GetModelTemplate", in.RestAPIID)
	if err != nil {
		return ModelTemplate{}, err
	}
	defer unlock()
	m := a.models[in.ModelName]
	if m == nil {
		return ModelTemplate{}, errModelNotFound(in.ModelName)
	}
	var schema any
	if m.Schema != "" {
		if err := json.Unmarshal([]byte(m.Schema), &schema); err != nil {
			return ModelTemplate{}, badRequest("Invalid model schema specified")
		}
	}
	return ModelTemplate{Value: modelTemplate(schema)}, nil
}
