package main

import (
	"context"
	"os"
)

// The whole pipeline, pinned line by line: CI runs it with the tests.
func Example() {
	if err := run(context.Background(), os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// 00:00:00  # S3 -> SQS -> Lambda, partial batch failures
	// 00:00:00  handler: skipped the s3:TestEvent S3 sent when notifications were configured
	// 00:00:00  handler: thumbnail of cat.jpg (ObjectCreated:Put, receive 1)
	// 00:00:00  handler: broken.jpg failed (receive 1): reported in BatchItemFailures
	// 00:00:30  handler: thumbnail of broken.jpg (ObjectCreated:Put, receive 2)
	// 00:00:30  uploads queue holds 0 messages
	// 00:00:30  # SNS fan-out with a filter policy
	// 00:00:30  all-orders (raw): ["a small order" "a big order"]
	// 00:00:30  big-orders (filtered, enveloped): Notification "a big order", signature version 1
	// 00:00:30  # async invoke with an OnFailure destination
	// 00:00:30  Invoke (Event) answered 202
	// 00:00:30  handler attempts: 1
	// 00:01:30  handler attempts: 2
	// 00:01:30  destination record: RetriesExhausted after 2 attempts: "card declined for order 42"
	// 00:01:30  # a dead-letter queue after maxReceiveCount
	// 00:01:30  jobs: received "poison" (receive 1), not deleted
	// 00:01:40  jobs: received "poison" (receive 2), not deleted
	// 00:01:50  jobs: nothing to receive
	// 00:02:00  jobs-dlq: ["poison"]
}
