package protocol_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

func TestWriteErrorFor_AnswersInTheRequestsOwnProtocol(t *testing.T) {
	for _, tc := range []struct {
		name, method, target string
		header               map[string]string
		contentType          string // of the answer
		bodyStart            string
	}{
		{"rpcv2Cbor", "POST", "/service/GraniteServiceVersion20100801/operation/ListMetrics",
			map[string]string{"Smithy-Protocol": "rpc-v2-cbor", "Content-Type": "application/cbor"}, "application/cbor", "\xa3"},
		{"awsJson1_0", "POST", "/", map[string]string{"Content-Type": "application/x-amz-json-1.0"}, "application/x-amz-json-1.0", "{"},
		{"awsJson1_1", "POST", "/", map[string]string{"Content-Type": "application/x-amz-json-1.1"}, "application/x-amz-json-1.1", "{"},
		{"restJson1", "POST", "/2015-03-31/functions", map[string]string{"Content-Type": "application/json"}, "application/json", "{"},
		{"awsQuery form", "POST", "/", map[string]string{"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}, "text/xml", "<?xml"},
		{"awsQuery presigned GET", "GET", "/?Action=GetCallerIdentity&Version=2011-06-15", nil, "text/xml", "<?xml"},
		{"restXml (S3)", "GET", "/bucket/key", nil, "application/xml", "<?xml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, tc.target, strings.NewReader(""))
			for k, v := range tc.header {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			protocol.WriteErrorFor(w, r, awserr.BadRequest("UnknownOperationException", "nope"))
			assert.Equal(t, 400, w.Code)
			assert.Equal(t, tc.contentType, w.Header().Get("Content-Type"))
			assert.True(t, strings.HasPrefix(w.Body.String(), tc.bodyStart), "%q", w.Body.String())
			assert.Contains(t, w.Body.String(), "UnknownOperationException")
		})
	}
}
