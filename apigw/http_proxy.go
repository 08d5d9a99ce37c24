package apigw

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// doer is what HTTP_PROXY integrations call their backends with.
type doer interface {
	Do(*http.Request) (*http.Response, error)
}

func defaultClient() doer { return &http.Client{} }

// SetHTTPClient sets the client HTTP_PROXY integrations call their
// backends with (default, and after SetHTTPClient(nil): a plain http.Client). The integration timeout is
// kept on the cloud's clock whatever the client's own timeout.
func (s *Service) SetHTTPClient(c *http.Client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c == nil {
		s.client = defaultClient()
		return
	}
	s.client = c
}

// hopHeaders are not forwarded to or from an HTTP backend.
var hopHeaders = map[string]bool{"Connection": true, "Keep-Alive": true, "Transfer-Encoding": true,
	"Upgrade": true, "Proxy-Connection": true, "Te": true, "Trailer": true, "Content-Length": true}

// httpProxy calls the backend of an HTTP_PROXY integration: the URI with
// its {param} and ${stageVariables.x} filled in, the request's method (or
// the integration's, unless ANY), headers, query string and body, with the
// integration's request parameter mappings applied; the backend's answer
// goes back as it is.
func (s *Service) httpProxy(x *exchange) response {
	req, err := x.backendRequest()
	if err != nil {
		x.record.Error = "Execution failed due to configuration error: Invalid endpoint address"
		return internalError().noted(nil, x.record.Error)
	}
	s.mu.Lock()
	client := s.client
	s.mu.Unlock()
	x.record.IntegrationRequest = x.body
	res := s.withTimeout(x.r.Context(), x.method.MethodIntegration.TimeoutInMillis, func(ctx context.Context) response {
		resp, err := client.Do(req.WithContext(ctx))
		if err != nil {
			return internalError().noted(nil, "Execution failed due to configuration error: "+err.Error())
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxPayload+1))
		if err != nil || len(body) > maxPayload {
			return badGateway().noted(nil, "Execution failed: the endpoint response could not be read")
		}
		out := response{status: resp.StatusCode, header: http.Header{}, body: body}
		for k, vs := range resp.Header {
			if !hopHeaders[k] {
				out.header[k] = vs
			}
		}
		return out.noted(body, "")
	})
	x.record.IntegrationResponse, x.record.Error = res.integ, res.note
	return res
}

// backendRequest builds the request to the HTTP backend.
func (x *exchange) backendRequest() (*http.Request, error) {
	i := x.method.MethodIntegration
	uri := x.withStageVariables(i.URI)
	header := http.Header{}
	for k, vs := range x.r.Header {
		if !hopHeaders[k] {
			header[k] = append([]string(nil), vs...)
		}
	}
	query := x.urlQuery()
	pathValues := map[string]string{}
	for k, v := range x.params {
		pathValues[k] = v
	}
	for k, expr := range i.RequestParameters {
		v, ok := x.mappedValue(expr, nil)
		if !ok {
			continue
		}
		switch {
		case strings.HasPrefix(k, "integration.request.header."):
			header.Set(strings.TrimPrefix(k, "integration.request.header."), v)
		case strings.HasPrefix(k, "integration.request.querystring."):
			query.Set(strings.TrimPrefix(k, "integration.request.querystring."), v)
		case strings.HasPrefix(k, "integration.request.path."):
			pathValues[strings.TrimPrefix(k, "integration.request.path.")] = v
		}
	}
	for k, v := range pathValues {
		uri = strings.ReplaceAll(uri, "{"+k+"+}", v)
		uri = strings.ReplaceAll(uri, "{"+k+"}", v)
	}
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		return nil, errInvalidEndpoint
	}
	if len(query) > 0 {
		extra := query.Encode()
		if u.RawQuery != "" {
			u.RawQuery += "&" + extra
		} else {
			u.RawQuery = extra
		}
	}
	method := i.HTTPMethod
	if method == "" || method == "ANY" {
		method = x.r.Method
	}
	req, err := http.NewRequest(method, u.String(), bytes.NewReader(x.body))
	if err != nil {
		return nil, err
	}
	req.Header = header
	return req, nil
}

// withStageVariables fills the ${stageVariables.x} of an integration URI
// with the stage's variables.
func (x *exchange) withStageVariables(uri string) string {
	for k, v := range x.stage.Variables {
		uri = strings.ReplaceAll(uri, "${stageVariables."+k+"}", v)
	}
	return uri
}

var errInvalidEndpoint = badRequest("Invalid endpoint address")
