package s3

import (
	"context"
	"encoding/binary"
	"hash/crc32"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// walk pages through an index of keys as S3 listings do: keys after a
// marker that start with a prefix, rolled up into common prefixes at a
// delimiter, until limit entries are listed. A common prefix is listed only
// if it sorts after the marker, and the walk then jumps past every key under
// it, so that a page costs O(log n + page) however many keys the prefixes
// hide.
type walk struct {
	prefix, delimiter, marker string
	limit                     int

	count     int
	truncated bool
	lastKey   string // the last key or common prefix listed
	lastSub   string // the last version or upload id listed within lastKey
}

// run walks idx. With within, the walk starts at the marker key itself, so
// that visit can resume inside it (after a version or upload id marker);
// otherwise it starts after the marker. visit lists what it can of a key in
// room entries and returns how many it listed and the id of the last one,
// or -1 when the key holds more than room. addPrefix lists a common prefix.
func (w *walk) run(idx *keyIndex, within bool, visit func(key string, room int) (int, string), addPrefix func(string)) {
	var c cursor
	switch {
	case w.prefix > w.marker:
		c = idx.Seek(w.prefix)
	case within:
		c = idx.Seek(w.marker)
	default:
		c = idx.SeekAfter(w.marker)
	}
	for w.limit > 0 && c.Valid() {
		key := c.Key()
		if !strings.HasPrefix(key, w.prefix) {
			return
		}
		if cp, ok := rollUp(key, w.prefix, w.delimiter); ok {
			if cp > w.marker {
				if w.count == w.limit {
					w.truncated = true
					return
				}
				addPrefix(cp)
				w.count++
				w.lastKey, w.lastSub = cp, ""
			}
			end := prefixEnd(cp)
			if end == "" {
				return
			}
			c = idx.Seek(end)
			continue
		}
		room := w.limit - w.count
		if room == 0 {
			w.truncated = true
			return
		}
		n, last := visit(key, room)
		if n < 0 {
			w.count, w.truncated, w.lastKey, w.lastSub = w.limit, true, key, last
			return
		}
		if n > 0 {
			w.count += n
			w.lastKey, w.lastSub = key, last
		}
		c.Next()
	}
}

// ObjectSummary is one object of a listing.
type ObjectSummary struct {
	Key          string
	LastModified time.Time
	ETag         string
	Size         int64
	StorageClass string
	// Owner is set in ListObjects and, with FetchOwner, ListObjectsV2.
	Owner             *Owner
	ChecksumAlgorithm string
	ChecksumType      string
}

func (s *Service) summary(o *object, withOwner bool) ObjectSummary {
	out := ObjectSummary{Key: o.key, LastModified: o.lastModified, ETag: o.etag, Size: o.size(),
		StorageClass: o.header.StorageClass, ChecksumAlgorithm: o.sum.alg, ChecksumType: o.sum.checksumType()}
	if withOwner {
		owner := s.owner
		out.Owner = &owner
	}
	return out
}

// ListObjectsV2Input pages through a bucket's objects.
type ListObjectsV2Input struct {
	Bucket, Prefix, Delimiter string
	// MaxKeys is the page size, at most 1000; nil means 1000, and 0 lists
	// nothing (not truncated), as S3 answers max-keys=0.
	MaxKeys *int
	// ContinuationToken is the NextContinuationToken of the previous page.
	ContinuationToken string
	// StartAfter lists keys after this one (ignored with a token).
	StartAfter string
	FetchOwner bool
}

// ListObjectsV2Output is a page of objects and common prefixes.
type ListObjectsV2Output struct {
	Name, Prefix, Delimiter string
	MaxKeys, KeyCount       int
	IsTruncated             bool
	ContinuationToken       string
	NextContinuationToken   string
	StartAfter              string
	Contents                []ObjectSummary
	CommonPrefixes          []string
}

// ListObjectsV2 lists the current objects of a bucket in key order. Keys
// that contain Delimiter after Prefix are rolled up into one common prefix
// each; KeyCount counts both. A malformed token is InvalidArgument ("The
// continuation token provided is incorrect"), as in S3.
func (s *Service) ListObjectsV2(ctx context.Context, in ListObjectsV2Input) (ListObjectsV2Output, error) {
	sc, err := s.enter(ctx, "ListObjectsV2", in.Bucket, "")
	if err != nil {
		return ListObjectsV2Output{}, err
	}
	limit, err := keysPageSize(in.MaxKeys)
	if err != nil {
		return ListObjectsV2Output{}, err
	}
	marker := in.StartAfter
	if in.ContinuationToken != "" {
		key, ok := tokenKey(in.ContinuationToken)
		if !ok { // recorded: TestS3ListObjectsV2::test_list_objects_v2_continuation_start_after
			return ListObjectsV2Output{}, withFields(errs.New(codeInvalidArgument, "The continuation token provided is incorrect"),
				"ArgumentName", "continuation-token")
		}
		marker = key
	}
	out := ListObjectsV2Output{Name: in.Bucket, Prefix: in.Prefix, Delimiter: in.Delimiter, MaxKeys: limit,
		ContinuationToken: in.ContinuationToken, StartAfter: in.StartAfter}
	w := walk{prefix: in.Prefix, delimiter: in.Delimiter, marker: marker, limit: limit}
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		w.run(&b.live, false, func(key string, _ int) (int, string) {
			out.Contents = append(out.Contents, s.summary(b.current(key), in.FetchOwner))
			return 1, ""
		}, func(p string) { out.CommonPrefixes = append(out.CommonPrefixes, p) })
		return nil
	})
	if err != nil {
		return ListObjectsV2Output{}, err
	}
	out.KeyCount, out.IsTruncated = w.count, w.truncated
	if w.truncated {
		out.NextContinuationToken = continuationToken(w.lastKey)
	}
	return out, nil
}

// ListObjectsInput pages through a bucket's objects, version 1.
type ListObjectsInput struct {
	Bucket, Prefix, Delimiter string
	Marker                    string
	MaxKeys                   *int // as ListObjectsV2Input's
}

// ListObjectsOutput is a page of ListObjects (version 1).
type ListObjectsOutput struct {
	Name, Prefix, Delimiter string
	Marker                  string
	// NextMarker is set, when the page is truncated and a delimiter was
	// given, to the last key or prefix listed; without a delimiter callers
	// use the last key, as S3 documents.
	NextMarker     string
	MaxKeys        int
	IsTruncated    bool
	Contents       []ObjectSummary
	CommonPrefixes []string
}

// ListObjects is ListObjectsV2's predecessor, paged by key marker.
func (s *Service) ListObjects(ctx context.Context, in ListObjectsInput) (ListObjectsOutput, error) {
	sc, err := s.enter(ctx, "ListObjects", in.Bucket, "")
	if err != nil {
		return ListObjectsOutput{}, err
	}
	limit, err := keysPageSize(in.MaxKeys)
	if err != nil {
		return ListObjectsOutput{}, err
	}
	out := ListObjectsOutput{Name: in.Bucket, Prefix: in.Prefix, Delimiter: in.Delimiter, Marker: in.Marker, MaxKeys: limit}
	w := walk{prefix: in.Prefix, delimiter: in.Delimiter, marker: in.Marker, limit: limit}
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		w.run(&b.live, false, func(key string, _ int) (int, string) {
			out.Contents = append(out.Contents, s.summary(b.current(key), true))
			return 1, ""
		}, func(p string) { out.CommonPrefixes = append(out.CommonPrefixes, p) })
		return nil
	})
	if err != nil {
		return ListObjectsOutput{}, err
	}
	out.IsTruncated = w.truncated
	if w.truncated && in.Delimiter != "" {
		out.NextMarker = w.lastKey
	}
	return out, nil
}

// keysPageSize is the page size of ListObjects, ListObjectsV2 and
// ListObjectVersions: 1000 when max-keys is absent, none for 0 (not
// truncated), at most 1000.
func keysPageSize(n *int) (int, error) {
	if n == nil {
		return maxListing, nil
	}
	if *n == 0 {
		return 0, nil
	}
	return pageSize(*n, "max-keys")
}

// continuationToken is the ListObjectsV2 token of a page ending at key:
// pagetoken's, the key followed by its CRC-32, so that a token S3 did not
// hand out is refused as S3 refuses it.
func continuationToken(key string) string {
	return pagetoken.Of(string(binary.BigEndian.AppendUint32([]byte(key), crc32.ChecksumIEEE([]byte(key)))))
}

// tokenKey returns the key a continuation token names; ok is false for a
// token continuationToken did not make.
func tokenKey(token string) (key string, ok bool) {
	b, ok := pagetoken.Key(token)
	if !ok || len(b) < 5 {
		return "", false
	}
	key, sum := b[:len(b)-4], b[len(b)-4:]
	return key, binary.BigEndian.Uint32([]byte(sum)) == crc32.ChecksumIEEE([]byte(key))
}

// ListObjectVersionsInput pages through every version of a bucket's
// objects.
type ListObjectVersionsInput struct {
	Bucket, Prefix, Delimiter string
	KeyMarker                 string
	// VersionIdMarker resumes within KeyMarker after this version.
	VersionIdMarker string
	MaxKeys         *int // as ListObjectsV2Input's
}

// ObjectVersion is one version or delete marker of a listing.
type ObjectVersion struct {
	Key, VersionId    string
	IsLatest          bool
	DeleteMarker      bool
	LastModified      time.Time
	ETag              string // not for delete markers
	Size              int64
	StorageClass      string
	Owner             Owner
	ChecksumAlgorithm string
	ChecksumType      string
}

// ListObjectVersionsOutput is a page of versions, by key and, within a
// key, newest first.
type ListObjectVersionsOutput struct {
	Name, Prefix, Delimiter            string
	KeyMarker, VersionIdMarker         string
	NextKeyMarker, NextVersionIdMarker string
	MaxKeys                            int
	IsTruncated                        bool
	Versions                           []ObjectVersion
	CommonPrefixes                     []string
}

// ListObjectVersions lists versions and delete markers, newest first
// within each key; objects written before versioning show as version
// "null". A version id marker needs a key marker (InvalidArgument).
func (s *Service) ListObjectVersions(ctx context.Context, in ListObjectVersionsInput) (ListObjectVersionsOutput, error) {
	sc, err := s.enter(ctx, "ListObjectVersions", in.Bucket, "")
	if err != nil {
		return ListObjectVersionsOutput{}, err
	}
	limit, err := keysPageSize(in.MaxKeys)
	if err != nil {
		return ListObjectVersionsOutput{}, err
	}
	if in.VersionIdMarker != "" && in.KeyMarker == "" {
		return ListObjectVersionsOutput{}, invalidArgument("version-id-marker", in.VersionIdMarker,
			"A version-id marker cannot be specified without a key marker.")
	}
	if in.VersionIdMarker != "" && in.VersionIdMarker != "null" && !validVersionID(in.VersionIdMarker) {
		return ListObjectVersionsOutput{}, invalidArgument("version-id-marker", in.VersionIdMarker, "Invalid version id specified")
	}
	out := ListObjectVersionsOutput{Name: in.Bucket, Prefix: in.Prefix, Delimiter: in.Delimiter,
		KeyMarker: in.KeyMarker, VersionIdMarker: in.VersionIdMarker, MaxKeys: limit}
	w := walk{prefix: in.Prefix, delimiter: in.Delimiter, marker: in.KeyMarker, limit: limit}
	within := in.VersionIdMarker != ""
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		w.run(&b.all, within, func(key string, room int) (int, string) {
			vs := b.entries[key].versions
			i := len(vs) - 1
			if within && key == in.KeyMarker {
				for i >= 0 && vs[i].versionID != in.VersionIdMarker {
					i--
				}
				i-- // resume after the marker; none left if it was not found
			}
			n, last := 0, ""
			for ; i >= 0; i-- {
				if n == room {
					return -1, last
				}
				out.Versions = append(out.Versions, s.versionOf(vs[i], i == len(vs)-1))
				n++
				last = vs[i].versionID
			}
			return n, last
		}, func(p string) { out.CommonPrefixes = append(out.CommonPrefixes, p) })
		return nil
	})
	if err != nil {
		return ListObjectVersionsOutput{}, err
	}
	out.IsTruncated = w.truncated
	if w.truncated {
		out.NextKeyMarker, out.NextVersionIdMarker = w.lastKey, w.lastSub
	}
	return out, nil
}

func (s *Service) versionOf(o *object, latest bool) ObjectVersion {
	v := ObjectVersion{Key: o.key, VersionId: o.versionID, IsLatest: latest, DeleteMarker: o.deleteMarker,
		LastModified: o.lastModified, Owner: s.owner}
	if !o.deleteMarker {
		v.ETag, v.Size, v.StorageClass = o.etag, o.size(), o.header.StorageClass
		v.ChecksumAlgorithm, v.ChecksumType = o.sum.alg, o.sum.checksumType()
	}
	return v
}
