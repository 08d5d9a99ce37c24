package sigv4

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// auth is a request's signature, parsed from its Authorization header or
// its presigned query.
type auth struct {
	presigned                       bool
	key, day, region, service, term string
	headers                         []string
	signature                       string
	date                            time.Time
	expires                         int64
}

func (a *auth) scope() string {
	return a.day + "/" + a.region + "/" + a.service + "/" + a.term
}

// parse reads r's signature: the header wins over a presigned query, as
// AWS reads the header first.
func (v *Verifier) parse(r *http.Request) (*auth, *Failure) {
	if h := r.Header.Get("Authorization"); h != "" {
		return v.parseHeader(r, h)
	}
	q := r.URL.Query()
	if q.Has("X-Amz-Algorithm") || q.Has("X-Amz-Signature") || q.Has("X-Amz-Credential") {
		return v.parseQuery(q)
	}
	return nil, v.missing()
}

// parseHeader reads "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…,
// Signature=…". The Query services list every missing part in one message,
// as AWS does ("Authorization header requires 'Credential' parameter.
// Authorization header requires 'Signature' parameter. …").
func (v *Verifier) parseHeader(r *http.Request, h string) (*auth, *Failure) {
	alg, rest, _ := strings.Cut(strings.TrimSpace(h), " ")
	if alg != algorithm {
		if v.Dialect == S3 {
			return nil, v.fail("InvalidArgument", http.StatusBadRequest, "Unsupported Authorization Type")
		}
		return nil, v.incomplete(false, "Unsupported AWS 'algorithm': '"+clip(alg)+"'")
	}
	parts := map[string]string{}
	for _, p := range strings.Split(rest, ",") {
		k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok {
			return nil, v.incomplete(false, "'"+clip(p)+"' not a valid key=value pair (missing equal-sign) in Authorization header: '"+clip(h)+"'.")
		}
		parts[k] = val
	}
	var missing []string
	for _, k := range []string{"Credential", "Signature", "SignedHeaders"} {
		if parts[k] == "" {
			missing = append(missing, "Authorization header requires '"+k+"' parameter.")
		}
	}
	at, dateOK := headerDate(r)
	if !dateOK {
		missing = append(missing, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
	}
	if len(missing) > 0 {
		if v.Dialect == S3 && !dateOK && len(missing) == 1 {
			return nil, v.fail("AccessDenied", http.StatusForbidden, "AWS authentication requires a valid Date or x-amz-date header")
		}
		return nil, v.incomplete(false, strings.Join(missing, " ")+" Authorization="+clip(h))
	}
	a := &auth{signature: parts["Signature"], date: at, headers: strings.Split(parts["SignedHeaders"], ";")}
	if f := v.parseCredential(a, parts["Credential"]); f != nil {
		return nil, f
	}
	return a, nil
}

// headerDate is X-Amz-Date, or else Date (RFC 1123).
func headerDate(r *http.Request) (time.Time, bool) {
	if s := r.Header.Get("X-Amz-Date"); s != "" {
		t, err := time.Parse(isoLayout, s)
		return t, err == nil
	}
	if s := r.Header.Get("Date"); s != "" {
		t, err := http.ParseTime(s)
		return t.UTC(), err == nil
	}
	return time.Time{}, false
}

// parseQuery reads a presigned URL's X-Amz-* parameters.
func (v *Verifier) parseQuery(q map[string][]string) (*auth, *Failure) {
	get := func(k string) string {
		if vs := q[k]; len(vs) > 0 {
			return vs[0]
		}
		return ""
	}
	for _, k := range []string{"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-Date", "X-Amz-SignedHeaders"} {
		if get(k) == "" || (v.Dialect == S3 && get("X-Amz-Expires") == "") {
			return nil, v.incomplete(true, "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.")
		}
	}
	if alg := get("X-Amz-Algorithm"); alg != algorithm {
		return nil, v.incomplete(true, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"")
	}
	at, err := time.Parse(isoLayout, get("X-Amz-Date"))
	if err != nil {
		return nil, v.incomplete(true, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"")
	}
	a := &auth{presigned: true, signature: get("X-Amz-Signature"), date: at,
		headers: strings.Split(get("X-Amz-SignedHeaders"), ";")}
	if s := get("X-Amz-Expires"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		switch {
		case err != nil:
			return nil, v.incomplete(true, "X-Amz-Expires should be a number")
		case n < 1:
			return nil, v.incomplete(true, "X-Amz-Expires must be non-negative")
		case n > maxExpires:
			return nil, v.incomplete(true, "X-Amz-Expires must be less than a week (in seconds) that is 7 days")
		}
		a.expires = n
	}
	if f := v.parseCredential(a, get("X-Amz-Credential")); f != nil {
		return nil, f
	}
	return a, nil
}

// parseCredential reads AKID/YYYYMMDD/region/service/aws4_request and checks
// the scope as AWS does: its date is the request's, its terminator
// aws4_request, its service the verifier's.
func (v *Verifier) parseCredential(a *auth, cred string) *Failure {
	p := strings.Split(cred, "/")
	if len(p) != 5 || p[0] == "" {
		if v.Dialect == S3 {
			return v.incomplete(a.presigned, "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".")
		}
		return v.incomplete(a.presigned, "Credential should be scoped to a valid region, not '"+clip(cred)+"'. ")
	}
	a.key, a.day, a.region, a.service, a.term = p[0], p[1], p[2], p[3], p[4]
	if a.term != "aws4_request" {
		return v.mismatch("Credential should be scoped with a valid terminator: 'aws4_request', not '" + clip(a.term) + "'. ")
	}
	if want := a.date.Format(dateLayout); a.day != want {
		if v.Dialect == S3 {
			return v.incomplete(a.presigned, "Invalid credential date. Date is not the same as X-Amz-Date.")
		}
		return v.mismatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '" +
			clip(a.day) + "' != '" + want + "', from '" + stamp(a.date) + "'.")
	}
	if v.Service != "" && a.service != v.Service {
		return v.mismatch("Credential should be scoped to correct service: '" + v.Service + "'. ")
	}
	return nil
}

// clip bounds the echo of client text in a message.
func clip(s string) string {
	if len(s) > 256 {
		return s[:256] + "…"
	}
	return s
}
