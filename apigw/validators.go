package apigw

import (
	"context"
	"encoding/json"
)

// ValidatorRef names a request validator.
type ValidatorRef struct{ RestAPIID, RequestValidatorID string }

// ModelRef names a model.
type ModelRef struct{ RestAPIID, ModelName string }

// GetModelsInput is GetModels' and GetRequestValidators' input.
type GetModelsInput struct {
	RestAPIID string
	PageInput
}

// UpdateRequestValidatorInput is UpdateRequestValidator's input.
type UpdateRequestValidatorInput struct {
	RestAPIID          string           `json:"-"`
	RequestValidatorID string           `json:"-"`
	PatchOperations    []PatchOperation `json:"patchOperations"`
}

// CreateRequestValidator creates a request validator.
func (s *Service) CreateRequestValidator(ctx context.Context, in CreateRequestValidatorInput) (RequestValidator, error) {
	sc, err := s.enter(ctx, "CreateRequestValidator")
	if err != nil {
		return RequestValidator{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		// Recorded: test_validators_crud_no_api answers 400, not 404.
		return RequestValidator{}, badRequest("Invalid REST API identifier specified")
	}
	v := &RequestValidator{ID: s.newID(6), Name: in.Name, ValidateRequestBody: in.ValidateRequestBody,
		ValidateRequestParameters: in.ValidateRequestParameters}
	a.validators[v.ID] = v
	return *v, nil
}

// GetRequestValidator returns a request validator.
func (s *Service) GetRequestValidator(ctx context.Context, in ValidatorRef) (RequestValidator, error) {
	a, unlock, err := s.enterAPI(ctx, "GetRequestValidator", in.RestAPIID)
	if err != nil {
		return RequestValidator{}, err
	}
	defer unlock()
	v := a.validators[in.RequestValidatorID]
	if v == nil {
		return RequestValidator{}, errValidatorNotFound()
	}
	return *v, nil
}

// GetRequestValidators lists an API's request validators by id.
func (s *Service) GetRequestValidators(ctx context.Context, in GetModelsInput) (Page[RequestValidator], error) {
	a, unlock, err := s.enterAPI(ctx, "GetRequestValidators", in.RestAPIID)
	if err != nil {
		return Page[RequestValidator]{}, err
	}
	defer unlock()
	return pageOf(a.validators, func(v *RequestValidator) RequestValidator { return *v },
		func(v RequestValidator) string { return v.ID }, in.PageInput)
}

// DeleteRequestValidator deletes a request validator.
func (s *Service) DeleteRequestValidator(ctx context.Context, in ValidatorRef) error {
	sc, err := s.enter(ctx, "DeleteRequestValidator")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return err
	}
	if a.validators[in.RequestValidatorID] == nil {
		return errValidatorNotFound()
	}
	delete(a.validators, in.RequestValidatorID)
	return nil
}

// UpdateRequestValidator applies replace /name, /validateRequestBody and
// /validateRequestParameters, with AWS's texts as recorded
// (test_invalid_update_request_validator_operations).
func (s *Service) UpdateRequestValidator(ctx context.Context, in UpdateRequestValidatorInput) (RequestValidator, error) {
	sc, err := s.enter(ctx, "UpdateRequestValidator")
	if err != nil {
		return RequestValidator{}, err
	}
	if err := checkPatch("updateRequestValidatorInput", in.PatchOperations); err != nil {
		return RequestValidator{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return RequestValidator{}, err
	}
	v := a.validators[in.RequestValidatorID]
	if v == nil {
		return RequestValidator{}, errValidatorNotFound()
	}
	next := *v
	for _, op := range in.PatchOperations {
		if op.Op != "replace" {
			return RequestValidator{}, errPatchPath(op)
		}
		switch op.Path {
		case "/name":
			if op.value() == "" {
				return RequestValidator{}, badRequest("Request Validator name cannot be blank")
			}
			next.Name = op.value()
		case "/validateRequestBody":
			next.ValidateRequestBody = op.value() == "true"
		case "/validateRequestParameters":
			next.ValidateRequestParameters = op.value() == "true"
		default:
			return RequestValidator{}, errPatchPath(op, "/name", "/validateRequestParameters", "/validateRequestBody")
		}
	}
	*v = next
	return next, nil
}

// CreateModel creates a model: a JSON Schema draft 4 document.
func (s *Service) CreateModel(ctx context.Context, in CreateModelInput) (Model, error) {
	sc, err := s.enter(ctx, "CreateModel")
	if err != nil {
		return Model{}, err
	}
	if in.Name == "" {
		return Model{}, badRequest("Model name must be non-empty")
	}
	if err := checkModelSchema(in.Schema); err != nil {
		return Model{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return Model{}, err
	}
	if a.models[in.Name] != nil {
		return Model{}, conflict("Model name already exists for this REST API")
	}
	m := &Model{ID: s.newID(6), Name: in.Name, Description: in.Description, Schema: in.Schema, ContentType: in.ContentType}
	a.models[in.Name] = m
	return *m, nil
}

// checkModelSchema answers a schema that is not JSON Schema draft 4, or
// an empty object, as recorded (test_model_validation,
// test_update_model: "update-model-empty-schema").
func checkModelSchema(schema string) error {
	if schema == "" {
		return nil
	}
	if err := checkSchema(schema); err != nil {
		return badRequest("Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]")
	}
	var doc map[string]any
	if json.Unmarshal([]byte(schema), &doc) == nil && len(doc) == 0 {
		return badRequest("Model schema must have at least 1 property or array items defined")
	}
	return nil
}

// GetModel returns a model.
func (s *Service) GetModel(ctx context.Context, in ModelRef) (Model, error) {
	a, unlock, err := s.enterAPI(ctx, "GetModel", in.RestAPIID)
	if err != nil {
		return Model{}, err
	}
	defer unlock()
	m := a.models[in.ModelName]
	if m == nil {
		return Model{}, errModelNotFound(in.ModelName)
	}
	return *m, nil
}

// GetModels lists an API's models by name.
func (s *Service) GetModels(ctx context.Context, in GetModelsInput) (Page[Model], error) {
	a, unlock, err := s.enterAPI(ctx, "GetModels", in.RestAPIID)
	if err != nil {
		return Page[Model]{}, err
	}
	defer unlock()
	return pageOf(a.models, func(m *Model) Model { return *m }, func(m Model) string { return m.Name }, in.PageInput)
}

// DeleteModel deletes a model no method request uses.
func (s *Service) DeleteModel(ctx context.Context, in ModelRef) error {
	sc, err := s.enter(ctx, "DeleteModel")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return err
	}
	if a.models[in.ModelName] == nil {
		return errModelNotFound(in.ModelName)
	}
	for _, r := range a.resources {
		for _, m := range r.methods {
			for _, name := range m.RequestModels {
				if name == in.ModelName {
					// Recorded: test_put_method_model.
					return conflict("Cannot delete model '%s', is referenced in method request: %s/%s",
						in.ModelName, a.path(r), m.HTTPMethod)
				}
			}
		}
	}
	delete(a.models, in.ModelName)
	return nil
}
