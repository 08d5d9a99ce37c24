package sigv4

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// canonicalRequest builds AWS's canonical request for r:
//
//	method \n canonical URI \n canonical query \n canonical headers \n
//	\n signed headers \n payload hash
func canonicalRequest(r *http.Request, a *auth, payloadHash string, single bool) string {
	var b strings.Builder
	b.WriteString(r.Method)
	b.WriteByte('\n')
	b.WriteString(canonicalURI(r.URL, single))
	b.WriteByte('\n')
	b.WriteString(canonicalQuery(r.URL.RawQuery, a.presigned))
	b.WriteByte('\n')
	writeHeaders(&b, r, a.headers)
	b.WriteByte('\n')
	b.WriteString(strings.Join(a.headers, ";"))
	b.WriteByte('\n')
	b.WriteString(payloadHash)
	return b.String()
}

// canonicalURI URI-encodes each segment of the path once (S3) or twice
// (every other service: the SDKs encode the already encoded path). Each
// segment is decoded first, so a path sent with fewer escapes than AWS's
// (a literal '!' or '=') is signed as the SDKs sign it.
func canonicalURI(u *url.URL, single bool) string {
	path := u.EscapedPath()
	if u.Opaque != "" {
		path = opaquePath(u.Opaque)
	}
	if path == "" {
		return "/"
	}
	segs := strings.Split(path, "/")
	for i, s := range segs {
		dec, err := url.PathUnescape(s)
		if err != nil {
			dec = s
		}
		enc := uriEncode(dec)
		if !single {
			enc = uriEncode(enc)
		}
		segs[i] = enc
	}
	return strings.Join(segs, "/")
}

// opaquePath is the path of an opaque URL ("//host/path").
func opaquePath(o string) string {
	o = strings.TrimPrefix(o, "//")
	if i := strings.IndexByte(o, '/'); i >= 0 {
		return o[i:]
	}
	return "/"
}

// canonicalQuery sorts the decoded-then-encoded parameters by name, then
// value; a presigned URL leaves out its X-Amz-Signature.
func canonicalQuery(raw string, presigned bool) string {
	if raw == "" {
		return ""
	}
	type param struct{ k, v string }
	var ps []param
	for _, kv := range strings.Split(raw, "&") {
		if kv == "" {
			continue
		}
		k, val, _ := strings.Cut(kv, "=")
		k, val = queryUnescape(k), queryUnescape(val)
		if presigned && k == "X-Amz-Signature" {
			continue
		}
		ps = append(ps, param{uriEncode(k), uriEncode(val)})
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].k != ps[j].k {
			return ps[i].k < ps[j].k
		}
		return ps[i].v < ps[j].v
	})
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.k)
		b.WriteByte('=')
		b.WriteString(p.v)
	}
	return b.String()
}

func queryUnescape(s string) string {
	if d, err := url.QueryUnescape(s); err == nil {
		return d
	}
	return s
}

// writeHeaders writes "name:value\n" for each signed header: values
// trimmed, runs of spaces collapsed, repeated headers joined by commas.
// host is the request's Host; content-length falls back on ContentLength
// (net/http keeps neither in the header map of a request it built).
func writeHeaders(b *strings.Builder, r *http.Request, signed []string) {
	lower := make(map[string][]string, len(r.Header))
	for k, vs := range r.Header {
		l := strings.ToLower(k)
		lower[l] = append(lower[l], vs...)
	}
	for _, name := range signed {
		name = strings.ToLower(name)
		vals := lower[name]
		switch {
		case name == "host":
			host := r.Host
			if host == "" {
				host = r.URL.Host
			}
			vals = []string{host}
		case name == "content-length" && len(vals) == 0 && r.ContentLength >= 0:
			vals = []string{strconv.FormatInt(r.ContentLength, 10)}
		}
		b.WriteString(name)
		b.WriteByte(':')
		for i, val := range vals {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(collapse(val))
		}
		b.WriteByte('\n')
	}
}

// collapse trims a header value and turns each run of spaces into one.
func collapse(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// uriEncode is AWS's UriEncode: every byte but A-Z a-z 0-9 - . _ ~ as %XX
// (upper-case hex), '/' included.
func uriEncode(s string) string {
	const hexdig = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexdig[c>>4])
		b.WriteByte(hexdig[c&15])
	}
	return b.String()
}
