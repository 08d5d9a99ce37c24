package awsfake_test

import (
	"context"
	"io"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	apitypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// With enforcement on, an SQS integration calls as its credentials role:
// a role whose trust policy does not name apigateway.amazonaws.com is
// AWS's 500 Internal server error with the reason in the execution log;
// a role without sqs:SendMessage gets SQS's AccessDenied (403, selected
// by its status); a role allowed it sends the message, with no queue
// policy for API Gateway.
func TestEnforcement_APIGatewayIntegrationCallsAsItsRole(t *testing.T) {
	ctx := context.Background()
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ic := iam.NewFromConfig(cloud.AWSConfig())
	trust := func(svc string) *string {
		return aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "` + svc +
			`"}, "Action": "sts:AssumeRole"}]}`)
	}
	for name, svc := range map[string]string{"untrusted": "lambda.amazonaws.com", "noperm": "apigateway.amazonaws.com", "sender": "apigateway.amazonaws.com"} {
		_, err := ic.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(name), AssumeRolePolicyDocument: trust(svc)})
		require.NoError(t, err)
	}
	_, err := ic.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: aws.String("sender"), PolicyName: aws.String("send"),
		PolicyDocument: aws.String(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage",` +
			` "Resource": "arn:aws:sqs:us-east-1:000000000000:orders"}]}`)})
	require.NoError(t, err)
	sqsc := sqs.NewFromConfig(cloud.AWSConfig())
	q, err := sqsc.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("orders")})
	require.NoError(t, err)

	gw := apigateway.NewFromConfig(cloud.AWSConfig())
	api, err := gw.CreateRestApi(ctx, &apigateway.CreateRestApiInput{Name: aws.String("roles")})
	require.NoError(t, err)
	for _, role := range []string{"untrusted", "noperm", "sender"} {
		res, err := gw.CreateResource(ctx, &apigateway.CreateResourceInput{RestApiId: api.Id, ParentId: api.RootResourceId, PathPart: aws.String(role)})
		require.NoError(t, err)
		in := func(status, pattern string) {
			_, err := gw.PutMethodResponse(ctx, &apigateway.PutMethodResponseInput{RestApiId: api.Id, ResourceId: res.Id,
				HttpMethod: aws.String("POST"), StatusCode: aws.String(status)})
			require.NoError(t, err)
			_, err = gw.PutIntegrationResponse(ctx, &apigateway.PutIntegrationResponseInput{RestApiId: api.Id, ResourceId: res.Id,
				HttpMethod: aws.String("POST"), StatusCode: aws.String(status), SelectionPattern: aws.String(pattern)})
			require.NoError(t, err)
		}
		_, err = gw.PutMethod(ctx, &apigateway.PutMethodInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: aws.String("POST"),
			AuthorizationType: aws.String("NONE")})
		require.NoError(t, err)
		_, err = gw.PutIntegration(ctx, &apigateway.PutIntegrationInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: aws.String("POST"),
			Type: apitypes.IntegrationTypeAws, IntegrationHttpMethod: aws.String("POST"),
			Uri:               aws.String("arn:aws:apigateway:us-east-1:sqs:path/000000000000/orders"),
			Credentials:       aws.String("arn:aws:iam::000000000000:role/" + role),
			RequestParameters: map[string]string{"integration.request.header.Accept": "'application/json'"},
			RequestTemplates:  map[string]string{"application/json": "Action=SendMessage&MessageBody=" + role}})
		require.NoError(t, err)
		in("200", "")
		in("403", "403")
	}
	_, err = gw.CreateDeployment(ctx, &apigateway.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")})
	require.NoError(t, err)
	url := cloud.APIGateway().InvokeURL(*api.Id, "prod")

	status, body := post(t, cloud, url+"/untrusted")
	assert.Equal(t, 500, status)
	assert.JSONEq(t, `{"message": "Internal server error"}`, body)
	calls := cloud.APIGateway().Invocations()
	require.NotEmpty(t, calls)
	assert.Equal(t, "Execution failed due to configuration error: API Gateway does not have permission to assume the provided role "+
		"arn:aws:iam::000000000000:role/untrusted", calls[len(calls)-1].Error)

	status, body = post(t, cloud, url+"/noperm")
	assert.Equal(t, 403, status)
	assert.Contains(t, body, `"Code":"AccessDenied"`)
	assert.Contains(t, body, "assumed-role/noperm/BackplaneAssumeRoleSession is not authorized to perform: sqs:SendMessage")

	status, body = post(t, cloud, url+"/sender")
	require.Equal(t, 200, status, body)
	out, err := sqsc.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	require.NoError(t, err)
	require.Len(t, out.Messages, 1)
	assert.Equal(t, "sender", *out.Messages[0].Body)
}

// post sends an empty JSON POST through the cloud's client.
func post(t *testing.T, cloud *awsfake.Cloud, url string) (int, string) {
	t.Helper()
	resp, err := cloud.HTTPClient().Post(url, "application/json", nil)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}
