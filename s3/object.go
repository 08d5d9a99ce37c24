package s3

import (
	"context"
	"encoding/base64"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/awserr"
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

// ObjectHeaders are the standard headers stored with an object and
// returned when it is read.
type ObjectHeaders struct {
	ContentType             string // "binary/octet-stream" when not given
	ContentEncoding         string
	ContentDisposition      string
	ContentLanguage         string
	CacheControl            string
	Expires                 string
	WebsiteRedirectLocation string
	StorageClass            string // "" is STANDARD
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
	o.lastModified = s.stamp()
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

// markerHeaders are the headers S3 sends with an answer about a delete
// marker.
func markerHeaders(o *object, b *bucket) map[string]string {
	h := map[string]string{"x-amz-delete-marker": "true", "Last-Modified": o.lastModified.Format(httpDate)}
	if b.versioned() {
		h["x-amz-version-id"] = o.versionID
	}
	return h
}

// PutObjectInput is an object to store.
type PutObjectInput struct {
	Bucket, Key string
	// Body is the object's content; PutObject keeps a copy.
	Body    []byte
	Headers ObjectHeaders
	// Metadata is the user metadata (x-amz-meta-*); names are stored in
	// lower case.
	Metadata map[string]string
	Tags     []Tag
	// ContentMD5 is the base64 MD5 of Body, checked when given.
	ContentMD5 string
	// ChecksumAlgorithm is the algorithm to store a checksum with when
	// Checksums holds no value; empty means CRC64NVME.
	ChecksumAlgorithm string
	// Checksums holds at most one value, checked against Body.
	Checksums Checksums
	// IfMatch and IfNoneMatch ("*") make the write conditional.
	IfMatch, IfNoneMatch string
}

// PutObjectOutput describes the stored object.
type PutObjectOutput struct {
	ETag         string // quoted MD5 hex
	VersionId    string // empty unless the bucket is versioned
	Checksums    Checksums
	ChecksumType string
	Size         int64
}

// PutObject stores an object, replacing the current one (or adding a
// version when versioning is on), and sends s3:ObjectCreated:Put events.
// Content-MD5 and checksums are verified as S3 does (see Checksums); the
// body is limited to MaxObjectSize (EntityTooLarge).
func (s *Service) PutObject(ctx context.Context, in PutObjectInput) (PutObjectOutput, error) {
	_, err := s.enter(ctx, "PutObject", in.Bucket, in.Key)
	if err != nil {
		return PutObjectOutput{}, err
	}
	return s.put(ctx, "ObjectCreated:Put", in)
}

// PostObject stores an object as a browser form upload (POST to the
// bucket) does: as PutObject, with s3:ObjectCreated:Post events.
func (s *Service) PostObject(ctx context.Context, in PutObjectInput) (PutObjectOutput, error) {
	_, err := s.enter(ctx, "PostObject", in.Bucket, in.Key)
	if err != nil {
		return PutObjectOutput{}, err
	}
	return s.put(ctx, "ObjectCreated:Post", in)
}

// put stores the object of a PutObject or PostObject, sending event.
func (s *Service) put(ctx context.Context, event string, in PutObjectInput) (PutObjectOutput, error) {
	o, err := s.prepare(in)
	if err != nil {
		return PutObjectOutput{}, err
	}
	req := s.requesterOf(ctx)
	s.mu.Lock()
	b, err := s.lookupBucket(in.Bucket)
	if err == nil {
		err = checkWrite(in.IfMatch, in.IfNoneMatch, b.current(in.Key), in.Key)
	}
	if err != nil {
		s.mu.Unlock()
		return PutObjectOutput{}, err
	}
	s.store(b, o)
	ev := s.event(b, event, o, req)
	out := PutObjectOutput{ETag: o.etag, Checksums: o.sum.checksums(), ChecksumType: o.sum.checksumType(), Size: o.size()}
	if b.versioned() {
		out.VersionId = o.versionID
	}
	s.mu.Unlock()
	s.publish(ev)
	return out, nil
}

// prepare validates a PutObject and builds the object it stores.
func (s *Service) prepare(in PutObjectInput) (*object, error) {
	if err := validateObject(in.Key, in.Headers, in.Metadata); err != nil {
		return nil, err
	}
	if err := s.checkSize(int64(len(in.Body))); err != nil {
		return nil, err
	}
	if err := validateTags(in.Tags, &objectTags); err != nil {
		return nil, err
	}
	alg, err := normalizeAlgorithm(in.ChecksumAlgorithm, "x-amz-sdk-checksum-algorithm")
	if err != nil {
		return nil, err
	}
	if err := s.bucketExists(in.Bucket); err != nil {
		return nil, err
	}
	d, err := verifyContent(in.Body, in.ContentMD5, alg, in.Checksums)
	if err != nil {
		return nil, err
	}
	return &object{
		key: in.Key, data: append([]byte(nil), in.Body...), etag: d.etag(), sum: d.sum,
		header: in.Headers.normalized(), metadata: lowerKeys(in.Metadata), tags: cloneTags(in.Tags),
	}, nil
}

// bucketExists answers NoSuchBucket before a request's body is worked on.
func (s *Service) bucketExists(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.lookupBucket(name)
	return err
}

// GetObjectInput selects an object, or part of it, to read.
type GetObjectInput struct {
	Bucket, Key, VersionId string
	// Range is an HTTP Range header: bytes=first-last, bytes=first- or
	// bytes=-suffix.
	Range string
	// PartNumber reads one part of a multipart object (1 to 10000).
	PartNumber int
	Conditions Conditions
	// ChecksumMode asks for the stored checksum (x-amz-checksum-mode:
	// ENABLED); it is returned only for whole-object reads.
	ChecksumMode bool
}

// GetObjectOutput is an object, or the requested part of it.
type GetObjectOutput struct {
	// Body is a copy of the bytes read (nil for HeadObject).
	Body          []byte
	ContentLength int64
	// ContentRange is set on a partial read (206): bytes first-last/size.
	ContentRange string
	Headers      ObjectHeaders
	Metadata     map[string]string
	ETag         string
	LastModified time.Time
	VersionId    string // empty unless the bucket is versioned
	TagCount     int
	PartsCount   int // parts of a multipart object, reported with PartNumber
	Checksums    Checksums
	ChecksumType string
}

// GetObject reads an object. It answers NoSuchKey (with
// x-amz-delete-marker when the key's current version is a delete marker),
// NoSuchVersion, MethodNotAllowed (405) for a delete marker's version id,
// InvalidObjectState (403) for GLACIER and DEEP_ARCHIVE objects, 304 or 412
// for failed conditions, and 416 InvalidRange for a range past the end.
func (s *Service) GetObject(ctx context.Context, in GetObjectInput) (GetObjectOutput, error) {
	_, err := s.enter(ctx, "GetObject", in.Bucket, in.Key)
	if err != nil {
		return GetObjectOutput{}, err
	}
	return s.read(in, true)
}

// HeadObjectInput selects an object to describe, as GetObjectInput.
type HeadObjectInput = GetObjectInput

// HeadObject returns what GetObject would, without the body. Archived
// objects can be described.
func (s *Service) HeadObject(ctx context.Context, in HeadObjectInput) (GetObjectOutput, error) {
	_, err := s.enter(ctx, "HeadObject", in.Bucket, in.Key)
	if err != nil {
		return GetObjectOutput{}, err
	}
	return s.read(in, false)
}

func (s *Service) read(in GetObjectInput, withBody bool) (GetObjectOutput, error) {
	if in.PartNumber != 0 && (in.PartNumber < 1 || in.PartNumber > maxParts) {
		return GetObjectOutput{}, invalidArgument("partNumber", strconv.Itoa(in.PartNumber),
			"Part number must be an integer between 1 and 10000, inclusive")
	}
	if in.PartNumber != 0 && in.Range != "" {
		return GetObjectOutput{}, errs.New(codeInvalidRequest, "Cannot specify both Range header and partNumber query parameter")
	}
	s.mu.Lock()
	b, err := s.lookupBucket(in.Bucket)
	var o *object
	if err == nil {
		o, err = b.version(in.Key, in.VersionId)
	}
	if err != nil {
		s.mu.Unlock()
		return GetObjectOutput{}, err
	}
	if o.deleteMarker {
		s.mu.Unlock()
		e := errs.New(codeMethodNotAllowed, "The specified method is not allowed against this resource.")
		e.Fields = map[string]string{"Method": "GET", "ResourceType": "DeleteMarker"}
		if !withBody {
			e.Fields["Method"] = "HEAD"
		}
		return GetObjectOutput{}, &headerError{err: e, headers: markerHeaders(o, b)}
	}
	out := GetObjectOutput{
		Headers: o.header, Metadata: maps.Clone(o.metadata), ETag: o.etag, LastModified: o.lastModified,
		TagCount: len(o.tags),
	}
	if b.versioned() {
		out.VersionId = o.versionID
	}
	s.mu.Unlock()

	if withBody && (o.header.StorageClass == "GLACIER" || o.header.StorageClass == "DEEP_ARCHIVE") {
		e := errs.New(codeInvalidObjectState, "The operation is not valid for the object's storage class")
		e.Fields = map[string]string{"StorageClass": o.header.StorageClass}
		return GetObjectOutput{}, e
	}
	if err := in.Conditions.check(o, s.now(), false); err != nil {
		return GetObjectOutput{}, err
	}
	size := o.size()
	r, err := resolveRange(in.Range, size)
	if err != nil {
		return GetObjectOutput{}, err
	}
	if in.PartNumber != 0 {
		if r, err = o.part(in.PartNumber); err != nil {
			return GetObjectOutput{}, err
		}
		out.PartsCount = o.parts
	}
	if r.partial {
		out.ContentRange = r.contentRange(size)
	} else if in.ChecksumMode {
		out.Checksums, out.ChecksumType = o.sum.checksums(), o.sum.checksumType()
	}
	out.ContentLength = r.end - r.start + 1
	if withBody && out.ContentLength > 0 {
		out.Body = append([]byte(nil), o.data[r.start:r.end+1]...)
	}
	return out, nil
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

// DeleteObjectInput names the object, or the version, to delete.
type DeleteObjectInput struct {
	Bucket, Key, VersionId string
}

// DeleteObjectOutput says what the delete did.
type DeleteObjectOutput struct {
	// DeleteMarker is true when a delete marker was created, or the version
	// deleted was one.
	DeleteMarker bool
	// VersionId is the delete marker created or the version deleted.
	VersionId string
}

// DeleteObject deletes an object. Without a version id it removes the
// object when versioning is off, adds a delete marker when it is on, and
// replaces the "null" version with a delete marker when it is suspended;
// with one it removes that version for good. Deleting what does not exist
// succeeds, as in S3. Events: s3:ObjectRemoved:Delete or
// s3:ObjectRemoved:DeleteMarkerCreated.
func (s *Service) DeleteObject(ctx context.Context, in DeleteObjectInput) (DeleteObjectOutput, error) {
	_, err := s.enter(ctx, "DeleteObject", in.Bucket, in.Key)
	if err != nil {
		return DeleteObjectOutput{}, err
	}
	req := s.requesterOf(ctx)
	s.mu.Lock()
	b, err := s.lookupBucket(in.Bucket)
	if err != nil {
		s.mu.Unlock()
		return DeleteObjectOutput{}, err
	}
	out, ev, err := s.remove(b, in.Key, in.VersionId, req)
	s.mu.Unlock()
	s.publish(ev)
	return out, err
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

// ObjectIdentifier names an object, or one version, for DeleteObjects.
type ObjectIdentifier struct {
	Key, VersionId string
}

// DeleteObjectsInput lists up to 1000 objects to delete.
type DeleteObjectsInput struct {
	Bucket  string
	Objects []ObjectIdentifier
	// Quiet leaves successful deletes out of the answer.
	Quiet bool
}

// DeletedObject is one successful delete.
type DeletedObject struct {
	Key, VersionId        string
	DeleteMarker          bool
	DeleteMarkerVersionId string
}

// DeleteError is one delete that failed.
type DeleteError struct {
	Key, VersionId, Code, Message string
}

// DeleteObjectsOutput reports each delete.
type DeleteObjectsOutput struct {
	Deleted []DeletedObject
	Errors  []DeleteError
}

// maxDeleteObjects is the most keys one DeleteObjects takes.
const maxDeleteObjects = 1000

// DeleteObjects deletes up to 1000 objects as DeleteObject does each one;
// more, or none, is MalformedXML, as in S3.
func (s *Service) DeleteObjects(ctx context.Context, in DeleteObjectsInput) (DeleteObjectsOutput, error) {
	_, err := s.enter(ctx, "DeleteObjects", in.Bucket, "")
	if err != nil {
		return DeleteObjectsOutput{}, err
	}
	if len(in.Objects) == 0 || len(in.Objects) > maxDeleteObjects {
		return DeleteObjectsOutput{}, malformedXML()
	}
	req := s.requesterOf(ctx)
	s.mu.Lock()
	b, err := s.lookupBucket(in.Bucket)
	if err != nil {
		s.mu.Unlock()
		return DeleteObjectsOutput{}, err
	}
	var out DeleteObjectsOutput
	var events []pendingEvent
	for _, id := range in.Objects {
		r, ev, err := s.remove(b, id.Key, id.VersionId, req)
		if err != nil {
			ae := awserr.As(err)
			out.Errors = append(out.Errors, DeleteError{Key: id.Key, VersionId: id.VersionId, Code: ae.Code, Message: ae.Message})
			continue
		}
		events = append(events, ev...)
		if in.Quiet {
			continue
		}
		d := DeletedObject{Key: id.Key, VersionId: id.VersionId, DeleteMarker: r.DeleteMarker}
		if r.DeleteMarker {
			d.DeleteMarkerVersionId = r.VersionId
		}
		out.Deleted = append(out.Deleted, d)
	}
	s.mu.Unlock()
	s.publish(events)
	return out, nil
}
