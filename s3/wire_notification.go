package s3

import (
	"encoding/xml"
	"net/http"
	"strings"
)

type notificationXML struct {
	XMLName     xml.Name  `xml:"NotificationConfiguration"`
	Xmlns       string    `xml:"xmlns,attr,omitempty"`
	Topics      []destXML `xml:"TopicConfiguration"`
	Queues      []destXML `xml:"QueueConfiguration"`
	Functions   []destXML `xml:"CloudFunctionConfiguration"`
	EventBridge *struct{} `xml:"EventBridgeConfiguration"`
}

// destXML is a TopicConfiguration, QueueConfiguration or
// CloudFunctionConfiguration (LambdaFunctionConfiguration in the SDKs).
type destXML struct {
	Id            string     `xml:"Id,omitempty"`
	Topic         string     `xml:"Topic,omitempty"`
	Queue         string     `xml:"Queue,omitempty"`
	CloudFunction string     `xml:"CloudFunction,omitempty"`
	Events        []string   `xml:"Event"`
	Filter        *filterXML `xml:"Filter"`
}

type filterXML struct {
	Rules []filterRuleXML `xml:"S3Key>FilterRule"`
}

type filterRuleXML struct {
	Name  string `xml:"Name"`
	Value string `xml:"Value"`
}

func (d destXML) rules() []FilterRule {
	if d.Filter == nil {
		return nil
	}
	out := make([]FilterRule, len(d.Filter.Rules))
	for i, r := range d.Filter.Rules {
		out[i] = FilterRule(r)
	}
	return out
}

func filterDoc(rules []FilterRule) *filterXML {
	if len(rules) == 0 {
		return nil
	}
	f := &filterXML{}
	for _, r := range rules {
		f.Rules = append(f.Rules, filterRuleXML(r))
	}
	return f
}

func (d notificationXML) configuration() NotificationConfiguration {
	c := NotificationConfiguration{EventBridge: d.EventBridge != nil}
	for _, x := range d.Queues {
		c.QueueConfigurations = append(c.QueueConfigurations, QueueConfiguration{Id: x.Id, QueueArn: x.Queue, Events: x.Events, Filter: x.rules()})
	}
	for _, x := range d.Topics {
		c.TopicConfigurations = append(c.TopicConfigurations, TopicConfiguration{Id: x.Id, TopicArn: x.Topic, Events: x.Events, Filter: x.rules()})
	}
	for _, x := range d.Functions {
		c.LambdaFunctionConfigurations = append(c.LambdaFunctionConfigurations,
			LambdaFunctionConfiguration{Id: x.Id, LambdaFunctionArn: x.CloudFunction, Events: x.Events, Filter: x.rules()})
	}
	return c
}

func notificationDoc(c NotificationConfiguration) notificationXML {
	d := notificationXML{Xmlns: xmlns}
	for _, x := range c.TopicConfigurations {
		d.Topics = append(d.Topics, destXML{Id: x.Id, Topic: x.TopicArn, Events: x.Events, Filter: filterDoc(x.Filter)})
	}
	for _, x := range c.QueueConfigurations {
		d.Queues = append(d.Queues, destXML{Id: x.Id, Queue: x.QueueArn, Events: x.Events, Filter: filterDoc(x.Filter)})
	}
	for _, x := range c.LambdaFunctionConfigurations {
		d.Functions = append(d.Functions, destXML{Id: x.Id, CloudFunction: x.LambdaFunctionArn, Events: x.Events, Filter: filterDoc(x.Filter)})
	}
	if c.EventBridge {
		d.EventBridge = &struct{}{}
	}
	return d
}

func (s *Service) putBucketNotification(w http.ResponseWriter, r *http.Request, t target) error {
	var doc notificationXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	if _, err := s.PutBucketNotificationConfiguration(r.Context(), PutBucketNotificationConfigurationInput{
		Bucket: t.bucket, NotificationConfiguration: doc.configuration(),
		SkipDestinationValidation: strings.EqualFold(r.Header.Get("x-amz-skip-destination-validation"), "true"),
	}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketNotification(w http.ResponseWriter, r *http.Request, t target) error {
	c, err := s.GetBucketNotificationConfiguration(r.Context(), GetBucketNotificationConfigurationInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, notificationDoc(c))
}
