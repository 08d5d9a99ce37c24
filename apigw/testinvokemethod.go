package apigw

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// TestInvokeMethodInput is TestInvokeMethod's input: the method (by
// resource id and HTTP method) and the request it is called with.
type TestInvokeMethodInput struct {
	RestAPIID           string              `json:"-"`
	ResourceID          string              `json:"-"`
	HTTPMethod          string              `json:"-"`
	PathWithQueryString string              `json:"pathWithQueryString,omitempty"`
	Body                string              `json:"body,omitempty"`
	Headers             map[string]string   `json:"headers,omitempty"`
	MultiValueHeaders   map[string][]string `json:"multiValueHeaders,omitempty"`
	ClientCertificateID string              `json:"clientCertificateId,omitempty"`
	StageVariables      map[string]string   `json:"stageVariables,omitempty"`
}

// TestInvokeMethodOutput is the method's answer as a client would get it,
// with the execution log and the latency in milliseconds.
type TestInvokeMethodOutput struct {
	Status            int32               `json:"status"`
	Body              string              `json:"body"`
	Headers           map[string]string   `json:"headers"`
	MultiValueHeaders map[string][]string `json:"multiValueHeaders"`
	Log               string              `json:"log"`
	Latency           int64               `json:"latency"`
}

// TestInvokeMethod calls a method of the API as it stands, not as a
// deployment holds it, on the stage test-invoke-stage, as the console's
// test does: without the authorizer and the API key (AWS's test bypasses
// both), with the request validator, the integration and the method
// response. The resource is the one named, whatever path is given: the
// path gives the path parameters when it matches the resource's
// (test_invoke_test_method, test-invoke-method-get-pets-bad-path).
func (s *Service) TestInvokeMethod(ctx context.Context, in TestInvokeMethodInput) (TestInvokeMethodOutput, error) {
	sc, err := s.enter(ctx, "TestInvokeMethod")
	if err != nil {
		return TestInvokeMethodOutput{}, err
	}
	s.mu.Lock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		s.mu.Unlock()
		return TestInvokeMethodOutput{}, err
	}
	r := a.resources[in.ResourceID]
	if r == nil {
		s.mu.Unlock()
		return TestInvokeMethodOutput{}, errResourceNotFound()
	}
	if r.methods[in.HTTPMethod] == nil {
		s.mu.Unlock()
		return TestInvokeMethodOutput{}, errMethodNotFound()
	}
	snap := a.snapshot("test-invoke-deployment-id")
	s.mu.Unlock()

	x := s.testExchange(ctx, sc, in.RestAPIID, in.HTTPMethod, testRequest{in.PathWithQueryString, in.Body, in.Headers,
		in.MultiValueHeaders, in.StageVariables})
	x.snap = snap
	x.node = snap.root.find(in.ResourceID)
	x.method = x.node.methods[in.HTTPMethod]
	x.params = map[string]string{}
	if n := snap.root.match(pathSegments(x.t.rest), x.params); n != x.node {
		x.params = map[string]string{}
	}
	x.record.ResourcePath, x.record.ResourceID = x.node.path, x.node.id
	log := newTestLog(s, x.requestID)
	log.line("Starting execution for request: %s", x.requestID)
	log.line("HTTP Method: %s, Resource Path: %s", in.HTTPMethod, x.r.URL.Path)
	log.line("Method request path: %s", javaMap(x.params))
	log.line("Method request query string: %s", javaMap(firstValues(x.r.URL.Query())))
	log.line("Method request headers: %s", javaMap(in.Headers))
	log.line("Method request body before transformations: %s", in.Body)

	res := s.integrate(x)
	if res.gwType != "" {
		res = x.customised(res)
	}
	out := TestInvokeMethodOutput{Status: int32(res.status), Body: string(res.body),
		Headers: map[string]string{}, MultiValueHeaders: map[string][]string{}}
	for k, vs := range res.header {
		if res.gwType != "" && k != "X-Amzn-Errortype" {
			continue // a gateway error shows its error type alone (test_failed_invoke_test_method)
		}
		if k == "X-Amzn-Errortype" {
			k = "x-amzn-ErrorType"
		}
		out.Headers[k], out.MultiValueHeaders[k] = strings.Join(vs, ","), slices.Clone(vs)
	}
	switch {
	case x.record.Error != "":
		log.line("%s", x.record.Error)
	case res.gwType == "INTEGRATION_TIMEOUT":
		log.line("Execution failed due to a timeout error")
	case res.gwType == "":
		log.line("Method response body after transformations: %s", res.body)
		log.line("Method response headers: %s", javaMap(out.Headers))
		log.line("Successfully completed execution")
	}
	log.line("Method completed with status: %d", res.status)
	out.Log, out.Latency = log.String(), s.env.Clock.Now().Sub(x.start).Milliseconds()
	return out, nil
}

// find is the node of resource id below n, nil when there is none.
func (n *node) find(id string) *node {
	if n == nil || n.id == id {
		return n
	}
	for _, c := range n.literal {
		if f := c.find(id); f != nil {
			return f
		}
	}
	if f := n.param.find(id); f != nil {
		return f
	}
	return n.greedy.find(id)
}

// testLog is the execution log of a test invocation, in AWS's form: a
// title line, then lines stamped with the clock's time.
type testLog struct {
	strings.Builder
	now func() time.Time
}

func newTestLog(s *Service, requestID string) *testLog {
	l := &testLog{now: s.env.Clock.Now}
	l.WriteString("Execution log for request " + requestID + "\n")
	return l
}

// line adds one stamped line.
func (l *testLog) line(format string, args ...any) {
	l.WriteString(l.now().UTC().Format("Mon Jan 02 15:04:05 UTC 2006") + " : ")
	l.WriteString(strings.TrimSpace(fmt.Sprintf(format, args...)) + "\n")
}

// javaMap writes m as a Java map prints, the form of AWS's log lines:
// {a=1, b=2}, keys in order.
func javaMap(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + m[k]
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// firstValues keeps the first value of each key.
func firstValues(v map[string][]string) map[string]string {
	out := make(map[string]string, len(v))
	for k, vs := range v {
		out[k] = vs[0]
	}
	return out
}
