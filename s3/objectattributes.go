package s3

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// objectAttributes are the attributes GetObjectAttributes returns.
var objectAttributes = []string{"ETag", "Checksum", "ObjectParts", "StorageClass", "ObjectSize"}

// GetObjectAttributesInput names an object (or a version) and the
// attributes to return.
type GetObjectAttributesInput struct {
	Bucket, Key, VersionId string
	// Attributes are among ETag, Checksum, ObjectParts, StorageClass and
	// ObjectSize (x-amz-object-attributes).
	Attributes []string
	// Encryption carries the SSE-C key of an object stored with one.
	Encryption SSE
}

// GetObjectAttributesOutput holds the attributes asked for; the others
// are zero.
type GetObjectAttributesOutput struct {
	LastModified time.Time
	VersionId    string
	ETag         string // unquoted, as S3 returns it here
	Checksums    Checksums
	ChecksumType string
	// PartsCount is the parts of a multipart object, 0 for another.
	PartsCount   int
	StorageClass string
	ObjectSize   int64
	Asked        []string // the attributes asked for
}

// GetObjectAttributes returns an object's attributes without its data. As
// S3 checks: at least one attribute, each of the five S3 has
// (InvalidArgument), and an SSE-C object's key.
func (s *Service) GetObjectAttributes(ctx context.Context, in GetObjectAttributesInput) (GetObjectAttributesOutput, error) {
	sc, err := s.enter(ctx, "GetObjectAttributes", in.Bucket, in.Key)
	if err != nil {
		return GetObjectAttributesOutput{}, err
	}
	if len(in.Attributes) == 0 {
		return GetObjectAttributesOutput{}, invalidArgument("x-amz-object-attributes", "",
			"The x-amz-object-attributes header specifying the attributes to be retrieved is either missing or empty")
	}
	for _, a := range in.Attributes {
		if !slices.Contains(objectAttributes, a) {
			return GetObjectAttributesOutput{}, invalidArgument("x-amz-object-attributes", a, "Invalid attribute name specified.")
		}
	}
	out := GetObjectAttributesOutput{Asked: slices.Clone(in.Attributes)}
	var keyErr error
	err = s.withAttributesOf(sc, in.Bucket, in.Key, in.VersionId, func(b *bucket, o *object) {
		if keyErr = checkCustomerRead(o.enc, in.Encryption); keyErr != nil {
			return
		}
		out.LastModified, out.ETag, out.ObjectSize = o.lastModified, strings.Trim(o.etag, `"`), o.size()
		out.Checksums, out.ChecksumType, out.PartsCount = o.sum.checksums(), o.sum.checksumType(), o.parts
		out.StorageClass = o.header.StorageClass
		if out.StorageClass == "" {
			out.StorageClass = defaultStorage
		}
		if b.versioned() {
			out.VersionId = o.versionID
		}
	})
	if err == nil {
		err = keyErr
	}
	if err != nil {
		return GetObjectAttributesOutput{}, err
	}
	return out, nil
}

// withAttributesOf runs f on the version GetObjectAttributes reads, under
// the service lock. A current delete marker is as if the object were
// deleted (NoSuchKey), a marker named by its version id MethodNotAllowed:
// "If the current version of the object is a delete marker, Amazon S3
// behaves as if the object was deleted" (GetObjectAttributes).
func (s *Service) withAttributesOf(sc faults.Scope, bucketName, key, versionID string, f func(*bucket, *object)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.lookupBucket(sc, bucketName)
	if err != nil {
		return err
	}
	o, err := b.version(key, versionID)
	if err != nil {
		return err
	}
	if o.deleteMarker {
		return markerNotAllowed(o, b, "GET")
	}
	f(b, o)
	return nil
}
