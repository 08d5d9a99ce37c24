package sts_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
)

func TestCheckIdentity_PassesFailsAndExpires(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.AssumeRole(context.Background(), &sts.AssumeRoleInput{
		RoleArn: aws.String("arn:aws:iam::000000000000:role/app"), RoleSessionName: aws.String("test"), DurationSeconds: aws.Int32(900)})
	require.NoError(t, err)
	key := aws.ToString(out.Credentials.AccessKeyId)
	f.cloud.STS().CheckIdentity(t, key, "arn:aws:sts::000000000000:assumed-role/app/test")
	f.cloud.STS().CheckIdentity(t, "AKIAANYOTHERKEY00000", "arn:aws:iam::000000000000:root")

	r := &servicetest.Recorder{TB: t}
	f.cloud.STS().CheckIdentity(r, key, "arn:aws:sts::000000000000:assumed-role/app/other")
	assert.Contains(t, r.Message, "is made by arn:aws:sts::000000000000:assumed-role/app/test")
	f.clk.Advance(900 * time.Second)
	r = &servicetest.Recorder{TB: t}
	f.cloud.STS().CheckIdentity(r, key, "arn:aws:sts::000000000000:assumed-role/app/test")
	assert.Contains(t, r.Message, "ExpiredToken")
}
