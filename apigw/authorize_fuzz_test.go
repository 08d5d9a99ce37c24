package apigw

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzAuthorizerOutput reads any answer of an authorizer function: never
// a panic, and an answer read as valid is one whose policy evaluates.
func FuzzAuthorizerOutput(f *testing.F) {
	f.Add([]byte(`{"principalId":"u","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"*"}]}}`))
	f.Add([]byte(`{"principalId":"u","policyDocument":{"Statement":{"Action":["a","b"],"Effect":"Deny","Resource":["x?y*"]}},"context":{"n":1,"b":true}}`))
	f.Add([]byte(`{"principalId":"u","context":{"o":{}}}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, ok := readAuthorizerOutput(b)
		if !ok {
			return
		}
		_ = evaluate(res.statements, "execute-api:Invoke", "arn:aws:execute-api:us-east-1:0:a/s/GET/p")
		for _, v := range res.context {
			if stringify(v) == "" && v != "" {
				t.Fatalf("context value %v stringified empty", v)
			}
		}
	})
}

// FuzzGlob checks the policy matcher against a regexp built from the same
// pattern.
func FuzzGlob(f *testing.F) {
	f.Add("arn:aws:execute-api:*:*:api/*/G?T/*", "arn:aws:execute-api:us-east-1:1:api/prod/GET/pets")
	f.Add("*a*b", "xxaxxb")
	f.Add("a?", "ab")
	f.Fuzz(func(t *testing.T, pattern, s string) {
		var re strings.Builder
		re.WriteString(`(?s)^`)
		for _, r := range pattern {
			switch r {
			case '*':
				re.WriteString(`.*`)
			case '?':
				re.WriteString(`.`)
			default:
				re.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		re.WriteString(`$`)
		want := regexp.MustCompile(re.String()).MatchString(s)
		if !isASCII(s) || !isASCII(pattern) {
			return // the matcher works on bytes, ? matching one byte
		}
		if got := glob(pattern, s, false); got != want {
			t.Fatalf("glob(%q, %q) = %v, want %v", pattern, s, got, want)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
