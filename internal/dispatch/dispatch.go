// Package dispatch tells which service a request on the shared endpoint is
// for, from the strongest signal it carries (reference/multiplexing.md): the
// SigV4 credential scope, then X-Amz-Target, the rpcv2Cbor path, the query
// Version, the REST path prefixes, and S3 as the fallback.
package dispatch

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/awsfake/awsfake/internal/protocol"
)

// Service names are the SigV4 signing names.
const (
	SQS        = "sqs"
	SNS        = "sns"
	Lambda     = "lambda"
	Route53    = "route53"
	APIGateway = "apigateway"
	StepFn     = "states"
	CloudWatch = "monitoring"
	Logs       = "logs"
	Events     = "events"
	Scheduler  = "scheduler"
	XRay       = "xray"
	S3         = "s3"
	STS        = "sts"
	IAM        = "iam"
	ExecuteAPI = "execute-api"
	// Route53Domains is served by the route53 package.
	Route53Domains = "route53domains"
)

var targetPrefixes = map[string]string{
	"AmazonSQS":                     SQS,
	"AWSStepFunctions":              StepFn,
	"GraniteServiceVersion20100801": CloudWatch,
	"Logs_20140328":                 Logs,
	"AWSEvents":                     Events,
	"Route53Domains_v20140515":      Route53Domains,
}

var queryVersions = map[string]string{
	"2012-11-05": SQS,
	"2010-03-31": SNS,
	"2011-06-15": STS,
	"2010-05-08": IAM,
	"2010-08-01": CloudWatch,
}

var apigwRoots = map[string]bool{
	"restapis": true, "apikeys": true, "usageplans": true, "domainnames": true, "account": true,
	"vpclinks": true, "clientcertificates": true, "sdktypes": true, "tags": true,
}

// Identify returns the signing name of the service r is for. It may buffer a
// form body to read its Version, leaving r.Body readable again.
func Identify(r *http.Request) string {
	if s := scope(r); s != "" {
		return s
	}
	if isInvoke(r) {
		return ExecuteAPI
	}
	if t := r.Header.Get("X-Amz-Target"); t != "" {
		if i := strings.IndexByte(t, '.'); i > 0 {
			if s, ok := targetPrefixes[t[:i]]; ok {
				return s
			}
		}
	}
	path := r.URL.Path
	if svc, ok := internalPath(path); ok {
		return svc
	}
	if strings.HasPrefix(path, "/service/GraniteServiceVersion20100801/") {
		return CloudWatch
	}
	q := r.URL.Query()
	if v := q.Get("Version"); v != "" && q.Get("Action") != "" {
		if s, ok := queryVersions[v]; ok {
			return s
		}
	}
	// The SubscribeURL and UnsubscribeURL that SNS hands out are plain GETs
	// with no Version and no signature.
	if a := q.Get("Action"); (a == "ConfirmSubscription" && q.Get("TopicArn") != "") ||
		(a == "Unsubscribe" && q.Get("SubscriptionArn") != "") {
		return SNS
	}
	if r.Method == http.MethodPost && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		// A form too large to read, or with a bad escape elsewhere, still
		// names its service: its own error answers it, not S3's 405.
		body, err := protocol.PeekBody(r, protocol.DefaultBodyLimit)
		if err != nil && len(body) == 0 {
			body = protocol.PeekPrefix(r, formPrefix)
		}
		if s, ok := queryVersions[formVersion(body)]; ok {
			return s
		}
	}
	return byPath(path)
}

// formPrefix is how much of a form too large to read whole the dispatcher
// reads for its Version: SDKs and CLIs write Action and Version first.
const formPrefix = 64 << 10

// formVersion returns the Version member of a form body, read pair by pair
// so that a malformed pair elsewhere does not hide it.
func formVersion(body []byte) string {
	for pair := range strings.SplitSeq(string(body), "&") {
		k, v, _ := strings.Cut(pair, "=")
		if k != "Version" {
			continue
		}
		if u, err := url.QueryUnescape(v); err == nil {
			return u
		}
		return v
	}
	return ""
}

// InternalPrefix starts the paths of what awsfake serves beyond AWS's APIs:
// /_awsfake/<signing name>/... goes to that service (the SNS signing
// certificate, for one).
const InternalPrefix = "/_awsfake/"

func internalPath(path string) (string, bool) {
	rest, ok := strings.CutPrefix(path, InternalPrefix)
	if !ok {
		return "", false
	}
	svc, _, _ := strings.Cut(rest, "/")
	return svc, svc != ""
}

// byPath recognises the REST services by their path prefixes.
func byPath(path string) string {
	seg := strings.Split(strings.TrimPrefix(path, "/"), "/")
	first := seg[0]
	switch {
	case len(first) == 10 && first[4] == '-' && first[7] == '-' && len(seg) > 1 && isLambdaRoot(seg[1]):
		return Lambda
	case first == "2013-04-01":
		return Route53
	case first == "v2" && len(seg) > 1 && (seg[1] == "apis" || seg[1] == "domainnames" || seg[1] == "vpclinks" || seg[1] == "tags"):
		return APIGateway
	case apigwRoots[first]:
		return APIGateway
	case xrayRoots[first]:
		return XRay
	case first == "schedules" || first == "schedule-groups":
		return Scheduler
	}
	return S3
}

func isLambdaRoot(s string) bool {
	switch s {
	case "functions", "event-source-mappings", "layers", "tags", "account-settings",
		"code-signing-configs", "capacity-providers", "durable-executions":
		return true
	}
	return false
}

var xrayRoots = map[string]bool{
	"TraceSegments": true, "TelemetryRecords": true, "GetSamplingRules": true, "SamplingTargets": true,
	"TraceSummaries": true, "Traces": true, "ServiceGraph": true, "TraceGraph": true, "Groups": true,
	"GetGroup": true, "CreateGroup": true, "DeleteGroup": true, "UpdateGroup": true,
	"CreateSamplingRule": true, "DeleteSamplingRule": true, "UpdateSamplingRule": true,
	"EncryptionConfig": true, "PutEncryptionConfig": true, "SamplingStatisticSummaries": true,
	"TagResource": true, "UntagResource": true, "ListTagsForResource": true,
	"InsightSummaries": true, "Insight": true, "InsightEvents": true, "InsightImpactGraph": true,
	"TimeSeriesServiceStatistics": true, "GetIndexingRules": true, "UpdateIndexingRule": true,
	// The newer operations of the current client (xray v1.36.25).
	"PutResourcePolicy": true, "ListResourcePolicies": true, "DeleteResourcePolicy": true,
	"StartTraceRetrieval": true, "ListRetrievedTraces": true, "GetRetrievedTracesGraph": true, "CancelTraceRetrieval": true,
	"GetTraceSegmentDestination": true, "UpdateTraceSegmentDestination": true,
}

// scope returns the service field of the SigV4 credential scope.
func scope(r *http.Request) string {
	s, _ := protocol.CredentialScope(r)
	return s.Service
}

// isInvoke reports whether r calls a deployed API Gateway stage: the host
// {api}.execute-api.{region}.amazonaws.com (or LocalStack's
// {api}.execute-api.localhost.localstack.cloud), or LocalStack's paths
// /restapis/{api}/{stage}/_user_request_/... and /_aws/execute-api/....
func isInvoke(r *http.Request) bool {
	host, _, _ := strings.Cut(r.Host, ":")
	if i := strings.Index(host, ".execute-api."); i > 0 {
		return true
	}
	p := r.URL.Path
	if strings.HasPrefix(p, "/_aws/execute-api/") {
		return true
	}
	seg := strings.SplitN(strings.TrimPrefix(p, "/"), "/", 5)
	return len(seg) >= 4 && seg[0] == "restapis" && seg[3] == "_user_request_"
}
