package eventbridge_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	awssched "github.com/aws/aws-sdk-go-v2/service/scheduler"
	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/eventbridge"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// Every operation of both SDK clients is bound in a wire table, and
// nothing else is.
func TestServed_EveryOperationOfTheSDKClients(t *testing.T) {
	servicetest.CheckServed(t, &awseb.Client{}, eventbridge.EventsWireOperations())
	servicetest.CheckServed(t, &awssched.Client{}, eventbridge.SchedulerWireOperations())
}

// Every code the package raises is in one of its two catalogues.
func TestServed_EveryCodeRaisedIsInTheCatalogue(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", eventbridge.Errs)
	for _, code := range eventbridge.SchedCodes {
		assert.True(t, eventbridge.SchedErrs.Has(code), code)
	}
}

// Every operation of the Go API starts with enter.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", eventbridge.Operations())
}

// An injected fault answers as the real error does, through each SDK.
func TestServed_InjectedFaultsAnswerAsTheRealErrors(t *testing.T) {
	f := newFixture(t)
	api := f.cloud.EventBridge()
	for _, tc := range []struct {
		op, code string
		call     func() error
	}{
		{"DescribeRule", "ResourceNotFoundException", func() error {
			_, err := f.eb.DescribeRule(ctx, &awseb.DescribeRuleInput{Name: aws.String("missing")})
			return err
		}},
		{"PutRule", "InvalidEventPatternException", func() error {
			_, err := f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String("[]")})
			return err
		}},
		{"GetSchedule", "ResourceNotFoundException", func() error {
			_, err := f.sched.GetSchedule(ctx, &awssched.GetScheduleInput{Name: aws.String("missing")})
			return err
		}},
		{"CreateScheduleGroup", "ConflictException", func() error {
			_, err := f.sched.CreateScheduleGroup(ctx, &awssched.CreateScheduleGroupInput{Name: aws.String("default")})
			return err
		}},
	} {
		real := tc.call()
		if !assert.Error(t, real, tc.op) {
			continue
		}
		api.InjectFault(tc.op, tc.code, 1)
		servicetest.CheckSameAnswer(t, real, tc.call())
	}
}
