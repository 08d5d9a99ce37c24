package sns_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPermission_AddAndRemoveStatementsOfTheTopicPolicy(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	_, err := f.sns.AddPermission(f.ctx, &awssns.AddPermissionInput{TopicArn: aws.String(topic), Label: aws.String("share"),
		AWSAccountId: []string{"111122223333"}, ActionName: []string{"Publish", "Subscribe"}})
	require.NoError(t, err)
	_, err = f.sns.AddPermission(f.ctx, &awssns.AddPermissionInput{TopicArn: aws.String(topic), Label: aws.String("share"),
		AWSAccountId: []string{"111122223333"}, ActionName: []string{"Publish"}})
	ae := requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: Statement already exists", ae.ErrorMessage())
	_, err = f.sns.AddPermission(f.ctx, &awssns.AddPermissionInput{TopicArn: aws.String(topic), Label: aws.String("other"),
		AWSAccountId: []string{"111122223333"}, ActionName: []string{"sqs:SendMessage"}})
	ae = requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: Policy statement action out of service scope!", ae.ErrorMessage())

	policy := func() map[string]any {
		out, err := f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(topic)})
		require.NoError(t, err)
		var doc map[string]any
		require.NoError(t, json.Unmarshal([]byte(out.Attributes["Policy"]), &doc))
		return doc
	}
	statements := policy()["Statement"].([]any)
	require.Len(t, statements, 2)
	assert.Equal(t, map[string]any{"Sid": "share", "Effect": "Allow",
		"Principal": map[string]any{"AWS": "arn:aws:iam::111122223333:root"},
		"Action":    []any{"SNS:Publish", "SNS:Subscribe"}, "Resource": topic}, statements[1])

	_, err = f.sns.RemovePermission(f.ctx, &awssns.RemovePermissionInput{TopicArn: aws.String(topic), Label: aws.String("share")})
	require.NoError(t, err)
	assert.Len(t, policy()["Statement"].([]any), 1)
	_, err = f.sns.RemovePermission(f.ctx, &awssns.RemovePermissionInput{TopicArn: aws.String(topic + "x"), Label: aws.String("share")})
	requireCode(t, err, "NotFound")
}

func TestDataProtectionPolicy_IsStoredPerTopic(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	got, err := f.sns.GetDataProtectionPolicy(f.ctx, &awssns.GetDataProtectionPolicyInput{ResourceArn: aws.String(topic)})
	require.NoError(t, err)
	assert.Empty(t, aws.ToString(got.DataProtectionPolicy))
	doc := `{"Name":"p","Version":"2021-06-01","Statement":[]}`
	_, err = f.sns.PutDataProtectionPolicy(f.ctx, &awssns.PutDataProtectionPolicyInput{ResourceArn: aws.String(topic), DataProtectionPolicy: aws.String(doc)})
	require.NoError(t, err)
	got, err = f.sns.GetDataProtectionPolicy(f.ctx, &awssns.GetDataProtectionPolicyInput{ResourceArn: aws.String(topic)})
	require.NoError(t, err)
	assert.Equal(t, doc, aws.ToString(got.DataProtectionPolicy))
	_, err = f.sns.PutDataProtectionPolicy(f.ctx, &awssns.PutDataProtectionPolicyInput{ResourceArn: aws.String(topic), DataProtectionPolicy: aws.String("{")})
	requireCode(t, err, "InvalidParameter")
}
