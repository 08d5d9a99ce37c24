package iam

import (
	"context"
	"slices"
	"time"
)

// samlValidity is how long the fake takes a SAML provider's metadata to
// be valid when it does not read its validUntil.
const samlValidity = 100 * 365 * 24 * time.Hour

// CreateSAMLProviderInput describes a SAML provider.
type CreateSAMLProviderInput struct {
	Name, SAMLMetadataDocument string
	Tags                       []Tag
}

// CreateSAMLProviderOutput is the provider's ARN.
type CreateSAMLProviderOutput struct {
	SAMLProviderArn string
	Tags            []Tag `xml:"Tags>member,omitempty"`
}

// CreateSAMLProvider registers a SAML identity provider: a name of 1 to
// 128 characters of [\w._-], metadata of 1,000 to 10,000,000 characters.
func (s *Service) CreateSAMLProvider(ctx context.Context, in CreateSAMLProviderInput) (CreateSAMLProviderOutput, error) {
	sc, err := s.enter(ctx, "CreateSAMLProvider")
	if err != nil {
		return CreateSAMLProviderOutput{}, err
	}
	if err := checkName("name", in.Name, maxOtherName); err != nil {
		return CreateSAMLProviderOutput{}, err
	}
	if len(in.SAMLMetadataDocument) < 1000 || len(in.SAMLMetadataDocument) > 10_000_000 {
		return CreateSAMLProviderOutput{}, validation("sAMLMetadataDocument", "...", "Member must have length greater than or equal to 1000")
	}
	if err := checkTags(in.Tags); err != nil {
		return CreateSAMLProviderOutput{}, err
	}
	var out CreateSAMLProviderOutput
	err = s.locked(sc, func(a *account) error {
		pa := a.arn("saml-provider/", "", in.Name)
		if a.saml[pa] != nil {
			return exists("SAMLProvider", in.Name)
		}
		a.saml[pa] = &provider{arn: pa, metadata: in.SAMLMetadataDocument, created: s.now(), tags: slices.Clone(in.Tags)}
		out = CreateSAMLProviderOutput{SAMLProviderArn: pa, Tags: in.Tags}
		return nil
	})
	return out, err
}

// GetSAMLProviderInput names a SAML provider.
type GetSAMLProviderInput struct{ SAMLProviderArn string }

// GetSAMLProviderOutput is the provider.
type GetSAMLProviderOutput struct {
	SAMLMetadataDocument string
	CreateDate           time.Time
	ValidUntil           time.Time
	Tags                 []Tag `xml:"Tags>member,omitempty"`
}

// GetSAMLProvider returns a SAML provider's metadata.
func (s *Service) GetSAMLProvider(ctx context.Context, in GetSAMLProviderInput) (GetSAMLProviderOutput, error) {
	sc, err := s.enter(ctx, "GetSAMLProvider")
	if err != nil {
		return GetSAMLProviderOutput{}, err
	}
	var out GetSAMLProviderOutput
	err = s.onProvider(sc, samlKind, in.SAMLProviderArn, func(_ *account, p *provider) error {
		out = GetSAMLProviderOutput{SAMLMetadataDocument: p.metadata, CreateDate: p.created,
			ValidUntil: p.created.Add(samlValidity), Tags: slices.Clone(p.tags)}
		return nil
	})
	return out, err
}

// ListSAMLProvidersInput is empty.
type ListSAMLProvidersInput struct{}

// ListSAMLProvidersOutput lists the SAML providers.
type ListSAMLProvidersOutput struct {
	SAMLProviderList []ProviderListEntry `xml:"SAMLProviderList>member"`
}

// ListSAMLProviders lists the SAML providers, by ARN.
func (s *Service) ListSAMLProviders(ctx context.Context, _ ListSAMLProvidersInput) (ListSAMLProvidersOutput, error) {
	sc, err := s.enter(ctx, "ListSAMLProviders")
	if err != nil {
		return ListSAMLProvidersOutput{}, err
	}
	var out ListSAMLProvidersOutput
	err = s.locked(sc, func(a *account) error {
		for _, pa := range sortedKeys(a.saml) {
			p := a.saml[pa]
			until := p.created.Add(samlValidity)
			out.SAMLProviderList = append(out.SAMLProviderList, ProviderListEntry{Arn: pa, CreateDate: &p.created, ValidUntil: &until})
		}
		return nil
	})
	return out, err
}

// UpdateSAMLProviderInput replaces a SAML provider's metadata.
type UpdateSAMLProviderInput struct{ SAMLProviderArn, SAMLMetadataDocument string }

// UpdateSAMLProviderOutput is the provider's ARN.
type UpdateSAMLProviderOutput struct{ SAMLProviderArn string }

// UpdateSAMLProvider replaces a SAML provider's metadata.
func (s *Service) UpdateSAMLProvider(ctx context.Context, in UpdateSAMLProviderInput) (UpdateSAMLProviderOutput, error) {
	sc, err := s.enter(ctx, "UpdateSAMLProvider")
	if err != nil {
		return UpdateSAMLProviderOutput{}, err
	}
	err = s.onProvider(sc, samlKind, in.SAMLProviderArn, func(_ *account, p *provider) error {
		if in.SAMLMetadataDocument != "" {
			p.metadata = in.SAMLMetadataDocument
		}
		return nil
	})
	return UpdateSAMLProviderOutput{SAMLProviderArn: in.SAMLProviderArn}, err
}

// DeleteSAMLProviderInput names a SAML provider.
type DeleteSAMLProviderInput struct{ SAMLProviderArn string }

// DeleteSAMLProviderOutput is empty.
type DeleteSAMLProviderOutput struct{}

// DeleteSAMLProvider deletes a SAML provider.
func (s *Service) DeleteSAMLProvider(ctx context.Context, in DeleteSAMLProviderInput) (DeleteSAMLProviderOutput, error) {
	sc, err := s.enter(ctx, "DeleteSAMLProvider")
	if err != nil {
		return DeleteSAMLProviderOutput{}, err
	}
	return DeleteSAMLProviderOutput{}, s.onProvider(sc, samlKind, in.SAMLProviderArn, func(a *account, p *provider) error {
		delete(a.saml, p.arn)
		return nil
	})
}
