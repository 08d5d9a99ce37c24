package protocol

import "net/http"

// QueryAction is one awsQuery action of a service S: it decodes the form,
// calls the Go API and returns the result element (nil for none).
type QueryAction[S any] func(s S, r *http.Request, f Form) (any, error)

// ServeQuery answers one awsQuery request for service s: it parses the
// form (the body, or the query string of a presigned GET), finds the
// Action with find and writes its result under <ActionResponse>, or the
// error in q's ErrorResponse. An Action find does not know gets
// unknown(action), the service's own InvalidAction wording.
func ServeQuery[S any](q Query, w http.ResponseWriter, r *http.Request, s S, formErrs FormErrors,
	find func(action string) QueryAction[S], unknown func(action string) error) {
	values, err := ParseForm(r, DefaultBodyLimit)
	if err != nil {
		q.WriteError(w, r, err)
		return
	}
	f := NewForm(values, formErrs)
	name := f.Get("Action")
	act := find(name)
	if act == nil {
		q.WriteError(w, r, unknown(name))
		return
	}
	result, err := act(s, r, f)
	if err != nil {
		q.WriteError(w, r, err)
		return
	}
	q.Write(w, r, name, result)
}

// LowerFirst is a member name as AWS's validation messages spell it
// (DurationSeconds → durationSeconds).
func LowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}
