package lambda_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answer is a handler that names itself.
func answer(name string) func(context.Context) (string, error) {
	return func(context.Context) (string, error) { return name, nil }
}

func (e *env) invokeText(t *testing.T, name, qualifier string) string {
	t.Helper()
	in := &sdk.InvokeInput{FunctionName: aws.String(name)}
	if qualifier != "" {
		in.Qualifier = aws.String(qualifier)
	}
	out, err := e.client.Invoke(e.ctx, in)
	require.NoError(t, err)
	return string(out.Payload)
}

func TestRegisterFunctionHandler_TwoBootstrapFunctionsEachRunTheirOwn(t *testing.T) {
	e := newEnv(t)
	svc := e.cloud.Lambda()
	e.register(t, "bootstrap", answer("by Handler"))
	before := e.createFunction(t, "before", "bootstrap")
	require.NoError(t, svc.RegisterFunctionHandler("before", answer("before's own")))
	// By ARN, for a function that does not exist yet.
	require.NoError(t, svc.RegisterFunctionHandler("arn:aws:lambda:us-east-1:000000000000:function:after", answer("after's own")))
	e.createFunction(t, "after", "bootstrap")
	e.createFunction(t, "plain", "bootstrap")

	assert.Equal(t, `"before's own"`, e.invokeText(t, "before", ""), "a function-bound handler wins over the Handler setting")
	assert.Equal(t, `"after's own"`, e.invokeText(t, "after", ""))
	assert.Equal(t, `"by Handler"`, e.invokeText(t, "plain", ""))
	assert.Equal(t, `"before's own"`, e.invokeText(t, aws.ToString(before.FunctionArn), ""))

	_, err := e.client.PublishVersion(e.ctx, &sdk.PublishVersionInput{FunctionName: aws.String("before")})
	require.NoError(t, err)
	_, err = e.client.CreateAlias(e.ctx, &sdk.CreateAliasInput{FunctionName: aws.String("before"), Name: aws.String("live"),
		FunctionVersion: aws.String("1")})
	require.NoError(t, err)
	assert.Equal(t, `"before's own"`, e.invokeText(t, "before", "1"))
	assert.Equal(t, `"before's own"`, e.invokeText(t, "before", "live"))
	assert.Equal(t, `"before's own"`, e.invokeText(t, "before:live", ""))

	require.NoError(t, svc.RegisterFunctionHandler("before:live", answer("replaced")), "a qualifier names the function")
	assert.Equal(t, `"replaced"`, e.invokeText(t, "before", ""))
}

func TestRegisterFunctionHandler_SurvivesDeleteAndCreate(t *testing.T) {
	e := newEnv(t)
	require.NoError(t, e.cloud.Lambda().RegisterFunctionHandler("fn", answer("bound")))
	e.createFunction(t, "fn", "bootstrap")
	_, err := e.client.DeleteFunction(e.ctx, &sdk.DeleteFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	e.createFunction(t, "fn", "bootstrap")
	assert.Equal(t, `"bound"`, e.invokeText(t, "fn", ""))
}

func TestRegisterFunctionHandler_OtherRegionByARN(t *testing.T) {
	e := newEnv(t)
	west := e.clientFor("eu-west-1", "000000000000")
	createWith(t, west, "fn", "bootstrap", "west")
	e.createFunction(t, "fn", "bootstrap")
	e.register(t, "bootstrap", answer("by Handler"))
	require.NoError(t, e.cloud.Lambda().RegisterFunctionHandler("arn:aws:lambda:eu-west-1:000000000000:function:fn", answer("west")))
	out, err := west.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, `"west"`, string(out.Payload))
	assert.Equal(t, `"by Handler"`, e.invokeText(t, "fn", ""), "the same name in another region is another function")
}

func TestRegisterFunctionHandler_RefusesBadInput(t *testing.T) {
	svc := newEnv(t).cloud.Lambda()
	requireCode(t, svc.RegisterFunctionHandler("", answer("x")), "ValidationException")
	requireCode(t, svc.RegisterFunctionHandler("no spaces", answer("x")), "ValidationException")
	assert.EqualError(t, svc.RegisterFunctionHandler("fn", 42), "handler kind int is not func")
}
