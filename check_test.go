package awsfake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// CheckCode passes on the SDK's error with the code, and fails the test,
// naming what came instead, on any other.
func TestCheckCode_NamesWhatCameInstead(t *testing.T) {
	cloud := awsfake.NewT(t)
	client := sqs.NewFromConfig(cloud.AWSConfig())
	_, err := client.GetQueueUrl(context.Background(), &sqs.GetQueueUrlInput{QueueName: aws.String("none")})
	ae := awsfake.CheckCode(t, err, "QueueDoesNotExist")
	assert.Equal(t, "The specified queue does not exist.", ae.ErrorMessage())

	r := &servicetest.Recorder{TB: t}
	awsfake.CheckCode(r, err, "AccessDenied")
	assert.Equal(t, "got the AWS error AWS.SimpleQueueService.NonExistentQueue (The specified queue does not exist.), want AccessDenied", r.Message)
	r = &servicetest.Recorder{TB: t}
	awsfake.CheckCode(r, nil, "AccessDenied")
	assert.Equal(t, "got no error, want the AWS error AccessDenied", r.Message)
}
