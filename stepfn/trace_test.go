package stepfn_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/aws-sdk-go-v2/service/xray"
	xtypes "github.com/aws/aws-sdk-go-v2/service/xray/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/xtrace"
	"github.com/awsfake/awsfake/lambda"
)

// traceFixture is a fixture with an X-Ray client and a sampling rule that
// traces every request (the Default rule lets one a second through).
type traceFixture struct {
	*fixture
	xray *xray.Client
}

func newTraceFixture(t *testing.T) *traceFixture {
	t.Helper()
	f := &traceFixture{fixture: newFixture(t)}
	f.xray = xray.NewFromConfig(f.cloud.AWSConfig())
	_, err := f.xray.CreateSamplingRule(f.ctx, &xray.CreateSamplingRuleInput{SamplingRule: &xtypes.SamplingRule{
		RuleName: aws.String("all"), Priority: aws.Int32(1), FixedRate: 1, ServiceName: aws.String("*"),
		ServiceType: aws.String("*"), Host: aws.String("*"), HTTPMethod: aws.String("*"), URLPath: aws.String("*"),
		ResourceARN: aws.String("*"), Version: aws.Int32(1)}})
	require.NoError(t, err)
	return f
}

// tracedMachine creates a Standard machine with tracing on or off.
func (f *traceFixture) tracedMachine(t *testing.T, name string, def obj, on bool) string {
	t.Helper()
	b, err := json.Marshal(def)
	require.NoError(t, err)
	out, err := f.client.CreateStateMachine(f.ctx, &sfn.CreateStateMachineInput{Name: aws.String(name),
		Definition: aws.String(string(b)), RoleArn: aws.String(role),
		TracingConfiguration: &types.TracingConfiguration{Enabled: on}})
	require.NoError(t, err)
	return *out.StateMachineArn
}

type segDoc struct {
	Name        string   `json:"name"`
	ID          string   `json:"id"`
	TraceID     string   `json:"trace_id"`
	ParentID    string   `json:"parent_id"`
	Origin      string   `json:"origin"`
	Namespace   string   `json:"namespace"`
	Error       bool     `json:"error"`
	Fault       bool     `json:"fault"`
	Start       float64  `json:"start_time"`
	End         float64  `json:"end_time"`
	Subsegments []segDoc `json:"subsegments"`
	AWS         struct {
		Operation string `json:"operation"`
	} `json:"aws"`
}

// traces lists the ids of the traces stored so far.
func (f *traceFixture) traces(t *testing.T) []string {
	t.Helper()
	out, err := f.xray.GetTraceSummaries(f.ctx, &xray.GetTraceSummariesInput{StartTime: aws.Time(t0.Add(-time.Hour)),
		EndTime: aws.Time(f.clk.Now().Add(time.Hour))})
	require.NoError(t, err)
	var ids []string
	for _, s := range out.TraceSummaries {
		ids = append(ids, aws.ToString(s.Id))
	}
	return ids
}

// segments decodes a trace's segment documents, by origin.
func (f *traceFixture) segments(t *testing.T, traceID string) map[string]segDoc {
	t.Helper()
	out, err := f.xray.BatchGetTraces(f.ctx, &xray.BatchGetTracesInput{TraceIds: []string{traceID}})
	require.NoError(t, err)
	require.Len(t, out.Traces, 1)
	docs := map[string]segDoc{}
	for _, s := range out.Traces[0].Segments {
		var d segDoc
		require.NoError(t, json.Unmarshal([]byte(aws.ToString(s.Document)), &d))
		docs[d.Origin] = d
	}
	return docs
}

func names(segs []segDoc) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Name
	}
	return out
}

func secs(d time.Duration) float64 { return float64(t0.Add(d).UnixNano()) / 1e9 }

// A traced execution of Pass → Wait 10 s → Task(Lambda) → Succeed writes
// one trace: the machine's segment with the four states' subsegments on
// the cloud's clock, and the Lambda's segments under the Task's call
// subsegment. The segment is written when the execution closes: not a
// nanosecond before the Wait's end.
func TestTrace_ExecutionWritesItsSegmentWithOneSubsegmentPerState(t *testing.T) {
	f := newTraceFixture(t)
	fn := f.lambdaFn(t, "work", func(_ context.Context, in json.RawMessage) (json.RawMessage, error) { return in, nil })
	m := f.tracedMachine(t, "orders", obj{"StartAt": "Prep", "States": obj{
		"Prep":  obj{"Type": "Pass", "Next": "Pause"},
		"Pause": obj{"Type": "Wait", "Seconds": 10, "Next": "Work"},
		"Work":  obj{"Type": "Task", "Resource": fn, "Next": "Done"},
		"Done":  obj{"Type": "Succeed"}}}, true)
	ex := f.start(t, m, `{}`)
	f.advance(t, 10*time.Second-time.Nanosecond)
	assert.Empty(t, f.traces(t), "running: nothing written yet")
	f.advance(t, time.Nanosecond)
	require.Equal(t, types.ExecutionStatusSucceeded, f.describe(t, ex).Status)

	ids := f.traces(t)
	require.Len(t, ids, 1)
	docs := f.segments(t, ids[0])
	seg, ok := docs["AWS::StepFunctions::StateMachine"]
	require.True(t, ok)
	assert.Equal(t, "orders", seg.Name)
	assert.Equal(t, ids[0], seg.TraceID)
	assert.Empty(t, seg.ParentID, "a new trace")
	assert.False(t, seg.Error || seg.Fault)
	assert.Equal(t, [2]float64{secs(0), secs(10 * time.Second)}, [2]float64{seg.Start, seg.End})
	require.Equal(t, []string{"Prep", "Pause", "Work", "Done"}, names(seg.Subsegments))
	at := func(i int) [2]float64 { return [2]float64{seg.Subsegments[i].Start, seg.Subsegments[i].End} }
	assert.Equal(t, [2]float64{secs(0), secs(0)}, at(0))
	assert.Equal(t, [2]float64{secs(0), secs(10 * time.Second)}, at(1), "the Wait's 10 s")
	assert.Equal(t, [2]float64{secs(10 * time.Second), secs(10 * time.Second)}, at(2))
	assert.Equal(t, [2]float64{secs(10 * time.Second), secs(10 * time.Second)}, at(3))

	work := seg.Subsegments[2]
	require.Len(t, work.Subsegments, 1)
	call := work.Subsegments[0]
	assert.Equal(t, "Lambda", call.Name)
	assert.Equal(t, "aws", call.Namespace)
	assert.Equal(t, "Invoke", call.AWS.Operation)
	lam, ok := docs["AWS::Lambda"]
	require.True(t, ok, "the Lambda's segments join the execution's trace")
	assert.Equal(t, ids[0], lam.TraceID)
	assert.Equal(t, call.ID, lam.ParentID, "under the Task's call subsegment")
	_, ok = docs["AWS::Lambda::Function"]
	assert.True(t, ok)
}

// The segment continues StartExecution's traceHeader (the caller's trace
// and parent), else the request's X-Amzn-Trace-Id; a caller's Sampled=0
// is respected: nothing is written.
func TestTrace_ExecutionContinuesTheCallersTrace(t *testing.T) {
	f := newTraceFixture(t)
	m := f.tracedMachine(t, "cont", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}, true)
	const root = "1-5759e988-bd862e3fe1be46a994272793"
	_, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m),
		TraceHeader: aws.String("Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1")})
	require.NoError(t, err)
	f.settle(t)
	seg := f.segments(t, root)["AWS::StepFunctions::StateMachine"]
	assert.Equal(t, "53995c3f42cd8ad8", seg.ParentID)
	assert.Equal(t, []string{"P"}, names(seg.Subsegments))

	const viaHeader = "1-5759e988-bd862e3fe1be46a994272794"
	_, err = f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m)}, func(o *sfn.Options) {
		o.APIOptions = append(o.APIOptions, smithyhttp.AddHeaderValue("X-Amzn-Trace-Id", "Root="+viaHeader+";Parent=1111111111111111;Sampled=1"))
	})
	require.NoError(t, err)
	f.settle(t)
	assert.Equal(t, "1111111111111111", f.segments(t, viaHeader)["AWS::StepFunctions::StateMachine"].ParentID)

	_, err = f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m),
		TraceHeader: aws.String("Root=1-5759e988-bd862e3fe1be46a994272795;Sampled=0")})
	require.NoError(t, err)
	f.settle(t)
	out, err := f.xray.BatchGetTraces(f.ctx, &xray.BatchGetTracesInput{TraceIds: []string{"1-5759e988-bd862e3fe1be46a994272795"}})
	require.NoError(t, err)
	assert.Empty(t, out.Traces, "Sampled=0: not traced")
}

// A failed or timed-out execution's segment is a fault (and the state
// that failed it, and the failed task's call); an aborted one an error.
func TestTrace_FailedExecutionsAreFlagged(t *testing.T) {
	f := newTraceFixture(t)
	fn := f.lambdaFn(t, "boom", func(context.Context, json.RawMessage) (json.RawMessage, error) { return nil, errors.New("boom") })
	failing := f.tracedMachine(t, "failing", obj{"StartAt": "Work", "States": obj{
		"Work": obj{"Type": "Task", "Resource": fn, "End": true}}}, true)
	waiting := f.tracedMachine(t, "waiting", obj{"StartAt": "Pause", "TimeoutSeconds": 5, "States": obj{
		"Pause": obj{"Type": "Wait", "Seconds": 10, "End": true}}}, true)

	f.start(t, failing, `{}`)
	seg := f.segments(t, f.traces(t)[0])["AWS::StepFunctions::StateMachine"]
	assert.True(t, seg.Fault)
	assert.False(t, seg.Error)
	require.Len(t, seg.Subsegments, 1)
	assert.True(t, seg.Subsegments[0].Fault, "the state that failed")
	require.Len(t, seg.Subsegments[0].Subsegments, 1)
	assert.True(t, seg.Subsegments[0].Subsegments[0].Fault, "the failed call")

	timedOut := f.start(t, waiting, `{}`)
	f.advance(t, 5*time.Second)
	require.Equal(t, types.ExecutionStatusTimedOut, f.describe(t, timedOut).Status)
	aborted := f.start(t, waiting, `{}`)
	f.advance(t, time.Second)
	_, err := f.client.StopExecution(f.ctx, &sfn.StopExecutionInput{ExecutionArn: aws.String(aborted)})
	require.NoError(t, err)
	f.settle(t)

	byName := map[float64]segDoc{}
	for _, id := range f.traces(t) {
		if s := f.segments(t, id)["AWS::StepFunctions::StateMachine"]; s.Name == "waiting" {
			byName[s.End] = s
		}
	}
	to, ab := byName[secs(5*time.Second)], byName[secs(6*time.Second)]
	assert.True(t, to.Fault && !to.Error, "TIMED_OUT is a fault")
	assert.Equal(t, [2]float64{secs(0), secs(5 * time.Second)}, [2]float64{to.Subsegments[0].Start, to.Subsegments[0].End},
		"the open Wait closes with the execution")
	assert.True(t, ab.Error && !ab.Fault, "ABORTED is an error")
	assert.Equal(t, secs(5*time.Second), ab.Start)
}

// Branch states nest under their Parallel state's subsegment.
func TestTrace_ParallelBranchesNestUnderTheirState(t *testing.T) {
	f := newTraceFixture(t)
	m := f.tracedMachine(t, "par", obj{"StartAt": "Both", "States": obj{
		"Both": obj{"Type": "Parallel", "End": true, "Branches": []obj{
			{"StartAt": "A", "States": obj{"A": obj{"Type": "Pass", "End": true}}},
			{"StartAt": "B", "States": obj{"B": obj{"Type": "Wait", "Seconds": 3, "End": true}}}}}}}, true)
	f.start(t, m, `{}`)
	f.advance(t, 3*time.Second)
	seg := f.segments(t, f.traces(t)[0])["AWS::StepFunctions::StateMachine"]
	require.Equal(t, []string{"Both"}, names(seg.Subsegments))
	both := seg.Subsegments[0]
	assert.ElementsMatch(t, []string{"A", "B"}, names(both.Subsegments))
	assert.Equal(t, secs(3*time.Second), both.End)

	// A branch stopped by its sibling's failure closes its state then,
	// not when the execution ends.
	m = f.tracedMachine(t, "caught", obj{"StartAt": "Both", "States": obj{
		"Both": obj{"Type": "Parallel", "Next": "Later", "Catch": []obj{{"ErrorEquals": []string{"States.ALL"}, "Next": "Later"}},
			"Branches": []obj{
				{"StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": 1, "Next": "A"}, "A": obj{"Type": "Fail", "Error": "E"}}},
				{"StartAt": "B", "States": obj{"B": obj{"Type": "Wait", "Seconds": 10, "End": true}}}}},
		"Later": obj{"Type": "Wait", "Seconds": 5, "End": true}}}, true)
	f.start(t, m, `{}`)
	f.advance(t, time.Second)
	f.advance(t, 5*time.Second)
	var caught segDoc
	for _, id := range f.traces(t) {
		if s := f.segments(t, id)["AWS::StepFunctions::StateMachine"]; s.Name == "caught" {
			caught = s
		}
	}
	require.Equal(t, []string{"Both", "Later"}, names(caught.Subsegments))
	branches := map[string]segDoc{}
	for _, s := range caught.Subsegments[0].Subsegments {
		branches[s.Name] = s
	}
	assert.True(t, branches["A"].Fault, "the Fail state failed its branch")
	assert.Equal(t, secs(4*time.Second), branches["B"].End, "stopped when A failed")
	assert.False(t, branches["B"].Fault)
	assert.Equal(t, secs(9*time.Second), caught.End)
}

// A machine with tracing off writes nothing, even for a caller's sampled
// trace (which its tasks pass on untouched), until UpdateStateMachine
// turns tracing on.
func TestTrace_TracingOffWritesNothing(t *testing.T) {
	f := newTraceFixture(t)
	m := f.tracedMachine(t, "plain", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}, false)
	f.start(t, m, `{}`)
	_, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m),
		TraceHeader: aws.String("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1")})
	require.NoError(t, err)
	f.settle(t)
	assert.Empty(t, f.traces(t))
	out, err := f.xray.BatchGetTraces(f.ctx, &xray.BatchGetTracesInput{TraceIds: []string{"1-5759e988-bd862e3fe1be46a994272793"}})
	require.NoError(t, err)
	assert.Empty(t, out.Traces)

	_, err = f.client.UpdateStateMachine(f.ctx, &sfn.UpdateStateMachineInput{StateMachineArn: aws.String(m),
		TracingConfiguration: &types.TracingConfiguration{Enabled: true}})
	require.NoError(t, err)
	f.start(t, m, `{}`)
	assert.Len(t, f.traces(t), 1, "UpdateStateMachine turned tracing on for the executions after it")
}

// An SQS task's call subsegment (SQS, SendMessage) is the Parent of the
// header the message keeps as AWSTraceHeader.
func TestTrace_SQSTaskPassesItsCallSubsegment(t *testing.T) {
	f := newTraceFixture(t)
	q := awssqs.NewFromConfig(f.cloud.AWSConfig())
	qu, err := q.CreateQueue(f.ctx, &awssqs.CreateQueueInput{QueueName: aws.String("out")})
	require.NoError(t, err)
	m := f.tracedMachine(t, "send", obj{"StartAt": "Send", "States": obj{"Send": obj{"Type": "Task",
		"Resource": "arn:aws:states:::sqs:sendMessage", "End": true,
		"Parameters": obj{"QueueUrl": *qu.QueueUrl, "MessageBody": "hi"}}}}, true)
	f.start(t, m, `{}`)
	ids := f.traces(t)
	require.Len(t, ids, 1)
	seg := f.segments(t, ids[0])["AWS::StepFunctions::StateMachine"]
	require.Len(t, seg.Subsegments, 1)
	require.Len(t, seg.Subsegments[0].Subsegments, 1)
	call := seg.Subsegments[0].Subsegments[0]
	assert.Equal(t, [2]string{"SQS", "SendMessage"}, [2]string{call.Name, call.AWS.Operation})
	got, err := q.ReceiveMessage(f.ctx, &awssqs.ReceiveMessageInput{QueueUrl: qu.QueueUrl,
		MessageSystemAttributeNames: []sqstypes.MessageSystemAttributeName{"AWSTraceHeader"}})
	require.NoError(t, err)
	require.Len(t, got.Messages, 1)
	assert.Equal(t, "Root="+ids[0]+";Parent="+call.ID+";Sampled=1", got.Messages[0].Attributes["AWSTraceHeader"])
}

// A nested execution (states:startExecution.sync) of a traced machine
// continues the parent's trace under the Task's call subsegment.
func TestTrace_NestedExecutionJoinsTheParentsTrace(t *testing.T) {
	f := newTraceFixture(t)
	child := f.tracedMachine(t, "child", obj{"StartAt": "C", "States": obj{"C": obj{"Type": "Pass", "End": true}}}, true)
	parent := f.tracedMachine(t, "parent", obj{"StartAt": "Run", "States": obj{"Run": obj{"Type": "Task",
		"Resource": "arn:aws:states:::states:startExecution.sync:2", "End": true,
		"Parameters": obj{"StateMachineArn": child}}}}, true)
	f.start(t, parent, `{}`)
	ids := f.traces(t)
	require.Len(t, ids, 1, "one trace for both executions")
	out, err := f.xray.BatchGetTraces(f.ctx, &xray.BatchGetTracesInput{TraceIds: ids})
	require.NoError(t, err)
	segs := map[string]segDoc{}
	for _, s := range out.Traces[0].Segments {
		var d segDoc
		require.NoError(t, json.Unmarshal([]byte(aws.ToString(s.Document)), &d))
		segs[d.Name] = d
	}
	call := segs["parent"].Subsegments[0].Subsegments[0]
	assert.Equal(t, [2]string{"StepFunctions", "StartExecution"}, [2]string{call.Name, call.AWS.Operation})
	assert.Equal(t, call.ID, segs["child"].ParentID)
	assert.Equal(t, []string{"C"}, names(segs["child"].Subsegments))
}

// A machine's start that the sampling rules leave out is not traced, and
// its tasks pass the decision on (Sampled=0): the Lambda writes nothing
// either.
func TestTrace_SamplingRulesDecideANewTrace(t *testing.T) {
	f := &traceFixture{fixture: newFixture(t)}
	f.xray = xray.NewFromConfig(f.cloud.AWSConfig())
	_, err := f.xray.CreateSamplingRule(f.ctx, &xray.CreateSamplingRuleInput{SamplingRule: &xtypes.SamplingRule{
		RuleName: aws.String("none"), Priority: aws.Int32(1), FixedRate: 0, ServiceName: aws.String("quiet"),
		ServiceType: aws.String("AWS::StepFunctions::StateMachine"), Host: aws.String("*"), HTTPMethod: aws.String("*"),
		URLPath: aws.String("*"), ResourceARN: aws.String("*"), Version: aws.Int32(1)}})
	require.NoError(t, err)
	var seen string
	fn := f.lambdaFn(t, "peek", func(ctx context.Context, in json.RawMessage) (json.RawMessage, error) {
		_, seen, _ = lambda.InvocationOf(ctx)
		return in, nil
	})
	m := f.tracedMachine(t, "quiet", obj{"StartAt": "Work", "States": obj{"Work": obj{"Type": "Task", "Resource": fn, "End": true}}}, true)
	f.start(t, m, `{}`)
	assert.Empty(t, f.traces(t))
	h, ok := xtrace.Parse(seen)
	require.True(t, ok, seen)
	assert.Equal(t, "0", h.Sampled, "the decision travels with the call")
}

// An EXPRESS machine's StartSyncExecution is traced the same way.
func TestTrace_ExpressSyncExecution(t *testing.T) {
	f := newTraceFixture(t)
	b, err := json.Marshal(obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}})
	require.NoError(t, err)
	m, err := f.client.CreateStateMachine(f.ctx, &sfn.CreateStateMachineInput{Name: aws.String("fast"), Type: types.StateMachineTypeExpress,
		Definition: aws.String(string(b)), RoleArn: aws.String(role), TracingConfiguration: &types.TracingConfiguration{Enabled: true}})
	require.NoError(t, err)
	out, err := f.client.StartSyncExecution(f.ctx, &sfn.StartSyncExecutionInput{StateMachineArn: m.StateMachineArn})
	require.NoError(t, err)
	require.Equal(t, types.SyncExecutionStatusSucceeded, out.Status)
	ids := f.traces(t)
	require.Len(t, ids, 1)
	seg := f.segments(t, ids[0])["AWS::StepFunctions::StateMachine"]
	assert.Equal(t, "fast", seg.Name)
	assert.Equal(t, []string{"P"}, names(seg.Subsegments))
}

// With both an X-Amzn-Trace-Id and a traceHeader the header is used, as
// StartExecution documents; a traceHeader over 256 characters or not
// ASCII is a ValidationException and starts nothing.
func TestTrace_HeaderIsPreferredAndTraceHeaderValidated(t *testing.T) {
	f := newTraceFixture(t)
	m := f.tracedMachine(t, "both", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}, true)
	const header, body = "1-5759e988-bd862e3fe1be46a994272796", "1-5759e988-bd862e3fe1be46a994272797"
	_, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m),
		TraceHeader: aws.String("Root=" + body + ";Sampled=1")}, func(o *sfn.Options) {
		o.APIOptions = append(o.APIOptions, smithyhttp.AddHeaderValue("X-Amzn-Trace-Id", "Root="+header+";Sampled=1"))
	})
	require.NoError(t, err)
	f.settle(t)
	out, err := f.xray.BatchGetTraces(f.ctx, &xray.BatchGetTracesInput{TraceIds: []string{header, body}})
	require.NoError(t, err)
	require.Len(t, out.Traces, 1)
	assert.Equal(t, header, aws.ToString(out.Traces[0].Id))

	for _, bad := range []struct{ header, msg string }{
		{strings.Repeat("a", 257), "Member must have length less than or equal to 256"},
		{"Root=é", `Member must satisfy regular expression pattern: \p{ASCII}*`},
	} {
		_, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m), TraceHeader: aws.String(bad.header)})
		var ve *types.ValidationException
		require.ErrorAs(t, err, &ve)
		assert.Contains(t, ve.ErrorMessage(), "at 'traceHeader' failed to satisfy constraint: "+bad.msg)
		_, err = f.client.StartSyncExecution(f.ctx, &sfn.StartSyncExecutionInput{StateMachineArn: aws.String(m), TraceHeader: aws.String(bad.header)})
		var ae smithy.APIError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, "ValidationException", ae.ErrorCode())
	}
	list, err := f.client.ListExecutions(f.ctx, &sfn.ListExecutionsInput{StateMachineArn: aws.String(m)})
	require.NoError(t, err)
	assert.Len(t, list.Executions, 1, "the refused starts left nothing")
	out2 := strings.Repeat("a", 256)
	_, err = f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(m), TraceHeader: aws.String(out2)})
	require.NoError(t, err, "256 characters is the limit")
}

// The service graph shows the machine's node with its edge to the Lambda
// its Task called.
func TestTrace_ServiceGraphShowsTheMachineCallingLambda(t *testing.T) {
	f := newTraceFixture(t)
	fn := f.lambdaFn(t, "graphed", func(_ context.Context, in json.RawMessage) (json.RawMessage, error) { return in, nil })
	m := f.tracedMachine(t, "flow", obj{"StartAt": "Work", "States": obj{"Work": obj{"Type": "Task", "Resource": fn, "End": true}}}, true)
	f.start(t, m, `{}`)
	g, err := f.xray.GetServiceGraph(f.ctx, &xray.GetServiceGraphInput{StartTime: aws.Time(t0.Add(-time.Minute)), EndTime: aws.Time(t0.Add(time.Minute))})
	require.NoError(t, err)
	byID := map[int32]xtypes.Service{}
	for _, s := range g.Services {
		byID[aws.ToInt32(s.ReferenceId)] = s
	}
	var edges []string
	for _, s := range g.Services {
		if aws.ToString(s.Type) != "AWS::StepFunctions::StateMachine" {
			continue
		}
		assert.Equal(t, "flow", aws.ToString(s.Name))
		for _, e := range s.Edges {
			to := byID[aws.ToInt32(e.ReferenceId)]
			edges = append(edges, aws.ToString(to.Type)+" "+aws.ToString(to.Name))
		}
	}
	assert.Contains(t, edges, "AWS::Lambda graphed")
}
