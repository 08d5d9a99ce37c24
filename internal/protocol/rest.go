package protocol

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
)

// Segments splits r's escaped path on "/" and unescapes each segment, so that
// a label holding an encoded "/" (an ARN in a tag path) stays one segment. A
// trailing "/" is dropped, as botocore adds one on some routes. A segment that
// does not unescape is kept as sent.
func Segments(r *http.Request) []string {
	p := strings.Trim(r.URL.EscapedPath(), "/")
	if p == "" {
		return nil
	}
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if u, err := url.PathUnescape(s); err == nil {
			parts[i] = u
		}
	}
	return parts
}

// WriteS3Error renders err as S3 does: an unwrapped <Error> document with the
// code, message, request id and any extra fields, the request id also in the
// x-amz-request-id and x-amz-id-2 headers (reference/errors.md), and no body
// on HEAD.
func WriteS3Error(w http.ResponseWriter, r *http.Request, err error) {
	e := awserr.As(err)
	if id := requestIDOf(r); id != "" {
		w.Header().Set("x-amz-request-id", id)
		w.Header().Set("x-amz-id-2", id)
	}
	if r != nil && r.Method == http.MethodHead {
		w.WriteHeader(e.Status)
		return
	}
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString("<Error><Code>")
	_ = xml.EscapeText(&b, []byte(e.Code))
	b.WriteString("</Code><Message>")
	_ = xml.EscapeText(&b, []byte(e.Message))
	b.WriteString("</Message>")
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.WriteString("<" + k + ">")
		_ = xml.EscapeText(&b, []byte(e.Fields[k]))
		b.WriteString("</" + k + ">")
	}
	b.WriteString("<RequestId>")
	_ = xml.EscapeText(&b, []byte(requestIDOf(r)))
	b.WriteString("</RequestId><HostId>awsfake</HostId></Error>")
	h := w.Header()
	h.Set("Content-Type", "application/xml")
	w.WriteHeader(e.Status)
	_, _ = w.Write([]byte(b.String()))
}

// WriteXML sends v, marshalled with encoding/xml, as a restXml response body.
func WriteXML(w http.ResponseWriter, status int, v any) {
	b, err := xml.Marshal(v)
	if err != nil {
		WriteS3Error(w, nil, err)
		return
	}
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(xml.Header))
	_, _ = w.Write(b)
}

// DecodeXML reads an XML request body within limit into v; malformed XML
// gives MalformedXML, as S3 and Route 53 answer.
func DecodeXML(r *http.Request, limit int64, v any) error {
	body, err := ReadBody(r, limit)
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(body, v); err != nil {
		return awserr.BadRequest("MalformedXML",
			"The XML you provided was not well-formed or did not validate against our published schema")
	}
	return nil
}
