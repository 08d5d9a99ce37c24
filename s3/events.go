package s3

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Notification is an event S3 sent to a destination, recorded for
// assertions: every ObjectCreated, ObjectRemoved and ObjectTagging event,
// and the s3:TestEvent sent when a configuration is written.
type Notification struct {
	Target          string // the queue, topic or function ARN
	ConfigurationID string
	Event           string // ObjectCreated:Put, s3:TestEvent, ...
	Bucket, Key     string
	Body            []byte // the JSON document sent
	// Err is the destination's refusal of a test event; event deliveries
	// are asynchronous and fail, if they do, in the cloud's
	// DeliveryFailures.
	Err error
}

// Notifications returns the events sent so far, oldest first: the newest,
// at most 10,000 (record.Keep) and within the cloud's record byte budget
// (awsfake.WithRecordBytes), each counting its JSON document; the newest is
// always kept.
func (s *Service) Notifications() []Notification {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.notices.All()
}

func (s *Service) record(n Notification) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.notices.Add(n)
}

// pendingEvent is an event decided under the service lock, in commit
// order, and sent once the lock is released.
type pendingEvent struct {
	bucket    string
	region    string
	partition string
	owner     string // the bucket's account
	dest      destination
	name      string // ObjectCreated:Put
	key       string
	size      int64
	withSize  bool // created events carry size and eTag
	etag      string
	versionID string
	sequencer string
	at        time.Time
	req       requester
	eventID   string // an EventBridge event's id (events_eventbridge.go)
}

// event returns the deliveries an event on o causes under b's notification
// configuration, one per matching destination. The caller holds s.mu.
func (s *Service) event(b *bucket, name string, o *object, req requester) []pendingEvent {
	var out []pendingEvent
	for _, d := range b.notification.destinations() {
		if !d.wants(name, o.key) {
			continue
		}
		if out == nil {
			s.sequence++
		}
		e := pendingEvent{
			bucket: b.name, region: b.region, partition: b.partition, owner: b.account, dest: d, name: name, key: o.key,
			sequencer: fmt.Sprintf("%016X", s.sequence), at: s.now(), req: req,
		}
		if o.versionID != "null" {
			e.versionID = o.versionID
		}
		if !o.deleteMarker && !strings.HasPrefix(name, "ObjectRemoved:") && !strings.HasPrefix(name, "LifecycleExpiration:") {
			e.withSize, e.size, e.etag = true, o.size(), strings.Trim(o.etag, `"`)
		}
		out = append(out, e)
	}
	if b.notification.EventBridge {
		out = s.eventBridgeEvent(out, b, name, o, req)
	}
	return out
}

// publish posts events to their destinations through the bus and records
// them. It must be called without s.mu held.
func (s *Service) publish(events []pendingEvent) {
	for _, e := range events {
		body := e.document(s)
		if e.dest.kind == kindEventBridge {
			body = e.eventBridgeDocument()
		}
		s.env.Bus.Post(e.dest.arn, message(e.partition, e.owner, e.bucket, e.dest, body))
		s.record(Notification{Target: e.dest.arn, ConfigurationID: e.dest.id, Event: e.name,
			Bucket: e.bucket, Key: e.key, Body: body})
	}
}

// The S3 event message structure (S3 User Guide, "Event message
// structure"), version 2.1, field for field and in AWS's order.
type (
	eventDocument struct {
		Records []eventRecord `json:"Records"`
	}
	eventRecord struct {
		EventVersion      string            `json:"eventVersion"`
		EventSource       string            `json:"eventSource"`
		AWSRegion         string            `json:"awsRegion"`
		EventTime         string            `json:"eventTime"`
		EventName         string            `json:"eventName"`
		UserIdentity      principalID       `json:"userIdentity"`
		RequestParameters requestParameters `json:"requestParameters"`
		ResponseElements  responseElements  `json:"responseElements"`
		S3                eventEntity       `json:"s3"`
	}
	principalID struct {
		PrincipalID string `json:"principalId"`
	}
	requestParameters struct {
		SourceIPAddress string `json:"sourceIPAddress"`
	}
	responseElements struct {
		RequestID string `json:"x-amz-request-id"`
		HostID    string `json:"x-amz-id-2"`
	}
	eventEntity struct {
		SchemaVersion   string      `json:"s3SchemaVersion"`
		ConfigurationID string      `json:"configurationId"`
		Bucket          eventBucket `json:"bucket"`
		Object          eventObject `json:"object"`
	}
	eventBucket struct {
		Name          string      `json:"name"`
		OwnerIdentity principalID `json:"ownerIdentity"`
		ARN           string      `json:"arn"`
	}
	eventObject struct {
		Key       string `json:"key"`
		Size      *int64 `json:"size,omitempty"`
		ETag      string `json:"eTag,omitempty"`
		VersionID string `json:"versionId,omitempty"`
		Sequencer string `json:"sequencer"`
	}
)

// eventTime is the format of eventTime: ISO 8601 with milliseconds.
const eventTime = "2006-01-02T15:04:05.000Z"

// document renders e as S3 sends it: one record per message.
func (e pendingEvent) document(s *Service) []byte {
	obj := eventObject{Key: encodeEventKey(e.key), ETag: e.etag, VersionID: e.versionID, Sequencer: e.sequencer}
	if e.withSize {
		size := e.size
		obj.Size = &size
	}
	doc := eventDocument{Records: []eventRecord{{
		EventVersion: "2.1", EventSource: "aws:s3", AWSRegion: e.region,
		EventTime: e.at.Format(eventTime), EventName: e.name,
		UserIdentity:      principalID{PrincipalID: e.req.principal},
		RequestParameters: requestParameters{SourceIPAddress: e.req.sourceIP},
		ResponseElements:  responseElements{RequestID: e.req.requestID, HostID: e.req.hostID},
		S3: eventEntity{
			SchemaVersion: "1.0", ConfigurationID: e.dest.id,
			Bucket: eventBucket{Name: e.bucket, OwnerIdentity: principalID{PrincipalID: e.owner}, ARN: bucketARN(e.partition, e.bucket)},
			Object: obj,
		},
	}}}
	return marshal(doc)
}

// testEvent is the document S3 sends a destination when a configuration is
// written.
func testEvent(bucketName string, at time.Time, req requester) []byte {
	return marshal(struct {
		Service   string `json:"Service"`
		Event     string `json:"Event"`
		Time      string `json:"Time"`
		Bucket    string `json:"Bucket"`
		RequestID string `json:"RequestId"`
		HostID    string `json:"HostId"`
	}{"Amazon S3", "s3:TestEvent", at.Format(eventTime), bucketName, req.requestID, req.hostID})
}

// marshal encodes v as JSON without HTML escaping, as AWS's documents are.
func marshal(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// encodeEventKey encodes a key as S3 event records carry it: form URL
// encoding (a space becomes "+", a "+" becomes "%2B"), keeping letters,
// digits, "-", "_", ".", "*" and the "/" of key paths.
func encodeEventKey(key string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte("-_.*/", c) >= 0:
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}
