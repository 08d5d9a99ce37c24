package lambda_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"testing"

	awslambda "github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

// seen is what a handler written against aws-lambda-go reports of its
// lambdacontext.
type seen struct {
	RequestID, ARN, App, Custom, Env, Identity string
}

// handleWithLambdaContext is a handler as written for lambda.Start: it
// knows nothing of awsfake.
func handleWithLambdaContext(ctx context.Context, _ json.RawMessage) (seen, error) {
	lc, ok := lambdacontext.FromContext(ctx)
	if !ok {
		return seen{}, nil
	}
	return seen{RequestID: lc.AwsRequestID, ARN: lc.InvokedFunctionArn, App: lc.ClientContext.Client.AppTitle,
		Custom: lc.ClientContext.Custom["k"], Env: lc.ClientContext.Env["locale"], Identity: lc.Identity.CognitoIdentityID}, nil
}

func TestLambdaContext_AwsLambdaGoHandlerSeesTheInvocationAsInvoked(t *testing.T) {
	e := newEnv(t)
	e.register(t, "lc.handle", handleWithLambdaContext)
	// aws-lambda-go's own Handler value registers as it is, too.
	require.NoError(t, e.cloud.Lambda().RegisterHandler("lc.wrapped", awslambda.NewHandler(handleWithLambdaContext)))
	for _, h := range []string{"lc.handle", "lc.wrapped"} {
		t.Run(h, func(t *testing.T) {
			fn := e.createFunction(t, "lc-"+h[3:], h)
			arn := aws.ToString(fn.FunctionArn)
			_, err := e.client.PublishVersion(e.ctx, &sdk.PublishVersionInput{FunctionName: fn.FunctionName})
			require.NoError(t, err)
			_, err = e.client.CreateAlias(e.ctx, &sdk.CreateAliasInput{FunctionName: fn.FunctionName,
				Name: aws.String("live"), FunctionVersion: aws.String("1")})
			require.NoError(t, err)
			cc := base64.StdEncoding.EncodeToString([]byte(`{"client":{"app_title":"shop"},"custom":{"k":"v"},"env":{"locale":"fr"}}`))
			for _, c := range []struct{ qualifier, want string }{{"", arn}, {"1", arn + ":1"}, {"live", arn + ":live"}} {
				in := &sdk.InvokeInput{FunctionName: fn.FunctionName, ClientContext: aws.String(cc)}
				if c.qualifier != "" {
					in.Qualifier = aws.String(c.qualifier)
				}
				out, err := e.client.Invoke(e.ctx, in)
				require.NoError(t, err)
				require.Empty(t, aws.ToString(out.FunctionError), "%s", out.Payload)
				var got seen
				require.NoError(t, json.Unmarshal(out.Payload, &got))
				id, _ := awsRequestID(out)
				assert.Equal(t, seen{RequestID: id, ARN: c.want, App: "shop", Custom: "v", Env: "fr"}, got,
					"qualifier %q", c.qualifier)
			}
		})
	}
}

func TestLambdaContext_EmptyClientContextWithoutOne(t *testing.T) {
	e := newEnv(t)
	e.register(t, "lc.handle", handleWithLambdaContext)
	fn := e.createFunction(t, "lc", "lc.handle")
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: fn.FunctionName})
	require.NoError(t, err)
	var got seen
	require.NoError(t, json.Unmarshal(out.Payload, &got))
	id, _ := awsRequestID(out)
	assert.Equal(t, seen{RequestID: id, ARN: aws.ToString(fn.FunctionArn)}, got)
}

func TestInvocationOf_RoleAndTraceHeader(t *testing.T) {
	e := newEnv(t)
	type attribution struct {
		Role, Trace, EnvTrace string
		OK                    bool
	}
	e.register(t, "who", func(ctx context.Context) (attribution, error) {
		role, trace, ok := lambda.InvocationOf(ctx)
		return attribution{role, trace, lambda.Getenv(ctx, "_X_AMZN_TRACE_ID"), ok}, nil
	})
	e.createFunction(t, "passive", "who")
	e.createFunction(t, "active", "who", func(in *sdk.CreateFunctionInput) {
		in.TracingConfig = &types.TracingConfig{Mode: types.TracingModeActive}
	})
	for fn, sampled := range map[string]string{"passive": "0", "active": "1"} {
		out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String(fn)})
		require.NoError(t, err)
		var got attribution
		require.NoError(t, json.Unmarshal(out.Payload, &got))
		assert.True(t, got.OK)
		assert.Equal(t, role, got.Role)
		// The Root's time is the start on the cloud's clock: 2030-01-02T03:04:05Z.
		assert.Regexp(t, `^Root=1-70dd5525-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=`+sampled+`$`, got.Trace)
		assert.Equal(t, got.Trace, got.EnvTrace)
	}
	_, _, ok := lambda.InvocationOf(context.Background())
	assert.False(t, ok)
}

func TestLambdaContext_AsyncEventSeesItsRequestIDAndAlias(t *testing.T) {
	e := newEnv(t)
	got := make(chan seen, 1)
	e.register(t, "lc.async", func(ctx context.Context, ev json.RawMessage) error {
		s, err := handleWithLambdaContext(ctx, ev)
		got <- s
		return err
	})
	fn := e.createFunction(t, "lc", "lc.async")
	_, err := e.client.PublishVersion(e.ctx, &sdk.PublishVersionInput{FunctionName: fn.FunctionName})
	require.NoError(t, err)
	_, err = e.client.CreateAlias(e.ctx, &sdk.CreateAliasInput{FunctionName: fn.FunctionName,
		Name: aws.String("live"), FunctionVersion: aws.String("1")})
	require.NoError(t, err)
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: fn.FunctionName, Qualifier: aws.String("live"),
		InvocationType: types.InvocationTypeEvent})
	require.NoError(t, err)
	e.settle(t)
	id, _ := awsRequestID(out)
	assert.Equal(t, seen{RequestID: id, ARN: aws.ToString(fn.FunctionArn) + ":live"}, <-got)
}
