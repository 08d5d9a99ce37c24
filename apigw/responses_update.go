package apigw

import (
	"context"
	"strings"
)

// UpdateResponseInput is UpdateMethodResponse's and
// UpdateIntegrationResponse's input.
type UpdateResponseInput struct {
	RestAPIID       string           `json:"-"`
	ResourceID      string           `json:"-"`
	HTTPMethod      string           `json:"-"`
	StatusCode      string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

func (in UpdateResponseInput) method() MethodRef {
	return MethodRef{in.RestAPIID, in.ResourceID, in.HTTPMethod}
}

// checkResponsePatch answers the ops outside the enum and an invalid
// status code in one ValidationException, the ops first, as recorded
// (test_update_method_response_negative_tests,
// "update-method-response-invalid-statuscode-and-wrong-op").
func checkResponsePatch(input string, in UpdateResponseInput) error {
	problems := patchProblems(input, in.PatchOperations)
	if p := statusCodeProblem(in.StatusCode); p != "" {
		problems = append(problems, p)
	}
	if problems != nil {
		return errValidation(problems...)
	}
	return nil
}

// errParamNotFound and errContentTypeNotFound are AWS's answers to replace
// or remove of an entry the response lacks (recorded:
// test_update_method_lack_response_parameters_and_models).
func errParamNotFound() error { return notFound("Invalid parameter name specified") }

func errContentTypeNotFound() error { return notFound("Content-Type specified was not found") }

// patchEntry applies op to the entry name of *m: add sets it to val,
// replace sets an entry that exists, remove deletes one; replace or remove
// of an absent entry is missing() as recorded
// (test_update_method_wrong_param_names).
func patchEntry[M ~map[string]V, V any](m *M, op PatchOperation, name string, val V, missing func() error) error {
	_, ok := (*m)[name]
	switch {
	case op.Op == "add":
		if *m == nil {
			*m = M{}
		}
		(*m)[name] = val
	case (op.Op == "replace" || op.Op == "remove") && !ok:
		return missing()
	case op.Op == "replace":
		(*m)[name] = val
	case op.Op == "remove":
		delete(*m, name)
		if len(*m) == 0 {
			*m = nil
		}
	default:
		return errPatchPath(op)
	}
	return nil
}

// UpdateMethodResponse answers 201 as AWS does (recorded:
// test_update_method_response) and applies add, replace or remove of
// /responseParameters/{name} and /responseModels/{content type, ~1 for /}.
func (s *Service) UpdateMethodResponse(ctx context.Context, in UpdateResponseInput) (MethodResponse, error) {
	sc, err := s.enter(ctx, "UpdateMethodResponse")
	if err != nil {
		return MethodResponse{}, err
	}
	if err := checkResponsePatch("updateMethodResponseInput", in); err != nil {
		return MethodResponse{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, in.method())
	if err != nil {
		return MethodResponse{}, err
	}
	mr, ok := m.MethodResponses[in.StatusCode]
	if !ok {
		return MethodResponse{}, errResponseNotFound()
	}
	next := cloneMethodResponse(mr)
	for _, op := range in.PatchOperations {
		if err := patchMethodResponse(&next, op); err != nil {
			return MethodResponse{}, err
		}
	}
	m.MethodResponses[in.StatusCode] = next
	return cloneMethodResponse(next), nil
}

func patchMethodResponse(mr *MethodResponse, op PatchOperation) error {
	if name, ok := strings.CutPrefix(op.Path, "/responseParameters/"); ok && name != "" {
		return patchEntry(&mr.ResponseParameters, op, name, op.value() == "true", errParamNotFound)
	}
	if ct, ok := strings.CutPrefix(op.Path, "/responseModels/"); ok && ct != "" {
		return patchEntry(&mr.ResponseModels, op, unescapePointer(ct), op.value(), errContentTypeNotFound)
	}
	// Recorded: "Invalid patch path /wrong/method.response.header.my-header".
	return badRequest("Invalid patch path %s", op.Path)
}

// UpdateIntegrationResponse applies add, replace or remove of
// /responseParameters/{name} and /responseTemplates/{content type}, and
// replace of /selectionPattern and /contentHandling. An absent entry
// answers as UpdateMethodResponse's do (the recorded rule of the method
// response, the integration response's twin).
func (s *Service) UpdateIntegrationResponse(ctx context.Context, in UpdateResponseInput) (IntegrationResponse, error) {
	sc, err := s.enter(ctx, "UpdateIntegrationResponse")
	if err != nil {
		return IntegrationResponse{}, err
	}
	if err := checkResponsePatch("updateIntegrationResponseInput", in); err != nil {
		return IntegrationResponse{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, m, err := s.methodLocked(sc, in.method())
	if err != nil {
		return IntegrationResponse{}, err
	}
	if m.MethodIntegration == nil {
		return IntegrationResponse{}, errIntegrationNotFound()
	}
	ir, ok := m.MethodIntegration.IntegrationResponses[in.StatusCode]
	if !ok {
		return IntegrationResponse{}, errResponseNotFound()
	}
	next := cloneIntegrationResponse(ir)
	for _, op := range in.PatchOperations {
		if err := patchIntegrationResponse(&next, op); err != nil {
			return IntegrationResponse{}, err
		}
	}
	if err := checkTemplateTypes(next.ResponseTemplates); err != nil {
		return IntegrationResponse{}, err
	}
	m.MethodIntegration.IntegrationResponses[in.StatusCode] = next
	return cloneIntegrationResponse(next), nil
}

func patchIntegrationResponse(ir *IntegrationResponse, op PatchOperation) error {
	v := op.value()
	if name, ok := strings.CutPrefix(op.Path, "/responseParameters/"); ok && name != "" {
		return patchEntry(&ir.ResponseParameters, op, name, v, errParamNotFound)
	}
	if ct, ok := strings.CutPrefix(op.Path, "/responseTemplates/"); ok && ct != "" {
		return patchEntry(&ir.ResponseTemplates, op, unescapePointer(ct), v, errContentTypeNotFound)
	}
	if op.Op != "replace" {
		return badRequest("Invalid patch path %s", op.Path)
	}
	switch op.Path {
	case "/selectionPattern":
		ir.SelectionPattern = v
	case "/contentHandling":
		switch v {
		case "", "CONVERT_TO_BINARY", "CONVERT_TO_TEXT":
		default:
			// The text API Gateway gives for the enum on HTTP APIs (httpapi_responses.go).
			return badRequest("Invalid content handling strategy specified: %s", v)
		}
		ir.ContentHandling = v
	default:
		return badRequest("Invalid patch path %s", op.Path)
	}
	return nil
}
