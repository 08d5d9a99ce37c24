package stepfn

import (
	"bytes"
	"context"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The HTTP task's errors, as AWS names them.
const (
	errHTTPSocket     = "States.Http.Socket"
	errHTTPStatusCode = "States.Http.StatusCode."
)

// httpSocketTimeout is how long the HTTP task waits for an answer before
// it fails with States.Http.Socket (AWS's "HTTP Task connectivity
// errors": 60 seconds), on the cloud's clock.
const httpSocketTimeout = 60 * time.Second

// httpMaxBody is how much of a response the task reads: the Range
// Step Functions asks for (bytes=0-262144) and one byte.
const httpMaxBody = 262145

// httpExchange is one HTTP task call: the request as sent (the task's,
// and after the connection's authorization) and the response.
type httpExchange struct {
	request, authorized *InspectionDataRequest
	status              int
	statusText          string
	header              http.Header
	body                []byte
	authErr             error
}

// httpTask runs an http:invoke task: the request is built under the
// lock, authorized and sent off it, and the answer handed back.
func (th *thread) httpTask(eff any, answer func(any, *failure)) {
	ex := th.ex
	s := ex.svc
	sp, f := readHTTPSpec(eff)
	if f != nil {
		answer(nil, f)
		return
	}
	ctx, stop := context.WithCancel(s.ctx)
	req := sp.request(ctx, ex.region())
	client, conns := s.client(), s.conns
	timedOut := false
	timer := s.at(s.env.Clock.Now().Add(httpSocketTimeout), ex, func() { timedOut = true; stop() })
	inspect := ex.trace != nil && th.st.name == ex.traceState
	s.offLock(ex, func() (any, error) { return roundTrip(client, conns, sp.connection, req) }, func(v any, err error) {
		cancel(timer)
		stop()
		x := v.(*httpExchange)
		if inspect {
			ex.inspectHTTP = x
		}
		switch {
		case x.authErr != nil:
			answer(nil, serviceFailure("Events", x.authErr))
		case timedOut:
			answer(nil, fail(errHTTPSocket, "The HTTP request timed out after %d seconds", int(httpSocketTimeout/time.Second)))
		case err != nil:
			answer(nil, fail(errHTTPSocket, "%s", err))
		case x.status < 200 || x.status > 299:
			answer(nil, fail(errHTTPStatusCode+strconv.Itoa(x.status), "%s", encodeJSON(x.result())))
		default:
			answer(x.result(), nil)
		}
	})
}

// request is the task's *http.Request: its headers, then the ones Step
// Functions adds (User-Agent Amazon|StepFunctions|HttpInvoke|<region>
// and Range bytes=0-262144, AWS's "HTTP Task fields").
func (sp httpSpec) request(ctx context.Context, region string) *http.Request {
	req, _ := http.NewRequestWithContext(ctx, sp.method, sp.endpoint.String(), bytes.NewReader(sp.body))
	for k, v := range sp.headers {
		req.Header.Set(k, v)
	}
	if sp.contentType != "" && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", sp.contentType)
	}
	req.Header.Set("User-Agent", "Amazon|StepFunctions|HttpInvoke|"+region)
	req.Header.Set("Range", "bytes=0-262144")
	if len(sp.body) == 0 {
		req.Body, req.GetBody, req.ContentLength = http.NoBody, nil, 0
	}
	return req
}

// roundTrip applies the connection's authorization to req and sends it.
// The exchange is answered even with an error, for TestState's TRACE.
func roundTrip(client httpDoer, conns ConnectionAuthorizer, connection string, req *http.Request) (any, error) {
	x := &httpExchange{request: inspectRequest(req)}
	x.authorized = x.request
	if conns != nil {
		if err := conns.AuthorizeRequest(req.Context(), connection, req); err != nil {
			x.authErr = err
			return x, nil
		}
		x.authorized = inspectRequest(req)
	}
	resp, err := client.Do(req)
	if err != nil {
		return x, err
	}
	defer resp.Body.Close()
	x.body, err = io.ReadAll(io.LimitReader(resp.Body, httpMaxBody))
	x.status, x.header = resp.StatusCode, resp.Header
	x.statusText = strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
	return x, err
}

// inspectRequest is req as TestState shows it. It reads the body and puts
// it back.
func inspectRequest(req *http.Request) *InspectionDataRequest {
	var body []byte
	if req.Body != nil && req.Body != http.NoBody {
		body, _ = io.ReadAll(req.Body)
		req.Body.Close()
		req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	return &InspectionDataRequest{Protocol: req.URL.Scheme, Method: req.Method, URL: req.URL.String(),
		Headers: headerText(req.Header), Body: string(body)}
}

// result is the task's result as AWS documents it: StatusCode,
// StatusText, Headers (lower-case names, each with its values) and
// ResponseBody, parsed when the response is JSON.
func (x *httpExchange) result() map[string]any {
	headers := make(map[string]any, len(x.header))
	for k, vs := range x.header {
		list := make([]any, len(vs))
		for i, v := range vs {
			list[i] = v
		}
		headers[strings.ToLower(k)] = list
	}
	out := map[string]any{"StatusCode": jsonInt(x.status), "StatusText": x.statusText, "Headers": headers}
	var body any = string(x.body)
	if mt, _, _ := mime.ParseMediaType(x.header.Get("Content-Type")); mt == "application/json" || strings.HasSuffix(mt, "+json") {
		if v, err := decodeJSON(string(x.body)); err == nil {
			body = v
		}
	}
	if len(x.body) > 0 {
		out["ResponseBody"] = body
	}
	return out
}

// inspection is the exchange as TestState's TRACE shows it: the request
// as the task made it, or with what the connection added when secrets
// are revealed.
func (x *httpExchange) inspection(reveal bool) (*InspectionDataRequest, *InspectionDataResponse) {
	req := x.request
	if reveal {
		req = x.authorized
	}
	if x.status == 0 {
		return req, nil
	}
	return req, &InspectionDataResponse{Protocol: req.Protocol, StatusCode: strconv.Itoa(x.status), StatusMessage: x.statusText,
		Headers: headerText(x.header), Body: string(x.body)}
}

// headerText writes headers one "Name: value" line each, by name.
func headerText(h http.Header) string {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, k := range names {
		for _, v := range h[k] {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(k + ": " + v)
		}
	}
	return b.String()
}
