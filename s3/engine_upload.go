package s3

import (
	"crypto/md5"
	"encoding/hex"
	"slices"
	"strconv"
	"time"
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
	acl       []Grant // the object's, set at initiation
	enc       ObjectEncryption
	lock      ObjectLock
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

// completedBy returns the version of key that upload id made when it was
// completed, nil when there is none (never completed, or that version is
// gone). The caller holds s.mu.
func (b *bucket) completedBy(key, id string) *object {
	e := b.entries[key]
	if e == nil || id == "" {
		return nil
	}
	for _, o := range e.versions {
		if o.uploadID == id {
			return o
		}
	}
	return nil
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
		key: u.key, data: data, parts: len(parts), partEnds: ends, uploadID: u.id,
		etag:   `"` + hex.EncodeToString(etag[:]) + "-" + strconv.Itoa(len(parts)) + `"`,
		header: u.header, metadata: u.metadata, tags: u.tags, acl: u.acl, enc: u.enc, lock: u.lock,
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
