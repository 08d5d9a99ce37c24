package s3

import (
	"fmt"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
)

// kindEventBridge is the destination of a bucket whose notification
// configuration turns EventBridge on: the default event bus of the
// bucket's account and region.
const kindEventBridge = "EventBridge"

// eventBridgeTypes are the detail-type and reason of the S3 events sent
// to EventBridge ("Amazon S3 Event Notifications with EventBridge", "Using
// EventBridge": the event types and their detail), by S3 event name.
var eventBridgeTypes = map[string][2]string{
	"ObjectCreated:Put":                       {"Object Created", "PutObject"},
	"ObjectCreated:Post":                      {"Object Created", "POST Object"},
	"ObjectCreated:Copy":                      {"Object Created", "CopyObject"},
	"ObjectCreated:CompleteMultipartUpload":   {"Object Created", "CompleteMultipartUpload"},
	"ObjectRemoved:Delete":                    {"Object Deleted", "DeleteObject"},
	"ObjectRemoved:DeleteMarkerCreated":       {"Object Deleted", "DeleteObject"},
	"LifecycleExpiration:Delete":              {"Object Deleted", "Lifecycle Expiration"},
	"LifecycleExpiration:DeleteMarkerCreated": {"Object Deleted", "Lifecycle Expiration"},
	"ObjectRestore:Post":                      {"Object Restore Initiated", "RestoreObject"},
	"ObjectRestore:Completed":                 {"Object Restore Completed", ""},
	"ObjectRestore:Delete":                    {"Object Restore Expired", ""},
	"ObjectTagging:Put":                       {"Object Tags Added", "PutObjectTagging"},
	"ObjectTagging:Delete":                    {"Object Tags Deleted", "DeleteObjectTagging"},
	"ObjectAcl:Put":                           {"Object ACL Updated", "PutObjectAcl"},
}

// eventBridgeEvent adds to out the event EventBridge gets for an S3 event
// on a bucket with EventBridge on, when S3 sends that event type to it.
// The caller holds s.mu.
func (s *Service) eventBridgeEvent(out []pendingEvent, b *bucket, name string, o *object, req requester) []pendingEvent {
	if _, ok := eventBridgeTypes[name]; !ok {
		return out
	}
	if len(out) == 0 {
		s.sequence++
	}
	e := pendingEvent{bucket: b.name, region: b.region, partition: b.partition, owner: b.account, name: name, key: o.key,
		dest:      destination{kind: kindEventBridge, arn: arn.Build(b.partition, "events", b.region, b.account, "event-bus/default")},
		sequencer: fmt.Sprintf("%016X", s.sequence), at: s.now(), req: req, eventID: s.env.IDs.UUID()}
	if o.versionID != "null" {
		e.versionID = o.versionID
	}
	if !o.deleteMarker && !strings.HasPrefix(name, "ObjectRemoved:") && !strings.HasPrefix(name, "LifecycleExpiration:") {
		e.withSize, e.size, e.etag = true, o.size(), strings.Trim(o.etag, `"`)
	}
	return append(out, e)
}

// eventBridgeDocument is the EventBridge event of e: AWS's envelope, with
// the S3 detail (version, bucket, object, request-id, requester,
// source-ip-address, reason, and deletion-type for deletions).
func (e pendingEvent) eventBridgeDocument() []byte {
	types := eventBridgeTypes[e.name]
	type object struct {
		Key       string `json:"key"`
		Size      *int64 `json:"size,omitempty"`
		ETag      string `json:"etag,omitempty"`
		VersionID string `json:"version-id,omitempty"`
		Sequencer string `json:"sequencer"`
	}
	obj := object{Key: e.key, ETag: e.etag, VersionID: e.versionID, Sequencer: e.sequencer}
	if e.withSize {
		size := e.size
		obj.Size = &size
	}
	detail := struct {
		Version         string            `json:"version"`
		Bucket          map[string]string `json:"bucket"`
		Object          object            `json:"object"`
		RequestID       string            `json:"request-id"`
		Requester       string            `json:"requester"`
		SourceIPAddress string            `json:"source-ip-address,omitempty"`
		Reason          string            `json:"reason,omitempty"`
		DeletionType    string            `json:"deletion-type,omitempty"`
	}{Version: "0", Bucket: map[string]string{"name": e.bucket}, Object: obj, RequestID: e.req.requestID,
		Requester: e.owner, SourceIPAddress: e.req.sourceIP, Reason: types[1]}
	switch {
	case strings.HasSuffix(e.name, ":DeleteMarkerCreated"):
		detail.DeletionType = "Delete Marker Created"
	case types[0] == "Object Deleted":
		detail.DeletionType = "Permanently Deleted"
	}
	return marshal(struct {
		Version    string   `json:"version"`
		ID         string   `json:"id"`
		DetailType string   `json:"detail-type"`
		Source     string   `json:"source"`
		Account    string   `json:"account"`
		Time       string   `json:"time"`
		Region     string   `json:"region"`
		Resources  []string `json:"resources"`
		Detail     any      `json:"detail"`
	}{"0", e.eventID, types[0], "aws.s3", e.owner, e.at.UTC().Format("2006-01-02T15:04:05Z"), e.region,
		[]string{bucketARN(e.partition, e.bucket)}, detail})
}
