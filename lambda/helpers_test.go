package lambda_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/lambda"
)

// t0 is where every fake clock of these tests starts.
var t0 = time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)

const role = "arn:aws:iam::000000000000:role/lambda-role"

// env is a cloud on a fake clock with a Lambda client that does not retry
// (throttling tests assert on the first answer).
type env struct {
	cloud  *awsfake.Cloud
	clk    *clock.Fake
	client *sdk.Client
	ctx    context.Context
}

func newEnv(t *testing.T, opts ...awsfake.Option) *env {
	t.Helper()
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, append([]awsfake.Option{awsfake.WithClock(clk), awsfake.WithSeed(1)}, opts...)...)
	return &env{cloud: cloud, clk: clk, client: newClient(cloud), ctx: context.Background()}
}

func newClient(cloud *awsfake.Cloud) *sdk.Client {
	return sdk.NewFromConfig(cloud.AWSConfig(), func(o *sdk.Options) { o.RetryMaxAttempts = 1 })
}

// createFunction creates a function running the handler registered as
// handler, with optional changes to the input.
func (e *env) createFunction(t *testing.T, name, handler string, edit ...func(*sdk.CreateFunctionInput)) *sdk.CreateFunctionOutput {
	t.Helper()
	in := &sdk.CreateFunctionInput{
		FunctionName: aws.String(name), Role: aws.String(role), Runtime: types.RuntimeProvidedal2023,
		Handler: aws.String(handler), Code: &types.FunctionCode{ZipFile: []byte("zip bytes of " + name)},
	}
	for _, f := range edit {
		f(in)
	}
	out, err := e.client.CreateFunction(e.ctx, in)
	require.NoError(t, err)
	return out
}

// register registers a handler and fails the test on error.
func (e *env) register(t *testing.T, name string, h any) {
	t.Helper()
	require.NoError(t, e.cloud.Lambda().RegisterHandler(name, h))
}

func (e *env) settle(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(t, e.cloud.Settle(ctx))
}

// requireCode asserts that err is an AWS API error with the code, and
// returns it.
func requireCode(t *testing.T, err error, code string) smithy.APIError {
	t.Helper()
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "want %s, got %v", code, err)
	require.Equal(t, code, ae.ErrorCode(), "%v", err)
	return ae
}

func lambdaCreate(name, handler string) lambda.CreateFunctionInput {
	return lambda.CreateFunctionInput{FunctionName: name, Role: role, Runtime: "provided.al2023", Handler: handler,
		Code: &lambda.FunctionCode{ZipFile: []byte("zip")}}
}

func lambdaInvoke(name, payload string) lambda.InvokeInput {
	return lambda.InvokeInput{FunctionName: name, Payload: []byte(payload)}
}

// awsRequestID returns the request id of an SDK call's response.
func awsRequestID(out *sdk.InvokeOutput) (string, bool) {
	return awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
}

// newBare builds a Lambda service on its own environment, without a cloud,
// for tests that reach its bus endpoint directly.
func newBare(t *testing.T) (*lambda.Service, *bus.Bus, *clock.Fake) {
	t.Helper()
	clk := clock.NewFake(t0)
	env := cloudenv.ForTest(clk)
	svc := lambda.New(env)
	env.Attach(svc.Describe())
	t.Cleanup(func() {
		env.Sched.Close()
		env.Bus.Close()
		svc.Close()
	})
	return svc, env.Bus, clk
}

type (
	sqstypesAttr = sqstypes.QueueAttributeName
	sqsAttrValue = sqstypes.MessageAttributeValue
)
