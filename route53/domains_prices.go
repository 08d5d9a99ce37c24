package route53

import (
	"context"
	"slices"
	"strings"
)

// DomainPrice is one TLD's prices.
type DomainPrice struct {
	Name                 string            `json:"Name"`
	RegistrationPrice    PriceWithCurrency `json:"RegistrationPrice"`
	TransferPrice        PriceWithCurrency `json:"TransferPrice"`
	RenewalPrice         PriceWithCurrency `json:"RenewalPrice"`
	ChangeOwnershipPrice PriceWithCurrency `json:"ChangeOwnershipPrice"`
	RestorationPrice     PriceWithCurrency `json:"RestorationPrice"`
}

// PriceWithCurrency is a price.
type PriceWithCurrency struct {
	Price    float64 `json:"Price"`
	Currency string  `json:"Currency"`
}

// ListPricesInput is ListPrices' input.
type ListPricesInput struct {
	Tld      string `json:"Tld,omitempty"`
	Marker   string `json:"Marker,omitempty"`
	MaxItems int    `json:"MaxItems,omitempty"`
}

// ListPricesOutput is ListPrices' output.
type ListPricesOutput struct {
	Prices         []DomainPrice `json:"Prices"`
	NextPageMarker string        `json:"NextPageMarker,omitempty"`
}

// ListPrices lists the fake's prices by TLD name (one TLD when Tld is
// set: UnsupportedTLD for one it does not sell), MaxItems (default 20, at
// most 1,000) a page. Transfer and renewal cost the registration price,
// a change of owner nothing, a restoration four times it.
func (s *Service) ListPrices(ctx context.Context, in ListPricesInput) (ListPricesOutput, error) {
	if _, err := s.enter(ctx, "ListPrices"); err != nil {
		return ListPricesOutput{}, err
	}
	limit, err := domainPage(in.MaxItems, 20, 1000)
	if err != nil {
		return ListPricesOutput{}, err
	}
	var tlds []string
	if in.Tld != "" {
		tld := strings.TrimPrefix(strings.ToLower(in.Tld), ".")
		if domainPrices[tld] == 0 {
			return ListPricesOutput{}, newError(codeUnsupportedTLD, "Amazon Route 53 does not support the top-level domain (TLD) `.%s`.", tld)
		}
		tlds = []string{tld}
	} else {
		for t := range domainPrices {
			if t >= in.Marker {
				tlds = append(tlds, t)
			}
		}
		slices.Sort(tlds)
	}
	out := ListPricesOutput{Prices: []DomainPrice{}}
	for i, t := range tlds {
		if i == limit {
			out.NextPageMarker = t
			break
		}
		p := domainPrices[t]
		usd := func(v float64) PriceWithCurrency { return PriceWithCurrency{Price: v, Currency: "USD"} }
		out.Prices = append(out.Prices, DomainPrice{Name: t, RegistrationPrice: usd(p), TransferPrice: usd(p), RenewalPrice: usd(p),
			ChangeOwnershipPrice: usd(0), RestorationPrice: usd(4 * p)})
	}
	return out, nil
}

// GetDomainSuggestionsInput is GetDomainSuggestions' input.
type GetDomainSuggestionsInput struct {
	DomainName      string `json:"DomainName"`
	SuggestionCount int    `json:"SuggestionCount"`
	OnlyAvailable   *bool  `json:"OnlyAvailable"`
}

// DomainSuggestion is one suggested name.
type DomainSuggestion struct {
	DomainName   string `json:"DomainName"`
	Availability string `json:"Availability"`
}

// GetDomainSuggestions suggests the name's second-level label under each
// TLD the fake sells, in TLD order, up to SuggestionCount (1-50), with
// its availability (only available ones when OnlyAvailable). AWS's
// suggestions also vary the label; the fake's do not.
func (s *Service) GetDomainSuggestions(ctx context.Context, in GetDomainSuggestionsInput) (map[string][]DomainSuggestion, error) {
	if _, err := s.enter(ctx, "GetDomainSuggestions"); err != nil {
		return nil, err
	}
	name, tld, err := splitDomain(in.DomainName)
	if err != nil {
		return nil, err
	}
	if in.SuggestionCount < 1 || in.SuggestionCount > 50 {
		return nil, invalidInput("1 validation error detected: Value '%d' at 'suggestionCount' failed to satisfy constraint: Member must have value between 1 and 50", in.SuggestionCount)
	}
	if in.OnlyAvailable == nil {
		return nil, invalidInput("1 validation error detected: Value null at 'onlyAvailable' failed to satisfy constraint: Member must not be null")
	}
	label := strings.TrimSuffix(name, "."+tld)
	tlds := make([]string, 0, len(domainPrices))
	for t := range domainPrices {
		tlds = append(tlds, t)
	}
	slices.Sort(tlds)
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []DomainSuggestion{}
	for _, t := range tlds {
		if len(out) == in.SuggestionCount {
			break
		}
		n := label + "." + t
		av := s.availabilityLocked(n)
		if *in.OnlyAvailable && av != "AVAILABLE" {
			continue
		}
		out = append(out, DomainSuggestion{DomainName: n, Availability: av})
	}
	return map[string][]DomainSuggestion{"SuggestionsList": out}, nil
}
