package sqs

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/protocol"
)

// The two protocols SQS clients speak: AWS JSON 1.0, query-compatible (the
// Go SDK since v1.28, botocore 1.43, recent CLIs), and awsQuery (CLI 2.9,
// older SDKs). Errors name the shape in __type and the legacy code in
// x-amzn-query-error for JSON clients, and the legacy code for Query ones.
var (
	jsonProto  = protocol.JSON{ContentType: "application/x-amz-json-1.0", Namespace: "com.amazonaws.sqs", QueryCompatible: true}
	queryProto = protocol.Query{XMLNS: "http://queue.amazonaws.com/doc/2012-11-05/"}
)

// jsonTargetPrefix starts the X-Amz-Target of every JSON request.
const jsonTargetPrefix = "AmazonSQS."

// ServeHTTP serves both SQS protocols on one handler: a request with
// X-Amz-Target: AmazonSQS.<Op> is JSON, anything else a Query form
// (Action=<Op>&Version=2012-11-05), which may be posted to a queue's own path
// /<account>/<name> with the QueueUrl implied.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		s.serveJSON(w, r, target)
		return
	}
	s.serveQuery(w, r)
}

func (s *Service) serveJSON(w http.ResponseWriter, r *http.Request, target string) {
	op, _ := strings.CutPrefix(target, jsonTargetPrefix)
	h := jsonOps[op]
	if h == nil || !strings.HasPrefix(target, jsonTargetPrefix) {
		jsonProto.WriteError(w, r, newError("UnknownOperationException", "Unknown operation %s", target))
		return
	}
	body, err := protocol.ReadBody(r, protocol.DefaultBodyLimit)
	if err != nil {
		jsonProto.WriteError(w, r, err)
		return
	}
	out, err := h(s, r, body)
	if err != nil {
		jsonProto.WriteError(w, r, err)
		return
	}
	jsonProto.Write(w, http.StatusOK, out)
}

func (s *Service) serveQuery(w http.ResponseWriter, r *http.Request) {
	form, err := protocol.ParseForm(r, protocol.DefaultBodyLimit)
	if err != nil {
		writeQueryError(w, r, err)
		return
	}
	if form.Get("QueueUrl") == "" {
		if seg := protocol.Segments(r); len(seg) >= 2 {
			form.Set("QueueUrl", strings.TrimSuffix(s.env.URL, "/")+"/"+seg[len(seg)-2]+"/"+seg[len(seg)-1])
		}
	}
	action := form.Get("Action")
	h := queryOps[action]
	if h == nil {
		writeQueryError(w, r, newError("InvalidAction", "The action %s is not valid for this endpoint.", action))
		return
	}
	result, err := h(s, r, form)
	if err != nil {
		writeQueryError(w, r, err)
		return
	}
	queryProto.Write(w, r, action, result)
}
