package main

import (
	"context"
	"net"
	"os/exec"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dnsAddr is the address the server said its name servers listen on.
func dnsAddr(t *testing.T, s *testServer) string {
	t.Helper()
	m := regexp.MustCompile(`DNS on udp and tcp (\S+)`).FindStringSubmatch(s.stdout.String())
	require.NotNil(t, m, s.stdout.String())
	return m[1]
}

// resolverAt is a Go resolver that asks the name servers at addr over
// network (udp or tcp).
func resolverAt(addr, network string) *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}}
}

// With -dns-addr the server answers DNS for the zones created through its
// API, over UDP and TCP, and keeps its sockets across a reset: the new
// cloud, without the zone, refuses the name.
func TestDNSAddr_AnswersTheCloudsZonesAcrossAReset(t *testing.T) {
	s := startServer(t, "-dns-addr", "127.0.0.1:0")
	addr := dnsAddr(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	client := route53.NewFromConfig(s.awsConfig())
	zone, err := client.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String("example.com"), CallerReference: aws.String("r1")})
	require.NoError(t, err)
	_, err = client.ChangeResourceRecordSets(ctx, &route53.ChangeResourceRecordSetsInput{HostedZoneId: zone.HostedZone.Id,
		ChangeBatch: &types.ChangeBatch{Changes: []types.Change{{Action: types.ChangeActionCreate, ResourceRecordSet: &types.ResourceRecordSet{
			Name: aws.String("www.example.com"), Type: types.RRTypeA, TTL: aws.Int64(60), ResourceRecords: []types.ResourceRecord{{Value: aws.String("192.0.2.10")}}}}}}})
	require.NoError(t, err)
	for _, network := range []string{"udp", "tcp"} {
		got, err := resolverAt(addr, network).LookupHost(ctx, "www.example.com.")
		require.NoError(t, err, network)
		assert.Equal(t, []string{"192.0.2.10"}, got, network)
	}
	if dig, err := exec.LookPath("dig"); err == nil {
		host, port, _ := net.SplitHostPort(addr)
		out, err := exec.CommandContext(ctx, dig, "@"+host, "-p", port, "+time=2", "+tries=1", "+short", "www.example.com", "A").CombinedOutput()
		require.NoError(t, err, string(out))
		assert.Equal(t, "192.0.2.10\n", string(out))
	}
	status, _ := s.do(t, "POST", "/_awsfake/reset", "")
	require.Equal(t, 200, status)
	_, err = resolverAt(addr, "udp").LookupHost(ctx, "www.example.com.")
	var dnsErr *net.DNSError
	require.ErrorAs(t, err, &dnsErr, "the reset cloud has no zone: REFUSED")
}

// Without -dns-addr no name server listens; -dns-addr refuses a
// non-loopback address without -allow-remote.
func TestDNSAddr_OffByDefaultAndLoopbackOnly(t *testing.T) {
	s := startServer(t)
	assert.NotContains(t, s.stdout.String(), "DNS on")
	_, err := parseFlags([]string{"-dns-addr", "0.0.0.0:53"}, &syncBuffer{})
	assert.Error(t, err)
}
