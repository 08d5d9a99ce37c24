package protocol_test

import (
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

func TestSegments_KeepsEncodedSlashesInsideASegment(t *testing.T) {
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/", nil},
		{"", nil},
		// An API Gateway tag path: the ARN label holds encoded "/" (reference/wire-protocols.md).
		{"/tags/arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Frestapis%2Fabc", []string{"tags", "arn:aws:apigateway:us-east-1::/restapis/abc"}},
		{"/2015-03-31/functions/my-fn/invocations", []string{"2015-03-31", "functions", "my-fn", "invocations"}},
		{"/2015-03-31/functions/", []string{"2015-03-31", "functions"}}, // botocore's trailing slash
		{"/bucket/a%20b%2Bc", []string{"bucket", "a b+c"}},
		{"/bucket/dir/key", []string{"bucket", "dir", "key"}},
	} {
		r := httptest.NewRequest("GET", "http://h"+tc.path, nil)
		assert.Equal(t, tc.want, protocol.Segments(r), tc.path)
	}
}

func TestWriteS3Error_UnwrappedErrorDocument(t *testing.T) {
	r := httptest.NewRequest("GET", "/b/k", nil)
	r = r.WithContext(protocol.WithRequestID(r.Context(), "req-3"))
	w := httptest.NewRecorder()
	err := awserr.New("NoSuchKey", 404, "The specified key does not exist.")
	err.Fields = map[string]string{"Key": "k<1>", "BucketName": "b"}
	protocol.WriteS3Error(w, r, err)
	assert.Equal(t, 404, w.Code)
	assert.Equal(t, "application/xml", w.Header().Get("Content-Type"))
	assert.Equal(t, "req-3", w.Header().Get("x-amz-request-id"))
	assert.NotEmpty(t, w.Header().Get("x-amz-id-2"))
	assert.Equal(t, xml.Header+`<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>`+
		`<BucketName>b</BucketName><Key>k&lt;1&gt;</Key><RequestId>req-3</RequestId><HostId>awsfake</HostId></Error>`,
		w.Body.String(), "fields in sorted order, escaped")

	var doc struct {
		XMLName xml.Name `xml:"Error"`
		Code    string
	}
	require.NoError(t, xml.Unmarshal(w.Body.Bytes(), &doc))
	assert.Equal(t, "NoSuchKey", doc.Code)
}

func TestWriteS3Error_HeadHasNoBody(t *testing.T) {
	// reference/errors.md: HEAD errors have no body; the SDK derives the code
	// from the status.
	w := httptest.NewRecorder()
	protocol.WriteS3Error(w, httptest.NewRequest(http.MethodHead, "/b/k", nil), awserr.New("NoSuchKey", 404, "m"))
	assert.Equal(t, 404, w.Code)
	assert.Zero(t, w.Body.Len())
}

type hostedZone struct {
	XMLName xml.Name `xml:"HostedZone"`
	Name    string
}

func TestWriteXMLAndDecodeXML(t *testing.T) {
	w := httptest.NewRecorder()
	protocol.WriteXML(w, 201, hostedZone{Name: "example.com."})
	assert.Equal(t, 201, w.Code)
	assert.Equal(t, xml.Header+`<HostedZone><Name>example.com.</Name></HostedZone>`, w.Body.String())

	var z hostedZone
	require.NoError(t, protocol.DecodeXML(httptest.NewRequest("POST", "/", strings.NewReader(w.Body.String())), 1024, &z))
	assert.Equal(t, "example.com.", z.Name)

	for name, body := range map[string]string{
		"malformed":  "<HostedZone><Name>x</HostedZone>",
		"empty":      "",
		"not xml":    "{}",
		"wrong root": "<Other/>",
	} {
		e := awserr.As(protocol.DecodeXML(httptest.NewRequest("POST", "/", strings.NewReader(body)), 1024, &z))
		assert.Equal(t, "MalformedXML", e.Code, name)
		assert.Equal(t, 400, e.Status, name)
		assert.Equal(t, "The XML you provided was not well-formed or did not validate against our published schema", e.Message)
	}
	assertTooLarge(t, protocol.DecodeXML(httptest.NewRequest("POST", "/", strings.NewReader(strings.Repeat("x", 20))), 10, &z))
}
