package route53_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/route53"
)

// Every operation of the SDK's Route 53 client is bound in the wire table.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	servicetest.CheckServed(t, &sdk.Client{}, route53.Operations())
}

// Every code the package raises is in its catalogue.
func TestCatalogue_HoldsEveryCodeRaised(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", route53.Errs)
}

// Every operation of the Go API starts with enter.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", route53.Operations())
}

// A real error and the same code injected answer alike through the SDK.
func TestInjectFault_AnswersAsTheRealError(t *testing.T) {
	e := newEnv(t)
	_, real := e.client.GetHostedZone(e.ctx, &sdk.GetHostedZoneInput{Id: aws.String("ZNOPE")})
	id := e.zone(t, "example.com")
	e.cloud.Route53().InjectFault("GetHostedZone", "NoSuchHostedZone", 1)
	_, injected := e.client.GetHostedZone(e.ctx, &sdk.GetHostedZoneInput{Id: aws.String(id)})
	servicetest.CheckSameAnswer(t, real, injected)
	var typed *types.NoSuchHostedZone
	require.ErrorAs(t, injected, &typed)
	_, err := e.client.GetHostedZone(e.ctx, &sdk.GetHostedZoneInput{Id: aws.String(id)})
	require.NoError(t, err)
}

// The unmodelled features answer as an account without them does.
func TestUnsupported_AnswerAsAnAccountWithout(t *testing.T) {
	e := newEnv(t)
	tp, err := e.client.ListTrafficPolicies(e.ctx, &sdk.ListTrafficPoliciesInput{})
	require.NoError(t, err)
	require.Empty(t, tp.TrafficPolicySummaries)
	_, err = e.client.GetTrafficPolicy(e.ctx, &sdk.GetTrafficPolicyInput{Id: aws.String("x"), Version: aws.Int32(1)})
	var missing *types.NoSuchTrafficPolicy
	require.ErrorAs(t, err, &missing)
}
