package check_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/check"
	"github.com/awsfake/awsfake/internal/servicetest"
)

func TestCode(t *testing.T) {
	noSuchKey := awserr.New("NoSuchKey", 404, "The specified key does not exist.")
	for _, tc := range []struct {
		name string
		err  error
		fail string
	}{
		{"the code", fmt.Errorf("wrapped: %w", noSuchKey), ""},
		{"another code", noSuchKey, "got the AWS error NoSuchKey (The specified key does not exist.), want NoSuchBucket"},
		{"no error", nil, "got no error, want the AWS error NoSuchBucket"},
		{"not an AWS error", errors.New("boom"), "got boom (*errors.errorString), want the AWS error NoSuchBucket"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &servicetest.Recorder{TB: t}
			want := "NoSuchBucket"
			if tc.fail == "" {
				want = "NoSuchKey"
			}
			check.Code(r, tc.err, want)
			assert.Equal(t, tc.fail, r.Message)
		})
	}
}

func TestCode_AcceptsTheTypedErrorsName(t *testing.T) {
	legacy := &QueueDoesNotExist{}
	check.Code(t, fmt.Errorf("operation error: %w", legacy), "QueueDoesNotExist")
	check.Code(t, legacy, "AWS.SimpleQueueService.NonExistentQueue")
	check.Code(t, awserr.New("QueueDoesNotExist", 400, "m").WithQueryCode("AWS.SimpleQueueService.NonExistentQueue"), "AWS.SimpleQueueService.NonExistentQueue")
}

// QueueDoesNotExist is shaped as the SDK's typed error of a
// query-compatible service: named for the model, reporting the legacy code.
type QueueDoesNotExist struct{}

func (*QueueDoesNotExist) Error() string                 { return "AWS.SimpleQueueService.NonExistentQueue: gone" }
func (*QueueDoesNotExist) ErrorCode() string             { return "AWS.SimpleQueueService.NonExistentQueue" }
func (*QueueDoesNotExist) ErrorMessage() string          { return "gone" }
func (*QueueDoesNotExist) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
