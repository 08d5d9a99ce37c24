package route53

import (
	"context"
	"slices"
	"strings"
)

// UpdateDomainNameserversInput is UpdateDomainNameservers' input.
type UpdateDomainNameserversInput struct {
	DomainName  string       `json:"DomainName"`
	FIAuthKey   string       `json:"FIAuthKey,omitempty"`
	Nameservers []Nameserver `json:"Nameservers"`
}

// UpdateDomainNameservers replaces a domain's name servers (1 to 6).
func (s *Service) UpdateDomainNameservers(ctx context.Context, in UpdateDomainNameserversInput) (OperationIDOutput, error) {
	sc, err := s.enter(ctx, "UpdateDomainNameservers")
	if err != nil {
		return OperationIDOutput{}, err
	}
	if len(in.Nameservers) == 0 || len(in.Nameservers) > 6 {
		return OperationIDOutput{}, invalidInput("1 validation error detected: Value at 'nameservers' failed to satisfy constraint: Member must have length between 1 and 6")
	}
	for _, n := range in.Nameservers {
		if _, ok := canonicalName(n.Name); !ok || n.Name == "" {
			return OperationIDOutput{}, invalidInput("Invalid name server: %s", n.Name)
		}
	}
	return s.changeDomain(sc.Account, in.DomainName, "UPDATE_NAMESERVER", func(d *domain) { d.nameservers = slices.Clone(in.Nameservers) })
}

// changeDomain applies a change to a registered domain and records its
// operation.
func (s *Service) changeDomain(account, name, opType string, f func(*domain)) (OperationIDOutput, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.domainLocked(account, name, true)
	if err != nil {
		return OperationIDOutput{}, err
	}
	f(d)
	d.updated = s.now()
	if opType == "" {
		return OperationIDOutput{}, nil
	}
	return OperationIDOutput{OperationId: s.submitDomainOpLocked(account, opType, d.name)}, nil
}

// UpdateDomainContactInput is UpdateDomainContact's input.
type UpdateDomainContactInput struct {
	DomainName        string         `json:"DomainName"`
	AdminContact      *ContactDetail `json:"AdminContact,omitempty"`
	RegistrantContact *ContactDetail `json:"RegistrantContact,omitempty"`
	TechContact       *ContactDetail `json:"TechContact,omitempty"`
	BillingContact    *ContactDetail `json:"BillingContact,omitempty"`
}

// UpdateDomainContact replaces the contacts given, each validated.
func (s *Service) UpdateDomainContact(ctx context.Context, in UpdateDomainContactInput) (OperationIDOutput, error) {
	sc, err := s.enter(ctx, "UpdateDomainContact")
	if err != nil {
		return OperationIDOutput{}, err
	}
	for role, c := range map[string]*ContactDetail{"admin": in.AdminContact, "registrant": in.RegistrantContact, "tech": in.TechContact, "billing": in.BillingContact} {
		if c != nil {
			if err := checkContact(role, c); err != nil {
				return OperationIDOutput{}, err
			}
		}
	}
	return s.changeDomain(sc.Account, in.DomainName, "UPDATE_DOMAIN_CONTACT", func(d *domain) {
		for dst, c := range map[*ContactDetail]*ContactDetail{&d.admin: in.AdminContact, &d.registrant: in.RegistrantContact, &d.tech: in.TechContact, &d.billing: in.BillingContact} {
			if c != nil {
				*dst = *c
			}
		}
	})
}

// UpdateDomainContactPrivacyInput is UpdateDomainContactPrivacy's input.
type UpdateDomainContactPrivacyInput struct {
	DomainName        string `json:"DomainName"`
	AdminPrivacy      *bool  `json:"AdminPrivacy,omitempty"`
	RegistrantPrivacy *bool  `json:"RegistrantPrivacy,omitempty"`
	TechPrivacy       *bool  `json:"TechPrivacy,omitempty"`
	BillingPrivacy    *bool  `json:"BillingPrivacy,omitempty"`
}

// UpdateDomainContactPrivacy sets the privacy protection of the contacts
// given.
func (s *Service) UpdateDomainContactPrivacy(ctx context.Context, in UpdateDomainContactPrivacyInput) (OperationIDOutput, error) {
	sc, err := s.enter(ctx, "UpdateDomainContactPrivacy")
	if err != nil {
		return OperationIDOutput{}, err
	}
	return s.changeDomain(sc.Account, in.DomainName, "CHANGE_PRIVACY_PROTECTION", func(d *domain) {
		for dst, v := range map[*bool]*bool{&d.adminPrivacy: in.AdminPrivacy, &d.registrantPrivacy: in.RegistrantPrivacy, &d.techPrivacy: in.TechPrivacy, &d.billingPrivacy: in.BillingPrivacy} {
			if v != nil {
				*dst = *v
			}
		}
	})
}

// EnableDomainAutoRenew turns auto-renew on: the domain renews for a year
// at its expiry.
func (s *Service) EnableDomainAutoRenew(ctx context.Context, in DomainInput) error {
	sc, err := s.enter(ctx, "EnableDomainAutoRenew")
	if err != nil {
		return err
	}
	_, err = s.changeDomain(sc.Account, in.DomainName, "", func(d *domain) { d.autoRenew = true })
	return err
}

// DisableDomainAutoRenew turns auto-renew off: the domain is released at
// its expiry.
func (s *Service) DisableDomainAutoRenew(ctx context.Context, in DomainInput) error {
	sc, err := s.enter(ctx, "DisableDomainAutoRenew")
	if err != nil {
		return err
	}
	_, err = s.changeDomain(sc.Account, in.DomainName, "", func(d *domain) { d.autoRenew = false })
	return err
}

// EnableDomainTransferLock sets clientTransferProhibited.
func (s *Service) EnableDomainTransferLock(ctx context.Context, in DomainInput) (OperationIDOutput, error) {
	sc, err := s.enter(ctx, "EnableDomainTransferLock")
	if err != nil {
		return OperationIDOutput{}, err
	}
	return s.changeDomain(sc.Account, in.DomainName, "DOMAIN_LOCK", func(d *domain) { d.locked = true })
}

// DisableDomainTransferLock clears clientTransferProhibited.
func (s *Service) DisableDomainTransferLock(ctx context.Context, in DomainInput) (OperationIDOutput, error) {
	sc, err := s.enter(ctx, "DisableDomainTransferLock")
	if err != nil {
		return OperationIDOutput{}, err
	}
	return s.changeDomain(sc.Account, in.DomainName, "DOMAIN_LOCK", func(d *domain) { d.locked = false })
}

// RenewDomainInput is RenewDomain's input.
type RenewDomainInput struct {
	DomainName        string `json:"DomainName"`
	DurationInYears   int    `json:"DurationInYears,omitempty"`
	CurrentExpiryYear int    `json:"CurrentExpiryYear"`
}

// RenewDomain extends a domain by DurationInYears (default 1, at most
// 10 years in all ahead); CurrentExpiryYear must be the expiry's year.
func (s *Service) RenewDomain(ctx context.Context, in RenewDomainInput) (OperationIDOutput, error) {
	sc, err := s.enter(ctx, "RenewDomain")
	if err != nil {
		return OperationIDOutput{}, err
	}
	years := in.DurationInYears
	if years == 0 {
		years = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.domainLocked(sc.Account, in.DomainName, true)
	if err != nil {
		return OperationIDOutput{}, err
	}
	if in.CurrentExpiryYear != d.expires.Year() {
		return OperationIDOutput{}, invalidInput("The current expiry year %d doesn't match the domain's expiry year %d.", in.CurrentExpiryYear, d.expires.Year())
	}
	next := d.expires.AddDate(years, 0, 0)
	if years < 1 || next.After(s.now().AddDate(10, 0, 0)) {
		return OperationIDOutput{}, newError(codeTLDRulesViolation, "The domain can't be renewed for %d years: the registration period can't exceed 10 years.", years)
	}
	d.expires, d.updated = next, s.now()
	return OperationIDOutput{OperationId: s.submitDomainOpLocked(sc.Account, "RENEW_DOMAIN", d.name)}, nil
}

// DeleteDomain deletes a registered domain: the name is available again
// at once (AWS releases it to the registry); the hosted zone stays.
func (s *Service) DeleteDomain(ctx context.Context, in DomainInput) (OperationIDOutput, error) {
	sc, err := s.enter(ctx, "DeleteDomain")
	if err != nil {
		return OperationIDOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.domainLocked(sc.Account, in.DomainName, true)
	if err != nil {
		return OperationIDOutput{}, err
	}
	delete(s.domains, d.name)
	return OperationIDOutput{OperationId: s.submitDomainOpLocked(sc.Account, "DELETE_DOMAIN", d.name)}, nil
}

// RetrieveDomainAuthCode returns the domain's transfer authorization code.
func (s *Service) RetrieveDomainAuthCode(ctx context.Context, in DomainInput) (map[string]string, error) {
	sc, err := s.enter(ctx, "RetrieveDomainAuthCode")
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.domainLocked(sc.Account, in.DomainName, true)
	if err != nil {
		return nil, err
	}
	return map[string]string{"AuthCode": d.authCode}, nil
}

// CheckDomainTransferability answers DOMAIN_IN_OWN_ACCOUNT or
// DOMAIN_IN_ANOTHER_ACCOUNT for a name registered in the cloud, and
// TRANSFERABLE for another name of a TLD the fake sells.
func (s *Service) CheckDomainTransferability(ctx context.Context, in DomainInput) (map[string]map[string]string, error) {
	sc, err := s.enter(ctx, "CheckDomainTransferability")
	if err != nil {
		return nil, err
	}
	name, _, err := splitDomain(in.DomainName)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sweepDomainsLocked()
	t := "TRANSFERABLE"
	if d := s.domains[name]; d != nil {
		t = "DOMAIN_IN_ANOTHER_ACCOUNT"
		if d.account == sc.Account {
			t = "DOMAIN_IN_OWN_ACCOUNT"
		}
	}
	return map[string]map[string]string{"Transferability": {"Transferable": t}}, nil
}

// GetContactReachabilityStatus answers DONE for a registered domain: the
// fake's registrant has always confirmed the address.
func (s *Service) GetContactReachabilityStatus(ctx context.Context, in DomainInput) (map[string]string, error) {
	sc, err := s.enter(ctx, "GetContactReachabilityStatus")
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.domainLocked(sc.Account, in.DomainName, false)
	if err != nil {
		return nil, err
	}
	return map[string]string{"domainName": d.name, "status": "DONE"}, nil
}

// DomainTag is a domain's tag.
type DomainTag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// ListTagsForDomain returns a domain's tags sorted by key.
func (s *Service) ListTagsForDomain(ctx context.Context, in DomainInput) (map[string][]DomainTag, error) {
	sc, err := s.enter(ctx, "ListTagsForDomain")
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.domainLocked(sc.Account, in.DomainName, false)
	if err != nil {
		return nil, err
	}
	out := []DomainTag{}
	for k, v := range d.tags {
		out = append(out, DomainTag{Key: k, Value: v})
	}
	slices.SortFunc(out, func(a, b DomainTag) int { return strings.Compare(a.Key, b.Key) })
	return map[string][]DomainTag{"TagList": out}, nil
}

// UpdateTagsForDomainInput is UpdateTagsForDomain's input.
type UpdateTagsForDomainInput struct {
	DomainName   string      `json:"DomainName"`
	TagsToUpdate []DomainTag `json:"TagsToUpdate"`
}

// UpdateTagsForDomain adds or replaces tags (at most 50 on a domain).
func (s *Service) UpdateTagsForDomain(ctx context.Context, in UpdateTagsForDomainInput) error {
	sc, err := s.enter(ctx, "UpdateTagsForDomain")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.domainLocked(sc.Account, in.DomainName, false)
	if err != nil {
		return err
	}
	merged := map[string]bool{}
	for k := range d.tags {
		merged[k] = true
	}
	for _, t := range in.TagsToUpdate {
		if t.Key == "" || len(t.Key) > 128 || len(t.Value) > 256 {
			return invalidInput("Invalid tag: key must have 1 to 128 characters and value at most 256: %q", t.Key)
		}
		merged[t.Key] = true
	}
	if len(merged) > 50 {
		return newError(codeOperationLimitExceeded, "A domain can have at most 50 tags.")
	}
	for _, t := range in.TagsToUpdate {
		d.tags[t.Key] = t.Value
	}
	return nil
}

// DeleteTagsForDomainInput is DeleteTagsForDomain's input.
type DeleteTagsForDomainInput struct {
	DomainName   string   `json:"DomainName"`
	TagsToDelete []string `json:"TagsToDelete"`
}

// DeleteTagsForDomain removes tags by key.
func (s *Service) DeleteTagsForDomain(ctx context.Context, in DeleteTagsForDomainInput) error {
	sc, err := s.enter(ctx, "DeleteTagsForDomain")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.domainLocked(sc.Account, in.DomainName, false)
	if err != nil {
		return err
	}
	for _, k := range in.TagsToDelete {
		delete(d.tags, k)
	}
	return nil
}
