package sns

import (
	"context"
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/awsfake/awsfake/internal/arn"
)

// topic is one SNS topic. Its fields are guarded by Service.mu, except
// fanout, which serialises the fan-out of a FIFO topic's messages so that
// they reach every subscriber in sequence-number order.
type topic struct {
	arn, name string
	fifo      bool
	// owner is the account the topic belongs to; part its partition.
	owner string
	part  *partition
	// attrs holds the attributes set by CreateTopic and SetTopicAttributes,
	// as given; the computed ones are added by attributes.
	attrs          map[string]string
	delivery       *topicDeliveryPolicy // parsed DeliveryPolicy, nil if unset
	subs           sortedSet            // subscription ARNs
	deleted        int                  // SubscriptionsDeleted
	filterPolicies int                  // subscriptions with a filter policy
	tags           map[string]string
	dataProtection string
	dedup          dedupWindow
	seq            uint64 // last FIFO sequence number handed out
	fanout         sync.Mutex
}

// Topic name rules (CreateTopic): "Topic names must be made up of only
// uppercase and lowercase ASCII letters, numbers, underscores, and hyphens,
// and must be between 1 and 256 characters long. For a FIFO topic, the name
// must end with the .fifo suffix."
var (
	topicName     = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	fifoTopicName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,251}\.fifo$`)
)

// maxMessageSizeDefault is a topic's MaximumMessageSize unless set: 256 KiB.
const maxMessageSizeDefault = 262144

// topicAttributeNames are the attributes SetTopicAttributes accepts
// (SetTopicAttributes API reference); FifoTopic is accepted by CreateTopic
// only.
var topicAttributeNames = map[string]bool{
	"DeliveryPolicy": true, "DisplayName": true, "Policy": true, "TracingConfig": true,
	"KmsMasterKeyId": true, "SignatureVersion": true, "MaximumMessageSize": true,
	"ContentBasedDeduplication": true, "FifoThroughputScope": true, "ArchivePolicy": true,
	"HTTPSuccessFeedbackRoleArn": true, "HTTPSuccessFeedbackSampleRate": true, "HTTPFailureFeedbackRoleArn": true,
	"FirehoseSuccessFeedbackRoleArn": true, "FirehoseSuccessFeedbackSampleRate": true, "FirehoseFailureFeedbackRoleArn": true,
	"LambdaSuccessFeedbackRoleArn": true, "LambdaSuccessFeedbackSampleRate": true, "LambdaFailureFeedbackRoleArn": true,
	"ApplicationSuccessFeedbackRoleArn": true, "ApplicationSuccessFeedbackSampleRate": true, "ApplicationFailureFeedbackRoleArn": true,
	"SQSSuccessFeedbackRoleArn": true, "SQSSuccessFeedbackSampleRate": true, "SQSFailureFeedbackRoleArn": true,
}

// checkTopicAttribute validates one topic attribute and returns the value to
// store and the reason it is invalid, or "". A boolean is stored as
// parseBool reads it, "true" or "false". The parsed delivery policy is
// returned for DeliveryPolicy.
func checkTopicAttribute(name, value string, fifo bool) (stored, reason string, dp *topicDeliveryPolicy) {
	switch {
	case !topicAttributeNames[name]:
		return "", "AttributeName", nil
	case name == "DeliveryPolicy":
		if value == "" {
			return value, "", nil
		}
		p, err := parseTopicDeliveryPolicy(value)
		if err != nil {
			return "", "DeliveryPolicy: " + err.Error(), nil
		}
		return value, "", p
	case name == "ContentBasedDeduplication", name == "FifoThroughputScope", name == "ArchivePolicy":
		stored, reason = checkFifoTopicAttribute(name, value, fifo)
		return stored, reason, nil
	}
	return value, checkTopicValue(name, value), nil
}

// checkTopicValue returns the reason the value of an attribute that any
// topic has is invalid, or "".
func checkTopicValue(name, value string) string {
	switch {
	case name == "Policy":
		if value != "" && !json.Valid([]byte(value)) {
			return "Policy: failed to parse JSON."
		}
	case name == "DisplayName":
		if utf8.RuneCountInString(value) > 100 {
			return "DisplayName: must be at most 100 characters long"
		}
	case name == "SignatureVersion":
		if value != "1" && value != "2" {
			return "SignatureVersion: Invalid value [" + value + "]. Must be 1 or 2"
		}
	case name == "TracingConfig":
		if value != "PassThrough" && value != "Active" {
			return "TracingConfig: Invalid value [" + value + "]. Must be PassThrough or Active"
		}
	case name == "MaximumMessageSize":
		// "Valid values are 1024 to 1048576 (1 MiB)."
		n, err := strconv.Atoi(value)
		if err != nil || n < 1024 || n > 1048576 {
			return "MaximumMessageSize: Invalid value [" + value + "]. Must be between 1024 and 1048576"
		}
	case strings.HasSuffix(name, "SampleRate"):
		if n, err := strconv.Atoi(value); err != nil || n < 0 || n > 100 {
			return name + ": Invalid value [" + value + "]. Must be an integer between 0 and 100"
		}
	case strings.HasSuffix(name, "RoleArn"):
		if _, err := arn.Parse(value); value != "" && err != nil {
			return name + ": Invalid value [" + value + "]. Must be an IAM role ARN"
		}
	}
	return ""
}

// checkFifoTopicAttribute validates an attribute that only FIFO topics have
// and returns the value to store and the reason it is invalid, or "".
func checkFifoTopicAttribute(name, value string, fifo bool) (stored, reason string) {
	switch {
	case !fifo:
		return "", name + ": Invalid parameter for standard topics"
	case name == "ContentBasedDeduplication":
		b, ok := parseBool(value)
		if !ok {
			return "", invalidBool(name, value)
		}
		return boolString(b), ""
	case name == "FifoThroughputScope" && value != "Topic" && value != "MessageGroup":
		return "", "FifoThroughputScope: Invalid value [" + value + "]. Must be Topic or MessageGroup"
	case name == "ArchivePolicy" && value != "" && !json.Valid([]byte(value)):
		return "", "ArchivePolicy: failed to parse JSON."
	}
	return value, ""
}

// TopicInput names a topic.
type TopicInput struct {
	TopicArn string
}

// CreateTopicInput describes a topic to create.
type CreateTopicInput struct {
	// Name is the topic name; a FIFO topic's ends in .fifo.
	Name string
	// Attributes are initial topic attributes (FifoTopic, DeliveryPolicy,
	// DisplayName, ...).
	Attributes map[string]string
	// Tags are the topic's initial tags.
	Tags []Tag
	// DataProtectionPolicy is stored and returned by GetDataProtectionPolicy.
	DataProtectionPolicy string
}

// CreateTopicOutput holds the new topic's ARN.
type CreateTopicOutput struct {
	TopicArn string
}

// CreateTopic creates a topic, or returns the ARN of the existing topic of
// that name: CreateTopic is idempotent, but "if a topic with the same name
// exists with different attributes or tags, it returns an error".
func (s *Service) CreateTopic(ctx context.Context, in CreateTopicInput) (CreateTopicOutput, error) {
	sc, err := s.enter(ctx, "CreateTopic")
	if err != nil {
		return CreateTopicOutput{}, err
	}
	fifo, _ := parseBool(in.Attributes["FifoTopic"])
	if fifo && !fifoTopicName.MatchString(in.Name) {
		return CreateTopicOutput{}, invalidParameter("Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.")
	}
	if !fifo && !topicName.MatchString(in.Name) {
		return CreateTopicOutput{}, invalidParameter("Invalid parameter: Topic Name")
	}
	attrs := map[string]string{}
	var dp *topicDeliveryPolicy
	// In name order, so that of several bad attributes the same one is
	// reported every time, whatever the map's iteration order.
	for _, k := range slices.Sorted(maps.Keys(in.Attributes)) {
		if k == "FifoTopic" {
			if _, ok := parseBool(in.Attributes[k]); !ok {
				return CreateTopicOutput{}, invalidParameter("Invalid parameter: Attributes Reason: %s", invalidBool(k, in.Attributes[k]))
			}
			continue
		}
		v, reason, p := checkTopicAttribute(k, in.Attributes[k], fifo)
		if reason != "" {
			return CreateTopicOutput{}, invalidParameter("Invalid parameter: Attributes Reason: %s", reason)
		}
		if p != nil {
			dp = p
		}
		attrs[k] = v
	}
	if err := checkDataProtectionPolicy(in.DataProtectionPolicy); err != nil {
		return CreateTopicOutput{}, err
	}
	tags, err := checkTags(in.Tags)
	if err != nil {
		return CreateTopicOutput{}, err
	}
	topicArn := sc.ARN(arnService, in.Name)

	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.topics[topicArn]; t != nil {
		for k, v := range attrs {
			if t.attrs[k] != v {
				return CreateTopicOutput{}, invalidParameter("Invalid parameter: Attributes Reason: Topic already exists with different attributes")
			}
		}
		for k, v := range tags {
			if old, ok := t.tags[k]; !ok || old != v {
				return CreateTopicOutput{}, invalidParameter("Invalid parameter: Tags Reason: Topic already exists with different tags")
			}
		}
		return CreateTopicOutput{TopicArn: topicArn}, nil
	}
	if tags == nil {
		tags = map[string]string{}
	}
	part := s.partLocked(keyOf(sc))
	s.topics[topicArn] = &topic{arn: topicArn, name: in.Name, fifo: fifo, attrs: attrs, delivery: dp,
		tags: tags, dataProtection: in.DataProtectionPolicy, owner: sc.Account, part: part}
	part.topicArns.add(topicArn)
	return CreateTopicOutput{TopicArn: topicArn}, nil
}

// DeleteTopic deletes a topic and its subscriptions. Deleting a topic that
// does not exist succeeds, as in AWS ("this action is idempotent").
func (s *Service) DeleteTopic(ctx context.Context, in TopicInput) error {
	sc, err := s.enter(ctx, "DeleteTopic")
	if err != nil {
		return err
	}
	if err := checkTopicArn(sc.Region, in.TopicArn); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.topics[in.TopicArn]
	if t == nil {
		return nil
	}
	for _, subArn := range slices.Clone(t.subs) { // dropping edits t.subs
		s.dropSubscriptionLocked(s.subs[subArn])
	}
	delete(s.topics, in.TopicArn)
	t.part.topicArns.remove(in.TopicArn)
	return nil
}

// ListInput pages through a list.
type ListInput struct {
	NextToken string
}

// ListTopicsOutput is one page of topic ARNs.
type ListTopicsOutput struct {
	Topics    []string
	NextToken string
}

// ListTopics returns the topics' ARNs, up to 100 per page.
func (s *Service) ListTopics(ctx context.Context, in ListInput) (ListTopicsOutput, error) {
	sc, err := s.enter(ctx, "ListTopics")
	if err != nil {
		return ListTopicsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	page, next, err := s.viewLocked(keyOf(sc)).topicArns.page(in.NextToken, pageSize)
	if err != nil {
		return ListTopicsOutput{}, err
	}
	return ListTopicsOutput{Topics: page, NextToken: next}, nil
}

// AttributesOutput is a map of attributes.
type AttributesOutput struct {
	Attributes map[string]string
}

// GetTopicAttributes returns every attribute of a topic: those set, and the
// computed Owner, TopicArn, Policy, EffectiveDeliveryPolicy and subscription
// counts.
func (s *Service) GetTopicAttributes(ctx context.Context, in TopicInput) (AttributesOutput, error) {
	sc, err := s.enter(ctx, "GetTopicAttributes")
	if err != nil {
		return AttributesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.topicLocked(sc.Region, in.TopicArn)
	if err != nil {
		return AttributesOutput{}, err
	}
	confirmed, pending := 0, 0
	for _, arn := range t.subs {
		if s.subs[arn].pending {
			pending++
		} else {
			confirmed++
		}
	}
	a := map[string]string{
		"TopicArn":                t.arn,
		"Owner":                   t.owner,
		"Policy":                  s.policyLocked(t),
		"DisplayName":             "",
		"SubscriptionsConfirmed":  strconv.Itoa(confirmed),
		"SubscriptionsPending":    strconv.Itoa(pending),
		"SubscriptionsDeleted":    strconv.Itoa(t.deleted),
		"EffectiveDeliveryPolicy": effectiveTopicPolicyJSON(t.delivery),
	}
	if t.fifo {
		a["FifoTopic"] = "true"
		a["ContentBasedDeduplication"] = "false"
	}
	for k, v := range t.attrs {
		a[k] = v
	}
	return AttributesOutput{Attributes: a}, nil
}

// SetAttributeInput sets one attribute of a topic or subscription.
type SetAttributeInput struct {
	// Arn is the TopicArn or SubscriptionArn.
	Arn            string
	AttributeName  string
	AttributeValue string
}

// SetTopicAttributes sets one topic attribute. An empty value removes an
// optional attribute such as DeliveryPolicy.
func (s *Service) SetTopicAttributes(ctx context.Context, in SetAttributeInput) error {
	sc, err := s.enter(ctx, "SetTopicAttributes")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.topicLocked(sc.Region, in.Arn)
	if err != nil {
		return err
	}
	v, reason, dp := checkTopicAttribute(in.AttributeName, in.AttributeValue, t.fifo)
	if reason != "" {
		return invalidParameter("Invalid parameter: %s", reason)
	}
	if in.AttributeName == "DeliveryPolicy" {
		t.delivery = dp
	}
	if v == "" {
		delete(t.attrs, in.AttributeName)
		return nil
	}
	t.attrs[in.AttributeName] = v
	return nil
}

// checkTopicArn rejects what cannot be a topic ARN for a caller in region:
// AWS answers InvalidParameter for a malformed ARN or one of another region
// (a topic is reached through its own region's endpoint). The account may
// be another: the topic is looked up in the ARN's own account.
func checkTopicArn(region, topicArn string) error {
	if topicArn == "" {
		return missing("TopicArn")
	}
	a, err := arn.Parse(topicArn)
	if err != nil {
		return invalidParameter("Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not %d", strings.Count(topicArn, ":")+1)
	}
	if a.Service != arnService || a.Region != region || strings.Contains(a.Resource, ":") {
		return invalidParameter("Invalid parameter: TopicArn")
	}
	return nil
}

// topicLocked returns the topic named by topicArn for a caller in region,
// or AWS's error.
func (s *Service) topicLocked(region, topicArn string) (*topic, error) {
	if err := checkTopicArn(region, topicArn); err != nil {
		return nil, err
	}
	t := s.topics[topicArn]
	if t == nil {
		return nil, notFound("Topic")
	}
	return t, nil
}
