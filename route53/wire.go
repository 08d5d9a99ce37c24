package route53

import (
	"bytes"
	"context"
	"encoding/xml"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// xmlns is the namespace of Route 53's documents.
const xmlns = "https://route53.amazonaws.com/doc/2013-04-01/"

// bodyLimit caps request bodies: a change batch of 1,000 records of 32,000
// characters of values, with its markup, is well under it.
const bodyLimit = 4 << 20

// call is one request being served.
type call struct {
	w      http.ResponseWriter
	r      *http.Request
	labels protocol.Labels
	query  url.Values
}

func (c *call) ctx() context.Context { return c.r.Context() }

func (c *call) label(name string) string { return c.labels[name] }

func (c *call) q(name string) string { return c.query.Get(name) }

// decode reads the request's XML document into v.
func (c *call) decode(v any) error { return protocol.DecodeXML(c.r, bodyLimit, v) }

// reply sends v as the document <root xmlns=...>, with status.
func (c *call) reply(status int, root string, v any) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	start := xml.StartElement{Name: xml.Name{Local: root}, Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: xmlns}}}
	if err := enc.EncodeElement(v, start); err != nil {
		return err
	}
	c.w.Header().Set("Content-Type", "text/xml")
	c.w.WriteHeader(status)
	_, _ = c.w.Write(b.Bytes())
	return nil
}

// handlerFunc serves one operation: the handler type of the route table.
type handlerFunc func(s *Service, c *call) error

// ServeHTTP serves Route 53's restXml API under /2013-04-01/ and Route 53
// Domains' awsJson1_1 API (by its X-Amz-Target).
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if isDomains(r) {
		domainTargets.Serve(s, w, r)
		return
	}
	query := r.URL.Query()
	rt, labels, _ := routes.Match(r.Method, protocol.Segments(r), query, r.Header)
	if rt == nil {
		writeError(w, r, newError(codeUnknownOperation, "Unknown operation %s %s", r.Method, r.URL.Path))
		return
	}
	c := &call{w: w, r: r, labels: labels, query: query}
	if err := rt.Handler(s, c); err != nil {
		writeError(w, r, err)
	}
}

// writeError renders err as Route 53 does: <ErrorResponse> with the
// error's Type, Code and Message and the request id; an InvalidChangeBatch
// with several messages is the <InvalidChangeBatch> document listing them
// (reference/errors.md).
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	e := awserr.As(err)
	id := protocol.RequestID(r.Context())
	var b strings.Builder
	b.WriteString(xml.Header)
	if msgs, ok := e.Fields["Messages"]; ok && e.Code == codeInvalidChangeBatch {
		b.WriteString(`<InvalidChangeBatch xmlns="` + xmlns + `"><Messages>`)
		for _, m := range strings.Split(msgs, "\n") {
			b.WriteString("<Message>")
			_ = xml.EscapeText(&b, []byte(m))
			b.WriteString("</Message>")
		}
		b.WriteString("</Messages><RequestId>")
		_ = xml.EscapeText(&b, []byte(id))
		b.WriteString("</RequestId></InvalidChangeBatch>")
	} else {
		side := "Sender"
		if e.Receiver {
			side = "Receiver"
		}
		b.WriteString(`<ErrorResponse xmlns="` + xmlns + `"><Error><Type>` + side + "</Type><Code>")
		_ = xml.EscapeText(&b, []byte(e.Code))
		b.WriteString("</Code><Message>")
		_ = xml.EscapeText(&b, []byte(e.Message))
		b.WriteString("</Message></Error><RequestId>")
		_ = xml.EscapeText(&b, []byte(id))
		b.WriteString("</RequestId></ErrorResponse>")
	}
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(e.Status)
	_, _ = w.Write([]byte(b.String()))
}

// route binds an operation of the 2013-04-01 API.
func route(method, path, name string, h handlerFunc, query ...string) protocol.Route[handlerFunc] {
	return protocol.Route[handlerFunc]{Method: method, Path: "/2013-04-01" + path, Name: name, Handler: h, Query: query}
}

// routes is the wire table: every operation of the SDK's Route 53 client.
var routes = protocol.NewRoutes(slices.Concat(modelled(), setRoutes(), queryLoggingRoutes(), dnssecRoutes(), healthCheckRoutes(), unsupportedRoutes())...)

func modelled() []protocol.Route[handlerFunc] {
	g, p, d := http.MethodGet, http.MethodPost, http.MethodDelete
	return []protocol.Route[handlerFunc]{
		route(p, "/hostedzone", "CreateHostedZone", wireCreateHostedZone),
		route(g, "/hostedzone/{Id}", "GetHostedZone", wireGetHostedZone),
		route(d, "/hostedzone/{Id}", "DeleteHostedZone", wireDeleteHostedZone),
		route(p, "/hostedzone/{Id}", "UpdateHostedZoneComment", wireUpdateComment),
		route(g, "/hostedzonecount", "GetHostedZoneCount", wireGetHostedZoneCount),
		route(g, "/hostedzone", "ListHostedZones", wireListHostedZones),
		route(g, "/hostedzonesbyname", "ListHostedZonesByName", wireListHostedZonesByName),
		route(p, "/hostedzone/{Id}/rrset", "ChangeResourceRecordSets", wireChangeRecords),
		route(g, "/hostedzone/{Id}/rrset", "ListResourceRecordSets", wireListRecords),
		route(g, "/change/{Id}", "GetChange", wireGetChange),
		route(g, "/testdnsanswer", "TestDNSAnswer", wireTestDNSAnswer),
		route(p, "/tags/{ResourceType}/{ResourceId}", "ChangeTagsForResource", wireChangeTags),
		route(g, "/tags/{ResourceType}/{ResourceId}", "ListTagsForResource", wireListTags),
		route(p, "/tags/{ResourceType}", "ListTagsForResources", wireListTagsForResources),
	}
}
