package stepfn

import "context"

// ValidateStateMachineDefinition validates a definition without creating
// anything: OK, or FAIL with each diagnostic (code, message, location).
func (s *Service) ValidateStateMachineDefinition(ctx context.Context, in ValidateStateMachineDefinitionInput) (ValidateStateMachineDefinitionOutput, error) {
	if _, err := s.enter(ctx, "ValidateStateMachineDefinition"); err != nil {
		return ValidateStateMachineDefinitionOutput{}, err
	}
	typ := in.Type
	if typ == "" {
		typ = typeStandard
	}
	if typ != typeStandard && typ != typeExpress {
		return ValidateStateMachineDefinitionOutput{}, validation(typ, "type", "Member must satisfy enum value set: [STANDARD, EXPRESS]")
	}
	_, diags := parseDefinition(in.Definition, typ == typeExpress)
	out := ValidateStateMachineDefinitionOutput{Result: "OK", Diagnostics: []Diagnostic{}}
	limit := in.MaxResults
	if limit <= 0 {
		limit = 100
	}
	for _, d := range diags {
		out.Result = "FAIL"
		if len(out.Diagnostics) == limit {
			out.Truncated = true
			break
		}
		out.Diagnostics = append(out.Diagnostics, Diagnostic{Severity: "ERROR", Code: d.code, Message: d.message, Location: d.location})
	}
	return out, nil
}
