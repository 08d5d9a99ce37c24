package s3

import (
	"context"

	"github.com/awsfake/awsfake/internal/faults"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/tags"
)

// Tag limits (S3: "You can associate up to 10 tags with an object", "up to
// 50 tags" with a bucket; keys up to 128 Unicode characters, values up to
// 256, AWS's defaults in internal/tags).
const (
	maxObjectTags = 10
	maxBucketTags = 50
)

// Tag is a key-value pair on a bucket or an object.
type Tag struct {
	Key, Value string
}

// objectTags and bucketTags are S3's tag rules, with its wording: both
// refuse the reserved aws: prefix and characters outside the allowed set
// (recorded: TestS3BucketObjectTagging::test_tagging_validation).
var (
	objectTags = tags.Rules{Max: maxObjectTags, Reserved: true, Chars: true, Errors: tagError}
	bucketTags = tags.Rules{Max: maxBucketTags, Reserved: true, Chars: true, Errors: tagError}
)

// validateTags checks a tag set as S3 does, with InvalidTag errors naming
// the tag at fault.
func validateTags(ts []Tag, rules *tags.Rules) error {
	if len(ts) == 0 {
		return nil
	}
	in := make([]tags.Tag, len(ts))
	for i, t := range ts {
		in[i] = tags.Tag(t)
	}
	return rules.Check(in)
}

// tagError is S3's answer to a broken tag rule: InvalidTag naming the
// key, and the value when the value is at fault, as recorded.
func tagError(v tags.Violation) error {
	object := v.Rules.Max == maxObjectTags
	switch v.Kind {
	case tags.TooMany:
		if object {
			return errs.New(codeBadRequest, "Object tags cannot be greater than 10")
		}
		return errs.New(codeInvalidTag, "Bucket tag count cannot be greater than 50")
	case tags.ReservedKey:
		if object {
			return invalidTag("Your TagKey cannot be prefixed with aws:", v.Tag.Key)
		}
		return invalidTag("System tags cannot be added/updated by requester", v.Tag.Key)
	case tags.DuplicateKey:
		return invalidTag("Cannot provide multiple Tags with the same key", v.Tag.Key)
	case tags.ValueLength:
		return invalidTag("The TagValue you have provided is invalid", v.Tag.Key, "TagValue", v.Tag.Value)
	}
	if v.Kind == tags.InvalidChars && tags.ValidChars(v.Tag.Key) {
		return invalidTag("The TagValue you have provided is invalid", v.Tag.Key, "TagValue", v.Tag.Value)
	}
	return invalidTag("The TagKey you have provided is invalid", v.Tag.Key)
}

// invalidTag is InvalidTag naming key, and any other fields kv.
func invalidTag(msg, key string, kv ...string) *awserr.Error {
	return withFields(errs.New(codeInvalidTag, "%s", msg), append([]string{"TagKey", key}, kv...)...)
}

func cloneTags(tags []Tag) []Tag {
	if len(tags) == 0 {
		return nil
	}
	return append([]Tag(nil), tags...)
}

// PutBucketTaggingInput replaces a bucket's tags.
type PutBucketTaggingInput struct {
	Bucket string
	Tags   []Tag
}

// PutBucketTaggingOutput is the (empty) answer to PutBucketTagging.
type PutBucketTaggingOutput struct{}

// PutBucketTagging replaces a bucket's tag set (up to 50 tags).
func (s *Service) PutBucketTagging(ctx context.Context, in PutBucketTaggingInput) (PutBucketTaggingOutput, error) {
	sc, err := s.enter(ctx, "PutBucketTagging", in.Bucket, "")
	if err != nil {
		return PutBucketTaggingOutput{}, err
	}
	if err := validateTags(in.Tags, &bucketTags); err != nil {
		return PutBucketTaggingOutput{}, err
	}
	return PutBucketTaggingOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.tags = cloneTags(in.Tags)
		return nil
	})
}

// GetBucketTaggingInput names the bucket.
type GetBucketTaggingInput struct {
	Bucket string
}

// GetBucketTaggingOutput holds a bucket's tags.
type GetBucketTaggingOutput struct {
	Tags []Tag
}

// GetBucketTagging returns a bucket's tags, or NoSuchTagSet (404) when it
// has none.
func (s *Service) GetBucketTagging(ctx context.Context, in GetBucketTaggingInput) (GetBucketTaggingOutput, error) {
	sc, err := s.enter(ctx, "GetBucketTagging", in.Bucket, "")
	if err != nil {
		return GetBucketTaggingOutput{}, err
	}
	var out GetBucketTaggingOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if len(b.tags) == 0 {
			e := errs.New(codeNoSuchTagSet, "The TagSet does not exist")
			e.Fields = map[string]string{"BucketName": in.Bucket}
			return e
		}
		out.Tags = cloneTags(b.tags)
		return nil
	})
	return out, err
}

// DeleteBucketTaggingInput names the bucket.
type DeleteBucketTaggingInput struct {
	Bucket string
}

// DeleteBucketTaggingOutput is the (empty) answer to DeleteBucketTagging.
type DeleteBucketTaggingOutput struct{}

// DeleteBucketTagging removes a bucket's tags.
func (s *Service) DeleteBucketTagging(ctx context.Context, in DeleteBucketTaggingInput) (DeleteBucketTaggingOutput, error) {
	sc, err := s.enter(ctx, "DeleteBucketTagging", in.Bucket, "")
	if err != nil {
		return DeleteBucketTaggingOutput{}, err
	}
	return DeleteBucketTaggingOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.tags = nil
		return nil
	})
}

// ObjectTaggingInput names an object (or a version) whose tags are read or
// deleted.
type ObjectTaggingInput struct {
	Bucket, Key, VersionId string
}

// GetObjectTaggingOutput holds an object's tags.
type GetObjectTaggingOutput struct {
	Tags      []Tag
	VersionId string
}

// GetObjectTagging returns the tags of an object, empty when it has none.
// Its NoSuchKey names the key as "bucket/key", as S3's does (recorded:
// TestS3BucketObjectTagging::test_object_tagging_exc, "get-no-key-tags").
func (s *Service) GetObjectTagging(ctx context.Context, in ObjectTaggingInput) (GetObjectTaggingOutput, error) {
	sc, err := s.enter(ctx, "GetObjectTagging", in.Bucket, in.Key)
	if err != nil {
		return GetObjectTaggingOutput{}, err
	}
	var out GetObjectTaggingOutput
	err = s.withObject(sc, "GET", in.Bucket, in.Key, in.VersionId, func(b *bucket, o *object) {
		out.Tags = cloneTags(o.tags)
		if b.versioned() {
			out.VersionId = o.versionID
		}
	})
	if awserr.Is(err, codeNoSuchKey) {
		awserr.As(err).Fields["Key"] = in.Bucket + "/" + in.Key
	}
	return out, err
}

// PutObjectTaggingInput replaces the tags of an object (or a version).
type PutObjectTaggingInput struct {
	Bucket, Key, VersionId string
	Tags                   []Tag
}

// ObjectTaggingOutput names the version whose tags changed.
type ObjectTaggingOutput struct {
	VersionId string
}

// PutObjectTagging replaces an object's tags (up to 10) and sends
// s3:ObjectTagging:Put events.
func (s *Service) PutObjectTagging(ctx context.Context, in PutObjectTaggingInput) (ObjectTaggingOutput, error) {
	sc, err := s.enter(ctx, "PutObjectTagging", in.Bucket, in.Key)
	if err != nil {
		return ObjectTaggingOutput{}, err
	}
	if err := validateTags(in.Tags, &objectTags); err != nil {
		return ObjectTaggingOutput{}, err
	}
	return s.retag(ctx, sc, "PUT", in.Bucket, in.Key, in.VersionId, in.Tags, "ObjectTagging:Put")
}

// DeleteObjectTagging removes an object's tags and sends
// s3:ObjectTagging:Delete events.
func (s *Service) DeleteObjectTagging(ctx context.Context, in ObjectTaggingInput) (ObjectTaggingOutput, error) {
	sc, err := s.enter(ctx, "DeleteObjectTagging", in.Bucket, in.Key)
	if err != nil {
		return ObjectTaggingOutput{}, err
	}
	return s.retag(ctx, sc, "DELETE", in.Bucket, in.Key, in.VersionId, nil, "ObjectTagging:Delete")
}

func (s *Service) retag(ctx context.Context, sc faults.Scope, method, bucketName, key, versionID string, tags []Tag, event string) (ObjectTaggingOutput, error) {
	req := s.requesterOf(ctx)
	var out ObjectTaggingOutput
	var evs []pendingEvent
	err := s.withObject(sc, method, bucketName, key, versionID, func(b *bucket, o *object) {
		o.tags = cloneTags(tags)
		if b.versioned() {
			out.VersionId = o.versionID
		}
		evs = s.event(b, event, o, req)
	})
	s.publish(evs)
	return out, err
}

// withObject runs f on an object version under the service lock. A delete
// marker, by version id or as the current version, gives MethodNotAllowed
// naming method, as S3 answers tagging calls on one (recorded:
// TestS3BucketObjectTagging::test_object_tagging_versioned).
func (s *Service) withObject(sc faults.Scope, method, bucketName, key, versionID string, f func(*bucket, *object)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.lookupBucket(sc, bucketName)
	if err != nil {
		return err
	}
	o := b.current(key)
	if versionID != "" || o == nil || !o.deleteMarker {
		if o, err = b.version(key, versionID); err != nil {
			return err
		}
	}
	if o.deleteMarker {
		return markerNotAllowed(o, b, method)
	}
	f(b, o)
	return nil
}
