package apigw

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// httpIntegration serves an HTTP (non-proxy) integration: the request
// template's rendering (or the body passed through) goes to the URI with
// only the mapped headers, query string and path parameters and the
// requestOverride a template set, as API Gateway forwards nothing it is
// not told to; the backend's status is the selector of the integration
// responses.
func (s *Service) httpIntegration(x *exchange) response {
	m := x.newMapping()
	body, res := x.integrationBody(m)
	if res != nil {
		x.record.Error = res.note
		return *res
	}
	req, err := x.mappedRequest(m, body)
	if err != nil {
		res := internalError().noted(nil, "Execution failed due to configuration error: Invalid endpoint address")
		x.record.Error = res.note
		return res
	}
	x.record.IntegrationRequest = body
	s.mu.Lock()
	client := s.client
	s.mu.Unlock()
	return s.mapBackend(x, m, func(ctx context.Context) (backendAnswer, *response) {
		resp, err := client.Do(req.WithContext(ctx))
		if err != nil {
			res := internalError().noted(nil, "Execution failed due to configuration error: "+err.Error())
			return backendAnswer{}, &res
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(io.LimitReader(resp.Body, maxPayload+1))
		if err != nil || len(b) > maxPayload {
			res := badGateway().noted(nil, "Execution failed: the endpoint response could not be read")
			return backendAnswer{}, &res
		}
		h := http.Header{}
		for k, vs := range resp.Header {
			if !hopHeaders[k] {
				h[k] = vs
			}
		}
		return backendAnswer{selector: itoa(int64(resp.StatusCode)), status: resp.StatusCode, header: h, body: b}, nil
	})
}

// mappedRequest builds the request to a non-proxy HTTP backend.
func (x *exchange) mappedRequest(m *mapping, body []byte) (*http.Request, error) {
	return x.mappedRequestTo(m, x.withStageVariables(x.method.MethodIntegration.URI), body)
}

// mappedRequestTo builds the request of a non-proxy integration to uri:
// the mapped headers, query string and path parameters, then the
// requestOverride ones.
func (x *exchange) mappedRequestTo(m *mapping, uri string, body []byte) (*http.Request, error) {
	i := x.method.MethodIntegration
	header := http.Header{}
	query := url.Values{}
	pathValues := map[string]string{}
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
	for k, v := range m.requestOverrides("header") {
		header.Set(k, v)
	}
	for k, v := range m.requestOverrides("querystring") {
		query.Set(k, v)
	}
	for k, v := range m.requestOverrides("path") {
		pathValues[k] = v
	}
	if header.Get("Content-Type") == "" && len(body) > 0 {
		header.Set("Content-Type", x.requestContentType())
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
		if u.RawQuery != "" {
			u.RawQuery += "&" + query.Encode()
		} else {
			u.RawQuery = query.Encode()
		}
	}
	method := i.HTTPMethod
	if method == "" || method == "ANY" {
		method = x.r.Method
	}
	req, err := http.NewRequest(method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header = header
	return req, nil
}
