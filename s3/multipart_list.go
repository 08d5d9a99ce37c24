package s3

import (
	"context"
	"strconv"
	"time"
)

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
// time. A negative MaxParts or PartNumberMarker is InvalidArgument
// ("Argument max-parts must be an integer between 0 and 2147483647"); on
// the wire, a value that is not a 32-bit integer is InvalidArgument
// ("Provided max-parts not an integer or within integer range"), an empty
// one absent (recorded: TestS3ListParts::
// test_list_parts_empty_part_number_marker).
func (s *Service) ListParts(ctx context.Context, in ListPartsInput) (ListPartsOutput, error) {
	sc, err := s.enter(ctx, "ListParts", in.Bucket, in.Key)
	if err != nil {
		return ListPartsOutput{}, err
	}
	limit, err := pageSize(in.MaxParts, "max-parts")
	if err != nil {
		return ListPartsOutput{}, err
	}
	if in.PartNumberMarker < 0 {
		return ListPartsOutput{}, invalidArgument("part-number-marker", strconv.Itoa(in.PartNumberMarker),
			"Argument part-number-marker must be an integer between 0 and 2147483647")
	}
	out := ListPartsOutput{Bucket: in.Bucket, Key: in.Key, UploadId: in.UploadId, PartNumberMarker: in.PartNumberMarker,
		MaxParts: limit, Owner: s.owner}
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
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
	sc, err := s.enter(ctx, "ListMultipartUploads", in.Bucket, "")
	if err != nil {
		return ListMultipartUploadsOutput{}, err
	}
	limit, err := pageSize(in.MaxUploads, "max-uploads")
	if err != nil {
		return ListMultipartUploadsOutput{}, err
	}
	out := ListMultipartUploadsOutput{Bucket: in.Bucket, Prefix: in.Prefix, Delimiter: in.Delimiter,
		KeyMarker: in.KeyMarker, UploadIdMarker: in.UploadIdMarker, MaxUploads: limit}
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
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
