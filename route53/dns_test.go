package route53_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"net/netip"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/route53"
)

// Go's resolver, through the in-memory dialer, follows a CNAME chain that
// crosses two of the cloud's zones to its addresses, with no socket.
func TestResolver_CNAMEChainResolvedByNetResolver(t *testing.T) {
	e := newEnv(t)
	a := e.zone(t, "example.com")
	b := e.zone(t, "cdn.example.net")
	e.mustChange(t, a, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeCname, 300, "edge.example.com"),
		rec(types.ChangeActionCreate, "edge.example.com", types.RRTypeCname, 300, "pop1.cdn.example.net"))
	e.mustChange(t, b, rec(types.ChangeActionCreate, "pop1.cdn.example.net", types.RRTypeA, 60, "192.0.2.10", "192.0.2.11"),
		rec(types.ChangeActionCreate, "pop1.cdn.example.net", types.RRTypeAaaa, 60, "2001:db8::10"))
	r := e.cloud.Route53().Resolver(netip.MustParseAddr("100.64.0.1"))
	addrs, err := r.LookupHost(e.ctx, "www.example.com.")
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"192.0.2.10", "192.0.2.11", "2001:db8::10"}, addrs)
	cname, err := r.LookupCNAME(e.ctx, "www.example.com.")
	require.NoError(t, err)
	// Go's resolver takes the canonical name from whichever of its A and
	// AAAA answers it reads first: a name of the chain either way.
	assert.Contains(t, []string{"edge.example.com.", "pop1.cdn.example.net."}, cname)
}

// A missing name is NXDOMAIN (Go's IsNotFound), a missing type NODATA;
// MX, TXT and SRV records decode in Go's resolver.
func TestResolver_NXDomainNodataAndOtherTypes(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id,
		rec(types.ChangeActionCreate, "example.com", types.RRTypeMx, 300, "10 mail.example.com."),
		rec(types.ChangeActionCreate, "example.com", types.RRTypeTxt, 300, `"v=spf1 -all" "second"`),
		rec(types.ChangeActionCreate, "_sip._tcp.example.com", types.RRTypeSrv, 300, "1 5 5060 sip.example.com."),
		rec(types.ChangeActionCreate, "v4.example.com", types.RRTypeA, 300, "192.0.2.1"),
	)
	r := e.cloud.Route53().Resolver(netip.MustParseAddr("100.64.0.1"))
	_, err := r.LookupHost(e.ctx, "nope.example.com.")
	var dnsErr *net.DNSError
	require.ErrorAs(t, err, &dnsErr)
	assert.True(t, dnsErr.IsNotFound)
	ips, err := r.LookupIP(e.ctx, "ip6", "v4.example.com.")
	require.Error(t, err, "NODATA for AAAA")
	assert.Empty(t, ips)
	mx, err := r.LookupMX(e.ctx, "example.com.")
	require.NoError(t, err)
	require.Len(t, mx, 1)
	assert.Equal(t, "mail.example.com.", mx[0].Host)
	txt, err := r.LookupTXT(e.ctx, "example.com.")
	require.NoError(t, err)
	assert.Equal(t, []string{"v=spf1 -allsecond"}, txt)
	_, srv, err := r.LookupSRV(e.ctx, "sip", "tcp", "example.com.")
	require.NoError(t, err)
	require.Len(t, srv, 1)
	assert.Equal(t, uint16(5060), srv[0].Port)
	ns, err := r.LookupNS(e.ctx, "example.com.")
	require.NoError(t, err)
	assert.Len(t, ns, 4)
}

// query builds a DNS query for name and type, with an EDNS0 client subnet
// when subnet is valid.
func query(id uint16, name string, qtype uint16, subnet netip.Prefix) []byte {
	b := binary.BigEndian.AppendUint16(nil, id)
	b = append(b, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0)
	for _, l := range strings.Split(strings.TrimSuffix(name, "."), ".") {
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	b = append(b, 0)
	b = binary.BigEndian.AppendUint16(b, qtype)
	b = binary.BigEndian.AppendUint16(b, 1)
	if subnet.IsValid() {
		b[11] = 1 // ARCOUNT
		addr := subnet.Addr().AsSlice()[:(subnet.Bits()+7)/8]
		b = append(b, 0, 0, 41, 4, 208, 0, 0, 0, 0)
		b = binary.BigEndian.AppendUint16(b, uint16(8+len(addr)))
		b = append(b, 0, 8)
		b = binary.BigEndian.AppendUint16(b, uint16(4+len(addr)))
		b = append(b, 0, 1, byte(subnet.Bits()), 0)
		b = append(b, addr...)
	}
	return b
}

// exchange sends a query over conn (stream framing) and returns the rcode
// and the A records of the answer section.
func exchange(t *testing.T, conn net.Conn, q []byte) (rcode int, as []string) {
	t.Helper()
	_, err := conn.Write(append(binary.BigEndian.AppendUint16(nil, uint16(len(q))), q...))
	require.NoError(t, err)
	var size [2]byte
	_, err = io.ReadFull(conn, size[:])
	require.NoError(t, err)
	msg := make([]byte, binary.BigEndian.Uint16(size[:]))
	_, err = io.ReadFull(conn, msg)
	require.NoError(t, err)
	return parseAnswer(t, msg)
}

func parseAnswer(t *testing.T, msg []byte) (rcode int, as []string) {
	t.Helper()
	rcode = int(msg[3] & 0xF)
	an := int(binary.BigEndian.Uint16(msg[6:]))
	off := 12
	skipName := func() {
		for msg[off] != 0 {
			off += int(msg[off]) + 1
		}
		off++
	}
	skipName()
	off += 4
	for range an {
		skipName()
		typ := binary.BigEndian.Uint16(msg[off:])
		n := int(binary.BigEndian.Uint16(msg[off+8:]))
		off += 10
		if typ == 1 {
			as = append(as, netip.AddrFrom4([4]byte(msg[off:off+4])).String())
		}
		off += n
	}
	return rcode, as
}

// Geolocation by the EDNS0 client subnet of a query, with a default for
// clients nowhere else; the answer echoes the subnet with its scope.
func TestDNS_GeolocationByClientSubnet(t *testing.T) {
	e := newEnv(t)
	r53 := e.cloud.Route53()
	r53.SetClientLocation(netip.MustParsePrefix("198.51.100.0/24"), route53.ClientLocation{ContinentCode: "EU", CountryCode: "FR"})
	id := e.zone(t, "example.com")
	e.mustChange(t, id,
		identified(rec(types.ChangeActionCreate, "geo.example.com", types.RRTypeA, 60, "10.0.0.1"), "fr", func(rs *types.ResourceRecordSet) {
			rs.GeoLocation = &types.GeoLocation{CountryCode: aws.String("FR")}
		}),
		identified(rec(types.ChangeActionCreate, "geo.example.com", types.RRTypeA, 60, "10.0.0.9"), "default", func(rs *types.ResourceRecordSet) {
			rs.GeoLocation = &types.GeoLocation{CountryCode: aws.String("*")}
		}),
	)
	conn, err := r53.DialDNS(netip.MustParseAddr("100.64.0.53"))(e.ctx, "udp", "ignored:53")
	require.NoError(t, err)
	defer conn.Close()
	rcode, as := exchange(t, conn, query(1, "geo.example.com", 1, netip.MustParsePrefix("198.51.100.0/24")))
	assert.Equal(t, 0, rcode)
	assert.Equal(t, []string{"10.0.0.1"}, as)
	_, as = exchange(t, conn, query(2, "geo.example.com", 1, netip.Prefix{}))
	assert.Equal(t, []string{"10.0.0.9"}, as, "the resolver's own address is nowhere: the default")
	rcode, _ = exchange(t, conn, query(3, "elsewhere.org", 1, netip.Prefix{}))
	assert.Equal(t, 5, rcode, "REFUSED outside the cloud's zones")
}

// ServeDNS answers on a real UDP socket until Close.
func TestServeDNS_UDPAndTCPUntilClose(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.1"))
	at, err := e.cloud.Route53().ServeDNS("127.0.0.1:0")
	require.NoError(t, err)
	for _, network := range []string{"udp", "tcp"} {
		r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, at.String())
		}}
		addrs, err := r.LookupHost(context.Background(), "www.example.com.")
		require.NoError(t, err, network)
		assert.Equal(t, []string{"192.0.2.1"}, addrs)
	}
	e.cloud.Route53().Close()
	_, err = net.Dial("tcp", at.String())
	require.Error(t, err, "the listener is closed")
}

// A UDP answer larger than the client's buffer is truncated (TC), and Go's
// resolver gets the whole answer over TCP from the same address.
func TestServeDNS_TruncatedUDPRetriedOverTCP(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	var values []string
	for i := range 40 {
		values = append(values, fmt.Sprintf(`"record number %02d of a long answer"`, i))
	}
	e.mustChange(t, id, rec(types.ChangeActionCreate, "big.example.com", types.RRTypeTxt, 60, values...))
	at, err := e.cloud.Route53().ServeDNS("127.0.0.1:0")
	require.NoError(t, err)
	var networks []string
	r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		networks = append(networks, network)
		var d net.Dialer
		return d.DialContext(ctx, network, at.String())
	}}
	txt, err := r.LookupTXT(context.Background(), "big.example.com.")
	require.NoError(t, err)
	assert.Len(t, txt, 40)
	assert.Contains(t, networks, "tcp", "the truncated UDP answer made the resolver retry over TCP")
}

// A type Route 53 does not store is NODATA for a name that exists and
// NXDOMAIN for one that does not.
func TestDNS_UnstoredTypeIsNodataOrNXDomain(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.1"))
	conn, err := e.cloud.Route53().DialDNS(netip.MustParseAddr("192.0.2.53"))(e.ctx, "tcp", "")
	require.NoError(t, err)
	defer conn.Close()
	rcode, as := exchange(t, conn, query(1, "www.example.com", 13, netip.Prefix{})) // HINFO
	assert.Equal(t, 0, rcode)
	assert.Empty(t, as)
	rcode, _ = exchange(t, conn, query(2, "nope.example.com", 13, netip.Prefix{}))
	assert.Equal(t, 3, rcode)
}
