package route53

import (
	"bytes"
	"context"
	"encoding/binary"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// fuzzService builds a service with one zone holding records of every
// policy, and returns it with the zone's id.
func fuzzService(tb testing.TB) (*Service, string) {
	tb.Helper()
	env := cloudenv.ForTest(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)))
	s := New(env)
	tb.Cleanup(s.Close)
	ctx := context.Background()
	z, err := s.CreateHostedZone(ctx, CreateHostedZoneInput{Name: "example.com", CallerReference: "fuzz"})
	if err != nil {
		tb.Fatal(err)
	}
	id := stripID(z.HostedZone.Id)
	ttl := int64(60)
	_, err = s.ChangeResourceRecordSets(ctx, ChangeResourceRecordSetsInput{HostedZoneId: id, ChangeBatch: ChangeBatch{Changes: []Change{
		{Action: "CREATE", ResourceRecordSet: ResourceRecordSet{Name: "www.example.com", Type: "A", TTL: &ttl, ResourceRecords: []ResourceRecord{{Value: "192.0.2.1"}}}},
		{Action: "CREATE", ResourceRecordSet: ResourceRecordSet{Name: "c.example.com", Type: "CNAME", TTL: &ttl, ResourceRecords: []ResourceRecord{{Value: "www.example.com"}}}},
		{Action: "CREATE", ResourceRecordSet: ResourceRecordSet{Name: "*.w.example.com", Type: "TXT", TTL: &ttl, ResourceRecords: []ResourceRecord{{Value: `"a" "b"`}}}},
		{Action: "CREATE", ResourceRecordSet: ResourceRecordSet{Name: "g.example.com", Type: "A", TTL: &ttl, SetIdentifier: "d", GeoLocation: &GeoLocation{CountryCode: "*"}, ResourceRecords: []ResourceRecord{{Value: "192.0.2.2"}}}},
	}}})
	if err != nil {
		tb.Fatal(err)
	}
	return s, id
}

// The XML decoders of the wire never answer 5xx: a document of any shape
// posted to the operations that read one gets a 2xx or a 4xx.
func FuzzWireXML(f *testing.F) {
	f.Add("rrset", `<ChangeResourceRecordSetsRequest><ChangeBatch><Changes><Change><Action>CREATE</Action><ResourceRecordSet><Name>a.example.com</Name><Type>A</Type><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>`)
	f.Add("rrset", `<ChangeResourceRecordSetsRequest><ChangeBatch><Changes><Change><Action>UPSERT</Action><ResourceRecordSet><Name>x.example.com</Name><Type>A</Type><SetIdentifier>g</SetIdentifier><GeoProximityLocation><Coordinates><Latitude>a</Latitude><Longitude>1</Longitude></Coordinates><Bias>-99</Bias></GeoProximityLocation><AliasTarget><HostedZoneId>Z1</HostedZoneId><DNSName>www.example.com</DNSName></AliasTarget></ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>`)
	f.Add("hostedzone", `<CreateHostedZoneRequest><Name>fuzz.example</Name><CallerReference>r</CallerReference><VPC><VPCId>vpc-01234567</VPCId><VPCRegion>us-east-1</VPCRegion></VPC></CreateHostedZoneRequest>`)
	f.Add("tags", `<ChangeTagsForResourceRequest><AddTags><Tag><Key>k</Key><Value>v</Value></Tag></AddTags></ChangeTagsForResourceRequest>`)
	f.Add("delegationset", `<CreateReusableDelegationSetRequest><CallerReference>x</CallerReference></CreateReusableDelegationSetRequest>`)
	f.Add("healthcheck", `<CreateHealthCheckRequest><CallerReference>r</CallerReference><HealthCheckConfig><Type>HTTP_STR_MATCH</Type><IPAddress>127.0.0.1</IPAddress><Port>99999</Port><SearchString>x</SearchString><RequestInterval>10</RequestInterval></HealthCheckConfig></CreateHealthCheckRequest>`)
	f.Add("healthcheck", `<CreateHealthCheckRequest><CallerReference>c</CallerReference><HealthCheckConfig><Type>CALCULATED</Type><HealthThreshold>-1</HealthThreshold><ChildHealthChecks><ChildHealthCheck>x</ChildHealthCheck></ChildHealthChecks></HealthCheckConfig></CreateHealthCheckRequest>`)
	f.Fuzz(func(t *testing.T, target, body string) {
		s, id := fuzzService(t)
		paths := map[string]string{"healthcheck": "/healthcheck", "rrset": "/hostedzone/" + id + "/rrset/", "hostedzone": "/hostedzone", "tags": "/tags/hostedzone/" + id,
			"delegationset": "/delegationset", "comment": "/hostedzone/" + id, "vpc": "/hostedzone/" + id + "/associatevpc"}
		path, ok := paths[target]
		if !ok {
			path = "/" + url.PathEscape(target)
		}
		req := httptest.NewRequest(http.MethodPost, "http://route53.amazonaws.com/2013-04-01"+path, strings.NewReader(body))
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %q: %d %s", path, body, w.Code, w.Body.String())
		}
	})
}

// The DNS decoder never fails the server: any message gets an answer or
// none, never a SERVFAIL or a panic.
func FuzzDNSMessage(f *testing.F) {
	q := func(name string, qtype uint16, opt []byte) []byte {
		b := []byte{0, 7, 1, 0, 0, 1, 0, 0, 0, 0, 0, byte(len(opt) / max(len(opt), 1))}
		for _, l := range strings.Split(name, ".") {
			b = append(b, byte(len(l)))
			b = append(b, l...)
		}
		b = append(b, 0)
		b = binary.BigEndian.AppendUint16(b, qtype)
		b = binary.BigEndian.AppendUint16(b, 1)
		return append(b, opt...)
	}
	f.Add(q("www.example.com", 1, nil))
	f.Add(q("c.example.com", 1, nil))
	f.Add(q("x.w.example.com", 16, nil))
	f.Add(q("g.example.com", 1, []byte{0, 0, 41, 4, 208, 0, 0, 0, 0, 0, 11, 0, 8, 0, 7, 0, 1, 24, 0, 198, 51, 100}))
	f.Add([]byte{0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1})
	f.Fuzz(func(t *testing.T, msg []byte) {
		s, _ := fuzzService(t)
		resp := s.answerDNS(msg, netip.MustParseAddr("192.0.2.53"))
		if resp == nil {
			return
		}
		if len(resp) < headerSize {
			t.Fatalf("short response %x", resp)
		}
		if resp[3]&0xF == dnsServFail {
			t.Fatalf("SERVFAIL for %x", msg)
		}
		if _, err := parseQuery(resp); err != nil && !bytes.Equal(resp[:2], msg[:2]) {
			t.Fatalf("response does not decode: %x", resp)
		}
	})
}

// The JSON decoders of Route 53 Domains never answer 5xx.
func FuzzDomainsJSON(f *testing.F) {
	f.Add("RegisterDomain", `{"DomainName":"a.com","DurationInYears":1,"AdminContact":{"FirstName":"a"},"RegistrantContact":{},"TechContact":{}}`)
	f.Add("ListOperations", `{"SubmittedSince":1.5e9,"MaxItems":-1,"SortOrder":"DESC"}`)
	f.Add("GetDomainSuggestions", `{"DomainName":"a.co.uk","SuggestionCount":3,"OnlyAvailable":false}`)
	f.Add("ListPrices", `{"Tld":".com","MaxItems":1}`)
	f.Fuzz(func(t *testing.T, op, body string) {
		s, _ := fuzzService(t)
		req := httptest.NewRequest(http.MethodPost, "http://route53domains.us-east-1.amazonaws.com/", strings.NewReader(body))
		req.Header.Set("X-Amz-Target", "Route53Domains_v20140515."+op)
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %q: %d %s", op, body, w.Code, w.Body.String())
		}
	})
}
