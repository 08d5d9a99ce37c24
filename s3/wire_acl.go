package s3

import (
	"encoding/xml"
	"net/http"
	"strings"
)

// grantHeaders are the x-amz-grant-* headers and the permission each gives.
var grantHeaders = []struct{ header, permission string }{
	{"x-amz-grant-full-control", "FULL_CONTROL"}, {"x-amz-grant-read", "READ"},
	{"x-amz-grant-read-acp", "READ_ACP"}, {"x-amz-grant-write", "WRITE"}, {"x-amz-grant-write-acp", "WRITE_ACP"},
}

// aclHeaders reads the ACL a request sets in x-amz-acl and x-amz-grant-*:
// each grant header a comma-separated list of id="...", uri="..." or
// emailAddress="...", checked as S3 reads them (InvalidArgument naming the
// header for an unknown form, "id" or "uri" for a bad value).
func aclHeaders(h http.Header) (ACL, error) {
	a := ACL{Canned: h.Get("x-amz-acl")}
	for _, gh := range grantHeaders {
		v := h.Get(gh.header)
		if v == "" {
			continue
		}
		for _, item := range strings.Split(v, ",") {
			item = strings.TrimSpace(item)
			key, val, ok := strings.Cut(item, "=")
			val = strings.Trim(strings.TrimSpace(val), `"`)
			g := Grant{Permission: gh.permission}
			switch strings.TrimSpace(key) {
			case "id":
				if !canonicalID(val) {
					return ACL{}, invalidArgument("id", val, "Invalid id")
				}
				g.Grantee = Grantee{Type: GranteeCanonicalUser, ID: val}
			case "uri":
				g.Grantee = Grantee{Type: GranteeGroup, URI: val}
				if validGrant(g) != nil {
					return ACL{}, invalidArgument("uri", val, "Invalid group uri")
				}
			case "emailAddress":
				g.Grantee = Grantee{Type: GranteeEmail, EmailAddress: val}
			default:
				ok = false
			}
			if !ok {
				return ACL{}, invalidArgument(gh.header, item, "Argument format not recognized")
			}
			a.Grants = append(a.Grants, g)
		}
	}
	return a, nil
}

type aclXML struct {
	XMLName xml.Name   `xml:"AccessControlPolicy"`
	Xmlns   string     `xml:"xmlns,attr,omitempty"`
	Owner   *ownerXML  `xml:"Owner"`
	Grants  []grantXML `xml:"AccessControlList>Grant"`
}

type grantXML struct {
	Grantee    granteeXML `xml:"Grantee"`
	Permission string     `xml:"Permission"`
}

// granteeXML reads xsi:type by its local name and writes it with its
// prefix, as S3 does.
type granteeXML struct {
	XSI          string `xml:"xmlns:xsi,attr,omitempty"`
	TypeOut      string `xml:"xsi:type,attr,omitempty"`
	Type         string `xml:"type,attr,omitempty"`
	ID           string `xml:"ID,omitempty"`
	DisplayName  string `xml:"DisplayName,omitempty"`
	URI          string `xml:"URI,omitempty"`
	EmailAddress string `xml:"EmailAddress,omitempty"`
}

func aclDoc(p AccessControlPolicy) aclXML {
	doc := aclXML{Xmlns: xmlns, Owner: &ownerXML{ID: p.Owner.ID}, Grants: []grantXML{}}
	for _, g := range p.Grants {
		doc.Grants = append(doc.Grants, grantXML{Permission: g.Permission, Grantee: granteeXML{
			XSI: xsiNS, TypeOut: g.Grantee.Type, ID: g.Grantee.ID, DisplayName: g.Grantee.DisplayName,
			URI: g.Grantee.URI, EmailAddress: g.Grantee.EmailAddress,
		}})
	}
	return doc
}

// readACL reads the ACL a PutBucketAcl or PutObjectAcl sets: its headers
// or its AccessControlPolicy body, not both (UnexpectedContent); a body S3
// cannot read is MalformedACLError.
func readACL(r *http.Request) (ACL, error) {
	a, err := aclHeaders(r.Header)
	if err != nil {
		return ACL{}, err
	}
	doc, err := readDocument(r)
	if err != nil || doc == "" {
		return a, err
	}
	if !a.empty() {
		return ACL{}, errs.New(codeUnexpectedContent, "This request does not support content")
	}
	var x aclXML
	if xml.Unmarshal([]byte(doc), &x) != nil || x.Owner == nil || len(x.Grants) == 0 {
		return ACL{}, errs.Default(codeMalformedACLError)
	}
	for _, g := range x.Grants {
		a.Grants = append(a.Grants, Grant{Permission: g.Permission, Grantee: Grantee{
			Type: g.Grantee.Type, ID: g.Grantee.ID, DisplayName: g.Grantee.DisplayName,
			URI: g.Grantee.URI, EmailAddress: g.Grantee.EmailAddress,
		}})
	}
	return a, nil
}

func (s *Service) putBucketAcl(w http.ResponseWriter, r *http.Request, t target) error {
	a, err := readACL(r)
	if err != nil {
		return err
	}
	if _, err := s.PutBucketAcl(r.Context(), PutBucketAclInput{Bucket: t.bucket, ACL: a}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketAcl(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketAcl(r.Context(), GetBucketAclInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, aclDoc(out))
}

func (s *Service) putObjectAcl(w http.ResponseWriter, r *http.Request, t target) error {
	a, err := readACL(r)
	if err != nil {
		return err
	}
	if _, err := s.PutObjectAcl(r.Context(), PutObjectAclInput{Bucket: t.bucket, Key: t.key, VersionId: t.query.Get("versionId"), ACL: a}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getObjectAcl(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetObjectAcl(r.Context(), GetObjectAclInput{Bucket: t.bucket, Key: t.key, VersionId: t.query.Get("versionId")})
	if err != nil {
		return err
	}
	return writeXML(w, aclDoc(out))
}
