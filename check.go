package awsfake

import (
	"testing"

	"github.com/aws/smithy-go"

	"github.com/awsfake/awsfake/internal/check"
)

// CheckCode fails tb unless err is an AWS API error with the given code
// (QueueDoesNotExist, NoSuchKey, ResourceNotFoundException), as the real
// SDK client or a service's Go API returns it, and returns the error for
// further checks of its message. The code may be the one the SDK reports
// or the name of its typed error: for SQS, whose SDK reports legacy codes,
// "AWS.SimpleQueueService.NonExistentQueue" and "QueueDoesNotExist" both
// match.
//
//	_, err := client.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("none")})
//	awsfake.CheckCode(t, err, "QueueDoesNotExist")
//
// Each service adds Check helpers for the state tests assert most
// (sqs.Service.CheckDepth, ...).
func CheckCode(tb testing.TB, err error, code string) smithy.APIError {
	tb.Helper()
	return check.Code(tb, err, code)
}
