package s3

import (
	"context"
	"slices"
	"strings"
)

// The messages of S3's CORS refusals (AWS's wording, typo included:
// shared/aws-recordings, s3 test_s3_cors).
const (
	corsNoOrigin    = "Insufficient information. Origin request header needed."
	corsNotEnabled  = "CORSResponse: CORS is not enabled for this bucket."
	corsNoBucket    = "CORSResponse: Bucket not found"
	corsNotAllowed  = "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec."
	preflightMethod = "OPTIONS"
)

// PreflightRequestInput is a browser's CORS preflight (an OPTIONS request)
// for a bucket or an object: its Origin, Access-Control-Request-Method and
// the headers of Access-Control-Request-Headers.
type PreflightRequestInput struct {
	Bucket  string
	Key     string
	Origin  string
	Method  string
	Headers []string
}

// PreflightRequestOutput is what the first matching CORS rule allows, as
// the Access-Control-* headers of the answer carry it.
type PreflightRequestOutput struct {
	CORS CORSAnswer
}

// CORSAnswer is what a CORS rule grants one request: the allowed origin
// (the request's, or "*" for a rule allowing any origin), the rule's
// methods and exposed headers, the requested headers it allows (lower
// case), its max age (0: none) and whether credentials are allowed (not
// for "*").
type CORSAnswer struct {
	AllowOrigin      string
	AllowMethods     []string
	AllowHeaders     []string
	ExposeHeaders    []string
	MaxAgeSeconds    int
	AllowCredentials bool
}

// PreflightRequest answers a CORS preflight by the bucket's CORS rules, as
// S3 does: no origin is 400 BadRequest; a bucket that does not exist, or
// has no CORS configuration, is 403 AccessForbidden; no rule allowing the
// origin (with "*" wildcards), the method and every requested header
// (case-insensitively, with wildcards) is 403 AccessForbidden. The
// refusals carry the method (OPTIONS when none is named) and the resource
// type.
func (s *Service) PreflightRequest(ctx context.Context, in PreflightRequestInput) (PreflightRequestOutput, error) {
	sc, err := s.enter(ctx, "PreflightRequest", in.Bucket, in.Key)
	if err != nil {
		return PreflightRequestOutput{}, err
	}
	if in.Origin == "" {
		return PreflightRequestOutput{}, errs.New(codeBadRequest, corsNoOrigin)
	}
	method := in.Method
	if method == "" {
		method = preflightMethod
	}
	forbidden := func(msg, kind string) error {
		return withFields(errs.New(codeAccessForbidden, "%s", msg), "Method", method, "ResourceType", kind)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.buckets[bucketKey{sc.Partition, in.Bucket}]
	switch {
	case b == nil:
		return PreflightRequestOutput{}, forbidden(corsNoBucket, "BUCKET")
	case len(b.cors) == 0:
		return PreflightRequestOutput{}, forbidden(corsNotEnabled, "BUCKET")
	}
	a, ok := matchCORS(b.cors, in.Origin, method, in.Headers)
	if !ok {
		kind := "BUCKET"
		if in.Key != "" {
			kind = "OBJECT"
		}
		return PreflightRequestOutput{}, forbidden(corsNotAllowed, kind)
	}
	return PreflightRequestOutput{CORS: a}, nil
}

// corsFor is what the bucket's CORS rules grant an actual request from
// origin with method and requested headers; false when the bucket does
// not exist, has no rules or none matches. It records no call: the
// request is another operation's.
func (s *Service) corsFor(partition, bucketName, origin, method string, headers []string) (CORSAnswer, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.buckets[bucketKey{partition, bucketName}]
	if b == nil || len(b.cors) == 0 {
		return CORSAnswer{}, false
	}
	return matchCORS(b.cors, origin, method, headers)
}

// matchCORS returns what the first rule allowing origin, method and every
// one of headers grants.
func matchCORS(rules []CORSRule, origin, method string, headers []string) (CORSAnswer, bool) {
	for _, r := range rules {
		if !slices.Contains(r.AllowedMethods, method) {
			continue
		}
		star := slices.Contains(r.AllowedOrigins, "*")
		if !star && !slices.ContainsFunc(r.AllowedOrigins, func(p string) bool { return glob(p, origin) }) {
			continue
		}
		allowed := make([]string, 0, len(headers))
		for _, h := range headers {
			h = strings.ToLower(h)
			if !slices.ContainsFunc(r.AllowedHeaders, func(p string) bool { return glob(strings.ToLower(p), h) }) {
				break
			}
			allowed = append(allowed, h)
		}
		if len(allowed) < len(headers) {
			continue
		}
		a := CORSAnswer{AllowOrigin: origin, AllowCredentials: true, AllowHeaders: allowed,
			AllowMethods: slices.Clone(r.AllowedMethods), ExposeHeaders: slices.Clone(r.ExposeHeaders), MaxAgeSeconds: r.MaxAgeSeconds}
		if star {
			a.AllowOrigin, a.AllowCredentials = "*", false
		}
		return a, true
	}
	return CORSAnswer{}, false
}

// glob reports whether s matches pattern, where each "*" stands for any
// run of characters.
func glob(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	last := parts[len(parts)-1]
	return len(s) >= len(last) && strings.HasSuffix(s, last)
}
