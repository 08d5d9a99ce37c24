package s3

import (
	"encoding/xml"
	"net/http"
)

type restoreRequestXML struct {
	XMLName              xml.Name `xml:"RestoreRequest"`
	Days                 int      `xml:"Days"`
	GlacierJobParameters *struct {
		Tier string `xml:"Tier"`
	} `xml:"GlacierJobParameters"`
}

func (s *Service) restoreObject(w http.ResponseWriter, r *http.Request, t target) error {
	var doc restoreRequestXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	in := RestoreObjectInput{Bucket: t.bucket, Key: t.key, VersionId: t.query.Get("versionId"), Days: doc.Days}
	if doc.GlacierJobParameters != nil {
		in.Tier = doc.GlacierJobParameters.Tier
	}
	out, err := s.RestoreObject(r.Context(), in)
	if err != nil {
		return err
	}
	status := http.StatusAccepted
	if out.AlreadyRestored {
		status = http.StatusOK
	}
	noContent(w, status)
	return nil
}
