package iam_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/iam"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// Every operation of the IAM client (aws-sdk-go-v2 iam v1.66.0) is in the
// wire table.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	servicetest.CheckServed(t, &awsiam.Client{}, iam.Operations())
}

// Every code the package raises is in its catalogue.
func TestServed_EveryRaisedCodeIsCatalogued(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", iam.Errs)
}

// Every operation of the Go API starts with enter.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", iam.Operations())
}

// An injected fault answers as the real error does through the SDK: the
// same status and code, the SDK's typed error.
func TestServed_InjectedFaultAnswersAsTheRealError(t *testing.T) {
	f := newFixture(t)
	_, real := f.client.GetRole(f.ctx, &awsiam.GetRoleInput{RoleName: aws.String("none")})
	f.cloud.IAM().InjectFault("GetRole", "NoSuchEntity", 1)
	f.role(t, "there")
	_, injected := f.client.GetRole(f.ctx, &awsiam.GetRoleInput{RoleName: aws.String("there")})
	servicetest.CheckSameAnswer(t, real, injected)
	var nse *types.NoSuchEntityException
	require.ErrorAs(t, injected, &nse)
	_, err := f.client.GetRole(f.ctx, &awsiam.GetRoleInput{RoleName: aws.String("there")})
	require.NoError(t, err)
	calls := f.cloud.IAM().Calls()
	require.Equal(t, "GetRole", calls[len(calls)-1].Operation)
}
