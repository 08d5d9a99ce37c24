package awserr_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/awserr"
)

// The Go API of every engine returns *awserr.Error; callers match it as they
// match the real SDK's errors.
var _ smithy.APIError = (*awserr.Error)(nil)

func TestError_MatchesAsSmithyAPIError(t *testing.T) {
	var err error = fmt.Errorf("op: %w", awserr.BadRequest("InvalidParameter", "bad"))
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae))
	assert.Equal(t, "InvalidParameter", ae.ErrorCode())
	assert.Equal(t, smithy.FaultClient, ae.ErrorFault())
}

func TestError_CarriesCodeMessageStatusAndFault(t *testing.T) {
	e := awserr.New("QueueDoesNotExist", 400, "The specified queue %s does not exist.", "q")
	assert.Equal(t, "QueueDoesNotExist: The specified queue q does not exist.", e.Error())
	assert.Equal(t, "QueueDoesNotExist", e.ErrorCode())
	assert.Equal(t, "The specified queue q does not exist.", e.ErrorMessage())
	assert.Equal(t, smithy.FaultClient, e.ErrorFault())
	assert.Equal(t, "Sender", e.FaultName())
	assert.Equal(t, "QueueDoesNotExist", e.LegacyCode())

	q := e.WithQueryCode("AWS.SimpleQueueService.NonExistentQueue")
	assert.Equal(t, "AWS.SimpleQueueService.NonExistentQueue", q.LegacyCode())
	assert.Empty(t, e.QueryCode, "WithQueryCode copies")

	r := &awserr.Error{Code: "InternalError", Status: 500, Receiver: true}
	assert.Equal(t, smithy.FaultServer, r.ErrorFault())
	assert.Equal(t, "Receiver", r.FaultName())
}

func TestBadRequest_IsA400SenderFault(t *testing.T) {
	e := awserr.BadRequest("InvalidParameterValue", "Value %q for parameter %s is invalid.", "x", "DelaySeconds")
	assert.Equal(t, 400, e.Status)
	assert.False(t, e.Receiver)
	assert.Equal(t, `Value "x" for parameter DelaySeconds is invalid.`, e.Message)
}

func TestAs_WrapsUnknownErrorsAsInternalFailure(t *testing.T) {
	e := awserr.As(errors.New("disk on fire"))
	assert.Equal(t, "InternalFailure", e.Code)
	assert.Equal(t, 500, e.Status)
	assert.True(t, e.Receiver)
	assert.Contains(t, e.Message, "disk on fire")

	orig := awserr.BadRequest("InvalidParameter", "bad")
	require.Same(t, orig, awserr.As(fmt.Errorf("wrapped: %w", orig)))
	assert.True(t, awserr.Is(fmt.Errorf("wrapped: %w", orig), "InvalidParameter"))
	assert.False(t, awserr.Is(orig, "NotFound"))
	assert.False(t, awserr.Is(errors.New("x"), "InvalidParameter"))
}
