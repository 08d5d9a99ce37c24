package sts

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

func getCallerIdentity(s *Service, r *http.Request, _ protocol.Form) (any, error) {
	return s.GetCallerIdentity(r.Context(), GetCallerIdentityInput{})
}

func getAccessKeyInfo(s *Service, r *http.Request, f protocol.Form) (any, error) {
	return s.GetAccessKeyInfo(r.Context(), GetAccessKeyInfoInput{AccessKeyId: f.Get("AccessKeyId")})
}

type assumeRoleXML struct {
	Credentials      *credentialsXML
	AssumedRoleUser  AssumedRoleUser
	PackedPolicySize int    `xml:",omitempty"`
	SourceIdentity   string `xml:",omitempty"`
}

func assumeRole(s *Service, r *http.Request, f protocol.Form) (any, error) {
	d, m, err := lifetimeOf(f)
	if err != nil {
		return nil, err
	}
	out, err := s.AssumeRole(r.Context(), AssumeRoleInput{
		RoleArn: f.Get("RoleArn"), RoleSessionName: f.Get("RoleSessionName"), DurationSeconds: d, MinimumSessionTokenSize: m,
		Policy: f.Get("Policy"), PolicyArns: policyArns(f), Tags: sessionTagsOf(f), ExternalId: f.Get("ExternalId"),
		SourceIdentity: f.Get("SourceIdentity"), SerialNumber: f.Get("SerialNumber"), TokenCode: f.Get("TokenCode"),
		TransitiveTags: f.List("TransitiveTagKeys.member"),
	})
	return assumeRoleXML{credsXML(out.Credentials), out.AssumedRoleUser, out.PackedPolicySize, out.SourceIdentity}, err
}

type webIdentityXML struct {
	Credentials                 *credentialsXML
	AssumedRoleUser             AssumedRoleUser
	SubjectFromWebIdentityToken string
	Provider                    string
	Audience                    string
	PackedPolicySize            int    `xml:",omitempty"`
	SourceIdentity              string `xml:",omitempty"`
}

func assumeRoleWithWebIdentity(s *Service, r *http.Request, f protocol.Form) (any, error) {
	d, m, err := lifetimeOf(f)
	if err != nil {
		return nil, err
	}
	out, err := s.AssumeRoleWithWebIdentity(r.Context(), AssumeRoleWithWebIdentityInput{
		RoleArn: f.Get("RoleArn"), RoleSessionName: f.Get("RoleSessionName"), WebIdentityToken: f.Get("WebIdentityToken"),
		ProviderId: f.Get("ProviderId"), DurationSeconds: d, MinimumSessionTokenSize: m, Policy: f.Get("Policy"), PolicyArns: policyArns(f),
	})
	return webIdentityXML{credsXML(out.Credentials), out.AssumedRoleUser, out.SubjectFromWebIdentityToken,
		out.Provider, out.Audience, out.PackedPolicySize, out.SourceIdentity}, err
}

type samlXML struct {
	Credentials      *credentialsXML
	AssumedRoleUser  AssumedRoleUser
	Audience         string
	Issuer           string
	NameQualifier    string
	Subject          string
	SubjectType      string
	PackedPolicySize int    `xml:",omitempty"`
	SourceIdentity   string `xml:",omitempty"`
}

func assumeRoleWithSAML(s *Service, r *http.Request, f protocol.Form) (any, error) {
	d, m, err := lifetimeOf(f)
	if err != nil {
		return nil, err
	}
	out, err := s.AssumeRoleWithSAML(r.Context(), AssumeRoleWithSAMLInput{
		RoleArn: f.Get("RoleArn"), PrincipalArn: f.Get("PrincipalArn"), SAMLAssertion: f.Get("SAMLAssertion"),
		DurationSeconds: d, MinimumSessionTokenSize: m, Policy: f.Get("Policy"), PolicyArns: policyArns(f),
	})
	return samlXML{credsXML(out.Credentials), out.AssumedRoleUser, out.Audience, out.Issuer, out.NameQualifier,
		out.Subject, out.SubjectType, out.PackedPolicySize, out.SourceIdentity}, err
}

type assumeRootXML struct {
	Credentials    *credentialsXML
	SourceIdentity string `xml:",omitempty"`
}

func assumeRoot(s *Service, r *http.Request, f protocol.Form) (any, error) {
	d, m, err := lifetimeOf(f)
	if err != nil {
		return nil, err
	}
	out, err := s.AssumeRoot(r.Context(), AssumeRootInput{
		TargetPrincipal: f.Get("TargetPrincipal"), TaskPolicyArn: PolicyDescriptor{Arn: f.Get("TaskPolicyArn.arn")}, DurationSeconds: d, MinimumSessionTokenSize: m,
	})
	return assumeRootXML{credsXML(out.Credentials), out.SourceIdentity}, err
}

type sessionTokenXML struct {
	Credentials *credentialsXML
}

func getSessionToken(s *Service, r *http.Request, f protocol.Form) (any, error) {
	d, m, err := lifetimeOf(f)
	if err != nil {
		return nil, err
	}
	out, err := s.GetSessionToken(r.Context(), GetSessionTokenInput{
		DurationSeconds: d, MinimumSessionTokenSize: m, SerialNumber: f.Get("SerialNumber"), TokenCode: f.Get("TokenCode")})
	return sessionTokenXML{credsXML(out.Credentials)}, err
}

// federationXML always holds PackedPolicySize, 0 without session
// policies, as AWS answers (recording
// test_sts.py::TestSTSIntegrations::test_get_federation_token).
type federationXML struct {
	Credentials      *credentialsXML
	FederatedUser    FederatedUser
	PackedPolicySize int
}

func getFederationToken(s *Service, r *http.Request, f protocol.Form) (any, error) {
	d, m, err := lifetimeOf(f)
	if err != nil {
		return nil, err
	}
	out, err := s.GetFederationToken(r.Context(), GetFederationTokenInput{
		Name: f.Get("Name"), DurationSeconds: d, MinimumSessionTokenSize: m, Policy: f.Get("Policy"), PolicyArns: policyArns(f), Tags: sessionTagsOf(f),
	})
	return federationXML{credsXML(out.Credentials), out.FederatedUser, out.PackedPolicySize}, err
}

func getDelegatedAccessToken(s *Service, r *http.Request, f protocol.Form) (any, error) {
	return s.GetDelegatedAccessToken(r.Context(), GetDelegatedAccessTokenInput{TradeInToken: f.Get("TradeInToken")})
}

func getWebIdentityToken(s *Service, r *http.Request, f protocol.Form) (any, error) {
	d, err := f.Int32("DurationSeconds")
	if err != nil {
		return nil, err
	}
	return s.GetWebIdentityToken(r.Context(), GetWebIdentityTokenInput{
		Audience: f.List("Audience.member"), SigningAlgorithm: f.Get("SigningAlgorithm"), DurationSeconds: d, Tags: sessionTagsOf(f),
	})
}

func decodeAuthorizationMessage(s *Service, r *http.Request, f protocol.Form) (any, error) {
	return s.DecodeAuthorizationMessage(r.Context(), DecodeAuthorizationMessageInput{EncodedMessage: f.Get("EncodedMessage")})
}
