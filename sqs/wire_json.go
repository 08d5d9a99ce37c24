package sqs

import (
	"context"
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// jsonHandler decodes a JSON request body, calls the Go API and returns what
// to encode; nil encodes as {}.
type jsonHandler func(s *Service, r *http.Request, body []byte) (any, error)

// jsonCall binds an operation with output. The Go API's input and output
// structs carry the JSON member names of the SQS model.
func jsonCall[I, O any](call func(*Service, context.Context, I) (O, error)) jsonHandler {
	return func(s *Service, r *http.Request, body []byte) (any, error) {
		var in I
		if err := protocol.UnmarshalJSON(body, &in); err != nil {
			return nil, err
		}
		return call(s, r.Context(), in)
	}
}

// jsonDo binds an operation without output.
func jsonDo[I any](call func(*Service, context.Context, I) error) jsonHandler {
	return func(s *Service, r *http.Request, body []byte) (any, error) {
		var in I
		if err := protocol.UnmarshalJSON(body, &in); err != nil {
			return nil, err
		}
		return nil, call(s, r.Context(), in)
	}
}

var jsonOps = map[string]jsonHandler{
	"AddPermission":                jsonDo((*Service).AddPermission),
	"CancelMessageMoveTask":        jsonCall((*Service).CancelMessageMoveTask),
	"ChangeMessageVisibility":      jsonDo((*Service).ChangeMessageVisibility),
	"ChangeMessageVisibilityBatch": jsonCall((*Service).ChangeMessageVisibilityBatch),
	"CreateQueue":                  jsonCall((*Service).CreateQueue),
	"DeleteMessage":                jsonDo((*Service).DeleteMessage),
	"DeleteMessageBatch":           jsonCall((*Service).DeleteMessageBatch),
	"DeleteQueue":                  jsonDo((*Service).DeleteQueue),
	"GetQueueAttributes":           jsonCall((*Service).GetQueueAttributes),
	"GetQueueUrl":                  jsonCall((*Service).GetQueueUrl),
	"ListDeadLetterSourceQueues":   jsonCall((*Service).ListDeadLetterSourceQueues),
	"ListMessageMoveTasks":         jsonCall((*Service).ListMessageMoveTasks),
	"ListQueueTags":                jsonCall((*Service).ListQueueTags),
	"ListQueues":                   jsonCall((*Service).ListQueues),
	"PurgeQueue":                   jsonDo((*Service).PurgeQueue),
	"ReceiveMessage":               jsonCall((*Service).ReceiveMessage),
	"RemovePermission":             jsonDo((*Service).RemovePermission),
	"SendMessage":                  jsonCall((*Service).SendMessage),
	"SendMessageBatch":             jsonCall((*Service).SendMessageBatch),
	"SetQueueAttributes":           jsonDo((*Service).SetQueueAttributes),
	"StartMessageMoveTask":         jsonCall((*Service).StartMessageMoveTask),
	"TagQueue":                     jsonDo((*Service).TagQueue),
	"UntagQueue":                   jsonDo((*Service).UntagQueue),
}
