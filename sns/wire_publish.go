package sns

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// Publishing actions.
var publishOperations = map[string]operation{
	"Publish": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		attrs, err := messageAttributes(f, "MessageAttributes.entry")
		if err != nil {
			return nil, err
		}
		out, err := s.Publish(r.Context(), PublishInput{TopicArn: f.Get("TopicArn"), TargetArn: f.Get("TargetArn"),
			PhoneNumber: f.Get("PhoneNumber"), Message: f.Get("Message"), Subject: f.Get("Subject"),
			MessageStructure: f.Get("MessageStructure"), MessageAttributes: attrs,
			MessageDeduplicationId: f.Get("MessageDeduplicationId"), MessageGroupId: f.Get("MessageGroupId")})
		return struct {
			MessageId      string
			SequenceNumber string `xml:",omitempty"`
		}{out.MessageId, out.SequenceNumber}, err
	},
	"PublishBatch": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		in := PublishBatchInput{TopicArn: f.Get("TopicArn")}
		for _, base := range f.Entries("PublishBatchRequestEntries.member") {
			attrs, err := messageAttributes(f, base+"MessageAttributes.entry")
			if err != nil {
				return nil, err
			}
			in.Entries = append(in.Entries, PublishBatchEntry{Id: f.Get(base + "Id"), Message: f.Get(base + "Message"),
				Subject: f.Get(base + "Subject"), MessageStructure: f.Get(base + "MessageStructure"),
				MessageAttributes: attrs, MessageDeduplicationId: f.Get(base + "MessageDeduplicationId"),
				MessageGroupId: f.Get(base + "MessageGroupId")})
		}
		out, err := s.PublishBatch(r.Context(), in)
		type resultXML struct {
			Id, MessageId  string
			SequenceNumber string `xml:",omitempty"`
		}
		res := struct {
			Successful struct {
				Member []resultXML `xml:"member"`
			}
			Failed struct {
				Member []BatchResultError `xml:"member"`
			}
		}{}
		for _, o := range out.Successful {
			res.Successful.Member = append(res.Successful.Member, resultXML(o))
		}
		res.Failed.Member = out.Failed
		return res, err
	},
}

// messageAttributes reads the message attributes prefix.N.Name/Value.* as
// SNS's MessageAttributeValue.
func messageAttributes(f protocol.Form, prefix string) (map[string]MessageAttributeValue, error) {
	read, err := f.MessageAttributes(prefix)
	if read == nil || err != nil {
		return nil, err
	}
	out := make(map[string]MessageAttributeValue, len(read))
	for name, a := range read {
		out[name] = MessageAttributeValue(a)
	}
	return out, nil
}
