package protocol

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
)

// Query describes a service's awsQuery dialect: form requests, XML replies.
type Query struct {
	// XMLNS is the namespace of response roots
	// (http://queue.amazonaws.com/doc/2012-11-05/).
	XMLNS string
}

// ParseForm reads the query string and a form-encoded body within limit.
// Body parameters win over query-string ones of the same name. A body that is
// not a valid form gives MalformedQueryString.
func ParseForm(r *http.Request, limit int64) (url.Values, error) {
	body, err := ReadBody(r, limit)
	if err != nil {
		return nil, err
	}
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, awserr.BadRequest("MalformedQueryString", "The query string is malformed: %v", err)
	}
	if len(body) > 0 {
		bv, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, awserr.BadRequest("MalformedQueryString", "The request body is not a valid form: %v", err)
		}
		for k, vals := range bv {
			v[k] = vals
		}
	}
	return v, nil
}

// Indexes returns, in ascending order, every N for which a parameter
// prefix.N or prefix.N.* exists: the members of a query list.
func Indexes(v url.Values, prefix string) []int {
	seen := map[int]bool{}
	p := prefix + "."
	for k := range v {
		if !strings.HasPrefix(k, p) {
			continue
		}
		rest := k[len(p):]
		if i := strings.IndexByte(rest, '.'); i >= 0 {
			rest = rest[:i]
		}
		if n, err := strconv.Atoi(rest); err == nil && n > 0 {
			seen[n] = true
		}
	}
	out := make([]int, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// List returns the values of the scalar list prefix.1, prefix.2, ... in index
// order (prefix is "AttributeName" for flattened lists, "X.member" otherwise).
func List(v url.Values, prefix string) []string {
	idx := Indexes(v, prefix)
	out := make([]string, 0, len(idx))
	for _, n := range idx {
		out = append(out, v.Get(prefix+"."+strconv.Itoa(n)))
	}
	return out
}

// Map returns the map encoded as prefix.N.<keyName> / prefix.N.<valueName>
// (for example "Attributes.entry", "key", "value", or the flattened
// "Attribute", "Name", "Value").
func Map(v url.Values, prefix, keyName, valueName string) map[string]string {
	idx := Indexes(v, prefix)
	if len(idx) == 0 {
		return nil
	}
	out := make(map[string]string, len(idx))
	for _, n := range idx {
		base := prefix + "." + strconv.Itoa(n) + "."
		out[v.Get(base+keyName)] = v.Get(base + valueName)
	}
	return out
}

// Write sends the awsQuery response for action: the result element (omitted
// when result is nil) and the request id, under <ActionResponse>.
func (q Query) Write(w http.ResponseWriter, r *http.Request, action string, result any) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	root := xml.StartElement{Name: xml.Name{Local: action + "Response"}}
	if q.XMLNS != "" {
		root.Attr = []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: q.XMLNS}}
	}
	_ = enc.EncodeToken(root)
	if result != nil {
		if err := enc.EncodeElement(result, xml.StartElement{Name: xml.Name{Local: action + "Result"}}); err != nil {
			q.WriteError(w, r, err)
			return
		}
	}
	md := xml.StartElement{Name: xml.Name{Local: "ResponseMetadata"}}
	_ = enc.EncodeToken(md)
	_ = enc.EncodeElement(RequestID(r.Context()), xml.StartElement{Name: xml.Name{Local: "RequestId"}})
	_ = enc.EncodeToken(md.End())
	_ = enc.EncodeToken(root.End())
	_ = enc.Flush()
	writeXML(w, http.StatusOK, buf.Bytes())
}

// WriteError renders err as an awsQuery ErrorResponse, with the legacy code.
func (q Query) WriteError(w http.ResponseWriter, r *http.Request, err error) {
	e := awserr.As(err)
	writeXML(w, e.Status, ErrorResponseXML(e, q.XMLNS, requestIDOf(r)))
}

type xmlErrorResponse struct {
	XMLName   xml.Name `xml:"ErrorResponse"`
	XMLNS     string   `xml:"xmlns,attr,omitempty"`
	Error     xmlError `xml:"Error"`
	RequestID string   `xml:"RequestId"`
}

type xmlError struct {
	Type    string `xml:"Type"`
	Code    string `xml:"Code"`
	Message string `xml:"Message"`
}

// ErrorResponseXML is the <ErrorResponse><Error>… document of awsQuery and of
// Route 53's restXml errors.
func ErrorResponseXML(e *awserr.Error, xmlns, requestID string) []byte {
	doc := xmlErrorResponse{XMLNS: xmlns, RequestID: requestID,
		Error: xmlError{Type: e.FaultName(), Code: e.LegacyCode(), Message: e.Message}}
	b, _ := xml.Marshal(doc)
	return append([]byte(xml.Header), b...)
}

func requestIDOf(r *http.Request) string {
	if r == nil {
		return ""
	}
	return RequestID(r.Context())
}

func writeXML(w http.ResponseWriter, status int, b []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/xml")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
