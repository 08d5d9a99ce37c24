package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ImportApiKeys reads AWS's documented file format
// (api-key-file-format.html): columns in any order and case, Enabled
// defaulting to true, UsagePlanIds a quoted list (double or single
// quotes) putting the key in those plans, unknown columns ignored; a key
// imported again is overwritten, keeping its id. An imported key works on
// invoke.
func TestImportApiKeys_CSV(t *testing.T) {
	k := newKeysFixture(t)
	p1 := k.plan(t, nil, nil, "prod")
	p2 := k.plan(t, nil, nil, "dev")
	file := "Key,name,Extra\napikey1234abcdefghij0123456789,MyFirstApiKey,x\n" +
		"Enabled,Name,key,UsageplanIds\n" // a second header is a row with a short key: a warning
	out, err := k.client.ImportApiKeys(k.ctx, &sdk.ImportApiKeysInput{Body: []byte(file), Format: types.ApiKeysFormatCsv})
	require.NoError(t, err)
	require.Len(t, out.Ids, 1)
	assert.Len(t, out.Warnings, 1)
	first := out.Ids[0]
	got, err := k.client.GetApiKey(k.ctx, &sdk.GetApiKeyInput{ApiKey: &first, IncludeValue: aws.Bool(true)})
	require.NoError(t, err)
	assert.Equal(t, "MyFirstApiKey", *got.Name)
	assert.True(t, got.Enabled, "Enabled defaults to true")

	file = "Enabled,Name,key,UsageplanIds,description\n" +
		"false,Renamed,apikey1234abcdefghij0123456789,\"" + p1 + "," + p2 + "\",\"an \"\"imported\"\", key\"\r\n" +
		"\n" +
		"TRUE,Second,second-key-abcdefghij0123456789,'" + p1 + "',\n"
	out, err = k.client.ImportApiKeys(k.ctx, &sdk.ImportApiKeysInput{Body: []byte(file), Format: types.ApiKeysFormatCsv, FailOnWarnings: true})
	require.NoError(t, err)
	require.Len(t, out.Ids, 2)
	assert.Empty(t, out.Warnings)
	assert.Equal(t, first, out.Ids[0], "the same value is the same key")
	got, err = k.client.GetApiKey(k.ctx, &sdk.GetApiKeyInput{ApiKey: &first})
	require.NoError(t, err)
	assert.Equal(t, "Renamed", *got.Name)
	assert.Equal(t, `an "imported", key`, *got.Description)
	assert.False(t, got.Enabled)
	plans, err := k.client.GetUsagePlans(k.ctx, &sdk.GetUsagePlansInput{KeyId: &first})
	require.NoError(t, err)
	assert.Len(t, plans.Items, 2)

	status, _ := k.get(t, "prod", "/pets", "second-key-abcdefghij0123456789")
	assert.Equal(t, 200, status, "an imported key in a plan of the stage")
	status, _ = k.get(t, "prod", "/pets", "apikey1234abcdefghij0123456789")
	assert.Equal(t, 403, status, "imported disabled")
}

// A bad file is AWS's BadRequestException and imports nothing: no Key or
// Name column, an unclosed quote, text after a closing quote, another
// format; with failOnWarnings, a bad row (a short key, a bad flag, an
// unknown plan, a short row) fails the whole file.
func TestImportApiKeys_BadCSV(t *testing.T) {
	k := newKeysFixture(t)
	for name, file := range map[string]string{
		"empty":           "",
		"no key column":   "name,description\nk,d\n",
		"no name column":  "key\nabcdefghijklmnopqrstuvwxyz\n",
		"unclosed quote":  "name,key\n\"k,abcdefghijklmnopqrstuvwxyz\n",
		"after the quote": "name,key\n\"k\"x,abcdefghijklmnopqrstuvwxyz\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := k.client.ImportApiKeys(k.ctx, &sdk.ImportApiKeysInput{Body: []byte(file), Format: types.ApiKeysFormatCsv})
			checkErr(t, err, "BadRequestException", "")
		})
	}
	_, err := k.client.ImportApiKeys(k.ctx, &sdk.ImportApiKeysInput{Body: []byte("name,key\n"), Format: "json"})
	checkErr(t, err, "BadRequestException", "Invalid format specified: json. Must be one of: [csv]")
	for _, row := range []string{"k,short,,", "k,abcdefghijklmnopqrstuvwxyz,maybe,", "k,abcdefghijklmnopqrstuvwxyz,true,nosuch", "k,abcdefghijklmnopqrstuvwxyz"} {
		file := "name,key,enabled,usageplanids\ngood,good-key-abcdefghijklmnopqrstuvwxyz,true,\n" + row + "\n"
		_, err := k.client.ImportApiKeys(k.ctx, &sdk.ImportApiKeysInput{Body: []byte(file), Format: types.ApiKeysFormatCsv, FailOnWarnings: true})
		checkErr(t, err, "BadRequestException", "")
	}
	keys, err := k.client.GetApiKeys(k.ctx, &sdk.GetApiKeysInput{})
	require.NoError(t, err)
	assert.Empty(t, keys.Items, "nothing imported")
}
