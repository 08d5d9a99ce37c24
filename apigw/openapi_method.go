package apigw

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// buildOperation creates the method of one operation of the document, its
// method responses, its integration and integration responses.
func (b *importer) buildOperation(o docOperation) error {
	path, err := b.docPath(o.Path)
	if err != nil {
		return err
	}
	resID, err := b.resource(path)
	if err != nil {
		return err
	}
	where := o.Method + " " + o.Path
	in := PutMethodInput{RestAPIID: b.id, ResourceID: resID, HTTPMethod: o.Method, AuthorizationType: "NONE",
		OperationName: o.Op.OperationID}
	if err := b.security(o.Op, &in); err != nil {
		return err
	}
	in.RequestParameters = b.requestParameters(append(append(openapi3.Parameters{}, o.Item.Parameters...), o.Op.Parameters...))
	// A path variable is a required path parameter, declared or not
	// (recorded in test_import_with_global_api_key_authorizer: ANY
	// /echo/{data} without parameters has method.request.path.data).
	for _, part := range strings.Split(path, "/") {
		if name, ok := strings.CutPrefix(part, "{"); ok {
			if in.RequestParameters == nil {
				in.RequestParameters = map[string]bool{}
			}
			in.RequestParameters["method.request.path."+strings.TrimSuffix(strings.TrimSuffix(name, "}"), "+")] = true
		}
	}
	if rb := o.Op.RequestBody; rb != nil && rb.Value != nil {
		for _, ct := range sortedKeys(rb.Value.Content) {
			if name := b.mediaModel(rb.Value.Content[ct], where); name != "" {
				if in.RequestModels == nil {
					in.RequestModels = map[string]string{}
				}
				in.RequestModels[ct] = name
			}
		}
	}
	if err := b.validator(o.Op, &in); err != nil {
		return err
	}
	if _, err := b.s.PutMethod(b.ctx, in); err != nil {
		return err
	}
	ref := MethodRef{b.id, resID, o.Method}
	if err := b.methodResponses(o, ref); err != nil {
		return err
	}
	return b.integration(o.Op, ref)
}

// security sets the method's authorization from the operation's security
// requirements (the document's when the operation has none): a scheme
// with an authorizer makes it CUSTOM (or COGNITO_USER_POOLS, with the
// requirement's scopes), an apiKey scheme requires an API key, a scheme of
// authtype awsSigv4 is AWS_IAM.
func (b *importer) security(op *openapi3.Operation, in *PutMethodInput) error {
	reqs := b.doc.T.Security
	if op.Security != nil {
		reqs = *op.Security
	}
	var schemes openapi3.SecuritySchemes
	if b.doc.T.Components != nil {
		schemes = b.doc.T.Components.SecuritySchemes
	}
	for _, req := range reqs {
		for _, name := range sortedKeys(req) {
			if z, ok := b.authorizers[name]; ok {
				in.AuthorizationType, in.AuthorizerID = "CUSTOM", z.ID
				if z.Type == "COGNITO_USER_POOLS" {
					in.AuthorizationType, in.AuthorizationScopes = "COGNITO_USER_POOLS", req[name]
				}
				continue
			}
			sc := schemes[name]
			if sc == nil || sc.Value == nil {
				b.warn("Unable to find security scheme %s", name)
				continue
			}
			var authType string
			if _, err := extension(sc.Value.Extensions, extAuthType, &authType); err != nil {
				return err
			}
			switch {
			case strings.EqualFold(authType, "awsSigv4"):
				in.AuthorizationType = "AWS_IAM"
			case sc.Value.Type == "apiKey":
				in.APIKeyRequired = true
			}
		}
	}
	return nil
}

// requestParameters maps path, query and header parameters to method
// request parameters (method.request.querystring.name: required).
func (b *importer) requestParameters(params openapi3.Parameters) map[string]bool {
	var out map[string]bool
	for _, ref := range params {
		p := b.parameter(ref)
		if p == nil {
			continue
		}
		var loc string
		switch p.In {
		case "path":
			loc = "path"
		case "query":
			loc = "querystring"
		case "header":
			loc = "header"
		default:
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out["method.request."+loc+"."+p.Name] = p.Required
	}
	return out
}

// parameter resolves a parameter reference to components.parameters.
func (b *importer) parameter(ref *openapi3.ParameterRef) *openapi3.Parameter {
	if ref == nil {
		return nil
	}
	if ref.Value != nil {
		return ref.Value
	}
	name, ok := strings.CutPrefix(ref.Ref, "#/components/parameters/")
	if !ok || b.doc.T.Components == nil {
		return nil
	}
	if p := b.doc.T.Components.Parameters[name]; p != nil {
		return p.Value
	}
	return nil
}

// validator sets the method's request validator: the operation's
// x-amazon-apigateway-request-validator, else the document's.
func (b *importer) validator(op *openapi3.Operation, in *PutMethodInput) error {
	var name string
	if ok, err := extension(op.Extensions, extValidator, &name); err != nil {
		return err
	} else if !ok {
		if _, err := extension(b.doc.T.Extensions, extValidator, &name); err != nil {
			return err
		}
	}
	if name == "" {
		return nil
	}
	id, ok := b.validators[name]
	if !ok {
		return badRequest("Invalid Request Validator identifier specified")
	}
	in.RequestValidatorID = id
	return nil
}

// methodResponses puts a method response per status code of the
// operation's responses: its headers as method.response.header.name
// (false: not required) and its content's models.
func (b *importer) methodResponses(o docOperation, ref MethodRef) error {
	// An operation without responses is no warning: recorded in
	// test_import_rest_api, whose GET /just_do_it has none.
	if o.Op.Responses == nil {
		return nil
	}
	responses := o.Op.Responses.Map()
	for _, code := range sortedKeys(responses) {
		r := responses[code]
		if code == "default" || r == nil || r.Value == nil {
			continue
		}
		in := PutMethodResponseInput{RestAPIID: ref.RestAPIID, ResourceID: ref.ResourceID, HTTPMethod: ref.HTTPMethod,
			StatusCode: code}
		for h := range r.Value.Headers {
			if in.ResponseParameters == nil {
				in.ResponseParameters = map[string]bool{}
			}
			in.ResponseParameters["method.response.header."+h] = false
		}
		for _, ct := range sortedKeys(r.Value.Content) {
			if name := b.mediaModel(r.Value.Content[ct], o.Method+" "+o.Path+" "+code); name != "" {
				if in.ResponseModels == nil {
					in.ResponseModels = map[string]string{}
				}
				in.ResponseModels[ct] = name
			}
		}
		if _, err := b.s.PutMethodResponse(b.ctx, in); err != nil {
			return err
		}
	}
	return nil
}

// integration puts the operation's x-amazon-apigateway-integration and its
// responses, keyed by selection pattern ("default": none).
func (b *importer) integration(op *openapi3.Operation, ref MethodRef) error {
	var x xIntegration
	if ok, err := extension(op.Extensions, extIntegration, &x); err != nil || !ok {
		return err
	}
	if _, err := b.s.PutIntegration(b.ctx, x.putInput(ref)); err != nil {
		return err
	}
	for _, pattern := range sortedKeys(x.Responses) {
		r := x.Responses[pattern]
		in := PutIntegrationResponseInput{RestAPIID: ref.RestAPIID, ResourceID: ref.ResourceID, HTTPMethod: ref.HTTPMethod,
			StatusCode: string(r.StatusCode), ResponseParameters: r.ResponseParameters,
			ResponseTemplates: r.ResponseTemplates, ContentHandling: strings.ToUpper(r.ContentHandling)}
		if pattern != "default" {
			in.SelectionPattern = pattern
		}
		if _, err := b.s.PutIntegrationResponse(b.ctx, in); err != nil {
			return err
		}
	}
	return nil
}
