package s3

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

func (s *Service) putObject(w http.ResponseWriter, r *http.Request, t target) error {
	p, err := readPayload(r, s.MaxObjectSize())
	if err != nil {
		return err
	}
	if err := checkTrailer(r, p); err != nil {
		return err
	}
	tags, err := taggingHeader(r.Header.Get("x-amz-tagging"))
	if err != nil {
		return err
	}
	acl, err := aclHeaders(r.Header)
	if err != nil {
		return err
	}
	lock, err := lockHeaders(r.Header)
	if err != nil {
		return err
	}
	out, err := s.PutObject(r.Context(), PutObjectInput{
		Bucket: t.bucket, Key: t.key, Body: p.data,
		Headers: objectHeaders(r.Header), Metadata: metadata(r.Header), Tags: tags,
		ContentMD5: r.Header.Get("Content-MD5"), ChecksumAlgorithm: r.Header.Get("x-amz-sdk-checksum-algorithm"),
		Checksums: checksums(r.Header, p.trailers),
		IfMatch:   r.Header.Get("If-Match"), IfNoneMatch: r.Header.Get("If-None-Match"),
		ACL: acl, Encryption: sseHeaders(r.Header, false),
		Lock:  lock,
		owned: true,
	})
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("ETag", out.ETag)
	setIf(h, "x-amz-version-id", out.VersionId)
	setIf(h, "x-amz-expiration", out.Expiration)
	setChecksums(h, out.Checksums, out.ChecksumType)
	writeEncryption(h, out.Encryption)
	noContent(w, http.StatusOK)
	return nil
}

// readInput decodes the common parameters of GetObject and HeadObject.
func readInput(r *http.Request, t target) (GetObjectInput, error) {
	part, err := intParam(t, "partNumber")
	if err != nil {
		return GetObjectInput{}, err
	}
	if t.has("partNumber") && part == 0 {
		return GetObjectInput{}, invalidArgument("partNumber", "0", "Part number must be an integer between 1 and 10000, inclusive")
	}
	return GetObjectInput{
		Bucket: t.bucket, Key: t.key, VersionId: t.query.Get("versionId"),
		Range: r.Header.Get("Range"), PartNumber: part, Conditions: conditions(r.Header, ""),
		ChecksumMode: strings.EqualFold(r.Header.Get("x-amz-checksum-mode"), "ENABLED"),
		Encryption:   sseHeaders(r.Header, false),
	}, nil
}

func (s *Service) getObject(w http.ResponseWriter, r *http.Request, t target) error {
	in, err := readInput(r, t)
	if err != nil {
		return err
	}
	in.shared = true
	out, err := s.GetObject(r.Context(), in)
	if err != nil {
		return err
	}
	status := writeObjectHeaders(w.Header(), out, t.query)
	w.WriteHeader(status)
	_, _ = w.Write(out.Body)
	return nil
}

func (s *Service) headObject(w http.ResponseWriter, r *http.Request, t target) error {
	in, err := readInput(r, t)
	if err != nil {
		return err
	}
	out, err := s.HeadObject(r.Context(), in)
	if err != nil {
		return err
	}
	w.WriteHeader(writeObjectHeaders(w.Header(), out, t.query))
	return nil
}

// responseOverrides are the query parameters of GetObject that replace a
// response header.
var responseOverrides = map[string]string{
	"response-content-type":        "Content-Type",
	"response-content-language":    "Content-Language",
	"response-expires":             "Expires",
	"response-cache-control":       "Cache-Control",
	"response-content-disposition": "Content-Disposition",
	"response-content-encoding":    "Content-Encoding",
}

// writeObjectHeaders sets the headers of a GetObject or HeadObject answer
// and returns its status: 206 for a partial read, 200 otherwise.
func writeObjectHeaders(h http.Header, out GetObjectOutput, q url.Values) int {
	h.Set("Content-Length", strconv.FormatInt(out.ContentLength, 10))
	h.Set("Content-Type", out.Headers.ContentType)
	h.Set("ETag", out.ETag)
	h.Set("Last-Modified", out.LastModified.UTC().Format(http.TimeFormat))
	h.Set("Accept-Ranges", "bytes")
	writeEncryption(h, out.Encryption)
	setIf(h, "Content-Encoding", out.Headers.ContentEncoding)
	setIf(h, "Content-Disposition", out.Headers.ContentDisposition)
	setIf(h, "Content-Language", out.Headers.ContentLanguage)
	setIf(h, "Cache-Control", out.Headers.CacheControl)
	setIf(h, "Expires", out.Headers.Expires)
	setIf(h, "x-amz-website-redirect-location", out.Headers.WebsiteRedirectLocation)
	if out.Headers.StorageClass != defaultStorage {
		setIf(h, "x-amz-storage-class", out.Headers.StorageClass)
	}
	setIf(h, "x-amz-version-id", out.VersionId)
	setIf(h, "x-amz-expiration", out.Expiration)
	writeLockHeaders(h, out.Lock)
	setIf(h, "x-amz-restore", out.Restore)
	if out.TagCount > 0 {
		h.Set("x-amz-tagging-count", strconv.Itoa(out.TagCount))
	}
	if out.PartsCount > 0 {
		h.Set("x-amz-mp-parts-count", strconv.Itoa(out.PartsCount))
	}
	for k, v := range out.Metadata {
		h["x-amz-meta-"+k] = []string{v} // lower-case on the wire, as S3 sends it: not canonicalised
	}
	setChecksums(h, out.Checksums, out.ChecksumType)
	for param, header := range responseOverrides {
		if v := q.Get(param); v != "" {
			h.Set(header, v)
		}
	}
	if out.ContentRange != "" {
		h.Set("Content-Range", out.ContentRange)
		return http.StatusPartialContent
	}
	return http.StatusOK
}

// deleteObject serves DeleteObject. The size and last-modified-time
// conditions are for directory buckets: a general purpose bucket answers
// them NotImplemented, naming the header (recorded: TestS3DeletePrecondition::
// test_delete_object_if_match_size_non_express).
func (s *Service) deleteObject(w http.ResponseWriter, r *http.Request, t target) error {
	for _, name := range []string{"x-amz-if-match-last-modified-time", "x-amz-if-match-size"} {
		if r.Header.Get(name) != "" {
			return withFields(errs.New(codeNotImplemented, "A header you provided implies functionality that is not implemented"), "Header", name)
		}
	}
	out, err := s.DeleteObject(r.Context(), DeleteObjectInput{Bucket: t.bucket, Key: t.key, VersionId: t.query.Get("versionId"),
		IfMatch: r.Header.Get("If-Match"), BypassGovernanceRetention: bypassHeader(r.Header)})
	if err != nil {
		return err
	}
	h := w.Header()
	setIf(h, "x-amz-version-id", out.VersionId)
	if out.DeleteMarker {
		h.Set("x-amz-delete-marker", "true")
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type deleteXML struct {
	XMLName xml.Name `xml:"Delete"`
	Quiet   bool     `xml:"Quiet"`
	Objects []struct {
		Key       string `xml:"Key"`
		VersionId string `xml:"VersionId"`
		ETag      string `xml:"ETag"`
	} `xml:"Object"`
}

type deleteResultXML struct {
	XMLName xml.Name         `xml:"DeleteResult"`
	Xmlns   string           `xml:"xmlns,attr"`
	Deleted []deletedXML     `xml:"Deleted"`
	Errors  []deleteErrorXML `xml:"Error"`
}

type deletedXML struct {
	Key                   string `xml:"Key"`
	VersionId             string `xml:"VersionId,omitempty"`
	DeleteMarker          bool   `xml:"DeleteMarker,omitempty"`
	DeleteMarkerVersionId string `xml:"DeleteMarkerVersionId,omitempty"`
}

type deleteErrorXML struct {
	Key       string `xml:"Key"`
	VersionId string `xml:"VersionId,omitempty"`
	Code      string `xml:"Code"`
	Message   string `xml:"Message"`
}

// deleteObjects serves DeleteObjects, which S3 takes only with a
// Content-MD5 or a checksum of the body.
func (s *Service) deleteObjects(w http.ResponseWriter, r *http.Request, t target) error {
	var doc deleteXML
	if err := readXML(r, &doc, true); err != nil {
		return err
	}
	in := DeleteObjectsInput{Bucket: t.bucket, Quiet: doc.Quiet, BypassGovernanceRetention: bypassHeader(r.Header)}
	for _, o := range doc.Objects {
		in.Objects = append(in.Objects, ObjectIdentifier{Key: o.Key, VersionId: o.VersionId, ETag: o.ETag})
	}
	out, err := s.DeleteObjects(r.Context(), in)
	if err != nil {
		return err
	}
	res := deleteResultXML{Xmlns: xmlns}
	for _, d := range out.Deleted {
		res.Deleted = append(res.Deleted, deletedXML(d))
	}
	for _, e := range out.Errors {
		res.Errors = append(res.Errors, deleteErrorXML(e))
	}
	return writeXML(w, res)
}

// copySource parses x-amz-copy-source: "bucket/key" or "/bucket/key",
// URL-encoded, with an optional "?versionId=".
func copySourceHeader(h http.Header) (CopySource, error) {
	v := h.Get("x-amz-copy-source")
	path, query, _ := strings.Cut(v, "?")
	path = strings.TrimPrefix(path, "/")
	bucketPart, keyPart, _ := strings.Cut(path, "/")
	b, errB := url.PathUnescape(bucketPart)
	k, errK := url.PathUnescape(keyPart)
	q, errQ := url.ParseQuery(query)
	if errB != nil || errK != nil || errQ != nil || b == "" || k == "" {
		return CopySource{}, invalidArgument("x-amz-copy-source", v,
			"Copy Source must mention the source bucket and key: sourcebucket/sourcekey")
	}
	return CopySource{Bucket: b, Key: k, VersionId: q.Get("versionId"), Conditions: conditions(h, "x-amz-copy-source-"),
		Encryption: sseHeaders(h, true)}, nil
}

type copyResultXML struct {
	XMLName           xml.Name `xml:"CopyObjectResult"`
	Xmlns             string   `xml:"xmlns,attr"`
	ETag              string   `xml:"ETag"`
	LastModified      string   `xml:"LastModified"`
	ChecksumType      string   `xml:"ChecksumType,omitempty"`
	ChecksumCRC32     string   `xml:"ChecksumCRC32,omitempty"`
	ChecksumCRC32C    string   `xml:"ChecksumCRC32C,omitempty"`
	ChecksumCRC64NVME string   `xml:"ChecksumCRC64NVME,omitempty"`
	ChecksumSHA1      string   `xml:"ChecksumSHA1,omitempty"`
	ChecksumSHA256    string   `xml:"ChecksumSHA256,omitempty"`
}

func (s *Service) copyObject(w http.ResponseWriter, r *http.Request, t target) error {
	src, err := copySourceHeader(r.Header)
	if err != nil {
		return err
	}
	tags, err := taggingHeader(r.Header.Get("x-amz-tagging"))
	if err != nil {
		return err
	}
	acl, err := aclHeaders(r.Header)
	if err != nil {
		return err
	}
	lock, err := lockHeaders(r.Header)
	if err != nil {
		return err
	}
	out, err := s.CopyObject(r.Context(), CopyObjectInput{
		Bucket: t.bucket, Key: t.key, Source: src, Lock: lock,
		MetadataDirective: r.Header.Get("x-amz-metadata-directive"), TaggingDirective: r.Header.Get("x-amz-tagging-directive"),
		Headers: objectHeaders(r.Header), Metadata: metadata(r.Header), Tags: tags,
		ChecksumAlgorithm: r.Header.Get("x-amz-checksum-algorithm"),
		ACL:               acl, Encryption: sseHeaders(r.Header, false),
	})
	if err != nil {
		return err
	}
	h := w.Header()
	setIf(h, "x-amz-version-id", out.VersionId)
	setIf(h, "x-amz-copy-source-version-id", out.CopySourceVersionId)
	setIf(h, "x-amz-expiration", out.Expiration)
	writeEncryption(h, out.Encryption)
	c := out.Checksums
	return writeXML(w, copyResultXML{Xmlns: xmlns, ETag: out.ETag, LastModified: iso(out.LastModified),
		ChecksumType: out.ChecksumType, ChecksumCRC32: c.CRC32, ChecksumCRC32C: c.CRC32C,
		ChecksumCRC64NVME: c.CRC64NVME, ChecksumSHA1: c.SHA1, ChecksumSHA256: c.SHA256})
}

func (s *Service) getObjectTagging(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetObjectTagging(r.Context(), ObjectTaggingInput{Bucket: t.bucket, Key: t.key, VersionId: t.query.Get("versionId")})
	if err != nil {
		return err
	}
	setIf(w.Header(), "x-amz-version-id", out.VersionId)
	return writeXML(w, tagDoc(out.Tags))
}

func (s *Service) putObjectTagging(w http.ResponseWriter, r *http.Request, t target) error {
	var doc taggingXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	out, err := s.PutObjectTagging(r.Context(), PutObjectTaggingInput{Bucket: t.bucket, Key: t.key,
		VersionId: t.query.Get("versionId"), Tags: doc.tags()})
	if err != nil {
		return err
	}
	setIf(w.Header(), "x-amz-version-id", out.VersionId)
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) deleteObjectTagging(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.DeleteObjectTagging(r.Context(), ObjectTaggingInput{Bucket: t.bucket, Key: t.key, VersionId: t.query.Get("versionId")})
	if err != nil {
		return err
	}
	setIf(w.Header(), "x-amz-version-id", out.VersionId)
	w.WriteHeader(http.StatusNoContent)
	return nil
}
