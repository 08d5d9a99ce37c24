package lambda_test

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/lambda"
)

// clientFor is a Lambda client signing for region with a key of account.
func (e *env) clientFor(region, account string) *sdk.Client {
	return sdk.NewFromConfig(e.cloud.AWSConfigFor(region, account), func(o *sdk.Options) { o.RetryMaxAttempts = 1 })
}

func createWith(t *testing.T, c *sdk.Client, name, handler, description string) *sdk.CreateFunctionOutput {
	t.Helper()
	out, err := c.CreateFunction(context.Background(), &sdk.CreateFunctionInput{
		FunctionName: aws.String(name), Role: aws.String(role), Runtime: types.RuntimeProvidedal2023,
		Handler: aws.String(handler), Description: aws.String(description), Code: &types.FunctionCode{ZipFile: []byte("zip of " + description)},
	})
	require.NoError(t, err)
	return out
}

func TestPartitions_SameNameInTwoRegionsAndTwoAccountsHoldsItsOwnFunction(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func(ctx context.Context) (string, error) { return "hi", nil })
	home := e.client
	west := e.clientFor("eu-west-1", "000000000000")
	other := e.clientFor("us-east-1", "111111111111")
	for _, c := range []struct {
		client      *sdk.Client
		description string
		arn         string
	}{
		{home, "home", "arn:aws:lambda:us-east-1:000000000000:function:fn"},
		{west, "west", "arn:aws:lambda:eu-west-1:000000000000:function:fn"},
		{other, "other", "arn:aws:lambda:us-east-1:111111111111:function:fn"},
	} {
		out := createWith(t, c.client, "fn", "h", c.description)
		assert.Equal(t, c.arn, aws.ToString(out.FunctionArn))
	}
	for _, c := range []struct {
		client      *sdk.Client
		description string
		arn         string
	}{
		{home, "home", "arn:aws:lambda:us-east-1:000000000000:function:fn"},
		{west, "west", "arn:aws:lambda:eu-west-1:000000000000:function:fn"},
		{other, "other", "arn:aws:lambda:us-east-1:111111111111:function:fn"},
	} {
		got, err := c.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String(c.arn)})
		require.NoError(t, err, c.arn)
		assert.Equal(t, c.description, aws.ToString(got.Configuration.Description))
		list, err := c.client.ListFunctions(e.ctx, &sdk.ListFunctionsInput{})
		require.NoError(t, err)
		require.Len(t, list.Functions, 1)
		assert.Equal(t, c.arn, aws.ToString(list.Functions[0].FunctionArn))
		settings, err := c.client.GetAccountSettings(e.ctx, &sdk.GetAccountSettingsInput{})
		require.NoError(t, err)
		assert.Equal(t, int64(1), settings.AccountUsage.FunctionCount)
		inv, err := c.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
		require.NoError(t, err)
		assert.Equal(t, `"hi"`, string(inv.Payload))
	}

	// Deleting one leaves the others.
	_, err := west.DeleteFunction(e.ctx, &sdk.DeleteFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	_, err = west.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn")})
	ae := requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, "Function not found: arn:aws:lambda:eu-west-1:000000000000:function:fn", ae.ErrorMessage())
	_, err = home.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)

	// The Go API addresses a partition by the ARN it takes.
	assert.Len(t, e.cloud.Lambda().Invocations("arn:aws:lambda:us-east-1:111111111111:function:fn"), 1)
	assert.Len(t, e.cloud.Lambda().Invocations("fn"), 1)
	assert.Len(t, e.cloud.Lambda().Invocations(""), 3)
}

// An ARN of another region or account is not looked up there: AWS answers
// 404 and 403 (recorded: lambda_/test_lambda_api.py::TestLambdaFunction::test_function_arns,
// function_arn_other_region_exc, function_arn_other_account_exc).
func TestPartitions_ARNOfAnotherRegionOrAccountIsRefused(t *testing.T) {
	e := newEnv(t)
	createWith(t, e.clientFor("eu-west-1", "111111111111"), "fn", "h", "there")
	_, err := e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("arn:aws:lambda:eu-west-1:111111111111:function:fn")})
	ae := requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')", ae.ErrorMessage())
	_, err = e.clientFor("eu-west-1", "000000000000").GetFunction(e.ctx,
		&sdk.GetFunctionInput{FunctionName: aws.String("arn:aws:lambda:eu-west-1:111111111111:function:fn")})
	requireCode(t, err, "AccessDeniedException")
	_, err = e.clientFor("eu-west-1", "000000000000").GetFunction(e.ctx,
		&sdk.GetFunctionInput{FunctionName: aws.String("111111111111:function:fn")})
	requireCode(t, err, "AccessDeniedException")
}

func TestPartitions_ChinaClientGetsAwsCnARNs(t *testing.T) {
	e := newEnv(t)
	cn := e.clientFor("cn-north-1", "222222222222")
	out := createWith(t, cn, "fn", "h", "cn")
	assert.Equal(t, "arn:aws-cn:lambda:cn-north-1:222222222222:function:fn", aws.ToString(out.FunctionArn))
	v, err := cn.PublishVersion(e.ctx, &sdk.PublishVersionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws-cn:lambda:cn-north-1:222222222222:function:fn:1", aws.ToString(v.FunctionArn))
	a, err := cn.CreateAlias(e.ctx, &sdk.CreateAliasInput{FunctionName: aws.String("fn"), Name: aws.String("live"), FunctionVersion: aws.String("1")})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws-cn:lambda:cn-north-1:222222222222:function:fn:live", aws.ToString(a.AliasArn))
	l, err := cn.PublishLayerVersion(e.ctx, &sdk.PublishLayerVersionInput{LayerName: aws.String("lib"),
		Content: &types.LayerVersionContentInput{ZipFile: []byte("layer")}})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws-cn:lambda:cn-north-1:222222222222:layer:lib:1", aws.ToString(l.LayerVersionArn))
	got, err := cn.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("arn:aws-cn:lambda:cn-north-1:222222222222:function:fn")})
	require.NoError(t, err)
	assert.Equal(t, "cn", aws.ToString(got.Configuration.Description))
	layers, err := e.client.ListLayers(e.ctx, &sdk.ListLayersInput{})
	require.NoError(t, err)
	assert.Empty(t, layers.Layers, "the default account's region has no layers")
}

func TestPartitions_ConcurrencyIsPerAccountAndRegion(t *testing.T) {
	e := newEnv(t)
	west := e.clientFor("eu-west-1", "111111111111")
	createWith(t, west, "fn", "h", "west")
	_, err := west.PutFunctionConcurrency(e.ctx, &sdk.PutFunctionConcurrencyInput{FunctionName: aws.String("fn"), ReservedConcurrentExecutions: aws.Int32(900)})
	require.NoError(t, err)
	s, err := west.GetAccountSettings(e.ctx, &sdk.GetAccountSettingsInput{})
	require.NoError(t, err)
	assert.Equal(t, int32(100), aws.ToInt32(s.AccountLimit.UnreservedConcurrentExecutions))
	s, err = e.client.GetAccountSettings(e.ctx, &sdk.GetAccountSettingsInput{})
	require.NoError(t, err)
	assert.Equal(t, int32(1000), aws.ToInt32(s.AccountLimit.UnreservedConcurrentExecutions))
	assert.Equal(t, int64(0), s.AccountUsage.FunctionCount)
}

// An SNS topic of the default account in us-east-1 delivers to a function of
// another account in eu-west-1: the bus finds it by the target ARN, and its
// resource-based policy grants the topic.
func TestPartitions_CrossRegionCrossAccountSNSDeliveryByARN(t *testing.T) {
	e := newEnv(t)
	got := make(chan snsEvent, 2)
	e.register(t, "onMessage", func(ctx context.Context, ev snsEvent) error { got <- ev; return nil })
	west := e.clientFor("eu-west-1", "111111111111")
	fn := createWith(t, west, "subscriber", "onMessage", "west")
	snsc := sns.NewFromConfig(e.cloud.AWSConfig())
	topic, err := snsc.CreateTopic(e.ctx, &sns.CreateTopicInput{Name: aws.String("orders")})
	require.NoError(t, err)
	_, err = west.AddPermission(e.ctx, &sdk.AddPermissionInput{FunctionName: aws.String("subscriber"), StatementId: aws.String("sns"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("sns.amazonaws.com"), SourceArn: topic.TopicArn})
	require.NoError(t, err)
	_, err = snsc.Subscribe(e.ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("lambda"), Endpoint: fn.FunctionArn})
	require.NoError(t, err)
	_, err = snsc.Publish(e.ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("hello")})
	require.NoError(t, err)
	e.settle(t)
	require.Len(t, got, 1)
	ev := <-got
	assert.Equal(t, "hello", ev.Records[0].Sns.Message)
	assert.Equal(t, aws.ToString(topic.TopicArn), ev.Records[0].Sns.TopicArn)
	assert.Empty(t, e.cloud.DeliveryFailures())
	inv := e.cloud.Lambda().CheckInvoked(t, "arn:aws:lambda:eu-west-1:111111111111:function:subscriber", 1)
	assert.Equal(t, "arn:aws:lambda:eu-west-1:111111111111:function:subscriber", inv[0].FunctionArn)
}

// The Go API runs in the scope its ctx carries.
func TestPartitions_GoAPIRunsInTheScopeOfItsCtx(t *testing.T) {
	e := newEnv(t)
	svc := e.cloud.Lambda()
	ctx := faults.WithScope(context.Background(), faults.Scope{Account: "333333333333", Region: "ap-south-2", Partition: "aws"})
	out, err := svc.CreateFunction(ctx, lambda.CreateFunctionInput{FunctionName: "fn", Role: role, Runtime: "provided.al2023",
		Handler: "h", Code: &lambda.FunctionCode{ZipFile: []byte("zip")}})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:lambda:ap-south-2:333333333333:function:fn", out.FunctionArn)
	_, err = svc.GetFunction(context.Background(), lambda.GetFunctionInput{FunctionName: "fn"})
	requireCode(t, err, "ResourceNotFoundException")
	code, ok := svc.Code(out.FunctionArn, "")
	require.True(t, ok)
	assert.Equal(t, "zip", string(code))
}

func TestPartitions_MappingsBelongToTheirAccountAndRegion(t *testing.T) {
	e := newEnv(t)
	var got batches
	_, m := e.consumer(t, &got, func(*sdk.CreateEventSourceMappingInput) {})
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:event-source-mapping:"+aws.ToString(m.UUID), aws.ToString(m.EventSourceMappingArn))
	other := e.clientFor("us-east-1", "111111111111")
	_, err := other.GetEventSourceMapping(e.ctx, &sdk.GetEventSourceMappingInput{UUID: m.UUID})
	requireCode(t, err, "ResourceNotFoundException")
	list, err := other.ListEventSourceMappings(e.ctx, &sdk.ListEventSourceMappingsInput{})
	require.NoError(t, err)
	assert.Empty(t, list.EventSourceMappings)
	_, err = other.DeleteEventSourceMapping(e.ctx, &sdk.DeleteEventSourceMappingInput{UUID: m.UUID})
	requireCode(t, err, "ResourceNotFoundException")
	_, err = e.client.GetEventSourceMapping(e.ctx, &sdk.GetEventSourceMappingInput{UUID: m.UUID})
	require.NoError(t, err)
}

func TestPartitions_CodeLocationServesTheFunctionOfItsPartition(t *testing.T) {
	e := newEnv(t)
	createWith(t, e.client, "fn", "h", "home")
	west := e.clientFor("eu-west-1", "111111111111")
	createWith(t, west, "fn", "h", "west")
	got, err := west.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	resp, err := e.cloud.HTTPClient().Get(aws.ToString(got.Code.Location))
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "zip of west", string(body))
}
