package lambda_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

type in struct {
	N int `json:"n"`
}

type out struct {
	M int `json:"m"`
}

// rawHandler has aws-lambda-go's lambda.Handler shape.
type rawHandler struct{}

func (rawHandler) Invoke(_ context.Context, p []byte) ([]byte, error) {
	return append([]byte("raw:"), p...), nil
}

func TestNewHandler_AcceptsEveryAWSLambdaGoShape(t *testing.T) {
	ctx := context.Background()
	for name, tc := range map[string]struct {
		h    any
		want string
	}{
		"func()":                          {func() {}, "null"},
		"func() error":                    {func() error { return nil }, "null"},
		"func(TIn) error":                 {func(in) error { return nil }, "null"},
		"func() (TOut, error)":            {func() (out, error) { return out{M: 1}, nil }, `{"m":1}`},
		"func(TIn) (TOut, error)":         {func(i in) (out, error) { return out{M: i.N * 2}, nil }, `{"m":14}`},
		"func(ctx)":                       {func(context.Context) {}, "null"},
		"func(ctx) error":                 {func(context.Context) error { return nil }, "null"},
		"func(ctx, TIn) error":            {func(context.Context, in) error { return nil }, "null"},
		"func(ctx) (TOut, error)":         {func(context.Context) (string, error) { return "s", nil }, `"s"`},
		"func(ctx, TIn) (TOut, error)":    {func(_ context.Context, i in) (*out, error) { return &out{M: i.N}, nil }, `{"m":7}`},
		"json.RawMessage in and out":      {func(r json.RawMessage) (json.RawMessage, error) { return r, nil }, `{"n":7}`},
		"io.Reader response":              {func() (io.Reader, error) { return strings.NewReader("streamed"), nil }, "streamed"},
		"Invoke(ctx, []byte) value":       {rawHandler{}, `raw:{"n":7}`},
		"map event":                       {func(m map[string]int) (int, error) { return m["n"], nil }, "7"},
		"interface event":                 {func(v any) (any, error) { return v, nil }, `{"n":7}`},
		"nil pointer response is null":    {func() (*out, error) { return nil, nil }, "null"},
		"custom context type still works": {func(ctx context.Context, i in) (int, error) { return i.N, nil }, "7"},
	} {
		t.Run(name, func(t *testing.T) {
			h, err := lambda.NewHandler(tc.h)
			require.NoError(t, err)
			got, err := h.Invoke(ctx, []byte(`{"n":7}`))
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
		})
	}
}

func TestNewHandler_RejectsOtherShapesWithAWSLambdaGoErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		h   any
		msg string
	}{
		"not a function":          {42, "handler kind int is not func"},
		"nil":                     {nil, "handler is nil"},
		"three arguments":         {func(context.Context, in, in) error { return nil }, "handlers may not take more than two arguments, but handler takes 3"},
		"two args, no context":    {func(in, in) error { return nil }, "handler takes two arguments, but the first is not Context. got struct"},
		"three results":           {func() (int, int, error) { return 0, 0, nil }, "handler may not return more than two values"},
		"second result not error": {func() (int, int) { return 0, 0 }, "handler returns two values, but the second does not implement error"},
		"single result not error": {func() int { return 0 }, "handler returns a single value, but it does not implement error"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := lambda.NewHandler(tc.h)
			require.Error(t, err)
			assert.Equal(t, tc.msg, err.Error())
		})
	}
	e := newEnv(t)
	assert.Error(t, e.cloud.Lambda().RegisterHandler("x", func() int { return 0 }))
	assert.Error(t, e.cloud.Lambda().RegisterHandler("", func() {}))
}

func TestNewHandler_BadEventAndErrorsAreReturned(t *testing.T) {
	h, err := lambda.NewHandler(func(i in) (out, error) { return out{}, errors.New("no") })
	require.NoError(t, err)
	_, err = h.Invoke(context.Background(), []byte(`{"n":"seven"}`))
	assert.Error(t, err, "an event that does not decode fails the invocation")
	_, err = h.Invoke(context.Background(), []byte(`{"n":1}`))
	assert.EqualError(t, err, "no")
}

func TestInvoke_UnregisteredHandlerFailsLikeAMissingHandler(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "nobody.home")
	out, err := e.cloud.Lambda().Invoke(e.ctx, lambda.InvokeInput{FunctionName: "fn"})
	require.NoError(t, err)
	assert.Equal(t, "Unhandled", out.FunctionError)
	var doc map[string]string
	require.NoError(t, json.Unmarshal(out.Payload, &doc))
	assert.Equal(t, "Runtime.HandlerNotFound", doc["errorType"])
	assert.Contains(t, doc["errorMessage"], "nobody.home")

	// Registering it later fixes the function from its next invocation.
	e.register(t, "nobody.home", func() (string, error) { return "here", nil })
	out, err = e.cloud.Lambda().Invoke(e.ctx, lambda.InvokeInput{FunctionName: "fn"})
	require.NoError(t, err)
	assert.Equal(t, `"here"`, string(out.Payload))
}
