package iam

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Provider kinds, as engine_tags names them.
const (
	oidcKind = "OpenIDConnectprovider"
	samlKind = "SAMLprovider"
)

// provider returns the OIDC or SAML provider providerARN, or NoSuchEntity.
func (a *account) provider(kind, providerARN string) (*provider, error) {
	m := a.oidc
	if kind == samlKind {
		m = a.saml
	}
	if p := m[providerARN]; p != nil {
		return p, nil
	}
	return nil, errs.New(codeNoSuchEntity, "Provider %s does not exist.", providerARN)
}

func (s *Service) onProvider(sc scope, kind, providerARN string, fn func(a *account, p *provider) error) error {
	return s.locked(sc, func(a *account) error {
		p, err := a.provider(kind, providerARN)
		if err != nil {
			return err
		}
		return fn(a, p)
	})
}

// CreateOpenIDConnectProviderInput describes an OIDC provider.
type CreateOpenIDConnectProviderInput struct {
	Url                          string
	ClientIDList, ThumbprintList []string
	Tags                         []Tag
}

// CreateOpenIDConnectProviderOutput is the provider's ARN.
type CreateOpenIDConnectProviderOutput struct {
	OpenIDConnectProviderArn string
	Tags                     []Tag `xml:"Tags>member,omitempty"`
}

// CreateOpenIDConnectProvider registers an OIDC identity provider: an
// https URL of at most 255 characters, thumbprints of 40 characters; its
// ARN is oidc-provider/<host and path>.
func (s *Service) CreateOpenIDConnectProvider(ctx context.Context, in CreateOpenIDConnectProviderInput) (CreateOpenIDConnectProviderOutput, error) {
	sc, err := s.enter(ctx, "CreateOpenIDConnectProvider")
	if err != nil {
		return CreateOpenIDConnectProviderOutput{}, err
	}
	if in.Url == "" || len(in.Url) > 255 || !strings.HasPrefix(in.Url, "https://") {
		return CreateOpenIDConnectProviderOutput{}, validation("url", in.Url, "Member must have length between 1 and 255")
	}
	for _, t := range in.ThumbprintList {
		if len(t) != 40 {
			return CreateOpenIDConnectProviderOutput{}, validation("thumbprintList.member", t, "Member must have length equal to 40")
		}
	}
	if err := checkTags(in.Tags); err != nil {
		return CreateOpenIDConnectProviderOutput{}, err
	}
	var out CreateOpenIDConnectProviderOutput
	err = s.locked(sc, func(a *account) error {
		pa := a.arn("oidc-provider/", "", strings.TrimPrefix(in.Url, "https://"))
		if a.oidc[pa] != nil {
			return errs.New(codeEntityAlreadyExists, "Provider with url %s already exists.", in.Url)
		}
		a.oidc[pa] = &provider{arn: pa, url: strings.TrimPrefix(in.Url, "https://"), clients: slices.Clone(in.ClientIDList),
			thumbprints: slices.Clone(in.ThumbprintList), created: s.now(), tags: slices.Clone(in.Tags)}
		out = CreateOpenIDConnectProviderOutput{OpenIDConnectProviderArn: pa, Tags: in.Tags}
		return nil
	})
	return out, err
}

// GetOpenIDConnectProviderInput names an OIDC provider by ARN.
type GetOpenIDConnectProviderInput struct{ OpenIDConnectProviderArn string }

// GetOpenIDConnectProviderOutput is the provider.
type GetOpenIDConnectProviderOutput struct {
	Url            string
	ClientIDList   []string `xml:"ClientIDList>member"`
	ThumbprintList []string `xml:"ThumbprintList>member"`
	CreateDate     time.Time
	Tags           []Tag `xml:"Tags>member,omitempty"`
}

// GetOpenIDConnectProvider returns an OIDC provider.
func (s *Service) GetOpenIDConnectProvider(ctx context.Context, in GetOpenIDConnectProviderInput) (GetOpenIDConnectProviderOutput, error) {
	sc, err := s.enter(ctx, "GetOpenIDConnectProvider")
	if err != nil {
		return GetOpenIDConnectProviderOutput{}, err
	}
	var out GetOpenIDConnectProviderOutput
	err = s.onProvider(sc, oidcKind, in.OpenIDConnectProviderArn, func(_ *account, p *provider) error {
		out = GetOpenIDConnectProviderOutput{Url: p.url, ClientIDList: slices.Clone(p.clients),
			ThumbprintList: slices.Clone(p.thumbprints), CreateDate: p.created, Tags: slices.Clone(p.tags)}
		return nil
	})
	return out, err
}

// ProviderListEntry is one provider of a list.
type ProviderListEntry struct {
	Arn        string
	CreateDate *time.Time `xml:",omitempty"`
	ValidUntil *time.Time `xml:",omitempty"`
}

// ListOpenIDConnectProvidersInput is empty.
type ListOpenIDConnectProvidersInput struct{}

// ListOpenIDConnectProvidersOutput lists the OIDC providers.
type ListOpenIDConnectProvidersOutput struct {
	OpenIDConnectProviderList []ProviderListEntry `xml:"OpenIDConnectProviderList>member"`
}

// ListOpenIDConnectProviders lists the OIDC providers' ARNs, sorted.
func (s *Service) ListOpenIDConnectProviders(ctx context.Context, _ ListOpenIDConnectProvidersInput) (ListOpenIDConnectProvidersOutput, error) {
	sc, err := s.enter(ctx, "ListOpenIDConnectProviders")
	if err != nil {
		return ListOpenIDConnectProvidersOutput{}, err
	}
	var out ListOpenIDConnectProvidersOutput
	err = s.locked(sc, func(a *account) error {
		for _, pa := range sortedKeys(a.oidc) {
			out.OpenIDConnectProviderList = append(out.OpenIDConnectProviderList, ProviderListEntry{Arn: pa})
		}
		return nil
	})
	return out, err
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// DeleteOpenIDConnectProviderInput names an OIDC provider.
type DeleteOpenIDConnectProviderInput struct{ OpenIDConnectProviderArn string }

// DeleteOpenIDConnectProviderOutput is empty.
type DeleteOpenIDConnectProviderOutput struct{}

// DeleteOpenIDConnectProvider deletes an OIDC provider.
func (s *Service) DeleteOpenIDConnectProvider(ctx context.Context, in DeleteOpenIDConnectProviderInput) (DeleteOpenIDConnectProviderOutput, error) {
	sc, err := s.enter(ctx, "DeleteOpenIDConnectProvider")
	if err != nil {
		return DeleteOpenIDConnectProviderOutput{}, err
	}
	return DeleteOpenIDConnectProviderOutput{}, s.onProvider(sc, oidcKind, in.OpenIDConnectProviderArn, func(a *account, p *provider) error {
		delete(a.oidc, p.arn)
		return nil
	})
}

// AddClientIDToOpenIDConnectProviderInput adds a client id (audience).
type AddClientIDToOpenIDConnectProviderInput struct{ OpenIDConnectProviderArn, ClientID string }

// AddClientIDToOpenIDConnectProviderOutput is empty.
type AddClientIDToOpenIDConnectProviderOutput struct{}

// AddClientIDToOpenIDConnectProvider adds a client id to an OIDC provider.
func (s *Service) AddClientIDToOpenIDConnectProvider(ctx context.Context, in AddClientIDToOpenIDConnectProviderInput) (AddClientIDToOpenIDConnectProviderOutput, error) {
	sc, err := s.enter(ctx, "AddClientIDToOpenIDConnectProvider")
	if err != nil {
		return AddClientIDToOpenIDConnectProviderOutput{}, err
	}
	return AddClientIDToOpenIDConnectProviderOutput{}, s.onProvider(sc, oidcKind, in.OpenIDConnectProviderArn, func(_ *account, p *provider) error {
		if !slices.Contains(p.clients, in.ClientID) {
			p.clients = append(p.clients, in.ClientID)
		}
		return nil
	})
}

// RemoveClientIDFromOpenIDConnectProviderInput removes a client id.
type RemoveClientIDFromOpenIDConnectProviderInput struct{ OpenIDConnectProviderArn, ClientID string }

// RemoveClientIDFromOpenIDConnectProviderOutput is empty.
type RemoveClientIDFromOpenIDConnectProviderOutput struct{}

// RemoveClientIDFromOpenIDConnectProvider removes a client id from an
// OIDC provider; one it does not have is ignored.
func (s *Service) RemoveClientIDFromOpenIDConnectProvider(ctx context.Context, in RemoveClientIDFromOpenIDConnectProviderInput) (RemoveClientIDFromOpenIDConnectProviderOutput, error) {
	sc, err := s.enter(ctx, "RemoveClientIDFromOpenIDConnectProvider")
	if err != nil {
		return RemoveClientIDFromOpenIDConnectProviderOutput{}, err
	}
	return RemoveClientIDFromOpenIDConnectProviderOutput{}, s.onProvider(sc, oidcKind, in.OpenIDConnectProviderArn, func(_ *account, p *provider) error {
		p.clients = removeString(p.clients, in.ClientID)
		return nil
	})
}

// UpdateOpenIDConnectProviderThumbprintInput replaces the thumbprints.
type UpdateOpenIDConnectProviderThumbprintInput struct {
	OpenIDConnectProviderArn string
	ThumbprintList           []string
}

// UpdateOpenIDConnectProviderThumbprintOutput is empty.
type UpdateOpenIDConnectProviderThumbprintOutput struct{}

// UpdateOpenIDConnectProviderThumbprint replaces an OIDC provider's
// thumbprints.
func (s *Service) UpdateOpenIDConnectProviderThumbprint(ctx context.Context, in UpdateOpenIDConnectProviderThumbprintInput) (UpdateOpenIDConnectProviderThumbprintOutput, error) {
	sc, err := s.enter(ctx, "UpdateOpenIDConnectProviderThumbprint")
	if err != nil {
		return UpdateOpenIDConnectProviderThumbprintOutput{}, err
	}
	return UpdateOpenIDConnectProviderThumbprintOutput{}, s.onProvider(sc, oidcKind, in.OpenIDConnectProviderArn, func(_ *account, p *provider) error {
		p.thumbprints = slices.Clone(in.ThumbprintList)
		return nil
	})
}
