package logs_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"

	"github.com/awsfake/awsfake/cloudwatch/logs"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// Every operation of the current SDK client is bound in the wire table,
// and nothing else is.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	servicetest.CheckServed(t, &sdk.Client{}, logs.Operations())
}

// Every code the package raises is in its error catalogue.
func TestServed_EveryCodeRaisedIsInTheCatalogue(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", logs.Errs)
}

// Every operation of the Go API starts with enter.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", logs.GoOperations())
}

// A fault injected with InjectFault answers as the real error does,
// through the SDK: the same HTTP status and code.
func TestServed_InjectedFaultsAnswerAsTheRealErrors(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "s")
	api := f.cloud.Logs()
	for _, tc := range []struct {
		op, code string
		call     func() error
	}{
		{"CreateLogGroup", "ResourceAlreadyExistsException", func() error {
			_, err := f.client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("g")})
			return err
		}},
		{"DescribeLogStreams", "ResourceNotFoundException", func() error {
			_, err := f.client.DescribeLogStreams(ctx, &sdk.DescribeLogStreamsInput{LogGroupName: aws.String("missing")})
			return err
		}},
		{"GetLogEvents", "InvalidParameterException", func() error {
			_, err := f.client.GetLogEvents(ctx, &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"), NextToken: aws.String("bad")})
			return err
		}},
	} {
		real := tc.call()
		api.InjectFault(tc.op, tc.code, 1)
		injected := tc.call()
		servicetest.CheckSameAnswer(t, real, injected)
	}
}

// Operations the fake does not model answer as an account without the
// feature does.
func TestServed_UnmodelledOperations(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.DescribeDestinations(ctx, &sdk.DescribeDestinationsInput{})
	if err != nil || len(out.Destinations) != 0 {
		t.Fatalf("DescribeDestinations: %v %v", out, err)
	}
	_, err = f.client.CreateExportTask(ctx, &sdk.CreateExportTaskInput{LogGroupName: aws.String("g"), Destination: aws.String("b"),
		From: aws.Int64(0), To: aws.Int64(1)})
	requireCode(t, err, "InvalidOperationException")
	_, err = f.client.StartLiveTail(ctx, &sdk.StartLiveTailInput{LogGroupIdentifiers: []string{"arn:aws:logs:us-east-1:000000000000:log-group:g"}})
	requireCode(t, err, "InvalidOperationException")
	_, err = f.client.GetDelivery(ctx, &sdk.GetDeliveryInput{Id: aws.String("d")})
	requireCode(t, err, "ResourceNotFoundException")
}
