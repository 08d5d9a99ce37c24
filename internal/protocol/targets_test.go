package protocol_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

type echoService struct{ calls int }

type echoIn struct{ Name string }
type echoOut struct{ Hello string }

func (s *echoService) Echo(_ context.Context, in echoIn) (echoOut, error) {
	s.calls++
	return echoOut{Hello: in.Name}, nil
}

func (s *echoService) Fail(context.Context, echoIn) error {
	return awserr.New("ResourceNotFoundException", 404, "no such thing")
}

var echoTargets = &protocol.Targets[*echoService]{
	Proto:  protocol.JSON{ContentType: "application/x-amz-json-1.1"},
	Prefix: "Echo_2020.",
	Limit:  64,
	Ops: map[string]protocol.TargetOp[*echoService]{
		"Echo": protocol.Call((*echoService).Echo),
		"Fail": protocol.Do((*echoService).Fail),
	},
}

func serveTarget(s *echoService, target, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	r.Header.Set("X-Amz-Target", target)
	w := httptest.NewRecorder()
	echoTargets.Serve(s, w, r)
	return w
}

func TestTargets_Serve(t *testing.T) {
	s := &echoService{}
	for _, tc := range []struct {
		target, body string
		status       int
		contains     string
	}{
		{"Echo_2020.Echo", `{"Name":"x"}`, 200, `{"Hello":"x"}`},
		{"Echo_2020.Echo", ``, 200, `{"Hello":""}`},
		{"Echo_2020.Fail", `{}`, 404, `ResourceNotFoundException`},
		{"Echo_2020.Nope", `{}`, 400, `UnknownOperationException`},
		{"Other.Echo", `{}`, 400, `UnknownOperationException`},
		{"Echo_2020.Echo", `{"Name":1}`, 400, `SerializationException`},
		{"Echo_2020.Echo", `{"Name":"` + strings.Repeat("x", 100) + `"}`, 413, `RequestEntityTooLarge`},
	} {
		w := serveTarget(s, tc.target, tc.body)
		assert.Equal(t, tc.status, w.Code, tc.target+" "+tc.body)
		assert.Contains(t, w.Body.String(), tc.contains, tc.target)
		assert.Equal(t, "application/x-amz-json-1.1", w.Header().Get("Content-Type"))
	}
	assert.Equal(t, 2, s.calls, "only valid requests reach the operation")
	assert.Equal(t, []string{"Echo", "Fail"}, echoTargets.Operations())
}

func TestForm_Reads(t *testing.T) {
	errNum := errors.New("bad number")
	errBin := errors.New("bad binary")
	f := protocol.NewForm(map[string][]string{
		"N": {"12"}, "Bad": {"x"}, "B": {"TRUE"},
		"L.member.2": {"b"}, "L.member.1": {"a"},
		"M.entry.1.key": {"k"}, "M.entry.1.value": {"v"},
		"A.1.Name": {"s"}, "A.1.Value.DataType": {"String"}, "A.1.Value.StringValue": {"hi"},
		"A.2.Name": {"b"}, "A.2.Value.DataType": {"Binary"}, "A.2.Value.BinaryValue": {"AAE="},
		"X.1.Name": {"b"}, "X.1.Value.BinaryValue": {"!!"},
	}, protocol.FormErrors{
		Number: func(string, string) error { return errNum },
		Binary: func(string, string, string) error { return errBin },
	})
	n, ok, err := f.Int("N")
	assert.Equal(t, 12, n)
	assert.True(t, ok)
	assert.NoError(t, err)
	_, ok, _ = f.Int("Missing")
	assert.False(t, ok)
	_, _, err = f.Int("Bad")
	assert.Same(t, errNum, err)
	p, err := f.Int32("N")
	assert.NoError(t, err)
	assert.Equal(t, int32(12), *p)
	assert.True(t, f.Bool("B"))
	assert.False(t, f.Bool("N"))
	assert.Equal(t, []string{"a", "b"}, f.List("L.member"))
	assert.Equal(t, map[string]string{"k": "v"}, f.Map("M.entry", "key", "value"))
	assert.Equal(t, []string{"L.member.1.", "L.member.2."}, f.Entries("L.member"))
	attrs, err := f.MessageAttributes("A")
	assert.NoError(t, err)
	assert.Equal(t, map[string]protocol.MessageAttribute{
		"s": {DataType: "String", StringValue: "hi"}, "b": {DataType: "Binary", BinaryValue: []byte{0, 1}},
	}, attrs)
	_, err = f.MessageAttributes("X")
	assert.Same(t, errBin, err)
	none, err := f.MessageAttributes("None")
	assert.Nil(t, none)
	assert.NoError(t, err)
}
