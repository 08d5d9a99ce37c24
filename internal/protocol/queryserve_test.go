package protocol_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// ServeQuery finds the Action, writes its result element, the service's
// error for an unknown Action, and an action's error as an ErrorResponse.
func TestServeQuery_DispatchesByAction(t *testing.T) {
	q := protocol.Query{XMLNS: "https://example.test/doc/"}
	type result struct{ Name string }
	find := func(name string) protocol.QueryAction[string] {
		switch name {
		case "Echo":
			return func(s string, _ *http.Request, f protocol.Form) (any, error) {
				return result{Name: s + f.Get("Name")}, nil
			}
		case "Fail":
			return func(string, *http.Request, protocol.Form) (any, error) {
				return nil, awserr.BadRequest("NoSuchEntity", "not here")
			}
		}
		return nil
	}
	unknown := func(name string) error { return awserr.BadRequest("InvalidAction", "no %s", name) }
	serve := func(body string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		protocol.ServeQuery(q, w, r, "svc:", protocol.FormErrors{}, find, unknown)
		return w
	}
	ok := serve("Action=Echo&Name=x")
	assert.Equal(t, 200, ok.Code)
	assert.Contains(t, ok.Body.String(), `<EchoResponse xmlns="https://example.test/doc/"><EchoResult><Name>svc:x</Name></EchoResult>`)
	bad := serve("Action=Nope")
	assert.Equal(t, 400, bad.Code)
	assert.Contains(t, bad.Body.String(), "<Code>InvalidAction</Code><Message>no Nope</Message>")
	failed := serve("Action=Fail")
	assert.Contains(t, failed.Body.String(), "<Code>NoSuchEntity</Code>")
	malformed := serve("Action=Echo&%zz")
	assert.Equal(t, 400, malformed.Code)
}

func TestLowerFirst(t *testing.T) {
	assert.Equal(t, "durationSeconds", protocol.LowerFirst("DurationSeconds"))
	assert.Equal(t, "", protocol.LowerFirst(""))
}
