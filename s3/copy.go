package s3

import (
	"cmp"
	"context"
	"maps"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// CopySource names the object a copy reads, with its preconditions
// (x-amz-copy-source and x-amz-copy-source-if-*).
type CopySource struct {
	Bucket, Key, VersionId string
	Conditions             Conditions
	// Encryption carries the source's SSE-C key, when stored with one.
	Encryption SSE
}

// Metadata and tagging directives of CopyObject.
const (
	DirectiveCopy    = "COPY"
	DirectiveReplace = "REPLACE"
)

// CopyObjectInput copies an object to Bucket/Key.
type CopyObjectInput struct {
	Bucket, Key string
	Source      CopySource
	// MetadataDirective is COPY (the default: headers and metadata come
	// from the source) or REPLACE (they come from Headers and Metadata).
	MetadataDirective string
	// TaggingDirective is COPY (the default) or REPLACE (Tags).
	TaggingDirective string
	Headers          ObjectHeaders
	Metadata         map[string]string
	Tags             []Tag
	// ChecksumAlgorithm is the checksum to store; empty keeps the source's
	// algorithm.
	ChecksumAlgorithm string
	// ACL and Encryption are the copy's (acl.go, sse.go); the copy takes
	// the bucket's default encryption, not the source's.
	ACL        ACL
	Encryption SSE
	// Lock is the copy's Object Lock; the source's is not copied.
	Lock ObjectLock
}

// CopyObjectOutput describes the copy.
type CopyObjectOutput struct {
	ETag                string
	LastModified        time.Time
	VersionId           string // of the copy, when the bucket is versioned
	CopySourceVersionId string // of the source, when its bucket is versioned
	Checksums           Checksums
	ChecksumType        string
	Encryption          ObjectEncryption
	Expiration          string // x-amz-expiration: the lifecycle rule expiring the copy
}

// CopyObject copies an object within or between buckets and sends
// s3:ObjectCreated:Copy events. As S3 does, a source over 5 GiB is refused
// (InvalidRequest), failed source conditions answer 412, and copying the
// current version of an object onto itself without changing anything is
// InvalidRequest ("This copy request is illegal because it is trying to
// copy an object to itself without changing the object's metadata, storage
// class, website redirect location or encryption attributes."), in a
// versioned bucket too (recorded: TestS3::
// test_s3_copy_object_in_place_versioned); copying a version named by its
// id onto its key is how S3 documents restoring a previous version, and
// is allowed. The copy's storage class is STANDARD unless the request
// names one: S3 does not carry the source's over (recorded: TestS3::
// test_s3_copy_object_storage_class).
func (s *Service) CopyObject(ctx context.Context, in CopyObjectInput) (CopyObjectOutput, error) {
	sc, err := s.enter(ctx, "CopyObject", in.Bucket, in.Key)
	if err != nil {
		return CopyObjectOutput{}, err
	}
	md, err := directive(in.MetadataDirective, "x-amz-metadata-directive")
	if err != nil {
		return CopyObjectOutput{}, err
	}
	td, err := directive(in.TaggingDirective, "x-amz-tagging-directive")
	if err != nil {
		return CopyObjectOutput{}, err
	}
	if err := validateObject(in.Key, in.Headers, in.Metadata); err != nil {
		return CopyObjectOutput{}, err
	}
	if err := validateTags(in.Tags, &objectTags); err != nil {
		return CopyObjectOutput{}, err
	}
	alg, err := normalizeAlgorithm(in.ChecksumAlgorithm, "x-amz-checksum-algorithm")
	if err != nil {
		return CopyObjectOutput{}, err
	}
	src, srcVersion, err := s.copySource(sc, in.Source)
	if err != nil {
		return CopyObjectOutput{}, err
	}
	self := in.Source.Bucket == in.Bucket && in.Source.Key == in.Key && in.Source.VersionId == ""
	if self && md == DirectiveCopy && in.Headers.StorageClass == "" && in.Headers.WebsiteRedirectLocation == "" && alg == "" && in.Encryption == (SSE{}) {
		return CopyObjectOutput{}, errs.New(codeInvalidRequest,
			"This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.")
	}
	o := &object{key: in.Key, data: src.data, header: src.header, metadata: maps.Clone(src.metadata), tags: cloneTags(src.tags)}
	if md == DirectiveReplace {
		o.header, o.metadata = in.Headers.normalized(), lowerKeys(in.Metadata)
	} else {
		o.header.StorageClass = cmp.Or(in.Headers.StorageClass, defaultStorage)
	}
	if td == DirectiveReplace {
		o.tags = cloneTags(in.Tags)
	}
	if alg == "" {
		alg = src.sum.alg
	}
	d, _ := verifyContent(o.data, "", alg, Checksums{})
	o.etag, o.sum = d.etag(), d.sum

	req := s.requesterOf(ctx)
	s.mu.Lock()
	b, err := s.lookupBucket(sc, in.Bucket)
	if err == nil {
		err = s.protect(b, o, in.ACL, in.Encryption)
	}
	if err == nil {
		err = s.checkLockHeaders(b, in.Lock, nil)
	}
	if err != nil {
		s.mu.Unlock()
		return CopyObjectOutput{}, err
	}
	o.lock = in.Lock
	s.store(b, o)
	ev := s.event(b, "ObjectCreated:Copy", o, req)
	out := CopyObjectOutput{ETag: o.etag, LastModified: o.lastModified, CopySourceVersionId: srcVersion,
		Checksums: o.sum.checksums(), ChecksumType: o.sum.checksumType(), Encryption: o.enc, Expiration: b.expiryHeader(o)}
	if b.versioned() {
		out.VersionId = o.versionID
	}
	s.mu.Unlock()
	s.publish(ev)
	return out, nil
}

// directive checks a COPY/REPLACE directive; empty means COPY.
func directive(v, header string) (string, error) {
	switch v {
	case "", DirectiveCopy:
		return DirectiveCopy, nil
	case DirectiveReplace:
		return DirectiveReplace, nil
	}
	return "", invalidArgument(header, v, "Unknown "+map[string]string{
		"x-amz-metadata-directive": "metadata", "x-amz-tagging-directive": "tagging"}[header]+" directive.")
}

// copySource finds the source of a copy and checks its preconditions. It
// returns the object and, when its bucket is versioned, its version id;
// S3 names no "null" source version (recorded: TestS3::
// test_s3_copy_object_in_place_suspended_only).
func (s *Service) copySource(sc faults.Scope, src CopySource) (*object, string, error) {
	if src.Bucket == "" || src.Key == "" {
		return nil, "", invalidArgument("x-amz-copy-source", src.Bucket+"/"+src.Key,
			"Copy Source must mention the source bucket and key: sourcebucket/sourcekey")
	}
	s.mu.Lock()
	b, err := s.lookupBucket(sc, src.Bucket)
	var o *object
	if err == nil {
		o, err = b.version(src.Key, src.VersionId)
	}
	if err == nil && o.deleteMarker {
		err = errs.New(codeInvalidRequest, "The source of a copy request may not specifically refer to a delete marker by version id.")
	}
	if err == nil {
		err = checkCustomerRead(o.enc, src.Encryption)
	}
	versioned := err == nil && b.versioned()
	s.mu.Unlock()
	if err != nil {
		return nil, "", err
	}
	if o.size() > awsMaxObjectSize {
		return nil, "", errs.New(codeInvalidRequest,
			"The specified copy source is larger than the maximum allowable size for a copy source: 5368709120")
	}
	if err := src.Conditions.check(o, s.now(), true); err != nil {
		return nil, "", err
	}
	if versioned && o.versionID != "null" {
		return o, o.versionID, nil
	}
	return o, "", nil
}
