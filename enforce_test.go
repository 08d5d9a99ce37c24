package awsfake_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	awssqs "github.com/awsfake/awsfake/sqs"
)

// enforcedUser creates the IAM user name in the cloud's account and
// returns a configuration that signs with a new access key of it.
func enforcedUser(t *testing.T, cloud *awsfake.Cloud, name string) aws.Config {
	t.Helper()
	ctx := context.Background()
	admin := iam.NewFromConfig(cloud.AWSConfig())
	_, err := admin.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String(name)})
	require.NoError(t, err)
	key, err := admin.CreateAccessKey(ctx, &iam.CreateAccessKeyInput{UserName: aws.String(name)})
	require.NoError(t, err)
	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(key.AccessKey.AccessKeyId),
		aws.ToString(key.AccessKey.SecretAccessKey), "")
	return cfg
}

// attach attaches the managed policy policyARN to the user name.
func attach(t *testing.T, cloud *awsfake.Cloud, name, policyARN string) {
	t.Helper()
	_, err := iam.NewFromConfig(cloud.AWSConfig()).AttachUserPolicy(context.Background(),
		&iam.AttachUserPolicyInput{UserName: aws.String(name), PolicyArn: aws.String(policyARN)})
	require.NoError(t, err)
}

// denied checks that err is the service's refusal code with AWS's message.
func denied(t *testing.T, err error, code, message string) {
	t.Helper()
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "%v", err)
	assert.Equal(t, code, ae.ErrorCode())
	assert.Equal(t, message, ae.ErrorMessage())
}

// A user without a policy is refused sqs:CreateQueue with AWS's message,
// and allowed once AmazonSQSFullAccess is attached (issue 17).
func TestEnforcement_UserNeedsAnIdentityPolicy(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	client := sqs.NewFromConfig(enforcedUser(t, cloud, "dev"))
	_, err := client.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
	denied(t, err, "AccessDenied", "User: arn:aws:iam::000000000000:user/dev is not authorized to perform: sqs:CreateQueue"+
		" on resource: arn:aws:sqs:us-east-1:000000000000:jobs because no identity-based policy allows the sqs:CreateQueue action")
	queues, err := cloud.SQS().ListQueues(ctx, awssqs.ListQueuesInput{})
	require.NoError(t, err)
	assert.Empty(t, queues.QueueUrls, "state untouched")

	attach(t, cloud, "dev", "arn:aws:iam::aws:policy/AmazonSQSFullAccess")
	_, err = client.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
	require.NoError(t, err)
}

// Without WithIAMEnforcement every call is allowed, as before.
func TestEnforcement_OffByDefault(t *testing.T) {
	cloud := awsfake.NewT(t)
	client := sqs.NewFromConfig(enforcedUser(t, cloud, "dev"))
	_, err := client.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
	require.NoError(t, err)
}

// The test keys are the account's root user: allowed everything in its
// own account with enforcement on.
func TestEnforcement_TestKeysAreRoot(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	client := sqs.NewFromConfig(cloud.AWSConfig())
	_, err := client.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
	require.NoError(t, err)
}
