package stepfn

import (
	"context"

	"github.com/awsfake/awsfake/internal/protocol"
)

// The operations of features this fake does not model yet (activities,
// task tokens, Distributed Map runs, TestState: issue 19) answer what AWS
// answers an account that has none of them: no activity, no task token and
// no map run exists, so an activity or a map run named is not found, a
// token is invalid and a list is empty. CreateActivity and TestState,
// which would create or run something, are refused with a
// ValidationException naming the gap. Each still passes through enter
// (calls are recorded; InjectFault works).
var unsupportedAnswers = map[string]func(body map[string]any) (any, error){
	"CreateActivity": func(map[string]any) (any, error) {
		return nil, newError(codeValidation, "awsfake: activities are not supported yet")
	},
	"DeleteActivity":    func(map[string]any) (any, error) { return nil, nil },
	"DescribeActivity":  activityNotFound,
	"GetActivityTask":   activityNotFound,
	"ListActivities":    func(map[string]any) (any, error) { return map[string]any{"activities": []any{}}, nil },
	"SendTaskSuccess":   invalidTaskToken,
	"SendTaskFailure":   invalidTaskToken,
	"SendTaskHeartbeat": invalidTaskToken,
	"DescribeMapRun":    mapRunNotFound,
	"UpdateMapRun":      mapRunNotFound,
	"ListMapRuns":       func(map[string]any) (any, error) { return map[string]any{"mapRuns": []any{}}, nil },
	"TestState": func(map[string]any) (any, error) {
		return nil, newError(codeValidation, "awsfake: TestState is not supported yet")
	},
}

func activityNotFound(body map[string]any) (any, error) {
	return nil, newError(codeActivityDoesNotExist, "Activity Does Not Exist: '%s'", str(body["activityArn"]))
}

func invalidTaskToken(map[string]any) (any, error) {
	return nil, newError(codeInvalidToken, "Invalid Token: 'Invalid token'")
}

func mapRunNotFound(body map[string]any) (any, error) {
	return nil, newError(codeResourceNotFound, "Resource not found: '%s'", str(body["mapRunArn"]))
}

// unsupported binds the operation op of unsupportedAnswers.
func unsupported(op string) protocol.TargetOp[*Service] {
	return func(s *Service, ctx context.Context, body []byte) (any, error) {
		if _, err := s.enter(ctx, op); err != nil {
			return nil, err
		}
		var in map[string]any
		if err := protocol.UnmarshalJSON(body, &in); err != nil {
			return nil, err
		}
		return unsupportedAnswers[op](in)
	}
}
