package protocol

import (
	"net/http"
	"strings"
)

// WriteErrorFor renders err in the protocol the request itself speaks, for
// errors raised before a service binding has taken the request (unknown
// service, a panic).
func WriteErrorFor(w http.ResponseWriter, r *http.Request, err error) {
	ct := r.Header.Get("Content-Type")
	switch {
	case r.Header.Get("Smithy-Protocol") == "rpc-v2-cbor":
		CBOR{}.WriteError(w, r, err)
	case strings.HasPrefix(ct, "application/x-amz-json-1.1"):
		JSON{ContentType: "application/x-amz-json-1.1"}.WriteError(w, r, err)
	case strings.HasPrefix(ct, "application/x-amz-json-1.0"):
		JSON{ContentType: "application/x-amz-json-1.0"}.WriteError(w, r, err)
	case strings.HasPrefix(ct, "application/x-www-form-urlencoded"), r.URL.Query().Get("Action") != "":
		// A form POST, or a query GET such as a presigned GetCallerIdentity.
		Query{}.WriteError(w, r, err)
	case strings.HasPrefix(ct, "application/json"):
		JSON{ContentType: "application/json"}.WriteError(w, r, err)
	default:
		WriteS3Error(w, r, err)
	}
}
