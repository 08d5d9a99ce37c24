package apigw

import (
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/ids"
)

// edgeHeaders are the headers CloudFront adds in front of an EDGE
// endpoint API, as the recorded proxy event shows them
// (test_apigateway_lambda.py::test_lambda_aws_proxy_integration); REGIONAL
// and PRIVATE APIs have no CloudFront in front and get none. The viewer is
// a desktop in the US on Amazon's ASN (the recording masks both values);
// Via and X-Amz-Cf-Id come from the seeded id source.
func edgeHeaders(g *ids.Generator) map[string][]string {
	cfID := strings.NewReplacer("+", "-", "/", "_").Replace(g.Base64(39))
	return map[string][]string{
		"CloudFront-Forwarded-Proto":   {"https"},
		"CloudFront-Is-Desktop-Viewer": {"true"},
		"CloudFront-Is-Mobile-Viewer":  {"false"},
		"CloudFront-Is-SmartTV-Viewer": {"false"},
		"CloudFront-Is-Tablet-Viewer":  {"false"},
		"CloudFront-Viewer-ASN":        {"16509"},
		"CloudFront-Viewer-Country":    {"US"},
		"Via":                          {"2.0 " + g.Hex(16) + ".cloudfront.net (CloudFront)"},
		"X-Amz-Cf-Id":                  {cfID},
	}
}

// isEdge reports whether an API's endpoint is EDGE (the default).
func isEdge(ec *EndpointConfiguration) bool {
	return ec == nil || len(ec.Types) == 0 || slices.Contains(ec.Types, "EDGE")
}
