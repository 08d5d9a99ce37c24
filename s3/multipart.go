package s3

import (
	"context"
	"encoding/base64"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// Multipart limits (S3 User Guide, "Amazon S3 multipart upload limits").
const (
	maxParts    = 10000
	minPartSize = 5 << 20 // every part but the last: 5 MiB
	maxListing  = 1000    // default and largest page of ListParts and friends
)

// CreateMultipartUploadInput starts a multipart upload.
type CreateMultipartUploadInput struct {
	Bucket, Key string
	Headers     ObjectHeaders
	Metadata    map[string]string
	Tags        []Tag
	// ChecksumAlgorithm makes every part carry a checksum of that
	// algorithm; ChecksumType is COMPOSITE (the default, not for
	// CRC64NVME) or FULL_OBJECT (CRC32, CRC32C and CRC64NVME only).
	ChecksumAlgorithm, ChecksumType string
	// ACL and Encryption are the object's (acl.go, sse.go); with SSE-C
	// every part carries the same key.
	ACL        ACL
	Encryption SSE
	// Lock is the Object Lock of the object the upload completes.
	Lock ObjectLock
}

// CreateMultipartUploadOutput identifies the new upload.
type CreateMultipartUploadOutput struct {
	Bucket, Key, UploadId           string
	ChecksumAlgorithm, ChecksumType string
	Encryption                      ObjectEncryption
}

// CreateMultipartUpload starts a multipart upload of Key.
func (s *Service) CreateMultipartUpload(ctx context.Context, in CreateMultipartUploadInput) (CreateMultipartUploadOutput, error) {
	sc, err := s.enter(ctx, "CreateMultipartUpload", in.Bucket, in.Key)
	if err != nil {
		return CreateMultipartUploadOutput{}, err
	}
	if err := validateObject(in.Key, in.Headers, in.Metadata); err != nil {
		return CreateMultipartUploadOutput{}, err
	}
	if err := validateTags(in.Tags, &objectTags); err != nil {
		return CreateMultipartUploadOutput{}, err
	}
	alg, typ, err := uploadChecksum(in.ChecksumAlgorithm, in.ChecksumType)
	if err != nil {
		return CreateMultipartUploadOutput{}, err
	}
	var id [48]byte
	s.env.IDs.Read(id[:])
	u := &upload{
		id: base64.RawURLEncoding.EncodeToString(id[:]), key: in.Key, initiated: s.stamp(),
		header: in.Headers.normalized(), metadata: lowerKeys(in.Metadata), tags: cloneTags(in.Tags),
		alg: alg, typ: typ,
	}
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if u.acl, err = s.objectACL(b, in.ACL); err != nil {
			return err
		}
		if u.enc, err = b.encrypt(in.Encryption); err != nil {
			return err
		}
		if err := s.checkLockHeaders(b, in.Lock, nil); err != nil {
			return err
		}
		u.lock = in.Lock
		b.uploads[u.id] = u
		if len(b.uploadsBy[u.key]) == 0 {
			b.uploadKeys.Insert(u.key)
		}
		b.uploadsBy[u.key] = append(b.uploadsBy[u.key], u)
		s.lifecycleTouched(b, u.key)
		return nil
	})
	if err != nil {
		return CreateMultipartUploadOutput{}, err
	}
	return CreateMultipartUploadOutput{Bucket: in.Bucket, Key: in.Key, UploadId: u.id, ChecksumAlgorithm: alg, ChecksumType: typ,
		Encryption: u.enc}, nil
}

// uploadChecksum checks the checksum algorithm and type of a new upload:
// S3 refuses a type without an algorithm, COMPOSITE with CRC64NVME and
// FULL_OBJECT with SHA1 or SHA256.
func uploadChecksum(alg, typ string) (string, string, error) {
	alg, err := normalizeAlgorithm(alg, "x-amz-checksum-algorithm")
	if err != nil {
		return "", "", err
	}
	typ = strings.ToUpper(typ)
	switch {
	case alg == "" && typ != "":
		return "", "", errs.New(codeInvalidRequest,
			"The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.")
	case typ != "" && typ != Composite && typ != FullObject:
		return "", "", errs.New(codeInvalidRequest, "Value for x-amz-checksum-type header is invalid.")
	case alg == "":
		return "", "", nil
	case typ == "" && alg == CRC64NVME:
		typ = FullObject
	case typ == "":
		typ = Composite
	}
	if typ == Composite && alg == CRC64NVME || typ == FullObject && (alg == SHA1 || alg == SHA256) {
		return "", "", errs.New(codeInvalidRequest,
			"The %s checksum type cannot be used with the %s checksum algorithm.", typ, strings.ToLower(alg))
	}
	return alg, typ, nil
}

// UploadPartInput is one part of an upload.
type UploadPartInput struct {
	Bucket, Key, UploadId string
	PartNumber            int // 1 to 10000
	// Body is the part's content; UploadPart keeps a copy.
	Body              []byte
	ContentMD5        string
	ChecksumAlgorithm string
	Checksums         Checksums
	// Encryption carries the upload's SSE-C key, when it has one.
	Encryption SSE
}

// UploadPartOutput describes the stored part.
type UploadPartOutput struct {
	ETag       string
	Checksums  Checksums
	Encryption ObjectEncryption
}

// UploadPart stores a part, replacing any earlier part with its number.
// When the upload has a checksum algorithm, a part checksum of another
// algorithm is refused ("Checksum Type mismatch occurred") and the part's
// checksum is computed when not given.
func (s *Service) UploadPart(ctx context.Context, in UploadPartInput) (UploadPartOutput, error) {
	sc, err := s.enter(ctx, "UploadPart", in.Bucket, in.Key)
	if err != nil {
		return UploadPartOutput{}, err
	}
	if err := checkPartNumber(in.PartNumber); err != nil {
		return UploadPartOutput{}, err
	}
	if err := s.checkSize(int64(len(in.Body))); err != nil {
		return UploadPartOutput{}, err
	}
	alg, err := normalizeAlgorithm(in.ChecksumAlgorithm, "x-amz-sdk-checksum-algorithm")
	if err != nil {
		return UploadPartOutput{}, err
	}
	u, err := s.uploadOf(sc, in.Bucket, in.Key, in.UploadId)
	if err == nil {
		err = checkPartKey(u.enc, in.Encryption)
	}
	if err != nil {
		return UploadPartOutput{}, err
	}
	if given, _, err := givenChecksum(in.Checksums); err != nil {
		return UploadPartOutput{}, err
	} else if u.alg != "" && given != "" && given != u.alg {
		return UploadPartOutput{}, errs.New(codeInvalidRequest,
			"Checksum Type mismatch occurred, expected checksum Type: %s, actual checksum Type: %s",
			strings.ToLower(u.alg), strings.ToLower(given))
	}
	if u.alg != "" {
		alg = u.alg
	}
	d, err := verifyContent(in.Body, in.ContentMD5, alg, in.Checksums)
	if err != nil {
		return UploadPartOutput{}, err
	}
	p := &part{number: in.PartNumber, data: append([]byte(nil), in.Body...), md5: d.md5, etag: d.etag(), sum: d.sum}
	if err := s.addPart(sc, in.Bucket, in.Key, in.UploadId, p); err != nil {
		return UploadPartOutput{}, err
	}
	out := UploadPartOutput{ETag: p.etag, Encryption: u.enc}
	if u.alg != "" || len(in.Checksums.given()) > 0 || in.ChecksumAlgorithm != "" {
		out.Checksums = p.sum.checksums()
	}
	return out, nil
}

func checkPartNumber(n int) error {
	if n < 1 || n > maxParts {
		return invalidArgument("partNumber", strconv.Itoa(n), "Part number must be an integer between 1 and 10000, inclusive")
	}
	return nil
}

// uploadOf returns the upload, checked to exist in the bucket.
func (s *Service) uploadOf(sc faults.Scope, bucketName, key, id string) (*upload, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.lookupBucket(sc, bucketName)
	if err != nil {
		return nil, err
	}
	return b.lookupUpload(key, id)
}

// addPart stores p in its upload, which must still be in progress.
func (s *Service) addPart(sc faults.Scope, bucketName, key, id string, p *part) error {
	return s.withBucket(sc, bucketName, func(b *bucket) error {
		u, err := b.lookupUpload(key, id)
		if err != nil {
			return err
		}
		p.lastModified = s.stamp()
		if i, found := u.find(p.number); found {
			u.parts[i] = p
		} else {
			u.parts = slices.Insert(u.parts, i, p)
		}
		return nil
	})
}

// UploadPartCopyInput copies (a range of) an object into a part.
type UploadPartCopyInput struct {
	Bucket, Key, UploadId string
	PartNumber            int
	Source                CopySource
	// SourceRange is bytes=first-last, both zero-based and inclusive;
	// empty copies the whole source.
	SourceRange string
}

// UploadPartCopyOutput describes the part.
type UploadPartCopyOutput struct {
	ETag                string
	LastModified        time.Time
	CopySourceVersionId string
	Checksums           Checksums
}

// UploadPartCopy stores a part copied from an existing object. As S3 does,
// a source range must have the form bytes=first-last (InvalidArgument) and
// lie within the source (InvalidRequest).
func (s *Service) UploadPartCopy(ctx context.Context, in UploadPartCopyInput) (UploadPartCopyOutput, error) {
	sc, err := s.enter(ctx, "UploadPartCopy", in.Bucket, in.Key)
	if err != nil {
		return UploadPartCopyOutput{}, err
	}
	if err := checkPartNumber(in.PartNumber); err != nil {
		return UploadPartCopyOutput{}, err
	}
	u, err := s.uploadOf(sc, in.Bucket, in.Key, in.UploadId)
	if err != nil {
		return UploadPartCopyOutput{}, err
	}
	src, srcVersion, err := s.copySource(sc, in.Source)
	if err != nil {
		return UploadPartCopyOutput{}, err
	}
	data := src.data
	if in.SourceRange != "" {
		if data, err = copyRange(in.SourceRange, src.data); err != nil {
			return UploadPartCopyOutput{}, err
		}
	}
	if err := s.checkSize(int64(len(data))); err != nil {
		return UploadPartCopyOutput{}, err
	}
	d, _ := verifyContent(data, "", u.alg, Checksums{})
	p := &part{number: in.PartNumber, data: data, md5: d.md5, etag: d.etag(), sum: d.sum}
	if err := s.addPart(sc, in.Bucket, in.Key, in.UploadId, p); err != nil {
		return UploadPartCopyOutput{}, err
	}
	out := UploadPartCopyOutput{ETag: p.etag, LastModified: p.lastModified, CopySourceVersionId: srcVersion}
	if u.alg != "" {
		out.Checksums = p.sum.checksums()
	}
	return out, nil
}

// copyRange applies an x-amz-copy-source-range to data.
func copyRange(spec string, data []byte) ([]byte, error) {
	first, last, ok := strings.Cut(strings.TrimPrefix(spec, "bytes="), "-")
	a, errA := strconv.ParseInt(first, 10, 64)
	b, errB := strconv.ParseInt(last, 10, 64)
	if !strings.HasPrefix(spec, "bytes=") || !ok || errA != nil || errB != nil || a < 0 || b < a {
		return nil, invalidArgument("x-amz-copy-source-range", spec,
			"The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy")
	}
	if b >= int64(len(data)) {
		return nil, errs.New(codeInvalidRequest, "The specified copy range is invalid for the source object size")
	}
	return data[a : b+1], nil
}

// AbortMultipartUploadInput names the upload to abort.
type AbortMultipartUploadInput struct {
	Bucket, Key, UploadId string
}

// AbortMultipartUploadOutput is the (empty) answer.
type AbortMultipartUploadOutput struct{}

// AbortMultipartUpload discards an upload and its parts; an unknown upload
// is NoSuchUpload.
func (s *Service) AbortMultipartUpload(ctx context.Context, in AbortMultipartUploadInput) (AbortMultipartUploadOutput, error) {
	sc, err := s.enter(ctx, "AbortMultipartUpload", in.Bucket, in.Key)
	if err != nil {
		return AbortMultipartUploadOutput{}, err
	}
	return AbortMultipartUploadOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		u, err := b.lookupUpload(in.Key, in.UploadId)
		if err != nil {
			return err
		}
		b.dropUpload(u)
		return nil
	})
}
