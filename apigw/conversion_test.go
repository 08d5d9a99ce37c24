package apigw_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every row of the response half of AWS's table "Content type conversions
// in API Gateway" (developerguide/api-gateway-payload-encodings-workflow.html)
// with binaryMediaTypes set: the backend's Content-Type says whether its
// payload is binary, the client's FIRST Accept media type whether it wants
// binary, and the integration response's contentHandling decides.
func TestConversion_ResponseTableRows(t *testing.T) {
	f := newFixture(t)
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		ct, payload, _ := strings.Cut(string(b), "\n")
		w.Header().Set("Content-Type", ct)
		_, _ = w.Write([]byte(payload))
	}))
	defer backend.Close()
	f.cloud.APIGateway().SetHTTPClient(backend.Client())
	out, err := f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("conv"), BinaryMediaTypes: []string{"image/png", "image/webp"}})
	require.NoError(t, err)
	api, root := *out.Id, *out.RootResourceId
	for part, handling := range map[string]types.ContentHandlingStrategy{"unset": "", "text": types.ContentHandlingStrategyConvertToText, "binary": types.ContentHandlingStrategyConvertToBinary} {
		res := f.integration(t, api, root, part, sdk.PutIntegrationInput{Type: types.IntegrationTypeHttp, Uri: aws.String(backend.URL)})
		_, err = f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &res, HttpMethod: aws.String("POST"), StatusCode: aws.String("200")})
		require.NoError(t, err)
		_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &res, HttpMethod: aws.String("POST"),
			StatusCode: aws.String("200"), ContentHandling: handling})
		require.NoError(t, err)
	}
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	const text, binary = "text/plain\naGk=", "image/png\n\x00\x01"
	const textAccept, binAccept = "application/json", "image/webp,image/*,*/*;q=0.8"
	rows := []struct{ payload, accept, handling, want string }{
		{text, textAccept, "unset", "aGk="},
		{text, textAccept, "binary", "hi"},
		{text, textAccept, "text", "aGk="},
		{text, binAccept, "unset", "hi"},
		{text, binAccept, "binary", "hi"},
		{text, binAccept, "text", "aGk="},
		{binary, textAccept, "unset", "AAE="},
		{binary, textAccept, "binary", "\x00\x01"},
		{binary, textAccept, "text", "AAE="},
		{binary, binAccept, "unset", "\x00\x01"},
		{binary, binAccept, "binary", "\x00\x01"},
		{binary, binAccept, "text", "AAE="},
		// Only the first Accept media type counts: a binary type later in
		// the list leaves the client a text one.
		{text, "text/html,image/webp", "unset", "aGk="},
		{binary, "text/html,image/webp", "unset", "AAE="},
	}
	for _, row := range rows {
		status, _, body := f.call(t, "POST", url+"/"+row.handling, row.payload, "Content-Type", "text/plain", "Accept", row.accept)
		assert.Equal(t, 200, status)
		assert.Equal(t, row.want, body, "%q accept %q handling %s", row.payload, row.accept, row.handling)
	}
}

// The request half of the table: a text payload passes unless
// CONVERT_TO_BINARY decodes it; a binary one (by binaryMediaTypes) passes
// unless CONVERT_TO_TEXT encodes it.
func TestConversion_RequestTableRows(t *testing.T) {
	f := newFixture(t)
	var got []string
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = append(got, string(b))
	}))
	defer backend.Close()
	f.cloud.APIGateway().SetHTTPClient(backend.Client())
	out, err := f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("conv"), BinaryMediaTypes: []string{"image/png"}})
	require.NoError(t, err)
	api, root := *out.Id, *out.RootResourceId
	for part, handling := range map[string]types.ContentHandlingStrategy{"unset": "", "text": types.ContentHandlingStrategyConvertToText, "binary": types.ContentHandlingStrategyConvertToBinary} {
		res := f.integration(t, api, root, part, sdk.PutIntegrationInput{Type: types.IntegrationTypeHttp, Uri: aws.String(backend.URL), ContentHandling: handling})
		f.respond(t, api, res, "POST", "200", "", nil)
	}
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	rows := []struct{ ct, payload, handling, want string }{
		{"text/plain", "aGk=", "unset", "aGk="},
		{"text/plain", "aGk=", "binary", "hi"},
		{"text/plain", "aGk=", "text", "aGk="},
		{"image/png", "\x00\x01", "unset", "\x00\x01"},
		{"image/png", "\x00\x01", "binary", "\x00\x01"},
		{"image/png", "\x00\x01", "text", "AAE="},
	}
	for _, row := range rows {
		status, _, _ := f.call(t, "POST", url+"/"+row.handling, row.payload, "Content-Type", row.ct)
		assert.Equal(t, 200, status)
	}
	want := make([]string, len(rows))
	for i, row := range rows {
		want[i] = row.want
	}
	assert.Equal(t, want, got)
}
