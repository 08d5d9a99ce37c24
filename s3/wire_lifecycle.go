package s3

import (
	"encoding/xml"
	"net/http"
)

// lifecycleXML is the LifecycleConfiguration document; the rules' types
// carry S3's element names (lifecycle.go).
type lifecycleXML struct {
	XMLName xml.Name        `xml:"LifecycleConfiguration"`
	Xmlns   string          `xml:"xmlns,attr,omitempty"`
	Rules   []LifecycleRule `xml:"Rule"`
}

// transitionSizeHeader carries TransitionDefaultMinimumObjectSize both
// ways.
const transitionSizeHeader = "x-amz-transition-default-minimum-object-size"

func (s *Service) putBucketLifecycle(w http.ResponseWriter, r *http.Request, t target) error {
	var doc lifecycleXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	out, err := s.PutBucketLifecycleConfiguration(r.Context(), PutBucketLifecycleConfigurationInput{Bucket: t.bucket,
		LifecycleConfiguration: LifecycleConfiguration{Rules: doc.Rules,
			TransitionDefaultMinimumObjectSize: r.Header.Get(transitionSizeHeader)}})
	if err != nil {
		return err
	}
	w.Header().Set(transitionSizeHeader, out.TransitionDefaultMinimumObjectSize)
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketLifecycle(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketLifecycleConfiguration(r.Context(), GetBucketLifecycleConfigurationInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	w.Header().Set(transitionSizeHeader, out.TransitionDefaultMinimumObjectSize)
	return writeXML(w, lifecycleXML{Xmlns: xmlns, Rules: out.Rules})
}

func (s *Service) deleteBucketLifecycle(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.DeleteBucketLifecycle(r.Context(), DeleteBucketLifecycleInput{Bucket: t.bucket}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
