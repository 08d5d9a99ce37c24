package s3

import (
	"bytes"
	"cmp"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
)

// BucketSnapshot is a copy of a bucket's state, for assertions.
type BucketSnapshot struct {
	Name, Region  string
	Partition     string // aws, aws-cn, aws-us-gov: the namespace it lives in
	Account       string // the owner account
	Created       time.Time
	Versioning    string
	Tags          []Tag
	Policy        string
	CORS          []CORSRule
	Notification  NotificationConfiguration
	Objects       int // current objects
	Keys          int // keys with any version, delete markers included
	UploadsActive int // multipart uploads in progress
}

// inspected is the bucket a test helper names: a bucket name of the cloud's
// partition, or a bucket ARN (arn:aws-cn:s3:::name) naming its partition.
func (s *Service) inspected(bucketName string) bucketKey {
	if a, err := arn.Parse(bucketName); err == nil && a.Service == arnService {
		return bucketKey{a.Partition, a.Resource}
	}
	return bucketKey{s.partition, bucketName}
}

// Buckets returns a snapshot of every bucket of every partition and
// account, sorted by name.
func (s *Service) Buckets() []BucketSnapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]BucketSnapshot, 0, len(s.buckets))
	for _, b := range s.buckets {
		out = append(out, BucketSnapshot{
			Name: b.name, Region: b.region, Partition: b.partition, Account: b.account, Created: b.created, Versioning: b.versioning,
			Tags: cloneTags(b.tags), Policy: b.policy, CORS: cloneRules(b.cors),
			Notification: cloneNotification(b.notification),
			Objects:      b.live.Len(), Keys: b.all.Len(), UploadsActive: len(b.uploads),
		})
	}
	slices.SortFunc(out, func(a, b BucketSnapshot) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Partition, b.Partition))
	})
	return out
}

// ObjectSnapshot is a copy of one object version, data included.
type ObjectSnapshot struct {
	Key, VersionId string
	DeleteMarker   bool
	IsLatest       bool
	LastModified   time.Time
	ETag           string
	Data           []byte
	Headers        ObjectHeaders
	Metadata       map[string]string
	Tags           []Tag
	Checksums      Checksums
	ChecksumType   string
	Parts          int // parts of a multipart object
}

func snapshot(o *object, latest bool) ObjectSnapshot {
	return ObjectSnapshot{
		Key: o.key, VersionId: o.versionID, DeleteMarker: o.deleteMarker, IsLatest: latest,
		LastModified: o.lastModified, ETag: o.etag, Data: bytes.Clone(o.data), Headers: o.header,
		Metadata: maps.Clone(o.metadata), Tags: cloneTags(o.tags),
		Checksums: o.sum.checksums(), ChecksumType: o.sum.checksumType(), Parts: o.parts,
	}
}

// Objects returns a snapshot of the current objects of a bucket in key
// order (nil for a bucket that does not exist). It copies every object:
// a test helper, not a hot path.
func (s *Service) Objects(bucketName string) []ObjectSnapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.buckets[s.inspected(bucketName)]
	if b == nil {
		return nil
	}
	var out []ObjectSnapshot
	for c := b.live.Seek(""); c.Valid(); c.Next() {
		out = append(out, snapshot(b.current(c.Key()), true))
	}
	return out
}

// Versions returns a snapshot of every version of key, newest first.
func (s *Service) Versions(bucketName, key string) []ObjectSnapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.buckets[s.inspected(bucketName)]
	if b == nil || b.entries[key] == nil {
		return nil
	}
	vs := b.entries[key].versions
	out := make([]ObjectSnapshot, 0, len(vs))
	for i := len(vs) - 1; i >= 0; i-- {
		out = append(out, snapshot(vs[i], i == len(vs)-1))
	}
	return out
}

// Object returns a snapshot of the current object at key; ok is false when
// there is none (or the current version is a delete marker).
func (s *Service) Object(bucketName, key string) (ObjectSnapshot, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.buckets[s.inspected(bucketName)]
	if b == nil {
		return ObjectSnapshot{}, false
	}
	o := b.current(key)
	if o == nil || o.deleteMarker {
		return ObjectSnapshot{}, false
	}
	return snapshot(o, true), true
}

// CheckObject fails tb unless bucket/key holds exactly want.
func (s *Service) CheckObject(tb testing.TB, bucketName, key string, want []byte) {
	tb.Helper()
	o, ok := s.Object(bucketName, key)
	switch {
	case !ok:
		tb.Errorf("s3://%s/%s: no such object", bucketName, key)
	case !bytes.Equal(o.Data, want):
		tb.Errorf("s3://%s/%s: holds %d bytes %.40q, want %d bytes %.40q", bucketName, key, len(o.Data), o.Data, len(want), want)
	}
}

// CheckNoObject fails tb if bucket/key holds a current object (a key whose
// current version is a delete marker holds none).
func (s *Service) CheckNoObject(tb testing.TB, bucketName, key string) {
	tb.Helper()
	if o, ok := s.Object(bucketName, key); ok {
		tb.Errorf("s3://%s/%s: holds %d bytes %.40q, want no object", bucketName, key, len(o.Data), o.Data)
	}
}

// CheckNoUploads fails tb unless the bucket exists and has no multipart
// upload in progress: every upload was completed or aborted.
func (s *Service) CheckNoUploads(tb testing.TB, bucketName string) {
	tb.Helper()
	s.mu.Lock()
	b := s.buckets[s.inspected(bucketName)]
	n := 0
	if b != nil {
		n = len(b.uploads)
	}
	s.mu.Unlock()
	switch {
	case b == nil:
		tb.Errorf("s3://%s: no such bucket", bucketName)
	case n > 0:
		tb.Errorf("s3://%s: %d multipart uploads in progress, want none", bucketName, n)
	}
}
