package lambda_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

// jsonString is a JSON string document of exactly n bytes.
func jsonString(n int) []byte {
	return append(append([]byte(`"`), bytes.Repeat([]byte("x"), n-2)...), '"')
}

// requireTooLarge asserts AWS's answer to a request over its size limit:
// RequestEntityTooLargeException, 413, with the message given. The code is
// not in the Lambda model, so the SDK returns it as a generic API error.
func requireTooLarge(t *testing.T, err error, msg string) {
	t.Helper()
	ae := requireCode(t, err, "RequestEntityTooLargeException")
	assert.Equal(t, msg, ae.ErrorMessage())
	var re interface{ HTTPStatusCode() int }
	if assert.ErrorAs(t, err, &re) {
		assert.Equal(t, http.StatusRequestEntityTooLarge, re.HTTPStatusCode())
	}
}

// Invoke's payload quotas ("Lambda quotas": 6 MB request for synchronous
// invocations, 1 MB for asynchronous ones; the SDK's Invoke documentation:
// "For synchronous invocations, the maximum payload size is 6 MB. For
// asynchronous invocations, the maximum payload size is 1 MB."). Real Lambda
// answers an oversized payload with RequestEntityTooLargeException (413) and
// these messages.
func TestInvoke_PayloadLimitsAsAWSAnswersThem(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() error { return nil })
	e.createFunction(t, "fn", "h")
	invoke := func(kind types.InvocationType, n int) error {
		_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn"), InvocationType: kind, Payload: jsonString(n)})
		return err
	}
	require.NoError(t, invoke(types.InvocationTypeRequestResponse, 6291456), "exactly 6 MB")
	requireTooLarge(t, invoke(types.InvocationTypeRequestResponse, 6291457),
		"Request must be smaller than 6291456 bytes for the InvokeFunction operation")
	require.NoError(t, invoke(types.InvocationTypeEvent, 1048576), "exactly 1 MB")
	requireTooLarge(t, invoke(types.InvocationTypeEvent, 1048577),
		"1048577 byte payload is too large for the Event invocation type (limit 1048576 bytes)")
	e.settle(t)
	e.cloud.Lambda().CheckInvoked(t, "fn", 2) // only the payloads within the limits ran
}

// InvokeAsync keeps the former asynchronous quota: "The payload limit is
// 256KB. For larger payloads, for up to 1MB, use Invoke."
func TestInvokeAsync_PayloadLimitIs256KB(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() error { return nil })
	e.createFunction(t, "fn", "h")
	invokeAsync := func(n int) error {
		_, err := e.client.InvokeAsync(e.ctx, &sdk.InvokeAsyncInput{FunctionName: aws.String("fn"), InvokeArgs: bytes.NewReader(jsonString(n))})
		return err
	}
	require.NoError(t, invokeAsync(262144))
	requireTooLarge(t, invokeAsync(262145), "262145 byte payload is too large for the Event invocation type (limit 262144 bytes)")
	e.settle(t)
	e.cloud.Lambda().CheckInvoked(t, "fn", 1)
}

// A .zip uploaded directly is at most 50 MB ("Lambda quotas": "50 MB
// (zipped, when uploaded through the Lambda API or SDKs)"). It travels
// base64-encoded in a JSON body, and AWS enforces the quota on the request:
// "Request must be smaller than 69905067 bytes for the CreateFunction
// operation", 69905067 being 50 MiB in base64. The Go API applies it to the
// encoded package: on the wire the rest of the request counts too.
func TestCode_DirectUploadLimitForEveryOperationThatTakesAZip(t *testing.T) {
	svc, _, _ := newBare(t)
	ctx := context.Background()
	over := make([]byte, 52428799) // base64: 69905068 bytes
	within := over[:52428798]      // base64: 69905064 bytes
	for _, op := range []struct {
		name string
		call func(zip []byte) error
	}{
		{"CreateFunction", func(zip []byte) error {
			in := lambdaCreate("big", "h")
			in.Code.ZipFile = zip
			_, err := svc.CreateFunction(ctx, in)
			return err
		}},
		{"UpdateFunctionCode", func(zip []byte) error {
			_, err := svc.UpdateFunctionCode(ctx, lambda.UpdateFunctionCodeInput{FunctionName: "big", ZipFile: zip})
			return err
		}},
		{"PublishLayerVersion", func(zip []byte) error {
			_, err := svc.PublishLayerVersion(ctx, lambda.PublishLayerVersionInput{LayerName: "big",
				Content: &lambda.LayerVersionContentInput{ZipFile: zip}})
			return err
		}},
	} {
		err := op.call(over)
		ae := requireCode(t, err, "RequestEntityTooLargeException")
		assert.Equal(t, "Request must be smaller than 69905067 bytes for the "+op.name+" operation", ae.ErrorMessage())
		require.NoError(t, op.call(within), op.name)
	}
	code, ok := svc.Code("big", "$LATEST")
	require.True(t, ok)
	assert.Len(t, code, len(within))
}

// On the wire, every request body is limited before it is read: the
// operations that carry a .zip to the base64 of 50 MB, Invoke and
// InvokeAsync to the 6 MB synchronous payload, the rest to 1 MB.
func TestWire_OversizedBodiesAreRefusedBeforeTheyAreRead(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h")
	for _, tc := range []struct {
		method, path string
		size         int64
		msg          string
	}{
		{"POST", "/2015-03-31/functions", 69905068, "Request must be smaller than 69905067 bytes for the CreateFunction operation"},
		{"PUT", "/2015-03-31/functions/fn/code", 69905068, "Request must be smaller than 69905067 bytes for the UpdateFunctionCode operation"},
		{"POST", "/2018-10-31/layers/lib/versions", 69905068, "Request must be smaller than 69905067 bytes for the PublishLayerVersion operation"},
		{"POST", "/2015-03-31/functions/fn/invocations", 6291457, "Request must be smaller than 6291456 bytes for the InvokeFunction operation"},
		{"POST", "/2014-11-13/functions/fn/invoke-async", 6291457, "Request must be smaller than 6291456 bytes for the InvokeAsync operation"},
		{"PUT", "/2015-03-31/functions/fn/configuration", 1048577, "Request must be smaller than 1048576 bytes for the UpdateFunctionConfiguration operation"},
	} {
		req := httptest.NewRequest(tc.method, tc.path, io.NopCloser(strings.NewReader("{}")))
		req.ContentLength = tc.size // announced, never sent: the limit is checked first
		rec := httptest.NewRecorder()
		e.cloud.Lambda().ServeHTTP(rec, req)
		assert.Equal(t, http.StatusRequestEntityTooLarge, rec.Code, tc.path)
		assert.Equal(t, "RequestEntityTooLargeException", rec.Header().Get("X-Amzn-ErrorType"), tc.path)
		assert.Contains(t, rec.Body.String(), tc.msg, tc.path)
	}
}
