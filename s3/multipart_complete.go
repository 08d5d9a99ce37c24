package s3

import (
	"context"
	"strconv"
	"strings"
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
	Expiration            string // x-amz-expiration: the lifecycle rule expiring the object
}

// CompleteMultipartUpload assembles the listed parts into the object and
// sends s3:ObjectCreated:CompleteMultipartUpload events. As S3 does, it
// checks that parts are listed in ascending order (InvalidPartOrder), were
// uploaded with the ETags given (InvalidPart), and that every part but the
// last holds at least 5 MiB (EntityTooSmall). Parts not listed are
// discarded. The ETag is the MD5 of the concatenated part MD5s, then "-N".
func (s *Service) CompleteMultipartUpload(ctx context.Context, in CompleteMultipartUploadInput) (CompleteMultipartUploadOutput, error) {
	sc, err := s.enter(ctx, "CompleteMultipartUpload", in.Bucket, in.Key)
	if err != nil {
		return CompleteMultipartUploadOutput{}, err
	}
	u, err := s.uploadOf(sc, in.Bucket, in.Key, in.UploadId)
	if err != nil {
		return CompleteMultipartUploadOutput{}, err
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
	out := CompleteMultipartUploadOutput{
		Location: s.objectURL(in.Bucket, in.Key),
		Bucket:   in.Bucket, Key: in.Key, ETag: o.etag,
		Checksums: o.sum.checksums(), ChecksumType: o.sum.checksumType(), Expiration: b.expiryHeader(o),
	}
	if b.versioned() {
		out.VersionId = o.versionID
	}
	s.mu.Unlock()
	s.publish(ev)
	return out, nil
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
