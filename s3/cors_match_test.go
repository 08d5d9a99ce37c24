package s3_test

import (
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rule is a CORS rule as the recorded tests put it.
func rule(origins, methods, headers, expose []string, maxAge int32) types.CORSRule {
	r := types.CORSRule{AllowedOrigins: origins, AllowedMethods: methods, AllowedHeaders: headers, ExposeHeaders: expose}
	if maxAge > 0 {
		r.MaxAgeSeconds = aws.Int32(maxAge)
	}
	return r
}

// tests/aws/services/s3/test_s3_cors.py::TestS3Cors::test_cors_match_origins
func TestCORS_MatchOrigins(t *testing.T) {
	cloud, c := corsCloud(t)
	const origin = "https://localhost:4200"
	putCORS(t, c, rule([]string{origin}, []string{"GET", "PUT"}, []string{"*"}, nil, 3000))
	url := vhost("bkt", "obj")
	for _, kv := range [][]string{nil, {"Referer", origin, "Access-Control-Request-Method", "PUT"}} {
		requireRefusal(t, send(t, cloud, http.MethodOptions, url, kv...), 400, "BadRequest",
			"Insufficient information. Origin request header needed.", "", "")
		get := send(t, cloud, http.MethodGet, url, kv...)
		require.Equal(t, 200, get.status)
		requireNoCORS(t, get)
	}
	right := map[string]string{"Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "GET, PUT",
		"Access-Control-Allow-Origin": origin, "Access-Control-Max-Age": "3000"}
	opt := send(t, cloud, http.MethodOptions, url, "Origin", origin, "Access-Control-Request-Method", "PUT")
	require.Equal(t, 200, opt.status, opt.body)
	assert.Empty(t, opt.body)
	requireCORS(t, opt, right)
	get := send(t, cloud, http.MethodGet, url, "Origin", origin)
	require.Equal(t, 200, get.status)
	assert.Equal(t, "test-cors", get.body)
	requireCORS(t, get, right)

	wrong := send(t, cloud, http.MethodOptions, url, "Origin", "http://localhost:4200", "Access-Control-Request-Method", "PUT")
	requireRefusal(t, wrong, 403, "AccessForbidden", corsNotAllowed, "PUT", "OBJECT")
	get = send(t, cloud, http.MethodGet, url, "Origin", "http://localhost:4200")
	require.Equal(t, 200, get.status)
	requireNoCORS(t, get)

	putCORS(t, c, rule([]string{"*"}, []string{"GET", "PUT"}, []string{"*"}, nil, 3000))
	star := map[string]string{"Access-Control-Allow-Methods": "GET, PUT", "Access-Control-Allow-Origin": "*", "Access-Control-Max-Age": "3000"}
	opt = send(t, cloud, http.MethodOptions, url, "Origin", "http://random:1234", "Access-Control-Request-Method", "PUT")
	require.Equal(t, 200, opt.status, opt.body)
	requireCORS(t, opt, star)
	get = send(t, cloud, http.MethodGet, url, "Origin", "http://random:1234")
	require.Equal(t, 200, get.status)
	requireCORS(t, get, star)
}

// tests/aws/services/s3/test_s3_cors.py::TestS3Cors::test_cors_match_methods
func TestCORS_MatchMethods(t *testing.T) {
	cloud, c := corsCloud(t)
	const origin = "https://localhost:4200"
	putCORS(t, c, rule([]string{origin}, []string{"GET"}, []string{"*"}, nil, 3000))
	url := cloud.URL() + "/bkt/obj" // path style
	want := map[string]string{"Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "GET",
		"Access-Control-Allow-Origin": origin, "Access-Control-Max-Age": "3000"}
	opt := send(t, cloud, http.MethodOptions, url, "Origin", origin, "Access-Control-Request-Method", "GET")
	require.Equal(t, 200, opt.status, opt.body)
	requireCORS(t, opt, want)
	wrongOp := send(t, cloud, http.MethodGet, url, "Origin", origin, "Access-Control-Request-Method", "PUT")
	require.Equal(t, 200, wrongOp.status)
	requireNoCORS(t, wrongOp)
	get := send(t, cloud, http.MethodGet, url, "Origin", origin)
	require.Equal(t, 200, get.status)
	requireCORS(t, get, want)

	opt = send(t, cloud, http.MethodOptions, url+"new", "Origin", origin, "Access-Control-Request-Method", "PUT")
	requireRefusal(t, opt, 403, "AccessForbidden", corsNotAllowed, "PUT", "OBJECT")
	put := send(t, cloud, http.MethodPut, url+"new", "Origin", origin)
	require.Equal(t, 200, put.status, put.body)
	requireNoCORS(t, put)
}

// tests/aws/services/s3/test_s3_cors.py::TestS3Cors::test_cors_match_headers
func TestCORS_MatchHeaders(t *testing.T) {
	cloud, c := corsCloud(t)
	const origin = "https://localhost:4200"
	putCORS(t, c, rule([]string{origin}, []string{"GET"}, []string{"*"}, nil, 3000))
	url := vhost("bkt", "obj")
	base := map[string]string{"Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "GET",
		"Access-Control-Allow-Origin": origin, "Access-Control-Max-Age": "3000"}
	with := func(allow string) map[string]string {
		m := map[string]string{"Access-Control-Allow-Headers": allow}
		for k, v := range base {
			m[k] = v
		}
		return m
	}
	preflight := func(headers string) corsAnswer {
		return send(t, cloud, http.MethodOptions, url, "Origin", origin, "Access-Control-Request-Method", "GET",
			"Access-Control-Request-Headers", headers)
	}
	requireCORS(t, preflight("x-amz-request-payer"), with("x-amz-request-payer"))
	requireCORS(t, preflight("x-amz-request-payer, x-amz-expected-bucket-owner"), with("x-amz-request-payer, x-amz-expected-bucket-owner"))
	requireCORS(t, send(t, cloud, http.MethodGet, url, "Origin", origin, "x-amz-request-payer", "requester"), base)

	putCORS(t, c, rule([]string{origin}, []string{"GET"}, []string{"x-amz-expected-bucket-owner",
		"x-amz-server-side-encryption-customer-algorithm", "x-AMZ-server-SIDE-encryption"}, nil, 3000))
	requireRefusal(t, preflight("x-amz-request-payer"), 403, "AccessForbidden", corsNotAllowed, "GET", "OBJECT")
	requireCORS(t, preflight("x-amz-expected-bucket-owner"), with("x-amz-expected-bucket-owner"))
	both := with("x-amz-expected-bucket-owner, x-amz-server-side-encryption")
	requireCORS(t, preflight("x-amz-expected-bucket-owner, X-Amz-Server-Side-Encryption"), both)
	requireCORS(t, preflight("x-amz-expected-bucket-owner,x-amz-server-side-encryption"), both)
	acrh := send(t, cloud, http.MethodGet, url, "Origin", origin, "Access-Control-Request-Headers", "x-amz-request-payer")
	require.Equal(t, 200, acrh.status)
	requireNoCORS(t, acrh)
	requireCORS(t, send(t, cloud, http.MethodGet, url, "Origin", origin, "x-amz-request-payer", "requester"), base)
}

// tests/aws/services/s3/test_s3_cors.py::TestS3Cors::test_cors_expose_headers
func TestCORS_ExposeHeaders(t *testing.T) {
	cloud, c := corsCloud(t)
	putCORS(t, c, rule([]string{"*"}, []string{"GET"}, nil, []string{"x-amz-id-2", "x-amz-request-id", "x-amz-request-payer"}, 0))
	opt := send(t, cloud, http.MethodOptions, vhost("bkt", "obj"), "Origin", "localhost:4566", "Access-Control-Request-Method", "GET")
	require.Equal(t, 200, opt.status, opt.body)
	requireCORS(t, opt, map[string]string{"Access-Control-Allow-Methods": "GET", "Access-Control-Allow-Origin": "*",
		"Access-Control-Expose-Headers": "x-amz-id-2, x-amz-request-id, x-amz-request-payer"})
}

// tests/aws/services/s3/test_s3_cors.py::TestS3Cors::test_put_cors_default_values
func TestCORS_DefaultValues(t *testing.T) {
	cloud, c := corsCloud(t)
	putCORS(t, c, rule([]string{"*"}, []string{"GET"}, nil, nil, 0))
	url := vhost("bkt", "obj")
	opt := send(t, cloud, http.MethodOptions, url, "Origin", "localhost:4566", "Access-Control-Request-Method", "GET")
	require.Equal(t, 200, opt.status, opt.body)
	requireCORS(t, opt, map[string]string{"Access-Control-Allow-Methods": "GET", "Access-Control-Allow-Origin": "*"})
	opt = send(t, cloud, http.MethodOptions, url, "Origin", "localhost:4566", "Access-Control-Request-Method", "GET",
		"Access-Control-Request-Headers", "x-amz-request-payer")
	requireRefusal(t, opt, 403, "AccessForbidden", corsNotAllowed, "GET", "OBJECT")
}

// tests/aws/services/s3/test_s3_cors.py::TestS3Cors::test_cors_options_match_partial_origin
// and ::test_cors_options_fails_partial_origin: a wildcard in an origin
// matches a run of characters, and nothing else; on the bucket the
// refusal's resource type is BUCKET. The recorded answers are pinned; the
// rule and origins are this test's own (the peer's source at hand predates
// these two ids).
func TestCORS_PartialOrigin(t *testing.T) {
	cloud, c := corsCloud(t)
	putCORS(t, c, rule([]string{"http://*.origin.com"}, []string{"GET", "PUT"}, []string{"*"}, nil, 3000))
	opt := send(t, cloud, http.MethodOptions, vhost("bkt", ""), "Origin", "http://test.origin.com", "Access-Control-Request-Method", "GET")
	require.Equal(t, 200, opt.status, opt.body)
	requireCORS(t, opt, map[string]string{"Access-Control-Allow-Credentials": "true", "Access-Control-Allow-Methods": "GET, PUT",
		"Access-Control-Allow-Origin": "http://test.origin.com", "Access-Control-Max-Age": "3000"})
	opt = send(t, cloud, http.MethodOptions, vhost("bkt", ""), "Origin", "http://test.origin.org", "Access-Control-Request-Method", "GET")
	requireRefusal(t, opt, 403, "AccessForbidden", corsNotAllowed, "GET", "BUCKET")
}
