package route53_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/route53"
)

// A zone created with the real SDK client, a record changed in it, and Go's
// resolver answered by the fake's name servers in memory.
func Example() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	client := sdk.NewFromConfig(cloud.AWSConfig())

	zone, err := client.CreateHostedZone(ctx, &sdk.CreateHostedZoneInput{Name: aws.String("example.com"), CallerReference: aws.String("1")})
	if err != nil {
		panic(err)
	}
	_, err = client.ChangeResourceRecordSets(ctx, &sdk.ChangeResourceRecordSetsInput{HostedZoneId: zone.HostedZone.Id,
		ChangeBatch: &types.ChangeBatch{Changes: []types.Change{{Action: types.ChangeActionCreate, ResourceRecordSet: &types.ResourceRecordSet{
			Name: aws.String("www.example.com"), Type: types.RRTypeA, TTL: aws.Int64(60),
			ResourceRecords: []types.ResourceRecord{{Value: aws.String("192.0.2.1")}}}}}}})
	if err != nil {
		panic(err)
	}
	addrs, err := cloud.Route53().Resolver(netip.MustParseAddr("192.0.2.53")).LookupHost(ctx, "www.example.com.")
	fmt.Println(addrs, err)
	// Output: [192.0.2.1] <nil>
}

// A health check probes an HTTP endpoint on the cloud's clock: after
// FailureThreshold failed probes, RequestInterval seconds apart, the
// check is unhealthy and failover answers the secondary.
func ExampleService_CreateHealthCheck() {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	var down atomic.Bool
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if down.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer backend.Close()
	ap := netip.MustParseAddrPort(strings.TrimPrefix(backend.URL, "http://"))

	r53 := cloud.Route53()
	hc, err := r53.CreateHealthCheck(ctx, route53.CreateHealthCheckInput{CallerReference: "web", HealthCheckConfig: route53.HealthCheckConfig{
		Type: "HTTP", IPAddress: ap.Addr().String(), Port: aws.Int32(int32(ap.Port())), RequestInterval: aws.Int32(10), FailureThreshold: aws.Int32(2)}})
	if err != nil {
		panic(err)
	}
	id := hc.HealthCheck.Id
	step := func() {
		clk.Advance(10 * time.Second)
		_ = cloud.Settle(ctx)
		healthy, _ := r53.HealthCheckHealthy(id)
		obs, _ := r53.GetHealthCheckStatus(ctx, id)
		fmt.Println(healthy, obs[0].StatusReport.Status)
	}
	step()
	down.Store(true)
	step()
	step()
	// Output:
	// true Success: HTTP Status Code 200, OK
	// true Failure: HTTP Status Code 503, Service Unavailable
	// false Failure: HTTP Status Code 503, Service Unavailable
}
