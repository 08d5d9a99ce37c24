package route53_test

import (
	"fmt"
	"net/netip"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// Changes and lookups from many goroutines are safe (run with -race).
func TestConcurrentChangesAndLookups(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	r := e.cloud.Route53().Resolver(netip.MustParseAddr("192.0.2.53"))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 10 {
				_, err := e.change(id, rec(types.ChangeActionUpsert, fmt.Sprintf("h%d-%d.example.com", g, i), types.RRTypeA, 60, "192.0.2.1"))
				assert.NoError(t, err)
			}
		}()
		go func() {
			defer wg.Done()
			for range 10 {
				_, _ = r.LookupHost(e.ctx, fmt.Sprintf("h%d-0.example.com.", g))
			}
		}()
	}
	wg.Wait()
	count, err := e.client.GetHostedZone(e.ctx, &sdk.GetHostedZoneInput{Id: aws.String(id)})
	require.NoError(t, err)
	assert.Equal(t, int64(42), aws.ToInt64(count.HostedZone.ResourceRecordSetCount))
}

// With a seed and a fake clock, the same scenario gives the same ids and
// the same answers.
func TestDeterminism_SameSeedSameIdsAndAnswers(t *testing.T) {
	run := func() []string {
		cloud := awsfake.NewT(t, awsfake.WithClock(clock.NewFake(t0)), awsfake.WithSeed(7))
		client := sdk.NewFromConfig(cloud.AWSConfig())
		e := &env{cloud: cloud, client: client, ctx: t.Context()}
		id := e.zone(t, "example.com")
		out, err := e.change(id, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"))
		require.NoError(t, err)
		got := []string{id, aws.ToString(out.ChangeInfo.Id)}
		for range 5 {
			a, err := client.TestDNSAnswer(e.ctx, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("www.example.com"), RecordType: types.RRTypeA})
			require.NoError(t, err)
			got = append(got, fmt.Sprint(a.RecordData))
		}
		return got
	}
	assert.Equal(t, run(), run())
}

// Close stops ServeDNS's goroutines.
func TestClose_LeavesNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	for range 3 {
		_, err := cloud.Route53().ServeDNS("127.0.0.1:0")
		require.NoError(t, err)
	}
	require.NoError(t, cloud.Close())
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		runtime.Gosched()
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before)
}
