package stepfn

import (
	"context"

	"github.com/awsfake/awsfake/internal/protocol"
)

// The operations of a feature this fake does not model yet (Distributed
// Map runs) answer what AWS answers an account that has none of them: no
// map run exists, so a map run named is not found and a list is empty.
// Each still passes through enter (calls are recorded; InjectFault works).
var unsupportedAnswers = map[string]func(body map[string]any) (any, error){
	"DescribeMapRun": mapRunNotFound,
	"UpdateMapRun":   mapRunNotFound,
	"ListMapRuns":    func(map[string]any) (any, error) { return map[string]any{"mapRuns": []any{}}, nil },
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
