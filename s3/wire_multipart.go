package s3

import (
	"encoding/xml"
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// checksumsXML are the Checksum* members of S3's XML documents.
type checksumsXML struct {
	ChecksumCRC32     string `xml:"ChecksumCRC32,omitempty"`
	ChecksumCRC32C    string `xml:"ChecksumCRC32C,omitempty"`
	ChecksumCRC64NVME string `xml:"ChecksumCRC64NVME,omitempty"`
	ChecksumSHA1      string `xml:"ChecksumSHA1,omitempty"`
	ChecksumSHA256    string `xml:"ChecksumSHA256,omitempty"`
}

func checksumsDoc(c Checksums) checksumsXML {
	return checksumsXML{c.CRC32, c.CRC32C, c.CRC64NVME, c.SHA1, c.SHA256}
}

func (x checksumsXML) checksums() Checksums {
	return Checksums{x.ChecksumCRC32, x.ChecksumCRC32C, x.ChecksumCRC64NVME, x.ChecksumSHA1, x.ChecksumSHA256}
}

func (s *Service) createMultipartUpload(w http.ResponseWriter, r *http.Request, t target) error {
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
	out, err := s.CreateMultipartUpload(r.Context(), CreateMultipartUploadInput{
		Bucket: t.bucket, Key: t.key, Headers: objectHeaders(r.Header), Metadata: metadata(r.Header), Tags: tags, Lock: lock,
		ChecksumAlgorithm: r.Header.Get("x-amz-checksum-algorithm"), ChecksumType: r.Header.Get("x-amz-checksum-type"),
		ACL: acl, Encryption: sseHeaders(r.Header, false),
	})
	if err != nil {
		return err
	}
	h := w.Header()
	setIf(h, "x-amz-checksum-algorithm", out.ChecksumAlgorithm)
	setIf(h, "x-amz-checksum-type", out.ChecksumType)
	writeEncryption(h, out.Encryption)
	return writeXML(w, struct {
		XMLName  xml.Name `xml:"InitiateMultipartUploadResult"`
		Xmlns    string   `xml:"xmlns,attr"`
		Bucket   string   `xml:"Bucket"`
		Key      string   `xml:"Key"`
		UploadId string   `xml:"UploadId"`
	}{Xmlns: xmlns, Bucket: out.Bucket, Key: out.Key, UploadId: out.UploadId})
}

func (s *Service) uploadPart(w http.ResponseWriter, r *http.Request, t target) error {
	n, err := intParam(t, "partNumber")
	if err != nil {
		return err
	}
	p, err := readPayload(r, s.MaxObjectSize())
	if err != nil {
		return err
	}
	if err := checkTrailer(r, p); err != nil {
		return err
	}
	out, err := s.UploadPart(r.Context(), UploadPartInput{
		Bucket: t.bucket, Key: t.key, UploadId: t.query.Get("uploadId"), PartNumber: n, Body: p.data,
		ContentMD5: r.Header.Get("Content-MD5"), ChecksumAlgorithm: r.Header.Get("x-amz-sdk-checksum-algorithm"),
		Checksums: checksums(r.Header, p.trailers), Encryption: sseHeaders(r.Header, false),
	})
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("ETag", out.ETag)
	setChecksums(h, out.Checksums, "")
	writeEncryption(h, out.Encryption)
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) uploadPartCopy(w http.ResponseWriter, r *http.Request, t target) error {
	n, err := intParam(t, "partNumber")
	if err != nil {
		return err
	}
	src, err := copySourceHeader(r.Header)
	if err != nil {
		return err
	}
	out, err := s.UploadPartCopy(r.Context(), UploadPartCopyInput{
		Bucket: t.bucket, Key: t.key, UploadId: t.query.Get("uploadId"), PartNumber: n,
		Source: src, SourceRange: r.Header.Get("x-amz-copy-source-range"),
	})
	if err != nil {
		return err
	}
	setIf(w.Header(), "x-amz-copy-source-version-id", out.CopySourceVersionId)
	return writeXML(w, struct {
		XMLName      xml.Name `xml:"CopyPartResult"`
		Xmlns        string   `xml:"xmlns,attr"`
		ETag         string   `xml:"ETag"`
		LastModified string   `xml:"LastModified"`
		checksumsXML
	}{Xmlns: xmlns, ETag: out.ETag, LastModified: iso(out.LastModified), checksumsXML: checksumsDoc(out.Checksums)})
}

type completeXML struct {
	XMLName xml.Name `xml:"CompleteMultipartUpload"`
	Parts   []struct {
		PartNumber int    `xml:"PartNumber"`
		ETag       string `xml:"ETag"`
		checksumsXML
	} `xml:"Part"`
}

type completeResultXML struct {
	XMLName  xml.Name `xml:"CompleteMultipartUploadResult"`
	Xmlns    string   `xml:"xmlns,attr"`
	Location string   `xml:"Location"`
	Bucket   string   `xml:"Bucket"`
	Key      string   `xml:"Key"`
	ETag     string   `xml:"ETag"`
	checksumsXML
	ChecksumType string `xml:"ChecksumType,omitempty"`
}

func (s *Service) completeMultipartUpload(w http.ResponseWriter, r *http.Request, t target) error {
	// The x-amz-checksum-* headers of CompleteMultipartUpload are the
	// whole object's checksum, not the body's: only Content-MD5 is checked
	// against the XML.
	p, err := readPayload(r, protocol.DefaultBodyLimit)
	if err != nil {
		return err
	}
	if _, err := verifyContent(p.data, r.Header.Get("Content-MD5"), "", Checksums{}); err != nil {
		return err
	}
	var doc completeXML
	if err := xml.Unmarshal(p.data, &doc); err != nil {
		return malformedXML()
	}
	in := CompleteMultipartUploadInput{
		Bucket: t.bucket, Key: t.key, UploadId: t.query.Get("uploadId"),
		Checksums: checksums(r.Header, nil),
		IfMatch:   r.Header.Get("If-Match"), IfNoneMatch: r.Header.Get("If-None-Match"),
	}
	for _, p := range doc.Parts {
		in.Parts = append(in.Parts, CompletedPart{PartNumber: p.PartNumber, ETag: p.ETag, Checksums: p.checksums()})
	}
	out, err := s.CompleteMultipartUpload(r.Context(), in)
	if err != nil {
		return err
	}
	h := w.Header()
	setIf(h, "x-amz-version-id", out.VersionId)
	setIf(h, "x-amz-expiration", out.Expiration)
	writeEncryption(h, out.Encryption)
	return writeXML(w, completeResultXML{Xmlns: xmlns, Location: out.Location, Bucket: out.Bucket, Key: out.Key,
		ETag: out.ETag, checksumsXML: checksumsDoc(out.Checksums), ChecksumType: out.ChecksumType})
}

func (s *Service) abortMultipartUpload(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.AbortMultipartUpload(r.Context(), AbortMultipartUploadInput{Bucket: t.bucket, Key: t.key,
		UploadId: t.query.Get("uploadId")}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type partXML struct {
	PartNumber   int    `xml:"PartNumber"`
	LastModified string `xml:"LastModified"`
	ETag         string `xml:"ETag"`
	Size         int64  `xml:"Size"`
	checksumsXML
}

type listPartsXML struct {
	XMLName              xml.Name  `xml:"ListPartsResult"`
	Xmlns                string    `xml:"xmlns,attr"`
	Bucket               string    `xml:"Bucket"`
	Key                  string    `xml:"Key"`
	UploadId             string    `xml:"UploadId"`
	PartNumberMarker     int       `xml:"PartNumberMarker"`
	NextPartNumberMarker int       `xml:"NextPartNumberMarker"`
	MaxParts             int       `xml:"MaxParts"`
	IsTruncated          bool      `xml:"IsTruncated"`
	Parts                []partXML `xml:"Part"`
	Initiator            ownerXML  `xml:"Initiator"`
	Owner                ownerXML  `xml:"Owner"`
	StorageClass         string    `xml:"StorageClass"`
	ChecksumAlgorithm    string    `xml:"ChecksumAlgorithm,omitempty"`
	ChecksumType         string    `xml:"ChecksumType,omitempty"`
}

func (s *Service) listParts(w http.ResponseWriter, r *http.Request, t target) error {
	maxParts, err := intParam(t, "max-parts")
	if err != nil {
		return err
	}
	marker, err := intParam(t, "part-number-marker")
	if err != nil {
		return err
	}
	out, err := s.ListParts(r.Context(), ListPartsInput{Bucket: t.bucket, Key: t.key, UploadId: t.query.Get("uploadId"),
		MaxParts: maxParts, PartNumberMarker: marker})
	if err != nil {
		return err
	}
	doc := listPartsXML{Xmlns: xmlns, Bucket: out.Bucket, Key: out.Key, UploadId: out.UploadId,
		PartNumberMarker: out.PartNumberMarker, NextPartNumberMarker: out.NextPartNumberMarker, MaxParts: out.MaxParts,
		IsTruncated: out.IsTruncated, Initiator: ownerXML(out.Owner), Owner: ownerXML(out.Owner),
		StorageClass: out.StorageClass, ChecksumAlgorithm: out.ChecksumAlgorithm, ChecksumType: out.ChecksumType}
	for _, p := range out.Parts {
		doc.Parts = append(doc.Parts, partXML{PartNumber: p.PartNumber, LastModified: iso(p.LastModified), ETag: p.ETag,
			Size: p.Size, checksumsXML: checksumsDoc(p.Checksums)})
	}
	return writeXML(w, doc)
}

type uploadXML struct {
	Key               string   `xml:"Key"`
	UploadId          string   `xml:"UploadId"`
	Initiator         ownerXML `xml:"Initiator"`
	Owner             ownerXML `xml:"Owner"`
	StorageClass      string   `xml:"StorageClass"`
	Initiated         string   `xml:"Initiated"`
	ChecksumAlgorithm string   `xml:"ChecksumAlgorithm,omitempty"`
	ChecksumType      string   `xml:"ChecksumType,omitempty"`
}

type listUploadsXML struct {
	XMLName            xml.Name    `xml:"ListMultipartUploadsResult"`
	Xmlns              string      `xml:"xmlns,attr"`
	Bucket             string      `xml:"Bucket"`
	KeyMarker          string      `xml:"KeyMarker"`
	UploadIdMarker     string      `xml:"UploadIdMarker"`
	NextKeyMarker      string      `xml:"NextKeyMarker,omitempty"`
	NextUploadIdMarker string      `xml:"NextUploadIdMarker,omitempty"`
	Prefix             string      `xml:"Prefix,omitempty"`
	Delimiter          string      `xml:"Delimiter,omitempty"`
	MaxUploads         int         `xml:"MaxUploads"`
	IsTruncated        bool        `xml:"IsTruncated"`
	EncodingType       string      `xml:"EncodingType,omitempty"`
	Uploads            []uploadXML `xml:"Upload"`
	CommonPrefixes     []prefixXML `xml:"CommonPrefixes"`
}

func (s *Service) listMultipartUploads(w http.ResponseWriter, r *http.Request, t target) error {
	enc, et, n, err := listParams(t, "max-uploads")
	if err != nil {
		return err
	}
	out, err := s.ListMultipartUploads(r.Context(), ListMultipartUploadsInput{
		Bucket: t.bucket, Prefix: t.query.Get("prefix"), Delimiter: t.query.Get("delimiter"),
		KeyMarker: t.query.Get("key-marker"), UploadIdMarker: t.query.Get("upload-id-marker"), MaxUploads: n,
	})
	if err != nil {
		return err
	}
	doc := listUploadsXML{Xmlns: xmlns, Bucket: out.Bucket, KeyMarker: enc(out.KeyMarker), UploadIdMarker: out.UploadIdMarker,
		NextKeyMarker: enc(out.NextKeyMarker), NextUploadIdMarker: out.NextUploadIdMarker, Prefix: enc(out.Prefix),
		Delimiter: enc(out.Delimiter), MaxUploads: out.MaxUploads, IsTruncated: out.IsTruncated, EncodingType: et,
		CommonPrefixes: prefixes(out.CommonPrefixes, enc)}
	for _, u := range out.Uploads {
		doc.Uploads = append(doc.Uploads, uploadXML{Key: enc(u.Key), UploadId: u.UploadId, Initiator: ownerXML(u.Owner),
			Owner: ownerXML(u.Owner), StorageClass: u.StorageClass, Initiated: iso(u.Initiated),
			ChecksumAlgorithm: u.ChecksumAlgorithm, ChecksumType: u.ChecksumType})
	}
	return writeXML(w, doc)
}
