package iam

import (
	"crypto/sha256"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
)

// awsPolicy is one AWS managed policy of the catalogue: its path, name and
// current document (ReadOnlyAccess, AWSLambda_FullAccess and
// AmazonDynamoDBFullAccess reduced to their main statements).
type awsPolicy struct {
	path, name, description, doc string
}

// awsPolicies are the AWS managed policies users attach most, by ARN.
var awsPolicies = catalogue([]awsPolicy{
	{"/service-role/", "AWSLambdaBasicExecutionRole", "Provides write permissions to CloudWatch Logs.",
		allow(`["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"]`)},
	{"/service-role/", "AWSLambdaSQSQueueExecutionRole", "Provides receive message, delete message, and read attribute access to SQS queues, and write permissions to CloudWatch logs.",
		allow(`["sqs:ReceiveMessage","sqs:DeleteMessage","sqs:GetQueueAttributes","logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"]`)},
	{"/service-role/", "AWSLambdaVPCAccessExecutionRole", "Provides minimum permissions for a Lambda function to execute while accessing a resource within a VPC - create, describe, delete network interfaces and write permissions to CloudWatch Logs. ",
		allow(`["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents","ec2:CreateNetworkInterface","ec2:DescribeNetworkInterfaces","ec2:DescribeSubnets","ec2:DeleteNetworkInterface","ec2:AssignPrivateIpAddresses","ec2:UnassignPrivateIpAddresses"]`)},
	{"/service-role/", "AWSLambdaDynamoDBExecutionRole", "Provides list and read access to DynamoDB streams and write permissions to CloudWatch logs.",
		allow(`["dynamodb:DescribeStream","dynamodb:GetRecords","dynamodb:GetShardIterator","dynamodb:ListStreams","logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"]`)},
	{"/service-role/", "AWSLambdaKinesisExecutionRole", "Provides list and read access to Kinesis streams and write permissions to CloudWatch logs.",
		allow(`["kinesis:DescribeStream","kinesis:DescribeStreamSummary","kinesis:GetRecords","kinesis:GetShardIterator","kinesis:ListShards","kinesis:ListStreams","kinesis:SubscribeToShard","logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"]`)},
	{"/service-role/", "AWSLambdaRole", "Default policy for AWS Lambda service role.", allow(`["lambda:InvokeFunction"]`)},
	{"/", "AWSLambda_FullAccess", "Grants full access to AWS Lambda service, AWS Lambda console features, and other related AWS services.",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudformation:DescribeStacks","cloudformation:ListStackResources","cloudwatch:ListMetrics","cloudwatch:GetMetricData","ec2:DescribeSecurityGroups","ec2:DescribeSubnets","ec2:DescribeVpcs","kms:ListAliases","iam:GetPolicy","iam:GetPolicyVersion","iam:GetRole","iam:GetRolePolicy","iam:ListAttachedRolePolicies","iam:ListRolePolicies","iam:ListRoles","lambda:*","logs:DescribeLogGroups","states:DescribeStateMachine","states:ListStateMachines","tag:GetResources","xray:GetTraceSummaries","xray:BatchGetTraces"],"Resource":"*"},{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}},{"Effect":"Allow","Action":["logs:DescribeLogStreams","logs:GetLogEvents","logs:FilterLogEvents","logs:StartLiveTail","logs:StopLiveTail"],"Resource":"arn:aws:logs:*:*:log-group:/aws/lambda/*"}]}`},
	{"/", "AmazonSQSFullAccess", "Provides full access to Amazon SQS via the AWS Management Console.", allow(`["sqs:*"]`)},
	{"/", "AmazonSQSReadOnlyAccess", "Provides read only access to Amazon SQS via the AWS Management Console.",
		allow(`["sqs:GetQueueAttributes","sqs:GetQueueUrl","sqs:ListDeadLetterSourceQueues","sqs:ListQueues","sqs:ListMessageMoveTasks","sqs:ListQueueTags"]`)},
	{"/", "AmazonS3FullAccess", "Provides full access to all buckets via the AWS Management Console.", allow(`["s3:*","s3-object-lambda:*"]`)},
	{"/", "AmazonS3ReadOnlyAccess", "Provides read only access to all buckets via the AWS Management Console.",
		allow(`["s3:Get*","s3:List*","s3:Describe*","s3-object-lambda:Get*","s3-object-lambda:List*"]`)},
	{"/", "AmazonSNSFullAccess", "Provides full access to Amazon SNS via the AWS Management Console.", allow(`["sns:*"]`)},
	{"/", "AmazonSNSReadOnlyAccess", "Provides read only access to Amazon SNS via the AWS Management Console.", allow(`["sns:GetTopicAttributes","sns:List*","sns:CheckIfPhoneNumberIsOptedOut","sns:GetEndpointAttributes","sns:GetDataProtectionPolicy","sns:GetPlatformApplicationAttributes","sns:GetSMSAttributes","sns:GetSMSSandboxAccountStatus","sns:GetSubscriptionAttributes"]`)},
	{"/", "CloudWatchLogsFullAccess", "Provides full access to CloudWatch Logs", allow(`["logs:*","cloudwatch:GenerateQuery","cloudwatch:GenerateQueryResultsSummary"]`)},
	{"/", "CloudWatchFullAccess", "Provides full access to CloudWatch.", allow(`["application-autoscaling:DescribeScalingPolicies","autoscaling:Describe*","cloudwatch:*","logs:*","sns:*","iam:GetPolicy","iam:GetPolicyVersion","iam:GetRole","oam:ListSinks"]`)},
	{"/", "AWSStepFunctionsFullAccess", "An access policy for providing a user/role/etc access to the AWS StepFunctions API. For full access, in addition to this policy, a user MUST have iam:PassRole permission on at least one IAM role that can be assumed by the service.",
		allow(`"states:*"`)},
	{"/", "AmazonDynamoDBFullAccess", "Provides full access to Amazon DynamoDB via the AWS Management Console.",
		allow(`["dynamodb:*","dax:*","application-autoscaling:DeleteScalingPolicy","application-autoscaling:DescribeScalableTargets","application-autoscaling:PutScalingPolicy","application-autoscaling:RegisterScalableTarget","cloudwatch:GetMetricStatistics","cloudwatch:PutMetricAlarm","cloudwatch:DescribeAlarms","kms:DescribeKey","kms:ListAliases","lambda:CreateEventSourceMapping","lambda:DeleteEventSourceMapping","lambda:GetFunctionConfiguration","lambda:ListEventSourceMappings","lambda:ListFunctions"]`)},
	{"/", "AmazonKinesisFullAccess", "Provides full access to all streams via the AWS Management Console.", allow(`"kinesis:*"`)},
	{"/", "AmazonEventBridgeFullAccess", "Provides full access to Amazon EventBridge.", allow(`["events:*","schemas:*","scheduler:*","pipes:*"]`)},
	{"/", "AmazonAPIGatewayInvokeFullAccess", "Provides full access to invoke APIs in Amazon API Gateway.", allow(`["execute-api:Invoke","execute-api:ManageConnections"]`)},
	{"/", "AWSXrayWriteOnlyAccess", "AWS X-Ray write only managed policy", allow(`["xray:PutTraceSegments","xray:PutTelemetryRecords","xray:GetSamplingRules","xray:GetSamplingTargets","xray:GetSamplingStatisticSummaries"]`)},
	{"/", "IAMFullAccess", "Provides full access to IAM via the AWS Management Console.", allow(`["iam:*","organizations:DescribeAccount","organizations:DescribeOrganization","organizations:DescribeOrganizationalUnit","organizations:DescribePolicy","organizations:ListChildren","organizations:ListParents","organizations:ListPoliciesForTarget","organizations:ListRoots","organizations:ListPolicies","organizations:ListTargetsForPolicy"]`)},
	{"/", "AdministratorAccess", "Provides full access to AWS services and resources.", allow(`"*"`)},
	{"/", "PowerUserAccess", "Provides full access to AWS services and resources, but does not allow management of Users and groups.",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"},{"Effect":"Allow","Action":["iam:CreateServiceLinkedRole","iam:DeleteServiceLinkedRole","iam:ListRoles","organizations:DescribeOrganization","account:ListRegions","account:GetAccountInformation"],"Resource":"*"}]}`},
	{"/", "ReadOnlyAccess", "Provides read-only access to AWS services and resources.",
		allow(`["apigateway:GET","cloudformation:Describe*","cloudformation:Get*","cloudformation:List*","cloudwatch:Describe*","cloudwatch:Get*","cloudwatch:List*","dynamodb:BatchGetItem","dynamodb:Describe*","dynamodb:GetItem","dynamodb:List*","dynamodb:Query","dynamodb:Scan","events:Describe*","events:List*","iam:Generate*","iam:Get*","iam:List*","iam:Simulate*","kinesis:Describe*","kinesis:Get*","kinesis:List*","lambda:Get*","lambda:List*","logs:Describe*","logs:FilterLogEvents","logs:Get*","logs:StartQuery","logs:StopQuery","s3:Describe*","s3:Get*","s3:List*","sns:Check*","sns:Get*","sns:List*","sqs:Get*","sqs:List*","sqs:Receive*","states:Describe*","states:Get*","states:List*","sts:GetCallerIdentity","xray:BatchGet*","xray:Get*"]`)},
})

// allow is a document with one statement allowing actions on everything.
func allow(actions string) string {
	return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":` + actions + `,"Resource":"*"}]}`
}

// awsPublished is the date the fake gives every AWS managed policy.
var awsPublished = time.Date(2015, 2, 6, 18, 40, 0, 0, time.UTC)

func catalogue(ps []awsPolicy) map[string]awsPolicy {
	out := make(map[string]awsPolicy, len(ps))
	for _, p := range ps {
		out[awsPolicyARN(p.path, p.name)] = p
	}
	return out
}

func awsPolicyARN(path, name string) string {
	return arn.Build("", arnService, "", awsManagedAccount, "policy"+path+name)
}

// awsManaged returns a fresh copy of the AWS managed policy policyARN: an
// id of AWS's form derived from its name, one version, v1.
func awsManaged(policyARN string) (*managed, bool) {
	p, ok := awsPolicies[policyARN]
	if !ok {
		return nil, false
	}
	sum := sha256.Sum256([]byte(p.name))
	id := make([]byte, 17)
	for i := range id {
		id[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[sum[i]%32]
	}
	m := &managed{name: p.name, path: p.path, id: "ANPA" + string(id), arn: policyARN, description: p.description,
		created: awsPublished, aws: true}
	m.addVersion(p.doc, true, awsPublished)
	return m, true
}

// awsManagedARNs lists the catalogue's ARNs, sorted.
func awsManagedARNs() []string {
	out := make([]string, 0, len(awsPolicies))
	for a := range awsPolicies {
		out = append(out, a)
	}
	slices.SortFunc(out, func(x, y string) int { return strings.Compare(x, y) })
	return out
}
