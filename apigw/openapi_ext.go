package apigw

import (
	"encoding/json"
	"strconv"
	"strings"
)

// The x-amazon-apigateway-* extensions API Gateway reads and writes
// (developerguide/api-gateway-swagger-extensions.html). x-amazon-apigateway-cors
// is an HTTP API extension only: REST APIs do CORS with OPTIONS methods and
// gateway responses, and an import ignores it as AWS does.
const (
	extIntegration      = "x-amazon-apigateway-integration"
	extValidators       = "x-amazon-apigateway-request-validators"
	extValidator        = "x-amazon-apigateway-request-validator"
	extAuthorizer       = "x-amazon-apigateway-authorizer"
	extAuthType         = "x-amazon-apigateway-authtype"
	extAPIKeySource     = "x-amazon-apigateway-api-key-source"
	extBinaryMediaTypes = "x-amazon-apigateway-binary-media-types"
	extGatewayResponses = "x-amazon-apigateway-gateway-responses"
	extAnyMethod        = "x-amazon-apigateway-any-method"
	extEndpointConfig   = "x-amazon-apigateway-endpoint-configuration"
	extMinCompression   = "x-amazon-apigateway-minimum-compression-size"
	extPolicy           = "x-amazon-apigateway-policy"
)

// flexString is a string member that a document may write as a number (a
// statusCode of 200 in YAML, recorded in
// test_import_with_integer_http_status_code).
type flexString string

// UnmarshalJSON accepts a string, a number or a boolean.
func (f *flexString) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		*f = flexString(n.String())
		return nil
	}
	var v bool
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*f = flexString(strconv.FormatBool(v))
	return nil
}

// stringMap is a mapping of parameters whose values not strings are
// dropped: recorded in test_import_rest_api_with_base_path_oas30, where
// integration.request.header.nothing: true is not imported and 'True' is.
type stringMap map[string]string

// UnmarshalJSON keeps the string members.
func (m *stringMap) UnmarshalJSON(b []byte) error {
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*m = stringMap{}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			(*m)[k] = s
		}
	}
	return nil
}

// xIntegration is x-amazon-apigateway-integration.
type xIntegration struct {
	Type                string                   `json:"type"`
	URI                 string                   `json:"uri,omitempty"`
	HTTPMethod          string                   `json:"httpMethod,omitempty"`
	Credentials         string                   `json:"credentials,omitempty"`
	ConnectionType      string                   `json:"connectionType,omitempty"`
	ConnectionID        string                   `json:"connectionId,omitempty"`
	PassthroughBehavior string                   `json:"passthroughBehavior,omitempty"`
	ContentHandling     string                   `json:"contentHandling,omitempty"`
	TimeoutInMillis     *int32                   `json:"timeoutInMillis,omitempty"`
	CacheNamespace      string                   `json:"cacheNamespace,omitempty"`
	CacheKeyParameters  []string                 `json:"cacheKeyParameters,omitempty"`
	RequestParameters   stringMap                `json:"requestParameters,omitempty"`
	RequestTemplates    map[string]string        `json:"requestTemplates,omitempty"`
	Responses           map[string]xIntegrResult `json:"responses,omitempty"`
}

// xIntegrResult is one of an integration's responses, keyed by its
// selection pattern ("default" for none).
type xIntegrResult struct {
	StatusCode         flexString        `json:"statusCode"`
	ResponseParameters stringMap         `json:"responseParameters,omitempty"`
	ResponseTemplates  map[string]string `json:"responseTemplates,omitempty"`
	ContentHandling    string            `json:"contentHandling,omitempty"`
}

// putInput is the PutIntegration input of x, upper-casing the enumerations
// a document may write in lower case (type: aws_proxy, passthroughBehavior:
// when_no_match), as AWS reads them.
func (x xIntegration) putInput(ref MethodRef) PutIntegrationInput {
	return PutIntegrationInput{RestAPIID: ref.RestAPIID, ResourceID: ref.ResourceID, HTTPMethod: ref.HTTPMethod,
		Type: strings.ToUpper(x.Type), IntegrationHTTPMethod: strings.ToUpper(x.HTTPMethod), URI: x.URI,
		ConnectionType: strings.ToUpper(x.ConnectionType), ConnectionID: x.ConnectionID, Credentials: x.Credentials,
		RequestParameters: x.RequestParameters, RequestTemplates: x.RequestTemplates,
		PassthroughBehavior: strings.ToUpper(x.PassthroughBehavior), ContentHandling: strings.ToUpper(x.ContentHandling),
		TimeoutInMillis: x.TimeoutInMillis, CacheNamespace: x.CacheNamespace, CacheKeyParameters: x.CacheKeyParameters}
}

// integrationExtension writes the integration of resource resID as the
// extension, leaving out what is AWS's default (recorded in
// test_export_oas30_openapi: no timeoutInMillis of 29,000, no INTERNET
// connectionType, no cacheNamespace that is the resource's id, no empty
// cacheKeyParameters).
func integrationExtension(i Integration, resID string) xIntegration {
	x := xIntegration{Type: strings.ToLower(i.Type), URI: i.URI, HTTPMethod: i.HTTPMethod, Credentials: i.Credentials,
		ConnectionID: i.ConnectionID, PassthroughBehavior: strings.ToLower(i.PassthroughBehavior),
		ContentHandling: i.ContentHandling, CacheKeyParameters: i.CacheKeyParameters,
		RequestParameters: i.RequestParameters, RequestTemplates: i.RequestTemplates}
	if i.ConnectionType != "INTERNET" {
		x.ConnectionType = i.ConnectionType
	}
	if i.CacheNamespace != resID {
		x.CacheNamespace = i.CacheNamespace
	}
	if len(x.CacheKeyParameters) == 0 {
		x.CacheKeyParameters = nil
	}
	if i.TimeoutInMillis != defaultTimeoutMillis {
		t := i.TimeoutInMillis
		x.TimeoutInMillis = &t
	}
	if len(i.IntegrationResponses) > 0 {
		x.Responses = map[string]xIntegrResult{}
		for _, r := range i.IntegrationResponses {
			key := r.SelectionPattern
			if key == "" {
				key = "default"
			}
			x.Responses[key] = xIntegrResult{StatusCode: flexString(r.StatusCode), ResponseParameters: r.ResponseParameters,
				ResponseTemplates: r.ResponseTemplates, ContentHandling: r.ContentHandling}
		}
	}
	return x
}

// xValidator is one of x-amazon-apigateway-request-validators.
type xValidator struct {
	ValidateRequestBody       bool `json:"validateRequestBody"`
	ValidateRequestParameters bool `json:"validateRequestParameters"`
}

// xAuthorizer is x-amazon-apigateway-authorizer, in a security scheme.
type xAuthorizer struct {
	Type                         string   `json:"type"`
	AuthorizerURI                string   `json:"authorizerUri,omitempty"`
	AuthorizerCredentials        string   `json:"authorizerCredentials,omitempty"`
	IdentitySource               string   `json:"identitySource,omitempty"`
	IdentityValidationExpression string   `json:"identityValidationExpression,omitempty"`
	AuthorizerResultTTLInSeconds *int32   `json:"authorizerResultTtlInSeconds,omitempty"`
	ProviderARNs                 []string `json:"providerARNs,omitempty"`
}

// xGatewayResponse is one of x-amazon-apigateway-gateway-responses.
type xGatewayResponse struct {
	StatusCode         flexString        `json:"statusCode,omitempty"`
	ResponseParameters map[string]string `json:"responseParameters,omitempty"`
	ResponseTemplates  map[string]string `json:"responseTemplates,omitempty"`
}

// xEndpointConfig is x-amazon-apigateway-endpoint-configuration.
type xEndpointConfig struct {
	Types          []string `json:"types,omitempty"`
	VpcEndpointIDs []string `json:"vpcEndpointIds,omitempty"`
}

// extension decodes the extension name of exts into out; false when it is
// absent, an error when it does not have the extension's form.
func extension(exts map[string]any, name string, out any) (bool, error) {
	raw, ok := exts[name]
	if !ok {
		return false, nil
	}
	if err := remarshal(raw, out); err != nil {
		return true, errInvalidOpenAPI()
	}
	return true, nil
}
