package s3

import (
	"encoding/xml"
	"net/http"
)

type contentsXML struct {
	Key               string    `xml:"Key"`
	LastModified      string    `xml:"LastModified"`
	ETag              string    `xml:"ETag"`
	ChecksumAlgorithm []string  `xml:"ChecksumAlgorithm"`
	ChecksumType      string    `xml:"ChecksumType,omitempty"`
	Size              int64     `xml:"Size"`
	Owner             *ownerXML `xml:"Owner"`
	StorageClass      string    `xml:"StorageClass"`
}

type prefixXML struct {
	Prefix string `xml:"Prefix"`
}

// listParams reads what every listing request shares. enc is the encoding
// of keys in the answer: identity, or with encoding-type=url the form URL
// encoding S3 applies, which botocore undoes with unquote_plus; any other
// encoding-type is InvalidArgument. n is the page size, from the query
// parameter maxParam (max-keys, max-uploads), 0 when absent.
func listParams(t target, maxParam string) (enc func(string) string, encodingType string, n int, err error) {
	switch et := t.query.Get("encoding-type"); et {
	case "":
		enc = func(s string) string { return s }
	case "url":
		enc, encodingType = encodeEventKey, et
	default:
		return nil, "", 0, invalidArgument("encoding-type", et, "Invalid Encoding Method specified in Request")
	}
	if n, err = intParam(t, maxParam); err != nil {
		return nil, "", 0, err
	}
	return enc, encodingType, n, nil
}

// given is &n, the value of query parameter name, or nil when the request
// does not give it.
func given(t target, name string, n int) *int {
	if t.query.Get(name) == "" {
		return nil
	}
	return &n
}

// contents renders the objects of a V1 or V2 listing.
func contents(objects []ObjectSummary, enc func(string) string) []contentsXML {
	var out []contentsXML
	for _, o := range objects {
		c := contentsXML{Key: enc(o.Key), LastModified: iso(o.LastModified), ETag: o.ETag, Size: o.Size,
			StorageClass: o.StorageClass, ChecksumType: o.ChecksumType}
		if o.ChecksumAlgorithm != "" {
			c.ChecksumAlgorithm = []string{o.ChecksumAlgorithm}
		}
		if o.Owner != nil {
			c.Owner = &ownerXML{ID: o.Owner.ID}
		}
		out = append(out, c)
	}
	return out
}

func prefixes(ps []string, enc func(string) string) []prefixXML {
	out := make([]prefixXML, len(ps))
	for i, p := range ps {
		out[i] = prefixXML{Prefix: enc(p)}
	}
	return out
}

type listV2XML struct {
	XMLName               xml.Name      `xml:"ListBucketResult"`
	Xmlns                 string        `xml:"xmlns,attr"`
	Name                  string        `xml:"Name"`
	Prefix                string        `xml:"Prefix"`
	ContinuationToken     string        `xml:"ContinuationToken,omitempty"`
	NextContinuationToken string        `xml:"NextContinuationToken,omitempty"`
	KeyCount              int           `xml:"KeyCount"`
	MaxKeys               int           `xml:"MaxKeys"`
	Delimiter             string        `xml:"Delimiter,omitempty"`
	IsTruncated           bool          `xml:"IsTruncated"`
	StartAfter            string        `xml:"StartAfter,omitempty"`
	EncodingType          string        `xml:"EncodingType,omitempty"`
	Contents              []contentsXML `xml:"Contents"`
	CommonPrefixes        []prefixXML   `xml:"CommonPrefixes"`
}

func (s *Service) listObjectsV2(w http.ResponseWriter, r *http.Request, t target) error {
	enc, et, n, err := listParams(t, "max-keys")
	if err != nil {
		return err
	}
	out, err := s.ListObjectsV2(r.Context(), ListObjectsV2Input{
		Bucket: t.bucket, Prefix: t.query.Get("prefix"), Delimiter: t.query.Get("delimiter"), MaxKeys: given(t, "max-keys", n),
		ContinuationToken: t.query.Get("continuation-token"), StartAfter: t.query.Get("start-after"),
		FetchOwner: t.query.Get("fetch-owner") == "true",
	})
	if err != nil {
		return err
	}
	doc := listV2XML{
		Xmlns: xmlns, Name: out.Name, Prefix: enc(out.Prefix), ContinuationToken: out.ContinuationToken,
		NextContinuationToken: out.NextContinuationToken, KeyCount: out.KeyCount, MaxKeys: out.MaxKeys,
		Delimiter: enc(out.Delimiter), IsTruncated: out.IsTruncated, StartAfter: enc(out.StartAfter), EncodingType: et,
		Contents: contents(out.Contents, enc), CommonPrefixes: prefixes(out.CommonPrefixes, enc),
	}
	return writeXML(w, doc)
}

type listV1XML struct {
	XMLName        xml.Name      `xml:"ListBucketResult"`
	Xmlns          string        `xml:"xmlns,attr"`
	Name           string        `xml:"Name"`
	Prefix         string        `xml:"Prefix"`
	Marker         string        `xml:"Marker"`
	NextMarker     string        `xml:"NextMarker,omitempty"`
	MaxKeys        int           `xml:"MaxKeys"`
	Delimiter      string        `xml:"Delimiter,omitempty"`
	IsTruncated    bool          `xml:"IsTruncated"`
	EncodingType   string        `xml:"EncodingType,omitempty"`
	Contents       []contentsXML `xml:"Contents"`
	CommonPrefixes []prefixXML   `xml:"CommonPrefixes"`
}

func (s *Service) listObjects(w http.ResponseWriter, r *http.Request, t target) error {
	enc, et, n, err := listParams(t, "max-keys")
	if err != nil {
		return err
	}
	out, err := s.ListObjects(r.Context(), ListObjectsInput{
		Bucket: t.bucket, Prefix: t.query.Get("prefix"), Delimiter: t.query.Get("delimiter"),
		Marker: t.query.Get("marker"), MaxKeys: given(t, "max-keys", n),
	})
	if err != nil {
		return err
	}
	doc := listV1XML{
		Xmlns: xmlns, Name: out.Name, Prefix: enc(out.Prefix), Marker: enc(out.Marker), NextMarker: enc(out.NextMarker),
		MaxKeys: out.MaxKeys, Delimiter: enc(out.Delimiter), IsTruncated: out.IsTruncated, EncodingType: et,
		Contents: contents(out.Contents, enc), CommonPrefixes: prefixes(out.CommonPrefixes, enc),
	}
	return writeXML(w, doc)
}

type listVersionsXML struct {
	XMLName             xml.Name     `xml:"ListVersionsResult"`
	Xmlns               string       `xml:"xmlns,attr"`
	Name                string       `xml:"Name"`
	Prefix              string       `xml:"Prefix"`
	KeyMarker           string       `xml:"KeyMarker"`
	VersionIdMarker     string       `xml:"VersionIdMarker"`
	NextKeyMarker       string       `xml:"NextKeyMarker,omitempty"`
	NextVersionIdMarker string       `xml:"NextVersionIdMarker,omitempty"`
	MaxKeys             int          `xml:"MaxKeys"`
	Delimiter           string       `xml:"Delimiter,omitempty"`
	IsTruncated         bool         `xml:"IsTruncated"`
	EncodingType        string       `xml:"EncodingType,omitempty"`
	Entries             []versionXML `xml:",any"`
	CommonPrefixes      []prefixXML  `xml:"CommonPrefixes"`
}

// versionXML is a <Version> or a <DeleteMarker>, interleaved in listing
// order as S3 sends them.
type versionXML struct {
	XMLName           xml.Name
	Key               string   `xml:"Key"`
	VersionId         string   `xml:"VersionId"`
	IsLatest          bool     `xml:"IsLatest"`
	LastModified      string   `xml:"LastModified"`
	ETag              string   `xml:"ETag,omitempty"`
	ChecksumAlgorithm []string `xml:"ChecksumAlgorithm"`
	ChecksumType      string   `xml:"ChecksumType,omitempty"`
	Size              *int64   `xml:"Size"`
	StorageClass      string   `xml:"StorageClass,omitempty"`
	Owner             ownerXML `xml:"Owner"`
}

func (s *Service) listObjectVersions(w http.ResponseWriter, r *http.Request, t target) error {
	enc, et, n, err := listParams(t, "max-keys")
	if err != nil {
		return err
	}
	out, err := s.ListObjectVersions(r.Context(), ListObjectVersionsInput{
		Bucket: t.bucket, Prefix: t.query.Get("prefix"), Delimiter: t.query.Get("delimiter"),
		KeyMarker: t.query.Get("key-marker"), VersionIdMarker: t.query.Get("version-id-marker"), MaxKeys: given(t, "max-keys", n),
	})
	if err != nil {
		return err
	}
	doc := listVersionsXML{
		Xmlns: xmlns, Name: out.Name, Prefix: enc(out.Prefix), KeyMarker: enc(out.KeyMarker),
		VersionIdMarker: out.VersionIdMarker, NextKeyMarker: enc(out.NextKeyMarker),
		NextVersionIdMarker: out.NextVersionIdMarker, MaxKeys: out.MaxKeys, Delimiter: enc(out.Delimiter),
		IsTruncated: out.IsTruncated, EncodingType: et, CommonPrefixes: prefixes(out.CommonPrefixes, enc),
	}
	for _, v := range out.Versions {
		x := versionXML{XMLName: xml.Name{Local: "Version"}, Key: enc(v.Key), VersionId: v.VersionId, IsLatest: v.IsLatest,
			LastModified: iso(v.LastModified), Owner: ownerXML(v.Owner)}
		if v.DeleteMarker {
			x.XMLName.Local = "DeleteMarker"
		} else {
			size := v.Size
			x.ETag, x.Size, x.StorageClass, x.ChecksumType = v.ETag, &size, v.StorageClass, v.ChecksumType
			if v.ChecksumAlgorithm != "" {
				x.ChecksumAlgorithm = []string{v.ChecksumAlgorithm}
			}
		}
		doc.Entries = append(doc.Entries, x)
	}
	return writeXML(w, doc)
}
