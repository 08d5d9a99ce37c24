package sqs_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Over JSON, bytes that are not UTF-8 and escaped lone surrogates are
// InvalidMessageContents, as over Query, instead of being rewritten to
// U+FFFD and stored (issue 13); a surrogate pair and an escaped backslash
// before "u" are fine.
func TestSendMessage_JSONRefusesWhatDecodingWouldRewrite(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "chars", nil)
	send := func(body string) (int, string) {
		req, err := http.NewRequest(http.MethodPost, f.cloud.URL()+"/", strings.NewReader(
			`{"QueueUrl":"`+url+`","MessageBody":"`+body+`"}`))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		req.Header.Set("X-Amz-Target", "AmazonSQS.SendMessage")
		resp, err := f.cloud.HTTPClient().Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var b strings.Builder
		_, _ = io.Copy(&b, resp.Body)
		return resp.StatusCode, b.String()
	}
	for name, body := range map[string]string{
		"raw \\xff":         "a\xffb",
		"overlong NUL":      "a\xc0\x80b",
		"encoded surrogate": "a\xed\xa0\x80b",
		"lone high":         `a\ud800b`,
		"lone low":          `a\udc00b`,
		"high then letter":  `\ud800\u0041`,
	} {
		status, out := send(body)
		assert.Equal(t, http.StatusBadRequest, status, name)
		assert.Contains(t, out, "InvalidMessageContents", name)
	}
	for name, body := range map[string]string{
		"a pair":            `\ud83d\ude00`,
		"escaped backslash": `\\ud800`,
		"plain":             "héllo",
	} {
		status, out := send(body)
		assert.Equal(t, http.StatusOK, status, "%s: %s", name, out)
	}
}
