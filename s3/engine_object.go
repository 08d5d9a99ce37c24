package s3

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// Limits AWS sets on objects.
const (
	maxKeyLength   = 1024 // bytes of UTF-8: "Object key names ... up to 1,024 bytes long"
	maxMetadata    = 2048 // "the user-defined metadata is limited to 2 KB in size"
	defaultStorage = "STANDARD"
)

// storageClasses are the values of x-amz-storage-class S3 accepts.
var storageClasses = map[string]bool{
	"STANDARD": true, "REDUCED_REDUNDANCY": true, "STANDARD_IA": true, "ONEZONE_IA": true,
	"INTELLIGENT_TIERING": true, "GLACIER": true, "DEEP_ARCHIVE": true, "OUTPOSTS": true,
	"GLACIER_IR": true, "SNOW": true, "EXPRESS_ONEZONE": true, "FSX_OPENZFS": true, "FSX_ONTAP": true,
}

// validate checks the headers and user metadata of a new object.
func validateObject(key string, h ObjectHeaders, metadata map[string]string) error {
	if key == "" {
		return errs.New(codeInvalidArgument, "The object key must not be empty")
	}
	if len(key) > maxKeyLength {
		e := errs.New(codeKeyTooLongError, "Your key is too long")
		e.Fields = map[string]string{"Size": strconv.Itoa(len(key)), "MaxSizeAllowed": strconv.Itoa(maxKeyLength)}
		return e
	}
	if h.StorageClass != "" && !storageClasses[h.StorageClass] {
		return errs.New(codeInvalidStorageClass, "The storage class you specified is not valid")
	}
	n := 0
	for k, v := range metadata {
		n += len(k) + len(v)
	}
	if n > maxMetadata {
		e := errs.New(codeMetadataTooLarge, "Your metadata headers exceed the maximum allowed metadata size")
		e.Fields = map[string]string{"Size": strconv.Itoa(n), "MaxSizeAllowed": strconv.Itoa(maxMetadata)}
		return e
	}
	return nil
}

// normalized returns h with S3's defaults filled in.
func (h ObjectHeaders) normalized() ObjectHeaders {
	if h.ContentType == "" {
		h.ContentType = "binary/octet-stream"
	}
	if h.StorageClass == "" {
		h.StorageClass = defaultStorage
	}
	return h
}

// lowerKeys returns metadata with lower-case names, as S3 stores them.
func lowerKeys(metadata map[string]string) map[string]string {
	if len(metadata) == 0 {
		return nil
	}
	out := make(map[string]string, len(metadata))
	for k, v := range metadata {
		out[strings.ToLower(k)] = v
	}
	return out
}

// checkSize refuses a request body larger than the service takes.
func (s *Service) checkSize(n int64) error {
	limit := s.MaxObjectSize()
	if n > limit {
		return entityTooLarge(n, limit)
	}
	return nil
}

// newVersionID returns a fresh version id: 32 URL-safe characters, like
// AWS's.
func (s *Service) newVersionID() string {
	var b [24]byte
	s.env.IDs.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// store makes o the current version of its key, giving it its version id
// and time. With versioning off or suspended it replaces the "null"
// version; with versioning on it is added on top. The caller holds s.mu.
func (s *Service) store(b *bucket, o *object) {
	if !o.deleteMarker && o.enc == (ObjectEncryption{}) {
		o.enc, _ = b.encrypt(SSE{}) // a bucket's default never fails
	}
	o.lastModified = s.stamp()
	b.applyDefaultRetention(o)
	o.versionID = "null"
	if b.versioning == VersioningEnabled {
		o.versionID = s.newVersionID()
	}
	e := b.entries[o.key]
	if e == nil {
		e = &entry{}
		b.entries[o.key] = e
		b.all.Insert(o.key)
	}
	if o.versionID == "null" {
		for i, v := range e.versions {
			if v.versionID == "null" {
				e.versions = append(e.versions[:i], e.versions[i+1:]...)
				break
			}
		}
	}
	e.versions = append(e.versions, o)
	if o.deleteMarker {
		b.live.Delete(o.key)
	} else {
		b.live.Insert(o.key)
	}
	s.lifecycleTouched(b, o.key)
}

// current returns the current version of key, nil when there is none.
func (b *bucket) current(key string) *object {
	e := b.entries[key]
	if e == nil {
		return nil
	}
	return e.latest()
}

// version returns the given version of key, or the current one when id is
// empty. A missing key gives NoSuchKey, a missing version NoSuchVersion, and
// a current delete marker NoSuchKey with x-amz-delete-marker.
func (b *bucket) version(key, id string) (*object, error) {
	e := b.entries[key]
	if id == "" {
		if e == nil {
			return nil, noSuchKey(key)
		}
		o := e.latest()
		if o.deleteMarker {
			return nil, &headerError{err: noSuchKey(key), headers: markerHeaders(o, b)}
		}
		return o, nil
	}
	if e != nil {
		for _, o := range e.versions {
			if o.versionID == id {
				return o, nil
			}
		}
	}
	if id != "null" && !validVersionID(id) {
		return nil, invalidArgument("versionId", id, "Invalid version id specified")
	}
	ne := errs.New(codeNoSuchVersion, "The specified version does not exist.")
	ne.Fields = map[string]string{"Key": key, "VersionId": id}
	return nil, ne
}

// validVersionID reports whether id could be a version id S3 handed out.
func validVersionID(id string) bool {
	if id == "" || len(id) > 1024 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-_.+/=", c)) {
			return false
		}
	}
	return true
}

// markerNotAllowed is S3's answer to a call on a delete marker (recorded:
// TestS3ObjectCRUD::test_delete_object_versioned): 405 MethodNotAllowed
// naming the method and the DeleteMarker resource type, with Allow: DELETE
// (the one method a marker takes) and the marker's headers.
func markerNotAllowed(o *object, b *bucket, method string) error {
	e := withFields(errs.New(codeMethodNotAllowed, "The specified method is not allowed against this resource."),
		"Method", method, "ResourceType", "DeleteMarker")
	h := markerHeaders(o, b)
	h["Allow"] = "DELETE"
	return &headerError{err: e, headers: h}
}

// markerHeaders are the headers S3 sends with an answer about a delete
// marker.
func markerHeaders(o *object, b *bucket) map[string]string {
	h := map[string]string{"x-amz-delete-marker": "true", "Last-Modified": o.lastModified.Format(httpDate)}
	if b.versioned() {
		h["x-amz-version-id"] = o.versionID
	}
	return h
}

// part returns the byte range of part n: a part of a multipart object, or
// the whole of any other object as its part 1.
func (o *object) part(n int) (byteRange, error) {
	count := max(o.parts, 1)
	if n > count {
		e := errs.New(codeInvalidPartNumber, "The requested partnumber is not satisfiable")
		e.Fields = map[string]string{"PartNumberRequested": strconv.Itoa(n), "ActualPartCount": strconv.Itoa(count)}
		return byteRange{}, e
	}
	if o.parts == 0 {
		return byteRange{start: 0, end: o.size() - 1, partial: true}, nil
	}
	start := int64(0)
	if n > 1 {
		start = o.partEnds[n-2]
	}
	return byteRange{start: start, end: o.partEnds[n-1] - 1, partial: true}, nil
}

// remove deletes key (or one version of it) from b and returns the event
// to send. The caller holds s.mu.
func (s *Service) remove(b *bucket, key, versionID string, req requester) (DeleteObjectOutput, []pendingEvent, error) {
	if versionID != "" {
		if versionID != "null" && !validVersionID(versionID) {
			return DeleteObjectOutput{}, nil, invalidArgument("versionId", versionID, "Invalid version id specified")
		}
		e := b.entries[key]
		if e == nil {
			return DeleteObjectOutput{VersionId: versionID}, nil, nil
		}
		for i, o := range e.versions {
			if o.versionID != versionID {
				continue
			}
			e.versions = append(e.versions[:i], e.versions[i+1:]...)
			s.refresh(b, key, e)
			s.lifecycleTouched(b, key)
			return DeleteObjectOutput{VersionId: versionID, DeleteMarker: o.deleteMarker}, s.event(b, "ObjectRemoved:Delete", o, req), nil
		}
		return DeleteObjectOutput{VersionId: versionID}, nil, nil
	}
	if !b.versioned() {
		e := b.entries[key]
		if e == nil {
			return DeleteObjectOutput{}, nil, nil
		}
		o := e.latest()
		delete(b.entries, key)
		b.all.Delete(key)
		b.live.Delete(key)
		return DeleteObjectOutput{}, s.event(b, "ObjectRemoved:Delete", o, req), nil
	}
	m := &object{key: key, deleteMarker: true}
	s.store(b, m)
	return DeleteObjectOutput{DeleteMarker: true, VersionId: m.versionID},
		s.event(b, "ObjectRemoved:DeleteMarkerCreated", m, req), nil
}

// refresh brings the indexes up to date after a version of key was removed.
func (s *Service) refresh(b *bucket, key string, e *entry) {
	if len(e.versions) == 0 {
		delete(b.entries, key)
		b.all.Delete(key)
		b.live.Delete(key)
		return
	}
	if e.latest().deleteMarker {
		b.live.Delete(key)
	} else {
		b.live.Insert(key)
	}
}
