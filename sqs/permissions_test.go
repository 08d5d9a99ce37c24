package sqs_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// "AddPermission generates a policy for you"; RemovePermission "Revokes any
// permissions in the queue policy that matches the specified Label".
func TestPermissions_AddAndRemoveEditThePolicy(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	_, err := f.client.AddPermission(ctx, &awssqs.AddPermissionInput{QueueUrl: &url, Label: aws.String("AliceSend"),
		AWSAccountIds: []string{"111122223333"}, Actions: []string{"SendMessage"}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"Version":"2012-10-17","Id":"arn:aws:sqs:us-east-1:000000000000:q/SQSDefaultPolicy","Statement":[
		{"Sid":"AliceSend","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},
		 "Action":"SQS:SendMessage","Resource":"arn:aws:sqs:us-east-1:000000000000:q"}]}`, f.attributes(t, url)["Policy"])

	_, err = f.client.AddPermission(ctx, &awssqs.AddPermissionInput{QueueUrl: &url, Label: aws.String("AliceSend"),
		AWSAccountIds: []string{"1"}, Actions: []string{"*"}})
	requireCode(t, err, "InvalidParameterValue") // the label exists
	_, err = f.client.AddPermission(ctx, &awssqs.AddPermissionInput{QueueUrl: &url, Label: aws.String("x"),
		AWSAccountIds: []string{"1"}, Actions: []string{"Fly"}})
	requireCode(t, err, "InvalidParameterValue")
	_, err = f.client.AddPermission(ctx, &awssqs.AddPermissionInput{QueueUrl: &url, Label: aws.String("x"), AWSAccountIds: []string{"1"},
		Actions: []string{"SendMessage", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility", "GetQueueAttributes", "GetQueueUrl", "PurgeQueue", "ListQueueTags"}})
	requireCode(t, err, "OverLimit") // "a maximum of seven actions per statement"

	_, err = f.client.RemovePermission(ctx, &awssqs.RemovePermissionInput{QueueUrl: &url, Label: aws.String("nope")})
	requireCode(t, err, "InvalidParameterValue")
	_, err = f.client.RemovePermission(ctx, &awssqs.RemovePermissionInput{QueueUrl: &url, Label: aws.String("AliceSend")})
	require.NoError(t, err)
	assert.NotContains(t, f.attributes(t, url), "Policy")
}
