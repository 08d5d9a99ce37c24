package iam_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
)

func TestCheckRoleAndCheckAttached(t *testing.T) {
	f := newFixture(t)
	f.role(t, "Fn")
	basic := "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
	_, err := f.client.AttachRolePolicy(f.ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("Fn"), PolicyArn: aws.String(basic)})
	require.NoError(t, err)
	f.cloud.IAM().CheckRole(t, "fn")
	f.cloud.IAM().CheckAttached(t, "Fn", basic)

	rec := &servicetest.Recorder{TB: t}
	f.cloud.IAM().CheckRole(rec, "other")
	assert.Equal(t, "iam: no role other in account 000000000000", rec.Message)
	rec = &servicetest.Recorder{TB: t}
	f.cloud.IAM().CheckAttached(rec, "Fn", "arn:aws:iam::aws:policy/AdministratorAccess")
	assert.Equal(t, "iam: arn:aws:iam::aws:policy/AdministratorAccess is not attached to role Fn", rec.Message)
}
