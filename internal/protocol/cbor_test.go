package protocol_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

var cloudwatchCBOR = protocol.CBOR{Namespace: "com.amazonaws.cloudwatch", QueryCompatible: true}

func TestCBORWriteError_MapWithTypeAndBothMessageSpellings(t *testing.T) {
	// reference/errors.md: a CBOR map {__type, message, …}; some CloudWatch
	// shapes model Message, so both are sent; Smithy-Protocol always.
	w := httptest.NewRecorder()
	err := awserr.New("ResourceNotFound", 404, "dashboard d does not exist").WithQueryCode("ResourceNotFound")
	err.Fields = map[string]string{"ResourceType": "Dashboard"}
	cloudwatchCBOR.WriteError(w, nil, err)

	assert.Equal(t, 404, w.Code)
	assert.Equal(t, "rpc-v2-cbor", w.Header().Get("Smithy-Protocol"))
	assert.Equal(t, "application/cbor", w.Header().Get("Content-Type"))
	assert.Equal(t, "ResourceNotFound;Sender", w.Header().Get("x-amzn-query-error"))
	assert.Equal(t, w.Body.Len(), atoi(t, w.Header().Get("Content-Length")))
	var body map[string]string
	require.NoError(t, cbor.Unmarshal(w.Body.Bytes(), &body), "the body is a CBOR map")
	assert.Equal(t, map[string]string{
		"__type":       "com.amazonaws.cloudwatch#ResourceNotFound",
		"message":      "dashboard d does not exist",
		"Message":      "dashboard d does not exist",
		"ResourceType": "Dashboard",
	}, body)

	w = httptest.NewRecorder()
	protocol.CBOR{}.WriteError(w, nil, &awserr.Error{Code: "InternalServiceFault", Status: 500, Receiver: true, Message: "m"})
	assert.Equal(t, 500, w.Code)
	assert.Empty(t, w.Header().Values("x-amzn-query-error"))
	require.NoError(t, cbor.Unmarshal(w.Body.Bytes(), &body))
	assert.Equal(t, "InternalServiceFault", body["__type"])
}

func TestCBORWrite_TimestampsAreTag1AndEmptyOutputHasNoBody(t *testing.T) {
	w := httptest.NewRecorder()
	cloudwatchCBOR.Write(w, struct {
		Whole, Frac time.Time
		N           int
	}{time.Unix(1700000000, 0), time.Unix(1700000000, 5e8), 3})
	assert.Equal(t, 200, w.Code)
	assert.Equal(t, "rpc-v2-cbor", w.Header().Get("Smithy-Protocol"))
	var raw map[string]cbor.RawMessage
	require.NoError(t, cbor.Unmarshal(w.Body.Bytes(), &raw))
	var whole, frac cbor.Tag
	require.NoError(t, cbor.Unmarshal(raw["Whole"], &whole))
	require.NoError(t, cbor.Unmarshal(raw["Frac"], &frac))
	assert.Equal(t, uint64(1), whole.Number, "epoch-seconds tag")
	assert.Equal(t, uint64(1700000000), whole.Content, "an int when whole")
	assert.Equal(t, uint64(1), frac.Number)
	assert.Equal(t, 1700000000.5, frac.Content, "a float when fractional")
	var n any
	require.NoError(t, cbor.Unmarshal(raw["N"], &n))
	assert.Equal(t, uint64(3), n, "integers stay integers")

	w = httptest.NewRecorder()
	cloudwatchCBOR.Write(w, nil)
	assert.Zero(t, w.Body.Len())
	assert.Equal(t, "0", w.Header().Get("Content-Length"))
}

func TestUnmarshalCBOR(t *testing.T) {
	type input struct {
		Namespace  string
		Dimensions []map[string]string
	}
	good, err := cbor.Marshal(map[string]any{"Namespace": "App", "Dimensions": []map[string]string{{"Name": "a"}}})
	require.NoError(t, err)
	var in input
	require.NoError(t, protocol.UnmarshalCBOR(good, &in))
	assert.Equal(t, input{Namespace: "App", Dimensions: []map[string]string{{"Name": "a"}}}, in)
	require.NoError(t, protocol.UnmarshalCBOR(nil, &in), "a unit input has no body")

	// Indefinite-length map, as the Go SDK encodes: {_ "Namespace": "X"}.
	indef := append([]byte{0xbf, 0x69}, append([]byte("Namespace"), 0x61, 'X', 0xff)...)
	in = input{}
	require.NoError(t, protocol.UnmarshalCBOR(indef, &in))
	assert.Equal(t, "X", in.Namespace)

	for name, bad := range map[string][]byte{
		"json":        []byte(`{"Namespace":"x"}`),
		"truncated":   good[:len(good)-2],
		"wrong type":  must(cbor.Marshal(map[string]any{"Namespace": 5})),
		"not a map":   must(cbor.Marshal([]int{1})),
		"break alone": {0xff},
	} {
		e := awserr.As(protocol.UnmarshalCBOR(bad, &in))
		assert.Equal(t, "SerializationException", e.Code, name)
		assert.Equal(t, 400, e.Status, name)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
