package sns

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// Mobile push actions: platform applications and endpoints.
var platformOperations = map[string]operation{
	"CreatePlatformApplication": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.CreatePlatformApplication(r.Context(), CreatePlatformApplicationInput{Name: f.Get("Name"),
			Platform: f.Get("Platform"), Attributes: f.Map("Attributes.entry", "key", "value")})
		return struct{ PlatformApplicationArn string }{out.PlatformApplicationArn}, err
	},
	"GetPlatformApplicationAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.GetPlatformApplicationAttributes(r.Context(), PlatformApplicationInput{f.Get("PlatformApplicationArn")})
		return attributesXML{toXMLMap(out.Attributes)}, err
	},
	"SetPlatformApplicationAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.SetPlatformApplicationAttributes(r.Context(), SetPlatformApplicationAttributesInput{
			PlatformApplicationArn: f.Get("PlatformApplicationArn"), Attributes: f.Map("Attributes.entry", "key", "value")})
	},
	"DeletePlatformApplication": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.DeletePlatformApplication(r.Context(), PlatformApplicationInput{f.Get("PlatformApplicationArn")})
	},
	"ListPlatformApplications": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.ListPlatformApplications(r.Context(), ListInput{NextToken: f.Get("NextToken")})
		type appXML struct {
			PlatformApplicationArn string
			Attributes             xmlMap
		}
		res := struct {
			PlatformApplications struct {
				Member []appXML `xml:"member"`
			}
			NextToken string `xml:",omitempty"`
		}{NextToken: out.NextToken}
		for _, a := range out.PlatformApplications {
			res.PlatformApplications.Member = append(res.PlatformApplications.Member, appXML{a.PlatformApplicationArn, toXMLMap(a.Attributes)})
		}
		return res, err
	},
	"CreatePlatformEndpoint": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.CreatePlatformEndpoint(r.Context(), CreatePlatformEndpointInput{
			PlatformApplicationArn: f.Get("PlatformApplicationArn"), Token: f.Get("Token"),
			CustomUserData: f.Get("CustomUserData"), Attributes: f.Map("Attributes.entry", "key", "value")})
		return struct{ EndpointArn string }{out.EndpointArn}, err
	},
	"GetEndpointAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.GetEndpointAttributes(r.Context(), EndpointInput{f.Get("EndpointArn")})
		return attributesXML{toXMLMap(out.Attributes)}, err
	},
	"SetEndpointAttributes": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.SetEndpointAttributes(r.Context(), SetEndpointAttributesInput{EndpointArn: f.Get("EndpointArn"),
			Attributes: f.Map("Attributes.entry", "key", "value")})
	},
	"DeleteEndpoint": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		return nil, s.DeleteEndpoint(r.Context(), EndpointInput{f.Get("EndpointArn")})
	},
	"ListEndpointsByPlatformApplication": func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := s.ListEndpointsByPlatformApplication(r.Context(), ListEndpointsByPlatformApplicationInput{
			PlatformApplicationArn: f.Get("PlatformApplicationArn"), NextToken: f.Get("NextToken")})
		type endpointXML struct {
			EndpointArn string
			Attributes  xmlMap
		}
		res := struct {
			Endpoints struct {
				Member []endpointXML `xml:"member"`
			}
			NextToken string `xml:",omitempty"`
		}{NextToken: out.NextToken}
		for _, e := range out.Endpoints {
			res.Endpoints.Member = append(res.Endpoints.Member, endpointXML{e.EndpointArn, toXMLMap(e.Attributes)})
		}
		return res, err
	},
}
