package sts

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

var query = protocol.Query{XMLNS: "https://sts.amazonaws.com/doc/2011-06-15/"}

// ServeHTTP serves STS's awsQuery protocol, including presigned
// GET /?Action=GetCallerIdentity requests.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	form, err := protocol.ParseForm(r, protocol.DefaultBodyLimit)
	if err != nil {
		query.WriteError(w, r, err)
		return
	}
	action := form.Get("Action")
	var result any
	switch action {
	case "GetCallerIdentity":
		var out GetCallerIdentityOutput
		out, err = s.GetCallerIdentity(r.Context(), accessKeyID(r))
		result = out
	case "AssumeRole":
		var n int
		if n, err = intParam(form, "DurationSeconds"); err == nil {
			var out AssumeRoleOutput
			out, err = s.AssumeRole(r.Context(), AssumeRoleInput{
				RoleArn: form.Get("RoleArn"), RoleSessionName: form.Get("RoleSessionName"), DurationSeconds: n})
			result = assumeRoleXML{Credentials: credsXML(out.Credentials), AssumedRoleUser: out.AssumedRoleUser}
		}
	case "GetSessionToken":
		var n int
		if n, err = intParam(form, "DurationSeconds"); err == nil {
			var c Credentials
			c, err = s.GetSessionToken(r.Context(), GetSessionTokenInput{DurationSeconds: n})
			result = sessionTokenXML{Credentials: credsXML(c)}
		}
	default:
		err = awserr.BadRequest("InvalidAction", "Could not find operation %s for version 2011-06-15", action)
	}
	if err != nil {
		query.WriteError(w, r, err)
		return
	}
	query.Write(w, r, action, result)
}

type credentialsXML struct {
	AccessKeyId, SecretAccessKey, SessionToken, Expiration string
}

func credsXML(c Credentials) credentialsXML {
	return credentialsXML{c.AccessKeyId, c.SecretAccessKey, c.SessionToken, c.Expiration.UTC().Format(time.RFC3339)}
}

type assumeRoleXML struct {
	Credentials     credentialsXML
	AssumedRoleUser AssumedRoleUser
}

type sessionTokenXML struct {
	Credentials credentialsXML
}

func intParam(form url.Values, name string) (int, error) {
	v := form.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, validation(strings.ToLower(name[:1])+name[1:], v, "Member must be a number")
	}
	return n, nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// accessKeyID is the key that signed r.
func accessKeyID(r *http.Request) string {
	s, _ := protocol.CredentialScope(r)
	return s.AccessKeyID
}
