package route53

import (
	"math"
	"net/netip"
	"slices"
	"strconv"
)

// ClientLocation is where the fake's name servers place a DNS client, for
// latency, geolocation and geoproximity routing: what AWS derives from the
// resolver's address or the EDNS0 client subnet.
type ClientLocation struct {
	// Region is the AWS region nearest the client, for latency records.
	Region string
	// ContinentCode, CountryCode and SubdivisionCode are its geography,
	// for geolocation records (AF, AN, AS, EU, OC, NA, SA; ISO 3166
	// countries; US states and the other subdivisions Route 53 knows).
	ContinentCode, CountryCode, SubdivisionCode string
	// Latitude and Longitude place it for geoproximity records; both zero
	// means the coordinates of Region.
	Latitude, Longitude float64
}

// clientLocation is one SetClientLocation rule.
type clientLocation struct {
	prefix netip.Prefix
	loc    ClientLocation
}

// SetClientLocation places the DNS clients whose address (the resolver's,
// or the EDNS0 client subnet's when the query carries one) falls in prefix:
// a more specific prefix wins. Clients no prefix holds are in the cloud's
// region, with no geography (geolocation answers them with its default
// record, "*").
func (s *Service) SetClientLocation(prefix netip.Prefix, loc ClientLocation) {
	s.mu.Lock()
	defer s.mu.Unlock()
	prefix = prefix.Masked()
	s.locations = slices.DeleteFunc(s.locations, func(l clientLocation) bool { return l.prefix == prefix })
	s.locations = append(s.locations, clientLocation{prefix: prefix, loc: loc})
	slices.SortStableFunc(s.locations, func(a, b clientLocation) int { return b.prefix.Bits() - a.prefix.Bits() })
}

// locateLocked returns the location of a client address.
func (s *Service) locateLocked(addr netip.Addr) ClientLocation {
	addr = addr.Unmap()
	for _, l := range s.locations {
		if l.prefix.Contains(addr) {
			return l.loc
		}
	}
	return ClientLocation{Region: s.env.Region}
}

// regionPlaces are the approximate coordinates of AWS regions, for latency
// (the nearest region to the client's stands for the lowest latency) and
// geoproximity routing.
var regionPlaces = map[string][2]float64{
	"us-east-1": {38.9, -77.4}, "us-east-2": {40.0, -83.0}, "us-west-1": {37.4, -121.9}, "us-west-2": {45.8, -119.7},
	"ca-central-1": {45.5, -73.6}, "ca-west-1": {51.0, -114.1}, "mx-central-1": {20.6, -100.4}, "sa-east-1": {-23.5, -46.6},
	"eu-west-1": {53.3, -6.3}, "eu-west-2": {51.5, -0.1}, "eu-west-3": {48.9, 2.4}, "eu-central-1": {50.1, 8.7},
	"eu-central-2": {47.4, 8.5}, "eu-north-1": {59.3, 18.1}, "eu-south-1": {45.5, 9.2}, "eu-south-2": {41.6, -0.9},
	"me-south-1": {26.1, 50.6}, "me-central-1": {25.2, 55.3}, "il-central-1": {32.1, 34.8}, "af-south-1": {-33.9, 18.4},
	"ap-east-1": {22.3, 114.2}, "ap-south-1": {19.1, 72.9}, "ap-south-2": {17.4, 78.5}, "ap-northeast-1": {35.7, 139.7},
	"ap-northeast-2": {37.6, 127.0}, "ap-northeast-3": {34.7, 135.5}, "ap-southeast-1": {1.3, 103.8},
	"ap-southeast-2": {-33.9, 151.2}, "ap-southeast-3": {-6.2, 106.8}, "ap-southeast-4": {-37.8, 145.0},
	"ap-southeast-5": {3.1, 101.7}, "ap-southeast-7": {13.8, 100.5}, "cn-north-1": {39.9, 116.4}, "cn-northwest-1": {38.5, 106.3},
	"us-gov-west-1": {45.8, -119.7}, "us-gov-east-1": {40.0, -83.0},
}

// knownRegion reports whether r is an AWS region the fake can place.
func knownRegion(r string) bool {
	_, ok := regionPlaces[r]
	return ok
}

// distance is the great-circle distance in kilometres.
func distance(a, b [2]float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	la1, la2 := a[0]*rad, b[0]*rad
	dla, dlo := (b[0]-a[0])*rad, (b[1]-a[1])*rad
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// place returns the client's coordinates.
func (l ClientLocation) place() [2]float64 {
	if l.Latitude != 0 || l.Longitude != 0 {
		return [2]float64{l.Latitude, l.Longitude}
	}
	return regionPlaces[l.Region]
}

// placeOf returns a geoproximity record's coordinates.
func placeOf(g *GeoProximityLocation) ([2]float64, bool) {
	if g.Coordinates != nil {
		la, err1 := strconv.ParseFloat(g.Coordinates.Latitude, 64)
		lo, err2 := strconv.ParseFloat(g.Coordinates.Longitude, 64)
		return [2]float64{la, lo}, err1 == nil && err2 == nil
	}
	p, ok := regionPlaces[g.AWSRegion]
	return p, ok
}
