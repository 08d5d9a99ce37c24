package eventbridge

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
)

// FuzzScheduleExpr: any expression parses or is refused, and a parsed one
// gives a next instant after the one asked, in any zone.
func FuzzScheduleExpr(f *testing.F) {
	for _, s := range []string{"cron(0 12 ? * MON-FRI *)", "cron(0/5 8-17 ? * MON-FRI *)", "cron(15 10 ? * 6L 2002-2005)", "cron(0 2 ? * SAT#3 *)",
		"cron(0 0 LW * ? *)", "cron(0 0 3W * ? *)", "cron(0 0 L-3 * ? *)", "rate(5 minutes)", "rate(1 day)", "at(2026-03-29T02:30:00)"} {
		f.Add(s)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	from := time.Date(2026, 3, 28, 23, 59, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		e, ok := parseScheduleExpr(s, true)
		if !ok {
			return
		}
		for _, loc := range []*time.Location{time.UTC, paris} {
			if at, ok := e.next(from, from, loc); ok && !e.isAt && !at.After(from) {
				t.Fatalf("%s: next %v is not after %v", s, at, from)
			}
		}
	})
}

// FuzzInputTemplate: any template renders without panicking, and
// PutTargets' check refuses or accepts it.
func FuzzInputTemplate(f *testing.F) {
	f.Add(`{"a": <x>, "b": "<x> and <aws.events.rule-name>"}`, "$.detail.a")
	f.Add(`"<aws.events.event.json>"`, "$")
	f.Add(`<<x>>\"<x>`, "$.detail[0]")
	ev := decodeEvent([]byte(`{"version":"0","id":"1","source":"s","detail":{"a":[1,"x",{"b":null}]}}`))
	f.Fuzz(func(t *testing.T, template, path string) {
		tr := &InputTransformer{InputTemplate: template, InputPathsMap: map[string]string{"x": path}}
		_ = checkTemplate("t", tr)
		render(tr, eventContext{ruleArn: "arn", ruleName: "r", event: ev.raw, obj: ev.obj})
		jsonPath(ev.obj, path)
	})
}

// FuzzWire: any body for the main operations of both protocols answers
// without a 5xx.
func FuzzWire(f *testing.F) {
	for _, c := range []struct{ target, body string }{
		{"AWSEvents.PutEvents", `{"Entries":[{"Source":"a","DetailType":"t","Detail":"{}"}]}`},
		{"AWSEvents.PutRule", `{"Name":"r","EventPattern":"{\"source\":[\"a\"]}","ScheduleExpression":"rate(1 minute)"}`},
		{"AWSEvents.PutTargets", `{"Rule":"r","Targets":[{"Id":"t","Arn":"arn:aws:sqs:us-east-1:000000000000:q","InputTransformer":{"InputTemplate":"<a>","InputPathsMap":{"a":"$.x"}}}]}`},
		{"AWSEvents.TestEventPattern", `{"EventPattern":"{\"a\":[1]}","Event":"{\"id\":\"1\",\"account\":\"1\",\"source\":\"s\",\"time\":\"t\",\"region\":\"r\",\"detail-type\":\"d\",\"a\":1}"}`},
		{"/schedules/s", `{"ScheduleExpression":"at(2026-01-01T00:00:00)","ScheduleExpressionTimezone":"Europe/Paris","FlexibleTimeWindow":{"Mode":"FLEXIBLE","MaximumWindowInMinutes":5},"Target":{"Arn":"arn:aws:sqs:us-east-1:000000000000:q","RoleArn":"arn:aws:iam::000000000000:role/r"}}`},
	} {
		f.Add(c.target, c.body)
	}
	f.Fuzz(func(t *testing.T, target, body string) {
		env := cloudenv.ForTest(clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
		s := New(env)
		env.Attach(s.Describe())
		defer func() { s.Close(); env.Sched.Close(); env.Bus.Close() }()
		_, _ = s.PutRule(context.Background(), PutRuleInput{Name: "r", EventPattern: `{"source":["a"]}`})
		var r *http.Request
		if len(target) > 0 && target[0] == '/' {
			r = httptest.NewRequest("POST", "http://x"+sanitizePath(target), bytes.NewReader([]byte(body)))
		} else {
			r = httptest.NewRequest("POST", "http://x/", bytes.NewReader([]byte(body)))
			r.Header.Set("X-Amz-Target", target)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s %s: %d %s", target, body, w.Code, w.Body)
		}
	})
}

// sanitizePath keeps a fuzzed path one httptest accepts.
func sanitizePath(p string) string {
	var b bytes.Buffer
	for _, c := range []byte(p) {
		if c > ' ' && c < 0x7f && c != '%' && c != '?' && c != '#' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// FuzzUniversalTarget: any universal target action and Input either gives
// the ARN to deliver to or fails with a 4xx AWS error (ValidationException,
// sent to the dead-letter queue), never a 5xx nor a panic.
func FuzzUniversalTarget(f *testing.F) {
	for _, s := range [][2]string{{"sqs:sendMessage", `{"QueueUrl":"https://sqs.eu-west-1.amazonaws.com/000000000000/q","MessageBody":"x"}`},
		{"sns:publish", `{"TopicArn":"arn:aws:sns:us-east-1:000000000000:t","Message":"m","Subject":"s"}`},
		{"lambda:invoke", `{"FunctionName":"fn","Payload":"{}"}`}, {"sfn:startExecution", `{"StateMachineArn":"a","Input":"{}"}`},
		{"ec2:runInstances", `{}`}, {"sqs:sendMessage", `{"QueueUrl":"%zz"}`}} {
		f.Add(s[0], s[1])
	}
	sc := faults.Scope{Account: "000000000000", Region: "us-east-1", Partition: "aws"}
	f.Fuzz(func(t *testing.T, action, input string) {
		out := bus.Message{Body: []byte(input), Meta: map[string]string{}}
		to, err := universalTarget(action, sc, &out)
		var ae *awserr.Error
		switch {
		case err == nil && to == "":
			t.Fatal("no target and no error")
		case err != nil && (!errors.As(err, &ae) || ae.Status >= 500):
			t.Fatalf("%v is not a 4xx AWS error", err)
		}
	})
}
