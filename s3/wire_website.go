package s3

import (
	"html"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// websiteHost matches S3's website endpoints, the bucket in front:
// bucket.s3-website-us-east-1.amazonaws.com and
// bucket.s3-website.eu-central-1.amazonaws.com.
var websiteHost = regexp.MustCompile(`^(.+)\.s3-website[.-][a-z0-9-]+\.amazonaws\.com(?:\.cn)?$`)

// websiteBucket returns the bucket a request to a website endpoint names.
func websiteBucket(host string) (string, bool) {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	m := websiteHost.FindStringSubmatch(strings.ToLower(host))
	if m == nil {
		return "", false
	}
	return m[1], true
}

// websiteError is an error page of the website endpoint: S3's HTML
// rendering of an error, as AWS's recordings show it (shared/aws-recordings,
// s3 test_website_hosting_404, test_website_hosting_no_such_website).
type websiteError struct {
	status      int
	code, msg   string
	fields      [][2]string
	errorDocKey string // the error document S3 could not read, if any
}

func (e websiteError) write(w http.ResponseWriter, r *http.Request) {
	id := protocol.RequestID(r.Context())
	title := strconv.Itoa(e.status) + " " + http.StatusText(e.status)
	var b strings.Builder
	b.WriteString("<html>\n<head><title>" + title + "</title></head>\n<body>\n<h1>" + title + "</h1>\n<ul>\n")
	b.WriteString("<li>Code: " + e.code + "</li>\n<li>Message: " + e.msg + "</li>\n")
	for _, f := range e.fields {
		b.WriteString("<li>" + f[0] + ": " + html.EscapeString(f[1]) + "</li>\n")
	}
	b.WriteString("<li>RequestId: " + id + "</li>\n<li>HostId: " + id + "</li>\n</ul>\n")
	if e.errorDocKey != "" {
		b.WriteString("<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>\n<ul>\n" +
			"<li>Code: NoSuchKey</li>\n<li>Message: The specified key does not exist.</li>\n<li>Key: " + html.EscapeString(e.errorDocKey) + "</li>\n</ul>\n")
	}
	b.WriteString("<hr/>\n</body>\n</html>\n")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(e.status)
	if r.Method != http.MethodHead {
		_, _ = w.Write([]byte(b.String()))
	}
}

// serveWebsite answers a request to a bucket's website endpoint by its
// website configuration (website.go): GET and HEAD only, every request
// redirected when the bucket says so, routing rules by key prefix before
// the lookup and by error code after it, the index document for a key
// ending in "/" (and a 302 to key/ when only key/index exists), an
// object's x-amz-website-redirect-location, and the error document with
// a 404. Unsigned requests are served: objects need no public-read grant
// here, as policies and ACLs are not enforced.
func (s *Service) serveWebsite(w http.ResponseWriter, r *http.Request, bucketName string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		websiteError{status: http.StatusMethodNotAllowed, code: codeMethodNotAllowed, msg: "The specified method is not allowed against this resource.",
			fields: [][2]string{{"Method", r.Method}, {"ResourceType", "OBJECT"}}}.write(w, r)
		return
	}
	key, err := url.PathUnescape(strings.TrimPrefix(r.URL.EscapedPath(), "/"))
	if err != nil {
		key = strings.TrimPrefix(r.URL.Path, "/")
	}
	sc, ok := faults.ScopeFrom(r.Context())
	if !ok {
		sc = s.env.Scope()
	}
	s.mu.Lock()
	b := s.buckets[bucketKey{sc.Partition, bucketName}]
	var cfg *WebsiteConfiguration
	if b != nil && b.website != nil {
		c := cloneWebsite(*b.website)
		cfg = &c
	}
	s.mu.Unlock()
	switch {
	case b == nil:
		websiteError{status: http.StatusNotFound, code: codeNoSuchBucket, msg: "The specified bucket does not exist",
			fields: [][2]string{{"BucketName", bucketName}}}.write(w, r)
		return
	case cfg == nil:
		websiteError{status: http.StatusNotFound, code: codeNoSuchWebsiteConfiguration, msg: "The specified bucket does not have a website configuration",
			fields: [][2]string{{"BucketName", bucketName}}}.write(w, r)
		return
	}
	if to := cfg.RedirectAllRequestsTo; to != nil {
		redirect(w, WebsiteRedirect{HostName: to.HostName, Protocol: to.Protocol}, key, "", r.Host)
		return
	}
	if rule, ok := matchRule(cfg.RoutingRules, key, ""); ok {
		redirect(w, rule.Redirect, key, prefixOf(rule), r.Host)
		return
	}
	s.websiteObject(w, r, b, cfg, key)
}

// websiteObject serves the object a website request names, or its error.
func (s *Service) websiteObject(w http.ResponseWriter, r *http.Request, b *bucket, cfg *WebsiteConfiguration, key string) {
	name := key
	if name == "" || strings.HasSuffix(name, "/") {
		name += cfg.IndexDocument.Suffix
	}
	s.mu.Lock()
	o := b.current(name)
	var dir *object
	if o == nil && key != "" && !strings.HasSuffix(key, "/") {
		dir = b.current(key + "/" + cfg.IndexDocument.Suffix)
	}
	var errDoc *object
	if cfg.ErrorDocument != nil {
		errDoc = b.current(cfg.ErrorDocument.Key)
	}
	s.mu.Unlock()
	switch {
	case o != nil && !o.deleteMarker:
		if loc := o.header.WebsiteRedirectLocation; loc != "" {
			w.Header().Set("Location", loc)
			w.WriteHeader(http.StatusMovedPermanently)
			return
		}
		writeWebsiteObject(w, r, o, http.StatusOK)
		return
	case dir != nil && !dir.deleteMarker:
		w.Header().Set("Location", "/"+key+"/")
		w.WriteHeader(http.StatusFound)
		return
	}
	if rule, ok := matchRule(cfg.RoutingRules, key, "404"); ok {
		redirect(w, rule.Redirect, key, prefixOf(rule), r.Host)
		return
	}
	if errDoc != nil && !errDoc.deleteMarker {
		writeWebsiteObject(w, r, errDoc, http.StatusNotFound)
		return
	}
	e := websiteError{status: http.StatusNotFound, code: codeNoSuchKey, msg: "The specified key does not exist.", fields: [][2]string{{"Key", name}}}
	if cfg.ErrorDocument != nil {
		e.errorDocKey = cfg.ErrorDocument.Key
	}
	e.write(w, r)
}

// matchRule returns the first routing rule whose condition matches key
// and, when code is set, the error code returned (a rule without a code
// condition matches before the lookup only).
func matchRule(rules []RoutingRule, key, code string) (RoutingRule, bool) {
	for _, rule := range rules {
		c := rule.Condition
		if c == nil {
			if code == "" {
				return rule, true
			}
			continue
		}
		if c.HttpErrorCodeReturnedEquals != code || !strings.HasPrefix(key, c.KeyPrefixEquals) {
			continue
		}
		return rule, true
	}
	return RoutingRule{}, false
}

func prefixOf(rule RoutingRule) string {
	if rule.Condition == nil {
		return ""
	}
	return rule.Condition.KeyPrefixEquals
}

// redirect answers a redirect: to the redirect's host (the request's by
// default) and protocol (http by default), with the key replaced whole or
// by its prefix, 301 unless the rule names another code.
func redirect(w http.ResponseWriter, rd WebsiteRedirect, key, prefix, host string) {
	proto, code := rd.Protocol, http.StatusMovedPermanently
	if proto == "" {
		proto = "http"
	}
	if rd.HostName != "" {
		host = rd.HostName
	}
	switch {
	case rd.ReplaceKeyWith != "":
		key = rd.ReplaceKeyWith
	case rd.ReplaceKeyPrefixWith != "":
		key = rd.ReplaceKeyPrefixWith + strings.TrimPrefix(key, prefix)
	}
	if n, err := strconv.Atoi(rd.HttpRedirectCode); err == nil && n >= 300 && n < 400 {
		code = n
	}
	w.Header().Set("Location", proto+"://"+host+"/"+key)
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(code)
}

// writeWebsiteObject sends an object as the website endpoint does: its
// content headers and body (none on HEAD).
func writeWebsiteObject(w http.ResponseWriter, r *http.Request, o *object, status int) {
	h := w.Header()
	h.Set("Content-Type", o.header.ContentType)
	h.Set("Content-Length", strconv.FormatInt(o.size(), 10))
	h.Set("ETag", o.etag)
	h.Set("Last-Modified", o.lastModified.UTC().Format(http.TimeFormat))
	setIf(h, "Content-Encoding", o.header.ContentEncoding)
	setIf(h, "Cache-Control", o.header.CacheControl)
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(o.data)
	}
}
