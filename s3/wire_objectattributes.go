package s3

import (
	"encoding/xml"
	"net/http"
	"slices"
	"strings"
)

type objectAttributesXML struct {
	XMLName      xml.Name      `xml:"GetObjectAttributesResponse"`
	Xmlns        string        `xml:"xmlns,attr"`
	ETag         string        `xml:"ETag,omitempty"`
	Checksum     *checksumAttr `xml:"Checksum,omitempty"`
	ObjectParts  *partsAttr    `xml:"ObjectParts,omitempty"`
	StorageClass string        `xml:"StorageClass,omitempty"`
	ObjectSize   *int64        `xml:"ObjectSize,omitempty"`
}

type checksumAttr struct {
	checksumsXML
	ChecksumType string `xml:"ChecksumType,omitempty"`
}

type partsAttr struct {
	TotalPartsCount int `xml:"PartsCount"`
}

// getObjectAttributes answers the attributes x-amz-object-attributes
// names (a comma-separated list, spaces allowed: shared/aws-recordings, s3
// test_get_object_attributes_with_space).
func (s *Service) getObjectAttributes(w http.ResponseWriter, r *http.Request, t target) error {
	var attrs []string
	for _, v := range r.Header.Values("x-amz-object-attributes") {
		for _, a := range strings.Split(v, ",") {
			if a = strings.TrimSpace(a); a != "" {
				attrs = append(attrs, a)
			}
		}
	}
	out, err := s.GetObjectAttributes(r.Context(), GetObjectAttributesInput{Bucket: t.bucket, Key: t.key,
		VersionId: t.query.Get("versionId"), Attributes: attrs, Encryption: sseHeaders(r.Header, false)})
	if err != nil {
		return err
	}
	w.Header().Set("Last-Modified", out.LastModified.UTC().Format(http.TimeFormat))
	setIf(w.Header(), "x-amz-version-id", out.VersionId)
	doc := objectAttributesXML{Xmlns: xmlns}
	asked := func(a string) bool { return slices.Contains(out.Asked, a) }
	if asked("ETag") {
		doc.ETag = out.ETag
	}
	if asked("Checksum") && out.ChecksumType != "" {
		doc.Checksum = &checksumAttr{checksumsXML: checksumsDoc(out.Checksums), ChecksumType: out.ChecksumType}
	}
	if asked("ObjectParts") && out.PartsCount > 0 {
		doc.ObjectParts = &partsAttr{TotalPartsCount: out.PartsCount}
	}
	if asked("StorageClass") {
		doc.StorageClass = out.StorageClass
	}
	if asked("ObjectSize") {
		doc.ObjectSize = &out.ObjectSize
	}
	return writeXML(w, doc)
}
