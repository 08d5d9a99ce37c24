package s3

import (
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/protocol"
)

// maxFormFields bounds the form fields of a POST upload, the file aside.
const maxFormFields = 64 << 10

// postObject serves the browser-based upload: a multipart/form-data POST
// to the bucket whose fields (key, Content-Type, x-amz-meta-*, tagging,
// success_action_status, ...) come before the file. The policy and its
// signature are not verified. "${filename}" in the key is replaced by the
// file's name, as S3 does. A POST to the bucket of another content type is
// MethodNotAllowed.
func (s *Service) postObject(w http.ResponseWriter, r *http.Request, t target) error {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return s.methodNotAllowed(w, r, t)
	}
	f, err := s.readForm(r)
	if err != nil {
		return err
	}
	key, tags, err := f.object()
	if err != nil {
		return err
	}
	out, err := s.PostObject(r.Context(), PutObjectInput{
		Bucket: t.bucket, Key: key, Body: f.data, Headers: objectHeaders(f.fields), Metadata: metadata(f.fields), Tags: tags,
		ChecksumAlgorithm: f.fields.Get("x-amz-checksum-algorithm"), Checksums: checksums(f.fields, nil),
	})
	if err != nil {
		return err
	}
	s.writePostAnswer(w, f.fields, t.bucket, key, out)
	return nil
}

// form is a POST upload as read: its fields and the file.
type form struct {
	fields   http.Header
	data     []byte
	filename string
}

// readForm reads the fields of a POST upload up to the file, and the file.
func (s *Service) readForm(r *http.Request) (form, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return form{}, malformedPost("the body is not a multipart/form-data document")
	}
	f := form{fields: http.Header{}}
	budget := int64(maxFormFields)
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return form{}, invalidArgument("file", "0", "POST requires exactly one file upload per request.")
		}
		if err != nil {
			return form{}, malformedPost("the multipart/form-data document is malformed")
		}
		name := part.FormName()
		if strings.EqualFold(name, "file") {
			f.filename = part.FileName()
			limit := s.MaxObjectSize()
			if f.data, err = io.ReadAll(io.LimitReader(part, limit+1)); err != nil {
				return form{}, incompleteBody()
			}
			if int64(len(f.data)) > limit {
				return form{}, entityTooLarge(int64(len(f.data)), limit)
			}
			return f, nil // fields after the file are ignored, as S3 does
		}
		v, err := io.ReadAll(io.LimitReader(part, budget+1))
		if err != nil {
			return form{}, incompleteBody()
		}
		if budget -= int64(len(v)); budget < 0 {
			return form{}, errs.New(codeMaxPostPreDataLengthExceeded, "Your POST request fields preceding the upload file were too large.")
		}
		f.fields.Add(name, string(v))
	}
}

// object returns the key and tags the form's fields give the object.
func (f form) object() (string, []Tag, error) {
	key := f.fields.Get("key")
	if key == "" {
		return "", nil, invalidArgument("key", "", "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.")
	}
	key = strings.ReplaceAll(key, "${filename}", f.filename)
	var tags []Tag
	if v := f.fields.Get("tagging"); v != "" {
		var doc taggingXML
		if err := xml.Unmarshal([]byte(v), &doc); err != nil {
			return "", nil, malformedXML()
		}
		tags = doc.tags()
	}
	return key, tags, nil
}

// writePostAnswer answers a stored POST upload as its form asks:
// a redirect, 200, 201 with a PostResponse document, or 204.
func (s *Service) writePostAnswer(w http.ResponseWriter, fields http.Header, bucketName, key string, out PutObjectOutput) {
	location := s.objectURL(bucketName, key)
	h := w.Header()
	h.Set("ETag", out.ETag)
	h.Set("Location", location)
	setIf(h, "x-amz-version-id", out.VersionId)
	if redirect := fields.Get("success_action_redirect"); redirect != "" {
		if u, err := url.Parse(redirect); err == nil && u.Scheme != "" {
			q := u.Query()
			q.Set("bucket", bucketName)
			q.Set("key", key)
			q.Set("etag", out.ETag)
			u.RawQuery = q.Encode()
			h.Set("Location", u.String())
			noContent(w, http.StatusSeeOther)
			return
		}
	}
	switch status, _ := strconv.Atoi(fields.Get("success_action_status")); status {
	case http.StatusOK:
		noContent(w, http.StatusOK)
	case http.StatusCreated:
		protocol.WriteXML(w, http.StatusCreated, postResponseXML{Location: location, Bucket: bucketName, Key: key, ETag: out.ETag})
	default:
		noContent(w, http.StatusNoContent)
	}
}

type postResponseXML struct {
	XMLName  xml.Name `xml:"PostResponse"`
	Location string   `xml:"Location"`
	Bucket   string   `xml:"Bucket"`
	Key      string   `xml:"Key"`
	ETag     string   `xml:"ETag"`
}
