package awsfake_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	apigwtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53domains"
	"github.com/aws/aws-sdk-go-v2/service/scheduler"
	schedtypes "github.com/aws/aws-sdk-go-v2/service/scheduler/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// allow gives the user name the inline policy policy, allowing action on
// resource.
func allow(t *testing.T, cloud *awsfake.Cloud, name, policy, action, resource string) {
	t.Helper()
	_, err := iam.NewFromConfig(cloud.AWSConfig()).PutUserPolicy(context.Background(), &iam.PutUserPolicyInput{
		UserName: aws.String(name), PolicyName: aws.String(policy),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"` + action +
			`","Resource":"` + resource + `"}]}`)})
	require.NoError(t, err)
}

// status is the HTTP status of the SDK error err.
func status(t *testing.T, err error) int {
	t.Helper()
	var httpErr interface{ HTTPStatusCode() int }
	require.ErrorAs(t, err, &httpErr)
	return httpErr.HTTPStatusCode()
}

// refusal is AWS's message refusing the user dev action on resource.
func refusal(action, resource string) string {
	return "User: arn:aws:iam::000000000000:user/dev is not authorized to perform: " + action + " on resource: " + resource +
		" because no identity-based policy allows the " + action + " action"
}

// CreateStateMachine needs states:CreateStateMachine on the machine's ARN,
// then iam:PassRole of its role to states.amazonaws.com (issue 17).
func TestEnforcement_StepFunctionsPassesTheRole(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	role := createRole(t, cloud, "sfn-role", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",`+
		`"Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)
	dev := sfn.NewFromConfig(enforcedUser(t, cloud, "dev"))
	create := func() error {
		_, err := dev.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("flow"), RoleArn: aws.String(role),
			Definition: aws.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`)})
		return err
	}
	err := create()
	denied(t, err, "AccessDeniedException", refusal("states:CreateStateMachine", "arn:aws:states:us-east-1:000000000000:stateMachine:flow"))
	assert.Equal(t, 400, status(t, err))
	allow(t, cloud, "dev", "states", "states:*", "*")
	denied(t, create(), "AccessDeniedException", refusal("iam:PassRole", role))
	machines, err := sfn.NewFromConfig(cloud.AWSConfig()).ListStateMachines(ctx, &sfn.ListStateMachinesInput{})
	require.NoError(t, err)
	assert.Empty(t, machines.StateMachines, "state untouched")

	_, err = iam.NewFromConfig(cloud.AWSConfig()).PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("dev"), PolicyName: aws.String("pass"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"` + role + `",` +
			`"Condition":{"StringEquals":{"iam:PassedToService":"states.amazonaws.com"}}}]}`)})
	require.NoError(t, err)
	require.NoError(t, create())
}

// EventBridge refuses events:PutRule on the rule's ARN, and PutTargets a
// target role the user may not pass; Scheduler refuses with its 403.
func TestEnforcement_EventBridgeAndScheduler(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	cfg := enforcedUser(t, cloud, "dev")
	events := eventbridge.NewFromConfig(cfg)
	put := func() error {
		_, err := events.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String(`{"source":["app"]}`)})
		return err
	}
	err := put()
	denied(t, err, "AccessDeniedException", refusal("events:PutRule", "arn:aws:events:us-east-1:000000000000:rule/r"))
	assert.Equal(t, 400, status(t, err))
	allow(t, cloud, "dev", "events", "events:*", "*")
	require.NoError(t, put())
	role := "arn:aws:iam::000000000000:role/events-role"
	_, err = events.PutTargets(ctx, &eventbridge.PutTargetsInput{Rule: aws.String("r"), Targets: []ebtypes.Target{
		{Id: aws.String("1"), Arn: aws.String("arn:aws:sqs:us-east-1:000000000000:q"), RoleArn: aws.String(role)}}})
	denied(t, err, "AccessDeniedException", refusal("iam:PassRole", role))

	sched := scheduler.NewFromConfig(cfg)
	group := func() error {
		_, err := sched.CreateScheduleGroup(ctx, &scheduler.CreateScheduleGroupInput{Name: aws.String("g")})
		return err
	}
	err = group()
	denied(t, err, "AccessDeniedException", refusal("scheduler:CreateScheduleGroup", "arn:aws:scheduler:us-east-1:000000000000:schedule-group/g"))
	assert.Equal(t, 403, status(t, err))
	allow(t, cloud, "dev", "scheduler", "scheduler:*", "*")
	require.NoError(t, group())
	_, err = sched.CreateSchedule(ctx, &scheduler.CreateScheduleInput{Name: aws.String("s"), GroupName: aws.String("g"),
		ScheduleExpression: aws.String("rate(5 minutes)"), FlexibleTimeWindow: &schedtypes.FlexibleTimeWindow{Mode: schedtypes.FlexibleTimeWindowModeOff},
		Target: &schedtypes.Target{Arn: aws.String("arn:aws:sqs:us-east-1:000000000000:q"), RoleArn: aws.String(role)}})
	denied(t, err, "AccessDeniedException", refusal("iam:PassRole", role))
}

// CloudWatch Logs authorises a log group's actions on
// log-group:<name>:log-stream: and a stream's on its stream, as AWS's
// refusals name them.
func TestEnforcement_LogsGroupsAndStreams(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	dev := cloudwatchlogs.NewFromConfig(enforcedUser(t, cloud, "dev"))
	_, err := dev.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String("app")})
	denied(t, err, "AccessDeniedException", refusal("logs:CreateLogGroup", "arn:aws:logs:us-east-1:000000000000:log-group:app:log-stream:"))
	assert.Equal(t, 400, status(t, err))
	allow(t, cloud, "dev", "group", "logs:CreateLogGroup", "arn:aws:logs:us-east-1:000000000000:log-group:app:*")
	_, err = dev.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String("app")})
	require.NoError(t, err)
	_, err = dev.CreateLogStream(ctx, &cloudwatchlogs.CreateLogStreamInput{LogGroupName: aws.String("app"), LogStreamName: aws.String("s")})
	denied(t, err, "AccessDeniedException", refusal("logs:CreateLogStream", "arn:aws:logs:us-east-1:000000000000:log-group:app:log-stream:s"))
	allow(t, cloud, "dev", "stream", "logs:CreateLogStream", "arn:aws:logs:us-east-1:000000000000:log-group:app:log-stream:s")
	_, err = dev.CreateLogStream(ctx, &cloudwatchlogs.CreateLogStreamInput{LogGroupName: aws.String("app"), LogStreamName: aws.String("s")})
	require.NoError(t, err)
}

// CloudWatch refuses with AccessDenied, 403, over the SDK's rpcv2Cbor: an
// alarm's action on alarm:<name>, PutMetricData with its namespace as
// cloudwatch:namespace.
func TestEnforcement_CloudWatchAlarmsAndNamespaces(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	dev := cloudwatch.NewFromConfig(enforcedUser(t, cloud, "dev"))
	alarm := func() error {
		_, err := dev.PutMetricAlarm(ctx, &cloudwatch.PutMetricAlarmInput{AlarmName: aws.String("high"), Namespace: aws.String("App"),
			MetricName: aws.String("Errors"), Statistic: cwtypes.StatisticSum, Period: aws.Int32(60), EvaluationPeriods: aws.Int32(1),
			Threshold: aws.Float64(1), ComparisonOperator: cwtypes.ComparisonOperatorGreaterThanThreshold})
		return err
	}
	err := alarm()
	denied(t, err, "AccessDenied", refusal("cloudwatch:PutMetricAlarm", "arn:aws:cloudwatch:us-east-1:000000000000:alarm:high"))
	assert.Equal(t, 403, status(t, err))
	allow(t, cloud, "dev", "alarm", "cloudwatch:PutMetricAlarm", "arn:aws:cloudwatch:us-east-1:000000000000:alarm:high")
	require.NoError(t, alarm())

	_, err = iam.NewFromConfig(cloud.AWSConfig()).PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("dev"), PolicyName: aws.String("ns"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudwatch:PutMetricData","Resource":"*",` +
			`"Condition":{"StringEquals":{"cloudwatch:namespace":"App"}}}]}`)})
	require.NoError(t, err)
	put := func(ns string) error {
		_, err := dev.PutMetricData(ctx, &cloudwatch.PutMetricDataInput{Namespace: aws.String(ns),
			MetricData: []cwtypes.MetricDatum{{MetricName: aws.String("Errors"), Value: aws.Float64(1)}}})
		return err
	}
	require.NoError(t, put("App"))
	denied(t, put("Other"), "AccessDenied", refusal("cloudwatch:PutMetricData", "*"))
}

// X-Ray refuses AccessDeniedException, 403: PutTraceSegments on "*", a
// group's action on the group's ARN, found by its name.
func TestEnforcement_XRaySegmentsAndGroups(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	dev := xray.NewFromConfig(enforcedUser(t, cloud, "dev"))
	segment := `{"name":"web","id":"70de5b6f19ff9a0a","trace_id":"1-581cf771-a006649127e371903a2de979","start_time":1.478293361271E9,"end_time":1.478293361449E9}`
	_, err := dev.PutTraceSegments(ctx, &xray.PutTraceSegmentsInput{TraceSegmentDocuments: []string{segment}})
	denied(t, err, "AccessDeniedException", refusal("xray:PutTraceSegments", "*"))
	assert.Equal(t, 403, status(t, err))
	allow(t, cloud, "dev", "segments", "xray:PutTraceSegments", "*")
	_, err = dev.PutTraceSegments(ctx, &xray.PutTraceSegmentsInput{TraceSegmentDocuments: []string{segment}})
	require.NoError(t, err)

	group, err := xray.NewFromConfig(cloud.AWSConfig()).CreateGroup(ctx, &xray.CreateGroupInput{GroupName: aws.String("errors")})
	require.NoError(t, err)
	_, err = dev.GetGroup(ctx, &xray.GetGroupInput{GroupName: aws.String("errors")})
	denied(t, err, "AccessDeniedException", refusal("xray:GetGroup", aws.ToString(group.Group.GroupARN)))
	allow(t, cloud, "dev", "groups", "xray:GetGroup", "arn:aws:xray:us-east-1:000000000000:group/errors/*")
	_, err = dev.GetGroup(ctx, &xray.GetGroupInput{GroupName: aws.String("errors")})
	require.NoError(t, err)
}

// Route 53 refuses AccessDenied, 403, in its <ErrorResponse>: CreateHostedZone
// on "*", a zone's action on arn:aws:route53:::hostedzone/<id>; Route 53
// Domains its AccessDeniedException.
func TestEnforcement_Route53Zones(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	cfg := enforcedUser(t, cloud, "dev")
	dev := route53.NewFromConfig(cfg)
	create := func() (*route53.CreateHostedZoneOutput, error) {
		return dev.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String("example.com"), CallerReference: aws.String("r1")})
	}
	_, err := create()
	denied(t, err, "AccessDenied", refusal("route53:CreateHostedZone", "*"))
	assert.Equal(t, 403, status(t, err))
	allow(t, cloud, "dev", "create", "route53:CreateHostedZone", "*")
	zone, err := create()
	require.NoError(t, err)
	id := aws.ToString(zone.HostedZone.Id)[len("/hostedzone/"):]
	_, err = dev.GetHostedZone(ctx, &route53.GetHostedZoneInput{Id: zone.HostedZone.Id})
	denied(t, err, "AccessDenied", refusal("route53:GetHostedZone", "arn:aws:route53:::hostedzone/"+id))
	allow(t, cloud, "dev", "get", "route53:GetHostedZone", "arn:aws:route53:::hostedzone/"+id)
	_, err = dev.GetHostedZone(ctx, &route53.GetHostedZoneInput{Id: zone.HostedZone.Id})
	require.NoError(t, err)

	_, err = route53domains.NewFromConfig(cfg).ListDomains(ctx, &route53domains.ListDomainsInput{})
	denied(t, err, "AccessDeniedException", refusal("route53domains:ListDomains", "*"))
}

// API Gateway authorises by HTTP method on the path's ARN and refuses
// AccessDeniedException, 403, in restJson1 (a GET included); PutIntegration
// with credentials asks iam:PassRole of the role.
func TestEnforcement_APIGatewayByMethodAndPath(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	cfg := enforcedUser(t, cloud, "dev")
	dev := apigateway.NewFromConfig(cfg)
	_, err := dev.CreateRestApi(ctx, &apigateway.CreateRestApiInput{Name: aws.String("shop")})
	denied(t, err, "AccessDeniedException", refusal("apigateway:POST", "arn:aws:apigateway:us-east-1::/restapis"))
	assert.Equal(t, 403, status(t, err))
	_, err = dev.GetRestApis(ctx, &apigateway.GetRestApisInput{})
	denied(t, err, "AccessDeniedException", refusal("apigateway:GET", "arn:aws:apigateway:us-east-1::/restapis"))
	_, err = apigatewayv2.NewFromConfig(cfg).GetApis(ctx, &apigatewayv2.GetApisInput{})
	denied(t, err, "AccessDeniedException", refusal("apigateway:GET", "arn:aws:apigateway:us-east-1::/apis"))

	allow(t, cloud, "dev", "apigw", "apigateway:*", "arn:aws:apigateway:us-east-1::/restapis*")
	api, err := dev.CreateRestApi(ctx, &apigateway.CreateRestApiInput{Name: aws.String("shop")})
	require.NoError(t, err)
	_, err = dev.PutMethod(ctx, &apigateway.PutMethodInput{RestApiId: api.Id, ResourceId: api.RootResourceId,
		HttpMethod: aws.String("GET"), AuthorizationType: aws.String("NONE")})
	require.NoError(t, err)
	role := "arn:aws:iam::000000000000:role/apigw-role"
	_, err = dev.PutIntegration(ctx, &apigateway.PutIntegrationInput{RestApiId: api.Id, ResourceId: api.RootResourceId,
		HttpMethod: aws.String("GET"), Type: apigwtypes.IntegrationTypeAws, IntegrationHttpMethod: aws.String("POST"),
		Uri: aws.String("arn:aws:apigateway:us-east-1:sqs:path/000000000000/q"), Credentials: aws.String(role)})
	denied(t, err, "AccessDeniedException", refusal("iam:PassRole", role))
}

// With enforcement on, the test keys are the account's root user: every
// one of the services allows its calls.
func TestEnforcement_RootKeysCallEveryService(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	cfg := cloud.AWSConfig()
	_, err := sfn.NewFromConfig(cfg).CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("flow"),
		RoleArn: aws.String("arn:aws:iam::000000000000:role/any"), Definition: aws.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`)})
	require.NoError(t, err)
	_, err = eventbridge.NewFromConfig(cfg).PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String(`{"source":["app"]}`)})
	require.NoError(t, err)
	_, err = scheduler.NewFromConfig(cfg).ListSchedules(ctx, &scheduler.ListSchedulesInput{})
	require.NoError(t, err)
	_, err = cloudwatchlogs.NewFromConfig(cfg).CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String("g")})
	require.NoError(t, err)
	_, err = cloudwatch.NewFromConfig(cfg).ListMetrics(ctx, &cloudwatch.ListMetricsInput{})
	require.NoError(t, err)
	_, err = xray.NewFromConfig(cfg).GetGroups(ctx, &xray.GetGroupsInput{})
	require.NoError(t, err)
	_, err = route53.NewFromConfig(cfg).ListHostedZones(ctx, &route53.ListHostedZonesInput{})
	require.NoError(t, err)
	_, err = route53domains.NewFromConfig(cfg).ListDomains(ctx, &route53domains.ListDomainsInput{})
	require.NoError(t, err)
	_, err = apigateway.NewFromConfig(cfg).CreateRestApi(ctx, &apigateway.CreateRestApiInput{Name: aws.String("shop")})
	require.NoError(t, err)
	_, err = apigatewayv2.NewFromConfig(cfg).GetApis(ctx, &apigatewayv2.GetApisInput{})
	require.NoError(t, err)
}

// CloudWatch's awsQuery clients (the CLI, older SDKs) read the refusal in
// the Query <ErrorResponse>: AccessDenied, 403.
func TestEnforcement_CloudWatchQueryRefusal(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	creds, err := enforcedUser(t, cloud, "dev").Credentials.Retrieve(context.Background())
	require.NoError(t, err)
	req := httptest.NewRequest("POST", "http://awsfake.localhost/", strings.NewReader("Action=DeleteAlarms&Version=2010-08-01&AlarmNames.member.1=high"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+creds.AccessKeyID+"/20300101/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=00")
	w := httptest.NewRecorder()
	cloud.ServeHTTP(w, req)
	assert.Equal(t, 403, w.Code)
	assert.Contains(t, w.Body.String(), "<Code>AccessDenied</Code>")
	assert.Contains(t, w.Body.String(), refusal("cloudwatch:DeleteAlarms", "arn:aws:cloudwatch:us-east-1:000000000000:alarm:high"))
}

// A state machine's tags are aws:ResourceTag/<key>: a user allowed only
// machines tagged env=dev describes those and is refused the others.
func TestEnforcement_StepFunctionsResourceTags(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	root := sfn.NewFromConfig(cloud.AWSConfig())
	machine := func(name, env string) string {
		out, err := root.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String(name),
			RoleArn: aws.String("arn:aws:iam::000000000000:role/any"), Definition: aws.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`),
			Tags: []sfntypes.Tag{{Key: aws.String("env"), Value: aws.String(env)}}})
		require.NoError(t, err)
		return aws.ToString(out.StateMachineArn)
	}
	dev, prod := machine("dev-flow", "dev"), machine("prod-flow", "prod")
	client := sfn.NewFromConfig(enforcedUser(t, cloud, "dev"))
	_, err := iam.NewFromConfig(cloud.AWSConfig()).PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("dev"), PolicyName: aws.String("tagged"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"states:DescribeStateMachine","Resource":"*",` +
			`"Condition":{"StringEquals":{"aws:ResourceTag/env":"dev"}}}]}`)})
	require.NoError(t, err)
	_, err = client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(dev)})
	require.NoError(t, err)
	_, err = client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(prod)})
	denied(t, err, "AccessDeniedException", refusal("states:DescribeStateMachine", prod))
}

// An EventBridge bus's tags are aws:ResourceTag/<key>.
func TestEnforcement_EventBridgeResourceTags(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	root := eventbridge.NewFromConfig(cloud.AWSConfig())
	for name, team := range map[string]string{"orders": "shop", "audit": "security"} {
		_, err := root.CreateEventBus(ctx, &eventbridge.CreateEventBusInput{Name: aws.String(name),
			Tags: []ebtypes.Tag{{Key: aws.String("team"), Value: aws.String(team)}}})
		require.NoError(t, err)
	}
	client := eventbridge.NewFromConfig(enforcedUser(t, cloud, "dev"))
	_, err := iam.NewFromConfig(cloud.AWSConfig()).PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("dev"), PolicyName: aws.String("team"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"events:DescribeEventBus","Resource":"*",` +
			`"Condition":{"StringEquals":{"aws:ResourceTag/team":"shop"}}}]}`)})
	require.NoError(t, err)
	_, err = client.DescribeEventBus(ctx, &eventbridge.DescribeEventBusInput{Name: aws.String("orders")})
	require.NoError(t, err)
	_, err = client.DescribeEventBus(ctx, &eventbridge.DescribeEventBusInput{Name: aws.String("audit")})
	denied(t, err, "AccessDeniedException", refusal("events:DescribeEventBus", "arn:aws:events:us-east-1:000000000000:event-bus/audit"))
}

// A log group's tags are aws:ResourceTag/<key> for its actions and its
// streams'.
func TestEnforcement_LogsResourceTags(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	root := cloudwatchlogs.NewFromConfig(cloud.AWSConfig())
	for name, team := range map[string]string{"shop": "shop", "audit": "security"} {
		_, err := root.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String(name), Tags: map[string]string{"team": team}})
		require.NoError(t, err)
	}
	client := cloudwatchlogs.NewFromConfig(enforcedUser(t, cloud, "dev"))
	_, err := iam.NewFromConfig(cloud.AWSConfig()).PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("dev"), PolicyName: aws.String("team"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:CreateLogStream","Resource":"*",` +
			`"Condition":{"StringEquals":{"aws:ResourceTag/team":"shop"}}}]}`)})
	require.NoError(t, err)
	_, err = client.CreateLogStream(ctx, &cloudwatchlogs.CreateLogStreamInput{LogGroupName: aws.String("shop"), LogStreamName: aws.String("s")})
	require.NoError(t, err)
	_, err = client.CreateLogStream(ctx, &cloudwatchlogs.CreateLogStreamInput{LogGroupName: aws.String("audit"), LogStreamName: aws.String("s")})
	denied(t, err, "AccessDeniedException", refusal("logs:CreateLogStream", "arn:aws:logs:us-east-1:000000000000:log-group:audit:log-stream:s"))
}
