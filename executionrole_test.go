package awsfake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// An SDK call a handler makes with its ctx is the execution role's, in a
// session named after the function, as the credentials AWS puts in the
// function's environment make it (issue 14); outside the handler the same
// client is the account's root user.
func TestHandlerCalls_AreTheExecutionRoles(t *testing.T) {
	cloud := awsfake.NewT(t)
	ctx := context.Background()
	who := sts.NewFromConfig(cloud.AWSConfig())
	require.NoError(t, cloud.Lambda().RegisterHandler("whoami", func(ctx context.Context) (string, error) {
		id, err := who.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
		if err != nil {
			return "", err
		}
		return aws.ToString(id.Arn), nil
	}))
	client := awslambda.NewFromConfig(cloud.AWSConfig())
	for _, fn := range []struct{ name, role string }{
		{"reporter", "arn:aws:iam::000000000000:role/service-role/reporter-role"},
		{"auditor", "arn:aws:iam::111111111111:role/audit"},
	} {
		_, err := client.CreateFunction(ctx, &awslambda.CreateFunctionInput{FunctionName: aws.String(fn.name),
			Handler: aws.String("whoami"), Runtime: types.RuntimeProvidedal2023, Role: aws.String(fn.role),
			Code: &types.FunctionCode{ZipFile: []byte("zip")}})
		require.NoError(t, err)
	}
	invoke := func(name string) string {
		out, err := client.Invoke(ctx, &awslambda.InvokeInput{FunctionName: aws.String(name)})
		require.NoError(t, err)
		require.Nil(t, out.FunctionError, string(out.Payload))
		return string(out.Payload)
	}
	assert.Equal(t, `"arn:aws:sts::000000000000:assumed-role/reporter-role/reporter"`, invoke("reporter"))
	assert.Equal(t, `"arn:aws:sts::111111111111:assumed-role/audit/auditor"`, invoke("auditor"))
	assert.Equal(t, `"arn:aws:sts::000000000000:assumed-role/reporter-role/reporter"`, invoke("reporter"), "the same session again")

	id, err := who.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::000000000000:root", aws.ToString(id.Arn), "outside a handler")
}
