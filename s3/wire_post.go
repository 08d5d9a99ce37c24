package s3

import (
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// maxFormFields bounds the form fields of a POST upload, the file aside.
const maxFormFields = 64 << 10

// postObject serves the browser-based upload: a multipart/form-data POST
// to the bucket whose fields (key, Content-Type, x-amz-meta-*, tagging,
// success_action_status, ...) come before the file. The policy and its
// signature are not verified. "${filename}" in the key is replaced by the
// file's name, as S3 does.
func (s *Service) postObject(w http.ResponseWriter, r *http.Request, t target) error {
	mr, err := r.MultipartReader()
	if err != nil {
		return malformedPost("the body is not a multipart/form-data document")
	}
	fields := http.Header{}
	var data []byte
	var filename string
	found := false
	budget := int64(maxFormFields)
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return malformedPost("the multipart/form-data document is malformed")
		}
		name := part.FormName()
		if strings.EqualFold(name, "file") {
			filename = part.FileName()
			limit := s.MaxObjectSize()
			data, err = io.ReadAll(io.LimitReader(part, limit+1))
			if err != nil {
				return incompleteBody()
			}
			if int64(len(data)) > limit {
				return entityTooLarge(int64(len(data)), limit)
			}
			found = true
			break // fields after the file are ignored, as S3 does
		}
		v, err := io.ReadAll(io.LimitReader(part, budget+1))
		if err != nil {
			return incompleteBody()
		}
		if budget -= int64(len(v)); budget < 0 {
			return awserr.BadRequest("MaxPostPreDataLengthExceeded", "Your POST request fields preceding the upload file were too large.")
		}
		fields.Add(name, string(v))
	}
	if !found {
		return invalidArgument("file", "0", "POST requires exactly one file upload per request.")
	}
	key := fields.Get("key")
	if key == "" {
		return invalidArgument("key", "", "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.")
	}
	key = strings.ReplaceAll(key, "${filename}", filename)
	var tags []Tag
	if v := fields.Get("tagging"); v != "" {
		var doc taggingXML
		if err := xml.Unmarshal([]byte(v), &doc); err != nil {
			return malformedXML()
		}
		tags = doc.tags()
	}
	out, err := s.PostObject(r.Context(), PutObjectInput{
		Bucket: t.bucket, Key: key, Body: data, Headers: objectHeaders(fields), Metadata: metadata(fields), Tags: tags,
		ChecksumAlgorithm: fields.Get("x-amz-checksum-algorithm"), Checksums: checksums(fields, nil),
	})
	if err != nil {
		return err
	}
	location := s.objectURL(t.bucket, key)
	h := w.Header()
	h.Set("ETag", out.ETag)
	h.Set("Location", location)
	setIf(h, "x-amz-version-id", out.VersionId)
	if redirect := fields.Get("success_action_redirect"); redirect != "" {
		if u, err := url.Parse(redirect); err == nil && u.Scheme != "" {
			q := u.Query()
			q.Set("bucket", t.bucket)
			q.Set("key", key)
			q.Set("etag", out.ETag)
			u.RawQuery = q.Encode()
			h.Set("Location", u.String())
			noContent(w, http.StatusSeeOther)
			return nil
		}
	}
	switch status, _ := strconv.Atoi(fields.Get("success_action_status")); status {
	case http.StatusOK:
		noContent(w, http.StatusOK)
	case http.StatusCreated:
		protocol.WriteXML(w, http.StatusCreated, postResponseXML{Location: location, Bucket: t.bucket, Key: key, ETag: out.ETag})
	default:
		noContent(w, http.StatusNoContent)
	}
	return nil
}

type postResponseXML struct {
	XMLName  xml.Name `xml:"PostResponse"`
	Location string   `xml:"Location"`
	Bucket   string   `xml:"Bucket"`
	Key      string   `xml:"Key"`
	ETag     string   `xml:"ETag"`
}

func malformedPost(why string) error {
	return awserr.BadRequest("MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data (%s).", why)
}
