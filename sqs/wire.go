package sqs

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/protocol"
)

// The two protocols SQS clients speak: AWS JSON 1.0, query-compatible (the
// Go SDK since v1.28, botocore 1.43, recent CLIs), and awsQuery (CLI 2.9,
// older SDKs). Errors name the shape id (com.amazonaws.sqs#QueueDoesNotExist)
// in __type and X-Amzn-ErrorType and the legacy code and fault
// (AWS.SimpleQueueService.NonExistentQueue;Sender) in x-amzn-query-error for
// JSON clients, and the legacy code for Query ones.
var (
	jsonProto  = protocol.JSON{ContentType: "application/x-amz-json-1.0", Namespace: "com.amazonaws.sqs", QueryCompatible: true}
	queryProto = protocol.Query{XMLNS: "http://queue.amazonaws.com/doc/2012-11-05/"}
)

// jsonTargets is the wire table of the AWS JSON binding, by X-Amz-Target
// (AmazonSQS.<Op>): every SQS operation, bound to its Go API method. The
// operation list (operations) is derived from it.
var jsonTargets = protocol.Targets[*Service]{Proto: jsonProto, Prefix: "AmazonSQS.", Ops: map[string]protocol.TargetOp[*Service]{
	"AddPermission":                protocol.Do((*Service).AddPermission),
	"CancelMessageMoveTask":        protocol.Call((*Service).CancelMessageMoveTask),
	"ChangeMessageVisibility":      protocol.Do((*Service).ChangeMessageVisibility),
	"ChangeMessageVisibilityBatch": protocol.Call((*Service).ChangeMessageVisibilityBatch),
	"CreateQueue":                  protocol.Call((*Service).CreateQueue),
	"DeleteMessage":                protocol.Do((*Service).DeleteMessage),
	"DeleteMessageBatch":           protocol.Call((*Service).DeleteMessageBatch),
	"DeleteQueue":                  protocol.Do((*Service).DeleteQueue),
	"GetQueueAttributes":           protocol.Call((*Service).GetQueueAttributes),
	"GetQueueUrl":                  protocol.Call((*Service).GetQueueUrl),
	"ListDeadLetterSourceQueues":   protocol.Call((*Service).ListDeadLetterSourceQueues),
	"ListMessageMoveTasks":         protocol.Call((*Service).ListMessageMoveTasks),
	"ListQueueTags":                protocol.Call((*Service).ListQueueTags),
	"ListQueues":                   protocol.Call((*Service).ListQueues),
	"PurgeQueue":                   protocol.Do((*Service).PurgeQueue),
	"ReceiveMessage":               protocol.Call((*Service).ReceiveMessage),
	"RemovePermission":             protocol.Do((*Service).RemovePermission),
	"SendMessage":                  rawChecked(protocol.Call((*Service).SendMessage)),
	"SendMessageBatch":             rawChecked(protocol.Call((*Service).SendMessageBatch)),
	"SetQueueAttributes":           protocol.Do((*Service).SetQueueAttributes),
	"StartMessageMoveTask":         protocol.Call((*Service).StartMessageMoveTask),
	"TagQueue":                     protocol.Do((*Service).TagQueue),
	"UntagQueue":                   protocol.Do((*Service).UntagQueue),
}}

// ServeHTTP serves both SQS protocols on one handler: a request with
// X-Amz-Target: AmazonSQS.<Op> is JSON, anything else a Query form
// (Action=<Op>&Version=2012-11-05), which may be posted to a queue's own path
// /<account>/<name> with the QueueUrl implied.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if protocol.HasTarget(r) {
		jsonTargets.Serve(s, w, r)
		return
	}
	s.serveQuery(w, r)
}

func (s *Service) serveQuery(w http.ResponseWriter, r *http.Request) {
	form, err := protocol.ParseForm(r, protocol.DefaultBodyLimit)
	if err != nil {
		writeQueryError(w, r, err)
		return
	}
	if form.Get("QueueUrl") == "" {
		if seg := protocol.Segments(r); len(seg) >= 2 {
			path := "/" + seg[len(seg)-2] + "/" + seg[len(seg)-1]
			if n := len(seg); n >= 4 && seg[n-4] == "queue" && arn.IsRegion(seg[n-3]) {
				path = "/queue/" + seg[n-3] + path // another region's queue (see the package doc)
			}
			form.Set("QueueUrl", strings.TrimSuffix(s.env.URL, "/")+path)
		}
	}
	action := form.Get("Action")
	h := queryOps[action]
	if h == nil {
		writeQueryError(w, r, newError(codeInvalidAction, "The action %s is not valid for this endpoint.", action))
		return
	}
	result, err := h(s, r, protocol.NewForm(form, formErrors))
	if err != nil {
		writeQueryError(w, r, err)
		return
	}
	queryProto.Write(w, r, action, result)
}
