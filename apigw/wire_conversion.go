package apigw

import (
	"encoding/base64"
	"strings"
)

// conversion is what API Gateway does to a payload on its way through: it
// passes it as it is, base64-encodes it or base64-decodes it.
type conversion int

const (
	passAsIs conversion = iota
	encodeBase64
	decodeBase64
)

// payloadConversion is AWS's table "Content type conversions in API
// Gateway" (developerguide/api-gateway-payload-encodings-workflow.html),
// both halves in one: payloadBinary says the payload's content type
// matches binaryMediaTypes, targetBinary the same of the other side (for a
// request, the request's own Content-Type again; for a response, the
// client's first Accept media type). With no binaryMediaTypes both are
// false, which are the table's "Undefined" rows.
//
//	payload  target  unset   CONVERT_TO_TEXT  CONVERT_TO_BINARY
//	text     text    as is   as is            decode
//	text     binary  decode  as is            decode
//	binary   text    encode  encode           as is
//	binary   binary  as is   encode           as is
func payloadConversion(payloadBinary, targetBinary bool, handling string) conversion {
	switch {
	case handling == "CONVERT_TO_TEXT" && payloadBinary:
		return encodeBase64
	case handling == "CONVERT_TO_TEXT":
		return passAsIs
	case handling == "CONVERT_TO_BINARY" && payloadBinary:
		return passAsIs
	case handling == "CONVERT_TO_BINARY":
		return decodeBase64
	case payloadBinary && !targetBinary:
		return encodeBase64
	case !payloadBinary && targetBinary:
		return decodeBase64
	}
	return passAsIs
}

// binaryRequest reports whether the request's content type is one of the
// API's binary media types.
func (x *exchange) binaryRequest() bool {
	return mediaMatches(x.snap.binaryMediaTypes, x.r.Header.Get("Content-Type"))
}

// binaryAccept reports whether the first media type of the request's
// Accept header is one of the API's binary media types: AWS reads only the
// first ("If a request contains multiple media types in its Accept header,
// API Gateway honors only the first Accept media type").
func (x *exchange) binaryAccept() bool {
	first, _, _ := strings.Cut(x.r.Header.Get("Accept"), ",")
	return mediaMatches(x.snap.binaryMediaTypes, first)
}

// mediaMatches matches a content type against binary media types, which
// may be wildcards (*/*, image/*).
func mediaMatches(types []string, ct string) bool {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	ct = strings.ToLower(strings.TrimSpace(ct))
	if ct == "" {
		return false
	}
	for _, t := range types {
		t = strings.ToLower(t)
		if t == ct || t == "*/*" || (strings.HasSuffix(t, "/*") && strings.HasPrefix(ct, strings.TrimSuffix(t, "*"))) {
			return true
		}
	}
	return false
}

// convertResponse applies a conversion to an integration response's body;
// a body that does not decode is left as it is (AWS documents no error for
// it).
func convertResponse(c conversion, body []byte) []byte {
	switch c {
	case encodeBase64:
		return []byte(base64.StdEncoding.EncodeToString(body))
	case decodeBase64:
		if dec, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(body))); err == nil {
			return dec
		}
	}
	return body
}
