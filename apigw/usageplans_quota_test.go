package apigw_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// expectStatus calls GET /pets on prod with key and checks the status
// (and the body of a quota refusal).
func (k *keysFixture) expectStatus(t *testing.T, want int, key, msg string) {
	t.Helper()
	status, body := k.get(t, "prod", "/pets", key)
	require.Equal(t, want, status, msg)
	if want == 429 {
		assert.JSONEq(t, exceeded, body, msg)
	}
}

// A quota counts a key's requests per period and resets exactly at the
// period's start in UTC: DAY at midnight, WEEK at Sunday's midnight, MONTH
// at the first's; the refused request is 429 {"message":"Limit
// Exceeded"}. t0 is Friday 2026-01-02 03:04:05 UTC.
func TestInvoke_QuotaResetsAtThePeriodBoundary(t *testing.T) {
	for _, tc := range []struct {
		period types.QuotaPeriodType
		next   time.Time
	}{
		{types.QuotaPeriodTypeDay, time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)},
		{types.QuotaPeriodTypeWeek, time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC)},
		{types.QuotaPeriodTypeMonth, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(string(tc.period), func(t *testing.T) {
			k := newKeysFixture(t)
			plan := k.plan(t, nil, &types.QuotaSettings{Limit: 2, Period: tc.period}, "prod")
			_, value := k.key(t, plan)
			k.expectStatus(t, 200, value, "1 of 2")
			k.expectStatus(t, 200, value, "2 of 2")
			k.expectStatus(t, 429, value, "quota spent")
			k.clk.Set(tc.next.Add(-time.Nanosecond))
			k.expectStatus(t, 429, value, "just before the period ends")
			k.clk.Set(tc.next)
			k.expectStatus(t, 200, value, "at the new period")
			k.clk.Set(tc.next.Add(time.Nanosecond))
			k.expectStatus(t, 200, value, "just after")
			k.expectStatus(t, 429, value, "the new period's quota spent")
		})
	}
}

// The offset is subtracted from the limit in the period the quota was
// set in only.
func TestInvoke_QuotaOffsetInTheFirstPeriod(t *testing.T) {
	k := newKeysFixture(t)
	plan := k.plan(t, nil, &types.QuotaSettings{Limit: 3, Offset: 2, Period: types.QuotaPeriodTypeDay}, "prod")
	_, value := k.key(t, plan)
	k.expectStatus(t, 200, value, "3 less 2")
	k.expectStatus(t, 429, value, "first period spent")
	k.clk.Set(time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC))
	for i := range 3 {
		k.expectStatus(t, 200, value, "second period, whole limit "+string(rune('1'+i)))
	}
	k.expectStatus(t, 429, value, "second period spent")
}

// GetUsage answers per key, per day, [used, remaining] as AWS documents;
// UpdateUsage replaces what is left of the current period.
func TestGetUsage_DailyCountsAndUpdateUsage(t *testing.T) {
	k := newKeysFixture(t)
	plan := k.plan(t, nil, &types.QuotaSettings{Limit: 5, Period: types.QuotaPeriodTypeDay}, "prod")
	id, value := k.key(t, plan)
	idle, _ := k.key(t, plan)
	k.expectStatus(t, 200, value, "day 1")
	k.expectStatus(t, 200, value, "day 1")
	k.clk.Set(time.Date(2026, 1, 3, 12, 0, 0, 0, time.UTC))
	k.expectStatus(t, 200, value, "day 2")

	usage := func(key *string) map[string][][]int64 {
		out, err := k.client.GetUsage(k.ctx, &sdk.GetUsageInput{UsagePlanId: &plan, KeyId: key,
			StartDate: aws.String("2026-01-01"), EndDate: aws.String("2026-01-03")})
		require.NoError(t, err)
		assert.Equal(t, "2026-01-01", *out.StartDate)
		assert.Equal(t, plan, *out.UsagePlanId)
		return out.Items
	}
	assert.Equal(t, map[string][][]int64{id: {{0, 5}, {2, 3}, {1, 4}}, idle: {{0, 5}, {0, 5}, {0, 5}}}, usage(nil))
	assert.Equal(t, map[string][][]int64{id: {{0, 5}, {2, 3}, {1, 4}}}, usage(&id))

	_, err := k.client.GetUsage(k.ctx, &sdk.GetUsageInput{UsagePlanId: &plan, StartDate: aws.String("2026/01/01"), EndDate: aws.String("2026-01-03")})
	checkErr(t, err, "BadRequestException", "")
	_, err = k.client.GetUsage(k.ctx, &sdk.GetUsageInput{UsagePlanId: aws.String("nope"), StartDate: aws.String("2026-01-01"), EndDate: aws.String("2026-01-03")})
	checkErr(t, err, "NotFoundException", "Invalid Usage Plan ID specified")

	up, err := k.client.UpdateUsage(k.ctx, &sdk.UpdateUsageInput{UsagePlanId: &plan, KeyId: &id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/remaining"), Value: aws.String("2")}}})
	require.NoError(t, err)
	assert.Equal(t, map[string][][]int64{id: {{1, 2}}}, up.Items)
	_, err = k.client.UpdateUsage(k.ctx, &sdk.UpdateUsageInput{UsagePlanId: &plan, KeyId: &id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/remaining"), Value: aws.String("-3")}}})
	checkErr(t, err, "BadRequestException", "")
	k.expectStatus(t, 200, value, "granted 1 of 2")
	k.expectStatus(t, 200, value, "granted 2 of 2")
	k.expectStatus(t, 429, value, "grant spent")
	assert.Equal(t, [][]int64{{0, 5}, {2, 3}, {3, 0}}, usage(&id)[id])
}

// QUOTA_EXCEEDED and INVALID_API_KEY are gateway responses a deployment
// may customise.
func TestInvoke_MeteringGatewayResponsesCustomised(t *testing.T) {
	k := newKeysFixture(t)
	plan := k.plan(t, nil, &types.QuotaSettings{Limit: 1, Period: types.QuotaPeriodTypeDay}, "prod")
	_, value := k.key(t, plan)
	for typ, tpl := range map[types.GatewayResponseType]string{
		types.GatewayResponseTypeQuotaExceeded: `{"quota":"$context.error.message"}`,
		types.GatewayResponseTypeInvalidApiKey: `{"key":"$context.error.message"}`,
	} {
		_, err := k.client.PutGatewayResponse(k.ctx, &sdk.PutGatewayResponseInput{RestApiId: &k.api, ResponseType: typ,
			StatusCode: aws.String("402"), ResponseTemplates: map[string]string{"application/json": tpl}})
		require.NoError(t, err)
	}
	k.deploy(t, k.api, "prod")
	k.expectStatus(t, 200, value, "1 of 1")
	status, body := k.get(t, "prod", "/pets", value)
	assert.Equal(t, 402, status)
	assert.JSONEq(t, `{"quota":"Limit Exceeded"}`, body)
	status, body = k.get(t, "prod", "/pets", "")
	assert.Equal(t, 402, status)
	assert.JSONEq(t, `{"key":"Forbidden"}`, body)
}
