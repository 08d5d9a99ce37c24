package stepfn_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/stepfn"
)

// fuzzService builds the service alone and a function that serves one
// request, failing on any 5xx.
func fuzzService(t *testing.T) (*stepfn.Service, func(target, body string)) {
	env := cloudenv.ForTest(clock.NewFake(t0))
	s := stepfn.New(env)
	env.Attach(s.Describe())
	t.Cleanup(s.Close)
	return s, func(target, body string) {
		r := httptest.NewRequest(http.MethodPost, "/", bytes.NewBufferString(body))
		r.Header.Set("X-Amz-Target", "AWSStepFunctions."+target)
		r.Header.Set("Content-Type", "application/x-amz-json-1.0")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s answered %d: %s", target, w.Code, w.Body)
		}
	}
}

// Definitions: no definition answers a 5xx, at creation or at validation.
func FuzzDefinition(f *testing.F) {
	for _, seed := range []string{
		`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`,
		`{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEquals":1,"Next":"S"}],"Default":"S"},"S":{"Type":"Succeed"}}}`,
		`{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.x","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`,
		`{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"States.Format('{}', $.b)"},"End":true}}}`,
		`{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["States.ALL"]}],"End":true}}}`,
		`{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% [1] %}","ItemSelector":{"v":"{% $states.context.Map.Item.Value %}"},"ItemProcessor":{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.v > 0 %}","Next":"W","Assign":{"a":1}}],"Default":"W"},"W":{"Type":"Wait","Seconds":"{% 1 %}","End":true}}},"Catch":[{"ErrorEquals":["States.ALL"],"Output":"{% $states.errorOutput %}","Next":"F"}],"Next":"F"},"F":{"Type":"Fail","Error":"{% 'E' %}"}}}`,
		`not json`, `{}`, `[]`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, def string) {
		_, serve := fuzzService(t)
		body := `{"definition":` + quote(def) + `}`
		serve("ValidateStateMachineDefinition", body)
		serve("CreateStateMachine", `{"name":"m","roleArn":"arn:aws:iam::000000000000:role/r","definition":`+quote(def)+`}`)
	})
}

// Inputs: no execution input, run through a machine that uses paths,
// intrinsics and choices, answers a 5xx or leaves the execution stuck.
func FuzzExecutionInput(f *testing.F) {
	for _, seed := range []string{`{}`, `{"a":1,"b":"x","items":[1,2]}`, `{"items":"no"}`, `[]`, `null`, `"s"`, `{"a":`} {
		f.Add(seed)
	}
	def := `{"StartAt":"C","States":{
"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsNumeric":true,"Next":"P"}],"Default":"M"},
"P":{"Type":"Pass","Parameters":{"s.$":"States.Format('{}', $.a)","n.$":"States.MathAdd($.a, 1)"},"Next":"M"},
"M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}}`
	f.Fuzz(func(t *testing.T, input string) {
		s, serve := fuzzService(t)
		serve("CreateStateMachine", `{"name":"m","roleArn":"arn:aws:iam::000000000000:role/r","definition":`+quote(def)+`}`)
		serve("StartExecution", `{"stateMachineArn":"arn:aws:states:us-east-1:000000000000:stateMachine:m","name":"e","input":`+quote(input)+`}`)
		if e, ok := s.Execution("arn:aws:states:us-east-1:000000000000:execution:m:e"); ok && e.Status == "RUNNING" {
			t.Fatalf("execution stuck on input %q: %v", input, e.Events)
		}
	})
}

func quote(s string) string {
	var b bytes.Buffer
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TestState: no state definition, input or mock answers a 5xx.
func FuzzTestState(f *testing.F) {
	for _, seed := range []string{
		`{"Type":"Pass","InputPath":"$.a","Parameters":{"x.$":"$.b"},"ResultPath":"$.r","End":true}`,
		`{"Type":"Choice","Choices":[{"Variable":"$.v","NumericLessThan":3,"Next":"A"}],"Default":"B"}`,
		`{"Type":"Fail","Error":"E","Cause":"C"}`,
		`{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["X"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true}`,
		`{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`, `[]`, `{`,
	} {
		f.Add(seed, `{"a":{"b":1},"v":2}`, `{"r":1}`)
	}
	f.Fuzz(func(t *testing.T, def, input, result string) {
		_, serve := fuzzService(t)
		serve("TestState", `{"definition":`+quote(def)+`,"input":`+quote(input)+`,"inspectionLevel":"DEBUG","stateName":"A"}`)
		serve("TestState", `{"definition":`+quote(def)+`,"input":`+quote(input)+`,"inspectionLevel":"TRACE","mock":{"result":`+quote(result)+`}}`)
	})
}

// Mock configurations: LoadMocks returns an error or takes it, never
// panics, and a test case it took runs without a 5xx.
func FuzzLoadMocks(f *testing.F) {
	f.Add(mockFile)
	f.Add(`{"MockedResponses":{"r":{"0-1":{"Throw":{"Error":"E"}}}},"StateMachines":{"m":{"TestCases":{"c":{"T":"r"}}}}}`)
	f.Add(`{"MockedResponses":{"r":{"x":{}}}}`)
	f.Fuzz(func(t *testing.T, doc string) {
		s, serve := fuzzService(t)
		if s.LoadMocks([]byte(doc)) != nil {
			return
		}
		def := `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}`
		serve("CreateStateMachine", `{"name":"m","roleArn":"arn:aws:iam::000000000000:role/r","definition":`+quote(def)+`}`)
		serve("StartExecution", `{"stateMachineArn":"arn:aws:states:us-east-1:000000000000:stateMachine:m#c"}`)
	})
}

// Task tokens: no token, output or error answers a 5xx.
func FuzzTaskToken(f *testing.F) {
	f.Add("AQ", `{}`, "E")
	f.Add("", `not json`, "")
	f.Fuzz(func(t *testing.T, token, output, errName string) {
		_, serve := fuzzService(t)
		serve("SendTaskSuccess", `{"taskToken":`+quote(token)+`,"output":`+quote(output)+`}`)
		serve("SendTaskFailure", `{"taskToken":`+quote(token)+`,"error":`+quote(errName)+`}`)
		serve("SendTaskHeartbeat", `{"taskToken":`+quote(token)+`}`)
	})
}
