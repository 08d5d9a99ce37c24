package s3

import (
	"context"
	"encoding/base64"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
)

// NotificationConfiguration says which events of a bucket go where.
type NotificationConfiguration struct {
	QueueConfigurations          []QueueConfiguration
	TopicConfigurations          []TopicConfiguration
	LambdaFunctionConfigurations []LambdaFunctionConfiguration
	// EventBridge sends the bucket's object events to the default event
	// bus of its account and region (events_eventbridge.go).
	EventBridge bool
}

// QueueConfiguration sends events to an SQS queue.
type QueueConfiguration struct {
	Id       string // assigned by S3 when empty
	QueueArn string
	Events   []string // s3:ObjectCreated:*, s3:ObjectRemoved:Delete, ...
	Filter   []FilterRule
}

// TopicConfiguration sends events to an SNS topic.
type TopicConfiguration struct {
	Id       string
	TopicArn string
	Events   []string
	Filter   []FilterRule
}

// LambdaFunctionConfiguration invokes a Lambda function with events.
type LambdaFunctionConfiguration struct {
	Id                string
	LambdaFunctionArn string
	Events            []string
	Filter            []FilterRule
}

// FilterRule limits a configuration to keys with a prefix or a suffix:
// Name is "prefix" or "suffix".
type FilterRule struct {
	Name, Value string
}

// notificationEvents are the event types S3 accepts in a configuration.
// The fake sends ObjectCreated, ObjectRemoved and ObjectTagging events; the
// others never happen in it.
var notificationEvents = []string{
	"s3:ReducedRedundancyLostObject",
	"s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
	"s3:ObjectCreated:CompleteMultipartUpload",
	"s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
	"s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete",
	"s3:Replication:*", "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked",
	"s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
	"s3:LifecycleTransition", "s3:IntelligentTiering", "s3:ObjectAcl:Put",
	"s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated",
	"s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete",
}

// destination is one configuration of any kind.
type destination struct {
	kind   string // Queue, Topic or CloudFunction: the XML element naming the ARN
	arn    string
	id     string
	events []string
	prefix string
	suffix string
}

// destinations flattens c.
func (c NotificationConfiguration) destinations() []destination {
	var out []destination
	for _, q := range c.QueueConfigurations {
		out = append(out, newDestination("Queue", q.QueueArn, q.Id, q.Events, q.Filter))
	}
	for _, t := range c.TopicConfigurations {
		out = append(out, newDestination("Topic", t.TopicArn, t.Id, t.Events, t.Filter))
	}
	for _, l := range c.LambdaFunctionConfigurations {
		out = append(out, newDestination("CloudFunction", l.LambdaFunctionArn, l.Id, l.Events, l.Filter))
	}
	return out
}

func newDestination(kind, target, id string, events []string, rules []FilterRule) destination {
	d := destination{kind: kind, arn: target, id: id, events: events}
	for _, r := range rules {
		switch strings.ToLower(r.Name) {
		case "prefix":
			d.prefix = r.Value
		case "suffix":
			d.suffix = r.Value
		}
	}
	return d
}

// wants reports whether the destination takes event name (ObjectCreated:Put)
// for key.
func (d destination) wants(name, key string) bool {
	if !strings.HasPrefix(key, d.prefix) || !strings.HasSuffix(key, d.suffix) {
		return false
	}
	for _, e := range d.events {
		if eventCovers(e, "s3:"+name) {
			return true
		}
	}
	return false
}

// eventCovers reports whether configured event type pattern covers event
// type e: equal, or pattern is the family wildcard (s3:ObjectCreated:*).
func eventCovers(pattern, e string) bool {
	if fam, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(e, fam)
	}
	return pattern == e
}

// eventsOverlap reports whether two configured event types can both match
// one event.
func eventsOverlap(a, b string) bool { return eventCovers(a, b) || eventCovers(b, a) }

// service returns the ARN service a destination of this kind must have.
func (d destination) service() string {
	switch d.kind {
	case "Queue":
		return "sqs"
	case "Topic":
		return "sns"
	}
	return "lambda"
}

// validate checks c as S3 does for a bucket in region and assigns missing
// ids. A destination in another region is refused, as S3 refuses it.
func (s *Service) validateNotification(c *NotificationConfiguration, region string) error {
	ds := c.destinations()
	for _, d := range ds {
		a, err := arn.Parse(d.arn)
		if err != nil || a.Service != d.service() {
			msg := "The ARN is not well formed"
			if err != nil { // recorded: TestS3NotificationsToSQS::test_invalid_sqs_arn
				msg = "The ARN could not be parsed"
			}
			return withFields(errs.New(codeInvalidArgument, "%s", msg), "ArgumentName", d.kind, "ArgumentValue", d.arn)
		}
		if a.Region != region {
			e := errs.New(codeInvalidArgument, "The notification destination service region is not valid for the bucket location constraint")
			e.Fields = map[string]string{"ArgumentName": d.kind, "ArgumentValue": d.arn}
			return e
		}
		if d.kind == "Queue" && strings.HasSuffix(a.Resource, ".fifo") {
			// "Amazon SQS FIFO queues aren't supported as an Amazon S3
			// event notification destination" (S3 User Guide).
			return errs.New(codeInvalidArgument, "FIFO SQS queues are not supported.")
		}
		if len(d.events) == 0 {
			return malformedXML()
		}
		for _, ev := range d.events {
			if !slices.Contains(notificationEvents, ev) {
				return invalidArgument("Event", ev, "The event is not supported for notifications")
			}
		}
	}
	for _, rules := range c.filters() {
		if err := validateFilter(rules); err != nil {
			return err
		}
	}
	for i := range ds {
		for j := i + 1; j < len(ds); j++ {
			if overlap(ds[i], ds[j]) {
				return invalidArgument("Event", ds[i].events[0],
					"Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.")
			}
		}
	}
	s.assignIDs(c)
	return nil
}

// filters returns the filter rules of every configuration of c.
func (c NotificationConfiguration) filters() [][]FilterRule {
	var out [][]FilterRule
	for _, q := range c.QueueConfigurations {
		out = append(out, q.Filter)
	}
	for _, t := range c.TopicConfigurations {
		out = append(out, t.Filter)
	}
	for _, l := range c.LambdaFunctionConfigurations {
		out = append(out, l.Filter)
	}
	return out
}

// validateFilter allows one prefix and one suffix rule, with S3's messages.
func validateFilter(rules []FilterRule) error {
	seen := map[string]bool{}
	for _, r := range rules {
		n := strings.ToLower(r.Name)
		if n != "prefix" && n != "suffix" {
			return invalidArgument("FilterRule.Name", r.Name, "filter rule name must be either prefix or suffix")
		}
		if seen[n] {
			return invalidArgument("FilterRule.Name", r.Name, "Cannot specify more than one "+n+" rule in a filter.")
		}
		seen[n] = true
	}
	return nil
}

// overlap reports whether two configurations could both match one event:
// S3 refuses those ("Configuration is ambiguously defined").
func overlap(a, b destination) bool {
	if !strings.HasPrefix(a.prefix, b.prefix) && !strings.HasPrefix(b.prefix, a.prefix) {
		return false
	}
	if !strings.HasSuffix(a.suffix, b.suffix) && !strings.HasSuffix(b.suffix, a.suffix) {
		return false
	}
	for _, x := range a.events {
		for _, y := range b.events {
			if eventsOverlap(x, y) {
				return true
			}
		}
	}
	return false
}

// assignIDs gives every configuration without an id one, as S3 does: the
// base64 of a UUID.
func (s *Service) assignIDs(c *NotificationConfiguration) {
	id := func(cur *string) {
		if *cur == "" {
			*cur = base64.StdEncoding.EncodeToString([]byte(s.env.IDs.UUID()))
		}
	}
	for i := range c.QueueConfigurations {
		id(&c.QueueConfigurations[i].Id)
	}
	for i := range c.TopicConfigurations {
		id(&c.TopicConfigurations[i].Id)
	}
	for i := range c.LambdaFunctionConfigurations {
		id(&c.LambdaFunctionConfigurations[i].Id)
	}
}

// PutBucketNotificationConfigurationInput replaces a bucket's notification
// configuration.
type PutBucketNotificationConfigurationInput struct {
	Bucket                    string
	NotificationConfiguration NotificationConfiguration
	// SkipDestinationValidation leaves destinations unchecked and sends no
	// test event (x-amz-skip-destination-validation).
	SkipDestinationValidation bool
}

// PutBucketNotificationConfigurationOutput is the (empty) answer.
type PutBucketNotificationConfigurationOutput struct{}

// PutBucketNotificationConfiguration replaces a bucket's notification
// configuration, atomically. As S3 does it checks the ARNs, the event
// types and the filters, refuses overlapping configurations, then sends an
// s3:TestEvent to every queue and topic ("Amazon S3 sends test messages to
// your SNS topic. If the message fails, the entire PUT action will fail"),
// through the bus; a destination that refuses it, or does not exist, fails
// the call with InvalidArgument "Unable to validate the following
// destination configurations". Lambda destinations are not checked: S3
// checks the function's permissions, which the fake cannot ask for.
func (s *Service) PutBucketNotificationConfiguration(ctx context.Context, in PutBucketNotificationConfigurationInput) (PutBucketNotificationConfigurationOutput, error) {
	sc, err := s.enter(ctx, "PutBucketNotificationConfiguration", in.Bucket, "")
	if err != nil {
		return PutBucketNotificationConfigurationOutput{}, err
	}
	c := cloneNotification(in.NotificationConfiguration)
	var region, owner string
	if err := s.withBucket(sc, in.Bucket, func(b *bucket) error { region, owner = b.region, b.account; return nil }); err != nil {
		return PutBucketNotificationConfigurationOutput{}, err
	}
	if err := s.validateNotification(&c, region); err != nil {
		return PutBucketNotificationConfigurationOutput{}, err
	}
	if !in.SkipDestinationValidation {
		if err := s.testDestinations(ctx, sc.Partition, owner, in.Bucket, c); err != nil {
			return PutBucketNotificationConfigurationOutput{}, err
		}
	}
	return PutBucketNotificationConfigurationOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.notification = c
		return nil
	})
}

// testDestinations sends the s3:TestEvent to each queue and topic and
// names those that refuse it, each with S3's reason: a queue that does not
// exist "The destination queue does not exist" (recorded:
// TestS3NotificationsToSQS::test_multiple_invalid_sqs_arns), any other
// refusal the permissions message.
func (s *Service) testDestinations(ctx context.Context, partition, owner, bucketName string, c NotificationConfiguration) error {
	req := s.requesterOf(ctx)
	body := testEvent(bucketName, s.now(), req)
	e := errs.New(codeInvalidArgument, "Unable to validate the following destination configurations")
	e.Fields = map[string]string{}
	n := 0
	for _, d := range c.destinations() {
		if d.kind == "CloudFunction" {
			continue
		}
		m := message(partition, owner, bucketName, d, body)
		_, err := s.env.Bus.Invoke(ctx, d.arn, m)
		s.record(Notification{Target: d.arn, Event: "s3:TestEvent", Bucket: bucketName, Body: body, Err: err})
		if err == nil {
			continue
		}
		n++
		what := "queue"
		if d.kind == "Topic" {
			what = "topic"
		}
		reason := "Permissions on the destination " + what + " do not allow S3 to publish notifications from this bucket"
		if d.kind == "Queue" && (errors.Is(err, bus.ErrNoEndpoint) || awserr.Is(err, "QueueDoesNotExist")) {
			reason = "The destination queue does not exist"
		}
		e.Fields["ArgumentName"+strconv.Itoa(n)] = d.arn
		e.Fields["ArgumentValue"+strconv.Itoa(n)] = reason
	}
	if n == 0 {
		return nil
	}
	return e
}

// message builds what the bus carries to a destination: the event document,
// sent by the bucket (of partition, owned by account owner) as
// s3.amazonaws.com, with the S3 subject for a topic.
func message(partition, owner, bucketName string, d destination, body []byte) bus.Message {
	m := bus.Message{
		Source: bucketARN(partition, bucketName), Principal: "s3.amazonaws.com", Body: body,
		Meta: map[string]string{bus.MetaSourceAccount: owner},
	}
	if d.kind == "Topic" {
		m.Meta[bus.MetaSubject] = "Amazon S3 Notification"
	}
	return m
}

// bucketARN is a bucket's ARN: S3 bucket ARNs have no region or account.
func bucketARN(partition, name string) string { return arn.Build(partition, arnService, "", "", name) }

// GetBucketNotificationConfigurationInput names the bucket.
type GetBucketNotificationConfigurationInput struct {
	Bucket string
}

// GetBucketNotificationConfiguration returns a bucket's notification
// configuration, empty when none was set.
func (s *Service) GetBucketNotificationConfiguration(ctx context.Context, in GetBucketNotificationConfigurationInput) (NotificationConfiguration, error) {
	sc, err := s.enter(ctx, "GetBucketNotificationConfiguration", in.Bucket, "")
	if err != nil {
		return NotificationConfiguration{}, err
	}
	var out NotificationConfiguration
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		out = cloneNotification(b.notification)
		return nil
	})
	return out, err
}

func cloneNotification(c NotificationConfiguration) NotificationConfiguration {
	out := NotificationConfiguration{EventBridge: c.EventBridge}
	for _, q := range c.QueueConfigurations {
		q.Events, q.Filter = slices.Clone(q.Events), slices.Clone(q.Filter)
		out.QueueConfigurations = append(out.QueueConfigurations, q)
	}
	for _, t := range c.TopicConfigurations {
		t.Events, t.Filter = slices.Clone(t.Events), slices.Clone(t.Filter)
		out.TopicConfigurations = append(out.TopicConfigurations, t)
	}
	for _, l := range c.LambdaFunctionConfigurations {
		l.Events, l.Filter = slices.Clone(l.Events), slices.Clone(l.Filter)
		out.LambdaFunctionConfigurations = append(out.LambdaFunctionConfigurations, l)
	}
	return out
}
