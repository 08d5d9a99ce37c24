package eventbridge

import (
	"encoding/json"
	"net/url"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
)

// metaEventID carries the event's id (a schedule's execution id) to the
// relay: a log group target writes the event to the stream of that name.
const metaEventID = "awsfake.events.event-id"

// shapeFor turns a delivery to a target ARN into what the service owning
// the ARN takes on the bus (internal/bus meta.go): a log group gets the
// event as one log line (logTarget), a universal Scheduler target the
// request of its API action (universalTarget); any other ARN takes the
// payload as it is. src is the relay message, out the message to send.
func (s *Service) shapeFor(to string, src, out *bus.Message) (string, error) {
	if a, ok := parseARN(to); ok && a.Service == "logs" && strings.HasPrefix(a.Resource, "log-group:") {
		return to, s.logTarget(src, out)
	}
	if _, rest, ok := strings.Cut(to, ":scheduler:::aws-sdk:"); ok && strings.HasPrefix(to, "arn:") {
		return universalTarget(rest, scopeOfSource(src), out)
	}
	return to, nil
}

// logTarget writes the payload as one log event, timestamped at the
// delivery, in a stream named for the event's id: the recording
// (TestEventsTargetCloudWatchLogs::test_put_events_with_target_cloudwatch_logs)
// shows the event as the message; AWS does not document the stream's name,
// and the event id is what its console shows.
func (s *Service) logTarget(src, out *bus.Message) error {
	lines, err := json.Marshal([]bus.LogLine{{Timestamp: s.now().UnixMilli(), Message: string(out.Body)}})
	if err != nil {
		return err
	}
	out.Body = lines
	out.Meta[bus.MetaLogStream] = src.Meta[metaEventID]
	return nil
}

// scopeOfSource is the account and region of the rule or schedule that
// sent a delivery (its Source ARN).
func scopeOfSource(m *bus.Message) faults.Scope {
	a, _ := parseARN(m.Source)
	return scopeOfARN(a)
}

// universalTarget reads a universal target (arn:aws:scheduler:::aws-sdk:
// <service>:<apiAction>, "Using universal targets" in the Scheduler User
// Guide), whose Input is the action's request in the API's member names,
// as the delivery the bus makes to the resource it names, for the actions
// of services the cloud has: sqs:sendMessage (QueueUrl, MessageBody,
// MessageGroupId, MessageDeduplicationId), sns:publish (TopicArn,
// Message, Subject, MessageGroupId, MessageDeduplicationId),
// lambda:invoke (FunctionName, name or ARN, and Payload; InvocationType
// Event is asynchronous, any other waits for the function) and
// sfn:startExecution (StateMachineArn, Input). A request that does not
// name its resource is ValidationException, which is not retried.
func universalTarget(action string, sc faults.Scope, out *bus.Message) (string, error) {
	var req struct {
		QueueUrl, MessageBody, MessageGroupId, MessageDeduplicationId string
		TopicArn, Message, Subject                                    string
		FunctionName, InvocationType                                  string
		Payload                                                       json.RawMessage
		StateMachineArn, Input                                        string
	}
	if err := json.Unmarshal(out.Body, &req); err != nil {
		return "", errValidation("The Input of universal target %s is not the JSON of its request.", action)
	}
	out.GroupID, out.DeduplicationID = req.MessageGroupId, req.MessageDeduplicationId
	switch strings.ToLower(action) {
	case "sqs:sendmessage":
		out.Body = []byte(req.MessageBody)
		return queueARN(sc, req.QueueUrl)
	case "sns:publish":
		out.Body = []byte(req.Message)
		if req.Subject != "" {
			out.Meta[bus.MetaSubject] = req.Subject
		}
		return required("TopicArn", req.TopicArn)
	case "lambda:invoke":
		out.Body, out.Async = lambdaPayload(req.Payload), req.InvocationType == "Event"
		out.GroupID, out.DeduplicationID = "", ""
		if req.FunctionName == "" || strings.HasPrefix(req.FunctionName, "arn:") {
			return required("FunctionName", req.FunctionName)
		}
		return sc.ARN("lambda", "function:"+req.FunctionName), nil
	case "sfn:startexecution":
		out.Body, out.GroupID, out.DeduplicationID = []byte(req.Input), "", ""
		return required("StateMachineArn", req.StateMachineArn)
	}
	return "", errValidation("Universal target aws-sdk:%s is not an action awsfake delivers.", action)
}

// lambdaPayload is an invoke's Payload: a JSON string holds the document
// (the API's blob, as the Scheduler console writes it), any other JSON is
// the document itself.
func lambdaPayload(p json.RawMessage) []byte {
	var s string
	if json.Unmarshal(p, &s) == nil {
		return []byte(s)
	}
	if len(p) == 0 {
		return []byte("{}")
	}
	return p
}

func required(member, v string) (string, error) {
	if v == "" {
		return "", errValidation("The universal target's request has no %s.", member)
	}
	return v, nil
}

// queueARN is the ARN of the queue a QueueUrl names: its path's last two
// segments are the account and the name, the region the host's (as SQS
// reads it), else the schedule's.
func queueARN(sc faults.Scope, queueURL string) (string, error) {
	u, err := url.Parse(queueURL)
	if queueURL == "" || err != nil {
		return "", errValidation("The universal target's request has no valid QueueUrl.")
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) < 2 {
		return "", errValidation("The universal target's request has no valid QueueUrl.")
	}
	region := arn.RegionInHost(u.Host)
	if region == "" {
		region = sc.Region
	}
	return arn.Build(sc.Partition, "sqs", region, parts[len(parts)-2], parts[len(parts)-1]), nil
}
