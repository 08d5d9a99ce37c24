package s3

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// lockTime is how S3 writes x-amz-object-lock-retain-until-date.
const lockTime = "2006-01-02T15:04:05.000Z"

// lockHeaders reads the x-amz-object-lock-* headers of a write; a date
// that is not ISO 8601 is InvalidArgument.
func lockHeaders(h http.Header) (ObjectLock, error) {
	l := ObjectLock{Mode: h.Get("x-amz-object-lock-mode"), LegalHold: h.Get("x-amz-object-lock-legal-hold")}
	if v := h.Get("x-amz-object-lock-retain-until-date"); v != "" {
		d, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return ObjectLock{}, invalidArgument("x-amz-object-lock-retain-until-date", v,
				"The retain until date must be provided in ISO 8601 format")
		}
		l.RetainUntilDate = d
	}
	return l, nil
}

// writeLockHeaders sets the lock headers of GetObject and HeadObject.
func writeLockHeaders(h http.Header, l ObjectLock) {
	if l.Mode != "" {
		h.Set("x-amz-object-lock-mode", l.Mode)
		h.Set("x-amz-object-lock-retain-until-date", l.RetainUntilDate.UTC().Format(lockTime))
	}
	setIf(h, "x-amz-object-lock-legal-hold", l.LegalHold)
}

// bypassHeader reads x-amz-bypass-governance-retention: nil when absent,
// true only for "true".
func bypassHeader(h http.Header) *bool {
	v, ok := h["X-Amz-Bypass-Governance-Retention"]
	if !ok {
		return nil
	}
	b := len(v) > 0 && strings.EqualFold(v[0], "true")
	return &b
}

type lockConfigXML struct {
	XMLName           xml.Name `xml:"ObjectLockConfiguration"`
	Xmlns             string   `xml:"xmlns,attr,omitempty"`
	ObjectLockEnabled string   `xml:"ObjectLockEnabled,omitempty"`
	Rule              *struct {
		DefaultRetention *struct {
			Mode  string `xml:"Mode,omitempty"`
			Days  string `xml:"Days,omitempty"`
			Years string `xml:"Years,omitempty"`
		} `xml:"DefaultRetention"`
	} `xml:"Rule"`
}

func (s *Service) putObjectLockConfiguration(w http.ResponseWriter, r *http.Request, t target) error {
	var doc lockConfigXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	in := PutObjectLockConfigurationInput{Bucket: t.bucket}
	in.ObjectLockEnabled = doc.ObjectLockEnabled
	if doc.Rule != nil {
		d := doc.Rule.DefaultRetention
		if d == nil {
			return malformedXML()
		}
		days, err1 := optionalInt(d.Days)
		years, err2 := optionalInt(d.Years)
		if err1 != nil || err2 != nil {
			return malformedXML()
		}
		in.DefaultRetention = &DefaultRetention{Mode: d.Mode, Days: days, Years: years}
	}
	if _, err := s.PutObjectLockConfiguration(r.Context(), in); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

// optionalInt parses an optional element's integer; "" is 0.
func optionalInt(v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 32)
	return int(n), err
}

func (s *Service) getObjectLockConfiguration(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetObjectLockConfiguration(r.Context(), GetObjectLockConfigurationInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	type retention struct {
		Mode  string `xml:"Mode"`
		Days  int    `xml:"Days,omitempty"`
		Years int    `xml:"Years,omitempty"`
	}
	doc := struct {
		XMLName           xml.Name `xml:"ObjectLockConfiguration"`
		Xmlns             string   `xml:"xmlns,attr"`
		ObjectLockEnabled string   `xml:"ObjectLockEnabled"`
		Rule              *struct {
			DefaultRetention retention `xml:"DefaultRetention"`
		} `xml:"Rule,omitempty"`
	}{Xmlns: xmlns, ObjectLockEnabled: out.ObjectLockEnabled}
	if d := out.DefaultRetention; d != nil {
		doc.Rule = &struct {
			DefaultRetention retention `xml:"DefaultRetention"`
		}{retention(*d)}
	}
	return writeXML(w, doc)
}

type retentionXML struct {
	XMLName         xml.Name `xml:"Retention"`
	Xmlns           string   `xml:"xmlns,attr,omitempty"`
	Mode            string   `xml:"Mode,omitempty"`
	RetainUntilDate string   `xml:"RetainUntilDate,omitempty"`
}

func (s *Service) putObjectRetention(w http.ResponseWriter, r *http.Request, t target) error {
	var doc retentionXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	in := ObjectRetentionInput{Bucket: t.bucket, Key: t.key, VersionId: t.query.Get("versionId"), Mode: doc.Mode}
	if b := bypassHeader(r.Header); b != nil {
		in.Bypass = *b
	}
	if doc.RetainUntilDate != "" {
		d, err := time.Parse(time.RFC3339, doc.RetainUntilDate)
		if err != nil {
			return malformedXML()
		}
		in.RetainUntilDate = d
	}
	if _, err := s.PutObjectRetention(r.Context(), in); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getObjectRetention(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetObjectRetention(r.Context(), ObjectRetentionInput{Bucket: t.bucket, Key: t.key, VersionId: t.query.Get("versionId")})
	if err != nil {
		return err
	}
	return writeXML(w, retentionXML{Xmlns: xmlns, Mode: out.Mode, RetainUntilDate: out.RetainUntilDate.UTC().Format(lockTime)})
}

type legalHoldXML struct {
	XMLName xml.Name `xml:"LegalHold"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	Status  string   `xml:"Status"`
}

func (s *Service) putObjectLegalHold(w http.ResponseWriter, r *http.Request, t target) error {
	var doc legalHoldXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	if _, err := s.PutObjectLegalHold(r.Context(), ObjectLegalHoldInput{Bucket: t.bucket, Key: t.key,
		VersionId: t.query.Get("versionId"), Status: doc.Status}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getObjectLegalHold(w http.ResponseWriter, r *http.Request, t target) error {
	status, err := s.GetObjectLegalHold(r.Context(), ObjectLegalHoldInput{Bucket: t.bucket, Key: t.key, VersionId: t.query.Get("versionId")})
	if err != nil {
		return err
	}
	return writeXML(w, legalHoldXML{Xmlns: xmlns, Status: status})
}
