package route53

import (
	"context"
	"slices"
	"strings"
	"time"
)

// CheckDomainAvailabilityInput is CheckDomainAvailability's input.
type CheckDomainAvailabilityInput struct {
	DomainName  string `json:"DomainName"`
	IdnLangCode string `json:"IdnLangCode,omitempty"`
}

// CheckDomainAvailabilityOutput is CheckDomainAvailability's output.
type CheckDomainAvailabilityOutput struct {
	Availability string `json:"Availability"`
}

// CheckDomainAvailability answers UNAVAILABLE for a name registered (or
// being registered) in the cloud, AVAILABLE for another name of a TLD the
// fake sells, UnsupportedTLD for one it does not.
func (s *Service) CheckDomainAvailability(ctx context.Context, in CheckDomainAvailabilityInput) (CheckDomainAvailabilityOutput, error) {
	if _, err := s.enter(ctx, "CheckDomainAvailability"); err != nil {
		return CheckDomainAvailabilityOutput{}, err
	}
	name, _, err := splitDomain(in.DomainName)
	if err != nil {
		return CheckDomainAvailabilityOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return CheckDomainAvailabilityOutput{Availability: s.availabilityLocked(name)}, nil
}

func (s *Service) availabilityLocked(name string) string {
	s.sweepDomainsLocked()
	if s.domains[name] != nil {
		return "UNAVAILABLE"
	}
	return "AVAILABLE"
}

// RegisterDomainInput is RegisterDomain's input.
type RegisterDomainInput struct {
	DomainName                      string         `json:"DomainName"`
	IdnLangCode                     string         `json:"IdnLangCode,omitempty"`
	DurationInYears                 int            `json:"DurationInYears"`
	AutoRenew                       *bool          `json:"AutoRenew,omitempty"`
	AdminContact                    *ContactDetail `json:"AdminContact"`
	RegistrantContact               *ContactDetail `json:"RegistrantContact"`
	TechContact                     *ContactDetail `json:"TechContact"`
	BillingContact                  *ContactDetail `json:"BillingContact,omitempty"`
	PrivacyProtectAdminContact      *bool          `json:"PrivacyProtectAdminContact,omitempty"`
	PrivacyProtectRegistrantContact *bool          `json:"PrivacyProtectRegistrantContact,omitempty"`
	PrivacyProtectTechContact       *bool          `json:"PrivacyProtectTechContact,omitempty"`
	PrivacyProtectBillingContact    *bool          `json:"PrivacyProtectBillingContact,omitempty"`
}

// OperationIDOutput is the output of an operation that submits a
// registrar operation.
type OperationIDOutput struct {
	OperationId string `json:"OperationId,omitempty"`
}

// RegisterDomain registers a name for 1 to 10 years: the contacts are
// validated, a public hosted zone of the name is created at once (as AWS
// does) and its name servers are the domain's; the REGISTER_DOMAIN
// operation is IN_PROGRESS for DomainOperationTime, after which the domain
// is listed. The name is UNAVAILABLE from the call.
func (s *Service) RegisterDomain(ctx context.Context, in RegisterDomainInput) (OperationIDOutput, error) {
	sc, err := s.enter(ctx, "RegisterDomain")
	if err != nil {
		return OperationIDOutput{}, err
	}
	name, _, err := splitDomain(in.DomainName)
	if err != nil {
		return OperationIDOutput{}, err
	}
	if err := checkRegistration(in.DurationInYears, in.AdminContact, in.RegistrantContact, in.TechContact, in.BillingContact); err != nil {
		return OperationIDOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.availabilityLocked(name) != "AVAILABLE" {
		return OperationIDOutput{}, newError(codeDomainLimitExceeded, "The domain %s is not available for registration.", name)
	}
	d := s.newDomainLocked(sc.Account, name, in.DurationInYears, in.AutoRenew, in.AdminContact, in.RegistrantContact, in.TechContact, in.BillingContact)
	d.adminPrivacy, d.registrantPrivacy = deref(in.PrivacyProtectAdminContact), deref(in.PrivacyProtectRegistrantContact)
	d.techPrivacy, d.billingPrivacy = deref(in.PrivacyProtectTechContact), deref(in.PrivacyProtectBillingContact)
	a := s.accountLocked(sc.Account, true)
	z := s.newZoneLocked(sc, a, name+".", CreateHostedZoneInput{CallerReference: "RegisterDomain " + name + " " + s.now().Format(time.RFC3339Nano),
		HostedZoneConfig: &HostedZoneConfig{Comment: "HostedZone created by Route53 Registrar"}}, nil)
	for _, n := range z.servers {
		d.nameservers = append(d.nameservers, Nameserver{Name: n})
	}
	return OperationIDOutput{OperationId: s.submitDomainOpLocked(sc.Account, "REGISTER_DOMAIN", name)}, nil
}

func checkRegistration(years int, admin, registrant, tech, billing *ContactDetail) error {
	if years < 1 || years > 10 {
		return invalidInput("1 validation error detected: Value '%d' at 'durationInYears' failed to satisfy constraint: Member must have value between 1 and 10", years)
	}
	for role, c := range map[string]*ContactDetail{"admin": admin, "registrant": registrant, "tech": tech} {
		if err := checkContact(role, c); err != nil {
			return err
		}
	}
	if billing != nil {
		return checkContact("billing", billing)
	}
	return nil
}

// newDomainLocked records a domain whose registration (or transfer)
// completes DomainOperationTime from now.
func (s *Service) newDomainLocked(account, name string, years int, autoRenew *bool, admin, registrant, tech, billing *ContactDetail) *domain {
	now := s.now()
	d := &domain{account: account, name: name, admin: *admin, registrant: *registrant, tech: *tech, autoRenew: autoRenew == nil || *autoRenew,
		locked: true, created: now, updated: now, expires: now.AddDate(years, 0, 0), registered: now.Add(DomainOperationTime),
		authCode: s.env.IDs.Base64(12), tags: map[string]string{}}
	if billing != nil {
		d.billing = *billing
	} else {
		d.billing = *admin
	}
	s.domains[name] = d
	return d
}

// TransferDomainInput is TransferDomain's input.
type TransferDomainInput struct {
	DomainName        string         `json:"DomainName"`
	IdnLangCode       string         `json:"IdnLangCode,omitempty"`
	DurationInYears   int            `json:"DurationInYears"`
	Nameservers       []Nameserver   `json:"Nameservers,omitempty"`
	AuthCode          string         `json:"AuthCode,omitempty"`
	AutoRenew         *bool          `json:"AutoRenew,omitempty"`
	AdminContact      *ContactDetail `json:"AdminContact"`
	RegistrantContact *ContactDetail `json:"RegistrantContact"`
	TechContact       *ContactDetail `json:"TechContact"`
	BillingContact    *ContactDetail `json:"BillingContact,omitempty"`
}

// TransferDomain transfers a name in from another registrar: stored as the
// account's, with the given name servers and the years added, after a
// TRANSFER_IN_DOMAIN operation of DomainOperationTime. A name registered
// in the cloud cannot be transferred in (it is not at another registrar).
func (s *Service) TransferDomain(ctx context.Context, in TransferDomainInput) (OperationIDOutput, error) {
	sc, err := s.enter(ctx, "TransferDomain")
	if err != nil {
		return OperationIDOutput{}, err
	}
	name, _, err := splitDomain(in.DomainName)
	if err != nil {
		return OperationIDOutput{}, err
	}
	if err := checkRegistration(in.DurationInYears, in.AdminContact, in.RegistrantContact, in.TechContact, in.BillingContact); err != nil {
		return OperationIDOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.availabilityLocked(name) != "AVAILABLE" {
		return OperationIDOutput{}, invalidInput("The domain %s is registered with Amazon Route 53 and cannot be transferred in.", name)
	}
	d := s.newDomainLocked(sc.Account, name, in.DurationInYears, in.AutoRenew, in.AdminContact, in.RegistrantContact, in.TechContact, in.BillingContact)
	d.nameservers = in.Nameservers
	return OperationIDOutput{OperationId: s.submitDomainOpLocked(sc.Account, "TRANSFER_IN_DOMAIN", name)}, nil
}

// DomainInput names a domain.
type DomainInput struct {
	DomainName string `json:"DomainName"`
}

// GetDomainDetailOutput is GetDomainDetail's output.
type GetDomainDetailOutput struct {
	DomainName        string        `json:"DomainName"`
	Nameservers       []Nameserver  `json:"Nameservers"`
	AutoRenew         bool          `json:"AutoRenew"`
	AdminContact      ContactDetail `json:"AdminContact"`
	RegistrantContact ContactDetail `json:"RegistrantContact"`
	TechContact       ContactDetail `json:"TechContact"`
	BillingContact    ContactDetail `json:"BillingContact"`
	AdminPrivacy      bool          `json:"AdminPrivacy"`
	RegistrantPrivacy bool          `json:"RegistrantPrivacy"`
	TechPrivacy       bool          `json:"TechPrivacy"`
	BillingPrivacy    bool          `json:"BillingPrivacy"`
	RegistrarName     string        `json:"RegistrarName"`
	WhoIsServer       string        `json:"WhoIsServer"`
	RegistrarUrl      string        `json:"RegistrarUrl"`
	AbuseContactEmail string        `json:"AbuseContactEmail"`
	AbuseContactPhone string        `json:"AbuseContactPhone"`
	CreationDate      epoch         `json:"CreationDate"`
	UpdatedDate       epoch         `json:"UpdatedDate"`
	ExpirationDate    epoch         `json:"ExpirationDate"`
	StatusList        []string      `json:"StatusList"`
}

// GetDomainDetail returns a registered domain (after its registration
// completed): contacts, name servers, dates, the registrar's
// (Amazon Registrar, Inc.) and the EPP status list.
func (s *Service) GetDomainDetail(ctx context.Context, in DomainInput) (GetDomainDetailOutput, error) {
	sc, err := s.enter(ctx, "GetDomainDetail")
	if err != nil {
		return GetDomainDetailOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.domainLocked(sc.Account, in.DomainName, true)
	if err != nil {
		return GetDomainDetailOutput{}, err
	}
	status := []string{}
	if d.locked {
		status = append(status, "clientTransferProhibited")
	}
	return GetDomainDetailOutput{DomainName: d.name, Nameservers: slices.Clone(d.nameservers), AutoRenew: d.autoRenew,
		AdminContact: d.admin, RegistrantContact: d.registrant, TechContact: d.tech, BillingContact: d.billing,
		AdminPrivacy: d.adminPrivacy, RegistrantPrivacy: d.registrantPrivacy, TechPrivacy: d.techPrivacy, BillingPrivacy: d.billingPrivacy,
		RegistrarName: "Amazon Registrar, Inc.", WhoIsServer: "whois.registrar.amazon", RegistrarUrl: "https://registrar.amazon.com",
		AbuseContactEmail: "trustandsafety@support.aws.com", AbuseContactPhone: "+1.2024422253",
		CreationDate: epoch{d.created}, UpdatedDate: epoch{d.updated}, ExpirationDate: epoch{d.expires}, StatusList: status}, nil
}

// DomainSummary is one domain of ListDomains.
type DomainSummary struct {
	DomainName   string `json:"DomainName"`
	AutoRenew    bool   `json:"AutoRenew"`
	TransferLock bool   `json:"TransferLock"`
	Expiry       epoch  `json:"Expiry"`
}

// ListDomainsInput is ListDomains' input.
type ListDomainsInput struct {
	Marker   string `json:"Marker,omitempty"`
	MaxItems int    `json:"MaxItems,omitempty"`
}

// ListDomainsOutput is ListDomains' output.
type ListDomainsOutput struct {
	Domains        []DomainSummary `json:"Domains"`
	NextPageMarker string          `json:"NextPageMarker,omitempty"`
}

// ListDomains lists the account's registered domains by name, MaxItems
// (default 20, at most 100) a page; the marker is the next name.
func (s *Service) ListDomains(ctx context.Context, in ListDomainsInput) (ListDomainsOutput, error) {
	sc, err := s.enter(ctx, "ListDomains")
	if err != nil {
		return ListDomainsOutput{}, err
	}
	limit, err := domainPage(in.MaxItems, 20, 100)
	if err != nil {
		return ListDomainsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sweepDomainsLocked()
	now := s.now()
	var names []string
	for n, d := range s.domains {
		if d.account == sc.Account && !now.Before(d.registered) && n >= in.Marker {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	out := ListDomainsOutput{Domains: []DomainSummary{}}
	for i, n := range names {
		if i == limit {
			out.NextPageMarker = n
			break
		}
		d := s.domains[n]
		out.Domains = append(out.Domains, DomainSummary{DomainName: n, AutoRenew: d.autoRenew, TransferLock: d.locked, Expiry: epoch{d.expires}})
	}
	return out, nil
}

// domainPage checks a Route 53 Domains MaxItems.
func domainPage(n, def, maxN int) (int, error) {
	if n == 0 {
		return def, nil
	}
	if n < 0 || n > maxN {
		return 0, invalidInput("1 validation error detected: Value '%d' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to %d", n, maxN)
	}
	return n, nil
}

// GetOperationDetailInput is GetOperationDetail's input.
type GetOperationDetailInput struct {
	OperationId string `json:"OperationId"`
}

// OperationDetail is a registrar operation as GetOperationDetail and
// ListOperations show it.
type OperationDetail struct {
	OperationId     string `json:"OperationId"`
	Status          string `json:"Status"`
	Type            string `json:"Type"`
	DomainName      string `json:"DomainName"`
	SubmittedDate   epoch  `json:"SubmittedDate"`
	LastUpdatedDate epoch  `json:"LastUpdatedDate"`
}

func (o *domainOp) detail(now time.Time) OperationDetail {
	upd := o.submitted
	if !now.Before(o.done) {
		upd = o.done
	}
	return OperationDetail{OperationId: o.id, Status: o.status(now), Type: o.typ, DomainName: o.domain,
		SubmittedDate: epoch{o.submitted}, LastUpdatedDate: epoch{upd}}
}

// GetOperationDetail returns an operation: IN_PROGRESS, then SUCCESSFUL
// DomainOperationTime after it was submitted.
func (s *Service) GetOperationDetail(ctx context.Context, in GetOperationDetailInput) (OperationDetail, error) {
	sc, err := s.enter(ctx, "GetOperationDetail")
	if err != nil {
		return OperationDetail{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.accountLocked(sc.Account, false).domainOps {
		if o.id == in.OperationId {
			return o.detail(s.now()), nil
		}
	}
	return OperationDetail{}, invalidInput("Operation %s not found.", in.OperationId)
}

// ListOperationsInput is ListOperations' input.
type ListOperationsInput struct {
	SubmittedSince *epoch   `json:"SubmittedSince,omitempty"`
	Marker         string   `json:"Marker,omitempty"`
	MaxItems       int      `json:"MaxItems,omitempty"`
	Status         []string `json:"Status,omitempty"`
	Type           []string `json:"Type,omitempty"`
	SortOrder      string   `json:"SortOrder,omitempty"`
}

// ListOperationsOutput is ListOperations' output.
type ListOperationsOutput struct {
	Operations     []OperationDetail `json:"Operations"`
	NextPageMarker string            `json:"NextPageMarker,omitempty"`
}

// ListOperations lists the account's operations oldest first (newest
// first for SortOrder DESC), filtered by SubmittedSince, Status and Type,
// MaxItems (default 20, at most 100) a page.
func (s *Service) ListOperations(ctx context.Context, in ListOperationsInput) (ListOperationsOutput, error) {
	sc, err := s.enter(ctx, "ListOperations")
	if err != nil {
		return ListOperationsOutput{}, err
	}
	limit, err := domainPage(in.MaxItems, 20, 100)
	if err != nil {
		return ListOperationsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	var all []OperationDetail
	for _, o := range s.accountLocked(sc.Account, false).domainOps {
		d := o.detail(now)
		if (in.SubmittedSince != nil && o.submitted.Before(in.SubmittedSince.Time)) ||
			(len(in.Status) > 0 && !slices.Contains(in.Status, d.Status)) || (len(in.Type) > 0 && !slices.Contains(in.Type, d.Type)) {
			continue
		}
		all = append(all, d)
	}
	if strings.EqualFold(in.SortOrder, "DESC") {
		slices.Reverse(all)
	}
	start := 0
	if in.Marker != "" {
		start = slices.IndexFunc(all, func(d OperationDetail) bool { return d.OperationId == in.Marker })
		if start < 0 {
			return ListOperationsOutput{}, invalidInput("Invalid marker: %s", in.Marker)
		}
	}
	out := ListOperationsOutput{Operations: []OperationDetail{}}
	for _, d := range all[start:] {
		if len(out.Operations) == limit {
			out.NextPageMarker = d.OperationId
			break
		}
		out.Operations = append(out.Operations, d)
	}
	return out, nil
}
