package sqs

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// queryHandler decodes a Query form, calls the Go API and returns the
// result element to encode (nil for none).
type queryHandler func(s *Service, r *http.Request, f url.Values) (any, error)

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

// queryInt reads an optional integer parameter.
func queryInt(f url.Values, name string) (*int32, error) {
	v, ok := f[name]
	if !ok || len(v) == 0 {
		return nil, nil
	}
	n, err := strconv.ParseInt(v[0], 10, 32)
	if err != nil {
		return nil, invalidParameter(v[0], name, "Value must be an integer.")
	}
	i := int32(n)
	return &i, nil
}

// queryMessageAttributes reads the flattened map prefix.N.Name /
// prefix.N.Value.{DataType,StringValue,BinaryValue}; binary values are
// base64.
func queryMessageAttributes(f url.Values, prefix string) (map[string]MessageAttributeValue, error) {
	idx := protocol.Indexes(f, prefix)
	if len(idx) == 0 {
		return nil, nil
	}
	out := make(map[string]MessageAttributeValue, len(idx))
	for _, n := range idx {
		base := prefix + "." + strconv.Itoa(n) + "."
		v := MessageAttributeValue{DataType: f.Get(base + "Value.DataType"), StringValue: f.Get(base + "Value.StringValue")}
		if b := f.Get(base + "Value.BinaryValue"); b != "" {
			raw, err := base64.StdEncoding.DecodeString(b)
			if err != nil {
				return nil, invalidParameter(b, base+"Value.BinaryValue", "The value is not valid base64.")
			}
			v.BinaryValue = raw
		}
		out[f.Get(base+"Name")] = v
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
func sendEntry(f url.Values, prefix string) (SendMessageBatchRequestEntry, error) {
	e := SendMessageBatchRequestEntry{Id: f.Get(prefix + "Id"), MessageBody: f.Get(prefix + "MessageBody"),
		MessageDeduplicationId: f.Get(prefix + "MessageDeduplicationId"), MessageGroupId: f.Get(prefix + "MessageGroupId")}
	var err error
	if e.DelaySeconds, err = queryInt(f, prefix+"DelaySeconds"); err != nil {
		return e, err
	}
	if e.MessageAttributes, err = queryMessageAttributes(f, prefix+"MessageAttribute"); err != nil {
		return e, err
	}
	e.MessageSystemAttributes, err = queryMessageAttributes(f, prefix+"MessageSystemAttribute")
	return e, err
}

// entries returns the N of each prefix.N.* parameter.
func entries(f url.Values, prefix string) []string {
	idx := protocol.Indexes(f, prefix)
	out := make([]string, len(idx))
	for i, n := range idx {
		out[i] = prefix + "." + strconv.Itoa(n) + "."
	}
	return out
}

var queryOps = map[string]queryHandler{
	"CreateQueue": func(s *Service, r *http.Request, f url.Values) (any, error) {
		out, err := s.CreateQueue(r.Context(), CreateQueueInput{QueueName: f.Get("QueueName"),
			Attributes: protocol.Map(f, "Attribute", "Name", "Value"), Tags: protocol.Map(f, "Tag", "Key", "Value")})
		return xmlQueueURL{out.QueueUrl}, err
	},
	"GetQueueUrl": func(s *Service, r *http.Request, f url.Values) (any, error) {
		out, err := s.GetQueueUrl(r.Context(), GetQueueUrlInput{QueueName: f.Get("QueueName"),
			QueueOwnerAWSAccountId: f.Get("QueueOwnerAWSAccountId")})
		return xmlQueueURL{out.QueueUrl}, err
	},
	"ListQueues": func(s *Service, r *http.Request, f url.Values) (any, error) {
		max, err := queryInt(f, "MaxResults")
		if err != nil {
			return nil, err
		}
		out, err := s.ListQueues(r.Context(), ListQueuesInput{QueueNamePrefix: f.Get("QueueNamePrefix"),
			NextToken: f.Get("NextToken"), MaxResults: max})
		return xmlQueueURLs{out.QueueUrls, out.NextToken}, err
	},
	"DeleteQueue": func(s *Service, r *http.Request, f url.Values) (any, error) {
		return nil, s.DeleteQueue(r.Context(), DeleteQueueInput{QueueUrl: f.Get("QueueUrl")})
	},
	"PurgeQueue": func(s *Service, r *http.Request, f url.Values) (any, error) {
		return nil, s.PurgeQueue(r.Context(), PurgeQueueInput{QueueUrl: f.Get("QueueUrl")})
	},
	"GetQueueAttributes": func(s *Service, r *http.Request, f url.Values) (any, error) {
		out, err := s.GetQueueAttributes(r.Context(), GetQueueAttributesInput{QueueUrl: f.Get("QueueUrl"),
			AttributeNames: protocol.List(f, "AttributeName")})
		return xmlAttributes{nameValues(out.Attributes)}, err
	},
	"SetQueueAttributes": func(s *Service, r *http.Request, f url.Values) (any, error) {
		return nil, s.SetQueueAttributes(r.Context(), SetQueueAttributesInput{QueueUrl: f.Get("QueueUrl"),
			Attributes: protocol.Map(f, "Attribute", "Name", "Value")})
	},
	"TagQueue": func(s *Service, r *http.Request, f url.Values) (any, error) {
		return nil, s.TagQueue(r.Context(), TagQueueInput{QueueUrl: f.Get("QueueUrl"), Tags: protocol.Map(f, "Tag", "Key", "Value")})
	},
	"UntagQueue": func(s *Service, r *http.Request, f url.Values) (any, error) {
		return nil, s.UntagQueue(r.Context(), UntagQueueInput{QueueUrl: f.Get("QueueUrl"), TagKeys: protocol.List(f, "TagKey")})
	},
	"ListQueueTags": func(s *Service, r *http.Request, f url.Values) (any, error) {
		out, err := s.ListQueueTags(r.Context(), ListQueueTagsInput{QueueUrl: f.Get("QueueUrl")})
		tags := xmlTags{}
		for _, k := range sortedKeys(out.Tags) {
			tags.Tags = append(tags.Tags, xmlTag{k, out.Tags[k]})
		}
		return tags, err
	},
	"AddPermission": func(s *Service, r *http.Request, f url.Values) (any, error) {
		return nil, s.AddPermission(r.Context(), AddPermissionInput{QueueUrl: f.Get("QueueUrl"), Label: f.Get("Label"),
			AWSAccountIds: protocol.List(f, "AWSAccountId"), Actions: protocol.List(f, "ActionName")})
	},
	"RemovePermission": func(s *Service, r *http.Request, f url.Values) (any, error) {
		return nil, s.RemovePermission(r.Context(), RemovePermissionInput{QueueUrl: f.Get("QueueUrl"), Label: f.Get("Label")})
	},
	"SendMessage": func(s *Service, r *http.Request, f url.Values) (any, error) {
		e, err := sendEntry(f, "")
		if err != nil {
			return nil, err
		}
		return s.SendMessage(r.Context(), SendMessageInput{QueueUrl: f.Get("QueueUrl"), MessageBody: e.MessageBody,
			DelaySeconds: e.DelaySeconds, MessageAttributes: e.MessageAttributes, MessageSystemAttributes: e.MessageSystemAttributes,
			MessageDeduplicationId: e.MessageDeduplicationId, MessageGroupId: e.MessageGroupId})
	},
	"SendMessageBatch": func(s *Service, r *http.Request, f url.Values) (any, error) {
		in := SendMessageBatchInput{QueueUrl: f.Get("QueueUrl")}
		for _, p := range entries(f, "SendMessageBatchRequestEntry") {
			e, err := sendEntry(f, p)
			if err != nil {
				return nil, err
			}
			in.Entries = append(in.Entries, e)
		}
		out, err := s.SendMessageBatch(r.Context(), in)
		return xmlSendBatch(out), err
	},
	"ReceiveMessage": func(s *Service, r *http.Request, f url.Values) (any, error) {
		in := ReceiveMessageInput{QueueUrl: f.Get("QueueUrl"), AttributeNames: protocol.List(f, "AttributeName"),
			MessageSystemAttributeNames: protocol.List(f, "MessageSystemAttributeName"),
			MessageAttributeNames:       protocol.List(f, "MessageAttributeName"),
			ReceiveRequestAttemptId:     f.Get("ReceiveRequestAttemptId")}
		var err error
		for name, dst := range map[string]**int32{"MaxNumberOfMessages": &in.MaxNumberOfMessages,
			"VisibilityTimeout": &in.VisibilityTimeout, "WaitTimeSeconds": &in.WaitTimeSeconds} {
			if *dst, err = queryInt(f, name); err != nil {
				return nil, err
			}
		}
		out, err := s.ReceiveMessage(r.Context(), in)
		return xmlMessagesOf(out.Messages), err
	},
	"DeleteMessage": func(s *Service, r *http.Request, f url.Values) (any, error) {
		return nil, s.DeleteMessage(r.Context(), DeleteMessageInput{QueueUrl: f.Get("QueueUrl"), ReceiptHandle: f.Get("ReceiptHandle")})
	},
	"DeleteMessageBatch": func(s *Service, r *http.Request, f url.Values) (any, error) {
		in := DeleteMessageBatchInput{QueueUrl: f.Get("QueueUrl")}
		for _, p := range entries(f, "DeleteMessageBatchRequestEntry") {
			in.Entries = append(in.Entries, DeleteMessageBatchRequestEntry{Id: f.Get(p + "Id"), ReceiptHandle: f.Get(p + "ReceiptHandle")})
		}
		out, err := s.DeleteMessageBatch(r.Context(), in)
		return xmlDeleteBatch(out), err
	},
	"ChangeMessageVisibility": func(s *Service, r *http.Request, f url.Values) (any, error) {
		vt, err := queryInt(f, "VisibilityTimeout")
		if err != nil {
			return nil, err
		}
		if vt == nil {
			return nil, missingParameter("VisibilityTimeout")
		}
		return nil, s.ChangeMessageVisibility(r.Context(), ChangeMessageVisibilityInput{QueueUrl: f.Get("QueueUrl"),
			ReceiptHandle: f.Get("ReceiptHandle"), VisibilityTimeout: *vt})
	},
	"ChangeMessageVisibilityBatch": func(s *Service, r *http.Request, f url.Values) (any, error) {
		in := ChangeMessageVisibilityBatchInput{QueueUrl: f.Get("QueueUrl")}
		for _, p := range entries(f, "ChangeMessageVisibilityBatchRequestEntry") {
			vt, err := queryInt(f, p+"VisibilityTimeout")
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
	"ListDeadLetterSourceQueues": func(s *Service, r *http.Request, f url.Values) (any, error) {
		max, err := queryInt(f, "MaxResults")
		if err != nil {
			return nil, err
		}
		out, err := s.ListDeadLetterSourceQueues(r.Context(), ListDeadLetterSourceQueuesInput{QueueUrl: f.Get("QueueUrl"),
			NextToken: f.Get("NextToken"), MaxResults: max})
		return xmlQueueURLs{out.QueueUrls, out.NextToken}, err
	},
	"StartMessageMoveTask": func(s *Service, r *http.Request, f url.Values) (any, error) {
		rate, err := queryInt(f, "MaxNumberOfMessagesPerSecond")
		if err != nil {
			return nil, err
		}
		return s.StartMessageMoveTask(r.Context(), StartMessageMoveTaskInput{SourceArn: f.Get("SourceArn"),
			DestinationArn: f.Get("DestinationArn"), MaxNumberOfMessagesPerSecond: rate})
	},
	"CancelMessageMoveTask": func(s *Service, r *http.Request, f url.Values) (any, error) {
		return s.CancelMessageMoveTask(r.Context(), CancelMessageMoveTaskInput{TaskHandle: f.Get("TaskHandle")})
	},
	"ListMessageMoveTasks": func(s *Service, r *http.Request, f url.Values) (any, error) {
		max, err := queryInt(f, "MaxResults")
		if err != nil {
			return nil, err
		}
		out, err := s.ListMessageMoveTasks(r.Context(), ListMessageMoveTasksInput{SourceArn: f.Get("SourceArn"), MaxResults: max})
		return xmlMoveTasks(out), err
	},
}
