package stepfn

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
)

// integration is how a Task's Resource is called: the names its events
// carry and what the call is.
type integration struct {
	lambdaARN    bool   // a bare function ARN: the LambdaFunction* events
	resourceType string // lambda, sqs, sns, states
	resource     string // invoke, sendMessage, publish, startExecution.sync
	service      string // the error prefix: Lambda, SQS, SNS, StepFunctions
	callback     bool   // .waitForTaskToken: the task waits for its token
	sdk          bool   // an aws-sdk: integration
	op           string // service:operation (sqs:sendMessage)
}

// integrationOf reads a Task's Resource.
func integrationOf(res string) (integration, bool) {
	a, err := arn.Parse(res)
	if err != nil {
		return integration{}, false
	}
	if a.Service == "lambda" {
		return integration{lambdaARN: true, resourceType: "lambda", resource: res, service: "Lambda"}, true
	}
	if a.Service != "states" || a.Region != "" || a.Account != "" {
		return integration{}, false
	}
	svc, op, ok := strings.Cut(a.Resource, ":")
	if !ok {
		return integration{}, false
	}
	if svc == "aws-sdk" {
		return sdkIntegration(op)
	}
	ig := integration{resourceType: svc, resource: op}
	op, ig.callback = strings.CutSuffix(op, waitSuffix)
	ig.op = svc + ":" + op
	switch svc + ":" + op {
	case "lambda:invoke":
		ig.service = "Lambda"
	case "sqs:sendMessage":
		ig.service = "SQS"
	case "sns:publish":
		ig.service = "SNS"
	case "http:invoke":
		ig.service = "Http"
		return ig, !ig.callback // request-response only
	case "states:startExecution", "states:startExecution.sync", "states:startExecution.sync:2":
		ig.service = "StepFunctions"
		if ig.callback && op != "startExecution" {
			return ig, false
		}
	default:
		return ig, false
	}
	return ig, true
}

// task runs a Task state: the integration's Scheduled and Started
// events, the call on a goroutine counted by the bus, then the answer on
// the execution.
func (th *thread) task(eff any) {
	st := th.st
	ex := th.ex
	timeout, f := th.taskTimeout(eff)
	if f != nil {
		th.handle(f)
		return
	}
	hb, f := th.heartbeatOf(eff)
	if f != nil {
		th.handle(f)
		return
	}
	if isActivityARN(st.resource) {
		th.activityTask(eff, timeout, hb)
		return
	}
	ig, ok := integrationOf(st.resource)
	if !ok {
		th.handle(fail(errRuntime, "awsfake: the integration %s is not supported yet", st.resource))
		return
	}
	th.scheduled(ig, eff, timeout, hb)
	if ex.closed() || th.mocked(ig) {
		return
	}
	th.gen++
	gen := th.gen
	var w *waiter
	if ig.callback {
		w = th.register(ig, hb)
	}
	if timeout > 0 {
		th.taskTimer = ex.svc.at(ex.svc.env.Clock.Now().Add(timeout), ex, func() {
			if th.gen == gen && !th.done {
				th.taskFailed(ig, &failure{Error: errTimeout}, true)
			}
		})
	}
	answer := func(out any, f *failure) {
		if th.gen != gen || th.done || ex.closed() {
			return
		}
		if w == nil || f != nil {
			cancel(th.taskTimer)
		}
		if f != nil {
			th.taskFailed(ig, f, false)
			return
		}
		if w != nil {
			w.submitted(out)
			return
		}
		th.taskSucceeded(ig, out)
	}
	switch {
	case ig.resourceType == "states":
		th.startNested(ig, eff, answer)
		return
	case ig.op == "sfn:"+ig.resource:
		th.sdkSfn(ig, eff, answer)
		return
	case ig.op == "http:invoke":
		th.httpTask(eff, answer)
		return
	}
	call, f := th.busCall(ig, eff)
	if f != nil {
		answer(nil, f)
		return
	}
	ex.svc.async(ex, call, answer)
}

// scheduled records a task's Scheduled and Started events.
func (th *thread) scheduled(ig integration, eff any, timeout, hb time.Duration) {
	st, ex := th.st, th.ex
	if ig.lambdaARN {
		d := payload(map[string]any{"resource": st.resource}, "input", eff)
		if timeout > 0 {
			d["timeoutInSeconds"] = int(timeout / time.Second)
		}
		th.prev = ex.emit(th.prev, "LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", d)
		th.prev = ex.emit(th.prev, "LambdaFunctionStarted", "", nil)
	} else {
		d := map[string]any{"resourceType": ig.resourceType, "resource": ig.resource, "region": ex.region(), "parameters": encodeJSON(eff)}
		if timeout > 0 {
			d["timeoutInSeconds"] = int(timeout / time.Second)
		}
		if hb > 0 { // any task with a heartbeat, as recorded (test_base_evaluate_expressions.py::test_base_task[HEARTBEAT_SECONDS])
			d["heartbeatInSeconds"] = int(hb / time.Second)
		}
		th.prev = ex.emit(th.prev, "TaskScheduled", "taskScheduledEventDetails", d)
		th.prev = ex.emit(th.prev, "TaskStarted", "taskStartedEventDetails", map[string]any{"resourceType": ig.resourceType, "resource": ig.resource})
	}
}

// taskTimeout is the state's TimeoutSeconds or TimeoutSecondsPath; 0 for
// none.
func (th *thread) taskTimeout(eff any) (time.Duration, *failure) {
	st := th.st
	if st.jn != nil && st.jn.timeout != nil {
		return th.jduration(st.jn.timeout)
	}
	if st.timeoutPath != nil {
		ev := th.eval(eff)
		v, ok := ev.lookup(st.timeoutPath)
		if !ok {
			return 0, ev.invalidPath(st.timeoutPath)
		}
		n, isInt := intValue(v)
		if !isInt || n < 1 {
			return 0, fail(errRuntime, "The TimeoutSecondsPath parameter does not reference a valid positive integer: %s", st.timeoutPath.src)
		}
		return time.Duration(n) * time.Second, nil
	}
	return time.Duration(st.timeoutSeconds) * time.Second, nil
}

func (th *thread) taskSucceeded(ig integration, out any) {
	th.traceAnswered(false)
	ex := th.ex
	cancel(th.hbTimer)
	if ig.lambdaARN {
		th.prev = ex.emit(th.prev, "LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", payload(map[string]any{}, "output", out))
	} else {
		th.prev = ex.emit(th.prev, "TaskSucceeded", "taskSucceededEventDetails",
			payload(map[string]any{"resourceType": ig.resourceType, "resource": ig.resource}, "output", out))
	}
	if !ex.closed() {
		th.result(out)
	}
}

func (th *thread) taskFailed(ig integration, f *failure, timedOut bool) {
	th.traceAnswered(true)
	ex := th.ex
	cancel(th.hbTimer)
	d := errorDetail(f)
	switch {
	case ig.lambdaARN && timedOut:
		th.prev = ex.emit(th.prev, "LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails", d)
	case ig.lambdaARN:
		th.prev = ex.emit(th.prev, "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails", d)
	default:
		d["resourceType"], d["resource"] = ig.resourceType, ig.resource
		typ, key := "TaskFailed", "taskFailedEventDetails"
		if timedOut {
			typ, key = "TaskTimedOut", "taskTimedOutEventDetails"
		}
		th.prev = ex.emit(th.prev, typ, key, d)
	}
	th.gen++
	if !ex.closed() {
		th.handle(f)
	}
}

// busCall is a task's call on the bus: the target, the message and how
// its answer reads.
type busCall struct {
	target string
	msg    bus.Message
	read   func(body []byte, requestID string) any
	errs   func(err error) *failure
}

func (th *thread) busCall(ig integration, eff any) (busCall, *failure) {
	ex := th.ex
	params, _ := eff.(map[string]any)
	c := busCall{msg: bus.Message{Source: ex.machineARN, Principal: "states.amazonaws.com",
		Meta: map[string]string{bus.MetaSourceAccount: ex.account()}}}
	th.passTrace(&c.msg, ig)
	c.errs = func(err error) *failure { return serviceFailure(ig.service, err) }
	if ig.sdk {
		c.errs = func(err error) *failure { return sdkFailure(ig.service, err, ex.svc.env.IDs.UUID()) }
	}
	switch {
	case ig.lambdaARN:
		c.target, c.msg.Body = ig.resource, []byte(encodeJSON(eff))
		c.read = func(b []byte, _ string) any { return readPayload(b) }
	case ig.resourceType == "lambda":
		name, _ := params["FunctionName"].(string)
		if name == "" {
			return c, fail(errRuntime, "The field 'FunctionName' is required but was missing")
		}
		c.target = ex.functionARN(name, str(params["Qualifier"]))
		if p, ok := params["Payload"]; ok {
			c.msg.Body = []byte(encodeJSON(p))
		}
		c.read = func(b []byte, id string) any {
			return map[string]any{"ExecutedVersion": "$LATEST", "Payload": readPayload(b), "StatusCode": jsonInt(200),
				"SdkHttpMetadata": httpMetadata(id), "SdkResponseMetadata": map[string]any{"RequestId": id}}
		}
	case ig.op == "sqs:sendMessage":
		url := str(params["QueueUrl"])
		c.target = queueARN(url, ex.region(), ex.account())
		body := params["MessageBody"]
		s, isStr := body.(string)
		if !isStr {
			s = encodeJSON(body)
		}
		c.msg.Body = []byte(s)
		c.msg.GroupID, c.msg.DeduplicationID = str(params["MessageGroupId"]), str(params["MessageDeduplicationId"])
		c.read = func(b []byte, id string) any {
			sum := md5.Sum([]byte(s))
			return map[string]any{"MessageId": string(b), "MD5OfMessageBody": hex.EncodeToString(sum[:]),
				"SdkHttpMetadata": httpMetadata(id), "SdkResponseMetadata": map[string]any{"RequestId": id}}
		}
	case ig.op == "sns:publish":
		c.target = str(params["TopicArn"])
		msg := params["Message"]
		s, isStr := msg.(string)
		if !isStr {
			s = encodeJSON(msg)
		}
		c.msg.Body = []byte(s)
		if sub := str(params["Subject"]); sub != "" {
			c.msg.Meta[bus.MetaSubject] = sub
		}
		c.msg.GroupID, c.msg.DeduplicationID = str(params["MessageGroupId"]), str(params["MessageDeduplicationId"])
		c.read = func(b []byte, id string) any {
			return map[string]any{"MessageId": string(b), "SdkHttpMetadata": httpMetadata(id), "SdkResponseMetadata": map[string]any{"RequestId": id}}
		}
	}
	if ig.sdk {
		c.read = sdkRead(ig, string(c.msg.Body))
	}
	return c, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// readPayload reads a function's answer: its JSON, or the text when it is
// not JSON.
func readPayload(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	v, err := decodeJSON(string(b))
	if err != nil {
		return string(b)
	}
	return v
}

func httpMetadata(id string) map[string]any {
	return map[string]any{
		"AllHttpHeaders": map[string]any{"Content-Type": []any{"application/json"}, "x-amzn-RequestId": []any{id}},
		"HttpHeaders":    map[string]any{"Content-Type": "application/json", "x-amzn-RequestId": id},
		"HttpStatusCode": jsonInt(200),
	}
}

// serviceFailure names a failed call as Step Functions does: a function's
// own error by its errorType, a service's error as <Service>.<Code>
// (Lambda.TooManyRequestsException, SQS.QueueDoesNotExistException).
func serviceFailure(service string, err error) *failure {
	var fe *bus.FunctionError
	if errors.As(err, &fe) {
		doc, _ := decodeJSON(string(fe.Payload))
		m, _ := doc.(map[string]any)
		name := str(m["errorType"])
		if name == "" {
			name = "Exception"
		}
		return &failure{Error: name, Cause: string(fe.Payload)}
	}
	var ae *awserr.Error
	if errors.As(err, &ae) {
		code := ae.Code
		if !strings.HasSuffix(code, "Exception") {
			code += "Exception"
		}
		return &failure{Error: service + "." + code, Cause: ae.Message + " (Service: " + service + ", Status Code: " +
			itoa(ae.Status) + ", Error Code: " + ae.Code + ")"}
	}
	if errors.Is(err, bus.ErrNoEndpoint) || errors.Is(err, context.Canceled) {
		return &failure{Error: service + ".ServiceException", Cause: err.Error()}
	}
	return &failure{Error: errTaskFailed, Cause: err.Error()}
}

// queueARN is the ARN of the queue a QueueUrl names: its last two path
// segments are the account and the name.
func queueARN(url, region, account string) string {
	seg := strings.Split(strings.TrimSuffix(url, "/"), "/")
	if len(seg) >= 2 {
		account = seg[len(seg)-2]
	}
	if r := arn.RegionInHost(url); r != "" {
		region = r
	}
	return arn.Build("", "sqs", region, account, seg[len(seg)-1])
}
