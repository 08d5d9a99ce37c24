package dispatch_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/dispatch"
	"github.com/awsfake/awsfake/internal/protocol"
)

// auth is a SigV4 Authorization header for service, as every AWS client sends.
func auth(service string) string {
	return "AWS4-HMAC-SHA256 Credential=AKIAAWSFAKETESTKEY00/20300101/us-east-1/" + service +
		"/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123"
}

type req struct {
	method, host, target, body string
	header                     map[string]string
}

func (q req) build() *http.Request {
	method := q.method
	if method == "" {
		method = http.MethodPost
	}
	r := httptest.NewRequest(method, q.target, strings.NewReader(q.body))
	if q.host != "" {
		r.Host = q.host
	}
	for k, v := range q.header {
		r.Header.Set(k, v)
	}
	return r
}

const form = "application/x-www-form-urlencoded; charset=utf-8"

// realisticRequests are requests as each client family sends them, and
// the service each is for.
var realisticRequests = []struct {
	name string
	req  req
	want string
}{
	// SQS: Go SDK (awsJson1_0) and CLI 2.9 (query), signed and not.
	{"Go SDK SQS JSON", req{target: "/", body: `{"QueueUrl":"u"}`, header: map[string]string{
		"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AmazonSQS.SendMessage",
		"X-Amzn-Query-Mode": "true", "Authorization": auth("sqs")}}, dispatch.SQS},
	{"SQS JSON unsigned, by target", req{target: "/", header: map[string]string{
		"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AmazonSQS.ReceiveMessage"}}, dispatch.SQS},
	{"CLI 2.9 SQS query to /", req{target: "/", body: "Action=SendMessage&Version=2012-11-05&QueueUrl=u&MessageBody=hi",
		header: map[string]string{"Content-Type": form, "Authorization": auth("sqs")}}, dispatch.SQS},
	{"SQS query to the queue URL path, unsigned", req{target: "/000000000000/q", body: "Action=SendMessage&MessageBody=hi&Version=2012-11-05",
		header: map[string]string{"Content-Type": form}}, dispatch.SQS},
	// SNS, STS.
	{"SNS query", req{target: "/", body: "Action=Publish&Version=2010-03-31&TopicArn=t&Message=m",
		header: map[string]string{"Content-Type": form, "Authorization": auth("sns")}}, dispatch.SNS},
	{"SNS query unsigned, by Version", req{target: "/", body: "Action=ListTopics&Version=2010-03-31",
		header: map[string]string{"Content-Type": form}}, dispatch.SNS},
	{"STS query", req{target: "/", body: "Action=GetCallerIdentity&Version=2011-06-15",
		header: map[string]string{"Content-Type": form, "Authorization": auth("sts")}}, dispatch.STS},
	{"STS presigned GET (EKS, Vault)", req{method: "GET", target: "/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256" +
		"&X-Amz-Credential=AKID%2F20300101%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Signature=ab"}, dispatch.STS},
	{"IAM query unsigned, by Version", req{target: "/", body: "Action=ListRoles&Version=2010-05-08",
		header: map[string]string{"Content-Type": form}}, dispatch.IAM},
	{"STS query GET unsigned", req{method: "GET", target: "/?Action=GetCallerIdentity&Version=2011-06-15"}, dispatch.STS},
	{"SNS SubscribeURL", req{method: "GET", target: "/?Action=ConfirmSubscription&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3At&Token=abc"}, dispatch.SNS},
	{"SNS UnsubscribeURL", req{method: "GET", target: "/?Action=Unsubscribe&SubscriptionArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3At%3Aid"}, dispatch.SNS},
	{"awsfake's own SNS path (signing cert)", req{method: "GET", target: "/_awsfake/sns/SimpleNotificationService-x.pem"}, dispatch.SNS},
	// CloudWatch's three encodings, Logs, Events, Step Functions.
	{"CloudWatch CBOR (Go SDK)", req{target: "/service/GraniteServiceVersion20100801/operation/PutMetricData", header: map[string]string{
		"Smithy-Protocol": "rpc-v2-cbor", "Content-Type": "application/cbor", "Authorization": auth("monitoring")}}, dispatch.CloudWatch},
	{"CloudWatch CBOR unsigned, by path", req{target: "/service/GraniteServiceVersion20100801/operation/ListMetrics", header: map[string]string{
		"Smithy-Protocol": "rpc-v2-cbor"}}, dispatch.CloudWatch},
	{"CloudWatch JSON (botocore 1.43)", req{target: "/", header: map[string]string{
		"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "GraniteServiceVersion20100801.PutMetricData"}}, dispatch.CloudWatch},
	{"CloudWatch query (CLI 2.9)", req{target: "/", body: "Action=PutMetricData&Version=2010-08-01&Namespace=n",
		header: map[string]string{"Content-Type": form}}, dispatch.CloudWatch},
	{"Logs", req{target: "/", header: map[string]string{"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.PutLogEvents"}}, dispatch.Logs},
	{"Logs signed", req{target: "/", header: map[string]string{"X-Amz-Target": "Logs_20140328.StartLiveTail", "Authorization": auth("logs")}, host: "stream-awsfake.localhost"}, dispatch.Logs},
	{"EventBridge", req{target: "/", header: map[string]string{"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSEvents.PutEvents"}}, dispatch.Events},
	{"Step Functions", req{target: "/", header: map[string]string{"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AWSStepFunctions.StartExecution"}}, dispatch.StepFn},
	{"Step Functions sync- host", req{target: "/", host: "sync-awsfake.localhost", header: map[string]string{
		"X-Amz-Target": "AWSStepFunctions.StartSyncExecution", "Authorization": auth("states")}}, dispatch.StepFn},
	// REST services by path.
	{"Lambda invoke", req{target: "/2015-03-31/functions/my-fn/invocations", header: map[string]string{"Authorization": auth("lambda")}}, dispatch.Lambda},
	{"Lambda unsigned", req{method: "GET", target: "/2015-03-31/functions/"}, dispatch.Lambda},
	{"Lambda event source mappings", req{method: "GET", target: "/2015-03-31/event-source-mappings/?FunctionName=f"}, dispatch.Lambda},
	{"Lambda function URL config", req{method: "GET", target: "/2021-10-31/functions/f/url"}, dispatch.Lambda},
	{"Route 53", req{target: "/2013-04-01/hostedzone", header: map[string]string{"Content-Type": "application/xml"}}, dispatch.Route53},
	{"API Gateway v1", req{method: "GET", target: "/restapis/abc/resources", header: map[string]string{"Accept": "application/json"}}, dispatch.APIGateway},
	{"API Gateway v1 tags with an ARN label", req{method: "GET", target: "/tags/arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Frestapis%2Fabc"}, dispatch.APIGateway},
	{"API Gateway v2", req{target: "/v2/apis", header: map[string]string{"Content-Type": "application/json"}}, dispatch.APIGateway},
	{"API Gateway v2 signed", req{target: "/v2/apis", header: map[string]string{"Authorization": auth("apigateway")}}, dispatch.APIGateway},
	{"X-Ray PutTraceSegments", req{target: "/TraceSegments", header: map[string]string{"Content-Type": "application/json"}}, dispatch.XRay},
	{"X-Ray GetSamplingRules", req{target: "/GetSamplingRules"}, dispatch.XRay},
	{"X-Ray PutResourcePolicy unsigned", req{target: "/PutResourcePolicy"}, dispatch.XRay},
	{"X-Ray StartTraceRetrieval unsigned", req{target: "/StartTraceRetrieval"}, dispatch.XRay},
	{"X-Ray GetTraceSegmentDestination unsigned", req{target: "/GetTraceSegmentDestination"}, dispatch.XRay},
	{"X-Ray CancelTraceRetrieval unsigned", req{target: "/CancelTraceRetrieval"}, dispatch.XRay},
	{"Scheduler signed", req{target: "/schedules/s", header: map[string]string{"Content-Type": "application/json", "Authorization": auth("scheduler")}}, dispatch.Scheduler},
	{"Scheduler tags signed", req{method: "GET", target: "/tags/arn%3Aaws%3Ascheduler%3Aus-east-1%3A000000000000%3Aschedule-group%2Fg", header: map[string]string{"Authorization": auth("scheduler")}}, dispatch.Scheduler},
	{"Scheduler unsigned, by path", req{method: "GET", target: "/schedule-groups"}, dispatch.Scheduler},
	// S3, the fallback.
	{"S3 path-style signed", req{method: "PUT", target: "/bucket/key", body: "data", header: map[string]string{"Authorization": auth("s3")}}, dispatch.S3},
	{"S3 path-style bucket named like a REST root", req{method: "PUT", target: "/restapis", header: map[string]string{"Authorization": auth("s3")}}, dispatch.S3},
	{"S3 path-style unsigned", req{method: "GET", target: "/bucket/key"}, dispatch.S3},
	{"S3 ListBuckets", req{method: "GET", target: "/", header: map[string]string{"Authorization": auth("s3")}}, dispatch.S3},
	{"S3 virtual-hosted", req{method: "GET", host: "bucket.awsfake.localhost", target: "/key", header: map[string]string{"Authorization": auth("s3")}}, dispatch.S3},
	{"S3 presigned GET", req{method: "GET", target: "/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20300101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=900&X-Amz-Signature=ab"}, dispatch.S3},
	{"S3 form POST upload", req{target: "/bucket", body: "key=k&file=x", header: map[string]string{"Content-Type": form}}, dispatch.S3},
	// What awsfake does not serve keeps its signing name.
	{"unknown service by scope", req{target: "/", header: map[string]string{"Content-Type": "application/x-amz-json-1.0",
		"X-Amz-Target": "DynamoDB_20120810.ListTables", "Authorization": auth("dynamodb")}}, "dynamodb"},
	{"API invoke signed with execute-api", req{method: "GET", target: "/prod/pets", header: map[string]string{"Authorization": auth("execute-api")}}, dispatch.ExecuteAPI},
}

func TestIdentify_RealisticRequestsFromEachClientFamily(t *testing.T) {
	for _, tc := range realisticRequests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, dispatch.Identify(tc.req.build()))
		})
	}
}

func TestIdentify_PeekedFormBodyIsStillReadable(t *testing.T) {
	const body = "Action=Publish&Version=2010-03-31&TopicArn=t&Message=m"
	r := req{target: "/", body: body, header: map[string]string{"Content-Type": form}}.build()
	require.Equal(t, dispatch.SNS, dispatch.Identify(r))
	got, err := io.ReadAll(r.Body)
	require.NoError(t, err)
	assert.Equal(t, body, string(got))

	// A gzip form body is read decoded afterwards.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write([]byte(body))
	_ = zw.Close()
	r = req{target: "/", body: gz.String(), header: map[string]string{"Content-Type": form, "Content-Encoding": "gzip"}}.build()
	require.Equal(t, dispatch.SNS, dispatch.Identify(r))
	got, err = io.ReadAll(r.Body)
	require.NoError(t, err)
	assert.Equal(t, body, string(got))
}

func TestIdentify_OversizeFormBodyIsPutBackForTheServiceToRefuse(t *testing.T) {
	body := "Action=Publish&Version=2010-03-31&Message=" + strings.Repeat("m", 9<<20)
	r := req{target: "/", body: body, header: map[string]string{"Content-Type": form}}.build()
	r.ContentLength = -1 // chunked: only reading finds the size
	_ = dispatch.Identify(r)
	got, err := io.ReadAll(r.Body)
	require.NoError(t, err)
	assert.Equal(t, len(body), len(got), "nothing was lost to the peek")
}

func FuzzIdentify(f *testing.F) {
	f.Add("POST", "/", "", form, "", "", "Action=Publish&Version=2010-03-31", false)
	f.Add("POST", "/", "AmazonSQS.SendMessage", "application/x-amz-json-1.0", auth("sqs"), "", "{}", false)
	f.Add("GET", "/?Action=ConfirmSubscription&TopicArn=t", "", "", "", "", "", false)
	f.Add("POST", "/service/GraniteServiceVersion20100801/operation/X", "", "application/cbor", "", "rpc-v2-cbor", "\xa0", false)
	f.Add("PUT", "/2015-03-31/functions/f", "", "", "AWS4-HMAC-SHA256 Credential=a/b/c", "", "", true)
	f.Add("GET", "/_awsfake/", ".", "", "Credential=////aws4_request", "", "", false)
	f.Add("POST", "/1234-67-90", "x.y", form, "", "", "\x1f\x8b", true)
	f.Fuzz(func(t *testing.T, method, target, amzTarget, contentType, authz, smithy, body string, gz bool) {
		u, err := url.Parse(target)
		if err != nil {
			u = &url.URL{Path: target}
		}
		r := &http.Request{Method: method, URL: u, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body)),
			ContentLength: int64(len(body))}
		for k, v := range map[string]string{"X-Amz-Target": amzTarget, "Content-Type": contentType,
			"Authorization": authz, "Smithy-Protocol": smithy} {
			if v != "" {
				r.Header.Set(k, v)
			}
		}
		if gz {
			r.Header.Set("Content-Encoding", "gzip")
		}
		_ = dispatch.Identify(r)
		if _, err := io.ReadAll(r.Body); err != nil {
			t.Fatalf("body unreadable after Identify: %v", err)
		}
	})
}

// An unsigned form that cannot be read whole (a bad escape, a body over the
// limit) still goes to the service its Version names, which answers with its
// own error, not to S3.
func TestIdentify_UnreadableFormsGoToTheirService(t *testing.T) {
	for name, body := range map[string]string{
		"bad escape": "Action=SendMessage&Version=2012-11-05&MessageBody=%zz",
		"oversize":   "Version=2012-11-05&Action=SendMessage&MessageBody=" + strings.Repeat("x", int(protocol.DefaultBodyLimit)),
	} {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		assert.Equal(t, dispatch.SQS, dispatch.Identify(r), name)
		rest, err := io.ReadAll(r.Body)
		assert.NoError(t, err)
		assert.Equal(t, body, string(rest), "%s: the body is put back whole", name)
	}
}

// An invocation of a deployed API Gateway stage is unsigned and names its
// API by host or path, in each form AWS and LocalStack users write.
func TestIdentify_ExecuteAPIInvokeURLForms(t *testing.T) {
	for _, tc := range []struct {
		name string
		req  req
		want string
	}{
		{"AWS host", req{method: "GET", host: "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", target: "/prod/pets"}, dispatch.ExecuteAPI},
		{"LocalStack host", req{method: "GET", host: "a1b2c3d4e5.execute-api.localhost.localstack.cloud:4566", target: "/prod/"}, dispatch.ExecuteAPI},
		{"LocalStack _user_request_ path", req{method: "POST", target: "/restapis/a1b2c3d4e5/prod/_user_request_/pets"}, dispatch.ExecuteAPI},
		{"LocalStack _aws path", req{method: "GET", target: "/_aws/execute-api/a1b2c3d4e5/prod/pets"}, dispatch.ExecuteAPI},
		{"IAM-signed invoke", req{method: "GET", host: "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", target: "/prod",
			header: map[string]string{"Authorization": auth("execute-api")}}, dispatch.ExecuteAPI},
		{"control plane is not an invoke", req{method: "GET", target: "/restapis/a1b2c3d4e5/stages/prod",
			header: map[string]string{"Authorization": auth("apigateway")}}, dispatch.APIGateway},
		{"unsigned control plane", req{method: "GET", target: "/restapis/a1b2c3d4e5/resources"}, dispatch.APIGateway},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, dispatch.Identify(tc.req.build()))
		})
	}
}

// Route 53 Domains is known by its signing name and by its target prefix.
func TestIdentify_Route53Domains(t *testing.T) {
	unsigned := req{target: "/", header: map[string]string{"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Route53Domains_v20140515.ListDomains"}}
	signed := req{target: "/", header: map[string]string{"X-Amz-Target": "Route53Domains_v20140515.ListDomains", "Authorization": auth("route53domains")}}
	assert.Equal(t, dispatch.Route53Domains, dispatch.Identify(unsigned.build()))
	assert.Equal(t, dispatch.Route53Domains, dispatch.Identify(signed.build()))
}
