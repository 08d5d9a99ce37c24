package awsfake_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	apigwsdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	apigwtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	eventssdk "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	eventstypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	lambdasdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	sfnsdk "github.com/aws/aws-sdk-go-v2/service/sfn"
	snssdk "github.com/aws/aws-sdk-go-v2/service/sns"
	sqssdk "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	xraysdk "github.com/aws/aws-sdk-go-v2/service/xray"
	xraytypes "github.com/aws/aws-sdk-go-v2/service/xray/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/lambda"
)

// traceRig is a cloud on a fake clock with the SDK clients a trace test
// uses, and a sampling rule that traces every request (X-Ray's Default
// rule would let one request a second through).
type traceRig struct {
	cloud  *awsfake.Cloud
	clk    *clock.Fake
	ctx    context.Context
	lambda *lambdasdk.Client
	xray   *xraysdk.Client
}

func newTraceRig(t testing.TB, fixedRate float64) *traceRig {
	t.Helper()
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithSeed(1))
	r := &traceRig{cloud: cloud, clk: clk, ctx: context.Background(),
		lambda: lambdasdk.NewFromConfig(cloud.AWSConfig()), xray: xraysdk.NewFromConfig(cloud.AWSConfig())}
	_, err := r.xray.CreateSamplingRule(r.ctx, &xraysdk.CreateSamplingRuleInput{SamplingRule: &xraytypes.SamplingRule{
		RuleName: aws.String("tests"), Priority: aws.Int32(1), FixedRate: fixedRate, ReservoirSize: 0,
		ServiceName: aws.String("*"), ServiceType: aws.String("*"), Host: aws.String("*"), HTTPMethod: aws.String("*"),
		URLPath: aws.String("*"), ResourceARN: aws.String("*"), Version: aws.Int32(1)}})
	require.NoError(t, err)
	return r
}

// function creates a function running handler with the tracing mode.
func (r *traceRig) function(t testing.TB, name, mode string, handler any) string {
	t.Helper()
	require.NoError(t, r.cloud.Lambda().RegisterHandler(name, handler))
	out, err := r.lambda.CreateFunction(r.ctx, &lambdasdk.CreateFunctionInput{FunctionName: aws.String(name),
		Handler: aws.String(name), Runtime: lambdatypes.RuntimeProvidedal2023,
		Role: aws.String("arn:aws:iam::000000000000:role/" + name), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")},
		TracingConfig: &lambdatypes.TracingConfig{Mode: lambdatypes.TracingMode(mode)}})
	require.NoError(t, err)
	return aws.ToString(out.FunctionArn)
}

// segments returns the segment documents of a trace, decoded.
func (r *traceRig) segments(t *testing.T, traceID string) []segmentDoc {
	t.Helper()
	out, err := r.xray.BatchGetTraces(r.ctx, &xraysdk.BatchGetTracesInput{TraceIds: []string{traceID}})
	require.NoError(t, err)
	require.Len(t, out.Traces, 1, "trace %s", traceID)
	var docs []segmentDoc
	for _, s := range out.Traces[0].Segments {
		var d segmentDoc
		require.NoError(t, json.Unmarshal([]byte(aws.ToString(s.Document)), &d))
		docs = append(docs, d)
	}
	return docs
}

// traceIDs lists the traces of the last hour, oldest first.
func (r *traceRig) traceIDs(t *testing.T) []string {
	t.Helper()
	out, err := r.xray.GetTraceSummaries(r.ctx, &xraysdk.GetTraceSummariesInput{StartTime: aws.Time(t0.Add(-time.Minute)),
		EndTime: aws.Time(r.clk.Now().Add(time.Minute))})
	require.NoError(t, err)
	var ids []string
	for i := len(out.TraceSummaries) - 1; i >= 0; i-- {
		ids = append(ids, aws.ToString(out.TraceSummaries[i].Id))
	}
	return ids
}

type segmentDoc struct {
	Name        string       `json:"name"`
	ID          string       `json:"id"`
	TraceID     string       `json:"trace_id"`
	ParentID    string       `json:"parent_id"`
	Origin      string       `json:"origin"`
	Namespace   string       `json:"namespace"`
	Fault       bool         `json:"fault"`
	Start       float64      `json:"start_time"`
	End         float64      `json:"end_time"`
	Links       []linkDoc    `json:"links"`
	Subsegments []segmentDoc `json:"subsegments"`
}

type linkDoc struct {
	TraceID string `json:"trace_id"`
	ID      string `json:"id"`
}

func byOrigin(docs []segmentDoc, origin string) (segmentDoc, bool) {
	for _, d := range docs {
		if d.Origin == origin {
			return d, true
		}
	}
	return segmentDoc{}, false
}

// The done-when test of issue 30: an HTTP request through an API Gateway
// stage with tracing to a Lambda function that sends to SQS is one trace
// from the stage through the function to the queue; the consumer Lambda of
// the queue's event source mapping has its own trace linked to it; the
// service graph shows stage -> Lambda -> function -> SQS -> consumer.
func TestTrace_APIGatewayLambdaSQSLambda(t *testing.T) {
	r := newTraceRig(t, 1)
	sqsc := sqssdk.NewFromConfig(r.cloud.AWSConfig())
	q, err := sqsc.CreateQueue(r.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("orders")})
	require.NoError(t, err)
	var mu sync.Mutex
	var producerHeader, consumerHeader string
	r.function(t, "producer", "PassThrough", func(ctx context.Context) (map[string]any, error) {
		_, h, _ := lambda.InvocationOf(ctx)
		mu.Lock()
		producerHeader = h
		mu.Unlock()
		_, err := sqsc.SendMessage(ctx, &sqssdk.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("order-1")})
		return map[string]any{"statusCode": 200, "body": "queued"}, err
	})
	r.function(t, "consumer", "Active", func(ctx context.Context, _ json.RawMessage) error {
		_, h, _ := lambda.InvocationOf(ctx)
		mu.Lock()
		consumerHeader = h
		mu.Unlock()
		return nil
	})
	_, err = r.lambda.CreateEventSourceMapping(r.ctx, &lambdasdk.CreateEventSourceMappingInput{
		EventSourceArn: aws.String("arn:aws:sqs:us-east-1:000000000000:orders"), FunctionName: aws.String("consumer")})
	require.NoError(t, err)
	url := traceAPI(t, r, "shop", "producer")

	resp, err := r.cloud.HTTPClient().Get(url)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	require.Equal(t, 200, resp.StatusCode)
	ctx, cancel := context.WithTimeout(r.ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, r.cloud.Settle(ctx))

	ids := r.traceIDs(t)
	require.Len(t, ids, 2, "the request's trace and the consumer's")
	root := ids[0]
	if !strings.Contains(producerHeader, root) {
		root, ids[1] = ids[1], ids[0]
	}
	assert.Equal(t, fmt.Sprintf("1-%08x-", t0.Unix()), root[:11], "the trace id's time is the cloud clock's")
	assert.Contains(t, producerHeader, "Root="+root+";", "the handler's ctx carries the trace")
	assert.Contains(t, producerHeader, "Sampled=1")
	sqsCall := checkRequestTrace(t, r, root, producerHeader)

	consumer := r.segments(t, ids[1])
	csvc, ok := byOrigin(consumer, "AWS::Lambda")
	require.True(t, ok)
	assert.Equal(t, "consumer", csvc.Name)
	assert.Equal(t, []linkDoc{{TraceID: root, ID: sqsCall.ID}}, csvc.Links, "linked to the producer's SQS call")
	assert.Contains(t, consumerHeader, "Root="+ids[1]+";")

	g, err := r.xray.GetServiceGraph(r.ctx, &xraysdk.GetServiceGraphInput{StartTime: aws.Time(t0.Add(-time.Minute)),
		EndTime: aws.Time(r.clk.Now().Add(time.Minute))})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{
		"shop/prod AWS::ApiGateway::Stage -> producer AWS::Lambda",
		"producer AWS::Lambda -> producer AWS::Lambda::Function",
		"producer AWS::Lambda::Function -> SQS AWS::SQS",
		"SQS AWS::SQS -> consumer AWS::Lambda",
		"consumer AWS::Lambda -> consumer AWS::Lambda::Function",
	}, edges(g.Services))
	var roots []string
	for _, n := range g.Services {
		if aws.ToBool(n.Root) {
			roots = append(roots, aws.ToString(n.Name)+" "+aws.ToString(n.Type))
		}
	}
	assert.ElementsMatch(t, []string{"shop/prod AWS::ApiGateway::Stage", "consumer AWS::Lambda"}, roots,
		"the client's request enters at the stage; the consumer's trace starts at its Lambda (the fake draws no client node)")
}

// checkRequestTrace checks the trace of the request through the stage:
// the stage's segment, its Lambda integration, the function's segments
// under it, the SDK call to SQS under the function; it returns that call.
func checkRequestTrace(t *testing.T, r *traceRig, root, producerHeader string) segmentDoc {
	t.Helper()
	docs := r.segments(t, root)
	stage, ok := byOrigin(docs, "AWS::ApiGateway::Stage")
	require.True(t, ok, "the stage's segment: %+v", docs)
	assert.Equal(t, "shop/prod", stage.Name)
	require.Len(t, stage.Subsegments, 1)
	assert.Equal(t, "Lambda", stage.Subsegments[0].Name)
	svc, ok := byOrigin(docs, "AWS::Lambda")
	require.True(t, ok)
	assert.Equal(t, stage.Subsegments[0].ID, svc.ParentID, "Lambda's segment hangs under the integration")
	fn, ok := byOrigin(docs, "AWS::Lambda::Function")
	require.True(t, ok)
	assert.Equal(t, svc.ID, fn.ParentID)
	assert.Contains(t, producerHeader, "Parent="+fn.ID)
	var names []string
	var sqsCall segmentDoc
	for _, s := range fn.Subsegments {
		names = append(names, s.Name)
		if s.Name == "SQS" {
			sqsCall = s
		}
	}
	assert.Equal(t, []string{"Initialization", "Invocation", "Overhead", "SQS"}, names, "a cold start, then the SDK call")
	assert.Equal(t, "aws", sqsCall.Namespace)
	return sqsCall
}

// edges lists a service graph's edges as "name type -> name type".
func edges(nodes []xraytypes.Service) []string {
	byRef := map[int32]string{}
	for _, n := range nodes {
		byRef[aws.ToInt32(n.ReferenceId)] = strings.TrimSpace(aws.ToString(n.Name) + " " + aws.ToString(n.Type))
	}
	var out []string
	for _, n := range nodes {
		for _, e := range n.Edges {
			out = append(out, byRef[aws.ToInt32(n.ReferenceId)]+" -> "+byRef[aws.ToInt32(e.ReferenceId)])
		}
	}
	return out
}

// traceAPI builds a REST API with GET / as an AWS_PROXY integration of
// function, deployed to stage prod with tracing on, and returns its URL.
func traceAPI(t *testing.T, r *traceRig, name, function string) string {
	t.Helper()
	c := apigwsdk.NewFromConfig(r.cloud.AWSConfig())
	api, err := c.CreateRestApi(r.ctx, &apigwsdk.CreateRestApiInput{Name: aws.String(name)})
	require.NoError(t, err)
	_, err = c.PutMethod(r.ctx, &apigwsdk.PutMethodInput{RestApiId: api.Id, ResourceId: api.RootResourceId,
		HttpMethod: aws.String("GET"), AuthorizationType: aws.String("NONE")})
	require.NoError(t, err)
	uri := "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:" +
		function + "/invocations"
	_, err = c.PutIntegration(r.ctx, &apigwsdk.PutIntegrationInput{RestApiId: api.Id, ResourceId: api.RootResourceId,
		HttpMethod: aws.String("GET"), Type: apigwtypes.IntegrationTypeAwsProxy, IntegrationHttpMethod: aws.String("POST"), Uri: &uri})
	require.NoError(t, err)
	_, err = r.lambda.AddPermission(r.ctx, &lambdasdk.AddPermissionInput{FunctionName: aws.String(function),
		StatementId: aws.String("apigw"), Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("apigateway.amazonaws.com")})
	require.NoError(t, err)
	d, err := c.CreateDeployment(r.ctx, &apigwsdk.CreateDeploymentInput{RestApiId: api.Id})
	require.NoError(t, err)
	_, err = c.CreateStage(r.ctx, &apigwsdk.CreateStageInput{RestApiId: api.Id, StageName: aws.String("prod"),
		DeploymentId: d.Id, TracingEnabled: true})
	require.NoError(t, err)
	return r.cloud.APIGateway().InvokeURL(aws.ToString(api.Id), "prod")
}

// A direct Invoke whose caller sent X-Amzn-Trace-Id with Sampled=1 joins
// the caller's trace, with an AWS::Lambda segment under the caller's
// entity, even for a PassThrough function; Sampled=0 writes nothing.
func TestTrace_InvokeJoinsTheCallersTrace(t *testing.T) {
	r := newTraceRig(t, 1)
	r.function(t, "joiner", "PassThrough", func(context.Context) error { return nil })
	const root = "1-5759e988-bd862e3fe1be46a994272793"
	for _, sampled := range []string{"1", "0"} {
		h := "Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=" + sampled
		_, err := r.lambda.Invoke(r.ctx, &lambdasdk.InvokeInput{FunctionName: aws.String("joiner")},
			func(o *lambdasdk.Options) {
				o.APIOptions = append(o.APIOptions, smithyhttp.AddHeaderValue("X-Amzn-Trace-Id", h))
			})
		require.NoError(t, err)
	}
	docs := r.segments(t, root)
	require.Len(t, docs, 2, "one invocation traced")
	svc, ok := byOrigin(docs, "AWS::Lambda")
	require.True(t, ok)
	assert.Equal(t, "53995c3f42cd8ad8", svc.ParentID, "under the caller's entity")
	assert.Equal(t, "joiner", svc.Name)
	fn, _ := byOrigin(docs, "AWS::Lambda::Function")
	assert.False(t, fn.Fault)
}

// A handler that fails marks its function segment, and its Invocation
// subsegment, as a fault; the durations are the cloud clock's.
func TestTrace_ErroringHandlerIsAFault(t *testing.T) {
	r := newTraceRig(t, 1)
	r.function(t, "failing", "Active", func(context.Context) error {
		r.clk.Advance(1500 * time.Millisecond)
		return fmt.Errorf("boom")
	})
	out, err := r.lambda.Invoke(r.ctx, &lambdasdk.InvokeInput{FunctionName: aws.String("failing")})
	require.NoError(t, err)
	require.NotNil(t, out.FunctionError)
	ids := r.traceIDs(t)
	require.Len(t, ids, 1)
	fn, ok := byOrigin(r.segments(t, ids[0]), "AWS::Lambda::Function")
	require.True(t, ok)
	assert.True(t, fn.Fault)
	assert.InDelta(t, 1.5, fn.End-fn.Start, 1e-6, "the handler's time on the cloud clock")
	require.Len(t, fn.Subsegments, 3)
	assert.True(t, fn.Subsegments[1].Fault, "Invocation")
	s, err := r.xray.GetTraceSummaries(r.ctx, &xraysdk.GetTraceSummariesInput{StartTime: aws.Time(t0.Add(-time.Minute)),
		EndTime: aws.Time(r.clk.Now().Add(time.Minute)), FilterExpression: aws.String(`service("failing") { fault }`)})
	require.NoError(t, err)
	assert.Len(t, s.TraceSummaries, 1)
}

// An Active function that no caller's header came with asks X-Ray's
// sampling rules: a rule of rate 0 traces nothing (the handler's header
// says Sampled=0) and writes no segment.
func TestTrace_ActiveFunctionFollowsTheSamplingRules(t *testing.T) {
	r := newTraceRig(t, 0)
	var header string
	r.function(t, "sampled", "Active", func(ctx context.Context) error {
		_, header, _ = lambda.InvocationOf(ctx)
		return nil
	})
	_, err := r.lambda.Invoke(r.ctx, &lambdasdk.InvokeInput{FunctionName: aws.String("sampled")})
	require.NoError(t, err)
	assert.Regexp(t, `^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$`, header)
	assert.Empty(t, r.traceIDs(t))
}

// FuzzTraceHeader: whatever X-Amzn-Trace-Id a caller sends, an Invoke of a
// traced function and a SendMessage answer without a 5xx, and the traces
// stay readable.
func FuzzTraceHeader(f *testing.F) {
	f.Add("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
	f.Add("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=?")
	f.Add("Root=;Parent=;;==")
	r := newTraceRig(f, 1)
	r.function(f, "fuzzed", "Active", func(context.Context) error { return nil })
	sqsc := sqssdk.NewFromConfig(r.cloud.AWSConfig())
	q, err := sqsc.CreateQueue(r.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("fuzzed")})
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, h string) {
		for _, req := range []*http.Request{
			httptest.NewRequest("POST", "http://lambda.us-east-1.amazonaws.com/2015-03-31/functions/fuzzed/invocations", strings.NewReader("{}")),
			httptest.NewRequest("POST", "http://sqs.us-east-1.amazonaws.com/", strings.NewReader(
				`{"QueueUrl":"`+aws.ToString(q.QueueUrl)+`","MessageBody":"m"}`)),
		} {
			req.Header.Set("X-Amzn-Trace-Id", h)
			req.Header.Set("X-Amz-Target", "AmazonSQS.SendMessage")
			req.Header.Set("Content-Type", "application/x-amz-json-1.0")
			w := httptest.NewRecorder()
			r.cloud.ServeHTTP(w, req)
			if w.Code >= 500 {
				t.Fatalf("%q: %d %s", h, w.Code, w.Body.String())
			}
		}
		_, err := r.xray.GetTraceSummaries(r.ctx, &xraysdk.GetTraceSummariesInput{StartTime: aws.Time(t0.Add(-time.Minute)),
			EndTime: aws.Time(t0.Add(time.Minute))})
		require.NoError(t, err)
	})
}

// A topic passes the publisher's trace header through to its SQS
// subscription (TracingConfig PassThrough, the default), where the message
// keeps it as its AWSTraceHeader.
func TestTrace_SNSPassesTheHeaderToSQS(t *testing.T) {
	r := newTraceRig(t, 1)
	sqsc := sqssdk.NewFromConfig(r.cloud.AWSConfig())
	snsc := snssdk.NewFromConfig(r.cloud.AWSConfig())
	q, err := sqsc.CreateQueue(r.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("fanout")})
	require.NoError(t, err)
	topic, err := snsc.CreateTopic(r.ctx, &snssdk.CreateTopicInput{Name: aws.String("events")})
	require.NoError(t, err)
	_, err = snsc.Subscribe(r.ctx, &snssdk.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:us-east-1:000000000000:fanout")})
	require.NoError(t, err)
	const h = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"
	_, err = snsc.Publish(r.ctx, &snssdk.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("hi")},
		func(o *snssdk.Options) {
			o.APIOptions = append(o.APIOptions, smithyhttp.AddHeaderValue("X-Amzn-Trace-Id", h))
		})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(r.ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, r.cloud.Settle(ctx))
	got, err := sqsc.ReceiveMessage(r.ctx, &sqssdk.ReceiveMessageInput{QueueUrl: q.QueueUrl,
		MessageSystemAttributeNames: []sqstypes.MessageSystemAttributeName{"AWSTraceHeader"}})
	require.NoError(t, err)
	require.Len(t, got.Messages, 1)
	assert.Equal(t, h, got.Messages[0].Attributes["AWSTraceHeader"])
}

// A Step Functions execution started with a sampled trace header hands it
// to its Lambda task, whose segments join the caller's trace.
func TestTrace_StepFunctionsTaskContinuesTheExecutionsTrace(t *testing.T) {
	r := newTraceRig(t, 1)
	fn := r.function(t, "step", "PassThrough", func(context.Context) error { return nil })
	c := sfnsdk.NewFromConfig(r.cloud.AWSConfig())
	m, err := c.CreateStateMachine(r.ctx, &sfnsdk.CreateStateMachineInput{Name: aws.String("traced"),
		RoleArn:    aws.String("arn:aws:iam::000000000000:role/sfn"),
		Definition: aws.String(`{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"` + fn + `","End":true}}}`)})
	require.NoError(t, err)
	const root = "1-5759e988-bd862e3fe1be46a994272795"
	_, err = c.StartExecution(r.ctx, &sfnsdk.StartExecutionInput{StateMachineArn: m.StateMachineArn,
		TraceHeader: aws.String("Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1")})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(r.ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, r.cloud.Settle(ctx))
	svc, ok := byOrigin(r.segments(t, root), "AWS::Lambda")
	require.True(t, ok)
	assert.Equal(t, "step", svc.Name)
	assert.Equal(t, "53995c3f42cd8ad8", svc.ParentID)
}

// An event's TraceHeader reaches its rule's SQS target as the message's
// AWSTraceHeader.
func TestTrace_EventBridgePassesTheEntrysHeaderToItsTarget(t *testing.T) {
	r := newTraceRig(t, 1)
	sqsc := sqssdk.NewFromConfig(r.cloud.AWSConfig())
	evc := eventssdk.NewFromConfig(r.cloud.AWSConfig())
	q, err := sqsc.CreateQueue(r.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("routed")})
	require.NoError(t, err)
	_, err = evc.PutRule(r.ctx, &eventssdk.PutRuleInput{Name: aws.String("all"), EventPattern: aws.String(`{"source":["app"]}`)})
	require.NoError(t, err)
	_, err = evc.PutTargets(r.ctx, &eventssdk.PutTargetsInput{Rule: aws.String("all"), Targets: []eventstypes.Target{
		{Id: aws.String("q"), Arn: aws.String("arn:aws:sqs:us-east-1:000000000000:routed")}}})
	require.NoError(t, err)
	const h = "Root=1-5759e988-bd862e3fe1be46a994272796;Parent=53995c3f42cd8ad8;Sampled=1"
	_, err = evc.PutEvents(r.ctx, &eventssdk.PutEventsInput{Entries: []eventstypes.PutEventsRequestEntry{{
		Source: aws.String("app"), DetailType: aws.String("t"), Detail: aws.String(`{}`), TraceHeader: aws.String(h)}}})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(r.ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, r.cloud.Settle(ctx))
	got, err := sqsc.ReceiveMessage(r.ctx, &sqssdk.ReceiveMessageInput{QueueUrl: q.QueueUrl,
		MessageSystemAttributeNames: []sqstypes.MessageSystemAttributeName{"AWSTraceHeader"}})
	require.NoError(t, err)
	require.Len(t, got.Messages, 1)
	assert.Equal(t, h, got.Messages[0].Attributes["AWSTraceHeader"])
}

// A new trace's id carries the second the invocation started on the cloud
// clock: just before the next second it is still t0's, at it and after it
// the next one's.
func TestTrace_NewTraceIDTakesTheCloudClocksSecond(t *testing.T) {
	r := newTraceRig(t, 1)
	var header string
	r.function(t, "clocked", "Active", func(ctx context.Context) error {
		_, header, _ = lambda.InvocationOf(ctx)
		return nil
	})
	for _, c := range []struct {
		at   time.Duration
		want int64
	}{{999 * time.Millisecond, t0.Unix()}, {time.Second, t0.Unix() + 1}, {1001 * time.Millisecond, t0.Unix() + 1}} {
		r.clk.Set(t0.Add(c.at))
		_, err := r.lambda.Invoke(r.ctx, &lambdasdk.InvokeInput{FunctionName: aws.String("clocked")})
		require.NoError(t, err)
		assert.Contains(t, header, fmt.Sprintf("Root=1-%08x-", c.want), "at t0+%v", c.at)
	}
}
