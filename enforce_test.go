package awsfake_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	awssqs "github.com/awsfake/awsfake/sqs"
)

// enforcedUser creates the IAM user name in the cloud's account and
// returns a configuration that signs with a new access key of it.
func enforcedUser(t testing.TB, cloud *awsfake.Cloud, name string) aws.Config {
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
func attach(t testing.TB, cloud *awsfake.Cloud, name, policyARN string) {
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

// createRole creates the role name with the trust policy trust.
func createRole(t *testing.T, cloud *awsfake.Cloud, name, trust string) string {
	t.Helper()
	out, err := iam.NewFromConfig(cloud.AWSConfig()).CreateRole(context.Background(),
		&iam.CreateRoleInput{RoleName: aws.String(name), AssumeRolePolicyDocument: aws.String(trust)})
	require.NoError(t, err)
	return aws.ToString(out.Role.Arn)
}

// AssumeRole needs the role to exist and trust the caller: an untrusted
// user is refused, a user the trust policy names is allowed with no
// identity policy of its own (same account), a role that does not exist is
// refused as not authorised (issue 17).
func TestEnforcement_AssumeRoleNeedsTrust(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	role := createRole(t, cloud, "deployer", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",`+
		`"Principal":{"AWS":"arn:aws:iam::000000000000:user/ci"},"Action":"sts:AssumeRole"}]}`)
	ci := sts.NewFromConfig(enforcedUser(t, cloud, "ci"))
	intruder := sts.NewFromConfig(enforcedUser(t, cloud, "intruder"))

	_, err := intruder.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(role), RoleSessionName: aws.String("s1")})
	denied(t, err, "AccessDenied", "User: arn:aws:iam::000000000000:user/intruder is not authorized to perform: sts:AssumeRole"+
		" on resource: arn:aws:iam::000000000000:role/deployer because no identity-based policy allows the sts:AssumeRole action")

	out, err := ci.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(role), RoleSessionName: aws.String("s1")})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sts::000000000000:assumed-role/deployer/s1", aws.ToString(out.AssumedRoleUser.Arn))

	_, err = ci.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/nope"), RoleSessionName: aws.String("s1")})
	denied(t, err, "AccessDenied", "User: arn:aws:iam::000000000000:user/ci is not authorized to perform: sts:AssumeRole"+
		" on resource: arn:aws:iam::000000000000:role/nope")
}

// A role session has the role's policies: refused before the role has a
// policy allowing the action, allowed after.
func TestEnforcement_RoleSessionHasTheRolesPolicies(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	role := createRole(t, cloud, "worker", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",`+
		`"Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole"}]}`)
	out, err := sts.NewFromConfig(cloud.AWSConfig()).AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(role), RoleSessionName: aws.String("w1")})
	require.NoError(t, err, "the root user may assume a role that trusts its account")
	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(out.Credentials.AccessKeyId),
		aws.ToString(out.Credentials.SecretAccessKey), aws.ToString(out.Credentials.SessionToken))
	client := sqs.NewFromConfig(cfg)
	_, err = client.ListQueues(ctx, &sqs.ListQueuesInput{})
	denied(t, err, "AccessDenied", "User: arn:aws:sts::000000000000:assumed-role/worker/w1 is not authorized to perform: sqs:ListQueues"+
		" on resource: * because no identity-based policy allows the sqs:ListQueues action")
	_, err = iam.NewFromConfig(cloud.AWSConfig()).AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("worker"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/AmazonSQSFullAccess")})
	require.NoError(t, err)
	_, err = client.ListQueues(ctx, &sqs.ListQueuesInput{})
	require.NoError(t, err)
}

// lambdaTrust is a trust policy that lets Lambda assume a role.
const lambdaTrust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

// A handler's SDK calls carry its execution role: a role without
// sqs:SendMessage fails inside the handler with AWS's message, and passes
// once the policy is attached (issue 17).
func TestEnforcement_HandlerCallsAreTheExecutionRoles(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	queue, err := sqs.NewFromConfig(cloud.AWSConfig()).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("out")})
	require.NoError(t, err)
	role := createRole(t, cloud, "sender-role", lambdaTrust)
	client := sqs.NewFromConfig(cloud.AWSConfig())
	require.NoError(t, cloud.Lambda().RegisterHandler("send", func(ctx context.Context) error {
		_, err := client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: queue.QueueUrl, MessageBody: aws.String("hi")})
		return err
	}))
	fn := awslambda.NewFromConfig(cloud.AWSConfig())
	_, err = fn.CreateFunction(ctx, &awslambda.CreateFunctionInput{FunctionName: aws.String("sender"), Handler: aws.String("send"),
		Runtime: lambdatypes.RuntimeProvidedal2023, Role: aws.String(role), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")}})
	require.NoError(t, err)

	out, err := fn.Invoke(ctx, &awslambda.InvokeInput{FunctionName: aws.String("sender")})
	require.NoError(t, err)
	require.NotNil(t, out.FunctionError)
	assert.Contains(t, string(out.Payload), "User: arn:aws:sts::000000000000:assumed-role/sender-role/sender is not authorized"+
		" to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-1:000000000000:out"+
		" because no identity-based policy allows the sqs:SendMessage action")

	_, err = iam.NewFromConfig(cloud.AWSConfig()).PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: aws.String("sender-role"),
		PolicyName: aws.String("send"), PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
			`"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:000000000000:out"}]}`)})
	require.NoError(t, err)
	out, err = fn.Invoke(ctx, &awslambda.InvokeInput{FunctionName: aws.String("sender")})
	require.NoError(t, err)
	require.Nil(t, out.FunctionError, string(out.Payload))
	cloud.SQS().CheckDepth(t, aws.ToString(queue.QueueUrl), 1, 0, 0)
}

// A queue policy allowing one SNS topic by aws:SourceArn lets that
// topic's messages in and refuses another topic's, whose delivery fails
// into DeliveryFailures (issue 17).
func TestEnforcement_QueuePolicyChecksTheSourceTopic(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	q := sqs.NewFromConfig(cloud.AWSConfig())
	n := sns.NewFromConfig(cloud.AWSConfig())
	queue, err := q.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("inbox")})
	require.NoError(t, err)
	queueARN := "arn:aws:sqs:us-east-1:000000000000:inbox"
	var topics []string
	for _, name := range []string{"allowed", "other"} {
		topic, err := n.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String(name)})
		require.NoError(t, err)
		_, err = n.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"), Endpoint: aws.String(queueARN)})
		require.NoError(t, err)
		topics = append(topics, aws.ToString(topic.TopicArn))
	}
	_, err = q.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: queue.QueueUrl, Attributes: map[string]string{
		"Policy": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},` +
			`"Action":"sqs:SendMessage","Resource":"` + queueARN + `","Condition":{"ArnEquals":{"aws:SourceArn":"` + topics[0] + `"}}}]}`}})
	require.NoError(t, err)
	for _, topic := range topics {
		_, err = n.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("from " + topic)})
		require.NoError(t, err)
	}
	require.NoError(t, cloud.Settle(ctx))
	cloud.SQS().CheckDepth(t, aws.ToString(queue.QueueUrl), 1, 0, 0)
	msgs, err := cloud.SQS().Messages(aws.ToString(queue.QueueUrl))
	require.NoError(t, err)
	assert.Contains(t, msgs[0].Body, `"Message" : "from `+topics[0]+`"`)
	failures := cloud.DeliveryFailures()
	require.Len(t, failures, 1)
	assert.Equal(t, queueARN, failures[0].Target)
	assert.Equal(t, topics[1], failures[0].Source)
	awsfake.CheckCode(t, failures[0].Err, "AccessDenied")
}

// A cross-account call needs both the caller's identity policy and the
// resource's policy to allow it (issue 17; IAM User Guide, "Cross-account
// policy evaluation logic").
func TestEnforcement_CrossAccountNeedsBothPolicies(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	owner := sqs.NewFromConfig(cloud.AWSConfig())
	queue, err := owner.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("shared")})
	require.NoError(t, err)
	queueARN := "arn:aws:sqs:us-east-1:000000000000:shared"

	// The user "partner" of account 111111111111, created by that account's root.
	other := cloud.AWSConfigFor("us-east-1", "111111111111")
	admin := iam.NewFromConfig(other)
	_, err = admin.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("partner")})
	require.NoError(t, err)
	key, err := admin.CreateAccessKey(ctx, &iam.CreateAccessKeyInput{UserName: aws.String("partner")})
	require.NoError(t, err)
	other.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(key.AccessKey.AccessKeyId),
		aws.ToString(key.AccessKey.SecretAccessKey), "")
	partner := sqs.NewFromConfig(other)
	send := func() error {
		_, err := partner.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: queue.QueueUrl, MessageBody: aws.String("hi")})
		return err
	}
	who := "User: arn:aws:iam::111111111111:user/partner is not authorized to perform: sqs:SendMessage on resource: " + queueARN

	_, err = owner.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: queue.QueueUrl, Attributes: map[string]string{
		"Policy": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/partner"},` +
			`"Action":"sqs:SendMessage","Resource":"` + queueARN + `"}]}`}})
	require.NoError(t, err)
	denied(t, send(), "AccessDenied", who+" because no identity-based policy allows the sqs:SendMessage action")

	_, err = admin.PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("partner"), PolicyName: aws.String("send"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}`)})
	require.NoError(t, err)
	require.NoError(t, send(), "both policies allow")

	_, err = owner.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: queue.QueueUrl, Attributes: map[string]string{"Policy": ""}})
	require.NoError(t, err)
	denied(t, send(), "AccessDenied", who+" because no resource-based policy allows the sqs:SendMessage action")
	cloud.SQS().CheckDepth(t, aws.ToString(queue.QueueUrl), 1, 0, 0)
}

// SNS refuses with its own code, AuthorizationError: a user without a
// policy may not publish to a topic whose policy is AWS's default one,
// and may once AmazonSNSFullAccess is attached.
func TestEnforcement_SNSAnswersAuthorizationError(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	topic, err := sns.NewFromConfig(cloud.AWSConfig()).CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("news")})
	require.NoError(t, err)
	client := sns.NewFromConfig(enforcedUser(t, cloud, "writer"))
	publish := func() error {
		_, err := client.Publish(ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("hi")})
		return err
	}
	denied(t, publish(), "AuthorizationError", "User: arn:aws:iam::000000000000:user/writer is not authorized to perform: sns:Publish"+
		" on resource: arn:aws:sns:us-east-1:000000000000:news because no identity-based policy allows the sns:Publish action")
	attach(t, cloud, "writer", "arn:aws:iam::aws:policy/AmazonSNSFullAccess")
	require.NoError(t, publish())
}

// CreateFunction checks iam:PassRole on the execution role, and refuses a
// role Lambda cannot assume with AWS's InvalidParameterValueException
// (issue 17).
func TestEnforcement_CreateFunctionPassesTheRole(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	role := createRole(t, cloud, "fn-role", lambdaTrust)
	untrusting := createRole(t, cloud, "ec2-role", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",`+
		`"Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)
	create := func(client *awslambda.Client, role string) error {
		_, err := client.CreateFunction(ctx, &awslambda.CreateFunctionInput{FunctionName: aws.String("fn"), Handler: aws.String("h"),
			Runtime: lambdatypes.RuntimeProvidedal2023, Role: aws.String(role), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")}})
		return err
	}
	root := awslambda.NewFromConfig(cloud.AWSConfig())
	denied(t, create(root, untrusting), "InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda.")
	denied(t, create(root, "arn:aws:iam::000000000000:role/missing"), "InvalidParameterValueException",
		"The role defined for the function cannot be assumed by Lambda.")

	dev := awslambda.NewFromConfig(enforcedUser(t, cloud, "dev"))
	err := create(dev, role)
	denied(t, err, "AccessDeniedException", "User: arn:aws:iam::000000000000:user/dev is not authorized to perform: lambda:CreateFunction"+
		" on resource: arn:aws:lambda:us-east-1:000000000000:function:fn because no identity-based policy allows the lambda:CreateFunction action")
	var httpErr interface{ HTTPStatusCode() int }
	require.ErrorAs(t, err, &httpErr)
	assert.Equal(t, 403, httpErr.HTTPStatusCode())

	_, err = iam.NewFromConfig(cloud.AWSConfig()).PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("dev"), PolicyName: aws.String("lambda"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:*","Resource":"*"}]}`)})
	require.NoError(t, err)
	denied(t, create(dev, role), "AccessDeniedException", "User: arn:aws:iam::000000000000:user/dev is not authorized to perform: iam:PassRole"+
		" on resource: "+role+" because no identity-based policy allows the iam:PassRole action")

	_, err = iam.NewFromConfig(cloud.AWSConfig()).PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("dev"), PolicyName: aws.String("pass"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"` + role + `",` +
			`"Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}}]}`)})
	require.NoError(t, err)
	require.NoError(t, create(dev, role))
}

// IAM authorises on the resource's ARN: a user allowed iam:CreateRole on
// role/app-* creates app-worker and is refused ops-admin; a self-service
// policy with ${aws:username} lets a user list its own keys and no one
// else's.
func TestEnforcement_IAMActsOnTheResourcesARN(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	admin := iam.NewFromConfig(cloud.AWSConfig())
	client := iam.NewFromConfig(enforcedUser(t, cloud, "builder"))
	enforcedUser(t, cloud, "other")
	_, err := admin.PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("builder"), PolicyName: aws.String("p"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[` +
			`{"Effect":"Allow","Action":"iam:CreateRole","Resource":"arn:aws:iam::000000000000:role/app-*"},` +
			`{"Effect":"Allow","Action":"iam:ListAccessKeys","Resource":"arn:aws:iam::000000000000:user/${aws:username}"}]}`)})
	require.NoError(t, err)
	create := func(name string) error {
		_, err := client.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(name), AssumeRolePolicyDocument: aws.String(lambdaTrust)})
		return err
	}
	require.NoError(t, create("app-worker"))
	denied(t, create("ops-admin"), "AccessDenied", "User: arn:aws:iam::000000000000:user/builder is not authorized to perform: iam:CreateRole"+
		" on resource: arn:aws:iam::000000000000:role/ops-admin because no identity-based policy allows the iam:CreateRole action")

	_, err = client.ListAccessKeys(ctx, &iam.ListAccessKeysInput{})
	require.NoError(t, err, "its own keys, no UserName")
	_, err = client.ListAccessKeys(ctx, &iam.ListAccessKeysInput{UserName: aws.String("builder")})
	require.NoError(t, err)
	_, err = client.ListAccessKeys(ctx, &iam.ListAccessKeysInput{UserName: aws.String("other")})
	denied(t, err, "AccessDenied", "User: arn:aws:iam::000000000000:user/builder is not authorized to perform: iam:ListAccessKeys"+
		" on resource: arn:aws:iam::000000000000:user/other because no identity-based policy allows the iam:ListAccessKeys action")
}

// S3 authorises on the bucket's and the object's ARN, with the bucket
// policy: AmazonS3ReadOnlyAccess reads and is refused a write, with S3's
// quoted resource; a bucket policy lets anonymous readers in under
// public/ and nowhere else.
func TestEnforcement_S3ObjectsAndBucketPolicies(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	owner := s3.NewFromConfig(cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	_, err := owner.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("site")})
	require.NoError(t, err)
	for _, key := range []string{"public/index.html", "private/key.pem"} {
		_, err = owner.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("site"), Key: aws.String(key), Body: strings.NewReader("x")})
		require.NoError(t, err)
	}
	reader := s3.NewFromConfig(enforcedUser(t, cloud, "reader"), func(o *s3.Options) { o.UsePathStyle = true })
	attach(t, cloud, "reader", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
	_, err = reader.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("site"), Key: aws.String("private/key.pem")})
	require.NoError(t, err)
	_, err = reader.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("site"), Key: aws.String("new"), Body: strings.NewReader("x")})
	denied(t, err, "AccessDenied", `User: arn:aws:iam::000000000000:user/reader is not authorized to perform: s3:PutObject`+
		` on resource: "arn:aws:s3:::site/new" because no identity-based policy allows the s3:PutObject action`)

	get := func(key string) int {
		resp, err := cloud.HTTPClient().Get(cloud.URL() + "/site/" + key)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	assert.Equal(t, 403, get("public/index.html"), "no bucket policy: anonymous readers refused")
	_, err = owner.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("site"), Policy: aws.String(
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::site/public/*"}]}`)})
	require.NoError(t, err)
	assert.Equal(t, 200, get("public/index.html"))
	assert.Equal(t, 403, get("private/key.pem"))
}

// An SQS event source mapping needs its function's execution role to
// receive, delete and read the queue's attributes, as Lambda checks when
// the mapping is created; AWSLambdaSQSQueueExecutionRole grants them.
func TestEnforcement_EventSourceMappingNeedsTheRolesQueuePermissions(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	_, err := sqs.NewFromConfig(cloud.AWSConfig()).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("work")})
	require.NoError(t, err)
	role := createRole(t, cloud, "poller-role", lambdaTrust)
	fn := awslambda.NewFromConfig(cloud.AWSConfig())
	_, err = fn.CreateFunction(ctx, &awslambda.CreateFunctionInput{FunctionName: aws.String("consumer"), Handler: aws.String("h"),
		Runtime: lambdatypes.RuntimeProvidedal2023, Role: aws.String(role), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")}})
	require.NoError(t, err)
	mapping := func() error {
		_, err := fn.CreateEventSourceMapping(ctx, &awslambda.CreateEventSourceMappingInput{FunctionName: aws.String("consumer"),
			EventSourceArn: aws.String("arn:aws:sqs:us-east-1:000000000000:work")})
		return err
	}
	denied(t, mapping(), "InvalidParameterValueException", "The provided execution role does not have permissions to call ReceiveMessage on SQS")
	_, err = iam.NewFromConfig(cloud.AWSConfig()).AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("poller-role"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole")})
	require.NoError(t, err)
	require.NoError(t, mapping())
}

// S3's event notifications to a queue are checked against the queue
// policy for s3.amazonaws.com with aws:SourceArn the bucket's: without it
// the configuration is refused, as S3's test event cannot be delivered
// ("Unable to validate the following destination configurations"); with
// it the events arrive; once it is removed, deliveries fail into
// DeliveryFailures (issue 17).
func TestEnforcement_S3NotificationsNeedTheQueuePolicy(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	q := sqs.NewFromConfig(cloud.AWSConfig())
	queue, err := q.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("events")})
	require.NoError(t, err)
	queueARN := "arn:aws:sqs:us-east-1:000000000000:events"
	b := s3.NewFromConfig(cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	_, err = b.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("uploads")})
	require.NoError(t, err)
	configure := func() error {
		_, err := b.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("uploads"),
			NotificationConfiguration: &s3types.NotificationConfiguration{QueueConfigurations: []s3types.QueueConfiguration{{
				QueueArn: aws.String(queueARN), Events: []s3types.Event{s3types.EventS3ObjectCreated}}}}})
		return err
	}
	setPolicy := func(doc string) {
		_, err := q.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: queue.QueueUrl, Attributes: map[string]string{"Policy": doc}})
		require.NoError(t, err)
	}
	put := func(key string) {
		_, err := b.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("uploads"), Key: aws.String(key), Body: strings.NewReader("x")})
		require.NoError(t, err)
		require.NoError(t, cloud.Settle(ctx))
	}
	denied(t, configure(), "InvalidArgument", "Unable to validate the following destination configurations")

	setPolicy(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},` +
		`"Action":"sqs:SendMessage","Resource":"` + queueARN + `","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::uploads"}}}]}`)
	require.NoError(t, configure())
	put("allowed")
	assert.Empty(t, cloud.DeliveryFailures())
	msgs, err := cloud.SQS().Messages(aws.ToString(queue.QueueUrl))
	require.NoError(t, err)
	require.NotEmpty(t, msgs)
	assert.Contains(t, msgs[len(msgs)-1].Body, `"key":"allowed"`)

	setPolicy("")
	put("refused")
	failures := cloud.DeliveryFailures()
	require.Len(t, failures, 1)
	assert.Equal(t, queueARN, failures[0].Target)
	assert.Equal(t, "arn:aws:s3:::uploads", failures[0].Source)
	awsfake.CheckCode(t, failures[0].Err, "AccessDenied")
}

// Lambda sends to a function's destinations with its execution role's
// permissions: a role without sqs:SendMessage leaves the record in
// DeliveryFailures, with it the record arrives.
func TestEnforcement_DestinationsUseTheExecutionRole(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	queue, err := sqs.NewFromConfig(cloud.AWSConfig()).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("done")})
	require.NoError(t, err)
	queueARN := "arn:aws:sqs:us-east-1:000000000000:done"
	role := createRole(t, cloud, "async-role", lambdaTrust)
	require.NoError(t, cloud.Lambda().RegisterHandler("ok", func(context.Context) error { return nil }))
	fn := awslambda.NewFromConfig(cloud.AWSConfig())
	_, err = fn.CreateFunction(ctx, &awslambda.CreateFunctionInput{FunctionName: aws.String("async"), Handler: aws.String("ok"),
		Runtime: lambdatypes.RuntimeProvidedal2023, Role: aws.String(role), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")}})
	require.NoError(t, err)
	_, err = fn.PutFunctionEventInvokeConfig(ctx, &awslambda.PutFunctionEventInvokeConfigInput{FunctionName: aws.String("async"),
		DestinationConfig: &lambdatypes.DestinationConfig{OnSuccess: &lambdatypes.OnSuccess{Destination: aws.String(queueARN)}}})
	require.NoError(t, err)
	invoke := func() {
		_, err := fn.Invoke(ctx, &awslambda.InvokeInput{FunctionName: aws.String("async"), InvocationType: lambdatypes.InvocationTypeEvent})
		require.NoError(t, err)
		require.NoError(t, cloud.Settle(ctx))
	}
	invoke()
	failures := cloud.DeliveryFailures()
	require.Len(t, failures, 1)
	assert.Equal(t, queueARN, failures[0].Target)
	awsfake.CheckCode(t, failures[0].Err, "AccessDenied")
	assert.Contains(t, failures[0].Err.Error(), "assumed-role/async-role")

	_, err = iam.NewFromConfig(cloud.AWSConfig()).PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: aws.String("async-role"),
		PolicyName: aws.String("send"), PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
			`"Action":"sqs:SendMessage","Resource":"` + queueARN + `"}]}`)})
	require.NoError(t, err)
	invoke()
	assert.Len(t, cloud.DeliveryFailures(), 1)
	cloud.SQS().CheckDepth(t, aws.ToString(queue.QueueUrl), 1, 0, 0)
}
