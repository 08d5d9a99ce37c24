package route53

import "time"

// The Go API's types carry the element names of Route 53's restXml
// documents, so that the wire binding marshals them as they are.

// HostedZone is a hosted zone as GetHostedZone and ListHostedZones show it.
type HostedZone struct {
	// Id is the zone's id with its prefix: /hostedzone/Z...
	Id                     string            `xml:"Id"`
	Name                   string            `xml:"Name"`
	CallerReference        string            `xml:"CallerReference"`
	Config                 *HostedZoneConfig `xml:"Config,omitempty"`
	ResourceRecordSetCount int64             `xml:"ResourceRecordSetCount"`
}

// HostedZoneConfig is a zone's comment and whether it is private.
type HostedZoneConfig struct {
	Comment     string `xml:"Comment,omitempty"`
	PrivateZone bool   `xml:"PrivateZone"`
}

// VPC is an Amazon VPC associated with a private zone.
type VPC struct {
	VPCRegion string `xml:"VPCRegion,omitempty"`
	VPCId     string `xml:"VPCId,omitempty"`
}

// DelegationSet is the four name servers of a zone, or a reusable set.
type DelegationSet struct {
	// Id is set for a reusable delegation set: /delegationset/N...
	Id              string   `xml:"Id,omitempty"`
	CallerReference string   `xml:"CallerReference,omitempty"`
	NameServers     []string `xml:"NameServers>NameServer"`
}

// ChangeInfo is the state of a change: PENDING until Route 53 has
// propagated it (ChangePropagation on the cloud's clock), then INSYNC.
type ChangeInfo struct {
	// Id is the change's id with its prefix: /change/C...
	Id          string    `xml:"Id"`
	Status      string    `xml:"Status"`
	SubmittedAt time.Time `xml:"SubmittedAt"`
	Comment     string    `xml:"Comment,omitempty"`
}

// ResourceRecordSet is a record set: a name, a type, a routing policy and
// either values with a TTL or an alias target.
type ResourceRecordSet struct {
	Name                    string                `xml:"Name"`
	Type                    string                `xml:"Type"`
	SetIdentifier           string                `xml:"SetIdentifier,omitempty"`
	Weight                  *int64                `xml:"Weight,omitempty"`
	Region                  string                `xml:"Region,omitempty"`
	GeoLocation             *GeoLocation          `xml:"GeoLocation,omitempty"`
	Failover                string                `xml:"Failover,omitempty"`
	MultiValueAnswer        *bool                 `xml:"MultiValueAnswer,omitempty"`
	TTL                     *int64                `xml:"TTL,omitempty"`
	ResourceRecords         []ResourceRecord      `xml:"ResourceRecords>ResourceRecord,omitempty"`
	AliasTarget             *AliasTarget          `xml:"AliasTarget,omitempty"`
	HealthCheckId           string                `xml:"HealthCheckId,omitempty"`
	TrafficPolicyInstanceId string                `xml:"TrafficPolicyInstanceId,omitempty"`
	CidrRoutingConfig       *CidrRoutingConfig    `xml:"CidrRoutingConfig,omitempty"`
	GeoProximityLocation    *GeoProximityLocation `xml:"GeoProximityLocation,omitempty"`
}

// ResourceRecord is one value of a record set, in presentation format.
type ResourceRecord struct {
	Value string `xml:"Value"`
}

// AliasTarget is where an alias record points.
type AliasTarget struct {
	HostedZoneId         string `xml:"HostedZoneId"`
	DNSName              string `xml:"DNSName"`
	EvaluateTargetHealth bool   `xml:"EvaluateTargetHealth"`
}

// GeoLocation is the location a geolocation record answers for: a
// continent, a country (with a subdivision), or "*", the default.
type GeoLocation struct {
	ContinentCode   string `xml:"ContinentCode,omitempty"`
	CountryCode     string `xml:"CountryCode,omitempty"`
	SubdivisionCode string `xml:"SubdivisionCode,omitempty"`
}

// GeoProximityLocation is where a geoproximity record's resource is: an AWS
// region or coordinates, with a bias (-99..99) that grows or shrinks its
// area.
type GeoProximityLocation struct {
	AWSRegion      string       `xml:"AWSRegion,omitempty"`
	LocalZoneGroup string       `xml:"LocalZoneGroup,omitempty"`
	Coordinates    *Coordinates `xml:"Coordinates,omitempty"`
	Bias           *int64       `xml:"Bias,omitempty"`
}

// Coordinates are a latitude and a longitude, in decimal degrees, as text.
type Coordinates struct {
	Latitude  string `xml:"Latitude"`
	Longitude string `xml:"Longitude"`
}

// CidrRoutingConfig names the CIDR collection and location of an IP-based
// record.
type CidrRoutingConfig struct {
	CollectionId string `xml:"CollectionId"`
	LocationName string `xml:"LocationName"`
}

// Change is one change of a batch: CREATE, DELETE or UPSERT of a record set.
type Change struct {
	Action            string            `xml:"Action"`
	ResourceRecordSet ResourceRecordSet `xml:"ResourceRecordSet"`
}

// ChangeBatch is the changes ChangeResourceRecordSets applies together.
type ChangeBatch struct {
	Comment string   `xml:"Comment,omitempty"`
	Changes []Change `xml:"Changes>Change"`
}

// Tag is a key and a value on a zone or a health check.
type Tag struct {
	Key   string `xml:"Key"`
	Value string `xml:"Value"`
}
