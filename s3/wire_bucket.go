package s3

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// isoTime is the format of timestamps in S3's XML: ISO 8601 with
// milliseconds.
const isoTime = "2006-01-02T15:04:05.000Z"

func iso(t time.Time) string { return t.UTC().Format(isoTime) }

type ownerXML struct {
	ID string `xml:"ID"`
}

func (s *Service) createBucket(w http.ResponseWriter, r *http.Request, t target) error {
	var cfg struct {
		XMLName            xml.Name `xml:"CreateBucketConfiguration"`
		LocationConstraint string   `xml:"LocationConstraint"`
	}
	p, err := readPayload(r, protocol.DefaultBodyLimit)
	if err != nil {
		return err
	}
	if len(p.data) > 0 {
		if err := xml.Unmarshal(p.data, &cfg); err != nil {
			return malformedXML()
		}
	}
	region := ""
	if sc, ok := protocol.CredentialScope(r); ok {
		region = sc.Region
	}
	ownership, acl, err := createSettings(r.Header)
	if err != nil {
		return err
	}
	out, err := s.CreateBucket(r.Context(), CreateBucketInput{Bucket: t.bucket, LocationConstraint: cfg.LocationConstraint, Region: region,
		ObjectOwnership: ownership, ACL: acl,
		ObjectLockEnabled: strings.EqualFold(r.Header.Get("x-amz-bucket-object-lock-enabled"), "true")})
	if err != nil {
		return err
	}
	w.Header().Set("Location", out.Location)
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) deleteBucket(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.DeleteBucket(r.Context(), DeleteBucketInput{Bucket: t.bucket}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Service) headBucket(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.HeadBucket(r.Context(), HeadBucketInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	w.Header().Set("x-amz-bucket-region", out.BucketRegion)
	w.Header().Set("x-amz-access-point-alias", "false")
	w.Header().Set("Content-Type", "application/xml") // S3's HeadBucket answer carries it, without a body
	noContent(w, http.StatusOK)
	return nil
}

type listBucketsXML struct {
	XMLName           xml.Name    `xml:"ListAllMyBucketsResult"`
	Xmlns             string      `xml:"xmlns,attr"`
	Owner             ownerXML    `xml:"Owner"`
	Buckets           []bucketXML `xml:"Buckets>Bucket"`
	ContinuationToken string      `xml:"ContinuationToken,omitempty"`
	Prefix            string      `xml:"Prefix,omitempty"`
}

type bucketXML struct {
	Name         string `xml:"Name"`
	CreationDate string `xml:"CreationDate"`
	BucketRegion string `xml:"BucketRegion"`
}

func (s *Service) listBuckets(w http.ResponseWriter, r *http.Request, t target) error {
	n, err := intParam(t, "max-buckets")
	if err != nil {
		return err
	}
	if t.has("max-buckets") && n == 0 {
		return invalidArgument("max-buckets", "0", "Argument max-buckets must be an integer between 1 and 10000")
	}
	out, err := s.ListBuckets(r.Context(), ListBucketsInput{
		MaxBuckets: n, ContinuationToken: t.query.Get("continuation-token"),
		Prefix: t.query.Get("prefix"), BucketRegion: t.query.Get("bucket-region"),
	})
	if err != nil {
		return err
	}
	doc := listBucketsXML{Xmlns: xmlns, Owner: ownerXML(out.Owner), ContinuationToken: out.ContinuationToken, Prefix: out.Prefix}
	for _, b := range out.Buckets {
		doc.Buckets = append(doc.Buckets, bucketXML{Name: b.Name, CreationDate: iso(b.CreationDate), BucketRegion: b.BucketRegion})
	}
	return writeXML(w, doc)
}

func (s *Service) getBucketLocation(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketLocation(r.Context(), GetBucketLocationInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, struct {
		XMLName xml.Name `xml:"LocationConstraint"`
		Xmlns   string   `xml:"xmlns,attr"`
		Value   string   `xml:",chardata"`
	}{Xmlns: xmlns, Value: out.LocationConstraint})
}

type versioningXML struct {
	XMLName   xml.Name `xml:"VersioningConfiguration"`
	Xmlns     string   `xml:"xmlns,attr,omitempty"`
	Status    string   `xml:"Status,omitempty"`
	MfaDelete string   `xml:"MfaDelete,omitempty"`
}

func (s *Service) putBucketVersioning(w http.ResponseWriter, r *http.Request, t target) error {
	var doc versioningXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	if _, err := s.PutBucketVersioning(r.Context(), PutBucketVersioningInput{Bucket: t.bucket, Status: doc.Status, MFADelete: doc.MfaDelete}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketVersioning(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketVersioning(r.Context(), GetBucketVersioningInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, versioningXML{Xmlns: xmlns, Status: out.Status, MfaDelete: out.MFADelete})
}

type taggingXML struct {
	XMLName xml.Name `xml:"Tagging"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	TagSet  []tagXML `xml:"TagSet>Tag"`
}

type tagXML struct {
	Key   string `xml:"Key"`
	Value string `xml:"Value"`
}

func (d taggingXML) tags() []Tag {
	out := make([]Tag, len(d.TagSet))
	for i, x := range d.TagSet {
		out[i] = Tag(x)
	}
	return out
}

func tagDoc(tags []Tag) taggingXML {
	d := taggingXML{Xmlns: xmlns, TagSet: []tagXML{}}
	for _, x := range tags {
		d.TagSet = append(d.TagSet, tagXML(x))
	}
	return d
}

func (s *Service) putBucketTagging(w http.ResponseWriter, r *http.Request, t target) error {
	var doc taggingXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	if _, err := s.PutBucketTagging(r.Context(), PutBucketTaggingInput{Bucket: t.bucket, Tags: doc.tags()}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Service) getBucketTagging(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketTagging(r.Context(), GetBucketTaggingInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, tagDoc(out.Tags))
}

func (s *Service) deleteBucketTagging(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.DeleteBucketTagging(r.Context(), DeleteBucketTaggingInput{Bucket: t.bucket}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Service) putBucketPolicy(w http.ResponseWriter, r *http.Request, t target) error {
	p, err := readPayload(r, maxPolicySize+1)
	if err != nil {
		if awserr.Is(err, "EntityTooLarge") {
			return policyTooLarge()
		}
		return err
	}
	if err := checkBody(r, p, false); err != nil {
		return err
	}
	if _, err := s.PutBucketPolicy(r.Context(), PutBucketPolicyInput{Bucket: t.bucket, Policy: string(p.data)}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Service) getBucketPolicy(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketPolicy(r.Context(), GetBucketPolicyInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(out.Policy)))
	_, _ = w.Write([]byte(out.Policy))
	return nil
}

func (s *Service) deleteBucketPolicy(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.DeleteBucketPolicy(r.Context(), DeleteBucketPolicyInput{Bucket: t.bucket}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type corsXML struct {
	XMLName xml.Name      `xml:"CORSConfiguration"`
	Xmlns   string        `xml:"xmlns,attr,omitempty"`
	Rules   []corsRuleXML `xml:"CORSRule"`
}

type corsRuleXML struct {
	ID             string   `xml:"ID,omitempty"`
	AllowedHeaders []string `xml:"AllowedHeader"`
	AllowedMethods []string `xml:"AllowedMethod"`
	AllowedOrigins []string `xml:"AllowedOrigin"`
	ExposeHeaders  []string `xml:"ExposeHeader"`
	MaxAgeSeconds  int      `xml:"MaxAgeSeconds,omitempty"`
}

func (s *Service) putBucketCors(w http.ResponseWriter, r *http.Request, t target) error {
	var doc corsXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	rules := make([]CORSRule, len(doc.Rules))
	for i, x := range doc.Rules {
		rules[i] = CORSRule(x)
	}
	if _, err := s.PutBucketCors(r.Context(), PutBucketCorsInput{Bucket: t.bucket, Rules: rules}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketCors(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketCors(r.Context(), GetBucketCorsInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	doc := corsXML{Xmlns: xmlns}
	for _, x := range out.Rules {
		doc.Rules = append(doc.Rules, corsRuleXML(x))
	}
	return writeXML(w, doc)
}

func (s *Service) deleteBucketCors(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.DeleteBucketCors(r.Context(), DeleteBucketCorsInput{Bucket: t.bucket}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
