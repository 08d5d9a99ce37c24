package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/apigw"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// Every operation of the apigateway client (aws-sdk-go-v2 apigateway
// v1.40.2) is in the wire table.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	servicetest.CheckServed(t, &sdk.Client{}, apigw.Operations())
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
