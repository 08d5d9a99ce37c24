package protocol

import (
	"net/http"
	"strings"
)

// Scope is the SigV4 credential of a request:
// AccessKeyID/Date/Region/Service/aws4_request.
type Scope struct {
	AccessKeyID, Date, Region, Service string
}

// CredentialScope reads the credential from the Authorization header, or from
// X-Amz-Credential on a presigned URL. Signatures are not checked. ok is false
// when the request carries no well-formed credential.
func CredentialScope(r *http.Request) (s Scope, ok bool) {
	cred := ""
	if a := r.Header.Get("Authorization"); a != "" {
		if i := strings.Index(a, "Credential="); i >= 0 {
			cred = a[i+len("Credential="):]
			if j := strings.IndexAny(cred, ", "); j >= 0 {
				cred = cred[:j]
			}
		}
	} else {
		cred = r.URL.Query().Get("X-Amz-Credential")
	}
	p := strings.Split(cred, "/")
	if len(p) != 5 || p[4] != "aws4_request" {
		return Scope{}, false
	}
	return Scope{AccessKeyID: p[0], Date: p[1], Region: p[2], Service: p[3]}, true
}
