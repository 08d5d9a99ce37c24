package xray_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/aws/aws-sdk-go-v2/service/xray/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/xray"
)

// Every account has the Default rule: priority 10000, reservoir 1 a
// second, fixed rate 5%; it cannot be deleted, and only its rate and
// reservoir change.
func TestSamplingRules_TheDefaultRule(t *testing.T) {
	e := newEnv(t)
	out, err := e.client.GetSamplingRules(e.ctx, &sdk.GetSamplingRulesInput{})
	require.NoError(t, err)
	require.Len(t, out.SamplingRuleRecords, 1)
	r := out.SamplingRuleRecords[0].SamplingRule
	assert.Equal(t, "Default", *r.RuleName)
	assert.Equal(t, "arn:aws:xray:us-east-1:000000000000:sampling-rule/Default", *r.RuleARN)
	assert.Equal(t, int32(10000), *r.Priority)
	assert.Equal(t, int32(1), r.ReservoirSize)
	assert.InDelta(t, 0.05, r.FixedRate, 1e-12)
	for _, v := range []*string{r.ServiceName, r.ServiceType, r.Host, r.HTTPMethod, r.URLPath, r.ResourceARN} {
		assert.Equal(t, "*", *v)
	}

	_, err = e.client.DeleteSamplingRule(e.ctx, &sdk.DeleteSamplingRuleInput{RuleName: aws.String("Default")})
	var inv *types.InvalidRequestException
	require.ErrorAs(t, err, &inv)
	_, err = e.client.UpdateSamplingRule(e.ctx, &sdk.UpdateSamplingRuleInput{SamplingRuleUpdate: &types.SamplingRuleUpdate{
		RuleName: aws.String("Default"), Host: aws.String("x")}})
	require.ErrorAs(t, err, &inv)
	up, err := e.client.UpdateSamplingRule(e.ctx, &sdk.UpdateSamplingRuleInput{SamplingRuleUpdate: &types.SamplingRuleUpdate{
		RuleName: aws.String("Default"), FixedRate: aws.Float64(0.5), ReservoirSize: aws.Int32(3)}})
	require.NoError(t, err)
	assert.Equal(t, int32(3), up.SamplingRuleRecord.SamplingRule.ReservoirSize)
}

func newRule(name string, priority, reservoir int32, rate float64, url string) *types.SamplingRule {
	return &types.SamplingRule{RuleName: aws.String(name), Priority: aws.Int32(priority), ReservoirSize: reservoir, FixedRate: rate,
		ResourceARN: aws.String("*"), ServiceName: aws.String("*"), ServiceType: aws.String("*"), Host: aws.String("*"),
		HTTPMethod: aws.String("*"), URLPath: aws.String(url), Version: aws.Int32(1)}
}

// Rules are created, validated, tagged, updated and deleted.
func TestSamplingRules_Lifecycle(t *testing.T) {
	e := newEnv(t)
	c, err := e.client.CreateSamplingRule(e.ctx, &sdk.CreateSamplingRuleInput{SamplingRule: newRule("api", 10, 2, 0.1, "/api/*"),
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("a")}}})
	require.NoError(t, err)
	arn := *c.SamplingRuleRecord.SamplingRule.RuleARN
	assert.Equal(t, "arn:aws:xray:us-east-1:000000000000:sampling-rule/api", arn)
	assert.Equal(t, t0, *c.SamplingRuleRecord.CreatedAt)
	_, err = e.client.CreateSamplingRule(e.ctx, &sdk.CreateSamplingRuleInput{SamplingRule: newRule("api", 10, 2, 0.1, "*")})
	var inv *types.InvalidRequestException
	require.ErrorAs(t, err, &inv, "duplicate")
	_, err = e.client.CreateSamplingRule(e.ctx, &sdk.CreateSamplingRuleInput{SamplingRule: newRule("bad", 10000, 2, 0.1, "*")})
	require.ErrorAs(t, err, &inv, "priority over 9999")
	_, err = e.client.CreateSamplingRule(e.ctx, &sdk.CreateSamplingRuleInput{SamplingRule: newRule("bad", 1, 2, 1.5, "*")})
	require.ErrorAs(t, err, &inv, "rate over 1")

	tags, err := e.client.ListTagsForResource(e.ctx, &sdk.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
	require.NoError(t, err)
	require.Len(t, tags.Tags, 1)
	_, err = e.client.ListTagsForResource(e.ctx, &sdk.ListTagsForResourceInput{ResourceARN: aws.String(arn + "x")})
	var nf *types.ResourceNotFoundException
	require.ErrorAs(t, err, &nf)

	e.clock.Advance(time.Minute)
	up, err := e.client.UpdateSamplingRule(e.ctx, &sdk.UpdateSamplingRuleInput{SamplingRuleUpdate: &types.SamplingRuleUpdate{
		RuleARN: aws.String(arn), URLPath: aws.String("/v2/*")}})
	require.NoError(t, err)
	assert.Equal(t, "/v2/*", *up.SamplingRuleRecord.SamplingRule.URLPath)
	assert.Equal(t, t0.Add(time.Minute), *up.SamplingRuleRecord.ModifiedAt)

	_, err = e.client.DeleteSamplingRule(e.ctx, &sdk.DeleteSamplingRuleInput{RuleName: aws.String("api")})
	require.NoError(t, err)
	out, err := e.client.GetSamplingRules(e.ctx, &sdk.GetSamplingRulesInput{})
	require.NoError(t, err)
	assert.Len(t, out.SamplingRuleRecords, 1)
}

// A rule's reservoir gives ReservoirSize requests each second of the
// cloud's clock, then the fixed rate: exhausted until just before the next
// second, refilled exactly at it.
func TestSample_ReservoirRefillsEachSecondOnTheClock(t *testing.T) {
	e := newEnv(t)
	_, err := e.client.CreateSamplingRule(e.ctx, &sdk.CreateSamplingRuleInput{SamplingRule: newRule("api", 1, 2, 0, "/api/*")})
	require.NoError(t, err)
	xr := e.cloud.XRay()
	req := xray.SamplingRequest{ServiceName: "svc", URLPath: "/api/users", HTTPMethod: "GET"}
	sample := func() bool { return xr.Sample(e.ctx, req).Sampled }
	e.clock.Advance(100 * time.Millisecond)
	assert.True(t, sample())
	assert.True(t, sample())
	assert.False(t, sample(), "reservoir of 2 used, fixed rate 0")
	e.clock.Advance(900*time.Millisecond - time.Nanosecond)
	assert.False(t, sample(), "just before the next second")
	e.clock.Advance(time.Nanosecond)
	assert.True(t, sample(), "at the next second")
	assert.True(t, sample())
	assert.False(t, sample())
	e.clock.Advance(1500 * time.Millisecond)
	assert.True(t, sample(), "after it")

	d := xr.Sample(e.ctx, xray.SamplingRequest{ServiceName: "svc", URLPath: "/other"})
	assert.Equal(t, "Default", d.RuleName, "an unmatched request falls to the Default rule")
}

// GetSamplingTargets answers a reporting client with its share of the
// reservoir, valid one interval (10 s); an unknown rule is unprocessed.
func TestGetSamplingTargets_QuotaTTLAndInterval(t *testing.T) {
	e := newEnv(t)
	_, err := e.client.CreateSamplingRule(e.ctx, &sdk.CreateSamplingRuleInput{SamplingRule: newRule("api", 1, 10, 0.2, "*")})
	require.NoError(t, err)
	report := func(client string) *sdk.GetSamplingTargetsOutput {
		out, err := e.client.GetSamplingTargets(e.ctx, &sdk.GetSamplingTargetsInput{SamplingStatisticsDocuments: []types.SamplingStatisticsDocument{
			{RuleName: aws.String("api"), ClientID: aws.String(client), Timestamp: aws.Time(e.clock.Now()), RequestCount: 5, SampledCount: 3, BorrowCount: 1},
			{RuleName: aws.String("ghost"), ClientID: aws.String(client), Timestamp: aws.Time(e.clock.Now())},
		}})
		require.NoError(t, err)
		return out
	}
	out := report("c1")
	require.Len(t, out.SamplingTargetDocuments, 1)
	d := out.SamplingTargetDocuments[0]
	assert.Equal(t, int32(10), *d.ReservoirQuota)
	assert.InDelta(t, 0.2, d.FixedRate, 1e-12)
	assert.Equal(t, int32(10), *d.Interval)
	assert.Equal(t, t0.Add(10*time.Second), *d.ReservoirQuotaTTL)
	assert.Equal(t, t0, *out.LastRuleModification)
	require.Len(t, out.UnprocessedStatistics, 1)
	assert.Equal(t, "ghost", *out.UnprocessedStatistics[0].RuleName)

	assert.Equal(t, int32(5), *report("c2").SamplingTargetDocuments[0].ReservoirQuota, "two clients share the reservoir")
	e.clock.Advance(10*time.Second - time.Nanosecond)
	assert.Equal(t, int32(5), *report("c2").SamplingTargetDocuments[0].ReservoirQuota, "c1 reported just under an interval ago")
	e.clock.Advance(time.Nanosecond)
	assert.Equal(t, int32(10), *report("c2").SamplingTargetDocuments[0].ReservoirQuota, "c1 silent for an interval")

	sum, err := e.client.GetSamplingStatisticSummaries(e.ctx, &sdk.GetSamplingStatisticSummariesInput{})
	require.NoError(t, err)
	require.Len(t, sum.SamplingStatisticSummaries, 1)
	assert.Equal(t, int32(20), sum.SamplingStatisticSummaries[0].RequestCount)
	assert.Equal(t, int32(12), sum.SamplingStatisticSummaries[0].SampledCount)
	assert.Equal(t, int32(4), sum.SamplingStatisticSummaries[0].BorrowCount)
}
