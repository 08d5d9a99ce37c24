package route53_test

import (
	"net/netip"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/route53"
)

func (e *env) test(t *testing.T, in *sdk.TestDNSAnswerInput) *sdk.TestDNSAnswerOutput {
	t.Helper()
	out, err := e.client.TestDNSAnswer(e.ctx, in)
	require.NoError(t, err)
	return out
}

func identified(c types.Change, id string, f func(rs *types.ResourceRecordSet)) types.Change {
	c.ResourceRecordSet.SetIdentifier = aws.String(id)
	f(c.ResourceRecordSet)
	return c
}

// A simple record answers all its values; NXDOMAIN for a missing name,
// NOERROR with no data for a missing type.
func TestTestDNSAnswer_SimpleAndRcodes(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.1", "192.0.2.2", "192.0.2.3"))
	out := e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("www.example.com"), RecordType: types.RRTypeA})
	assert.Equal(t, "NOERROR", aws.ToString(out.ResponseCode))
	assert.Equal(t, "UDP", aws.ToString(out.Protocol))
	assert.ElementsMatch(t, []string{"192.0.2.1", "192.0.2.2", "192.0.2.3"}, out.RecordData)
	out = e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("nope.example.com"), RecordType: types.RRTypeA})
	assert.Equal(t, "NXDOMAIN", aws.ToString(out.ResponseCode))
	out = e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("www.example.com"), RecordType: types.RRTypeAaaa})
	assert.Equal(t, "NOERROR", aws.ToString(out.ResponseCode))
	assert.Empty(t, out.RecordData)
}

// The seeds' round robin: the values of a record come back in an order
// drawn from the seeded source, so over many answers each value leads.
func TestTestDNSAnswer_RoundRobinOrder(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.1", "192.0.2.2", "192.0.2.3"))
	first := map[string]int{}
	for range 60 {
		out := e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("www.example.com"), RecordType: types.RRTypeA})
		first[out.RecordData[0]]++
	}
	assert.Len(t, first, 3)
}

// A weighted split within a stated tolerance: weights 1 and 3 over 4,000
// answers from the seeded source give 25% ± 3 points; weight 0 is never
// answered while another weight is not 0; all-zero weights are equally
// likely (AWS: "traffic is routed to all resources with equal
// probability").
func TestTestDNSAnswer_WeightedSplit(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id,
		identified(rec(types.ChangeActionCreate, "w.example.com", types.RRTypeA, 60, "192.0.2.1"), "one", func(rs *types.ResourceRecordSet) { rs.Weight = aws.Int64(1) }),
		identified(rec(types.ChangeActionCreate, "w.example.com", types.RRTypeA, 60, "192.0.2.3"), "three", func(rs *types.ResourceRecordSet) { rs.Weight = aws.Int64(3) }),
		identified(rec(types.ChangeActionCreate, "w.example.com", types.RRTypeA, 60, "192.0.2.9"), "zero", func(rs *types.ResourceRecordSet) { rs.Weight = aws.Int64(0) }),
		identified(rec(types.ChangeActionCreate, "z.example.com", types.RRTypeA, 60, "192.0.2.1"), "a", func(rs *types.ResourceRecordSet) { rs.Weight = aws.Int64(0) }),
		identified(rec(types.ChangeActionCreate, "z.example.com", types.RRTypeA, 60, "192.0.2.2"), "b", func(rs *types.ResourceRecordSet) { rs.Weight = aws.Int64(0) }),
	)
	count := map[string]int{}
	const n = 4000
	for range n {
		out := e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("w.example.com"), RecordType: types.RRTypeA})
		require.Len(t, out.RecordData, 1)
		count[out.RecordData[0]]++
	}
	assert.Zero(t, count["192.0.2.9"])
	assert.InDelta(t, 0.25, float64(count["192.0.2.1"])/n, 0.03)
	zero := map[string]int{}
	for range 400 {
		out := e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("z.example.com"), RecordType: types.RRTypeA})
		zero[out.RecordData[0]]++
	}
	assert.InDelta(t, 0.5, float64(zero["192.0.2.1"])/400, 0.1)
}

// Geolocation by the client subnet: the subdivision, then the country,
// then the continent, then the default "*".
func TestTestDNSAnswer_GeolocationByClientSubnetWithDefault(t *testing.T) {
	e := newEnv(t)
	r53 := e.cloud.Route53()
	r53.SetClientLocation(netip.MustParsePrefix("198.51.100.0/24"), route53.ClientLocation{Region: "eu-west-3", ContinentCode: "EU", CountryCode: "FR"})
	r53.SetClientLocation(netip.MustParsePrefix("203.0.113.0/24"), route53.ClientLocation{Region: "ap-northeast-2", ContinentCode: "AS", CountryCode: "KR"})
	r53.SetClientLocation(netip.MustParsePrefix("192.0.2.0/24"), route53.ClientLocation{Region: "us-west-2", ContinentCode: "NA", CountryCode: "US", SubdivisionCode: "WA"})
	id := e.zone(t, "example.com")
	geo := func(value, sid string, g types.GeoLocation) types.Change {
		return identified(rec(types.ChangeActionCreate, "geo.example.com", types.RRTypeA, 60, value), sid, func(rs *types.ResourceRecordSet) { rs.GeoLocation = &g })
	}
	e.mustChange(t, id,
		geo("10.0.0.1", "fr", types.GeoLocation{CountryCode: aws.String("FR")}),
		geo("10.0.0.2", "asia", types.GeoLocation{ContinentCode: aws.String("AS")}),
		geo("10.0.0.3", "wa", types.GeoLocation{CountryCode: aws.String("US"), SubdivisionCode: aws.String("WA")}),
		geo("10.0.0.9", "default", types.GeoLocation{CountryCode: aws.String("*")}),
	)
	for subnet, want := range map[string]string{"198.51.100.7": "10.0.0.1", "203.0.113.200": "10.0.0.2", "192.0.2.33": "10.0.0.3", "100.64.0.1": "10.0.0.9"} {
		out := e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("geo.example.com"), RecordType: types.RRTypeA,
			ResolverIP: aws.String("100.64.9.9"), EDNS0ClientSubnetIP: aws.String(subnet), EDNS0ClientSubnetMask: aws.String("24")})
		assert.Equal(t, []string{want}, out.RecordData, subnet)
	}
	// Without a subnet, the resolver's address places the client.
	out := e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("geo.example.com"), RecordType: types.RRTypeA, ResolverIP: aws.String("198.51.100.53")})
	assert.Equal(t, []string{"10.0.0.1"}, out.RecordData)
}

// Multivalue answers up to eight healthy records; a failing health check
// takes its record out.
func TestTestDNSAnswer_MultivalueUpToEightHealthy(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	var changes []types.Change
	for i := range 10 {
		v := netip.AddrFrom4([4]byte{192, 0, 2, byte(i + 1)}).String()
		changes = append(changes, identified(rec(types.ChangeActionCreate, "mv.example.com", types.RRTypeA, 60, v), v, func(rs *types.ResourceRecordSet) {
			rs.MultiValueAnswer = aws.Bool(true)
			rs.HealthCheckId = aws.String("hc-" + v)
		}))
	}
	e.mustChange(t, id, changes...)
	out := e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("mv.example.com"), RecordType: types.RRTypeA})
	assert.Len(t, out.RecordData, 8)
	for i := 1; i <= 8; i++ {
		e.cloud.Route53().SetHealthCheckStatus("hc-"+netip.AddrFrom4([4]byte{192, 0, 2, byte(i)}).String(), false)
	}
	out = e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("mv.example.com"), RecordType: types.RRTypeA})
	assert.ElementsMatch(t, []string{"192.0.2.9", "192.0.2.10"}, out.RecordData)
}

// Failover answers the primary while it is healthy, else the secondary.
func TestTestDNSAnswer_Failover(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id,
		identified(rec(types.ChangeActionCreate, "f.example.com", types.RRTypeA, 60, "192.0.2.1"), "p", func(rs *types.ResourceRecordSet) {
			rs.Failover, rs.HealthCheckId = types.ResourceRecordSetFailoverPrimary, aws.String("hc-p")
		}),
		identified(rec(types.ChangeActionCreate, "f.example.com", types.RRTypeA, 60, "192.0.2.2"), "s", func(rs *types.ResourceRecordSet) {
			rs.Failover = types.ResourceRecordSetFailoverSecondary
		}),
	)
	ask := func() []string {
		return e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("f.example.com"), RecordType: types.RRTypeA}).RecordData
	}
	assert.Equal(t, []string{"192.0.2.1"}, ask())
	e.cloud.Route53().SetHealthCheckStatus("hc-p", false)
	assert.Equal(t, []string{"192.0.2.2"}, ask())
	e.cloud.Route53().SetHealthCheckStatus("hc-p", true)
	assert.Equal(t, []string{"192.0.2.1"}, ask())
}

// Latency answers the record of the region nearest the client's.
func TestTestDNSAnswer_Latency(t *testing.T) {
	e := newEnv(t)
	e.cloud.Route53().SetClientLocation(netip.MustParsePrefix("203.0.113.0/24"), route53.ClientLocation{Region: "ap-northeast-2"})
	id := e.zone(t, "example.com")
	e.mustChange(t, id,
		identified(rec(types.ChangeActionCreate, "l.example.com", types.RRTypeA, 60, "192.0.2.1"), "use1", func(rs *types.ResourceRecordSet) { rs.Region = types.ResourceRecordSetRegionUsEast1 }),
		identified(rec(types.ChangeActionCreate, "l.example.com", types.RRTypeA, 60, "192.0.2.2"), "apne1", func(rs *types.ResourceRecordSet) { rs.Region = types.ResourceRecordSetRegionApNortheast1 }),
	)
	out := e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("l.example.com"), RecordType: types.RRTypeA, ResolverIP: aws.String("203.0.113.1")})
	assert.Equal(t, []string{"192.0.2.2"}, out.RecordData)
	out = e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("l.example.com"), RecordType: types.RRTypeA})
	assert.Equal(t, []string{"192.0.2.1"}, out.RecordData, "no resolver: a resolver in us-east-1, as AWS documents")
}

// A wildcard answers names below it that do not exist, not the names that
// do, nor the names below an existing name.
func TestTestDNSAnswer_Wildcard(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id,
		rec(types.ChangeActionCreate, "*.example.com", types.RRTypeA, 60, "192.0.2.42"),
		rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.1"),
		rec(types.ChangeActionCreate, "x.sub.example.com", types.RRTypeA, 60, "192.0.2.2"),
	)
	ask := func(name string) *sdk.TestDNSAnswerOutput {
		return e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String(name), RecordType: types.RRTypeA})
	}
	assert.Equal(t, []string{"192.0.2.42"}, ask("anything.example.com").RecordData)
	assert.Equal(t, []string{"192.0.2.1"}, ask("www.example.com").RecordData)
	assert.Equal(t, []string{"192.0.2.42"}, ask("deep.er.example.com").RecordData)
	sub := ask("sub.example.com") // an empty non-terminal: NODATA, not the wildcard
	assert.Equal(t, "NOERROR", aws.ToString(sub.ResponseCode))
	assert.Empty(t, sub.RecordData)
}

// Geoproximity answers the nearest location after bias: biased distance =
// distance × (1 − bias/100) (AWS: "Geoproximity routing"); a bias of 95
// draws a Frankfurt client (480 km from Paris, 6,700 from Virginia) to
// Virginia: 6,700 × 0.05 = 335 km.
func TestTestDNSAnswer_GeoproximityWithBias(t *testing.T) {
	e := newEnv(t)
	e.cloud.Route53().SetClientLocation(netip.MustParsePrefix("203.0.113.0/24"), route53.ClientLocation{Region: "eu-central-1"})
	id := e.zone(t, "example.com")
	gp := func(v, sid string, g types.GeoProximityLocation) types.Change {
		return identified(rec(types.ChangeActionUpsert, "gp.example.com", types.RRTypeA, 60, v), sid, func(rs *types.ResourceRecordSet) { rs.GeoProximityLocation = &g })
	}
	e.mustChange(t, id,
		gp("192.0.2.1", "paris", types.GeoProximityLocation{Coordinates: &types.Coordinates{Latitude: aws.String("48.86"), Longitude: aws.String("2.35")}}),
		gp("192.0.2.2", "virginia", types.GeoProximityLocation{AWSRegion: aws.String("us-east-1")}))
	ask := func() []string {
		return e.test(t, &sdk.TestDNSAnswerInput{HostedZoneId: aws.String(id), RecordName: aws.String("gp.example.com"), RecordType: types.RRTypeA, ResolverIP: aws.String("203.0.113.9")}).RecordData
	}
	assert.Equal(t, []string{"192.0.2.1"}, ask())
	e.mustChange(t, id, gp("192.0.2.2", "virginia", types.GeoProximityLocation{AWSRegion: aws.String("us-east-1"), Bias: aws.Int32(95)}))
	assert.Equal(t, []string{"192.0.2.2"}, ask())

	_, err := e.change(id, gp("192.0.2.3", "bad", types.GeoProximityLocation{AWSRegion: aws.String("us-east-1"), Bias: aws.Int32(100)}))
	var bad *types.InvalidInput
	require.ErrorAs(t, err, &bad)
}
