package s3

import (
	"context"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// CompletedPart names a part to assemble, with the ETag UploadPart
// returned and, for a composite checksum, the part's checksum.
type CompletedPart struct {
	PartNumber int
	ETag       string
	Checksums  Checksums
}

// CompleteMultipartUploadInput assembles an upload's parts into the object.
type CompleteMultipartUploadInput struct {
	Bucket, Key, UploadId string
	Parts                 []CompletedPart
	// Checksums may hold the full-object checksum of a FULL_OBJECT upload.
	Checksums            Checksums
	IfMatch, IfNoneMatch string
}

// CompleteMultipartUploadOutput describes the assembled object.
type CompleteMultipartUploadOutput struct {
	Location, Bucket, Key string
	ETag                  string // "md5-of-part-md5s-N"
	VersionId             string
	Checksums             Checksums
	ChecksumType          string
	Encryption            ObjectEncryption
	Expiration            string // x-amz-expiration: the lifecycle rule expiring the object
}

// CompleteMultipartUpload assembles the listed parts into the object and
// sends s3:ObjectCreated:CompleteMultipartUpload events. As S3 does, it
// checks that parts are listed in ascending order (InvalidPartOrder), were
// uploaded with the ETags given (InvalidPart), and that every part but the
// last holds at least 5 MiB (EntityTooSmall). Parts not listed are
// discarded. The ETag is the MD5 of the concatenated part MD5s, then "-N".
// Completing an upload already completed answers what its completion
// answered, as S3 does to a retried completion, for as long as the version
// it made is stored; it changes nothing and sends no event.
func (s *Service) CompleteMultipartUpload(ctx context.Context, in CompleteMultipartUploadInput) (CompleteMultipartUploadOutput, error) {
	sc, err := s.enter(ctx, "CompleteMultipartUpload", in.Bucket, in.Key)
	if err != nil {
		return CompleteMultipartUploadOutput{}, err
	}
	u, err := s.uploadOf(sc, in.Bucket, in.Key, in.UploadId)
	if err != nil {
		return s.completedAgain(sc, in, err)
	}
	parts, err := s.chooseParts(u, in)
	if err != nil {
		return CompleteMultipartUploadOutput{}, err
	}
	o, err := assemble(u, parts, in.Checksums)
	if err != nil {
		return CompleteMultipartUploadOutput{}, err
	}

	req := s.requesterOf(ctx)
	s.mu.Lock()
	b, err := s.lookupBucket(sc, in.Bucket)
	if err == nil {
		_, err = b.lookupUpload(in.Key, in.UploadId)
	}
	if err == nil {
		err = checkWrite(in.IfMatch, in.IfNoneMatch, b.current(in.Key), in.Key)
	}
	if err != nil {
		s.mu.Unlock()
		return CompleteMultipartUploadOutput{}, err
	}
	b.dropUpload(u)
	s.store(b, o)
	ev := s.event(b, "ObjectCreated:CompleteMultipartUpload", o, req)
	out := s.completed(b, o)
	s.mu.Unlock()
	s.publish(ev)
	return out, nil
}

// completedAgain answers the completion of an upload that is not in
// progress: what its completion answered when it made a version of the key
// that is still stored, else err (NoSuchUpload).
func (s *Service) completedAgain(sc faults.Scope, in CompleteMultipartUploadInput, err error) (CompleteMultipartUploadOutput, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, berr := s.lookupBucket(sc, in.Bucket)
	if berr != nil {
		return CompleteMultipartUploadOutput{}, berr
	}
	o := b.completedBy(in.Key, in.UploadId)
	if o == nil {
		return CompleteMultipartUploadOutput{}, err
	}
	return s.completed(b, o), nil
}

// completed is the answer of a completion that made o. The caller holds
// s.mu.
func (s *Service) completed(b *bucket, o *object) CompleteMultipartUploadOutput {
	out := CompleteMultipartUploadOutput{
		Location: s.objectURL(b.name, o.key),
		Bucket:   b.name, Key: o.key, ETag: o.etag,
		Checksums: o.sum.checksums(), ChecksumType: o.sum.checksumType(), Encryption: o.enc, Expiration: b.expiryHeader(o),
	}
	if b.versioned() {
		out.VersionId = o.versionID
	}
	return out
}

// chooseParts checks the part list of a completion against the upload.
func (s *Service) chooseParts(u *upload, in CompleteMultipartUploadInput) ([]*part, error) {
	if len(in.Parts) == 0 {
		return nil, malformedXML()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*part, 0, len(in.Parts))
	for i, cp := range in.Parts {
		if i > 0 && cp.PartNumber <= in.Parts[i-1].PartNumber {
			e := errs.New(codeInvalidPartOrder,
				"The list of parts was not in ascending order. The parts list must be specified in order by part number.")
			e.Fields = map[string]string{"UploadId": u.id}
			return nil, e
		}
		j, found := u.find(cp.PartNumber)
		if !found || strings.Trim(cp.ETag, `"`) != strings.Trim(u.parts[j].etag, `"`) {
			return nil, invalidPart(u.id, cp)
		}
		p := u.parts[j]
		if u.alg != "" {
			given := cp.Checksums.Get(u.alg)
			if given == "" && u.typ == Composite {
				return nil, errs.New(codeInvalidRequest,
					"The upload was created using a %s checksum. The complete request must include the checksum for each part. It was missing for part %d in the request.",
					strings.ToLower(u.alg), cp.PartNumber)
			}
			if given != "" && given != p.sum.value {
				return nil, invalidPart(u.id, cp)
			}
		}
		out = append(out, p)
	}
	for i, p := range out[:len(out)-1] {
		if len(p.data) < minPartSize {
			e := errs.New(codeEntityTooSmall, "Your proposed upload is smaller than the minimum allowed size")
			e.Fields = map[string]string{
				"ProposedSize": strconv.Itoa(len(p.data)), "MinSizeAllowed": strconv.Itoa(minPartSize),
				"PartNumber": strconv.Itoa(in.Parts[i].PartNumber), "ETag": strings.Trim(p.etag, `"`),
			}
			return nil, e
		}
	}
	return out, nil
}
