package sqs_test

import (
	"fmt"

	"github.com/awsfake/awsfake"
)

// QueueT makes a queue in one line and gives its URL and ARN.
func ExampleService_QueueT() {
	cloud := awsfake.New()
	defer cloud.Close()
	var t printTB // in a test: t *testing.T
	q := cloud.SQS().QueueT(t, "jobs", map[string]string{"VisibilityTimeout": "60"})
	fifo := cloud.SQS().QueueT(t, "orders.fifo", nil)
	fmt.Println(q.URL)
	fmt.Println(q.ARN)
	fmt.Println(fifo.ARN)
	// Output:
	// http://awsfake.localhost/000000000000/jobs
	// arn:aws:sqs:us-east-1:000000000000:jobs
	// arn:aws:sqs:us-east-1:000000000000:orders.fifo
}
