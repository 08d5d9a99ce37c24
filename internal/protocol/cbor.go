package protocol

import (
	"net/http"
	"reflect"
	"strconv"

	"github.com/fxamacker/cbor/v2"

	"github.com/awsfake/awsfake/internal/awserr"
)

var (
	cborEnc cbor.EncMode
	cborDec cbor.DecMode
)

func init() {
	var err error
	// Timestamps go out as tag 1 over an int, or a float when they have
	// fractional seconds: the only form the SDK accepts.
	cborEnc, err = cbor.EncOptions{Time: cbor.TimeUnixDynamic, TimeTag: cbor.EncTagRequired}.EncMode()
	if err != nil {
		panic(err)
	}
	cborDec, err = cbor.DecOptions{DefaultMapType: reflect.TypeOf(map[string]any(nil))}.DecMode()
	if err != nil {
		panic(err)
	}
}

// CBOR describes a service's rpcv2Cbor protocol.
type CBOR struct {
	// Namespace prefixes __type in errors (com.amazonaws.cloudwatch).
	Namespace string
	// QueryCompatible adds x-amzn-query-error to errors.
	QueryCompatible bool
}

// UnmarshalCBOR decodes body into v with AWS's error for bad input.
func UnmarshalCBOR(body []byte, v any) error {
	if len(body) == 0 {
		return nil
	}
	if err := cborDec.Unmarshal(body, v); err != nil {
		return awserr.BadRequest("SerializationException", "Unable to parse the CBOR request: %v", err)
	}
	return nil
}

// Write sends v as a CBOR response; nil sends an empty body.
func (p CBOR) Write(w http.ResponseWriter, v any) {
	var b []byte
	if v != nil {
		var err error
		if b, err = cborEnc.Marshal(v); err != nil {
			p.WriteError(w, nil, err)
			return
		}
	}
	h := w.Header()
	h.Set("Smithy-Protocol", "rpc-v2-cbor")
	h.Set("Content-Type", "application/cbor")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}

// WriteError renders err as a CBOR map {__type, message, Message, fields...}:
// both spellings of the message, since CloudWatch's shapes model either.
func (p CBOR) WriteError(w http.ResponseWriter, r *http.Request, err error) {
	e := awserr.As(err)
	m := map[string]any{}
	for k, v := range e.Fields {
		m[k] = v
	}
	typ := e.Code
	if p.Namespace != "" {
		typ = p.Namespace + "#" + e.Code
	}
	m["__type"] = typ
	m["message"] = e.Message
	m["Message"] = e.Message
	b, _ := cborEnc.Marshal(m)
	h := w.Header()
	h.Set("Smithy-Protocol", "rpc-v2-cbor")
	h.Set("Content-Type", "application/cbor")
	if p.QueryCompatible {
		h.Set("x-amzn-query-error", e.LegacyCode()+";"+e.FaultName())
	}
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(e.Status)
	_, _ = w.Write(b)
}
