package logs_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// test_logs_resource_policies: put, update, describe, the limit of 10,
// delete of a missing one.
func TestResourcePolicies(t *testing.T) {
	f := newFixture(t)
	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"route53.amazonaws.com"},"Action":"logs:PutLogEvents","Resource":"*"}]}`
	put := func(name, d string) (*sdk.PutResourcePolicyOutput, error) {
		return f.client.PutResourcePolicy(ctx, &sdk.PutResourcePolicyInput{PolicyName: aws.String(name), PolicyDocument: aws.String(d)})
	}
	out, err := put("p0", doc)
	require.NoError(t, err)
	assert.Equal(t, types.PolicyScopeAccount, out.ResourcePolicy.PolicyScope)
	assert.Equal(t, t0.UnixMilli(), aws.ToInt64(out.ResourcePolicy.LastUpdatedTime))
	upd, err := put("p0", `{"Version":"2008-10-17"}`)
	require.NoError(t, err)
	assert.NotEqual(t, aws.ToString(out.RevisionId), aws.ToString(upd.RevisionId))
	for i := 1; i < 10; i++ {
		_, err := put(fmt.Sprint("p", i), doc)
		require.NoError(t, err)
	}
	_, err = put("p10", doc)
	e := requireCode(t, err, "LimitExceededException")
	assert.Equal(t, "Resource limit exceeded.", e.ErrorMessage())
	_, err = put("bad", "{")
	requireCode(t, err, "InvalidParameterException")
	desc, err := f.client.DescribeResourcePolicies(ctx, &sdk.DescribeResourcePoliciesInput{})
	require.NoError(t, err)
	require.Len(t, desc.ResourcePolicies, 10)
	assert.Equal(t, `{"Version":"2008-10-17"}`, aws.ToString(desc.ResourcePolicies[0].PolicyDocument))
	_, err = f.client.DeleteResourcePolicy(ctx, &sdk.DeleteResourcePolicyInput{PolicyName: aws.String("non-existent")})
	e = requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, "Policy with name [non-existent] does not exist.", e.ErrorMessage())
	_, err = f.client.DeleteResourcePolicy(ctx, &sdk.DeleteResourcePolicyInput{PolicyName: aws.String("p0")})
	require.NoError(t, err)
}
