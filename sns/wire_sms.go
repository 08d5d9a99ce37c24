package sns

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// SMS actions. Some members are camelCase in the API (attributes,
// phoneNumber, isOptedOut, phoneNumbers, nextToken), and the replies keep
// that spelling, which botocore reads case-sensitively.
var smsOperations = map[string]operation{
	"GetSMSAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.GetSMSAttributes(r.Context(), SMSAttributesInput{Attributes: f.List("attributes.member")})
		return struct {
			Attributes xmlMap `xml:"attributes"`
		}{toXMLMap(out.Attributes)}, err
	},
	"SetSMSAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return emptyResult, s.SetSMSAttributes(r.Context(), SetSMSAttributesInput{Attributes: f.Map("attributes.entry", "key", "value")})
	},
	"CheckIfPhoneNumberIsOptedOut": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.CheckIfPhoneNumberIsOptedOut(r.Context(), PhoneNumberInput{f.Get("phoneNumber")})
		return struct {
			IsOptedOut bool `xml:"isOptedOut"`
		}{out}, err
	},
	"OptInPhoneNumber": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return emptyResult, s.OptInPhoneNumber(r.Context(), PhoneNumberInput{f.Get("phoneNumber")})
	},
	"ListPhoneNumbersOptedOut": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.ListPhoneNumbersOptedOut(r.Context(), ListInput{NextToken: f.Get("nextToken")})
		return struct {
			PhoneNumbers members `xml:"phoneNumbers"`
			NextToken    string  `xml:"nextToken,omitempty"`
		}{members{out.PhoneNumbers}, out.NextToken}, err
	},
	"GetSMSSandboxAccountStatus": func(s *Service, r *http.Request, _ protocol.Form) (any, error) {
		in, err := s.GetSMSSandboxAccountStatus(r.Context())
		return struct{ IsInSandbox bool }{in}, err
	},
	"CreateSMSSandboxPhoneNumber": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return emptyResult, s.CreateSMSSandboxPhoneNumber(r.Context(), CreateSMSSandboxPhoneNumberInput{
			PhoneNumber: f.Get("PhoneNumber"), LanguageCode: f.Get("LanguageCode")})
	},
	"VerifySMSSandboxPhoneNumber": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return emptyResult, s.VerifySMSSandboxPhoneNumber(r.Context(), VerifySMSSandboxPhoneNumberInput{
			PhoneNumber: f.Get("PhoneNumber"), OneTimePassword: f.Get("OneTimePassword")})
	},
	"DeleteSMSSandboxPhoneNumber": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return emptyResult, s.DeleteSMSSandboxPhoneNumber(r.Context(), PhoneNumberInput{f.Get("PhoneNumber")})
	},
	"ListSMSSandboxPhoneNumbers": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		n, _, err := f.Int("MaxResults")
		if err != nil {
			return nil, err
		}
		out, err := s.ListSMSSandboxPhoneNumbers(r.Context(), ListPageInput{NextToken: f.Get("NextToken"), MaxResults: n})
		return struct {
			PhoneNumbers struct {
				Member []SMSSandboxPhoneNumber `xml:"member"`
			}
			NextToken string `xml:",omitempty"`
		}{struct {
			Member []SMSSandboxPhoneNumber `xml:"member"`
		}{out.PhoneNumbers}, out.NextToken}, err
	},
	"ListOriginationNumbers": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		n, _, err := f.Int("MaxResults")
		if err != nil {
			return nil, err
		}
		return struct{ PhoneNumbers struct{} }{},
			s.ListOriginationNumbers(r.Context(), ListPageInput{NextToken: f.Get("NextToken"), MaxResults: n})
	},
}
