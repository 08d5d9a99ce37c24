package awsfake_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/servicetest"
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

// A handler's SDK call carries the invocation's trace header, as the SDK's
// recursion detection sends _X_AMZN_TRACE_ID in AWS; a call outside a
// handler carries none.
func TestHandlerCalls_CarryTheInvocationsTraceHeader(t *testing.T) {
	cloud := awsfake.NewT(t)
	ctx := context.Background()
	var seen []string
	cfg := cloud.AWSConfig()
	cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cloud.ServeHTTP(w, r)
		seen = append(seen, r.Header.Get("X-Amzn-Trace-Id"))
	})}}
	who := sts.NewFromConfig(cfg)
	require.NoError(t, cloud.Lambda().RegisterHandler("traced", func(ctx context.Context) error {
		_, err := who.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
		return err
	}))
	client := awslambda.NewFromConfig(cloud.AWSConfig())
	_, err := client.CreateFunction(ctx, &awslambda.CreateFunctionInput{FunctionName: aws.String("traced"),
		Handler: aws.String("traced"), Runtime: types.RuntimeProvidedal2023, Role: aws.String("arn:aws:iam::000000000000:role/r"),
		Code: &types.FunctionCode{ZipFile: []byte("zip")}})
	require.NoError(t, err)
	out, err := client.Invoke(ctx, &awslambda.InvokeInput{FunctionName: aws.String("traced")})
	require.NoError(t, err)
	require.Nil(t, out.FunctionError, string(out.Payload))
	_, err = who.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	require.Len(t, seen, 2)
	assert.Regexp(t, `^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=[01]$`, seen[0])
	assert.Empty(t, seen[1])
}
