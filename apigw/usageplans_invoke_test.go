package apigw_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/apigw"
)

const (
	forbidden = `{"message":"Forbidden"}`
	tooMany   = `{"message":"Too Many Requests"}`
	exceeded  = `{"message":"Limit Exceeded"}`
)

// An apiKeyRequired method answers 403 {"message":"Forbidden"} without a
// key, with an unknown one, a disabled one, one in no plan and one whose
// plan covers another stage; a method without apiKeyRequired needs none.
func TestInvoke_APIKeyRequired(t *testing.T) {
	k := newKeysFixture(t)
	plan := k.plan(t, nil, nil, "prod")
	id, value := k.key(t, plan)
	_, loose := k.key(t, "")

	for name, tc := range map[string]struct{ stage, key string }{
		"missing": {"prod", ""}, "unknown": {"prod", "no-such-key-value-at-all"}, "not in a plan": {"prod", loose},
		"plan of another stage": {"dev", value},
	} {
		status, body := k.get(t, tc.stage, "/pets", tc.key)
		assert.Equal(t, 403, status, name)
		assert.JSONEq(t, forbidden, body, name)
	}
	status, body := k.get(t, "prod", "/pets", value)
	assert.Equal(t, 200, status)
	assert.JSONEq(t, `{"ok":true}`, body)
	status, _ = k.get(t, "dev", "/free", "")
	assert.Equal(t, 200, status)

	_, err := k.client.UpdateApiKey(k.ctx, &sdk.UpdateApiKeyInput{ApiKey: &id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/enabled"), Value: aws.String("false")}}})
	require.NoError(t, err)
	status, body = k.get(t, "prod", "/pets", value)
	assert.Equal(t, 403, status, "disabled")
	assert.JSONEq(t, forbidden, body)
	inv := k.cloud.APIGateway().Invocations()
	assert.Equal(t, 403, inv[len(inv)-1].Status)
}

// The plan's throttle is a token bucket per key on the cloud's clock:
// burst 2 at rate 1 lets two requests through at once, the third is 429
// {"message":"Too Many Requests"}; one token comes back exactly 1 s
// after the first was spent, not a nanosecond before, and is there a
// nanosecond after. Another key has its own bucket.
func TestInvoke_PlanThrottleRefillsOnTheClock(t *testing.T) {
	k := newKeysFixture(t)
	plan := k.plan(t, &types.ThrottleSettings{BurstLimit: 2, RateLimit: 1}, nil, "prod")
	_, a := k.key(t, plan)
	_, b := k.key(t, plan)
	_, c := k.key(t, plan)
	expect := func(want int, key, msg string) {
		t.Helper()
		status, body := k.get(t, "prod", "/pets", key)
		require.Equal(t, want, status, msg)
		if want == 429 {
			assert.JSONEq(t, tooMany, body)
		}
	}
	expect(200, a, "burst 1")
	expect(200, a, "burst 2")
	expect(429, a, "burst spent")
	expect(200, b, "another key, another bucket")
	expect(200, c, "c's burst 1")
	expect(200, c, "c's burst 2")
	k.clk.Advance(time.Second - time.Nanosecond)
	expect(429, a, "just before the refill")
	k.clk.Advance(time.Nanosecond)
	expect(200, a, "at the refill")
	expect(429, a, "at the refill, the token spent")
	k.clk.Advance(time.Nanosecond)
	expect(200, c, "just after the refill")
	k.clk.Advance(time.Second + time.Nanosecond)
	expect(200, a, "after the next refill")
}

// A per-method throttle of the plan's stage overrides the plan's for that
// method (path /apiStages/{api}:{stage}/throttle/~1pets/GET/...).
func TestInvoke_PerMethodThrottle(t *testing.T) {
	k := newKeysFixture(t)
	plan := k.plan(t, &types.ThrottleSettings{BurstLimit: 100, RateLimit: 100}, nil, "prod")
	_, err := k.client.UpdateUsagePlan(k.ctx, &sdk.UpdateUsagePlanInput{UsagePlanId: &plan, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/apiStages/" + k.api + ":prod/throttle/~1pets/GET/rateLimit"), Value: aws.String("0.5")},
		{Op: types.OpReplace, Path: aws.String("/apiStages/" + k.api + ":prod/throttle/~1pets/GET/burstLimit"), Value: aws.String("1")}}})
	require.NoError(t, err)
	_, value := k.key(t, plan)
	status, _ := k.get(t, "prod", "/pets", value)
	assert.Equal(t, 200, status)
	status, _ = k.get(t, "prod", "/pets", value)
	assert.Equal(t, 429, status)
	k.clk.Advance(2*time.Second - time.Nanosecond)
	status, _ = k.get(t, "prod", "/pets", value)
	assert.Equal(t, 429, status, "rate 0.5: a token every 2 s")
	k.clk.Advance(time.Nanosecond)
	status, _ = k.get(t, "prod", "/pets", value)
	assert.Equal(t, 200, status)
}

// Stage-level throttling (methodSettings */*/throttling/...) applies to
// every method, with or without a key; a method's own setting wins.
func TestInvoke_StageThrottle(t *testing.T) {
	k := newKeysFixture(t)
	_, err := k.client.UpdateStage(k.ctx, &sdk.UpdateStageInput{RestApiId: &k.api, StageName: aws.String("dev"), PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/*/*/throttling/rateLimit"), Value: aws.String("10")},
		{Op: types.OpReplace, Path: aws.String("/*/*/throttling/burstLimit"), Value: aws.String("1")}}})
	require.NoError(t, err)
	status, _ := k.get(t, "dev", "/free", "")
	assert.Equal(t, 200, status)
	status, body := k.get(t, "dev", "/free", "")
	assert.Equal(t, 429, status)
	assert.JSONEq(t, tooMany, body)
	status, _ = k.get(t, "prod", "/free", "")
	assert.Equal(t, 200, status, "another stage")
	k.clk.Advance(100*time.Millisecond - time.Nanosecond)
	status, _ = k.get(t, "dev", "/free", "")
	assert.Equal(t, 429, status)
	k.clk.Advance(time.Nanosecond)
	status, _ = k.get(t, "dev", "/free", "")
	assert.Equal(t, 200, status, "rate 10: a token every 100 ms")
}

// The account's throttle is 10,000 rps with a burst of 5,000 (AWS's
// default): the 5,001st request at one instant is 429, and 100 µs later
// one more passes. SetAccountThrottle changes it.
func TestInvoke_AccountThrottle(t *testing.T) {
	if testing.Short() {
		t.Skip("5,001 requests")
	}
	k := newKeysFixture(t)
	for i := range 5000 {
		status, _ := k.get(t, "prod", "/free", "")
		require.Equal(t, 200, status, "request %d", i+1)
	}
	status, _ := k.get(t, "prod", "/free", "")
	assert.Equal(t, 429, status)
	k.clk.Advance(100*time.Microsecond - time.Nanosecond)
	status, _ = k.get(t, "dev", "/free", "")
	assert.Equal(t, 429, status, "the account's bucket covers every stage")
	k.clk.Advance(time.Nanosecond)
	status, _ = k.get(t, "dev", "/free", "")
	assert.Equal(t, 200, status)

	require.NoError(t, k.cloud.APIGateway().SetAccountThrottle(k.ctx, apigw.ThrottleSettings{RateLimit: 1, BurstLimit: 1}))
	k.clk.Advance(time.Second)
	status, _ = k.get(t, "dev", "/free", "")
	assert.Equal(t, 200, status)
	status, _ = k.get(t, "prod", "/free", "")
	assert.Equal(t, 429, status, "a limit set as a quota increase would")
}

// With the API's apiKeySource AUTHORIZER, the key is the authorizer's
// usageIdentifierKey, not the x-api-key header.
func TestInvoke_APIKeyFromTheAuthorizer(t *testing.T) {
	var key string
	af := newAuthFixture(t, "TOKEN", aws.Int32(0), true, func(ev map[string]any) (map[string]any, error) {
		p := policy("user", "Allow", "*", nil)
		if ev["authorizationToken"] == "good" {
			p["usageIdentifierKey"] = key
		}
		return p, nil
	})
	k := &keysFixture{fixture: af.fixture, api: af.api}
	res, err := af.client.GetResources(af.ctx, &sdk.GetResourcesInput{RestApiId: &af.api})
	require.NoError(t, err)
	for _, r := range res.Items {
		if *r.Path == "/pets" {
			_, err = af.client.UpdateMethod(af.ctx, &sdk.UpdateMethodInput{RestApiId: &af.api, ResourceId: r.Id, HttpMethod: aws.String("GET"),
				PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/apiKeyRequired"), Value: aws.String("true")}}})
			require.NoError(t, err)
		}
	}
	_, err = af.client.UpdateRestApi(af.ctx, &sdk.UpdateRestApiInput{RestApiId: &af.api, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/apiKeySource"), Value: aws.String("AUTHORIZER")}}})
	require.NoError(t, err)
	af.deploy(t, af.api, "stage")
	_, key = k.key(t, k.plan(t, nil, nil, "stage"))

	status, _, _ := af.call(t, "GET", af.url+"/pets", "", "Authorization", "good")
	assert.Equal(t, 200, status)
	status, _, body := af.call(t, "GET", af.url+"/pets", "", "Authorization", "other", "x-api-key", key)
	assert.Equal(t, 403, status, "the header is not the source")
	assert.JSONEq(t, forbidden, body)
}
