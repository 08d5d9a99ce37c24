package s3

import (
	"context"

	"github.com/awsfake/awsfake/internal/awserr"
)

// DeleteObjectInput names the object, or the version, to delete.
type DeleteObjectInput struct {
	Bucket, Key, VersionId string
	// IfMatch deletes only if the key's current version has one of these
	// ETags ("*" for any): a current object with another ETag is
	// PreconditionFailed, no current object NoSuchKey.
	IfMatch string
	// BypassGovernanceRetention is x-amz-bypass-governance-retention; nil
	// when absent.
	BypassGovernanceRetention *bool
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
// succeeds, as in S3, unless IfMatch asks for an object: S3's conditional
// delete evaluates only the current version. Events: s3:ObjectRemoved:Delete
// or s3:ObjectRemoved:DeleteMarkerCreated.
func (s *Service) DeleteObject(ctx context.Context, in DeleteObjectInput) (DeleteObjectOutput, error) {
	sc, err := s.enter(ctx, "DeleteObject", in.Bucket, in.Key)
	if err != nil {
		return DeleteObjectOutput{}, err
	}
	req := s.requesterOf(ctx)
	s.mu.Lock()
	b, err := s.lookupBucket(sc, in.Bucket)
	if err != nil {
		s.mu.Unlock()
		return DeleteObjectOutput{}, err
	}
	if in.IfMatch != "" {
		if err := checkWrite(in.IfMatch, "", b.current(in.Key), in.Key); err != nil {
			s.mu.Unlock()
			return DeleteObjectOutput{}, err
		}
	}
	if err := b.checkBypass(in.BypassGovernanceRetention); err != nil {
		s.mu.Unlock()
		return DeleteObjectOutput{}, err
	}
	out, ev, err := s.removeUnlocked(b, in.Key, in.VersionId, in.BypassGovernanceRetention, req)
	s.mu.Unlock()
	s.publish(ev)
	return out, err
}

// ObjectIdentifier names an object, or one version, for DeleteObjects.
// ETag makes its delete conditional, as DeleteObject's IfMatch does.
type ObjectIdentifier struct {
	Key, VersionId, ETag string
}

// DeleteObjectsInput lists up to 1000 objects to delete.
type DeleteObjectsInput struct {
	Bucket  string
	Objects []ObjectIdentifier
	// Quiet leaves successful deletes out of the answer.
	Quiet bool
	// BypassGovernanceRetention is x-amz-bypass-governance-retention; nil
	// when absent.
	BypassGovernanceRetention *bool
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

// DeleteObjects deletes up to 1000 objects as DeleteObject does each one,
// an ETag given with one as its If-Match ("you must provide the ETag value
// in the ETag element of the object", S3 User Guide); more, or none, is
// MalformedXML, as in S3.
func (s *Service) DeleteObjects(ctx context.Context, in DeleteObjectsInput) (DeleteObjectsOutput, error) {
	sc, err := s.enter(ctx, "DeleteObjects", in.Bucket, "")
	if err != nil {
		return DeleteObjectsOutput{}, err
	}
	if len(in.Objects) == 0 || len(in.Objects) > maxDeleteObjects {
		return DeleteObjectsOutput{}, malformedXML()
	}
	req := s.requesterOf(ctx)
	s.mu.Lock()
	b, err := s.lookupBucket(sc, in.Bucket)
	if err != nil {
		s.mu.Unlock()
		return DeleteObjectsOutput{}, err
	}
	if err := b.checkBypass(in.BypassGovernanceRetention); err != nil {
		s.mu.Unlock()
		return DeleteObjectsOutput{}, err
	}
	var out DeleteObjectsOutput
	var events []pendingEvent
	for _, id := range in.Objects {
		var r DeleteObjectOutput
		var ev []pendingEvent
		err := checkWrite(id.ETag, "", b.current(id.Key), id.Key)
		if err == nil {
			r, ev, err = s.removeUnlocked(b, id.Key, id.VersionId, in.BypassGovernanceRetention, req)
		}
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
