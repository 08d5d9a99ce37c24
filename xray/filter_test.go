package xray_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/aws/aws-sdk-go-v2/service/xray/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixed set of traces the filter tests select from:
//
//	A: api (AWS::EC2::Instance) GET /users 200, 0.5 s, user alice, annotation tier="gold", n=3;
//	   calls orders (its own segment, ok) and DynamoDB (aws subsegment).
//	B: api POST /orders 500, fault, 3 s, user bob, annotation tier="silver", flag=true;
//	   calls orders, which faults (DynamoDB throttled inside with an exception).
//	C: web GET /health 429, throttle, 1.5 s, in progress downstream (partial).
//	D: web PUT /users/7 404, error, 0.2 s, client 10.0.0.1, agent curl/8.
func filterFixture(t *testing.T) (e *env, a, b, c, d string) {
	e = newEnv(t)
	a, b, c, d = traceID(10, 0xa), traceID(20, 0xb), traceID(30, 0xc), traceID(40, 0xd)
	http := func(method, url string, status int, extra seg) seg {
		h := seg{"request": seg{"method": method, "url": url, "user_agent": "Mozilla/5.0", "client_ip": "192.0.2.1"},
			"response": seg{"status": status}}
		for k, v := range extra {
			h["request"].(seg)[k] = v
		}
		return h
	}
	e.put(t,
		doc(a, segID(0xa1), "api", 10, 0.5, seg{"origin": "AWS::EC2::Instance", "user": "alice",
			"http":        http("GET", "https://example.com/users", 200, nil),
			"annotations": seg{"tier": "gold", "n": 3},
			"subsegments": []seg{
				{"id": segID(0xa2), "name": "orders", "namespace": "remote", "start_time": float64(t0.Unix()) + 10.1, "end_time": float64(t0.Unix()) + 10.3},
				{"id": segID(0xa3), "name": "DynamoDB", "namespace": "aws", "start_time": float64(t0.Unix()) + 10.3, "end_time": float64(t0.Unix()) + 10.4},
			}}),
		doc(a, segID(0xa4), "orders", 10.12, 0.15, seg{"parent_id": segID(0xa2), "origin": "AWS::ECS::Container"}),
		doc(b, segID(0xb1), "api", 20, 3, seg{"origin": "AWS::EC2::Instance", "user": "bob", "fault": true,
			"http":        http("POST", "https://example.com/orders", 500, nil),
			"annotations": seg{"tier": "silver", "flag": true},
			"subsegments": []seg{{"id": segID(0xb2), "name": "orders", "namespace": "remote", "fault": true,
				"start_time": float64(t0.Unix()) + 20.1, "end_time": float64(t0.Unix()) + 22.9}}}),
		doc(b, segID(0xb3), "orders", 20.2, 2.6, seg{"parent_id": segID(0xb2), "origin": "AWS::ECS::Container", "fault": true,
			"subsegments": []seg{{"id": segID(0xb4), "name": "DynamoDB", "namespace": "aws", "throttle": true, "fault": true,
				"cause":      seg{"exceptions": []seg{{"type": "ProvisionedThroughputExceededException", "message": "Rate of requests exceeds"}}},
				"start_time": float64(t0.Unix()) + 20.3, "end_time": float64(t0.Unix()) + 22.5}}}),
		doc(c, segID(0xc1), "web", 30, 1.5, seg{"throttle": true, "http": http("GET", "https://example.com/health", 429, nil)}),
		`{"trace_id":"`+c+`","id":"`+segID(0xc2)+`","name":"worker","parent_id":"`+segID(0xc1)+`","start_time":`+ts(30.5)+`,"in_progress":true}`,
		doc(d, segID(0xd1), "web", 40, 0.2, seg{"error": true,
			"http": seg{"request": seg{"method": "PUT", "url": "https://example.com/users/7", "user_agent": "curl/8", "client_ip": "10.0.0.1"},
				"response": seg{"status": 404}}}),
	)
	return e, a, b, c, d
}

// Each keyword and operator selects the right traces (newest first).
func TestGetTraceSummaries_FilterKeywordsAndOperators(t *testing.T) {
	e, a, b, c, d := filterFixture(t)
	cases := []struct {
		filter string
		want   []string
	}{
		{"", []string{d, c, b, a}},
		{"duration > 2", []string{b}},
		{"duration >= 1.5", []string{c, b}},
		{"duration < 0.5", []string{d}},
		{"duration <= 0.5", []string{d, a}},
		{"responsetime = 3", []string{b}},
		{"responsetime != 3", []string{d, c, a}},
		{"ok", []string{a}},
		{"ok = false", []string{d, c, b}},
		{"error", []string{d, c, b}},
		{"fault", []string{b}},
		{"throttle", []string{c, b}},
		{"partial", []string{c}},
		{"!partial", []string{d, b, a}},
		{"NOT fault", []string{d, c, a}},
		{"http.status = 404", []string{d}},
		{"http.status >= 400", []string{d, c, b}},
		{`http.url = "https://example.com/users"`, []string{a}},
		{`http.url CONTAINS "users"`, []string{d, a}},
		{`http.url BEGINSWITH "https://example.com/o"`, []string{b}},
		{`http.url ENDSWITH "/7"`, []string{d}},
		{`http.method = "POST"`, []string{b}},
		{`http.method != "GET"`, []string{d, b}},
		{`http.useragent = "curl/8"`, []string{d}},
		{`http.clientip = "10.0.0.1"`, []string{d}},
		{`user = "alice"`, []string{a}},
		{`user BEGINSWITH "b"`, []string{b}},
		{`id = "` + c + `"`, []string{c}},
		{`annotation.tier = "gold"`, []string{a}},
		{`annotation[tier] = "silver"`, []string{b}},
		{`annotation.n > 2`, []string{a}},
		{`annotation.flag = true`, []string{b}},
		{`annotation.flag`, []string{b}},
		{`service("orders")`, []string{b, a}},
		{`service("orders") { fault }`, []string{b}},
		{`service("api") { responsetime < 1 }`, []string{a}},
		{`service(id(name: "orders", type: "AWS::ECS::Container"))`, []string{b, a}},
		{`service(id(name: "orders", type: "AWS::Lambda::Function"))`, nil},
		{`service(id(type: "AWS::DynamoDB"))`, []string{b, a}},
		{`edge("api", "orders")`, []string{b, a}},
		{`edge("api", "orders") { fault }`, []string{b}},
		{`edge("orders", "DynamoDB") { throttle }`, []string{b}},
		{`edge("api", "DynamoDB")`, []string{a}},
		{`edge("web", "worker")`, []string{c}},
		{`rootcause.fault.service.name = "DynamoDB"`, []string{b}},
		{`rootcause.fault.entity.exception.message CONTAINS "exceeds"`, []string{b}},
		{`rootcause.fault.entity.exception.name = "ProvisionedThroughputExceededException"`, []string{b}},
		{`rootcause.fault.service { name = "DynamoDB" }`, []string{b}},
		{`rootcause.error.service.name = "web"`, []string{d, c}},
		{`rootcause.responsetime.entity.name = "orders"`, []string{b, a}},
		{`rootcause.responsetime.service.name = "web"`, []string{d, c}},
		{`fault AND user = "bob"`, []string{b}},
		{`fault and user = "alice"`, nil},
		{`error OR fault`, []string{d, c, b}},
		{`(error OR fault) AND http.method = "GET"`, []string{c}},
		{`error OR fault AND http.method = "GET"`, []string{d, c, b}},
		{`rootcause.error.service.name = "DynamoDB"`, []string{b}},
		{`NOT (error OR fault)`, []string{a}},
	}
	for _, c := range cases {
		got := e.summaries(t, c.filter)
		if c.want == nil {
			c.want = []string{}
		}
		assert.Equal(t, c.want, got, c.filter)
	}
}

// group.name and group.arn select the traces of the group's expression.
func TestGetTraceSummaries_GroupKeywords(t *testing.T) {
	e, _, b, c, _ := filterFixture(t)
	g, err := e.client.CreateGroup(e.ctx, &sdk.CreateGroupInput{GroupName: aws.String("slow"), FilterExpression: aws.String("duration > 1")})
	require.NoError(t, err)
	assert.Equal(t, []string{c, b}, e.summaries(t, `group.name = "slow"`))
	assert.Equal(t, []string{c, b}, e.summaries(t, `group.arn = "`+*g.Group.GroupARN+`"`))
	assert.Equal(t, []string{c}, e.summaries(t, `group.name = "slow" AND throttle AND NOT fault`))
	_, err = e.client.GetTraceSummaries(e.ctx, &sdk.GetTraceSummariesInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(1)),
		FilterExpression: aws.String(`group.name = "nope"`)})
	var inv *types.InvalidRequestException
	assert.ErrorAs(t, err, &inv)
}

// Expressions X-Ray cannot read are InvalidRequestException.
func TestGetTraceSummaries_BadFilterExpressions(t *testing.T) {
	e, _, _, _, _ := filterFixture(t)
	for _, f := range []string{"duration >", "duration = \"x\"", "http.url > 3", "nosuch = 1", "(fault", "fault)",
		`service("a"`, `http.url CONTAINS 3`, `edge("a")`, "fault AND", `"str"`, "duration", `annotation.x BEGINSWITH 1`,
		`service("a") { service("b") }`, "$", `http.url = "unterminated`} {
		_, err := e.client.GetTraceSummaries(e.ctx, &sdk.GetTraceSummariesInput{StartTime: aws.Time(t0),
			EndTime: aws.Time(t0.Add(60)), FilterExpression: aws.String(f)})
		var inv *types.InvalidRequestException
		assert.ErrorAs(t, err, &inv, f)
	}
}
