package sns

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// Topic actions: topics, their attributes, policy, tags and data protection
// policy.
var topicOperations = map[string]operation{
	"CreateTopic": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.CreateTopic(r.Context(), CreateTopicInput{Name: f.Get("Name"), Attributes: f.Map("Attributes.entry", "key", "value"),
			Tags: tagsOf(f), DataProtectionPolicy: f.Get("DataProtectionPolicy")})
		return struct{ TopicArn string }{out.TopicArn}, err
	},
	"DeleteTopic": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.DeleteTopic(r.Context(), TopicInput{TopicArn: f.Get("TopicArn")})
	},
	"ListTopics": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.ListTopics(r.Context(), ListInput{NextToken: f.Get("NextToken")})
		type topicXML struct{ TopicArn string }
		res := struct {
			Topics struct {
				Member []topicXML `xml:"member"`
			}
			NextToken string `xml:",omitempty"`
		}{NextToken: out.NextToken}
		for _, t := range out.Topics {
			res.Topics.Member = append(res.Topics.Member, topicXML{t})
		}
		return res, err
	},
	"GetTopicAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.GetTopicAttributes(r.Context(), TopicInput{TopicArn: f.Get("TopicArn")})
		return attributesXML{toXMLMap(out.Attributes)}, err
	},
	"SetTopicAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.SetTopicAttributes(r.Context(), SetAttributeInput{Arn: f.Get("TopicArn"),
			AttributeName: f.Get("AttributeName"), AttributeValue: f.Get("AttributeValue")})
	},
	"AddPermission": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.AddPermission(r.Context(), AddPermissionInput{TopicArn: f.Get("TopicArn"), Label: f.Get("Label"),
			AWSAccountId: f.List("AWSAccountId.member"), ActionName: f.List("ActionName.member")})
	},
	"RemovePermission": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.RemovePermission(r.Context(), RemovePermissionInput{TopicArn: f.Get("TopicArn"), Label: f.Get("Label")})
	},
	"TagResource": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return emptyResult, s.TagResource(r.Context(), TagResourceInput{ResourceArn: f.Get("ResourceArn"), Tags: tagsOf(f)})
	},
	"UntagResource": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return emptyResult, s.UntagResource(r.Context(), UntagResourceInput{ResourceArn: f.Get("ResourceArn"), TagKeys: f.List("TagKeys.member")})
	},
	"ListTagsForResource": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.ListTagsForResource(r.Context(), ResourceInput{ResourceArn: f.Get("ResourceArn")})
		return struct {
			Tags struct {
				Member []Tag `xml:"member"`
			}
		}{struct {
			Member []Tag `xml:"member"`
		}{out.Tags}}, err
	},
	"GetDataProtectionPolicy": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.GetDataProtectionPolicy(r.Context(), ResourceInput{ResourceArn: f.Get("ResourceArn")})
		return struct {
			DataProtectionPolicy string `xml:",omitempty"`
		}{out.DataProtectionPolicy}, err
	},
	"PutDataProtectionPolicy": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.PutDataProtectionPolicy(r.Context(), PutDataProtectionPolicyInput{ResourceArn: f.Get("ResourceArn"),
			DataProtectionPolicy: f.Get("DataProtectionPolicy")})
	},
}

// tagsOf reads the list of Tag structures Tags.member.N.Key/Value that
// CreateTopic and TagResource carry.
func tagsOf(f protocol.Form) []Tag {
	var tags []Tag
	for _, base := range f.Entries("Tags.member") {
		tags = append(tags, Tag{Key: f.Get(base + "Key"), Value: f.Get(base + "Value")})
	}
	return tags
}
