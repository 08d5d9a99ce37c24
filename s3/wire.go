package s3

import (
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/creds"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// xmlns is the namespace of S3's XML documents.
const xmlns = "http://s3.amazonaws.com/doc/2006-03-01/"

// target is what a request addresses: a bucket, an object, or neither (the
// service, for ListBuckets).
type target struct {
	bucket, key string
	query       url.Values
	op          string // the operation the request was routed to
}

// segments are the path segments the route table matches: none for the
// service, the bucket, or the bucket and the key, the key as one segment
// kept byte for byte ("a//b/" stays "a//b/").
func (t target) segments() []string {
	switch {
	case t.bucket == "":
		return nil
	case t.key == "":
		return []string{t.bucket}
	}
	return []string{t.bucket, t.key}
}

// has reports whether the query names sub-resource name (?versioning,
// ?uploadId=...).
func (t target) has(name string) bool {
	_, ok := t.query[name]
	return ok
}

// handler serves one operation: a method expression, (*Service).getObject.
type handler func(s *Service, w http.ResponseWriter, r *http.Request, t target) error

// ServeHTTP serves S3's REST-XML protocol with path-style
// (host/bucket/key) and virtual-hosted-style (bucket.host/key) addressing.
// Every answer carries x-amz-request-id and x-amz-id-2; errors are S3's
// unwrapped <Error> documents, without a body on HEAD.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := protocol.RequestID(r.Context())
	if id == "" {
		id = s.env.IDs.Upper(16)
		r = r.WithContext(protocol.WithRequestID(r.Context(), id))
	}
	h := w.Header()
	h.Set("x-amz-request-id", id)
	h.Set("x-amz-id-2", id)
	h.Set("Server", "AmazonS3")
	r = r.WithContext(withRequester(r.Context(), requester{
		requestID: id, hostID: id, sourceIP: sourceIP(r), principal: s.principal(r),
	}))
	if b, ok := websiteBucket(r.Host); ok {
		s.serveWebsite(w, r, b)
		return
	}
	t, err := s.address(r)
	var hd handler
	if err == nil {
		hd, t = route(r, t)
		if m := s.meterRequest(w, r, t); m != nil {
			w, r = m, m.request(r)
			defer m.done()
		}
		err = s.checkBucket(r, t)
	}
	if err == nil {
		s.applyCORS(w, r, t)
		err = hd(s, w, r, t)
	}
	if err != nil {
		writeError(w, r, err)
	}
}

// writeError sends err as S3 does, with the headers some errors carry, no
// body on a 304, and on HEAD no body but the Content-Type of the error
// document S3 leaves out.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	var he *headerError
	if errors.As(err, &he) {
		for k, v := range he.Headers() {
			w.Header().Set(k, v)
		}
	}
	if awserr.As(err).Status == http.StatusNotModified {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if r.Method == http.MethodHead {
		w.Header().Set("Content-Type", "application/xml")
	}
	protocol.WriteS3Error(w, r, err)
}

// checkBucket answers, before the operation runs, what S3 answers for the
// bucket a request addresses: x-amz-expected-bucket-owner naming another
// account than the bucket's owner (the caller's, for a bucket that does
// not exist) is 403 AccessDenied, and a request signed for another region
// than the bucket's is 400 AuthorizationHeaderMalformed with <Region>
// virtual-hosted (as AWS answers: shared/aws-recordings, s3
// test_create_bucket_aws_global) and 301 PermanentRedirect with
// <Endpoint> path-style, both with x-amz-bucket-region (HEAD: no body).
// CreateBucket and GetBucketLocation are served from any region, and
// unsigned requests are served whatever their region; a CORS preflight is
// answered by the bucket's CORS rules alone.
func (s *Service) checkBucket(r *http.Request, t target) error {
	expected := r.Header.Get("x-amz-expected-bucket-owner")
	signed := r.Header.Get("Authorization") != "" || strings.Contains(r.URL.RawQuery, "X-Amz-Credential=")
	if t.bucket == "" || t.op == "PreflightRequest" || (expected == "" && !signed) {
		return nil
	}
	sc, ok := faults.ScopeFrom(r.Context())
	if !ok {
		sc = s.env.Scope()
	}
	owner, region := sc.Account, ""
	s.mu.Lock()
	if b := s.buckets[bucketKey{sc.Partition, t.bucket}]; b != nil {
		owner, region = b.account, b.region
	}
	s.mu.Unlock()
	if expected != "" && expected != owner {
		return errs.New(codeAccessDenied, "Access Denied")
	}
	switch t.op {
	case "CreateBucket", "GetBucketLocation":
		return nil
	}
	if !signed || region == "" || sc.Region == region { // a signed request's scope has its signing region
		return nil
	}
	var e *awserr.Error
	if s.hostBucket(r.Host) != "" {
		e = errs.New(codeAuthorizationHeaderMalformed,
			"The authorization header is malformed; the region '%s' is wrong; expecting '%s'", sc.Region, region)
		e.Fields = map[string]string{"Region": region}
	} else {
		e = errs.New(codePermanentRedirect,
			"The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.")
		e.Fields = map[string]string{"Bucket": t.bucket, "Endpoint": t.bucket + ".s3." + region + "." + dnsSuffix(sc.Partition)}
	}
	return &headerError{err: e, headers: map[string]string{"x-amz-bucket-region": region}}
}

// dnsSuffix is the DNS suffix of a partition's endpoints.
func dnsSuffix(partition string) string {
	if partition == "aws-cn" {
		return "amazonaws.com.cn"
	}
	return "amazonaws.com"
}

func sourceIP(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return ""
}

// principal is the caller's principal id as event records show it
// (userIdentity.principalId): "AWS:" and the user id of a principal STS
// issued the key to (an assumed role's AROA...:session), agreeing with
// GetCallerIdentity, else "AWS:" and the access key.
func (s *Service) principal(r *http.Request) string {
	sc, ok := protocol.CredentialScope(r)
	if !ok {
		return ""
	}
	if p, st := s.env.Creds.Lookup(sc.AccessKeyID, s.env.Clock.Now()); st == creds.Valid && p.UserID != "" {
		return "AWS:" + p.UserID
	}
	return "AWS:" + sc.AccessKeyID
}

// regionalHost matches the S3 endpoints of AWS, with a bucket in front for
// virtual-hosted style: bucket.s3.amazonaws.com,
// bucket.s3.us-west-2.amazonaws.com, bucket.s3-us-west-2.amazonaws.com.
var regionalHost = regexp.MustCompile(`^(?:(.+)\.)?s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$`)

// hostBucket returns the bucket a virtual-hosted request names in its
// host, or "" for path style. The cloud's own host (awsfake.localhost, or
// 127.0.0.1:4566 for the server), IP addresses and AWS's service hosts are
// path style; bucket.<cloud host>, bucket.s3[.region].amazonaws.com and
// bucket.localhost are virtual-hosted.
func (s *Service) hostBucket(host string) string {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	own := s.env.Host
	if h, _, err := net.SplitHostPort(own); err == nil {
		own = h
	}
	own = strings.ToLower(own)
	if name == own || name == "localhost" || name == "" {
		return ""
	}
	if _, err := netip.ParseAddr(strings.Trim(name, "[]")); err == nil {
		return ""
	}
	if b, ok := strings.CutSuffix(name, "."+own); ok {
		return b
	}
	if m := regionalHost.FindStringSubmatch(name); m != nil {
		return m[1]
	}
	if b, ok := strings.CutSuffix(name, ".localhost"); ok {
		return b
	}
	return ""
}

// address reads the bucket and key off the host and the escaped path. The
// key is the greedy rest of the path: its "/" are kept and each escape is
// undone once, so "a%20b%2Bc" is the key "a b+c".
func (s *Service) address(r *http.Request) (target, error) {
	t := target{query: r.URL.Query()}
	p := strings.TrimPrefix(r.URL.EscapedPath(), "/")
	t.bucket = s.hostBucket(r.Host)
	if t.bucket == "" {
		var rest string
		t.bucket, rest, _ = strings.Cut(p, "/")
		p = rest
		b, err := url.PathUnescape(t.bucket)
		if err != nil {
			return t, invalidURI()
		}
		t.bucket = b
	}
	key, err := url.PathUnescape(p)
	if err != nil {
		return t, invalidURI()
	}
	t.key = key
	return t, nil
}

// bucketPath and objectPath are the paths of S3's REST API, as its model
// writes them; the service's own is "/".
const (
	bucketPath = "/{Bucket}"
	objectPath = "/{Bucket}/{Key+}"
)

// routes is the wire table: every operation of the S3 API by method, path,
// sub-resource and the headers that tell operations apart. Where two rows
// could match one request, the one with more conditions wins, then the one
// listed first. PostObject is the browser form upload and PreflightRequest
// the browser's CORS preflight (OPTIONS), which the SDKs do not call.
var table = slices.Concat(unsupportedRoutes, configRoutes, []protocol.Route[handler]{
	{Method: "GET", Path: "/", Name: "ListBuckets", Handler: (*Service).listBuckets},

	{Method: "GET", Path: bucketPath, Query: []string{"list-type=2"}, Name: "ListObjectsV2", Handler: (*Service).listObjectsV2},
	{Method: "GET", Path: bucketPath, Query: []string{"location"}, Name: "GetBucketLocation", Handler: (*Service).getBucketLocation},
	{Method: "GET", Path: bucketPath, Query: []string{"versioning"}, Name: "GetBucketVersioning", Handler: (*Service).getBucketVersioning},
	{Method: "GET", Path: bucketPath, Query: []string{"tagging"}, Name: "GetBucketTagging", Handler: (*Service).getBucketTagging},
	{Method: "GET", Path: bucketPath, Query: []string{"policy"}, Name: "GetBucketPolicy", Handler: (*Service).getBucketPolicy},
	{Method: "GET", Path: bucketPath, Query: []string{"cors"}, Name: "GetBucketCors", Handler: (*Service).getBucketCors},
	{Method: "GET", Path: bucketPath, Query: []string{"lifecycle"}, Name: "GetBucketLifecycleConfiguration", Handler: (*Service).getBucketLifecycle},
	{Method: "GET", Path: bucketPath, Query: []string{"object-lock"}, Name: "GetObjectLockConfiguration", Handler: (*Service).getObjectLockConfiguration},
	{Method: "GET", Path: bucketPath, Query: []string{"notification"}, Name: "GetBucketNotificationConfiguration", Handler: (*Service).getBucketNotification},
	{Method: "GET", Path: bucketPath, Query: []string{"versions"}, Name: "ListObjectVersions", Handler: (*Service).listObjectVersions},
	{Method: "GET", Path: bucketPath, Query: []string{"uploads"}, Name: "ListMultipartUploads", Handler: (*Service).listMultipartUploads},
	{Method: "GET", Path: bucketPath, Name: "ListObjects", Handler: (*Service).listObjects},
	{Method: "PUT", Path: bucketPath, Query: []string{"versioning"}, Name: "PutBucketVersioning", Handler: (*Service).putBucketVersioning},
	{Method: "PUT", Path: bucketPath, Query: []string{"tagging"}, Name: "PutBucketTagging", Handler: (*Service).putBucketTagging},
	{Method: "PUT", Path: bucketPath, Query: []string{"policy"}, Name: "PutBucketPolicy", Handler: (*Service).putBucketPolicy},
	{Method: "PUT", Path: bucketPath, Query: []string{"cors"}, Name: "PutBucketCors", Handler: (*Service).putBucketCors},
	{Method: "PUT", Path: bucketPath, Query: []string{"lifecycle"}, Name: "PutBucketLifecycleConfiguration", Handler: (*Service).putBucketLifecycle},
	{Method: "PUT", Path: bucketPath, Query: []string{"object-lock"}, Name: "PutObjectLockConfiguration", Handler: (*Service).putObjectLockConfiguration},
	{Method: "PUT", Path: bucketPath, Query: []string{"notification"}, Name: "PutBucketNotificationConfiguration", Handler: (*Service).putBucketNotification},
	{Method: "PUT", Path: bucketPath, Name: "CreateBucket", Handler: (*Service).createBucket},
	{Method: "DELETE", Path: bucketPath, Query: []string{"tagging"}, Name: "DeleteBucketTagging", Handler: (*Service).deleteBucketTagging},
	{Method: "DELETE", Path: bucketPath, Query: []string{"policy"}, Name: "DeleteBucketPolicy", Handler: (*Service).deleteBucketPolicy},
	{Method: "DELETE", Path: bucketPath, Query: []string{"lifecycle"}, Name: "DeleteBucketLifecycle", Handler: (*Service).deleteBucketLifecycle},
	{Method: "DELETE", Path: bucketPath, Query: []string{"cors"}, Name: "DeleteBucketCors", Handler: (*Service).deleteBucketCors},
	{Method: "DELETE", Path: bucketPath, Name: "DeleteBucket", Handler: (*Service).deleteBucket},
	{Method: "HEAD", Path: bucketPath, Name: "HeadBucket", Handler: (*Service).headBucket},
	{Method: "POST", Path: bucketPath, Query: []string{"delete"}, Name: "DeleteObjects", Handler: (*Service).deleteObjects},
	{Method: "POST", Path: bucketPath, Name: "PostObject", Handler: (*Service).postObject},
	{Method: "OPTIONS", Path: bucketPath, Name: "PreflightRequest", Handler: (*Service).preflight},

	{Method: "PUT", Path: objectPath, Query: []string{"uploadId"}, Header: []string{"x-amz-copy-source"}, Name: "UploadPartCopy", Handler: (*Service).uploadPartCopy},
	{Method: "PUT", Path: objectPath, Query: []string{"uploadId"}, Name: "UploadPart", Handler: (*Service).uploadPart},
	{Method: "PUT", Path: objectPath, Query: []string{"retention"}, Name: "PutObjectRetention", Handler: (*Service).putObjectRetention},
	{Method: "PUT", Path: objectPath, Query: []string{"legal-hold"}, Name: "PutObjectLegalHold", Handler: (*Service).putObjectLegalHold},
	{Method: "PUT", Path: objectPath, Query: []string{"tagging"}, Name: "PutObjectTagging", Handler: (*Service).putObjectTagging},
	{Method: "PUT", Path: objectPath, Header: []string{"x-amz-copy-source"}, Name: "CopyObject", Handler: (*Service).copyObject},
	{Method: "PUT", Path: objectPath, Name: "PutObject", Handler: (*Service).putObject},
	{Method: "GET", Path: objectPath, Query: []string{"uploadId"}, Name: "ListParts", Handler: (*Service).listParts},
	{Method: "GET", Path: objectPath, Query: []string{"retention"}, Name: "GetObjectRetention", Handler: (*Service).getObjectRetention},
	{Method: "GET", Path: objectPath, Query: []string{"legal-hold"}, Name: "GetObjectLegalHold", Handler: (*Service).getObjectLegalHold},
	{Method: "GET", Path: objectPath, Query: []string{"tagging"}, Name: "GetObjectTagging", Handler: (*Service).getObjectTagging},
	{Method: "GET", Path: objectPath, Name: "GetObject", Handler: (*Service).getObject},
	{Method: "HEAD", Path: objectPath, Name: "HeadObject", Handler: (*Service).headObject},
	{Method: "DELETE", Path: objectPath, Query: []string{"uploadId"}, Name: "AbortMultipartUpload", Handler: (*Service).abortMultipartUpload},
	{Method: "DELETE", Path: objectPath, Query: []string{"tagging"}, Name: "DeleteObjectTagging", Handler: (*Service).deleteObjectTagging},
	{Method: "DELETE", Path: objectPath, Name: "DeleteObject", Handler: (*Service).deleteObject},
	{Method: "POST", Path: objectPath, Query: []string{"restore"}, Name: "RestoreObject", Handler: (*Service).restoreObject},
	{Method: "POST", Path: objectPath, Query: []string{"uploads"}, Name: "CreateMultipartUpload", Handler: (*Service).createMultipartUpload},
	{Method: "POST", Path: objectPath, Query: []string{"uploadId"}, Name: "CompleteMultipartUpload", Handler: (*Service).completeMultipartUpload},
	{Method: "OPTIONS", Path: objectPath, Name: "PreflightRequest", Handler: (*Service).preflight},
}, unmodelledRoutes)

var routes = protocol.NewRoutes(table...)

// route picks the handler of a request by its method, its address and its
// sub-resources, and names the operation in the target. A request naming
// a sub-resource the fake does not serve is NotImplemented whatever else it
// names; a path served with other methods or sub-resources is
// MethodNotAllowed.
func route(r *http.Request, t target) (handler, target) {
	rt, _, known := routes.Match(r.Method, t.segments(), t.query, r.Header)
	switch {
	case rt != nil && (namesUnsupported(rt.Query) || !anyUnsupported(t.query)):
		t.op = rt.Name
		return rt.Handler, t
	case anyUnsupported(t.query) || !known:
		return (*Service).notImplemented, t
	}
	return (*Service).methodNotAllowed, t
}

func (s *Service) methodNotAllowed(_ http.ResponseWriter, r *http.Request, t target) error {
	kind := "SERVICE"
	switch {
	case t.key != "":
		kind = "OBJECT"
	case t.bucket != "":
		kind = "BUCKET"
	}
	return withFields(errs.New(codeMethodNotAllowed, "The specified method is not allowed against this resource."),
		"Method", r.Method, "ResourceType", kind)
}
