package route53

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Route 53 Domains (the route53domains client, awsJson1_1, target prefix
// Route53Domains_v20140515.) is served by the same Service: registrations
// are per account, a name registered by any account of the cloud is
// UNAVAILABLE to all.

// DomainOperationTime is how long a registrar operation (registration,
// renewal, transfer, a contact or name server update, a lock change)
// stays IN_PROGRESS on the cloud's clock before it is SUCCESSFUL. AWS
// documents no fixed time ("registration can take up to three days";
// most complete within minutes); the fake takes 15 minutes, computed when
// read.
const DomainOperationTime = 15 * time.Minute

// epoch is a timestamp in awsJson1_1's form: seconds since the epoch.
type epoch struct{ time.Time }

// MarshalJSON encodes the time as fractional epoch seconds.
func (t epoch) MarshalJSON() ([]byte, error) {
	return []byte(strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', -1, 64)), nil
}

// UnmarshalJSON decodes fractional epoch seconds.
func (t *epoch) UnmarshalJSON(b []byte) error {
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return invalidInput("The input is not a valid timestamp: %s", b)
	}
	t.Time = time.UnixMilli(int64(f * 1000)).UTC()
	return nil
}

// ExtraParam is a TLD-specific contact parameter.
type ExtraParam struct {
	Name  string `json:"Name"`
	Value string `json:"Value"`
}

// ContactDetail is a domain contact.
type ContactDetail struct {
	FirstName        string       `json:"FirstName,omitempty"`
	LastName         string       `json:"LastName,omitempty"`
	ContactType      string       `json:"ContactType,omitempty"`
	OrganizationName string       `json:"OrganizationName,omitempty"`
	AddressLine1     string       `json:"AddressLine1,omitempty"`
	AddressLine2     string       `json:"AddressLine2,omitempty"`
	City             string       `json:"City,omitempty"`
	State            string       `json:"State,omitempty"`
	CountryCode      string       `json:"CountryCode,omitempty"`
	ZipCode          string       `json:"ZipCode,omitempty"`
	PhoneNumber      string       `json:"PhoneNumber,omitempty"`
	Email            string       `json:"Email,omitempty"`
	Fax              string       `json:"Fax,omitempty"`
	ExtraParams      []ExtraParam `json:"ExtraParams,omitempty"`
}

// Nameserver is a domain's name server.
type Nameserver struct {
	Name    string   `json:"Name"`
	GlueIps []string `json:"GlueIps,omitempty"`
}

// domainOp is one registrar operation.
type domainOp struct {
	id, typ, domain string
	submitted       time.Time
	done            time.Time // SUCCESSFUL from this instant
}

func (o *domainOp) status(now time.Time) string {
	if now.Before(o.done) {
		return "IN_PROGRESS"
	}
	return "SUCCESSFUL"
}

// domain is a registered (or transferring) domain.
type domain struct {
	account, name                         string
	admin, registrant, tech, billing      ContactDetail
	adminPrivacy, registrantPrivacy       bool
	techPrivacy, billingPrivacy           bool
	autoRenew, locked                     bool
	nameservers                           []Nameserver
	created, updated, expires, registered time.Time // registered: when the registration or transfer completes
	authCode                              string
	tags                                  map[string]string
}

// domainPrices is the fake's price list, in USD per year, by TLD: the
// TLDs it sells. A TLD outside it is UnsupportedTLD.
var domainPrices = map[string]float64{
	"com": 15, "net": 17, "org": 15, "info": 29, "biz": 19, "io": 71, "co": 32, "dev": 17, "app": 20,
	"click": 3, "link": 10, "me": 21, "xyz": 14, "co.uk": 9, "uk": 9, "de": 9, "fr": 12, "jp": 88, "kr": 33,
}

// domainLabel is one label of a registrable name: letters, digits and
// hyphens, not at either end.
var domainLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// splitDomain checks a name and returns it lower-cased without a trailing
// dot, and its TLD (the longest in the price list that ends it).
func splitDomain(name string) (string, string, error) {
	n := strings.TrimSuffix(strings.ToLower(name), ".")
	labels := strings.Split(n, ".")
	if n == "" || len(n) > 255 || len(labels) < 2 {
		return "", "", invalidInput("Invalid domain name: %s", name)
	}
	for _, l := range labels {
		if !domainLabel.MatchString(l) {
			return "", "", invalidInput("Invalid domain name: %s", name)
		}
	}
	if len(labels) >= 3 {
		if tld := strings.Join(labels[len(labels)-2:], "."); domainPrices[tld] != 0 {
			if len(labels) != 3 {
				return "", "", invalidInput("Invalid domain name: %s: only second-level names can be registered", name)
			}
			return n, tld, nil
		}
	}
	tld := labels[len(labels)-1]
	if domainPrices[tld] == 0 {
		return "", "", newError(codeUnsupportedTLD, "Amazon Route 53 does not support the top-level domain (TLD) `.%s`.", tld)
	}
	if len(labels) != 2 {
		return "", "", invalidInput("Invalid domain name: %s: only second-level names can be registered", name)
	}
	return n, tld, nil
}

// contactTypes are ContactDetail's ContactType values.
var contactTypes = map[string]bool{"PERSON": true, "COMPANY": true, "ASSOCIATION": true, "PUBLIC_BODY": true, "RESELLER": true}

var (
	phonePattern = regexp.MustCompile(`^\+[0-9]{1,3}\.[0-9]{4,14}$`)
	emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// checkContact validates a contact as the registrar does: the fields every
// TLD requires, the phone number as +CC.NUMBER, an email address, a
// two-letter country code, a company's organization name.
func checkContact(role string, c *ContactDetail) error {
	if c == nil {
		return invalidInput("Contact %s is required.", role)
	}
	for field, v := range map[string]string{"FirstName": c.FirstName, "LastName": c.LastName, "ContactType": c.ContactType,
		"AddressLine1": c.AddressLine1, "City": c.City, "CountryCode": c.CountryCode, "PhoneNumber": c.PhoneNumber, "Email": c.Email} {
		if v == "" {
			return invalidInput("Invalid %s contact: %s is required.", role, field)
		}
	}
	switch {
	case !contactTypes[c.ContactType]:
		return invalidInput("Invalid %s contact: ContactType %s is not valid.", role, c.ContactType)
	case c.ContactType != "PERSON" && c.OrganizationName == "":
		return invalidInput("Invalid %s contact: OrganizationName is required when ContactType is %s.", role, c.ContactType)
	case !phonePattern.MatchString(c.PhoneNumber):
		return invalidInput("Invalid %s contact: PhoneNumber %s must be in the format +[country dialing code].[number including any area code].", role, c.PhoneNumber)
	case !emailPattern.MatchString(c.Email):
		return invalidInput("Invalid %s contact: Email %s is not valid.", role, c.Email)
	case len(c.CountryCode) != 2 || strings.ToUpper(c.CountryCode) != c.CountryCode:
		return invalidInput("Invalid %s contact: CountryCode %s is not valid.", role, c.CountryCode)
	}
	return nil
}

// sweepDomainsLocked applies expiry, computed when read: a domain with
// auto-renew is renewed for a year at its expiry (as often as the clock
// has passed it); one without is released and its name available again.
func (s *Service) sweepDomainsLocked() {
	now := s.now()
	for name, d := range s.domains {
		for d.autoRenew && !now.Before(d.expires) {
			d.expires = d.expires.AddDate(1, 0, 0)
		}
		if !now.Before(d.expires) {
			delete(s.domains, name)
		}
	}
}

// domainLocked returns the account's domain, registered (its registration
// complete) or not.
func (s *Service) domainLocked(account, name string, complete bool) (*domain, error) {
	s.sweepDomainsLocked()
	n := strings.TrimSuffix(strings.ToLower(name), ".")
	d := s.domains[n]
	if d == nil || d.account != account || (complete && s.now().Before(d.registered)) {
		return nil, invalidInput("Domain %s not found in the current AWS account.", name)
	}
	return d, nil
}

// submitDomainOpLocked records an operation on a domain and returns its id.
func (s *Service) submitDomainOpLocked(account, typ, name string) string {
	now := s.now()
	op := &domainOp{id: s.env.IDs.UUID(), typ: typ, domain: name, submitted: now, done: now.Add(DomainOperationTime)}
	a := s.accountLocked(account, true)
	a.domainOps = append(a.domainOps, op)
	return op.id
}
