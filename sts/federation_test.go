package sts_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// jwt builds an unsigned ID token with the given claims.
func jwt(t *testing.T, claims map[string]any) string {
	b, err := json.Marshal(claims)
	require.NoError(t, err)
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"RS256","kid":"k"}`)) + "." + enc(b) + "." + enc([]byte("signature"))
}

func TestAssumeRoleWithWebIdentity_ReadsTheTokensClaims(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	exp := f.clk.Now().Add(time.Hour).Unix()
	out, err := f.client.AssumeRoleWithWebIdentity(ctx, &sts.AssumeRoleWithWebIdentityInput{
		RoleArn: aws.String("arn:aws:iam::000000000000:role/ci"), RoleSessionName: aws.String("gh-run"),
		WebIdentityToken: aws.String(jwt(t, map[string]any{"iss": "https://token.actions.githubusercontent.com",
			"sub": "repo:o/r:ref:refs/heads/main", "aud": []string{"sts.amazonaws.com"}, "exp": exp})),
	})
	require.NoError(t, err)
	assert.Equal(t, "repo:o/r:ref:refs/heads/main", aws.ToString(out.SubjectFromWebIdentityToken))
	assert.Equal(t, "token.actions.githubusercontent.com", aws.ToString(out.Provider))
	assert.Equal(t, "sts.amazonaws.com", aws.ToString(out.Audience))
	assert.Equal(t, "arn:aws:sts::000000000000:assumed-role/ci/gh-run", aws.ToString(out.AssumedRoleUser.Arn))
	assert.Equal(t, f.clk.Now().Add(time.Hour), aws.ToTime(out.Credentials.Expiration), "the default session is an hour")
	f.cloud.STS().CheckIdentity(t, aws.ToString(out.Credentials.AccessKeyId), "arn:aws:sts::000000000000:assumed-role/ci/gh-run")
}

func TestAssumeRoleWithWebIdentity_RefusesBadAndExpiredTokens(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	call := func(token string) error {
		_, err := f.client.AssumeRoleWithWebIdentity(ctx, &sts.AssumeRoleWithWebIdentityInput{
			RoleArn: aws.String("arn:aws:iam::000000000000:role/ci"), RoleSessionName: aws.String("s1"), WebIdentityToken: aws.String(token)})
		return err
	}
	awsfake.CheckCode(t, call("not-a-jwt"), "InvalidIdentityToken")
	awsfake.CheckCode(t, call(jwt(t, map[string]any{"iss": "https://i", "aud": "a"})), "InvalidIdentityToken")
	awsfake.CheckCode(t, call("abc"), "ValidationError")
	exp := f.clk.Now().Add(time.Minute).Unix()
	token := jwt(t, map[string]any{"iss": "https://i", "sub": "s", "aud": "a", "exp": exp})
	f.clk.Advance(time.Minute - time.Second)
	require.NoError(t, call(token), "just before exp")
	f.clk.Advance(time.Second)
	awsfake.CheckCode(t, call(token), "ExpiredTokenException")
}

// samlResponse is a minimal SAML response for subject alice.
func samlResponse(notOnOrAfter time.Time) string {
	doc := `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">` +
		`<saml:Issuer>https://idp.example.com</saml:Issuer><saml:Assertion><saml:Issuer>https://idp.example.com</saml:Issuer>` +
		`<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">alice</saml:NameID>` +
		`<saml:SubjectConfirmation><saml:SubjectConfirmationData NotOnOrAfter="` + notOnOrAfter.Format(time.RFC3339) + `"/></saml:SubjectConfirmation></saml:Subject>` +
		`<saml:Conditions><saml:AudienceRestriction><saml:Audience>https://signin.aws.amazon.com/saml</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
		`<saml:AttributeStatement><saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"><saml:AttributeValue>alice</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>` +
		`</saml:Assertion></samlp:Response>`
	return base64.StdEncoding.EncodeToString([]byte(doc))
}

func TestAssumeRoleWithSAML_ReadsTheAssertion(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := &sts.AssumeRoleWithSAMLInput{
		RoleArn: aws.String("arn:aws:iam::000000000000:role/sso"), PrincipalArn: aws.String("arn:aws:iam::000000000000:saml-provider/Okta"),
		SAMLAssertion: aws.String(samlResponse(f.clk.Now().Add(5 * time.Minute))),
	}
	out, err := f.client.AssumeRoleWithSAML(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, "alice", aws.ToString(out.Subject))
	assert.Equal(t, "transient", aws.ToString(out.SubjectType))
	assert.Equal(t, "https://idp.example.com", aws.ToString(out.Issuer))
	assert.Equal(t, "https://signin.aws.amazon.com/saml", aws.ToString(out.Audience))
	assert.Equal(t, "arn:aws:sts::000000000000:assumed-role/sso/alice", aws.ToString(out.AssumedRoleUser.Arn))
	// BASE64(SHA1("https://idp.example.com" + "000000000000" + "/Okta")), as the API reference defines NameQualifier
	// (printf %s https://idp.example.com000000000000/Okta | openssl sha1 -binary | base64).
	assert.Equal(t, "tUL63yaM7Ir50TA8RjD7z3Y5Ebc=", aws.ToString(out.NameQualifier))

	f.clk.Advance(5 * time.Minute)
	_, err = f.client.AssumeRoleWithSAML(ctx, in)
	awsfake.CheckCode(t, err, "ExpiredTokenException")
	in.SAMLAssertion = aws.String(base64.StdEncoding.EncodeToString([]byte(strings.Repeat("<", 10))))
	_, err = f.client.AssumeRoleWithSAML(ctx, in)
	awsfake.CheckCode(t, err, "InvalidIdentityToken")
}
