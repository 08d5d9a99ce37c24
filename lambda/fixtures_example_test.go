package lambda_test

import (
	"context"
	"fmt"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/sqs"
)

// FunctionT makes a function with its handler, MappingT feeds it from a
// queue and AllowT lets a service invoke it, each in one line.
func ExampleService_FunctionT() {
	cloud := awsfake.New()
	defer cloud.Close()
	t := exampleTB{} // in a test: t *testing.T
	ctx := context.Background()
	q := cloud.SQS().QueueT(t, "jobs", nil)
	fn := cloud.Lambda().FunctionT(t, "worker", func(_ context.Context, ev struct{ Records []struct{ Body string } }) error {
		fmt.Println("worker got", ev.Records[0].Body)
		return nil
	})
	cloud.Lambda().MappingT(t, fn.Name, q.ARN)
	cloud.Lambda().AllowT(t, fn.Name, "sns.amazonaws.com", "arn:aws:sns:us-east-1:000000000000:alerts")
	fmt.Println(fn.ARN)

	_, _ = cloud.SQS().SendMessage(ctx, sqs.SendMessageInput{QueueUrl: q.URL, MessageBody: "job 1"})
	_ = cloud.Settle(ctx)
	cloud.Lambda().CheckInvoked(t, "worker", 1)
	// Output:
	// arn:aws:lambda:us-east-1:000000000000:function:worker
	// worker got job 1
}
