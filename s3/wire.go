package s3

import (
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// xmlns is the namespace of S3's XML documents.
const xmlns = "http://s3.amazonaws.com/doc/2006-03-01/"

// target is what a request addresses: a bucket, an object, or neither (the
// service, for ListBuckets).
type target struct {
	bucket, key string
	query       url.Values
}

// has reports whether the query names sub-resource name (?versioning,
// ?uploadId=...).
func (t target) has(name string) bool {
	_, ok := t.query[name]
	return ok
}

// handler serves one operation.
type handler func(w http.ResponseWriter, r *http.Request, t target) error

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
		requestID: id, hostID: id, sourceIP: sourceIP(r), principal: principal(r),
	}))
	t, err := s.address(r)
	if err == nil {
		err = checkOwner(r, s.env.AccountID)
	}
	if err == nil {
		err = s.route(r, t)(w, r, t)
	}
	if err != nil {
		writeError(w, r, err)
	}
}

// writeError sends err as S3 does, with the headers some errors carry and
// no body on a 304.
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
	protocol.WriteS3Error(w, r, err)
}

// checkOwner answers x-amz-expected-bucket-owner naming another account
// with 403 AccessDenied, as S3 does.
func checkOwner(r *http.Request, account string) error {
	if o := r.Header.Get("x-amz-expected-bucket-owner"); o != "" && o != account {
		return awserr.New("AccessDenied", http.StatusForbidden, "Access Denied")
	}
	return nil
}

func sourceIP(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return ""
}

// principal is the caller's principal id as event records show it.
func principal(r *http.Request) string {
	if sc, ok := protocol.CredentialScope(r); ok {
		return "AWS:" + sc.AccessKeyID
	}
	return ""
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

func invalidURI() error {
	return awserr.BadRequest("InvalidURI", "Couldn't parse the specified URI.")
}

// unsupported are sub-resources S3 has and the fake does not serve: they
// answer NotImplemented rather than being taken for another operation.
var unsupported = []string{
	"acl", "lifecycle", "encryption", "website", "logging", "replication", "ownershipControls",
	"publicAccessBlock", "object-lock", "accelerate", "requestPayment", "analytics", "metrics",
	"inventory", "intelligent-tiering", "policyStatus", "retention", "legal-hold", "torrent",
	"attributes", "restore", "select", "metadataConfiguration", "metadataTable", "abac", "renameObject",
	"session",
}

// route picks the handler for a request, by method, by whether it names a
// bucket and a key, and by its sub-resource.
func (s *Service) route(r *http.Request, t target) handler {
	for _, name := range unsupported {
		if t.has(name) {
			return notImplemented
		}
	}
	switch {
	case t.bucket == "":
		if r.Method == http.MethodGet {
			return s.listBuckets
		}
	case t.key == "":
		if h := s.bucketRoute(r, t); h != nil {
			return h
		}
	default:
		if h := s.objectRoute(r, t); h != nil {
			return h
		}
	}
	return methodNotAllowed
}

func (s *Service) bucketRoute(r *http.Request, t target) handler {
	type sub struct {
		name string
		h    handler
	}
	pick := func(subs []sub, fallback handler) handler {
		for _, x := range subs {
			if t.has(x.name) {
				return x.h
			}
		}
		return fallback
	}
	switch r.Method {
	case http.MethodGet:
		if t.query.Get("list-type") == "2" {
			return s.listObjectsV2
		}
		return pick([]sub{
			{"location", s.getBucketLocation}, {"versioning", s.getBucketVersioning}, {"tagging", s.getBucketTagging},
			{"policy", s.getBucketPolicy}, {"cors", s.getBucketCors}, {"notification", s.getBucketNotification},
			{"versions", s.listObjectVersions}, {"uploads", s.listMultipartUploads},
		}, s.listObjects)
	case http.MethodPut:
		return pick([]sub{
			{"versioning", s.putBucketVersioning}, {"tagging", s.putBucketTagging}, {"policy", s.putBucketPolicy},
			{"cors", s.putBucketCors}, {"notification", s.putBucketNotification},
		}, s.createBucket)
	case http.MethodDelete:
		return pick([]sub{
			{"tagging", s.deleteBucketTagging}, {"policy", s.deleteBucketPolicy}, {"cors", s.deleteBucketCors},
		}, s.deleteBucket)
	case http.MethodHead:
		return s.headBucket
	case http.MethodPost:
		if t.has("delete") {
			return s.deleteObjects
		}
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			return s.postObject
		}
	}
	return nil
}

func (s *Service) objectRoute(r *http.Request, t target) handler {
	upload := t.has("uploadId")
	switch r.Method {
	case http.MethodPut:
		switch {
		case upload && r.Header.Get("x-amz-copy-source") != "":
			return s.uploadPartCopy
		case upload:
			return s.uploadPart
		case t.has("tagging"):
			return s.putObjectTagging
		case r.Header.Get("x-amz-copy-source") != "":
			return s.copyObject
		}
		return s.putObject
	case http.MethodGet:
		switch {
		case upload:
			return s.listParts
		case t.has("tagging"):
			return s.getObjectTagging
		}
		return s.getObject
	case http.MethodHead:
		return s.headObject
	case http.MethodDelete:
		switch {
		case upload:
			return s.abortMultipartUpload
		case t.has("tagging"):
			return s.deleteObjectTagging
		}
		return s.deleteObject
	case http.MethodPost:
		switch {
		case t.has("uploads"):
			return s.createMultipartUpload
		case upload:
			return s.completeMultipartUpload
		}
	}
	return nil
}

func notImplemented(http.ResponseWriter, *http.Request, target) error {
	return awserr.New("NotImplemented", http.StatusNotImplemented,
		"A header you provided implies functionality that is not implemented")
}

func methodNotAllowed(_ http.ResponseWriter, r *http.Request, t target) error {
	e := awserr.New("MethodNotAllowed", http.StatusMethodNotAllowed, "The specified method is not allowed against this resource.")
	kind := "SERVICE"
	switch {
	case t.key != "":
		kind = "OBJECT"
	case t.bucket != "":
		kind = "BUCKET"
	}
	e.Fields = map[string]string{"Method": r.Method, "ResourceType": kind}
	return e
}
