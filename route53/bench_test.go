package route53_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/route53"
)

// benchZone builds a cloud with a zone of n A records (and www).
func benchZone(b *testing.B, n int) (*awsfake.Cloud, string) {
	b.Helper()
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	cloud.Route53().SetMaxRecordSets(max(n+10, route53.MaxRecordSets))
	ctx := context.Background()
	z, err := cloud.Route53().CreateHostedZone(ctx, route53.CreateHostedZoneInput{Name: "example.com", CallerReference: "b"})
	if err != nil {
		b.Fatal(err)
	}
	id := z.HostedZone.Id
	ttl := int64(60)
	for start := 0; start < n; start += 1000 {
		var changes []route53.Change
		for i := start; i < min(n, start+1000); i++ {
			changes = append(changes, route53.Change{Action: "CREATE", ResourceRecordSet: route53.ResourceRecordSet{
				Name: fmt.Sprintf("h%d.example.com", i), Type: "A", TTL: &ttl, ResourceRecords: []route53.ResourceRecord{{Value: "192.0.2.7"}}}})
		}
		if _, err := cloud.Route53().ChangeResourceRecordSets(ctx, route53.ChangeResourceRecordSetsInput{HostedZoneId: id, ChangeBatch: route53.ChangeBatch{Changes: changes}}); err != nil {
			b.Fatal(err)
		}
	}
	return cloud, id
}

// cannedConn is the floor of the lookup benchmark: a trivial in-memory DNS
// handler that answers every query with one A record, echoing its id and
// question.
type cannedConn struct{ out []byte }

func (c *cannedConn) Write(q []byte) (int, error) {
	m := q[2:]
	qend := 12
	for m[qend] != 0 {
		qend += int(m[qend]) + 1
	}
	qend += 5
	resp := append([]byte{}, m[:qend]...)
	resp[2], resp[3] = 0x84, 0
	binary.BigEndian.PutUint16(resp[6:], 0)
	binary.BigEndian.PutUint16(resp[10:], 0)
	if binary.BigEndian.Uint16(m[qend-4:]) == 1 {
		binary.BigEndian.PutUint16(resp[6:], 1)
		resp = append(resp, 0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 7)
	}
	c.out = append(binary.BigEndian.AppendUint16(c.out, uint16(len(resp))), resp...)
	return len(q), nil
}

func (c *cannedConn) Read(b []byte) (int, error) {
	n := copy(b, c.out)
	c.out = c.out[n:]
	return n, nil
}
func (c *cannedConn) Close() error                     { return nil }
func (c *cannedConn) LocalAddr() net.Addr              { return &net.UDPAddr{} }
func (c *cannedConn) RemoteAddr() net.Addr             { return &net.UDPAddr{} }
func (c *cannedConn) SetDeadline(time.Time) error      { return nil }
func (c *cannedConn) SetReadDeadline(time.Time) error  { return nil }
func (c *cannedConn) SetWriteDeadline(time.Time) error { return nil }

// BenchmarkResolverLookup is net.Resolver's LookupHost (an A and an AAAA
// query) through the in-memory dialer, beside the same lookup answered by
// a trivial in-memory handler, in zones of 10 and 100,000 records: the
// cost is flat in the zone's size.
func BenchmarkResolverLookup(b *testing.B) {
	for _, n := range []int{10, 100000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			cloud, _ := benchZone(b, n)
			fake := cloud.Route53().Resolver(netip.MustParseAddr("192.0.2.53"))
			floor := &net.Resolver{PreferGo: true, Dial: func(context.Context, string, string) (net.Conn, error) { return &cannedConn{}, nil }}
			resolvers := [2]*net.Resolver{fake, floor}
			var spent [2]time.Duration
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				for i, r := range resolvers {
					start := time.Now()
					if _, err := r.LookupHost(ctx, "h7.example.com."); err != nil {
						b.Fatal(err)
					}
					spent[i] += time.Since(start)
				}
			}
			nn := float64(b.N)
			b.ReportMetric(float64(spent[0].Nanoseconds())/nn, "fake-ns/lookup")
			b.ReportMetric(float64(spent[1].Nanoseconds())/nn, "floor-ns/lookup")
			b.ReportMetric(float64(spent[0])/float64(spent[1]), "ratio")
		})
	}
}

// BenchmarkSDKChangeResourceRecordSets1000 is a batch of 1,000 changes
// through the real SDK client: each iteration CREATEs 1,000 record sets
// and DELETEs them (two calls, so ns/op covers two batches).
func BenchmarkSDKChangeResourceRecordSets1000(b *testing.B) {
	cloud, id := benchZone(b, 0)
	client := sdk.NewFromConfig(cloud.AWSConfig())
	batch := func(action types.ChangeAction) *sdk.ChangeResourceRecordSetsInput {
		changes := make([]types.Change, 1000)
		for i := range changes {
			changes[i] = types.Change{Action: action, ResourceRecordSet: &types.ResourceRecordSet{Name: aws.String(fmt.Sprintf("u%d.example.com", i)),
				Type: types.RRTypeA, TTL: aws.Int64(60), ResourceRecords: []types.ResourceRecord{{Value: aws.String("192.0.2.1")}}}}
		}
		return &sdk.ChangeResourceRecordSetsInput{HostedZoneId: aws.String(id), ChangeBatch: &types.ChangeBatch{Changes: changes}}
	}
	create, del := batch(types.ChangeActionCreate), batch(types.ChangeActionDelete)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range []*sdk.ChangeResourceRecordSetsInput{create, del} {
			if _, err := client.ChangeResourceRecordSets(context.Background(), in); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkSDKGetHostedZone compares the real SDK's GetHostedZone served
// by the fake with the same call answered by a canned response through the
// same in-memory transport.
func BenchmarkSDKGetHostedZone(b *testing.B) {
	cloud, id := benchZone(b, 10)
	rec := httptest.NewRecorder()
	cloud.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/2013-04-01/hostedzone/"+id[len("/hostedzone/"):], nil))
	canned := servicetest.Canned{Header: http.Header{"Content-Type": {"text/xml"}}, Body: rec.Body.Bytes()}
	floor := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil {
			r.Body = http.NoBody // a GET carries none; Canned reads it
		}
		canned.ServeHTTP(w, r)
	})
	clientOf := func(h http.Handler) *sdk.Client {
		cfg := cloud.AWSConfig()
		cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: h}}
		return sdk.NewFromConfig(cfg)
	}
	clients := [2]*sdk.Client{clientOf(cloud.Handler()), clientOf(floor)}
	in := &sdk.GetHostedZoneInput{Id: aws.String(id)}
	var spent [2]time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range clients {
			start := time.Now()
			if _, err := c.GetHostedZone(context.Background(), in); err != nil {
				b.Fatal(err)
			}
			spent[i] += time.Since(start)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(spent[0].Nanoseconds())/n, "fake-ns/call")
	b.ReportMetric(float64(spent[1].Nanoseconds())/n, "canned-ns/call")
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "ratio")
}

// BenchmarkSDKGetHealthCheckStatus is the hot read of health checks (what
// a failover dashboard polls): the checker's last observation through the
// SDK on an in-memory transport, against the floor of a canned answer.
func BenchmarkSDKGetHealthCheckStatus(b *testing.B) {
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	b.Cleanup(func() { _ = cloud.Close() })
	ctx := context.Background()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = ln.Close() })
	go func() {
		for c, err := ln.Accept(); err == nil; c, err = ln.Accept() {
			_ = c.Close()
		}
	}()
	ap := netip.MustParseAddrPort(ln.Addr().String())
	hc, err := cloud.Route53().CreateHealthCheck(ctx, route53.CreateHealthCheckInput{CallerReference: "b",
		HealthCheckConfig: route53.HealthCheckConfig{Type: "TCP", IPAddress: "127.0.0.1", Port: aws.Int32(int32(ap.Port()))}})
	if err != nil {
		b.Fatal(err)
	}
	clk.Advance(30 * time.Second)
	if err := cloud.Settle(ctx); err != nil {
		b.Fatal(err)
	}
	id := hc.HealthCheck.Id
	rec := httptest.NewRecorder()
	cloud.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/2013-04-01/healthcheck/"+id+"/status", nil))
	canned := servicetest.Canned{Header: http.Header{"Content-Type": {"text/xml"}}, Body: rec.Body.Bytes()}
	floor := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil {
			r.Body = http.NoBody
		}
		canned.ServeHTTP(w, r)
	})
	clientOf := func(h http.Handler) *sdk.Client {
		cfg := cloud.AWSConfig()
		cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: h}}
		return sdk.NewFromConfig(cfg)
	}
	clients := [2]*sdk.Client{clientOf(cloud.Handler()), clientOf(floor)}
	in := &sdk.GetHealthCheckStatusInput{HealthCheckId: aws.String(id)}
	var spent [2]time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range clients {
			start := time.Now()
			out, err := c.GetHealthCheckStatus(ctx, in)
			if err != nil || len(out.HealthCheckObservations) != 1 {
				b.Fatal(err, out)
			}
			spent[i] += time.Since(start)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(spent[0].Nanoseconds())/n, "fake-ns/call")
	b.ReportMetric(float64(spent[1].Nanoseconds())/n, "canned-ns/call")
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "ratio")
}
