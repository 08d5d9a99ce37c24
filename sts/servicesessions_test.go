package sts_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// A service's session of a role keeps its key for 12 hours on the clock
// and gets a new one at that instant; its key identifies the assumed role.
func TestServiceSession_LastsTwelveHours(t *testing.T) {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	const role = "arn:aws:iam::123456789012:role/worker"
	key, ok := cloud.STS().ServiceSession(role, "fn")
	require.True(t, ok)
	clk.Advance(12*time.Hour - time.Nanosecond)
	again, _ := cloud.STS().ServiceSession(role, "fn")
	assert.Equal(t, key, again, "just before 12 hours")
	clk.Advance(time.Nanosecond)
	renewed, _ := cloud.STS().ServiceSession(role, "fn")
	assert.NotEqual(t, key, renewed, "at 12 hours")
	other, _ := cloud.STS().ServiceSession(role, "other-fn")
	assert.NotEqual(t, renewed, other)

	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(renewed, "unchecked", "")
	id, err := sts.NewFromConfig(cfg).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sts::123456789012:assumed-role/worker/fn", aws.ToString(id.Arn))

	_, ok = cloud.STS().ServiceSession("arn:aws:sqs:us-east-1:123456789012:not-a-role", "fn")
	assert.False(t, ok)
}
