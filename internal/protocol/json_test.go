package protocol_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

var sqsJSON = protocol.JSON{ContentType: "application/x-amz-json-1.0", Namespace: "com.amazonaws.sqs", QueryCompatible: true}

var errNoQueue = awserr.BadRequest("QueueDoesNotExist", "The specified queue does not exist.").
	WithQueryCode("AWS.SimpleQueueService.NonExistentQueue")

func TestJSONWriteError_QueryCompatibleShape(t *testing.T) {
	// The SQS developer guide's example: 400, x-amzn-query-error
	// "AWS.SimpleQueueService.NonExistentQueue;Sender", body
	// {"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}.
	w := httptest.NewRecorder()
	sqsJSON.WriteError(w, httptest.NewRequest("POST", "/", nil), errNoQueue)

	assert.Equal(t, 400, w.Code)
	assert.Equal(t, "application/x-amz-json-1.0", w.Header().Get("Content-Type"))
	assert.Equal(t, "com.amazonaws.sqs#QueueDoesNotExist", w.Header().Get("X-Amzn-ErrorType"), "the shape id, as __type")
	assert.Equal(t, "AWS.SimpleQueueService.NonExistentQueue;Sender", w.Header().Get("x-amzn-query-error"))
	var body map[string]string
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &body))
	assert.Equal(t, map[string]string{
		"__type":  "com.amazonaws.sqs#QueueDoesNotExist",
		"message": "The specified queue does not exist.",
		"Message": "The specified queue does not exist.",
	}, body)
	assert.Equal(t, w.Body.Len(), atoi(t, w.Header().Get("Content-Length")))
}

func TestJSONWriteError_PlainServiceShape(t *testing.T) {
	p := protocol.JSON{ContentType: "application/json"} // restJson1, no namespace
	w := httptest.NewRecorder()
	err := &awserr.Error{Code: "ResourceNotFoundException", Status: 404, Message: "Function not found",
		Fields: map[string]string{"Type": "User"}}
	p.WriteError(w, nil, err)

	assert.Equal(t, 404, w.Code)
	assert.Equal(t, "ResourceNotFoundException", w.Header().Get("X-Amzn-ErrorType"))
	assert.Empty(t, w.Header().Values("x-amzn-query-error"), "only query-compatible services send it")
	var body map[string]string
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &body))
	assert.Equal(t, "ResourceNotFoundException", body["__type"], "no namespace: the bare code")
	assert.Equal(t, "Function not found", body["message"])
	assert.Equal(t, "User", body["Type"], "extra fields ride along")
}

func TestJSONWriteError_ReceiverFaultAndUnknownErrors(t *testing.T) {
	w := httptest.NewRecorder()
	sqsJSON.WriteError(w, nil, errors.New("boom"))
	assert.Equal(t, 500, w.Code)
	assert.Equal(t, "com.amazonaws.sqs#InternalFailure", w.Header().Get("X-Amzn-ErrorType"))
	assert.Equal(t, "InternalFailure;Receiver", w.Header().Get("x-amzn-query-error"))
}

func TestJSONWrite_SendsBodyWithLength(t *testing.T) {
	w := httptest.NewRecorder()
	sqsJSON.Write(w, 200, map[string]string{"QueueUrl": "u"})
	assert.Equal(t, 200, w.Code)
	assert.JSONEq(t, `{"QueueUrl":"u"}`, w.Body.String())
	assert.Equal(t, "application/x-amz-json-1.0", w.Header().Get("Content-Type"))

	w = httptest.NewRecorder()
	sqsJSON.Write(w, 200, nil)
	assert.Equal(t, "{}", w.Body.String())

	w = httptest.NewRecorder()
	sqsJSON.Write(w, 200, map[string]any{"bad": make(chan int)}) // unencodable
	assert.Equal(t, 500, w.Code)
}

type sendInput struct {
	QueueUrl     string
	DelaySeconds *int32
	Attributes   map[string]string
	Flag         bool
}

func TestUnmarshalJSON(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		msg        string // "" means success
	}{
		{"empty body is the empty object", "", ""},
		{"whitespace is the empty object", " \n", ""},
		{"object", `{"QueueUrl":"u","DelaySeconds":3}`, ""},
		{"unknown keys and nulls are ignored", `{"Nope":1,"QueueUrl":null}`, ""},
		{"malformed", `{"QueueUrl":`, "Unable to parse the request"},
		{"not an object", `[1,2]`, "Unable to parse the request"},
		{"wrong type string", `{"QueueUrl":5}`, "number can not be converted to a String"},
		{"wrong type integer", `{"DelaySeconds":"x"}`, "string can not be converted to an Integer"},
		{"wrong type bool", `{"Flag":"yes"}`, "string can not be converted to a Boolean"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var in sendInput
			err := protocol.UnmarshalJSON([]byte(tc.body), &in)
			if tc.msg == "" {
				require.NoError(t, err)
				return
			}
			e := awserr.As(err)
			assert.Equal(t, "SerializationException", e.Code)
			assert.Equal(t, 400, e.Status)
			assert.Contains(t, e.Message, tc.msg)
		})
	}
}

func TestJSONDecode_ReadsTheBodyWithinLimit(t *testing.T) {
	var in sendInput
	r := httptest.NewRequest("POST", "/", strings.NewReader(`{"QueueUrl":"q"}`))
	require.NoError(t, sqsJSON.Decode(r, 1024, &in))
	assert.Equal(t, "q", in.QueueUrl)

	r = httptest.NewRequest("POST", "/", strings.NewReader(`{"QueueUrl":"q"}`))
	assert.True(t, awserr.Is(sqsJSON.Decode(r, 4, &in), "RequestEntityTooLarge"))
}

// TestJSONWriteError_RealSQSClientDecodesTypedError drives the real SQS client
// (awsJson1_0, query-compatible, schema-serde) against WriteError.
func TestJSONWriteError_RealSQSClientDecodesTypedError(t *testing.T) {
	for _, tc := range []struct {
		name     string
		err      *awserr.Error
		code     string
		fault    smithy.ErrorFault
		typedAs  func(error) bool
		maxTries int
	}{
		{"QueueDoesNotExist with its legacy code", errNoQueue, "AWS.SimpleQueueService.NonExistentQueue", smithy.FaultClient,
			func(err error) bool { var e *types.QueueDoesNotExist; return errors.As(err, &e) }, 1},
		{"a code without a legacy code", awserr.BadRequest("InvalidAddress", "bad url"), "InvalidAddress", smithy.FaultClient,
			func(err error) bool { var e *types.InvalidAddress; return errors.As(err, &e) }, 1},
		{"a receiver fault", &awserr.Error{Code: "InternalError", Status: 500, Receiver: true, Message: "x"}, "InternalError", smithy.FaultServer,
			func(error) bool { return true }, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var sawQueryMode string
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				sawQueryMode = r.Header.Get("X-Amzn-Query-Mode")
				sqsJSON.WriteError(w, r, tc.err)
			})
			client := sqs.New(sqs.Options{
				Region:           "us-east-1",
				BaseEndpoint:     aws.String("http://fake.test"),
				Credentials:      credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
				HTTPClient:       handlerClient(h),
				RetryMaxAttempts: tc.maxTries,
			})
			_, err := client.GetQueueUrl(context.Background(), &sqs.GetQueueUrlInput{QueueName: aws.String("q")})
			require.Error(t, err)
			assert.Equal(t, "true", sawQueryMode)
			assert.True(t, tc.typedAs(err), "typed error expected, got %T: %v", err, err)
			var ae smithy.APIError
			require.True(t, errors.As(err, &ae))
			assert.Equal(t, tc.code, ae.ErrorCode())
			assert.Equal(t, tc.err.Message, ae.ErrorMessage())
			assert.Equal(t, tc.fault, ae.ErrorFault())
		})
	}
}

// handlerClient is an http.Client that serves every request with h in memory.
func handlerClient(h http.Handler) *http.Client {
	return &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		resp := w.Result()
		resp.Request = r
		return resp, nil
	})}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
