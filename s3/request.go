package s3

import "context"

// requester describes the request an operation serves, as S3 event records
// report it. The wire binding puts it in the context; Go API calls made
// without one get ids of their own.
type requester struct {
	requestID string // x-amz-request-id
	hostID    string // x-amz-id-2: the request id, as awsfake sends it
	sourceIP  string
	principal string // the caller's principal id
}

type requesterKey struct{}

// withRequester returns ctx carrying r.
func withRequester(ctx context.Context, r requester) context.Context {
	return context.WithValue(ctx, requesterKey{}, r)
}

// requesterOf returns the request ctx describes, filling in what is missing.
func (s *Service) requesterOf(ctx context.Context) requester {
	r, _ := ctx.Value(requesterKey{}).(requester)
	if r.requestID == "" {
		r.requestID = s.env.IDs.Upper(16)
	}
	if r.hostID == "" {
		r.hostID = r.requestID
	}
	if r.sourceIP == "" {
		r.sourceIP = "127.0.0.1"
	}
	if r.principal == "" {
		r.principal = "AWS:" + s.env.AccountID
	}
	return r
}
