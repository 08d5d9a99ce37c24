package awsfake_test

import (
	"bytes"
	"net/http"
	"net/http/httputil"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

func signedBy(accessKey, service string) string {
	return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20300101/us-east-1/" + service +
		"/aws4_request, SignedHeaders=host;x-amz-date, Signature=00"
}

var accessKeyID = regexp.MustCompile(`<AccessKeyId>([^<]+)</AccessKeyId>`)

// scenario runs a fixed sequence of raw requests against a fresh cloud and
// returns every response as raw HTTP bytes.
func scenario(t *testing.T, seed uint64) []byte {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithSeed(seed))
	client := cloud.HTTPClient()
	var out bytes.Buffer
	do := func(method, path, auth, contentType, body string) string {
		req, err := http.NewRequest(method, awsfake.DefaultURL+path, strings.NewReader(body))
		require.NoError(t, err)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		resp, err := client.Do(req)
		require.NoError(t, err)
		dump, err := httputil.DumpResponse(resp, true)
		require.NoError(t, err)
		out.Write(dump)
		return string(dump)
	}
	const form = "application/x-www-form-urlencoded"
	root := signedBy(awsfake.TestAccessKeyID, "sts")
	do("POST", "/", root, form, "Action=GetCallerIdentity&Version=2011-06-15")
	role := do("POST", "/", root, form, "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2Fr&RoleSessionName=run&DurationSeconds=900")
	do("POST", "/", root, form, "Action=GetSessionToken&Version=2011-06-15")
	clk.Advance(10 * time.Minute)
	m := accessKeyID.FindStringSubmatch(role)
	require.Len(t, m, 2, role)
	do("POST", "/", signedBy(m[1], "sts"), form, "Action=GetCallerIdentity&Version=2011-06-15")
	do("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", "", "", "")
	do("POST", "/", root, form, "Action=NoSuchAction&Version=2011-06-15")
	do("POST", "/", signedBy(awsfake.TestAccessKeyID, "dynamodb"), "application/x-amz-json-1.0", "{}")
	clk.Advance(5 * time.Minute) // the role's credentials expire
	do("POST", "/", signedBy(m[1], "sts"), form, "Action=GetCallerIdentity&Version=2011-06-15")
	return out.Bytes()
}

func TestDeterminism_SameSeedAndClockGiveByteIdenticalResponses(t *testing.T) {
	a, b := scenario(t, 42), scenario(t, 42)
	assert.Equal(t, string(a), string(b))
	assert.Contains(t, string(a), "ExpiredToken", "the scenario ran to its end")
	assert.NotEqual(t, string(a), string(scenario(t, 43)), "the seed drives the ids")
}
