package apigw

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// The query protocol's namespaces of the services whose answers are XML
// unless JSON is asked for, as their wire bindings write them.
const (
	sqsXMLNS = "http://queue.amazonaws.com/doc/2012-11-05/"
	snsXMLNS = "http://sns.amazonaws.com/doc/2010-03-31/"
)

// queryNamespaces are the query services by the URI's service part.
var queryNamespaces = map[string]string{"sqs": sqsXMLNS, "sns": snsXMLNS}

// acceptsJSON reports whether the integration request asks for JSON: an
// integration.request.header.Accept mapping naming application/json.
// The query services (SQS, SNS) answer their XML document otherwise, as
// the Amazon SQS Developer Guide shows a query request answered
// ("Interpreting Amazon SQS XML API responses"), and the JSON form of the
// same document ({"SendMessageResponse": {...}}) with it.
func (x *exchange) acceptsJSON() bool {
	for k, expr := range x.method.MethodIntegration.RequestParameters {
		name, ok := strings.CutPrefix(k, "integration.request.header.")
		if !ok || !strings.EqualFold(name, "Accept") {
			continue
		}
		if v, ok := x.mappedValue(expr, nil); ok && strings.Contains(v, "application/json") {
			return true
		}
	}
	return false
}

// queryAnswer is a query service's answer to action: the result's
// fields (name, value pairs, in order) and the request id, as XML
// (<{action}Response xmlns=...><{action}Result>...) or, when JSON is
// asked, as {"{action}Response": {"{action}Result": {...},
// "ResponseMetadata": {"RequestId": ...}}}.
func (r serviceRequest) queryAnswer(action, xmlns string, fields ...string) backendAnswer {
	if r.json {
		result := map[string]string{}
		for i := 0; i+1 < len(fields); i += 2 {
			result[fields[i]] = fields[i+1]
		}
		return jsonAnswer(map[string]any{action + "Response": map[string]any{
			action + "Result":  result,
			"ResponseMetadata": map[string]string{"RequestId": r.x.requestID}}})
	}
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString("<" + action + `Response xmlns="` + xmlns + `"><` + action + "Result>")
	for i := 0; i+1 < len(fields); i += 2 {
		b.WriteString("<" + fields[i] + ">")
		_ = xml.EscapeText(&b, []byte(fields[i+1]))
		b.WriteString("</" + fields[i] + ">")
	}
	b.WriteString("</" + action + "Result><ResponseMetadata><RequestId>" + r.x.requestID +
		"</RequestId></ResponseMetadata></" + action + "Response>")
	return xmlAnswer(http.StatusOK, []byte(b.String()))
}

// failed is a service's error as the integration sees it: its status
// (the selector) and its error document in the service's protocol: a
// query service's <ErrorResponse> (or, when JSON is asked, {"Error":
// {"Code", "Message", "Type"}, "RequestId"}), a JSON service's
// {"__type", "message"}.
func (r serviceRequest) failed(err error) backendAnswer {
	e := awserr.As(err)
	var a backendAnswer
	switch {
	case r.xmlns == "":
		a = jsonAnswer(map[string]string{"__type": e.Code, "message": e.Message})
	case r.json:
		a = jsonAnswer(map[string]any{"Error": map[string]string{"Code": e.LegacyCode(), "Message": e.Message, "Type": e.FaultName()},
			"RequestId": r.x.requestID})
	default:
		a = xmlAnswer(e.Status, protocol.ErrorResponseXML(e, r.xmlns, r.x.requestID))
	}
	a.status, a.selector = e.Status, strconv.Itoa(e.Status)
	return a
}

// jsonAnswer is a 200 with doc as JSON.
func jsonAnswer(doc any) backendAnswer {
	b, _ := json.Marshal(doc)
	return backendAnswer{selector: "200", status: http.StatusOK, header: http.Header{"Content-Type": {"application/json"}}, body: b}
}

// xmlAnswer is an XML document with its status, as the query services
// send it (text/xml).
func xmlAnswer(status int, b []byte) backendAnswer {
	return backendAnswer{selector: strconv.Itoa(status), status: status, header: http.Header{"Content-Type": {"text/xml"}}, body: b}
}
