package s3

import (
	"encoding/xml"
	"net/http"
)

type encryptionXML struct {
	XMLName xml.Name         `xml:"ServerSideEncryptionConfiguration"`
	Xmlns   string           `xml:"xmlns,attr,omitempty"`
	Rules   []EncryptionRule `xml:"Rule"`
}

func (s *Service) putBucketEncryption(w http.ResponseWriter, r *http.Request, t target) error {
	var doc encryptionXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	if _, err := s.PutBucketEncryption(r.Context(), PutBucketEncryptionInput{Bucket: t.bucket, Rules: doc.Rules}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketEncryption(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketEncryption(r.Context(), GetBucketEncryptionInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, encryptionXML{Xmlns: xmlns, Rules: out.Rules})
}

func (s *Service) deleteBucketEncryption(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.DeleteBucketEncryption(r.Context(), DeleteBucketEncryptionInput{Bucket: t.bucket}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type publicAccessBlockXML struct {
	XMLName xml.Name `xml:"PublicAccessBlockConfiguration"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	PublicAccessBlockConfiguration
}

func (s *Service) putPublicAccessBlock(w http.ResponseWriter, r *http.Request, t target) error {
	var doc publicAccessBlockXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	if _, err := s.PutPublicAccessBlock(r.Context(), PutPublicAccessBlockInput{Bucket: t.bucket, Configuration: doc.PublicAccessBlockConfiguration}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getPublicAccessBlock(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetPublicAccessBlock(r.Context(), GetPublicAccessBlockInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, publicAccessBlockXML{Xmlns: xmlns, PublicAccessBlockConfiguration: out.Configuration})
}

func (s *Service) deletePublicAccessBlock(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.DeletePublicAccessBlock(r.Context(), DeletePublicAccessBlockInput{Bucket: t.bucket}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type ownershipXML struct {
	XMLName xml.Name `xml:"OwnershipControls"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	Rules   []string `xml:"Rule>ObjectOwnership"`
}

func (s *Service) putBucketOwnershipControls(w http.ResponseWriter, r *http.Request, t target) error {
	var doc struct {
		XMLName xml.Name `xml:"OwnershipControls"`
		Rules   []struct {
			ObjectOwnership string `xml:"ObjectOwnership"`
		} `xml:"Rule"`
	}
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	rules := make([]string, len(doc.Rules))
	for i, x := range doc.Rules {
		rules[i] = x.ObjectOwnership
	}
	if _, err := s.PutBucketOwnershipControls(r.Context(), PutBucketOwnershipControlsInput{Bucket: t.bucket, Rules: rules}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketOwnershipControls(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketOwnershipControls(r.Context(), GetBucketOwnershipControlsInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, ownershipXML{Xmlns: xmlns, Rules: out.Rules})
}

func (s *Service) deleteBucketOwnershipControls(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.DeleteBucketOwnershipControls(r.Context(), DeleteBucketOwnershipControlsInput{Bucket: t.bucket}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Service) getBucketPolicyStatus(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketPolicyStatus(r.Context(), GetBucketPolicyStatusInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, struct {
		XMLName  xml.Name `xml:"PolicyStatus"`
		Xmlns    string   `xml:"xmlns,attr"`
		IsPublic bool     `xml:"IsPublic"`
	}{Xmlns: xmlns, IsPublic: out.IsPublic})
}

type accelerateXML struct {
	XMLName xml.Name `xml:"AccelerateConfiguration"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	Status  string   `xml:"Status,omitempty"`
}

func (s *Service) putBucketAccelerate(w http.ResponseWriter, r *http.Request, t target) error {
	var doc accelerateXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	if _, err := s.PutBucketAccelerateConfiguration(r.Context(), PutBucketAccelerateConfigurationInput{Bucket: t.bucket, Status: doc.Status}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketAccelerate(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketAccelerateConfiguration(r.Context(), GetBucketAccelerateConfigurationInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, accelerateXML{Xmlns: xmlns, Status: out.Status})
}

type requestPaymentXML struct {
	XMLName xml.Name `xml:"RequestPaymentConfiguration"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	Payer   string   `xml:"Payer"`
}

func (s *Service) putBucketRequestPayment(w http.ResponseWriter, r *http.Request, t target) error {
	var doc requestPaymentXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	if _, err := s.PutBucketRequestPayment(r.Context(), PutBucketRequestPaymentInput{Bucket: t.bucket, Payer: doc.Payer}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketRequestPayment(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketRequestPayment(r.Context(), GetBucketRequestPaymentInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, requestPaymentXML{Xmlns: xmlns, Payer: out.Payer})
}

// createSettings reads the Object Ownership and ACL headers of a
// CreateBucket; an x-amz-object-ownership header sent empty is
// InvalidArgument, as S3 answers.
func createSettings(h http.Header) (string, ACL, error) {
	v, sent := h[http.CanonicalHeaderKey("x-amz-object-ownership")]
	if sent && (len(v) == 0 || v[0] == "") {
		return "", ACL{}, invalidOwnership("")
	}
	acl, err := aclHeaders(h)
	return h.Get("x-amz-object-ownership"), acl, err
}
