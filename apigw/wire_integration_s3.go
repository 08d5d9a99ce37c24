package apigw

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// ObjectStore carries the requests of S3 integrations by path
// (arn:aws:apigateway:{region}:s3:path/{bucket}/{key}) to S3's REST API,
// path-style, and answers as S3 does (objects, listings, XML errors,
// ETag and Content-Type headers). The cloud sets it (SetObjectStore) over
// its S3 service; the call is the integration role's, which the
// RoleChecker decides, so the store does not authorise it again.
type ObjectStore interface {
	RoundTrip(*http.Request) (*http.Response, error)
}

// SetObjectStore sets what serves S3 integrations. Without one they are
// a 500, the reason in the invocation's record.
func (s *Service) SetObjectStore(o ObjectStore) {
	s.mu.Lock()
	s.objects = o
	s.mu.Unlock()
}

// s3Path is the path/{path} of an S3 integration URI, with its region.
func s3Path(uri string) (s3Target, bool) {
	a, err := arn.Parse(uri)
	if err != nil || a.Service != "apigateway" || a.Account != "s3" {
		return s3Target{}, false
	}
	p, ok := strings.CutPrefix(a.Resource, "path/")
	return s3Target{region: a.Region, path: p}, ok
}

// s3Target is where an S3 integration sends its request.
type s3Target struct{ region, path string }

// objectCall is an S3 integration: the integration's method (the
// request's for ANY) on https://s3.{region}.amazonaws.com/{path}, the
// path's {name} filled by the integration.request.path mappings, the
// mapped headers and query string, the rendered body; S3's status is
// the selector of the integration responses. The call asks
// s3:GetObject, s3:PutObject, s3:DeleteObject on the object, or
// s3:ListBucket on a bucket alone, of the integration's role.
func (s *Service) objectCall(ctx context.Context, x *exchange, m *mapping, t s3Target, body []byte) (backendAnswer, *response) {
	region := t.region
	if region == "" {
		region = x.region
	}
	req, err := x.mappedRequestTo(m, "https://s3."+region+".amazonaws.com/"+t.path, body)
	if err != nil {
		res := internalError().noted(nil, "Execution failed due to configuration error: Invalid endpoint address")
		return backendAnswer{}, &res
	}
	s.mu.Lock()
	store := s.objects
	s.mu.Unlock()
	if store == nil {
		res := internalError().noted(nil, "awsfake: no S3 to serve the integration (SetObjectStore)")
		return backendAnswer{}, &res
	}
	action, resource := objectAction(req)
	switch err := s.asRole(ctx, x, action, resource); {
	case err == nil || err == errRoleless:
	case isRoleRefusal(err):
		return backendAnswer{}, assumeFailed(err)
	default:
		rec := &protocolRecorder{header: http.Header{}}
		protocol.WriteS3Error(rec, req, err)
		return backendAnswer{selector: strconv.Itoa(rec.status), status: rec.status, header: rec.header, body: rec.body}, nil
	}
	sc := faults.Scope{Account: x.account, Region: region, Partition: arn.Partition(region)}
	resp, err := store.RoundTrip(req.WithContext(faults.WithScope(ctx, sc)))
	if err != nil {
		res := internalError().noted(nil, "Execution failed: "+err.Error())
		return backendAnswer{}, &res
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxPayload+1))
	if err != nil || len(b) > maxPayload {
		res := badGateway().noted(nil, "Execution failed: the S3 response could not be read")
		return backendAnswer{}, &res
	}
	h := http.Header{}
	for k, vs := range resp.Header {
		if !hopHeaders[k] {
			h[k] = vs
		}
	}
	return backendAnswer{selector: strconv.Itoa(resp.StatusCode), status: resp.StatusCode, header: h, body: b}, nil
}

// objectAction is the IAM action and resource of an S3 request by path:
// a bucket alone is s3:ListBucket on the bucket, an object
// s3:GetObject (GET, HEAD), s3:PutObject (PUT, POST) or s3:DeleteObject
// on arn:aws:s3:::{bucket}/{key}.
func objectAction(r *http.Request) (action, resource string) {
	bucket, key, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if key == "" {
		return "s3:ListBucket", "arn:" + arn.Partition(regionOfHost(r.URL.Host)) + ":s3:::" + bucket
	}
	resource = "arn:" + arn.Partition(regionOfHost(r.URL.Host)) + ":s3:::" + bucket + "/" + key
	switch r.Method {
	case http.MethodPut, http.MethodPost:
		return "s3:PutObject", resource
	case http.MethodDelete:
		return "s3:DeleteObject", resource
	}
	return "s3:GetObject", resource
}

// regionOfHost is the region of s3.{region}.amazonaws.com.
func regionOfHost(host string) string {
	return strings.TrimSuffix(strings.TrimPrefix(host, "s3."), ".amazonaws.com")
}

// protocolRecorder keeps what an error writer of package protocol wrote.
type protocolRecorder struct {
	header http.Header
	status int
	body   []byte
}

func (r *protocolRecorder) Header() http.Header { return r.header }

func (r *protocolRecorder) WriteHeader(status int) { r.status = status }

func (r *protocolRecorder) Write(p []byte) (int, error) {
	r.body = append(r.body, p...)
	return len(p), nil
}
