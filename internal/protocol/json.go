package protocol

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/awsfake/awsfake/internal/awserr"
)

// JSON describes how a service speaks AWS JSON (awsJson1_0, awsJson1_1) or
// restJson1.
type JSON struct {
	// ContentType of responses: application/x-amz-json-1.0 or -1.1, or
	// application/json for restJson1.
	ContentType string
	// Namespace prefixes error shapes in __type (com.amazonaws.sqs), or is
	// empty to send the bare code.
	Namespace string
	// QueryCompatible services (SQS, CloudWatch) add x-amzn-query-error.
	QueryCompatible bool
}

// Decode reads a JSON request body into v. An empty body is the empty object.
// Malformed JSON or a member of the wrong type gives SerializationException.
func (JSON) Decode(r *http.Request, limit int64, v any) error {
	body, err := ReadBody(r, limit)
	if err != nil {
		return err
	}
	return UnmarshalJSON(body, v)
}

// UnmarshalJSON decodes body into v with the errors AWS gives for bad JSON.
func UnmarshalJSON(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Type != nil {
			return awserr.BadRequest("SerializationException",
				"Unable to parse the request: %s can not be converted to %s", te.Value, friendlyType(te.Type.String()))
		}
		return awserr.BadRequest("SerializationException", "Unable to parse the request: %v", err)
	}
	return nil
}

func friendlyType(t string) string {
	switch t {
	case "string", "*string":
		return "a String"
	case "int", "int32", "int64", "*int", "*int32", "*int64":
		return "an Integer"
	case "bool", "*bool":
		return "a Boolean"
	}
	return t
}

// Write sends v as a JSON response with the given status. A nil v sends {}.
func (p JSON) Write(w http.ResponseWriter, status int, v any) {
	var b []byte
	if v == nil {
		b = []byte("{}")
	} else {
		var err error
		if b, err = json.Marshal(v); err != nil {
			p.WriteError(w, nil, fmt.Errorf("encoding response: %w", err))
			return
		}
	}
	w.Header().Set("Content-Type", p.ContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// WriteError renders err as AWS renders errors in JSON protocols: the type in
// X-Amzn-ErrorType and __type (the shape id, com.amazonaws.sqs#QueueDoesNotExist,
// when the service has a Namespace, else the bare code), the message in
// message (and Message, which some shapes model), and, when the service is
// query-compatible, the legacy code and fault in x-amzn-query-error, as the
// SQS developer guide's error example shows ("x-amzn-query-error:
// AWS.SimpleQueueService.NonExistentQueue;Sender", __type
// "com.amazonaws.sqs#QueueDoesNotExist",
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-api-responses.html).
func (p JSON) WriteError(w http.ResponseWriter, r *http.Request, err error) {
	e := awserr.As(err)
	body := map[string]any{}
	for k, v := range e.Fields {
		body[k] = v
	}
	typ := e.Code
	if p.Namespace != "" {
		typ = p.Namespace + "#" + e.Code
	}
	body["__type"] = typ
	body["message"] = e.Message
	body["Message"] = e.Message
	b, _ := json.Marshal(body)
	h := w.Header()
	h.Set("Content-Type", p.ContentType)
	h.Set("X-Amzn-ErrorType", typ)
	if p.QueryCompatible {
		h.Set("x-amzn-query-error", e.LegacyCode()+";"+e.FaultName())
	}
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(e.Status)
	_, _ = w.Write(b)
}
