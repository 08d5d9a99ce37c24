package sqs

import (
	"encoding/base64"
	"net/http"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// queryHandler decodes a Query form, calls the Go API and returns the
// result element to encode (nil for none).
type queryHandler func(s *Service, r *http.Request, f protocol.Form) (any, error)

// writeQueryError renders err for a Query client. A missing queue reads as
// AWS words it in that protocol.
func writeQueryError(w http.ResponseWriter, r *http.Request, err error) {
	if e := awserr.As(err); e.Code == codeQueueDoesNotExist {
		c := *e
		c.Message = "The specified queue does not exist for this wsdl version."
		err = &c
	}
	queryProto.WriteError(w, r, err)
}

// formErrors are SQS's words for Query members that do not parse.
var formErrors = protocol.FormErrors{
	Number: func(name, value string) error { return invalidParameter(value, name, "Value must be an integer.") },
	Binary: func(_, param, value string) error {
		return invalidParameter(value, param, "The value is not valid base64.")
	},
}

// messageAttributes reads the flattened message attributes
// prefix.N.Name / prefix.N.Value.*, nil when there is none.
func messageAttributes(f protocol.Form, prefix string) (map[string]MessageAttributeValue, error) {
	in, err := f.MessageAttributes(prefix)
	if err != nil || in == nil {
		return nil, err
	}
	out := make(map[string]MessageAttributeValue, len(in))
	for k, a := range in {
		out[k] = MessageAttributeValue{DataType: a.DataType, StringValue: a.StringValue, BinaryValue: a.BinaryValue}
	}
	return out, nil
}

// Query result elements. SQS's Query responses flatten lists and maps:
// <QueueUrl> repeated, <Attribute><Name/><Value/></Attribute>, <Message>.

type xmlQueueURL struct {
	QueueUrl string
}

type xmlQueueURLs struct {
	QueueUrls []string `xml:"QueueUrl"`
	NextToken string   `xml:",omitempty"`
}

type xmlNameValue struct {
	Name, Value string
}

type xmlAttributes struct {
	Attributes []xmlNameValue `xml:"Attribute"`
}

type xmlTag struct {
	Key, Value string
}

type xmlTags struct {
	Tags []xmlTag `xml:"Tag"`
}

type xmlMessages struct {
	Messages []xmlMessage `xml:"Message"`
}

type xmlMessage struct {
	MessageId, ReceiptHandle, MD5OfBody, Body string
	Attributes                                []xmlNameValue `xml:"Attribute"`
	MD5OfMessageAttributes                    string         `xml:",omitempty"`
	MessageAttributes                         []xmlMsgAttr   `xml:"MessageAttribute"`
}

type xmlMsgAttr struct {
	Name  string
	Value xmlAttrValue
}

type xmlAttrValue struct {
	StringValue string `xml:",omitempty"`
	BinaryValue string `xml:",omitempty"` // base64
	DataType    string
}

type xmlSendBatch struct {
	Successful []SendMessageBatchResultEntry `xml:"SendMessageBatchResultEntry"`
	Failed     []BatchResultErrorEntry       `xml:"BatchResultErrorEntry"`
}

type xmlDeleteBatch struct {
	Successful []DeleteMessageBatchResultEntry `xml:"DeleteMessageBatchResultEntry"`
	Failed     []BatchResultErrorEntry         `xml:"BatchResultErrorEntry"`
}

type xmlChangeBatch struct {
	Successful []ChangeMessageVisibilityBatchResultEntry `xml:"ChangeMessageVisibilityBatchResultEntry"`
	Failed     []BatchResultErrorEntry                   `xml:"BatchResultErrorEntry"`
}

type xmlMoveTasks struct {
	Results []ListMessageMoveTasksResultEntry `xml:"ListMessageMoveTasksResultEntry"`
}

func nameValues(m map[string]string) []xmlNameValue {
	out := make([]xmlNameValue, 0, len(m))
	for _, k := range sortedKeys(m) {
		out = append(out, xmlNameValue{k, m[k]})
	}
	return out
}

func xmlMessagesOf(ms []Message) xmlMessages {
	out := xmlMessages{Messages: make([]xmlMessage, len(ms))}
	for i, m := range ms {
		x := xmlMessage{MessageId: m.MessageId, ReceiptHandle: m.ReceiptHandle, MD5OfBody: m.MD5OfBody, Body: m.Body,
			Attributes: nameValues(m.Attributes), MD5OfMessageAttributes: m.MD5OfMessageAttributes}
		for _, k := range sortedKeys(m.MessageAttributes) {
			v := m.MessageAttributes[k]
			xv := xmlAttrValue{StringValue: v.StringValue, DataType: v.DataType}
			if v.BinaryValue != nil {
				xv.BinaryValue = base64.StdEncoding.EncodeToString(v.BinaryValue)
			}
			x.MessageAttributes = append(x.MessageAttributes, xmlMsgAttr{Name: k, Value: xv})
		}
		out.Messages[i] = x
	}
	return out
}

// sendEntry reads the fields a SendMessage and a batch entry share, under
// prefix ("" or "SendMessageBatchRequestEntry.N.").
func sendEntry(f protocol.Form, prefix string) (SendMessageBatchRequestEntry, error) {
	e := SendMessageBatchRequestEntry{Id: f.Get(prefix + "Id"), MessageBody: f.Get(prefix + "MessageBody"),
		MessageDeduplicationId: f.Get(prefix + "MessageDeduplicationId"), MessageGroupId: f.Get(prefix + "MessageGroupId")}
	var err error
	if e.DelaySeconds, err = f.Int32(prefix + "DelaySeconds"); err != nil {
		return e, err
	}
	if e.MessageAttributes, err = messageAttributes(f, prefix+"MessageAttribute"); err != nil {
		return e, err
	}
	e.MessageSystemAttributes, err = messageAttributes(f, prefix+"MessageSystemAttribute")
	return e, err
}

var queryOps = map[string]queryHandler{
	"CreateQueue": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.CreateQueue(r.Context(), CreateQueueInput{QueueName: f.Get("QueueName"),
			Attributes: f.Map("Attribute", "Name", "Value"), Tags: f.Map("Tag", "Key", "Value")})
		return xmlQueueURL(out), err
	},
	"GetQueueUrl": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.GetQueueUrl(r.Context(), GetQueueUrlInput{QueueName: f.Get("QueueName"),
			QueueOwnerAWSAccountId: f.Get("QueueOwnerAWSAccountId")})
		return xmlQueueURL(out), err
	},
	"ListQueues": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		max, err := f.Int32("MaxResults")
		if err != nil {
			return nil, err
		}
		out, err := s.ListQueues(r.Context(), ListQueuesInput{QueueNamePrefix: f.Get("QueueNamePrefix"),
			NextToken: f.Get("NextToken"), MaxResults: max})
		return xmlQueueURLs(out), err
	},
	"DeleteQueue": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.DeleteQueue(r.Context(), DeleteQueueInput{QueueUrl: f.Get("QueueUrl")})
	},
	"PurgeQueue": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.PurgeQueue(r.Context(), PurgeQueueInput{QueueUrl: f.Get("QueueUrl")})
	},
	"GetQueueAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.GetQueueAttributes(r.Context(), GetQueueAttributesInput{QueueUrl: f.Get("QueueUrl"),
			AttributeNames: f.List("AttributeName")})
		return xmlAttributes{nameValues(out.Attributes)}, err
	},
	"SetQueueAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.SetQueueAttributes(r.Context(), SetQueueAttributesInput{QueueUrl: f.Get("QueueUrl"),
			Attributes: f.Map("Attribute", "Name", "Value")})
	},
	"TagQueue": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.TagQueue(r.Context(), TagQueueInput{QueueUrl: f.Get("QueueUrl"), Tags: f.Map("Tag", "Key", "Value")})
	},
	"UntagQueue": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.UntagQueue(r.Context(), UntagQueueInput{QueueUrl: f.Get("QueueUrl"), TagKeys: f.List("TagKey")})
	},
	"ListQueueTags": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.ListQueueTags(r.Context(), ListQueueTagsInput{QueueUrl: f.Get("QueueUrl")})
		tags := xmlTags{}
		for _, k := range sortedKeys(out.Tags) {
			tags.Tags = append(tags.Tags, xmlTag{k, out.Tags[k]})
		}
		return tags, err
	},
	"AddPermission": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.AddPermission(r.Context(), AddPermissionInput{QueueUrl: f.Get("QueueUrl"), Label: f.Get("Label"),
			AWSAccountIds: f.List("AWSAccountId"), Actions: f.List("ActionName")})
	},
	"RemovePermission": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.RemovePermission(r.Context(), RemovePermissionInput{QueueUrl: f.Get("QueueUrl"), Label: f.Get("Label")})
	},
	"SendMessage": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		e, err := sendEntry(f, "")
		if err != nil {
			return nil, err
		}
		return s.SendMessage(r.Context(), SendMessageInput{QueueUrl: f.Get("QueueUrl"), MessageBody: e.MessageBody,
			DelaySeconds: e.DelaySeconds, MessageAttributes: e.MessageAttributes, MessageSystemAttributes: e.MessageSystemAttributes,
			MessageDeduplicationId: e.MessageDeduplicationId, MessageGroupId: e.MessageGroupId})
	},
	"SendMessageBatch": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		in := SendMessageBatchInput{QueueUrl: f.Get("QueueUrl")}
		for _, p := range f.Entries("SendMessageBatchRequestEntry") {
			e, err := sendEntry(f, p)
			if err != nil {
				return nil, err
			}
			in.Entries = append(in.Entries, e)
		}
		out, err := s.SendMessageBatch(r.Context(), in)
		return xmlSendBatch(out), err
	},
	"ReceiveMessage": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		in := ReceiveMessageInput{QueueUrl: f.Get("QueueUrl"), AttributeNames: f.List("AttributeName"),
			MessageSystemAttributeNames: f.List("MessageSystemAttributeName"),
			MessageAttributeNames:       f.List("MessageAttributeName"),
			ReceiveRequestAttemptId:     f.Get("ReceiveRequestAttemptId")}
		var err error
		for name, dst := range map[string]**int32{"MaxNumberOfMessages": &in.MaxNumberOfMessages,
			"VisibilityTimeout": &in.VisibilityTimeout, "WaitTimeSeconds": &in.WaitTimeSeconds} {
			if *dst, err = f.Int32(name); err != nil {
				return nil, err
			}
		}
		out, err := s.ReceiveMessage(r.Context(), in)
		return xmlMessagesOf(out.Messages), err
	},
	"DeleteMessage": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.DeleteMessage(r.Context(), DeleteMessageInput{QueueUrl: f.Get("QueueUrl"), ReceiptHandle: f.Get("ReceiptHandle")})
	},
	"DeleteMessageBatch": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		in := DeleteMessageBatchInput{QueueUrl: f.Get("QueueUrl")}
		for _, p := range f.Entries("DeleteMessageBatchRequestEntry") {
			in.Entries = append(in.Entries, DeleteMessageBatchRequestEntry{Id: f.Get(p + "Id"), ReceiptHandle: f.Get(p + "ReceiptHandle")})
		}
		out, err := s.DeleteMessageBatch(r.Context(), in)
		return xmlDeleteBatch(out), err
	},
	"ChangeMessageVisibility": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		vt, err := f.Int32("VisibilityTimeout")
		if err != nil {
			return nil, err
		}
		if vt == nil {
			return nil, missingParameter("VisibilityTimeout")
		}
		return nil, s.ChangeMessageVisibility(r.Context(), ChangeMessageVisibilityInput{QueueUrl: f.Get("QueueUrl"),
			ReceiptHandle: f.Get("ReceiptHandle"), VisibilityTimeout: *vt})
	},
	"ChangeMessageVisibilityBatch": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		in := ChangeMessageVisibilityBatchInput{QueueUrl: f.Get("QueueUrl")}
		for _, p := range f.Entries("ChangeMessageVisibilityBatchRequestEntry") {
			vt, err := f.Int32(p + "VisibilityTimeout")
			if err != nil {
				return nil, err
			}
			e := ChangeMessageVisibilityBatchRequestEntry{Id: f.Get(p + "Id"), ReceiptHandle: f.Get(p + "ReceiptHandle")}
			if vt != nil {
				e.VisibilityTimeout = *vt
			}
			in.Entries = append(in.Entries, e)
		}
		out, err := s.ChangeMessageVisibilityBatch(r.Context(), in)
		return xmlChangeBatch(out), err
	},
	"ListDeadLetterSourceQueues": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		max, err := f.Int32("MaxResults")
		if err != nil {
			return nil, err
		}
		out, err := s.ListDeadLetterSourceQueues(r.Context(), ListDeadLetterSourceQueuesInput{QueueUrl: f.Get("QueueUrl"),
			NextToken: f.Get("NextToken"), MaxResults: max})
		return xmlQueueURLs(out), err
	},
	"StartMessageMoveTask": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		rate, err := f.Int32("MaxNumberOfMessagesPerSecond")
		if err != nil {
			return nil, err
		}
		return s.StartMessageMoveTask(r.Context(), StartMessageMoveTaskInput{SourceArn: f.Get("SourceArn"),
			DestinationArn: f.Get("DestinationArn"), MaxNumberOfMessagesPerSecond: rate})
	},
	"CancelMessageMoveTask": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return s.CancelMessageMoveTask(r.Context(), CancelMessageMoveTaskInput{TaskHandle: f.Get("TaskHandle")})
	},
	"ListMessageMoveTasks": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		max, err := f.Int32("MaxResults")
		if err != nil {
			return nil, err
		}
		out, err := s.ListMessageMoveTasks(r.Context(), ListMessageMoveTasksInput{SourceArn: f.Get("SourceArn"), MaxResults: max})
		return xmlMoveTasks(out), err
	},
}
