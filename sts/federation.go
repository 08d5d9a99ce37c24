package sts

import (
	"context"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"strings"
	"time"
)

// AssumeRoleWithWebIdentityInput names the role to assume and the OIDC
// token that vouches for the caller.
type AssumeRoleWithWebIdentityInput struct {
	RoleArn, RoleSessionName string
	// WebIdentityToken is the OIDC ID token (a JWT), 4 to 20,000 characters.
	WebIdentityToken string
	ProviderId       string
	DurationSeconds  *int32
	Policy           string
	PolicyArns       []PolicyDescriptor
	// MinimumSessionTokenSize is the least size of the session token, up to
	// 4,096 bytes; nil or 0 leaves it as it is.
	MinimumSessionTokenSize *int32
}

// AssumeRoleWithWebIdentityOutput holds the session's credentials and what
// STS read off the token.
type AssumeRoleWithWebIdentityOutput struct {
	Credentials                 Credentials
	AssumedRoleUser             AssumedRoleUser
	SubjectFromWebIdentityToken string
	Provider                    string
	Audience                    string
	PackedPolicySize            int
	SourceIdentity              string
}

// maxWebIdentityToken is the model's limit on WebIdentityToken.
const maxWebIdentityToken = 20000

// AssumeRoleWithWebIdentity issues credentials for a session of RoleArn to
// the holder of an OIDC ID token. The fake trusts every identity provider:
// it reads the token's claims (iss, sub, aud, exp) without checking its
// signature, since no test can get a token signed by a real provider; a
// token that is not a JWT is InvalidIdentityToken and one whose exp has
// passed on the cloud's clock is ExpiredTokenException, as AWS answers.
func (s *Service) AssumeRoleWithWebIdentity(ctx context.Context, in AssumeRoleWithWebIdentityInput) (AssumeRoleWithWebIdentityOutput, error) {
	if _, err := s.enter(ctx, "AssumeRoleWithWebIdentity"); err != nil {
		return AssumeRoleWithWebIdentityOutput{}, err
	}
	role, err := parseRole(in.RoleArn)
	if err == nil {
		err = checkSessionName("roleSessionName", in.RoleSessionName)
	}
	if err == nil && (len(in.WebIdentityToken) < 4 || len(in.WebIdentityToken) > maxWebIdentityToken) {
		err = validation("webIdentityToken", "***", "Member must have length between 4 and 20000")
	}
	d, derr := seconds(in.DurationSeconds, 3600, 900, 43200)
	if err == nil {
		err = derr
	}
	minToken, terr := tokenSize(in.MinimumSessionTokenSize)
	if err == nil {
		err = terr
	}
	sp, packed, perr := sessionPolicy(in.Policy, in.PolicyArns)
	if err == nil {
		err = perr
	}
	if err != nil {
		return AssumeRoleWithWebIdentityOutput{}, err
	}
	claims, err := s.readJWT(in.WebIdentityToken)
	if err != nil {
		return AssumeRoleWithWebIdentityOutput{}, err
	}
	user, creds := s.assume(role, in.RoleSessionName, d)
	s.keepSessionPolicy(creds, sp)
	creds = s.grow(creds, minToken)
	return AssumeRoleWithWebIdentityOutput{
		Credentials: creds, AssumedRoleUser: user, SubjectFromWebIdentityToken: claims.Subject,
		Provider: strings.TrimPrefix(claims.Issuer, "https://"), Audience: claims.audience(), PackedPolicySize: packed,
	}, nil
}

// jwtClaims are the claims of an ID token STS reads.
type jwtClaims struct {
	Issuer   string          `json:"iss"`
	Subject  string          `json:"sub"`
	Audience json.RawMessage `json:"aud"`
	AZP      string          `json:"azp"`
	Expires  *float64        `json:"exp"`
}

// audience is the token's client id: azp when given, else aud (one string
// or the first of a list).
func (c jwtClaims) audience() string {
	if c.AZP != "" {
		return c.AZP
	}
	var one string
	if json.Unmarshal(c.Audience, &one) == nil {
		return one
	}
	var many []string
	if json.Unmarshal(c.Audience, &many) == nil && len(many) > 0 {
		return many[0]
	}
	return ""
}

// readJWT reads the claims of a JWT (header.payload.signature, base64url)
// and checks that it has an issuer, a subject and an audience, and has not
// expired.
func (s *Service) readJWT(token string) (jwtClaims, error) {
	invalid := errs.New(codeInvalidIdentityToken, "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)")
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return jwtClaims{}, invalid
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	var c jwtClaims
	if err != nil || json.Unmarshal(payload, &c) != nil {
		return jwtClaims{}, invalid
	}
	if c.Issuer == "" || c.Subject == "" || c.audience() == "" {
		return jwtClaims{}, errs.New(codeInvalidIdentityToken, "The ID Token provided is missing a required claim (iss, sub or aud).")
	}
	if c.Expires != nil && !s.now().Before(time.Unix(int64(*c.Expires), 0)) {
		return jwtClaims{}, errs.New(codeExpiredTokenException, "Token expired: current date/time %d must be before the expiration date/time %d",
			s.now().Unix(), int64(*c.Expires))
	}
	return c, nil
}

// AssumeRoleWithSAMLInput names the role, the SAML provider and the
// assertion.
type AssumeRoleWithSAMLInput struct {
	RoleArn, PrincipalArn string
	// SAMLAssertion is the base64-encoded SAML authentication response.
	SAMLAssertion   string
	DurationSeconds *int32
	Policy          string
	PolicyArns      []PolicyDescriptor
	// MinimumSessionTokenSize is the least size of the session token, up to
	// 4,096 bytes; nil or 0 leaves it as it is.
	MinimumSessionTokenSize *int32
}

// AssumeRoleWithSAMLOutput holds the session's credentials and what STS
// read off the assertion.
type AssumeRoleWithSAMLOutput struct {
	Credentials      Credentials
	AssumedRoleUser  AssumedRoleUser
	Audience         string
	Issuer           string
	NameQualifier    string
	Subject          string
	SubjectType      string
	PackedPolicySize int
	SourceIdentity   string
}

// samlResponse is what STS reads of a SAML response: the issuer, the
// subject, the audience and the RoleSessionName attribute.
type samlResponse struct {
	Issuer    string `xml:"Issuer"`
	Assertion struct {
		Issuer  string `xml:"Issuer"`
		Subject struct {
			NameID struct {
				Format string `xml:"Format,attr"`
				Value  string `xml:",chardata"`
			} `xml:"NameID"`
			Confirmation struct {
				Data struct {
					NotOnOrAfter string `xml:"NotOnOrAfter,attr"`
				} `xml:"SubjectConfirmationData"`
			} `xml:"SubjectConfirmation"`
		} `xml:"Subject"`
		Audience   string `xml:"Conditions>AudienceRestriction>Audience"`
		Attributes []struct {
			Name   string   `xml:"Name,attr"`
			Values []string `xml:"AttributeValue"`
		} `xml:"AttributeStatement>Attribute"`
	} `xml:"Assertion"`
}

// roleSessionAttribute is the SAML attribute that names the session.
const roleSessionAttribute = "https://aws.amazon.com/SAML/Attributes/RoleSessionName"

// AssumeRoleWithSAML issues credentials for a session of RoleArn to the
// subject of a SAML assertion. As with web identities, the fake trusts
// every provider and does not check the assertion's signature; it reads
// the subject, the issuer, the audience and the RoleSessionName attribute,
// and refuses an assertion that is not base64 SAML (InvalidIdentityToken)
// or whose NotOnOrAfter has passed on the cloud's clock
// (ExpiredTokenException).
func (s *Service) AssumeRoleWithSAML(ctx context.Context, in AssumeRoleWithSAMLInput) (AssumeRoleWithSAMLOutput, error) {
	if _, err := s.enter(ctx, "AssumeRoleWithSAML"); err != nil {
		return AssumeRoleWithSAMLOutput{}, err
	}
	role, err := parseRole(in.RoleArn)
	if err == nil && (len(in.PrincipalArn) < 20 || len(in.PrincipalArn) > 2048) {
		err = validation("principalArn", in.PrincipalArn, "Member must have length between 20 and 2048")
	}
	d, derr := seconds(in.DurationSeconds, 3600, 900, 43200)
	if err == nil {
		err = derr
	}
	minToken, terr := tokenSize(in.MinimumSessionTokenSize)
	if err == nil {
		err = terr
	}
	sp, packed, perr := sessionPolicy(in.Policy, in.PolicyArns)
	if err == nil {
		err = perr
	}
	if err != nil {
		return AssumeRoleWithSAMLOutput{}, err
	}
	r, session, err := s.readSAML(in.SAMLAssertion)
	if err != nil {
		return AssumeRoleWithSAMLOutput{}, err
	}
	user, creds := s.assume(role, session, d)
	s.keepSessionPolicy(creds, sp)
	creds = s.grow(creds, minToken)
	issuer := r.Assertion.Issuer
	if issuer == "" {
		issuer = r.Issuer
	}
	subjectType := "persistent"
	if f := r.Assertion.Subject.NameID.Format; f != "" {
		subjectType = f[strings.LastIndexByte(f, ':')+1:]
	}
	return AssumeRoleWithSAMLOutput{
		Credentials: creds, AssumedRoleUser: user, Audience: r.Assertion.Audience, Issuer: issuer,
		NameQualifier: nameQualifier(issuer, role.Account, in.PrincipalArn),
		Subject:       r.Assertion.Subject.NameID.Value, SubjectType: subjectType, PackedPolicySize: packed,
	}, nil
}

// nameQualifier is how AWS names the provider of a SAML subject:
// BASE64(SHA1(issuer + account + "/" + provider name)) (AssumeRoleWithSAML
// API reference, NameQualifier).
func nameQualifier(issuer, account, providerARN string) string {
	provider := providerARN[strings.LastIndexByte(providerARN, '/')+1:]
	sum := sha1.Sum([]byte(issuer + account + "/" + provider))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// readSAML decodes a SAML response and returns it with the session name it
// gives.
func (s *Service) readSAML(assertion string) (samlResponse, string, error) {
	invalid := errs.New(codeInvalidIdentityToken, "Invalid base64 SAMLResponse or not a SAML response")
	raw, err := base64.StdEncoding.DecodeString(assertion)
	var r samlResponse
	if err != nil || xml.Unmarshal(raw, &r) != nil || r.Assertion.Subject.NameID.Value == "" {
		return r, "", invalid
	}
	if at := r.Assertion.Subject.Confirmation.Data.NotOnOrAfter; at != "" {
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			return r, "", invalid
		}
		if !s.now().Before(t) {
			return r, "", errs.New(codeExpiredTokenException, "Token expired: the SAML assertion is no longer valid (NotOnOrAfter %s)", at)
		}
	}
	session := ""
	for _, a := range r.Assertion.Attributes {
		if a.Name == roleSessionAttribute && len(a.Values) > 0 {
			session = a.Values[0]
		}
	}
	if !validName(session, 2, 64) {
		return r, "", errs.New(codeInvalidIdentityToken, "The SAML assertion must carry a valid %s attribute", roleSessionAttribute)
	}
	return r, session, nil
}
