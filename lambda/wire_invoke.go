package lambda

import (
	"net/http"
	"strconv"

	"github.com/awsfake/awsfake/internal/protocol"
)

// serveInvoke binds Invoke: the function in the path, Qualifier in the
// query, the invocation type, log type and client context in headers, the
// raw payload as the body. The answer is the raw response with
// X-Amz-Executed-Version, X-Amz-Function-Error and X-Amz-Log-Result; 202 for
// Event, 204 for DryRun. The invocation's request id is the HTTP request's.
func serveInvoke(s *Service, c *call) error {
	body, err := protocol.ReadBody(c.r, c.limit)
	if err != nil {
		return err
	}
	in := InvokeInput{
		FunctionName: c.label("FunctionName"), Qualifier: c.q("Qualifier"),
		InvocationType: c.r.Header.Get("X-Amz-Invocation-Type"), LogType: c.r.Header.Get("X-Amz-Log-Type"),
		ClientContext: c.r.Header.Get("X-Amz-Client-Context"), Payload: body,
	}
	out, err := s.invokeAs(c.ctx(), in, protocol.RequestID(c.ctx()))
	if err != nil {
		return err
	}
	h := c.w.Header()
	if out.StatusCode != http.StatusOK {
		c.w.WriteHeader(int(out.StatusCode))
		return nil
	}
	h.Set("X-Amz-Executed-Version", out.ExecutedVersion)
	if out.FunctionError != "" {
		h.Set("X-Amz-Function-Error", out.FunctionError)
	}
	if out.LogResult != "" {
		h.Set("X-Amz-Log-Result", out.LogResult)
	}
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(out.Payload)))
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(out.Payload)
	return nil
}

// serveInvokeAsync binds the deprecated InvokeAsync: the raw event as the
// body, {"Status":202} as the answer.
func serveInvokeAsync(s *Service, c *call) error {
	body, err := protocol.ReadBody(c.r, c.limit)
	if err != nil {
		return err
	}
	out, err := s.InvokeAsync(c.ctx(), InvokeAsyncInput{FunctionName: c.label("FunctionName"), InvokeArgs: body})
	if err != nil {
		return err
	}
	return c.json(http.StatusAccepted, out)
}
