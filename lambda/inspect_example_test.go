package lambda_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/awsfake/awsfake"
)

// exampleTB stands in for the *testing.T a test passes to the Check
// helpers.
type exampleTB struct{ testing.TB }

func (exampleTB) Helper() {}
func (exampleTB) Fatalf(format string, args ...any) {
	panic(fmt.Sprintf(format, args...))
}

// CheckInvoked asserts how many times a function ran and returns the
// record of those runs; CheckColdStarts how many environments it started.
func ExampleService_CheckInvoked() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	_ = cloud.Lambda().RegisterHandler("echo", func(_ context.Context, in map[string]any) (map[string]any, error) { return in, nil })
	client := sdk.NewFromConfig(cloud.AWSConfig())
	_, _ = client.CreateFunction(ctx, &sdk.CreateFunctionInput{
		FunctionName: aws.String("echo"), Runtime: types.RuntimeProvidedal2023, Handler: aws.String("echo"),
		Role: aws.String("arn:aws:iam::000000000000:role/lambda"), Code: &types.FunctionCode{ZipFile: []byte("zip")},
	})
	for range 2 {
		_, _ = client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String("echo"), Payload: []byte(`{"n":1}`)})
	}

	var t testing.TB = exampleTB{} // in a test: t *testing.T
	runs := cloud.Lambda().CheckInvoked(t, "echo", 2)
	cloud.Lambda().CheckColdStarts(t, "echo", 1)
	fmt.Println(string(runs[0].Payload), runs[1].ColdStart)
	// Output: {"n":1} false
}

func TestCheckInvoked_FailsOnAnotherCount(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() error { return nil })
	e.createFunction(t, "fn", "h")
	_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	if err != nil {
		t.Fatal(err)
	}
	for _, check := range []func(testing.TB){
		func(tb testing.TB) { e.cloud.Lambda().CheckInvoked(tb, "fn", 2) },
		func(tb testing.TB) { e.cloud.Lambda().CheckColdStarts(tb, "fn", 0) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("the check passed")
				}
			}()
			check(exampleTB{})
		}()
	}
}
