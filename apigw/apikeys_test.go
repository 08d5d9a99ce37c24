package apigw_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// CreateApiKey: a ten-character id, a generated value of 40 letters and
// digits, disabled by default, no stage keys, as recorded
// (test_apigateway_extended.py::TestApigatewayApiKeysCrud::test_get_api_keys,
// create-api-key); the validation texts as recorded
// (test_create_api_key_with_invalid_name, test_create_api_key_with_invalid_value).
func TestCreateApiKey_DefaultsAndValidation(t *testing.T) {
	f := newFixture(t)
	k, err := f.client.CreateApiKey(f.ctx, &sdk.CreateApiKeyInput{Name: aws.String("k1")})
	require.NoError(t, err)
	assert.Regexp(t, regexp.MustCompile(`^[a-z0-9]{10}$`), *k.Id)
	assert.Regexp(t, regexp.MustCompile(`^[A-Za-z0-9]{40}$`), *k.Value)
	assert.False(t, k.Enabled)
	assert.Empty(t, k.StageKeys)
	assert.Equal(t, t0, *k.CreatedDate)

	given := "abcdefghijklmnopqrstuvwxyz"
	k2, err := f.client.CreateApiKey(f.ctx, &sdk.CreateApiKeyInput{Value: &given, Enabled: true})
	require.NoError(t, err)
	assert.Equal(t, given, *k2.Value)
	assert.Nil(t, k2.Name)
	assert.True(t, k2.Enabled)

	_, err = f.client.CreateApiKey(f.ctx, &sdk.CreateApiKeyInput{Name: aws.String(strings.Repeat("n", 1025))})
	checkErr(t, err, "BadRequestException", "Invalid API Key name, can be at most 1024 characters.")
	_, err = f.client.CreateApiKey(f.ctx, &sdk.CreateApiKeyInput{Value: aws.String(strings.Repeat("v", 19))})
	checkErr(t, err, "BadRequestException", "API Key value should be at least 20 characters")
	_, err = f.client.CreateApiKey(f.ctx, &sdk.CreateApiKeyInput{Value: aws.String(strings.Repeat("v", 129))})
	checkErr(t, err, "BadRequestException", "API Key value exceeds maximum size of 128 characters")
	_, err = f.client.CreateApiKey(f.ctx, &sdk.CreateApiKeyInput{Description: aws.String(strings.Repeat("d", 125001))})
	checkErr(t, err, "BadRequestException", "Invalid API Key description specified.")
	_, err = f.client.CreateApiKey(f.ctx, &sdk.CreateApiKeyInput{Value: &given})
	checkErr(t, err, "ConflictException", "")

	list, err := f.client.GetApiKeys(f.ctx, &sdk.GetApiKeysInput{})
	require.NoError(t, err)
	assert.Len(t, list.Items, 2, "refused keys are not kept")
}

// GetApiKey answers the value only with includeValue; GetApiKeys only with
// includeValues, filters by name prefix, case-sensitively, and pages, as
// recorded (test_get_api_keys: get-api-keys-prefix-name-query,
// -prefix-name-query-cased, -postfix-name-query, get-apis-keys-pagination).
func TestGetApiKeys_QueryValuesAndPages(t *testing.T) {
	f := newFixture(t)
	a, err := f.client.CreateApiKey(f.ctx, &sdk.CreateApiKeyInput{Name: aws.String("test-key-a"), CustomerId: aws.String("c1")})
	require.NoError(t, err)
	b, err := f.client.CreateApiKey(f.ctx, &sdk.CreateApiKeyInput{Name: aws.String("test-key-b")})
	require.NoError(t, err)

	got, err := f.client.GetApiKey(f.ctx, &sdk.GetApiKeyInput{ApiKey: a.Id})
	require.NoError(t, err)
	assert.Nil(t, got.Value)
	got, err = f.client.GetApiKey(f.ctx, &sdk.GetApiKeyInput{ApiKey: a.Id, IncludeValue: aws.Bool(true)})
	require.NoError(t, err)
	assert.Equal(t, *a.Value, *got.Value)
	_, err = f.client.GetApiKey(f.ctx, &sdk.GetApiKeyInput{ApiKey: aws.String("nope")})
	checkErr(t, err, "NotFoundException", "Invalid API Key identifier specified")

	names := func(in *sdk.GetApiKeysInput) []string {
		out, err := f.client.GetApiKeys(f.ctx, in)
		require.NoError(t, err)
		var n []string
		for _, k := range out.Items {
			n = append(n, *k.Name)
			assert.Equal(t, in.IncludeValues != nil, k.Value != nil)
		}
		return n
	}
	assert.Equal(t, []string{"test-key-a", "test-key-b"}, names(&sdk.GetApiKeysInput{}))
	assert.Equal(t, []string{"test-key-a", "test-key-b"}, names(&sdk.GetApiKeysInput{NameQuery: aws.String("test-")}))
	assert.Empty(t, names(&sdk.GetApiKeysInput{NameQuery: aws.String("TEST-")}))
	assert.Empty(t, names(&sdk.GetApiKeysInput{NameQuery: aws.String("key-a")}))
	assert.Equal(t, []string{"test-key-a"}, names(&sdk.GetApiKeysInput{CustomerId: aws.String("c1"), IncludeValues: aws.Bool(true)}))

	p1, err := f.client.GetApiKeys(f.ctx, &sdk.GetApiKeysInput{Limit: aws.Int32(1)})
	require.NoError(t, err)
	require.Len(t, p1.Items, 1)
	require.NotNil(t, p1.Position)
	p2, err := f.client.GetApiKeys(f.ctx, &sdk.GetApiKeysInput{Limit: aws.Int32(1), Position: p1.Position})
	require.NoError(t, err)
	require.Len(t, p2.Items, 1)
	assert.Equal(t, *b.Id, *p2.Items[0].Id)
	assert.Nil(t, p2.Position)
}

// UpdateApiKey replaces name, description, enabled and customerId, without
// the value in its answer; "invalid" for enabled disables (recorded:
// test_update_api_key_invalid_enabled_type); another path is AWS's error
// (test_update_api_key_immutable_field), and a refused update changes
// nothing. DeleteApiKey removes the key.
func TestUpdateApiKey_PatchAndDelete(t *testing.T) {
	f := newFixture(t)
	k, err := f.client.CreateApiKey(f.ctx, &sdk.CreateApiKeyInput{Name: aws.String("old"), Enabled: true})
	require.NoError(t, err)
	f.clk.Advance(time.Second)
	up, err := f.client.UpdateApiKey(f.ctx, &sdk.UpdateApiKeyInput{ApiKey: k.Id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/name"), Value: aws.String("new")},
		{Op: types.OpReplace, Path: aws.String("/description"), Value: aws.String("d")},
		{Op: types.OpReplace, Path: aws.String("/enabled"), Value: aws.String("invalid")},
		{Op: types.OpReplace, Path: aws.String("/customerId"), Value: aws.String("cust")}}})
	require.NoError(t, err)
	assert.Equal(t, "new", *up.Name)
	assert.Equal(t, "d", *up.Description)
	assert.Equal(t, "cust", *up.CustomerId)
	assert.False(t, up.Enabled)
	assert.Nil(t, up.Value)
	assert.True(t, up.LastUpdatedDate.After(*up.CreatedDate))

	_, err = f.client.UpdateApiKey(f.ctx, &sdk.UpdateApiKeyInput{ApiKey: k.Id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/name"), Value: aws.String("newer")},
		{Op: types.OpReplace, Path: aws.String("/id"), Value: aws.String("x")}}})
	checkErr(t, err, "BadRequestException", "Invalid patch path  '/id' specified for op 'replace'. Must be one of: [/description, /enabled, /name, /customerId]")
	_, err = f.client.UpdateApiKey(f.ctx, &sdk.UpdateApiKeyInput{ApiKey: k.Id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/description"), Value: aws.String(strings.Repeat("d", 125001))}}})
	checkErr(t, err, "BadRequestException", "Invalid API Key description specified.")
	got, err := f.client.GetApiKey(f.ctx, &sdk.GetApiKeyInput{ApiKey: k.Id})
	require.NoError(t, err)
	assert.Equal(t, "new", *got.Name)
	assert.Equal(t, "d", *got.Description)

	_, err = f.client.DeleteApiKey(f.ctx, &sdk.DeleteApiKeyInput{ApiKey: k.Id})
	require.NoError(t, err)
	_, err = f.client.GetApiKey(f.ctx, &sdk.GetApiKeyInput{ApiKey: k.Id})
	checkErr(t, err, "NotFoundException", "Invalid API Key identifier specified")
	_, err = f.client.DeleteApiKey(f.ctx, &sdk.DeleteApiKeyInput{ApiKey: k.Id})
	checkErr(t, err, "NotFoundException", "Invalid API Key identifier specified")
}
