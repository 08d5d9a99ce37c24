package s3

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"hash/crc32"
	"hash/crc64"
	"strconv"
	"strings"
)

// The checksum algorithms S3 accepts, as x-amz-checksum-<algorithm> and
// x-amz-sdk-checksum-algorithm spell them (upper case here, lower case in the
// header names).
const (
	CRC32     = "CRC32"
	CRC32C    = "CRC32C"
	CRC64NVME = "CRC64NVME"
	SHA1      = "SHA1"
	SHA256    = "SHA256"
)

// Checksum types: a checksum of the whole object, or (multipart uploads) a
// checksum of the part checksums, shown as "<value>-<parts>".
const (
	FullObject = "FULL_OBJECT"
	Composite  = "COMPOSITE"
)

// ChecksumAlgorithms lists the algorithms in the order S3 documents them.
var ChecksumAlgorithms = []string{CRC32, CRC32C, CRC64NVME, SHA1, SHA256}

// crc64NVME is the reversed CRC-64/NVME polynomial, as hash/crc64 takes it.
var crc64NVMETable = crc64.MakeTable(0x9a6c9329ac4bc9b5)

var crc32cTable = crc32.MakeTable(crc32.Castagnoli)

// Checksums holds one base64 checksum value per algorithm, as the
// x-amz-checksum-* headers and the SDK's Checksum* members carry them. Empty
// means not given.
type Checksums struct {
	CRC32, CRC32C, CRC64NVME, SHA1, SHA256 string
}

// Get returns the value for algorithm alg.
func (c Checksums) Get(alg string) string {
	switch alg {
	case CRC32:
		return c.CRC32
	case CRC32C:
		return c.CRC32C
	case CRC64NVME:
		return c.CRC64NVME
	case SHA1:
		return c.SHA1
	case SHA256:
		return c.SHA256
	}
	return ""
}

// Set stores v as the value for algorithm alg.
func (c *Checksums) Set(alg, v string) {
	switch alg {
	case CRC32:
		c.CRC32 = v
	case CRC32C:
		c.CRC32C = v
	case CRC64NVME:
		c.CRC64NVME = v
	case SHA1:
		c.SHA1 = v
	case SHA256:
		c.SHA256 = v
	}
}

// given returns the algorithms that have a value.
func (c Checksums) given() []string {
	var out []string
	for _, a := range ChecksumAlgorithms {
		if c.Get(a) != "" {
			out = append(out, a)
		}
	}
	return out
}

// checksum is what S3 stores with an object or a part.
type checksum struct {
	alg, value, typ string
}

// checksums renders c as the Checksums of an output.
func (c checksum) checksums() Checksums {
	var out Checksums
	out.Set(c.alg, c.value)
	return out
}

// checksumType returns the type to report, "" when there is no checksum.
func (c checksum) checksumType() string {
	if c.alg == "" {
		return ""
	}
	return c.typ
}

func newHash(alg string) hash.Hash {
	switch alg {
	case CRC32:
		return crc32.NewIEEE()
	case CRC32C:
		return crc32.New(crc32cTable)
	case CRC64NVME:
		return crc64.New(crc64NVMETable)
	case SHA1:
		return sha1.New()
	case SHA256:
		return sha256.New()
	}
	return nil
}

// digestSize is the length of alg's digest in bytes.
func digestSize(alg string) int {
	switch alg {
	case CRC32, CRC32C:
		return 4
	case CRC64NVME:
		return 8
	case SHA1:
		return sha1.Size
	case SHA256:
		return sha256.Size
	}
	return 0
}

// sum returns alg's digest of data in base64, as S3 shows checksums.
func sum(alg string, data []byte) string {
	h := newHash(alg)
	_, _ = h.Write(data)
	return base64.StdEncoding.EncodeToString(h.Sum(nil))
}

// normalizeAlgorithm returns alg upper-cased if S3 knows it. S3 answers an
// unknown x-amz-sdk-checksum-algorithm or x-amz-checksum-algorithm with
// InvalidRequest.
func normalizeAlgorithm(alg, header string) (string, error) {
	if alg == "" {
		return "", nil
	}
	u := strings.ToUpper(alg)
	if newHash(u) == nil {
		return "", errs.New(codeInvalidRequest, "Value for %s header is invalid.", header)
	}
	return u, nil
}

// contentDigest is what S3 works out from a request body: the MD5 behind the
// ETag and the checksum it stores.
type contentDigest struct {
	md5 [md5.Size]byte
	sum checksum
}

// etag returns the quoted MD5 hex, S3's ETag of a single-part object.
func (d contentDigest) etag() string { return `"` + hex.EncodeToString(d.md5[:]) + `"` }

// verifyContent checks data against the Content-MD5 and the checksum a
// request carries and returns the digest S3 keeps. As S3 does:
//   - Content-MD5 must be the base64 of 16 bytes (InvalidDigest) and match
//     (BadDigest);
//   - at most one x-amz-checksum-* value may be given ("Expecting a single
//     x-amz-checksum- header"), of the algorithm's length (InvalidRequest),
//     and it must match ("The CRC32 you specified did not match the
//     calculated checksum.", BadDigest);
//   - with no value, alg (x-amz-sdk-checksum-algorithm) is computed, and
//     with neither S3 computes a CRC64NVME, its default since 2025
//     ("Amazon S3 now applies default data integrity protections").
func verifyContent(data []byte, contentMD5, alg string, sums Checksums) (contentDigest, error) {
	d := contentDigest{md5: md5.Sum(data)}
	if contentMD5 != "" {
		want, err := base64.StdEncoding.DecodeString(contentMD5)
		if err != nil || len(want) != md5.Size {
			return d, errs.New(codeInvalidDigest, "The Content-MD5 you specified was invalid.")
		}
		if string(want) != string(d.md5[:]) {
			e := errs.New(codeBadDigest, "The Content-MD5 you specified did not match what we received.")
			e.Fields = map[string]string{"ExpectedDigest": contentMD5,
				"CalculatedDigest": base64.StdEncoding.EncodeToString(d.md5[:])}
			return d, e
		}
	}
	a, v, err := givenChecksum(sums)
	if err != nil {
		return d, err
	}
	if a == "" {
		a = alg
		if a == "" {
			a = CRC64NVME
		}
		d.sum = checksum{alg: a, value: sum(a, data), typ: FullObject}
		return d, nil
	}
	got := sum(a, data)
	if got != v {
		return d, badChecksum(a)
	}
	d.sum = checksum{alg: a, value: v, typ: FullObject}
	return d, nil
}

// givenChecksum returns the one checksum value of sums, checked for shape.
func givenChecksum(sums Checksums) (alg, value string, err error) {
	algs := sums.given()
	switch len(algs) {
	case 0:
		return "", "", nil
	case 1:
	default:
		return "", "", errs.New(codeInvalidRequest,
			"Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.")
	}
	alg = algs[0]
	value = sums.Get(alg)
	raw, err := base64.StdEncoding.DecodeString(value)
	if err != nil || len(raw) != digestSize(alg) {
		return "", "", errs.New(codeInvalidRequest, "Value for x-amz-checksum-%s header is invalid.", strings.ToLower(alg))
	}
	return alg, value, nil
}

// compositeChecksum is S3's checksum of a multipart object built from part
// checksums: the digest of the concatenated binary part digests, then "-N".
func compositeChecksum(alg string, parts []string) string {
	h := newHash(alg)
	for _, p := range parts {
		raw, _ := base64.StdEncoding.DecodeString(p)
		_, _ = h.Write(raw)
	}
	return base64.StdEncoding.EncodeToString(h.Sum(nil)) + "-" + strconv.Itoa(len(parts))
}
