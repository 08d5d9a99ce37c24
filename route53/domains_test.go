package route53_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	domains "github.com/aws/aws-sdk-go-v2/service/route53domains"
	dtypes "github.com/aws/aws-sdk-go-v2/service/route53domains/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/route53"
)

// Every operation of the SDK's Route 53 Domains client is bound.
func TestServed_EveryOperationOfTheDomainsClient(t *testing.T) {
	servicetest.CheckServed(t, &domains.Client{}, route53.DomainOps())
}

func (e *env) domains() *domains.Client {
	cfg := e.cloud.AWSConfig()
	cfg.Region = "us-east-1"
	return domains.NewFromConfig(cfg)
}

func contact() *dtypes.ContactDetail {
	return &dtypes.ContactDetail{FirstName: aws.String("Kim"), LastName: aws.String("Minji"), ContactType: dtypes.ContactTypePerson,
		AddressLine1: aws.String("1 Sejong-daero"), City: aws.String("Seoul"), CountryCode: dtypes.CountryCodeKr,
		PhoneNumber: aws.String("+82.212345678"), Email: aws.String("minji@example.kr")}
}

func (e *env) register(t *testing.T, c *domains.Client, name string) string {
	t.Helper()
	out, err := c.RegisterDomain(e.ctx, &domains.RegisterDomainInput{DomainName: aws.String(name), DurationInYears: aws.Int32(1),
		AdminContact: contact(), RegistrantContact: contact(), TechContact: contact()})
	require.NoError(t, err)
	return aws.ToString(out.OperationId)
}

// A registration moves IN_PROGRESS → SUCCESSFUL on the clock after
// DomainOperationTime, makes the name unavailable from the call, creates
// the hosted zone whose name servers the domain gets, and lists the domain
// once complete.
func TestDomains_RegistrationCompletesOnTheClock(t *testing.T) {
	e := newEnv(t)
	c := e.domains()
	av, err := c.CheckDomainAvailability(e.ctx, &domains.CheckDomainAvailabilityInput{DomainName: aws.String("hanbit.com")})
	require.NoError(t, err)
	assert.Equal(t, dtypes.DomainAvailabilityAvailable, av.Availability)

	op := e.register(t, c, "hanbit.com")
	av, err = c.CheckDomainAvailability(e.ctx, &domains.CheckDomainAvailabilityInput{DomainName: aws.String("hanbit.com")})
	require.NoError(t, err)
	assert.Equal(t, dtypes.DomainAvailabilityUnavailable, av.Availability)

	detail := func() *domains.GetOperationDetailOutput {
		out, err := c.GetOperationDetail(e.ctx, &domains.GetOperationDetailInput{OperationId: aws.String(op)})
		require.NoError(t, err)
		return out
	}
	assert.Equal(t, dtypes.OperationStatusInProgress, detail().Status)
	assert.Equal(t, dtypes.OperationTypeRegisterDomain, detail().Type)
	list, err := c.ListDomains(e.ctx, &domains.ListDomainsInput{})
	require.NoError(t, err)
	assert.Empty(t, list.Domains, "not listed while registering")

	e.clk.Advance(route53.DomainOperationTime - time.Second)
	assert.Equal(t, dtypes.OperationStatusInProgress, detail().Status)
	e.clk.Advance(time.Second)
	assert.Equal(t, dtypes.OperationStatusSuccessful, detail().Status)

	list, err = c.ListDomains(e.ctx, &domains.ListDomainsInput{})
	require.NoError(t, err)
	require.Len(t, list.Domains, 1)
	assert.Equal(t, "hanbit.com", aws.ToString(list.Domains[0].DomainName))
	assert.True(t, aws.ToBool(list.Domains[0].AutoRenew))
	assert.True(t, aws.ToBool(list.Domains[0].TransferLock))
	assert.Equal(t, t0.AddDate(1, 0, 0), aws.ToTime(list.Domains[0].Expiry))

	got, err := c.GetDomainDetail(e.ctx, &domains.GetDomainDetailInput{DomainName: aws.String("hanbit.com")})
	require.NoError(t, err)
	assert.Equal(t, "Amazon Registrar, Inc.", aws.ToString(got.RegistrarName))
	assert.Contains(t, got.StatusList, "clientTransferProhibited")
	assert.Equal(t, "Kim", aws.ToString(got.RegistrantContact.FirstName))
	require.Len(t, got.Nameservers, 4)

	zones, err := e.client.ListHostedZonesByName(e.ctx, &sdk.ListHostedZonesByNameInput{DNSName: aws.String("hanbit.com")})
	require.NoError(t, err)
	require.NotEmpty(t, zones.HostedZones)
	assert.Equal(t, "hanbit.com.", aws.ToString(zones.HostedZones[0].Name))

	_, err = c.RegisterDomain(e.ctx, &domains.RegisterDomainInput{DomainName: aws.String("hanbit.com"), DurationInYears: aws.Int32(1),
		AdminContact: contact(), RegistrantContact: contact(), TechContact: contact()})
	var limit *dtypes.DomainLimitExceeded
	require.ErrorAs(t, err, &limit)
}

// A TLD Route 53 does not sell is UnsupportedTLD; bad contacts and
// durations are InvalidInput and register nothing.
func TestDomains_Validation(t *testing.T) {
	e := newEnv(t)
	c := e.domains()
	_, err := c.CheckDomainAvailability(e.ctx, &domains.CheckDomainAvailabilityInput{DomainName: aws.String("hanbit.notatld")})
	var tld *dtypes.UnsupportedTLD
	require.ErrorAs(t, err, &tld)

	bad := contact()
	bad.PhoneNumber = aws.String("010-1234-5678")
	company := contact()
	company.ContactType = dtypes.ContactTypeCompany // without OrganizationName
	var invalid *dtypes.InvalidInput
	for name, in := range map[string]*domains.RegisterDomainInput{
		"phone":    {DomainName: aws.String("a.com"), DurationInYears: aws.Int32(1), AdminContact: bad, RegistrantContact: contact(), TechContact: contact()},
		"company":  {DomainName: aws.String("a.com"), DurationInYears: aws.Int32(1), AdminContact: contact(), RegistrantContact: company, TechContact: contact()},
		"years 11": {DomainName: aws.String("a.com"), DurationInYears: aws.Int32(11), AdminContact: contact(), RegistrantContact: contact(), TechContact: contact()},
		"bad name": {DomainName: aws.String("-a.com"), DurationInYears: aws.Int32(1), AdminContact: contact(), RegistrantContact: contact(), TechContact: contact()},
	} {
		_, err := c.RegisterDomain(e.ctx, in)
		require.ErrorAs(t, err, &invalid, name)
	}
	av, err := c.CheckDomainAvailability(e.ctx, &domains.CheckDomainAvailabilityInput{DomainName: aws.String("a.com")})
	require.NoError(t, err)
	assert.Equal(t, dtypes.DomainAvailabilityAvailable, av.Availability)
	_, err = c.GetDomainDetail(e.ctx, &domains.GetDomainDetailInput{DomainName: aws.String("a.com")})
	require.ErrorAs(t, err, &invalid)
}

// Auto-renew renews at expiry; without it the domain is released and its
// name available again. Renewal, the lock, name servers, contacts and tags
// change the domain.
func TestDomains_ManageAndExpire(t *testing.T) {
	e := newEnv(t)
	c := e.domains()
	e.register(t, c, "bada.org")
	e.clk.Advance(route53.DomainOperationTime)
	name := aws.String("bada.org")

	_, err := c.RenewDomain(e.ctx, &domains.RenewDomainInput{DomainName: name, DurationInYears: aws.Int32(1), CurrentExpiryYear: 2030})
	var invalid *dtypes.InvalidInput
	require.ErrorAs(t, err, &invalid, "the expiry year is 2031")
	_, err = c.RenewDomain(e.ctx, &domains.RenewDomainInput{DomainName: name, DurationInYears: aws.Int32(2), CurrentExpiryYear: 2031})
	require.NoError(t, err)
	_, err = c.DisableDomainTransferLock(e.ctx, &domains.DisableDomainTransferLockInput{DomainName: name})
	require.NoError(t, err)
	_, err = c.UpdateDomainNameservers(e.ctx, &domains.UpdateDomainNameserversInput{DomainName: name, Nameservers: []dtypes.Nameserver{{Name: aws.String("ns1.example.net")}}})
	require.NoError(t, err)
	other := contact()
	other.FirstName = aws.String("Lee")
	_, err = c.UpdateDomainContact(e.ctx, &domains.UpdateDomainContactInput{DomainName: name, TechContact: other})
	require.NoError(t, err)
	_, err = c.UpdateTagsForDomain(e.ctx, &domains.UpdateTagsForDomainInput{DomainName: name, TagsToUpdate: []dtypes.Tag{{Key: aws.String("team"), Value: aws.String("dns")}}})
	require.NoError(t, err)

	got, err := c.GetDomainDetail(e.ctx, &domains.GetDomainDetailInput{DomainName: name})
	require.NoError(t, err)
	assert.Equal(t, t0.AddDate(3, 0, 0), aws.ToTime(got.ExpirationDate))
	assert.Empty(t, got.StatusList)
	assert.Equal(t, "ns1.example.net", aws.ToString(got.Nameservers[0].Name))
	assert.Equal(t, "Lee", aws.ToString(got.TechContact.FirstName))
	tags, err := c.ListTagsForDomain(e.ctx, &domains.ListTagsForDomainInput{DomainName: name})
	require.NoError(t, err)
	require.Len(t, tags.TagList, 1)

	ops, err := c.ListOperations(e.ctx, &domains.ListOperationsInput{})
	require.NoError(t, err)
	assert.Len(t, ops.Operations, 5) // register, renew, lock, name servers, contact

	// Auto-renew: still there a second after expiry, a year further on.
	e.clk.Advance(t0.AddDate(3, 0, 0).Sub(e.clk.Now()) + time.Second)
	got, err = c.GetDomainDetail(e.ctx, &domains.GetDomainDetailInput{DomainName: name})
	require.NoError(t, err)
	assert.Equal(t, t0.AddDate(4, 0, 0), aws.ToTime(got.ExpirationDate))

	_, err = c.DisableDomainAutoRenew(e.ctx, &domains.DisableDomainAutoRenewInput{DomainName: name})
	require.NoError(t, err)
	e.clk.Advance(t0.AddDate(4, 0, 0).Sub(e.clk.Now()) - time.Second)
	_, err = c.GetDomainDetail(e.ctx, &domains.GetDomainDetailInput{DomainName: name})
	require.NoError(t, err, "a second before expiry")
	e.clk.Advance(time.Second)
	_, err = c.GetDomainDetail(e.ctx, &domains.GetDomainDetailInput{DomainName: name})
	require.ErrorAs(t, err, &invalid, "released at expiry")
	av, err := c.CheckDomainAvailability(e.ctx, &domains.CheckDomainAvailabilityInput{DomainName: name})
	require.NoError(t, err)
	assert.Equal(t, dtypes.DomainAvailabilityAvailable, av.Availability)
}

// Prices and suggestions.
func TestDomains_PricesAndSuggestions(t *testing.T) {
	e := newEnv(t)
	c := e.domains()
	p, err := c.ListPrices(e.ctx, &domains.ListPricesInput{Tld: aws.String("com")})
	require.NoError(t, err)
	require.Len(t, p.Prices, 1)
	assert.Equal(t, "USD", aws.ToString(p.Prices[0].RegistrationPrice.Currency))
	_, err = c.ListPrices(e.ctx, &domains.ListPricesInput{Tld: aws.String("zzz")})
	var tld *dtypes.UnsupportedTLD
	require.ErrorAs(t, err, &tld)

	e.register(t, c, "hana.net")
	s, err := c.GetDomainSuggestions(e.ctx, &domains.GetDomainSuggestionsInput{DomainName: aws.String("hana.com"), SuggestionCount: 50, OnlyAvailable: aws.Bool(true)})
	require.NoError(t, err)
	require.NotEmpty(t, s.SuggestionsList)
	for _, sg := range s.SuggestionsList {
		assert.NotEqual(t, "hana.net", aws.ToString(sg.DomainName))
	}
}
