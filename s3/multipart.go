package s3

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Multipart limits (S3 User Guide, "Amazon S3 multipart upload limits").
const (
	maxParts    = 10000
	minPartSize = 5 << 20 // every part but the last: 5 MiB
	maxListing  = 1000    // default and largest page of ListParts and friends
)

// upload is a multipart upload in progress.
type upload struct {
	id, key   string
	initiated time.Time
	header    ObjectHeaders
	metadata  map[string]string
	tags      []Tag
	alg, typ  string  // checksum algorithm and type; "" when none was asked for
	parts     []*part // sorted by number
}

// part is one uploaded part.
type part struct {
	number       int
	data         []byte
	md5          [md5.Size]byte
	etag         string
	sum          checksum
	lastModified time.Time
}

// find returns the index of part n and whether it exists.
func (u *upload) find(n int) (int, bool) {
	return slices.BinarySearchFunc(u.parts, n, func(p *part, n int) int { return p.number - n })
}

// lookupUpload returns the upload id of key in b. The caller holds s.mu.
func (b *bucket) lookupUpload(key, id string) (*upload, error) {
	u := b.uploads[id]
	if u == nil || u.key != key {
		return nil, noSuchUpload(id)
	}
	return u, nil
}

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
}

// CreateMultipartUploadOutput identifies the new upload.
type CreateMultipartUploadOutput struct {
	Bucket, Key, UploadId           string
	ChecksumAlgorithm, ChecksumType string
}

// CreateMultipartUpload starts a multipart upload of Key.
func (s *Service) CreateMultipartUpload(ctx context.Context, in CreateMultipartUploadInput) (CreateMultipartUploadOutput, error) {
	_, err := s.enter(ctx, "CreateMultipartUpload", in.Bucket, in.Key)
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
	err = s.withBucket(in.Bucket, func(b *bucket) error {
		b.uploads[u.id] = u
		if len(b.uploadsBy[u.key]) == 0 {
			b.uploadKeys.Insert(u.key)
		}
		b.uploadsBy[u.key] = append(b.uploadsBy[u.key], u)
		return nil
	})
	if err != nil {
		return CreateMultipartUploadOutput{}, err
	}
	return CreateMultipartUploadOutput{Bucket: in.Bucket, Key: in.Key, UploadId: u.id, ChecksumAlgorithm: alg, ChecksumType: typ}, nil
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
}

// UploadPartOutput describes the stored part.
type UploadPartOutput struct {
	ETag      string
	Checksums Checksums
}

// UploadPart stores a part, replacing any earlier part with its number.
// When the upload has a checksum algorithm, a part checksum of another
// algorithm is refused ("Checksum Type mismatch occurred") and the part's
// checksum is computed when not given.
func (s *Service) UploadPart(ctx context.Context, in UploadPartInput) (UploadPartOutput, error) {
	_, err := s.enter(ctx, "UploadPart", in.Bucket, in.Key)
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
	u, err := s.uploadOf(in.Bucket, in.Key, in.UploadId)
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
	if err := s.addPart(in.Bucket, in.Key, in.UploadId, p); err != nil {
		return UploadPartOutput{}, err
	}
	out := UploadPartOutput{ETag: p.etag}
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
func (s *Service) uploadOf(bucketName, key, id string) (*upload, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.lookupBucket(bucketName)
	if err != nil {
		return nil, err
	}
	return b.lookupUpload(key, id)
}

// addPart stores p in its upload, which must still be in progress.
func (s *Service) addPart(bucketName, key, id string, p *part) error {
	return s.withBucket(bucketName, func(b *bucket) error {
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
	_, err := s.enter(ctx, "UploadPartCopy", in.Bucket, in.Key)
	if err != nil {
		return UploadPartCopyOutput{}, err
	}
	if err := checkPartNumber(in.PartNumber); err != nil {
		return UploadPartCopyOutput{}, err
	}
	u, err := s.uploadOf(in.Bucket, in.Key, in.UploadId)
	if err != nil {
		return UploadPartCopyOutput{}, err
	}
	src, srcVersion, err := s.copySource(in.Source)
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
	if err := s.addPart(in.Bucket, in.Key, in.UploadId, p); err != nil {
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
}

// CompleteMultipartUpload assembles the listed parts into the object and
// sends s3:ObjectCreated:CompleteMultipartUpload events. As S3 does, it
// checks that parts are listed in ascending order (InvalidPartOrder), were
// uploaded with the ETags given (InvalidPart), and that every part but the
// last holds at least 5 MiB (EntityTooSmall). Parts not listed are
// discarded. The ETag is the MD5 of the concatenated part MD5s, then "-N".
func (s *Service) CompleteMultipartUpload(ctx context.Context, in CompleteMultipartUploadInput) (CompleteMultipartUploadOutput, error) {
	_, err := s.enter(ctx, "CompleteMultipartUpload", in.Bucket, in.Key)
	if err != nil {
		return CompleteMultipartUploadOutput{}, err
	}
	u, err := s.uploadOf(in.Bucket, in.Key, in.UploadId)
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
	b, err := s.lookupBucket(in.Bucket)
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
		Checksums: o.sum.checksums(), ChecksumType: o.sum.checksumType(),
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

// assemble builds the object of a completed upload: the concatenated
// parts, the multipart ETag and the checksum of the upload's type. Parts
// are never changed once stored, so this runs without the lock.
func assemble(u *upload, parts []*part, full Checksums) (*object, error) {
	var size int64
	for _, p := range parts {
		size += int64(len(p.data))
	}
	data := make([]byte, 0, size)
	ends := make([]int64, len(parts))
	md5s := make([]byte, 0, len(parts)*md5.Size)
	sums := make([]string, len(parts))
	for i, p := range parts {
		data = append(data, p.data...)
		ends[i] = int64(len(data))
		md5s = append(md5s, p.md5[:]...)
		sums[i] = p.sum.value
	}
	etag := md5.Sum(md5s)
	o := &object{
		key: u.key, data: data, parts: len(parts), partEnds: ends,
		etag:   `"` + hex.EncodeToString(etag[:]) + "-" + strconv.Itoa(len(parts)) + `"`,
		header: u.header, metadata: u.metadata, tags: u.tags,
	}
	switch {
	case u.typ == Composite:
		o.sum = checksum{alg: u.alg, value: compositeChecksum(u.alg, sums), typ: Composite}
	default:
		alg := u.alg
		if alg == "" {
			alg = CRC64NVME
		}
		o.sum = checksum{alg: alg, value: sum(alg, data), typ: FullObject}
		if want := full.Get(alg); want != "" && want != o.sum.value {
			return nil, badChecksum(alg)
		}
	}
	return o, nil
}

// dropUpload forgets u. The caller holds s.mu.
func (b *bucket) dropUpload(u *upload) {
	delete(b.uploads, u.id)
	list := b.uploadsBy[u.key]
	for i, x := range list {
		if x == u {
			list = append(list[:i], list[i+1:]...)
			break
		}
	}
	if len(list) == 0 {
		delete(b.uploadsBy, u.key)
		b.uploadKeys.Delete(u.key)
	} else {
		b.uploadsBy[u.key] = list
	}
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
	_, err := s.enter(ctx, "AbortMultipartUpload", in.Bucket, in.Key)
	if err != nil {
		return AbortMultipartUploadOutput{}, err
	}
	return AbortMultipartUploadOutput{}, s.withBucket(in.Bucket, func(b *bucket) error {
		u, err := b.lookupUpload(in.Key, in.UploadId)
		if err != nil {
			return err
		}
		b.dropUpload(u)
		return nil
	})
}

// ListPartsInput pages through the parts of an upload.
type ListPartsInput struct {
	Bucket, Key, UploadId string
	MaxParts              int // 0 means 1000
	PartNumberMarker      int // list parts after this one
}

// Part is one part of a listing.
type Part struct {
	PartNumber   int
	LastModified time.Time
	ETag         string
	Size         int64
	Checksums    Checksums
}

// ListPartsOutput is a page of parts.
type ListPartsOutput struct {
	Bucket, Key, UploadId           string
	PartNumberMarker                int
	NextPartNumberMarker            int
	MaxParts                        int
	IsTruncated                     bool
	Parts                           []Part
	Owner                           Owner
	StorageClass                    string
	ChecksumAlgorithm, ChecksumType string
}

// ListParts lists an upload's parts in order, MaxParts (up to 1000) at a
// time.
func (s *Service) ListParts(ctx context.Context, in ListPartsInput) (ListPartsOutput, error) {
	_, err := s.enter(ctx, "ListParts", in.Bucket, in.Key)
	if err != nil {
		return ListPartsOutput{}, err
	}
	limit, err := pageSize(in.MaxParts, "max-parts")
	if err != nil {
		return ListPartsOutput{}, err
	}
	out := ListPartsOutput{Bucket: in.Bucket, Key: in.Key, UploadId: in.UploadId, PartNumberMarker: in.PartNumberMarker,
		MaxParts: limit, Owner: s.owner}
	err = s.withBucket(in.Bucket, func(b *bucket) error {
		u, err := b.lookupUpload(in.Key, in.UploadId)
		if err != nil {
			return err
		}
		out.StorageClass, out.ChecksumAlgorithm, out.ChecksumType = u.header.StorageClass, u.alg, u.typ
		i, found := u.find(in.PartNumberMarker)
		if found {
			i++
		}
		for ; i < len(u.parts); i++ {
			if len(out.Parts) == limit {
				out.IsTruncated = true
				break
			}
			p := u.parts[i]
			lp := Part{PartNumber: p.number, LastModified: p.lastModified, ETag: p.etag, Size: int64(len(p.data))}
			if u.alg != "" {
				lp.Checksums = p.sum.checksums()
			}
			out.Parts = append(out.Parts, lp)
		}
		if n := len(out.Parts); n > 0 {
			out.NextPartNumberMarker = out.Parts[n-1].PartNumber
		}
		return nil
	})
	return out, err
}

// pageSize checks a max-* argument: 0 means the default of 1000, larger
// values are capped at 1000, negative ones are refused.
func pageSize(n int, name string) (int, error) {
	switch {
	case n < 0:
		return 0, invalidArgument(name, strconv.Itoa(n), "Argument "+name+" must be an integer between 0 and 2147483647")
	case n == 0 || n > maxListing:
		return maxListing, nil
	}
	return n, nil
}

// ListMultipartUploadsInput pages through a bucket's uploads in progress.
type ListMultipartUploadsInput struct {
	Bucket, Prefix, Delimiter string
	KeyMarker, UploadIdMarker string
	MaxUploads                int // 0 means 1000
}

// MultipartUpload is one upload of a listing.
type MultipartUpload struct {
	Key, UploadId                   string
	Initiated                       time.Time
	StorageClass                    string
	Owner                           Owner
	ChecksumAlgorithm, ChecksumType string
}

// ListMultipartUploadsOutput is a page of uploads, by key then by
// initiation time.
type ListMultipartUploadsOutput struct {
	Bucket, Prefix, Delimiter         string
	KeyMarker, UploadIdMarker         string
	NextKeyMarker, NextUploadIdMarker string
	MaxUploads                        int
	IsTruncated                       bool
	Uploads                           []MultipartUpload
	CommonPrefixes                    []string
}

// ListMultipartUploads lists the uploads in progress in key order (uploads
// of one key in the order they started), rolling keys up into common
// prefixes at Delimiter.
func (s *Service) ListMultipartUploads(ctx context.Context, in ListMultipartUploadsInput) (ListMultipartUploadsOutput, error) {
	_, err := s.enter(ctx, "ListMultipartUploads", in.Bucket, "")
	if err != nil {
		return ListMultipartUploadsOutput{}, err
	}
	limit, err := pageSize(in.MaxUploads, "max-uploads")
	if err != nil {
		return ListMultipartUploadsOutput{}, err
	}
	out := ListMultipartUploadsOutput{Bucket: in.Bucket, Prefix: in.Prefix, Delimiter: in.Delimiter,
		KeyMarker: in.KeyMarker, UploadIdMarker: in.UploadIdMarker, MaxUploads: limit}
	err = s.withBucket(in.Bucket, func(b *bucket) error {
		w := walk{prefix: in.Prefix, delimiter: in.Delimiter, marker: in.KeyMarker, limit: limit}
		within := in.UploadIdMarker != "" && in.KeyMarker != ""
		w.run(&b.uploadKeys, within, func(key string, room int) (int, string) {
			n, last := 0, ""
			skipping := within && key == in.KeyMarker
			for _, u := range b.uploadsBy[key] {
				if skipping {
					skipping = u.id != in.UploadIdMarker
					continue
				}
				if n == room {
					return -1, last
				}
				out.Uploads = append(out.Uploads, MultipartUpload{Key: key, UploadId: u.id, Initiated: u.initiated,
					StorageClass: u.header.StorageClass, Owner: s.owner, ChecksumAlgorithm: u.alg, ChecksumType: u.typ})
				n++
				last = u.id
			}
			return n, last
		}, func(p string) { out.CommonPrefixes = append(out.CommonPrefixes, p) })
		out.IsTruncated = w.truncated
		if w.truncated {
			out.NextKeyMarker, out.NextUploadIdMarker = w.lastKey, w.lastSub
		}
		return nil
	})
	return out, err
}
