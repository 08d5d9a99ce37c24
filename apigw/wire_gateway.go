package apigw

import (
	"encoding/json"
	"regexp"
	"strings"
)

// customised applies the deployment's customised gateway response to one
// of API Gateway's own answers: the response of its type, else DEFAULT_4XX
// or DEFAULT_5XX by its status; its status, its
// gatewayresponse.header.* mappings and its application/json template,
// with the $context variables it names filled in.
func (x *exchange) customised(res response) response {
	g, ok := x.snap.gateway[res.gwType]
	if !ok {
		class := "DEFAULT_4XX"
		if res.status >= 500 {
			class = "DEFAULT_5XX"
		}
		if g, ok = x.snap.gateway[class]; !ok {
			return res
		}
	}
	if g.StatusCode != "" {
		res.status = atoiStatus(g.StatusCode)
	}
	header := res.header.Clone()
	for k, expr := range g.ResponseParameters {
		name, ok := strings.CutPrefix(k, "gatewayresponse.header.")
		if !ok {
			continue
		}
		if v, ok := x.mappedValue(expr, nil); ok {
			header.Set(name, v)
		}
	}
	res.header = header
	if tpl, ok := g.ResponseTemplates["application/json"]; ok {
		res.body = []byte(x.expandContext(tpl, res))
	}
	return res
}

var contextVarRE = regexp.MustCompile(`\$context\.[A-Za-z.]+`)

// expandContext fills the $context variables of a gateway response
// template (not VTL: the variables alone, as the default templates use
// them).
func (x *exchange) expandContext(tpl string, res response) string {
	return contextVarRE.ReplaceAllStringFunc(tpl, func(v string) string {
		name := strings.TrimPrefix(v, "$context.")
		switch name {
		case "error.messageString":
			b, _ := json.Marshal(res.message)
			return string(b)
		case "error.message":
			return res.message
		case "error.responseType":
			return res.gwType
		}
		if s, ok := x.contextValue(name); ok {
			return s
		}
		return ""
	})
}
