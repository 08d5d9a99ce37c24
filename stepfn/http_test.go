package stepfn_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

const connARN = "arn:aws:events:us-east-1:000000000000:connection/Stripe/81210c42-8af1-456b-9c4a-6ff02fc664ac"

// seen is what the endpoint received.
type seen struct {
	Method, Path, Query, Body string
	Header                    http.Header
}

// endpoint is an HTTPS server answering status and body (JSON), which
// records each request; the cloud's HTTP task is set to its client.
func (f *fixture) endpoint(t *testing.T, status int, contentType, body string) (*httptest.Server, func() []seen) {
	t.Helper()
	var mu sync.Mutex
	var got []seen
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, seen{r.Method, r.URL.Path, r.URL.RawQuery, string(b), r.Header.Clone()})
		mu.Unlock()
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("X-Request-Id", "req-1")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	f.cloud.StepFunctions().SetHTTPClient(srv.Client())
	return srv, func() []seen { mu.Lock(); defer mu.Unlock(); return append([]seen(nil), got...) }
}

func httpMachine(params map[string]any, extra map[string]any) map[string]any {
	st := map[string]any{"Type": "Task", "Resource": "arn:aws:states:::http:invoke", "Parameters": params, "End": true}
	for k, v := range extra {
		st[k] = v
	}
	return map[string]any{"StartAt": "Call", "States": map[string]any{"Call": st}}
}

func auth() map[string]any { return map[string]any{"ConnectionArn": connARN} }

// The HTTP task sends the method, query, headers and JSON body the
// Parameters say (with the headers Step Functions adds, without those it
// drops) and answers StatusCode, StatusText, Headers and the parsed
// ResponseBody (AWS's "HTTP Task fields" and "HTTP Task response").
func TestHTTPTask_RequestAndResult(t *testing.T) {
	f := newFixture(t)
	srv, got := f.endpoint(t, 200, "application/json", `{"id":"cus_1","ok":true}`)
	sm := f.machine(t, "http", httpMachine(map[string]any{
		"ApiEndpoint.$": "$.url", "Method": "POST", "Authentication": auth(),
		"Headers":         map[string]any{"X-Custom": "v1", "Host": "evil", "x-amz-date": "no", "Range": "bytes=0-1"},
		"QueryParameters": map[string]any{"limit": 10, "tag": []any{"a", "b"}},
		"RequestBody":     map[string]any{"name.$": "$.name", "n": 2},
	}, nil), types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"url":"`+srv.URL+`/v1/customers","name":"Ada"}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	var out map[string]any
	require.NoError(t, json.Unmarshal([]byte(*d.Output), &out))
	require.Equal(t, float64(200), out["StatusCode"])
	require.Equal(t, "OK", out["StatusText"])
	require.Equal(t, map[string]any{"id": "cus_1", "ok": true}, out["ResponseBody"])
	require.Equal(t, []any{"req-1"}, out["Headers"].(map[string]any)["x-request-id"])

	r := got()
	require.Len(t, r, 1)
	require.Equal(t, "POST", r[0].Method)
	require.Equal(t, "/v1/customers", r[0].Path)
	require.Equal(t, "limit=10&tag=a&tag=b", r[0].Query)
	require.JSONEq(t, `{"n":2,"name":"Ada"}`, r[0].Body)
	require.Equal(t, "application/json", r[0].Header.Get("Content-Type"))
	require.Equal(t, "v1", r[0].Header.Get("X-Custom"))
	require.Equal(t, "Amazon|StepFunctions|HttpInvoke|us-east-1", r[0].Header.Get("User-Agent"))
	require.Equal(t, "bytes=0-262144", r[0].Header.Get("Range"))
	require.Empty(t, r[0].Header.Get("X-Amz-Date"))
	require.NotEqual(t, "evil", r[0].Header.Get("Host"))

	var kinds []string
	for _, e := range f.history(t, ex) {
		kinds = append(kinds, string(e.Type))
		if e.Type == types.HistoryEventTypeTaskScheduled {
			require.Equal(t, "http", *e.TaskScheduledEventDetails.ResourceType)
			require.Equal(t, "invoke", *e.TaskScheduledEventDetails.Resource)
		}
	}
	require.Contains(t, kinds, "TaskSucceeded")
}

// A non-2xx answer fails the task with States.Http.StatusCode.<code>,
// which a Catch catches; a text body stays text.
func TestHTTPTask_StatusCodeError(t *testing.T) {
	f := newFixture(t)
	srv, _ := f.endpoint(t, 404, "text/plain", "no such customer")
	params := map[string]any{"ApiEndpoint": srv.URL + "/x", "Method": "GET", "Authentication": auth()}
	sm := f.machine(t, "notfound", httpMachine(params, nil), types.StateMachineTypeStandard)
	d := f.describe(t, f.start(t, sm, `{}`))
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.Http.StatusCode.404", *d.Error)
	var cause map[string]any
	require.NoError(t, json.Unmarshal([]byte(*d.Cause), &cause))
	require.Equal(t, "Not Found", cause["StatusText"])
	require.Equal(t, "no such customer", cause["ResponseBody"])

	caught := httpMachine(params, map[string]any{"Catch": []any{map[string]any{"ErrorEquals": []any{"States.Http.StatusCode.404"}, "Next": "Missing"}}})
	caught["States"].(map[string]any)["Missing"] = map[string]any{"Type": "Succeed"}
	sm = f.machine(t, "caught", caught, types.StateMachineTypeStandard)
	require.Equal(t, types.ExecutionStatusSucceeded, f.describe(t, f.start(t, sm, `{}`)).Status)
}

// Without a client set, the task dials nothing and fails with
// States.Http.Socket, as an unreachable endpoint does on AWS.
func TestHTTPTask_DefaultClientRefusesToDial(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "nonet", httpMachine(map[string]any{"ApiEndpoint": "https://api.example.com/", "Method": "GET", "Authentication": auth()}, nil),
		types.StateMachineTypeStandard)
	d := f.describe(t, f.start(t, sm, `{}`))
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.Http.Socket", *d.Error)
	require.Contains(t, *d.Cause, "SetHTTPClient")
}

// A request that has not been answered after 60 s on the cloud's clock
// fails with States.Http.Socket: not 1 ms before.
func TestHTTPTask_SocketTimeoutOnTheClock(t *testing.T) {
	f := newFixture(t)
	release := make(chan struct{})
	arrived := make(chan struct{}, 1)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	f.cloud.StepFunctions().SetHTTPClient(srv.Client())
	sm := f.machine(t, "slow", httpMachine(map[string]any{"ApiEndpoint": srv.URL, "Method": "GET", "Authentication": auth()}, nil),
		types.StateMachineTypeStandard)
	out, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(sm)})
	require.NoError(t, err)
	<-arrived
	f.clk.Advance(60*time.Second - time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, *out.ExecutionArn).Status)
	f.advance(t, time.Millisecond)
	d := f.describe(t, *out.ExecutionArn)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.Http.Socket", *d.Error)
}

// Transform URL_ENCODED sends the body as a form, arrays in each
// ArrayFormat (AWS's "Apply URL-encoding on the request body").
func TestHTTPTask_URLEncodedBody(t *testing.T) {
	body := map[string]any{"array": []any{"a", "b"}, "obj": map[string]any{"k": "v w"}}
	for format, want := range map[string]string{
		"":         "array[0]=a&array[1]=b&obj[k]=v+w",
		"INDICES":  "array[0]=a&array[1]=b&obj[k]=v+w",
		"REPEAT":   "array=a&array=b&obj[k]=v+w",
		"COMMAS":   "array=a,b&obj[k]=v+w",
		"BRACKETS": "array[]=a&array[]=b&obj[k]=v+w",
	} {
		f := newFixture(t)
		srv, got := f.endpoint(t, 201, "application/json", `{}`)
		tr := map[string]any{"RequestBodyEncoding": "URL_ENCODED"}
		if format != "" {
			tr["RequestEncodingOptions"] = map[string]any{"ArrayFormat": format}
		}
		sm := f.machine(t, "form", httpMachine(map[string]any{"ApiEndpoint": srv.URL, "Method": "POST", "Authentication": auth(),
			"RequestBody": body, "Transform": tr}, nil), types.StateMachineTypeStandard)
		require.Equal(t, types.ExecutionStatusSucceeded, f.describe(t, f.start(t, sm, `{}`)).Status, format)
		r := got()
		require.Equal(t, want, r[0].Body, format)
		require.Equal(t, "application/x-www-form-urlencoded", r[0].Header.Get("Content-Type"))
	}
}

// The same call in JSONata: Arguments, and the result in $states.result.
func TestHTTPTask_JSONata(t *testing.T) {
	f := newFixture(t)
	srv, got := f.endpoint(t, 200, "application/json", `{"total":3}`)
	def := map[string]any{"QueryLanguage": "JSONata", "StartAt": "Call", "States": map[string]any{"Call": map[string]any{
		"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
		"Arguments": map[string]any{"ApiEndpoint": "{% $states.input.url & '/count' %}", "Method": "GET", "Authentication": auth(),
			"QueryParameters": map[string]any{"q": "{% $states.input.q %}"}},
		"Output": "{% $states.result.ResponseBody.total %}", "End": true}}}
	sm := f.machine(t, "jsonata", def, types.StateMachineTypeStandard)
	d := f.describe(t, f.start(t, sm, `{"url":"`+srv.URL+`","q":"x y"}`))
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.Equal(t, "3", *d.Output)
	require.Equal(t, "q=x+y", got()[0].Query)
}

// Missing or malformed parameters fail with States.Runtime before any
// request: ApiEndpoint, Method and Authentication.ConnectionArn are
// required, the endpoint HTTPS and the ARN an EventBridge connection's.
func TestHTTPTask_BadParameters(t *testing.T) {
	f := newFixture(t)
	srv, got := f.endpoint(t, 200, "application/json", `{}`)
	for name, params := range map[string]map[string]any{
		"noEndpoint": {"Method": "GET", "Authentication": auth()},
		"plainHTTP":  {"ApiEndpoint": "http://api.example.com", "Method": "GET", "Authentication": auth()},
		"noMethod":   {"ApiEndpoint": srv.URL, "Authentication": auth()},
		"badMethod":  {"ApiEndpoint": srv.URL, "Method": "TRACE", "Authentication": auth()},
		"noAuth":     {"ApiEndpoint": srv.URL, "Method": "GET"},
		"noConnArn":  {"ApiEndpoint": srv.URL, "Method": "GET", "Authentication": map[string]any{}},
		"badConnArn": {"ApiEndpoint": srv.URL, "Method": "GET", "Authentication": map[string]any{"ConnectionArn": "arn:aws:events:us-east-1:000000000000:rule/x"}},
		"badFormat": {"ApiEndpoint": srv.URL, "Method": "POST", "Authentication": auth(), "RequestBody": map[string]any{},
			"Transform": map[string]any{"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": map[string]any{"ArrayFormat": "X"}}},
		"formOfText": {"ApiEndpoint": srv.URL, "Method": "POST", "Authentication": auth(), "RequestBody": "text",
			"Transform": map[string]any{"RequestBodyEncoding": "URL_ENCODED"}},
		"badHeader": {"ApiEndpoint": srv.URL, "Method": "GET", "Authentication": auth(), "Headers": map[string]any{"X": map[string]any{}}},
	} {
		sm := f.machine(t, name, httpMachine(params, nil), types.StateMachineTypeStandard)
		d := f.describe(t, f.start(t, sm, `{}`))
		require.Equal(t, types.ExecutionStatusFailed, d.Status, name)
		require.Equal(t, "States.Runtime", *d.Error, name)
	}
	require.Empty(t, got())
}

// authorizer is a fake EventBridge connection: an API key header.
type authorizer struct{ refuse bool }

func (a authorizer) AuthorizeRequest(_ context.Context, arn string, req *http.Request) error {
	if a.refuse {
		return errors.New("connection not authorized")
	}
	req.Header.Set("X-Api-Key", "secret-of-"+arn[len(arn)-4:])
	return nil
}

// Once connections are set, their authorization is applied to the request;
// an authorization that fails fails the task.
func TestHTTPTask_ConnectionAuthorizes(t *testing.T) {
	f := newFixture(t)
	srv, got := f.endpoint(t, 200, "application/json", `{}`)
	f.cloud.StepFunctions().SetConnections(authorizer{})
	sm := f.machine(t, "authed", httpMachine(map[string]any{"ApiEndpoint": srv.URL, "Method": "GET", "Authentication": auth()}, nil),
		types.StateMachineTypeStandard)
	require.Equal(t, types.ExecutionStatusSucceeded, f.describe(t, f.start(t, sm, `{}`)).Status)
	require.Equal(t, "secret-of-"+connARN[len(connARN)-4:], got()[0].Header.Get("X-Api-Key"))

	f.cloud.StepFunctions().SetConnections(authorizer{refuse: true})
	d := f.describe(t, f.start(t, sm, `{}`))
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.TaskFailed", *d.Error)
	require.Len(t, got(), 1)
}

// TestState at TRACE shows the request and the response; the
// connection's headers only with revealSecrets.
func TestHTTPTask_TestStateTrace(t *testing.T) {
	f := newFixture(t)
	srv, _ := f.endpoint(t, 200, "application/json", `{"ok":1}`)
	f.cloud.StepFunctions().SetConnections(authorizer{})
	def := `{"Type":"Task","Resource":"arn:aws:states:::http:invoke","Parameters":{"ApiEndpoint":"` + srv.URL + `/p","Method":"POST",` +
		`"Authentication":{"ConnectionArn":"` + connARN + `"},"RequestBody":{"a":1}},"End":true}`
	for _, reveal := range []bool{false, true} {
		out, err := f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(def), RoleArn: aws.String(role),
			InspectionLevel: types.InspectionLevelTrace, RevealSecrets: reveal})
		require.NoError(t, err)
		require.Equal(t, types.TestExecutionStatusSucceeded, out.Status)
		req, resp := out.InspectionData.Request, out.InspectionData.Response
		require.NotNil(t, req)
		require.Equal(t, "POST", *req.Method)
		require.Equal(t, srv.URL+"/p", *req.Url)
		require.Equal(t, `{"a":1}`, *req.Body)
		require.Equal(t, "https", *req.Protocol)
		require.Contains(t, *req.Headers, "Content-Type: application/json")
		require.Equal(t, reveal, strings.Contains(*req.Headers, "X-Api-Key"), "reveal %v", reveal)
		require.Equal(t, "200", *resp.StatusCode)
		require.Equal(t, "OK", *resp.StatusMessage)
		require.Equal(t, `{"ok":1}`, *resp.Body)
	}
	out, err := f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(def), RoleArn: aws.String(role),
		InspectionLevel: types.InspectionLevelDebug})
	require.NoError(t, err)
	require.Nil(t, out.InspectionData.Request)
}
