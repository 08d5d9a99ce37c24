package s3

import (
	"context"
	"maps"
	"strconv"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

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
	// ACL and Encryption are the object's ACL and encryption (acl.go,
	// sse.go).
	ACL        ACL
	Encryption SSE
	// Lock is the version's Object Lock (x-amz-object-lock-*).
	Lock ObjectLock
	// owned says Body is the wire's own buffer, kept without a copy.
	owned bool
}

// PutObjectOutput describes the stored object.
type PutObjectOutput struct {
	ETag         string // quoted MD5 hex
	VersionId    string // empty unless the bucket is versioned
	Checksums    Checksums
	ChecksumType string
	Size         int64
	Encryption   ObjectEncryption
	Expiration   string // x-amz-expiration: the lifecycle rule expiring the object
}

// PutObject stores an object, replacing the current one (or adding a
// version when versioning is on), and sends s3:ObjectCreated:Put events.
// Content-MD5 and checksums are verified as S3 does (see Checksums); the
// body is limited to MaxObjectSize (EntityTooLarge).
func (s *Service) PutObject(ctx context.Context, in PutObjectInput) (PutObjectOutput, error) {
	sc, err := s.enter(ctx, "PutObject", in.Bucket, in.Key)
	if err != nil {
		return PutObjectOutput{}, err
	}
	return s.put(ctx, sc, "ObjectCreated:Put", in)
}

// PostObject stores an object as a browser form upload (POST to the
// bucket) does: as PutObject, with s3:ObjectCreated:Post events.
func (s *Service) PostObject(ctx context.Context, in PutObjectInput) (PutObjectOutput, error) {
	sc, err := s.enter(ctx, "PostObject", in.Bucket, in.Key)
	if err != nil {
		return PutObjectOutput{}, err
	}
	return s.put(ctx, sc, "ObjectCreated:Post", in)
}

// put stores the object of a PutObject or PostObject, sending event.
func (s *Service) put(ctx context.Context, sc faults.Scope, event string, in PutObjectInput) (PutObjectOutput, error) {
	o, err := s.prepare(sc, in)
	if err != nil {
		return PutObjectOutput{}, err
	}
	req := s.requesterOf(ctx)
	s.mu.Lock()
	b, err := s.lookupBucket(sc, in.Bucket)
	if err == nil {
		err = s.checkLockHeaders(b, in.Lock, &in)
	}
	if err == nil {
		err = checkWrite(in.IfMatch, in.IfNoneMatch, b.current(in.Key), in.Key)
	}
	if err == nil {
		err = s.protect(b, o, in.ACL, in.Encryption)
	}
	o.lock = in.Lock
	if err != nil {
		s.mu.Unlock()
		return PutObjectOutput{}, err
	}
	s.store(b, o)
	ev := s.event(b, event, o, req)
	out := PutObjectOutput{ETag: o.etag, Checksums: o.sum.checksums(), ChecksumType: o.sum.checksumType(), Size: o.size(), Encryption: o.enc}
	if b.versioned() {
		out.VersionId = o.versionID
	}
	out.Expiration = b.expiryHeader(o)
	s.mu.Unlock()
	s.publish(ev)
	return out, nil
}

// prepare validates a PutObject and builds the object it stores.
func (s *Service) prepare(sc faults.Scope, in PutObjectInput) (*object, error) {
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
	if err := s.bucketExists(sc, in.Bucket); err != nil {
		return nil, err
	}
	d, err := verifyContent(in.Body, in.ContentMD5, alg, in.Checksums)
	if err != nil {
		return nil, err
	}
	data := in.Body
	if !in.owned {
		data = append([]byte(nil), in.Body...)
	}
	return &object{
		key: in.Key, data: data, etag: d.etag(), sum: d.sum,
		header: in.Headers.normalized(), metadata: lowerKeys(in.Metadata), tags: cloneTags(in.Tags),
	}, nil
}

// bucketExists answers NoSuchBucket before a request's body is worked on.
func (s *Service) bucketExists(sc faults.Scope, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.lookupBucket(sc, name)
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
	// Encryption carries the SSE-C key of an object stored with one.
	Encryption SSE
	// shared lets Body be the stored bytes themselves (never written in
	// place) for a caller that only writes them out: the wire.
	shared bool
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
	PartsCount   int    // parts of a multipart object, reported with PartNumber
	Expiration   string // x-amz-expiration, for the current version asked without a version id
	Lock         ObjectLock
	Restore      string // x-amz-restore of an archived version
	Checksums    Checksums
	ChecksumType string
	Encryption   ObjectEncryption
}

// GetObject reads an object. It answers NoSuchKey (with
// x-amz-delete-marker when the key's current version is a delete marker),
// NoSuchVersion, MethodNotAllowed (405) for a delete marker's version id,
// InvalidObjectState (403) for GLACIER and DEEP_ARCHIVE objects, 304 or 412
// for failed conditions, and 416 InvalidRange for a range past the end.
func (s *Service) GetObject(ctx context.Context, in GetObjectInput) (GetObjectOutput, error) {
	sc, err := s.enter(ctx, "GetObject", in.Bucket, in.Key)
	if err != nil {
		return GetObjectOutput{}, err
	}
	return s.read(sc, in, true)
}

// HeadObjectInput selects an object to describe, as GetObjectInput.
type HeadObjectInput = GetObjectInput

// HeadObject returns what GetObject would, without the body. Archived
// objects can be described.
func (s *Service) HeadObject(ctx context.Context, in HeadObjectInput) (GetObjectOutput, error) {
	sc, err := s.enter(ctx, "HeadObject", in.Bucket, in.Key)
	if err != nil {
		return GetObjectOutput{}, err
	}
	return s.read(sc, in, false)
}

func (s *Service) read(sc faults.Scope, in GetObjectInput, withBody bool) (GetObjectOutput, error) {
	if in.PartNumber != 0 && (in.PartNumber < 1 || in.PartNumber > maxParts) {
		return GetObjectOutput{}, invalidArgument("partNumber", strconv.Itoa(in.PartNumber),
			"Part number must be an integer between 1 and 10000, inclusive")
	}
	if in.PartNumber != 0 && in.Range != "" {
		return GetObjectOutput{}, errs.New(codeInvalidRequest, "Cannot specify both Range header and partNumber query parameter")
	}
	s.mu.Lock()
	b, err := s.lookupBucket(sc, in.Bucket)
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
		method := "GET"
		if !withBody {
			method = "HEAD"
		}
		return GetObjectOutput{}, markerNotAllowed(o, b, method)
	}
	if err := checkCustomerRead(o.enc, in.Encryption); err != nil {
		s.mu.Unlock()
		return GetObjectOutput{}, err
	}
	out := GetObjectOutput{
		Headers: o.header, Metadata: maps.Clone(o.metadata), ETag: o.etag, LastModified: o.lastModified,
		TagCount: len(o.tags), Encryption: o.enc, Lock: o.lock, Restore: o.restoreHeader(),
	}
	if b.versioned() {
		out.VersionId = o.versionID
	}
	if in.VersionId == "" {
		out.Expiration = b.expiryHeader(o)
	}
	s.mu.Unlock()

	if withBody && !o.readable() {
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
		out.Body = o.data[r.start : r.end+1]
		if !in.shared {
			out.Body = append([]byte(nil), out.Body...)
		}
	}
	return out, nil
}
