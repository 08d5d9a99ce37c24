package route53_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

type env struct {
	cloud  *awsfake.Cloud
	clk    *clock.Fake
	client *sdk.Client
	ctx    context.Context
}

func newEnv(t *testing.T) *env {
	t.Helper()
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	return &env{cloud: cloud, clk: clk, client: sdk.NewFromConfig(cloud.AWSConfig()), ctx: context.Background()}
}

// zone creates a public zone and returns its id (without prefix).
func (e *env) zone(t *testing.T, name string) string {
	t.Helper()
	out, err := e.client.CreateHostedZone(e.ctx, &sdk.CreateHostedZoneInput{Name: aws.String(name), CallerReference: aws.String("ref-" + name)})
	require.NoError(t, err)
	return aws.ToString(out.HostedZone.Id)[len("/hostedzone/"):]
}

// change applies one batch.
func (e *env) change(zoneID string, changes ...types.Change) (*sdk.ChangeResourceRecordSetsOutput, error) {
	return e.client.ChangeResourceRecordSets(e.ctx, &sdk.ChangeResourceRecordSetsInput{HostedZoneId: aws.String(zoneID),
		ChangeBatch: &types.ChangeBatch{Changes: changes}})
}

func (e *env) mustChange(t *testing.T, zoneID string, changes ...types.Change) {
	t.Helper()
	_, err := e.change(zoneID, changes...)
	require.NoError(t, err)
}

// rec builds a change of a simple record set.
func rec(action types.ChangeAction, name string, typ types.RRType, ttl int64, values ...string) types.Change {
	rs := &types.ResourceRecordSet{Name: aws.String(name), Type: typ, TTL: aws.Int64(ttl)}
	for _, v := range values {
		rs.ResourceRecords = append(rs.ResourceRecords, types.ResourceRecord{Value: aws.String(v)})
	}
	return types.Change{Action: action, ResourceRecordSet: rs}
}

// with sets routing fields on a change.
func with(c types.Change, f func(rs *types.ResourceRecordSet)) types.Change {
	f(c.ResourceRecordSet)
	return c
}
