package sns

import (
	"context"
	"encoding/json"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// PublishInput is a message to publish to a topic (TopicArn or TargetArn),
// a platform endpoint (TargetArn) or a phone number.
type PublishInput struct {
	TopicArn    string
	TargetArn   string
	PhoneNumber string
	Message     string
	// Subject is the email subject, also carried in JSON envelopes.
	Subject string
	// MessageStructure "json" makes Message a JSON object of per-protocol
	// messages with a "default".
	MessageStructure       string
	MessageAttributes      map[string]MessageAttributeValue
	MessageDeduplicationId string
	MessageGroupId         string
	trace                  string // the publisher's X-Amzn-Trace-Id (trace.go)
}

// PublishOutput identifies the published message.
type PublishOutput struct {
	MessageId string
	// SequenceNumber is set for FIFO topics.
	SequenceNumber string
}

// Publish sends a message to every subscriber of a topic whose filter policy
// accepts it, or to one platform endpoint or phone number. Deliveries to SQS
// and Lambda go through the bus, HTTP/S deliveries to the HTTP worker, and
// email, SMS and mobile pushes to the outbox; Publish returns once they are
// queued (cloud.Settle waits for them).
func (s *Service) Publish(ctx context.Context, in PublishInput) (PublishOutput, error) {
	sc, err := s.enter(ctx, "Publish")
	if err != nil {
		return PublishOutput{}, err
	}
	in.trace = xtrace.From(ctx)
	return s.publish(sc, in)
}

// publish publishes for a caller in sc: a topic or endpoint is looked up by
// its ARN (in the ARN's account), a phone number's opt-outs are the caller's.
func (s *Service) publish(sc faults.Scope, in PublishInput) (PublishOutput, error) {
	if err := checkSubject(in.Subject); err != nil {
		return PublishOutput{}, err
	}
	if in.Message == "" {
		return PublishOutput{}, invalidParameter("Invalid parameter: Empty message")
	}
	set := 0
	for _, v := range []string{in.TopicArn, in.TargetArn, in.PhoneNumber} {
		if v != "" {
			set++
		}
	}
	switch {
	case set == 0:
		return PublishOutput{}, missing("TopicArn or TargetArn")
	case set > 1:
		return PublishOutput{}, invalidParameter("Invalid parameter: TopicArn or TargetArn Reason: Only one of TopicArn, TargetArn or PhoneNumber may be specified")
	}
	e := entry{message: in.Message, subject: in.Subject, structure: in.MessageStructure, attrs: in.MessageAttributes,
		groupID: in.MessageGroupId, dedupID: in.MessageDeduplicationId, trace: in.trace}
	if in.PhoneNumber != "" {
		return s.publishSMS(keyOf(sc), in.PhoneNumber, e)
	}
	if in.TargetArn != "" && isEndpointArn(in.TargetArn) {
		return s.publishToEndpoint(in.TargetArn, e)
	}
	topicArn := in.TopicArn
	if topicArn == "" {
		topicArn = in.TargetArn
	}
	outs, err := s.publishToTopic(sc.Region, topicArn, []entry{e}, false)
	if err != nil {
		return PublishOutput{}, err
	}
	return outs[0], nil
}

// entry is one message to publish: Publish's input or a PublishBatch entry.
type entry struct {
	message, subject, structure string
	attrs                       map[string]MessageAttributeValue
	groupID, dedupID            string
	trace                       string
}

// topicSettings are the topic attributes a publish needs, read under the
// lock.
type topicSettings struct {
	fifo, contentDedup, groupScope bool
	maxSize                        int
	sigVersion                     string
}

func (t *topic) settings() topicSettings {
	ts := topicSettings{
		fifo:         t.fifo,
		contentDedup: t.attrs["ContentBasedDeduplication"] == "true", // stored as parseBool read it
		groupScope:   t.attrs["FifoThroughputScope"] == "MessageGroup",
		maxSize:      maxMessageSizeDefault,
		sigVersion:   "1",
	}
	if n, err := strconv.Atoi(t.attrs["MaximumMessageSize"]); err == nil {
		ts.maxSize = n
	}
	if v := t.attrs["SignatureVersion"]; v != "" {
		ts.sigVersion = v
	}
	return ts
}

// checkSubject applies "Subjects must be UTF-8 text with no line breaks or
// control characters, and less than 100 characters long."
func checkSubject(subject string) error {
	if !utf8.ValidString(subject) || utf8.RuneCountInString(subject) > 100 ||
		strings.IndexFunc(subject, unicode.IsControl) >= 0 {
		return invalidParameter("Invalid parameter: Subject")
	}
	return nil
}

// prepare validates one entry for a topic and returns its message, without
// id, time or sequence number. position > 0 is a PublishBatch entry's.
func prepare(topicArn string, ts topicSettings, e entry, position int) (*message, error) {
	if err := checkSubject(e.subject); err != nil {
		return nil, err
	}
	if e.message == "" {
		return nil, invalidParameter("Invalid parameter: Empty message")
	}
	if err := checkAttributes(e.attrs, position); err != nil {
		return nil, err
	}
	if publishSize(e.message, e.attrs) > ts.maxSize {
		return nil, invalidParameter("Invalid parameter: Message too long")
	}
	m := &message{topicArn: topicArn, fifo: ts.fifo, subject: e.subject, text: e.message, attrs: maps.Clone(e.attrs),
		sigVersion: ts.sigVersion, trace: e.trace}
	if err := m.parseStructure(e.structure); err != nil {
		return nil, err
	}
	if e.groupID != "" && !fifoID.MatchString(e.groupID) {
		return nil, invalidParameter("Invalid parameter: MessageGroupId Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.")
	}
	if e.dedupID != "" && !fifoID.MatchString(e.dedupID) {
		return nil, invalidParameter("Invalid parameter: MessageDeduplicationId Reason: MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.")
	}
	if !ts.fifo {
		if e.dedupID != "" {
			return nil, invalidParameter("Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type")
		}
		// "For standard topics: The MessageGroupId is optional and is
		// forwarded only to Amazon SQS standard subscriptions."
		m.groupID = e.groupID
		return m, nil
	}
	if e.groupID == "" {
		return nil, invalidParameter("Invalid parameter: The MessageGroupId parameter is required for FIFO topics")
	}
	m.groupID, m.dedupID = e.groupID, e.dedupID
	if m.dedupID == "" {
		if !ts.contentDedup {
			return nil, invalidParameter("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
		}
		m.dedupID = contentDedupID(e.message)
	}
	return m, nil
}

// parseStructure applies MessageStructure: "json" makes the message a JSON
// object whose string values are per-protocol messages, with a "default";
// non-string values are ignored.
func (m *message) parseStructure(structure string) error {
	switch structure {
	case "":
		return nil
	case "json":
	default:
		return invalidParameter("Invalid parameter: MessageStructure")
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(m.text), &obj); err != nil {
		return invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse")
	}
	m.perProtocol = map[string]string{}
	for k, v := range obj {
		if s, ok := v.(string); ok {
			m.perProtocol[k] = s
		}
	}
	if _, ok := m.perProtocol["default"]; !ok {
		return invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body")
	}
	return nil
}

// publishToTopic validates the entries, assigns ids (and, on a FIFO topic,
// sequence numbers, dropping duplicates), and fans every new message out to
// the topic's confirmed subscriptions. A FIFO topic's fan-outs are
// serialised, so that every subscriber sees its messages in order.
func (s *Service) publishToTopic(region, topicArn string, entries []entry, batch bool) ([]PublishOutput, error) {
	s.mu.Lock()
	t, err := s.topicLocked(region, topicArn)
	var ts topicSettings
	if err == nil {
		ts = t.settings()
	}
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	msgs := make([]*message, len(entries))
	total := 0
	for i, e := range entries {
		position := 0
		if batch {
			position = i + 1
		}
		if msgs[i], err = prepare(topicArn, ts, e, position); err != nil {
			return nil, err
		}
		msgs[i].size = publishSize(e.message, e.attrs)
		total += msgs[i].size
	}
	if batch && total > ts.maxSize {
		return nil, batchTooLong()
	}

	if t.fifo {
		t.fanout.Lock()
		defer t.fanout.Unlock()
	}
	now := s.env.Clock.Now()
	outs := make([]PublishOutput, len(msgs))
	s.mu.Lock()
	if s.topics[topicArn] != t {
		s.mu.Unlock()
		return nil, notFound("Topic")
	}
	fresh := msgs[:0:0]
	for i, m := range msgs {
		m.at = now
		if t.fifo {
			key := m.dedupID
			if ts.groupScope {
				key = m.groupID + "\x00" + m.dedupID
			}
			if dup, ok := t.dedup.lookup(key, now); ok {
				outs[i] = PublishOutput{MessageId: dup.messageID, SequenceNumber: dup.seq}
				continue
			}
			t.seq++
			m.seq = sequenceNumber(t.seq)
			m.id = s.env.IDs.UUID()
			t.dedup.add(key, dedupEntry{expires: now.Add(dedupInterval), messageID: m.id, seq: m.seq})
		} else {
			m.id = s.env.IDs.UUID()
		}
		outs[i] = PublishOutput{MessageId: m.id, SequenceNumber: m.seq}
		fresh = append(fresh, m)
	}
	targets := s.targetsLocked(t)
	s.mu.Unlock()

	for _, m := range fresh {
		s.metricPublished(topicArn, m.size)
		s.fanOut(m, targets)
	}
	return outs, nil
}

// PublishBatchInput publishes up to ten messages to a topic.
type PublishBatchInput struct {
	TopicArn string
	Entries  []PublishBatchEntry
}

// PublishBatchEntry is one message of a batch.
type PublishBatchEntry struct {
	// Id identifies the entry in the result: up to 80 letters, digits,
	// hyphens and underscores, distinct within the batch.
	Id                     string
	Message                string
	Subject                string
	MessageStructure       string
	MessageAttributes      map[string]MessageAttributeValue
	MessageDeduplicationId string
	MessageGroupId         string
}

// PublishBatchOutput reports each entry's outcome. Failed stays empty: a
// malformed entry fails the whole batch, as it does in AWS.
type PublishBatchOutput struct {
	Successful []PublishBatchResult
	Failed     []BatchResultError
}

// PublishBatchResult is an entry that was published.
type PublishBatchResult struct {
	Id, MessageId, SequenceNumber string
}

// BatchResultError is an entry that was not published.
type BatchResultError struct {
	Id, Code, Message string
	SenderFault       bool
}

// maxBatchEntries: "Publishes up to 10 messages to the specified topic in a
// single batch."
const maxBatchEntries = 10

var batchEntryID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,80}$`)

// PublishBatch publishes up to ten messages, in order. As AWS does, it
// rejects the whole batch when an entry is malformed, and when "the combined
// size of all messages in the batch, including each message's body and
// attributes" exceeds the topic's MaximumMessageSize.
func (s *Service) PublishBatch(ctx context.Context, in PublishBatchInput) (PublishBatchOutput, error) {
	sc, err := s.enter(ctx, "PublishBatch")
	if err != nil {
		return PublishBatchOutput{}, err
	}
	switch {
	case len(in.Entries) == 0:
		return PublishBatchOutput{}, batchError("EmptyBatchRequest")
	case len(in.Entries) > maxBatchEntries:
		return PublishBatchOutput{}, batchError("TooManyEntriesInBatchRequest")
	}
	if err := checkTopicArn(sc.Region, in.TopicArn); err != nil {
		return PublishBatchOutput{}, err
	}
	seen := map[string]bool{}
	entries := make([]entry, len(in.Entries))
	for i, e := range in.Entries {
		if seen[e.Id] {
			return PublishBatchOutput{}, batchError("BatchEntryIdsNotDistinct")
		}
		seen[e.Id] = true
		if !batchEntryID.MatchString(e.Id) {
			if len(e.Id) > 80 {
				return PublishBatchOutput{}, invalidBatchEntryID("The Id of a batch entry in the batch request is too long: %s", e.Id)
			}
			return PublishBatchOutput{}, invalidBatchEntryID("The Id of a batch entry in the batch request contains an impermissible character: %s", e.Id)
		}
		entries[i] = entry{message: e.Message, subject: e.Subject, structure: e.MessageStructure, attrs: e.MessageAttributes,
			groupID: e.MessageGroupId, dedupID: e.MessageDeduplicationId}
	}
	outs, err := s.publishToTopic(sc.Region, in.TopicArn, entries, true)
	if err != nil {
		return PublishBatchOutput{}, err
	}
	out := PublishBatchOutput{Successful: make([]PublishBatchResult, len(outs))}
	for i, o := range outs {
		out.Successful[i] = PublishBatchResult{Id: in.Entries[i].Id, MessageId: o.MessageId, SequenceNumber: o.SequenceNumber}
	}
	return out, nil
}

// isEndpointArn tells a platform endpoint ARN (…:endpoint/GCM/app/id) from a
// topic ARN.
func isEndpointArn(s string) bool {
	a, err := arn.Parse(s)
	return err == nil && a.Service == "sns" && strings.HasPrefix(a.Resource, "endpoint/")
}
