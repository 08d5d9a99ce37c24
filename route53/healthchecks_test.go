package route53_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// backend is an httptest server whose answer a test switches.
type backend struct {
	srv    *httptest.Server
	status atomic.Int32
	body   atomic.Value // string
}

func newBackend(t *testing.T) *backend {
	t.Helper()
	b := &backend{}
	b.status.Store(200)
	b.body.Store("ok")
	b.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(int(b.status.Load()))
		_, _ = w.Write([]byte(b.body.Load().(string)))
	}))
	t.Cleanup(b.srv.Close)
	return b
}

// hostPort is the backend's address as a health check names it.
func hostPort(t *testing.T, rawURL string) (string, int32) {
	t.Helper()
	ap := netip.MustParseAddrPort(strings.TrimPrefix(strings.TrimPrefix(rawURL, "http://"), "https://"))
	return ap.Addr().String(), int32(ap.Port())
}

func (e *env) healthCheck(t *testing.T, ref string, cfg types.HealthCheckConfig) string {
	t.Helper()
	out, err := e.client.CreateHealthCheck(e.ctx, &sdk.CreateHealthCheckInput{CallerReference: aws.String(ref), HealthCheckConfig: &cfg})
	require.NoError(t, err)
	return aws.ToString(out.HealthCheck.Id)
}

// advance moves the clock and waits for the probes it made due.
func (e *env) advance(t *testing.T, d time.Duration) {
	t.Helper()
	e.clk.Advance(d)
	require.NoError(t, e.cloud.Settle(e.ctx))
}

func (e *env) status(t *testing.T, id string) []types.HealthCheckObservation {
	t.Helper()
	out, err := e.client.GetHealthCheckStatus(e.ctx, &sdk.GetHealthCheckStatusInput{HealthCheckId: aws.String(id)})
	require.NoError(t, err)
	return out.HealthCheckObservations
}

// failoverZone creates f.example.com: PRIMARY 192.0.2.1 under hc, SECONDARY
// 192.0.2.2, and returns a func that asks for it.
func (e *env) failoverZone(t *testing.T, hc string) func() []string {
	id := e.zone(t, "example.com")
	e.mustChange(t, id,
		identified(rec(types.ChangeActionCreate, "f.example.com", types.RRTypeA, 60, "192.0.2.1"), "p", func(rs *types.ResourceRecordSet) {
			rs.Failover, rs.HealthCheckId = types.ResourceRecordSetFailoverPrimary, aws.String(hc)
		}),
		identified(rec(types.ChangeActionCreate, "f.example.com", types.RRTypeA, 60, "192.0.2.2"), "s", func(rs *types.ResourceRecordSet) {
			rs.Failover = types.ResourceRecordSetFailoverSecondary
		}),
	)
	return func() []string {
		return e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("f.example.com"), RecordType: types.RRTypeA}).RecordData
	}
}

// A failover record set follows its HTTP health check: the backend stops
// answering 2xx, and after RequestInterval × FailureThreshold (not
// before) the secondary answers; when it comes back, after as many good
// probes the primary does again.
func TestHealthCheck_FailoverFollowsHTTPBackend(t *testing.T) {
	e := newEnv(t)
	b := newBackend(t)
	ip, port := hostPort(t, b.srv.URL)
	hc := e.healthCheck(t, "hc", types.HealthCheckConfig{Type: types.HealthCheckTypeHttp, IPAddress: aws.String(ip), Port: aws.Int32(port),
		ResourcePath: aws.String("/health"), RequestInterval: aws.Int32(10), FailureThreshold: aws.Int32(3)})
	ask := e.failoverZone(t, hc)
	require.Empty(t, e.status(t, hc), "no observation before the first probe")
	assert.Equal(t, []string{"192.0.2.1"}, ask())
	e.advance(t, 10*time.Second)
	obs := e.status(t, hc)
	require.Len(t, obs, 1)
	assert.Equal(t, "Success: HTTP Status Code 200, OK", aws.ToString(obs[0].StatusReport.Status))
	assert.Equal(t, t0.Add(10*time.Second), aws.ToTime(obs[0].StatusReport.CheckedTime))

	b.status.Store(503) // down just after the probe at 10 s
	// The clock stops at each probe's instant (20 s, 30 s) until the probe
	// has answered: a probe runs on its own goroutine, and one Advance over
	// several probe instants would race it.
	e.advance(t, 10*time.Second)
	e.advance(t, 10*time.Second)
	e.advance(t, 9*time.Second)
	assert.Equal(t, []string{"192.0.2.1"}, ask(), "two failures of three: still the primary")
	e.advance(t, time.Second) // 40 s: the third failure
	assert.Equal(t, []string{"192.0.2.2"}, ask())
	e.cloud.Route53().CheckAnswer(t, "f.example.com", "A", netip.MustParseAddr("192.0.2.53"), "192.0.2.2") // the name servers too
	e.cloud.Route53().CheckHealthCheck(t, hc, false)
	assert.Equal(t, "Failure: HTTP Status Code 503, Service Unavailable", aws.ToString(e.status(t, hc)[0].StatusReport.Status))

	b.status.Store(302) // 3xx is healthy
	e.advance(t, 10*time.Second)
	e.advance(t, 10*time.Second)
	e.advance(t, 9*time.Second)
	assert.Equal(t, []string{"192.0.2.2"}, ask())
	e.advance(t, time.Second)
	assert.Equal(t, []string{"192.0.2.1"}, ask())

	last, err := e.client.GetHealthCheckLastFailureReason(e.ctx, &sdk.GetHealthCheckLastFailureReasonInput{HealthCheckId: aws.String(hc)})
	require.NoError(t, err)
	require.Len(t, last.HealthCheckObservations, 1)
	assert.Equal(t, t0.Add(40*time.Second), aws.ToTime(last.HealthCheckObservations[0].StatusReport.CheckedTime))
}

// A string match is healthy only when the string is in the first 5,120
// bytes of the body.
func TestHealthCheck_StringMatch(t *testing.T) {
	e := newEnv(t)
	b := newBackend(t)
	b.body.Store("status: green")
	ip, port := hostPort(t, b.srv.URL)
	hc := e.healthCheck(t, "str", types.HealthCheckConfig{Type: types.HealthCheckTypeHttpStrMatch, IPAddress: aws.String(ip), Port: aws.Int32(port),
		SearchString: aws.String("green"), RequestInterval: aws.Int32(10), FailureThreshold: aws.Int32(1)})
	ask := e.failoverZone(t, hc)
	e.advance(t, 10*time.Second)
	assert.True(t, strings.HasPrefix(aws.ToString(e.status(t, hc)[0].StatusReport.Status), "Success: HTTP Status Code 200, OK"))
	assert.Equal(t, []string{"192.0.2.1"}, ask())

	b.body.Store(strings.Repeat("x", 5120-len("green")) + "green") // the last bytes of the window
	e.advance(t, 10*time.Second)
	assert.Equal(t, []string{"192.0.2.1"}, ask())

	b.body.Store(strings.Repeat("x", 5121-len("green")) + "green") // one byte past it
	e.advance(t, 10*time.Second)
	assert.Equal(t, "Failure: Search string not found in response body.", aws.ToString(e.status(t, hc)[0].StatusReport.Status))
	assert.Equal(t, []string{"192.0.2.2"}, ask())
}

// A TCP check is healthy while the port accepts connections; Inverted
// turns its answer over.
func TestHealthCheck_TCPAndInverted(t *testing.T) {
	e := newEnv(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			_ = c.Close()
		}
	}()
	ap := netip.MustParseAddrPort(ln.Addr().String())
	cfg := types.HealthCheckConfig{Type: types.HealthCheckTypeTcp, IPAddress: aws.String("127.0.0.1"), Port: aws.Int32(int32(ap.Port())),
		RequestInterval: aws.Int32(10), FailureThreshold: aws.Int32(1)}
	hc := e.healthCheck(t, "tcp", cfg)
	ask := e.failoverZone(t, hc)
	e.advance(t, 10*time.Second)
	assert.Equal(t, "Success: TCP connection established.", aws.ToString(e.status(t, hc)[0].StatusReport.Status))
	assert.Equal(t, []string{"192.0.2.1"}, ask())

	_, err = e.client.UpdateHealthCheck(e.ctx, &sdk.UpdateHealthCheckInput{HealthCheckId: aws.String(hc), Inverted: aws.Bool(true)})
	require.NoError(t, err)
	assert.Equal(t, []string{"192.0.2.2"}, ask(), "inverted: a healthy endpoint is unhealthy")

	require.NoError(t, ln.Close())
	e.advance(t, 10*time.Second)
	assert.True(t, strings.HasPrefix(aws.ToString(e.status(t, hc)[0].StatusReport.Status), "Failure: Connection refused."))
	assert.Equal(t, []string{"192.0.2.1"}, ask(), "inverted: a refused connection is healthy")
}

// A calculated check is healthy while at least HealthThreshold of its
// children are.
func TestHealthCheck_Calculated(t *testing.T) {
	e := newEnv(t)
	var kids []string
	for i := range 3 {
		kids = append(kids, e.healthCheck(t, "kid"+strconv.Itoa(i), types.HealthCheckConfig{Type: types.HealthCheckTypeTcp,
			IPAddress: aws.String("192.0.2.10"), Port: aws.Int32(80)}))
	}
	calc := e.healthCheck(t, "calc", types.HealthCheckConfig{Type: types.HealthCheckTypeCalculated, ChildHealthChecks: kids, HealthThreshold: aws.Int32(2)})
	ask := e.failoverZone(t, calc)
	r53 := e.cloud.Route53()
	assert.Equal(t, []string{"192.0.2.1"}, ask())
	r53.SetHealthCheckStatus(kids[0], false)
	assert.Equal(t, []string{"192.0.2.1"}, ask(), "two of three healthy")
	r53.SetHealthCheckStatus(kids[2], false)
	assert.Equal(t, []string{"192.0.2.2"}, ask(), "one of three healthy")
	r53.ClearHealthCheckStatus(kids[0])
	assert.Equal(t, []string{"192.0.2.1"}, ask())

	// A calculated check has no checker observations.
	_, err := e.client.GetHealthCheckStatus(e.ctx, &sdk.GetHealthCheckStatusInput{HealthCheckId: aws.String(calc)})
	var bad *types.InvalidInput
	require.ErrorAs(t, err, &bad)
	// Its children must exist.
	_, err = e.client.CreateHealthCheck(e.ctx, &sdk.CreateHealthCheckInput{CallerReference: aws.String("calc2"),
		HealthCheckConfig: &types.HealthCheckConfig{Type: types.HealthCheckTypeCalculated, ChildHealthChecks: []string{"nope"}}})
	require.ErrorAs(t, err, &bad)
}

// An HTTP probe that connects but gets no status within 2 s on the cloud's
// clock fails as timed out: not at 1.999 s, at 2 s.
func TestHealthCheck_StatusTimeoutOnTheClock(t *testing.T) {
	e := newEnv(t)
	reached := make(chan struct{}, 1)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	ip, port := hostPort(t, srv.URL)
	hc := e.healthCheck(t, "slow", types.HealthCheckConfig{Type: types.HealthCheckTypeHttp, IPAddress: aws.String(ip), Port: aws.Int32(port),
		RequestInterval: aws.Int32(10), FailureThreshold: aws.Int32(1)})
	e.clk.Advance(10 * time.Second)
	<-reached // connected, waiting for the status
	e.clk.Advance(2*time.Second - time.Millisecond)
	assert.Empty(t, e.status(t, hc), "still waiting at 1.999 s")
	e.advance(t, time.Millisecond)
	obs := e.status(t, hc)
	require.Len(t, obs, 1)
	assert.True(t, strings.HasPrefix(aws.ToString(obs[0].StatusReport.Status), "Failure: Connection timed out."), aws.ToString(obs[0].StatusReport.Status))
}

// CreateHealthCheck validates its settings, fills AWS's defaults, and is
// idempotent on CallerReference with the same settings.
func TestHealthCheck_CreateValidatesAndDefaults(t *testing.T) {
	e := newEnv(t)
	var bad *types.InvalidInput
	for name, cfg := range map[string]types.HealthCheckConfig{
		"no endpoint":      {Type: types.HealthCheckTypeHttp},
		"interval 20":      {Type: types.HealthCheckTypeHttp, IPAddress: aws.String("192.0.2.1"), RequestInterval: aws.Int32(20)},
		"threshold 11":     {Type: types.HealthCheckTypeHttp, IPAddress: aws.String("192.0.2.1"), FailureThreshold: aws.Int32(11)},
		"threshold 0":      {Type: types.HealthCheckTypeHttp, IPAddress: aws.String("192.0.2.1"), FailureThreshold: aws.Int32(0)},
		"no search":        {Type: types.HealthCheckTypeHttpStrMatch, IPAddress: aws.String("192.0.2.1")},
		"tcp without port": {Type: types.HealthCheckTypeTcp, IPAddress: aws.String("192.0.2.1")},
		"bad address":      {Type: types.HealthCheckTypeHttp, IPAddress: aws.String("300.1.1.1")},
	} {
		_, err := e.client.CreateHealthCheck(e.ctx, &sdk.CreateHealthCheckInput{CallerReference: aws.String(name), HealthCheckConfig: &cfg})
		require.ErrorAs(t, err, &bad, name)
	}
	n, err := e.client.GetHealthCheckCount(e.ctx, &sdk.GetHealthCheckCountInput{})
	require.NoError(t, err)
	assert.Zero(t, aws.ToInt64(n.HealthCheckCount), "nothing created by refused calls")

	cfg := types.HealthCheckConfig{Type: types.HealthCheckTypeHttps, FullyQualifiedDomainName: aws.String("www.example.com")}
	out, err := e.client.CreateHealthCheck(e.ctx, &sdk.CreateHealthCheckInput{CallerReference: aws.String("r"), HealthCheckConfig: &cfg})
	require.NoError(t, err)
	got := out.HealthCheck.HealthCheckConfig
	assert.Equal(t, int32(443), aws.ToInt32(got.Port))
	assert.Equal(t, int32(30), aws.ToInt32(got.RequestInterval))
	assert.Equal(t, int32(3), aws.ToInt32(got.FailureThreshold))
	assert.True(t, aws.ToBool(got.EnableSNI))
	assert.Equal(t, int64(1), aws.ToInt64(out.HealthCheck.HealthCheckVersion))
	assert.Contains(t, aws.ToString(out.Location), aws.ToString(out.HealthCheck.Id))

	again, err := e.client.CreateHealthCheck(e.ctx, &sdk.CreateHealthCheckInput{CallerReference: aws.String("r"), HealthCheckConfig: &cfg})
	require.NoError(t, err)
	assert.Equal(t, aws.ToString(out.HealthCheck.Id), aws.ToString(again.HealthCheck.Id), "same reference, same settings")
	other := cfg
	other.ResourcePath = aws.String("/other")
	_, err = e.client.CreateHealthCheck(e.ctx, &sdk.CreateHealthCheckInput{CallerReference: aws.String("r"), HealthCheckConfig: &other})
	var exists *types.HealthCheckAlreadyExists
	require.ErrorAs(t, err, &exists)
}

// The quota of health checks per account is TooManyHealthChecks.
func TestHealthCheck_Quota(t *testing.T) {
	e := newEnv(t)
	for i := range 200 {
		e.healthCheck(t, "q"+strconv.Itoa(i), types.HealthCheckConfig{Type: types.HealthCheckTypeTcp, IPAddress: aws.String("192.0.2.1"), Port: aws.Int32(80)})
	}
	_, err := e.client.CreateHealthCheck(e.ctx, &sdk.CreateHealthCheckInput{CallerReference: aws.String("one more"),
		HealthCheckConfig: &types.HealthCheckConfig{Type: types.HealthCheckTypeTcp, IPAddress: aws.String("192.0.2.1"), Port: aws.Int32(80)}})
	var tooMany *types.TooManyHealthChecks
	require.ErrorAs(t, err, &tooMany)
}

// Get, Update (versioned), List, tags and Delete.
func TestHealthCheck_Lifecycle(t *testing.T) {
	e := newEnv(t)
	a := e.healthCheck(t, "a", types.HealthCheckConfig{Type: types.HealthCheckTypeHttp, IPAddress: aws.String("192.0.2.1"), ResourcePath: aws.String("/x")})
	b := e.healthCheck(t, "b", types.HealthCheckConfig{Type: types.HealthCheckTypeTcp, IPAddress: aws.String("192.0.2.2"), Port: aws.Int32(22)})

	up, err := e.client.UpdateHealthCheck(e.ctx, &sdk.UpdateHealthCheckInput{HealthCheckId: aws.String(a), HealthCheckVersion: aws.Int64(1),
		FailureThreshold: aws.Int32(5), ResetElements: []types.ResettableElementName{types.ResettableElementNameResourcePath}})
	require.NoError(t, err)
	assert.Equal(t, int64(2), aws.ToInt64(up.HealthCheck.HealthCheckVersion))
	assert.Equal(t, int32(5), aws.ToInt32(up.HealthCheck.HealthCheckConfig.FailureThreshold))
	assert.Empty(t, aws.ToString(up.HealthCheck.HealthCheckConfig.ResourcePath))
	_, err = e.client.UpdateHealthCheck(e.ctx, &sdk.UpdateHealthCheckInput{HealthCheckId: aws.String(a), HealthCheckVersion: aws.Int64(1), FailureThreshold: aws.Int32(2)})
	var mismatch *types.HealthCheckVersionMismatch
	require.ErrorAs(t, err, &mismatch)
	_, err = e.client.UpdateHealthCheck(e.ctx, &sdk.UpdateHealthCheckInput{HealthCheckId: aws.String(a), FailureThreshold: aws.Int32(11)})
	var bad *types.InvalidInput
	require.ErrorAs(t, err, &bad)
	got, err := e.client.GetHealthCheck(e.ctx, &sdk.GetHealthCheckInput{HealthCheckId: aws.String(a)})
	require.NoError(t, err)
	assert.Equal(t, int32(5), aws.ToInt32(got.HealthCheck.HealthCheckConfig.FailureThreshold), "a refused update changes nothing")

	page, err := e.client.ListHealthChecks(e.ctx, &sdk.ListHealthChecksInput{MaxItems: aws.Int32(1)})
	require.NoError(t, err)
	require.Len(t, page.HealthChecks, 1)
	assert.Equal(t, a, aws.ToString(page.HealthChecks[0].Id))
	require.True(t, page.IsTruncated)
	page, err = e.client.ListHealthChecks(e.ctx, &sdk.ListHealthChecksInput{Marker: page.NextMarker})
	require.NoError(t, err)
	require.Len(t, page.HealthChecks, 1)
	assert.Equal(t, b, aws.ToString(page.HealthChecks[0].Id))

	_, err = e.client.ChangeTagsForResource(e.ctx, &sdk.ChangeTagsForResourceInput{ResourceType: types.TagResourceTypeHealthcheck, ResourceId: aws.String(b),
		AddTags: []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}})
	require.NoError(t, err)
	tags, err := e.client.ListTagsForResource(e.ctx, &sdk.ListTagsForResourceInput{ResourceType: types.TagResourceTypeHealthcheck, ResourceId: aws.String(b)})
	require.NoError(t, err)
	require.Len(t, tags.ResourceTagSet.Tags, 1)
	assert.Equal(t, types.TagResourceTypeHealthcheck, tags.ResourceTagSet.ResourceType)

	_, err = e.client.DeleteHealthCheck(e.ctx, &sdk.DeleteHealthCheckInput{HealthCheckId: aws.String(a)})
	require.NoError(t, err)
	_, err = e.client.GetHealthCheck(e.ctx, &sdk.GetHealthCheckInput{HealthCheckId: aws.String(a)})
	var missing *types.NoSuchHealthCheck
	require.ErrorAs(t, err, &missing)
	_, err = e.client.DeleteHealthCheck(e.ctx, &sdk.DeleteHealthCheckInput{HealthCheckId: aws.String(a)})
	require.ErrorAs(t, err, &missing)
	// A deleted check's reference stays taken.
	_, err = e.client.CreateHealthCheck(e.ctx, &sdk.CreateHealthCheckInput{CallerReference: aws.String("a"),
		HealthCheckConfig: &types.HealthCheckConfig{Type: types.HealthCheckTypeHttp, IPAddress: aws.String("192.0.2.1")}})
	var exists *types.HealthCheckAlreadyExists
	require.ErrorAs(t, err, &exists)
	n, err := e.client.GetHealthCheckCount(e.ctx, &sdk.GetHealthCheckCountInput{})
	require.NoError(t, err)
	assert.Equal(t, int64(1), aws.ToInt64(n.HealthCheckCount))
}

// Close cancels a probe that its endpoint holds, and returns.
func TestHealthCheck_CloseCancelsAProbeInFlight(t *testing.T) {
	e := newEnv(t)
	reached := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached <- struct{}{}
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	ip, port := hostPort(t, srv.URL)
	e.healthCheck(t, "held", types.HealthCheckConfig{Type: types.HealthCheckTypeHttp, IPAddress: aws.String(ip), Port: aws.Int32(port), RequestInterval: aws.Int32(10)})
	e.clk.Advance(10 * time.Second)
	<-reached
	e.cloud.Route53().Close() // returns: the probe is cancelled
}

// SetHealthCheckProber's dialer makes the probes; a TCP connection not
// made within 10 s on the cloud's clock times out: not at 9.999 s, at 10 s.
func TestHealthCheck_TCPConnectTimeoutThroughTheProbersDialer(t *testing.T) {
	e := newEnv(t)
	dialing := make(chan string, 1)
	e.cloud.Route53().SetHealthCheckProber(nil, func(ctx context.Context, network, addr string) (net.Conn, error) {
		dialing <- addr
		<-ctx.Done() // a black hole: only the deadline ends it
		return nil, ctx.Err()
	})
	hc := e.healthCheck(t, "hole", types.HealthCheckConfig{Type: types.HealthCheckTypeTcp, IPAddress: aws.String("203.0.113.9"), Port: aws.Int32(5432),
		RequestInterval: aws.Int32(30), FailureThreshold: aws.Int32(1)})
	e.clk.Advance(30 * time.Second)
	assert.Equal(t, "203.0.113.9:5432", <-dialing)
	e.clk.Advance(10*time.Second - time.Millisecond)
	assert.Empty(t, e.status(t, hc))
	e.advance(t, time.Millisecond)
	obs := e.status(t, hc)
	require.Len(t, obs, 1)
	assert.True(t, strings.HasPrefix(aws.ToString(obs[0].StatusReport.Status), "Failure: Connection timed out."))
	assert.Equal(t, t0.Add(30*time.Second), aws.ToTime(obs[0].StatusReport.CheckedTime))
	assert.Equal(t, types.HealthCheckRegionUsEast1, obs[0].Region)
	e.cloud.Route53().CheckHealthCheck(t, hc, false)
}

// An HTTPS check does not validate the endpoint's certificate (AWS does
// not): a self-signed httptest TLS server is healthy. The FQDN is the Host.
func TestHealthCheck_HTTPSSelfSignedAndHost(t *testing.T) {
	e := newEnv(t)
	hosts := make(chan string, 4)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hosts <- r.Host + " " + r.URL.Path + " " + r.UserAgent()
	}))
	t.Cleanup(srv.Close)
	ip, port := hostPort(t, srv.URL)
	hc := e.healthCheck(t, "tls", types.HealthCheckConfig{Type: types.HealthCheckTypeHttps, IPAddress: aws.String(ip), Port: aws.Int32(port),
		FullyQualifiedDomainName: aws.String("www.example.com"), ResourcePath: aws.String("status"), RequestInterval: aws.Int32(10)})
	e.advance(t, 10*time.Second)
	assert.Equal(t, "Success: HTTP Status Code 200, OK", aws.ToString(e.status(t, hc)[0].StatusReport.Status))
	assert.Equal(t, "www.example.com /status Amazon-Route53-Health-Check-Service", <-hosts)
}
