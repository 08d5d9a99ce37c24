package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/apigw"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// Every operation of the apigateway client (aws-sdk-go-v2 apigateway
// v1.40.2) is in the wire table.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	servicetest.CheckServed(t, &sdk.Client{}, apigw.Operations())
}

// Every operation of the apigatewayv2 client (v1.35.2) is in the wire
// table too: HTTP APIs share the apigateway signing name.
func TestServed_EveryOperationOfTheV2SDKClient(t *testing.T) {
	servicetest.CheckServed(t, &sdkv2.Client{}, apigw.HTTPOperations())
}

// Every code the package raises is in its catalogue.
func TestServed_EveryRaisedCodeIsCatalogued(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", apigw.Errs)
}

// Every operation of the Go API starts with enter.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", apigw.GoOperations())
}

// An injected fault answers as the real error does through the SDK: the
// same status and code, the SDK's typed error.
func TestServed_InjectedFaultAnswersAsTheRealError(t *testing.T) {
	f := newFixture(t)
	_, real := f.client.GetRestApi(f.ctx, &sdk.GetRestApiInput{RestApiId: aws.String("nothere000")})
	id, _ := f.api(t, "a")
	f.cloud.APIGateway().InjectFault("GetRestApi", "NotFoundException", 1)
	_, injected := f.client.GetRestApi(f.ctx, &sdk.GetRestApiInput{RestApiId: &id})
	servicetest.CheckSameAnswer(t, real, injected)
	var nf *types.NotFoundException
	require.ErrorAs(t, injected, &nf)
	_, err := f.client.GetRestApi(f.ctx, &sdk.GetRestApiInput{RestApiId: &id})
	require.NoError(t, err)
	calls := f.cloud.APIGateway().Calls()
	require.Equal(t, "GetRestApi", calls[len(calls)-1].Operation)
}

// The v2 operations not modelled answer through the v2 client as there is
// nothing: empty lists, NotFoundException, BadRequestException for a
// create; an unknown API is NotFoundException.
func TestServed_V2OperationsAnswerNothingFound(t *testing.T) {
	f := newFixture(t)
	client := sdkv2.NewFromConfig(f.cloud.AWSConfig())
	apis, err := client.GetApis(f.ctx, &sdkv2.GetApisInput{})
	require.NoError(t, err)
	assert.Empty(t, apis.Items)
	_, err = client.GetApi(f.ctx, &sdkv2.GetApiInput{ApiId: aws.String("abc")})
	checkErr(t, err, "NotFoundException", "Invalid API identifier specified abc")
	names, err := client.GetDomainNames(f.ctx, &sdkv2.GetDomainNamesInput{})
	require.NoError(t, err)
	assert.Empty(t, names.Items)
	_, err = client.CreateVpcLink(f.ctx, &sdkv2.CreateVpcLinkInput{Name: aws.String("x"), SubnetIds: []string{"s"}})
	checkErr(t, err, "BadRequestException", "")
}
