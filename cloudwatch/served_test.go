package cloudwatch_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/cloudwatch"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// Every operation of the CloudWatch client (aws-sdk-go-v2 cloudwatch
// v1.76.0) is in the wire table.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	servicetest.CheckServed(t, &awscw.Client{}, cloudwatch.Operations())
}

// Every code the package raises is in its catalogue.
func TestServed_EveryRaisedCodeIsCatalogued(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", cloudwatch.Errs)
}

// Every operation of the Go API starts with enter.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", cloudwatch.Operations())
}

// An injected fault answers as the real error does through the SDK: the
// same status and code, the SDK's typed error.
func TestServed_InjectedFaultAnswersAsTheRealError(t *testing.T) {
	f := newFixture(t)
	_, real := f.client.SetAlarmState(f.ctx, &awscw.SetAlarmStateInput{AlarmName: aws.String("none"),
		StateValue: types.StateValueOk, StateReason: aws.String("x")})
	f.alarm(t, "there", 1, 1, "")
	f.cloud.CloudWatch().InjectFault("SetAlarmState", "ResourceNotFound", 1)
	_, injected := f.client.SetAlarmState(f.ctx, &awscw.SetAlarmStateInput{AlarmName: aws.String("there"),
		StateValue: types.StateValueOk, StateReason: aws.String("x")})
	servicetest.CheckSameAnswer(t, real, injected)
	var rnf *types.ResourceNotFound
	require.ErrorAs(t, injected, &rnf)
	f.cloud.CloudWatch().CheckAlarmState(t, "there", "INSUFFICIENT_DATA")
	calls := f.cloud.CloudWatch().Calls()
	assert.Equal(t, "SetAlarmState", calls[len(calls)-1].Operation)
}

// An operation the fake does not model answers AWS's error for a
// dashboard that does not exist, and an empty list.
func TestServed_UnmodelledOperations(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.GetDashboard(f.ctx, &awscw.GetDashboardInput{DashboardName: aws.String("none")})
	var dnf *types.DashboardNotFoundError
	require.ErrorAs(t, err, &dnf)
	out, err := f.client.ListDashboards(f.ctx, &awscw.ListDashboardsInput{})
	require.NoError(t, err)
	assert.Empty(t, out.DashboardEntries)
	_, err = f.client.PutCompositeAlarm(f.ctx, &awscw.PutCompositeAlarmInput{AlarmName: aws.String("c"), AlarmRule: aws.String("ALARM(a)")})
	var ipv *types.InvalidParameterValueException
	require.ErrorAs(t, err, &ipv)
}
