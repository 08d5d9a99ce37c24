package stepfn_test

import (
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// HTTP task parameters: no Parameters, decoded from the execution input
// by TestState, answers a 5xx. Every dial reaches one local TLS server,
// so no input reaches the network.
func FuzzHTTPTaskParameters(f *testing.F) {
	for _, seed := range []string{
		`{"ApiEndpoint":"https://example.com/a","Method":"GET","Authentication":{"ConnectionArn":"` + connARN + `"}}`,
		`{"ApiEndpoint":"https://127.0.0.1/x?y=1","Method":"POST","Authentication":{"ConnectionArn":"` + connARN + `"},` +
			`"Headers":{"X-A":1,"Host":"h"},"QueryParameters":{"a":[1,"b",null],"c":true},"RequestBody":{"a":[{"b":[1,2]}],"c":"d e"},` +
			`"Transform":{"RequestBodyEncoding":"URL_ENCODED","RequestEncodingOptions":{"ArrayFormat":"COMMAS"}}}`,
		`{"ApiEndpoint":"https://example.com","Method":"PUT","Authentication":{"ConnectionArn":"` + connARN + `"},"RequestBody":"text"}`,
		`{"ApiEndpoint":"ftp://x","Method":"GET"}`, `{"ApiEndpoint":"https://%zz","Method":"GET","Authentication":{}}`,
		`{"Headers":{"a\nb":"c"}}`, `[]`, `"s"`, `null`,
	} {
		f.Add(seed)
	}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ok":true}`)
	}))
	defer srv.Close()
	tr := srv.Client().Transport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "tcp", srv.Listener.Addr().String())
	}
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec // the fuzz target's own server
	client := &http.Client{Transport: tr}
	// Without Parameters, the task's parameters are its input.
	def := `{"Type":"Task","Resource":"arn:aws:states:::http:invoke","End":true}`
	f.Fuzz(func(t *testing.T, params string) {
		s, serve := fuzzService(t)
		s.SetHTTPClient(client)
		serve("TestState", `{"definition":`+quote(def)+`,"roleArn":"arn:aws:iam::000000000000:role/r","inspectionLevel":"TRACE","input":`+quote(params)+`}`)
	})
}
