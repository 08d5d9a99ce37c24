package awsfake_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/apigw"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/cloudwatch"
	"github.com/awsfake/awsfake/cloudwatch/logs"
	"github.com/awsfake/awsfake/eventbridge"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/route53"
	"github.com/awsfake/awsfake/stepfn"
	"github.com/awsfake/awsfake/xray"
)

// fuzzServices are the services of enforce_services_test.go, by signing
// name, with how their requests are sent.
var fuzzServices = []struct{ service, method, contentType, amzTarget string }{
	{"states", "POST", "application/x-amz-json-1.0", "AWSStepFunctions.CreateStateMachine"},
	{"events", "POST", "application/x-amz-json-1.1", "AWSEvents.PutEvents"},
	{"events", "POST", "application/x-amz-json-1.1", "AWSEvents.PutTargets"},
	{"scheduler", "POST", "application/json", ""},
	{"logs", "POST", "application/x-amz-json-1.1", "Logs_20140328.UntagLogGroup"},
	{"monitoring", "POST", "application/x-www-form-urlencoded", ""},
	{"monitoring", "POST", "application/cbor", ""},
	{"monitoring", "POST", "application/x-amz-json-1.0", "GraniteServiceVersion20100801.DeleteAlarms"},
	{"xray", "POST", "application/json", ""},
	{"route53", "POST", "application/xml", ""},
	{"route53domains", "POST", "application/x-amz-json-1.1", "Route53Domains_v20140515.ListDomains"},
	{"apigateway", "PUT", "application/json", ""},
}

// FuzzEnforcementServices sends arbitrary paths and bodies, signed by an
// IAM user with no policy, to the services whose action tables
// enforce_services_test.go covers: what each Authorization reads (JSON,
// CBOR and XML bodies, Query forms, REST paths) must never make a 5xx.
func FuzzEnforcementServices(f *testing.F) {
	f.Add(uint8(0), "/", `{"name":"m","roleArn":"arn:aws:iam::000000000000:role/r","tags":[{"key":"k","value":"v"}]}`)
	f.Add(uint8(1), "/", `{"Entries":[{"EventBusName":"arn:aws:events:us-east-1:1:event-bus/b","Source":"s"}]}`)
	f.Add(uint8(2), "/", `{"Rule":"r","EventBusName":"b","Targets":[{"Id":"1","RoleArn":"arn:aws:iam::0:role/r"}]}`)
	f.Add(uint8(3), "/schedules/s", `{"GroupName":"g","Target":{"RoleArn":"arn:aws:iam::0:role/r"}}`)
	f.Add(uint8(4), "/", `{"logGroupName":"g","tags":["k"]}`)
	f.Add(uint8(5), "/", "Action=DeleteAlarms&AlarmNames.member.1=a&Tags.member.1.Key=k")
	f.Add(uint8(6), "/service/GraniteServiceVersion20100801/operation/PutMetricData", "\xa1iNamespacecApp")
	f.Add(uint8(7), "/", `{"AlarmNames":["a","b"]}`)
	f.Add(uint8(8), "/GetGroup", `{"GroupName":"g"}`)
	f.Add(uint8(9), "/2013-04-01/keysigningkey", `<CreateKeySigningKeyRequest><HostedZoneId>Z1</HostedZoneId></CreateKeySigningKeyRequest>`)
	f.Add(uint8(10), "/", `{}`)
	f.Add(uint8(11), "/restapis/a/resources/b/methods/GET/integration", `{"credentials":"arn:aws:iam::0:role/r","tags":{"k":"v"}}`)
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)), awsfake.WithIAMEnforcement())
	f.Cleanup(func() { _ = cloud.Close() })
	key := enforcedUser(f, cloud, "fuzz")
	creds, err := key.Credentials.Retrieve(f.Context())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, which uint8, path, body string) {
		r := fuzzServices[int(which)%len(fuzzServices)]
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \t\r\n#") {
			path = "/" + strings.Map(func(c rune) rune {
				if c <= ' ' || c == '#' || c == 0x7f {
					return -1
				}
				return c
			}, path)
		}
		req := httptest.NewRequest(r.method, "http://awsfake.localhost/", strings.NewReader(body))
		req.URL.Path, req.URL.RawPath = path, ""
		req.Header.Set("Content-Type", r.contentType)
		if r.contentType == "application/cbor" {
			req.Header.Set("Smithy-Protocol", "rpc-v2-cbor")
		}
		if r.amzTarget != "" {
			req.Header.Set("X-Amz-Target", r.amzTarget)
		}
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+creds.AccessKeyID+"/20300101/us-east-1/"+r.service+
			"/aws4_request, SignedHeaders=host, Signature=00")
		w := httptest.NewRecorder()
		cloud.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %s %q: status %d: %s", r.service, path, body, w.Code, w.Body)
		}
	})
}

// Each action table names its own service's actions (and iam:PassRole
// nowhere: that is asked beside a row, not as one).
func TestEnforcement_ServiceTablesNameTheirService(t *testing.T) {
	for prefix, tables := range map[string][]authz.Table{
		"states:":         {stepfn.Actions()},
		"events:":         {eventbridge.Actions()},
		"scheduler:":      {eventbridge.SchedulerActions()},
		"logs:":           {logs.Actions()},
		"cloudwatch:":     {cloudwatch.Actions()},
		"xray:":           {xray.Actions()},
		"route53:":        {route53.Actions()},
		"route53domains:": {route53.DomainActions()},
		"apigateway:":     {apigw.Actions(), apigw.HTTPActions()},
	} {
		for _, table := range tables {
			if len(table) == 0 {
				t.Errorf("%s: empty table", prefix)
			}
			for op, row := range table {
				if !strings.HasPrefix(row.Action, prefix) {
					t.Errorf("%s: operation %s is %s", prefix, op, row.Action)
				}
			}
		}
	}
}
