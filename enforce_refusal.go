package awsfake

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// errorWriter is a service that renders its own errors, where the request
// alone does not tell the protocol (Route 53's restXml <ErrorResponse>, API
// Gateway's restJson1 for a GET without a body).
type errorWriter interface {
	WriteError(w http.ResponseWriter, r *http.Request, err error)
}

// writeRefusal writes the refusal err of the service a to r (a denial, an
// expired token, a request it cannot read): as the service
// writes its errors when it says how, else in the protocol the request's
// headers name.
func writeRefusal(a authorizing, w http.ResponseWriter, r *http.Request, err error) {
	if ew, ok := a.(errorWriter); ok {
		ew.WriteError(w, r, err)
		return
	}
	protocol.WriteErrorFor(w, r, err)
}
