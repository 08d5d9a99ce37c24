package lambda

import (
	"context"
	"maps"
	"sort"

	"github.com/awsfake/awsfake/internal/faults"
)

// AliasRoutingConfiguration sends a share of an alias's invocations to a
// second version: AdditionalVersionWeights maps that version to its weight,
// between 0 and 1.
type AliasRoutingConfiguration struct {
	AdditionalVersionWeights map[string]float64 `json:",omitempty"`
}

// AliasConfiguration describes an alias.
type AliasConfiguration struct {
	AliasArn        string
	Name            string
	FunctionVersion string
	Description     string
	RoutingConfig   *AliasRoutingConfiguration `json:",omitempty"`
	RevisionId      string
}

type alias struct {
	cfg     AliasConfiguration
	weights map[string]float64
}

func (a *alias) snapshot() AliasConfiguration {
	c := a.cfg
	if len(a.weights) > 0 {
		c.RoutingConfig = &AliasRoutingConfiguration{AdditionalVersionWeights: maps.Clone(a.weights)}
	}
	return c
}

// CreateAliasInput names a new alias and the version it points to.
type CreateAliasInput struct {
	FunctionName    string
	Name            string
	FunctionVersion string
	Description     string
	RoutingConfig   *AliasRoutingConfiguration
}

// CreateAlias creates an alias for a version of a function, with optional
// weighted routing to a second published version.
func (s *Service) CreateAlias(ctx context.Context, in CreateAliasInput) (AliasConfiguration, error) {
	sc, err := s.enter(ctx, "CreateAlias")
	if err != nil {
		return AliasConfiguration{}, err
	}
	r, err := s.parseUnqualified(sc, "functionName", in.FunctionName)
	if err != nil {
		return AliasConfiguration{}, err
	}
	if err := checkAliasName(in.Name); err != nil {
		return AliasConfiguration{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.lookupLocked(r)
	if err != nil {
		return AliasConfiguration{}, err
	}
	if f.aliases[in.Name] != nil {
		return AliasConfiguration{}, errConflict("Alias already exists: %s", f.qualifiedARN(in.Name))
	}
	var weights map[string]float64
	if in.RoutingConfig != nil {
		weights = in.RoutingConfig.AdditionalVersionWeights
	}
	if err := s.checkAliasTargetLocked(f, in.FunctionVersion, weights); err != nil {
		return AliasConfiguration{}, err
	}
	a := &alias{cfg: AliasConfiguration{
		AliasArn: f.qualifiedARN(in.Name), Name: in.Name, FunctionVersion: in.FunctionVersion,
		Description: in.Description, RevisionId: s.env.IDs.UUID(),
	}, weights: maps.Clone(weights)}
	f.aliases[in.Name] = a
	return a.snapshot(), nil
}

// checkAliasTargetLocked applies AWS's rules for what an alias points to: a
// version that exists and, with weighted routing, one other published
// version with a weight from 0 to 1 ($LATEST cannot take part in routing).
func (s *Service) checkAliasTargetLocked(f *function, primary string, weights map[string]float64) error {
	if primary == "" {
		return errValidation("functionVersion", "null", "Member must not be null")
	}
	if primary != latest && f.versions[primary] == nil {
		return errFunctionNotFound(f.qualifiedARN(primary))
	}
	if len(weights) == 0 {
		return nil
	}
	if len(weights) > 1 {
		return errInvalid("Number of items in AdditionalVersionWeights cannot be greater than 1")
	}
	if primary == latest {
		return errInvalid("$LATEST is not supported for an alias pointing to more than 1 version")
	}
	for v, w := range weights {
		if w < 0 || w > 1 {
			return errValidation("routingConfig.additionalVersionWeights", w, "Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0]")
		}
		switch {
		case v == latest:
			return errInvalid("$LATEST is not supported for an alias pointing to more than 1 version")
		case v == primary:
			return errInvalid("Alias cannot point to the same version %s twice", v)
		case f.versions[v] == nil:
			return errFunctionNotFound(f.qualifiedARN(v))
		}
	}
	return nil
}

// routeLocked picks the version the invocation key (see invocation.key) of
// alias a of f runs: the additional version with its weight's probability,
// the primary version otherwise. The draw is derived from the function's
// seeded source and the key, so it does not depend on the order in which
// concurrent invocations start.
func (s *Service) routeLocked(f *function, a *alias, key string) string {
	if len(a.weights) == 0 {
		return a.cfg.FunctionVersion
	}
	draw := f.ids.Derive("route " + key).Float64()
	for v, w := range a.weights { // one at most: AWS routes to two versions
		if draw < w {
			return v
		}
	}
	return a.cfg.FunctionVersion
}

// GetAliasInput names an alias.
type GetAliasInput struct {
	FunctionName string
	Name         string
}

// GetAlias returns an alias.
func (s *Service) GetAlias(ctx context.Context, in GetAliasInput) (AliasConfiguration, error) {
	sc, err := s.enter(ctx, "GetAlias")
	if err != nil {
		return AliasConfiguration{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, a, err := s.aliasLocked(sc, in.FunctionName, in.Name)
	if err != nil {
		return AliasConfiguration{}, err
	}
	return a.snapshot(), nil
}

func (s *Service) aliasLocked(sc faults.Scope, fn, name string) (*function, *alias, error) {
	r, err := s.parseUnqualified(sc, "functionName", fn)
	if err != nil {
		return nil, nil, err
	}
	if err := checkAliasName(name); err != nil {
		return nil, nil, err
	}
	f, err := s.lookupLocked(r)
	if err != nil {
		return nil, nil, err
	}
	a := f.aliases[name]
	if a == nil {
		return nil, nil, errNotFound("Alias not found: %s", f.qualifiedARN(name))
	}
	return f, a, nil
}

// ListAliasesInput pages through a function's aliases, optionally only those
// pointing to FunctionVersion.
type ListAliasesInput struct {
	FunctionName    string
	FunctionVersion string
	Marker          string
	MaxItems        int32
}

// ListAliasesOutput is one page of aliases.
type ListAliasesOutput struct {
	Aliases    []AliasConfiguration
	NextMarker string `json:",omitempty"`
}

// ListAliases lists a function's aliases in name order.
func (s *Service) ListAliases(ctx context.Context, in ListAliasesInput) (ListAliasesOutput, error) {
	sc, err := s.enter(ctx, "ListAliases")
	if err != nil {
		return ListAliasesOutput{}, err
	}
	s.mu.Lock()
	f, err := s.functionNamedLocked(sc, in.FunctionName)
	if err != nil {
		s.mu.Unlock()
		return ListAliasesOutput{}, err
	}
	var all []AliasConfiguration
	for _, a := range f.aliases {
		if in.FunctionVersion == "" || a.cfg.FunctionVersion == in.FunctionVersion {
			all = append(all, a.snapshot())
		}
	}
	s.mu.Unlock()
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	items, next, err := page(all, func(a AliasConfiguration) string { return a.Name }, in.Marker, in.MaxItems, pageTo10000)
	if err != nil {
		return ListAliasesOutput{}, err
	}
	return ListAliasesOutput{Aliases: nonNil(items), NextMarker: next}, nil
}

// UpdateAliasInput changes an alias; nil members are left as they are, and
// a RoutingConfig with no weights removes the routing.
type UpdateAliasInput struct {
	FunctionName    string
	Name            string
	FunctionVersion *string
	Description     *string
	RoutingConfig   *AliasRoutingConfiguration
	RevisionId      string
}

// UpdateAlias points an alias elsewhere or changes its routing.
func (s *Service) UpdateAlias(ctx context.Context, in UpdateAliasInput) (AliasConfiguration, error) {
	sc, err := s.enter(ctx, "UpdateAlias")
	if err != nil {
		return AliasConfiguration{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, a, err := s.aliasLocked(sc, in.FunctionName, in.Name)
	if err != nil {
		return AliasConfiguration{}, err
	}
	if in.RevisionId != "" && in.RevisionId != a.cfg.RevisionId {
		return AliasConfiguration{}, errRevision("GetFunction/GetAlias")
	}
	primary := a.cfg.FunctionVersion
	if in.FunctionVersion != nil {
		primary = *in.FunctionVersion
	}
	weights := a.weights
	if in.RoutingConfig != nil {
		weights = in.RoutingConfig.AdditionalVersionWeights
	}
	if err := s.checkAliasTargetLocked(f, primary, weights); err != nil {
		return AliasConfiguration{}, err
	}
	a.cfg.FunctionVersion = primary
	a.weights = maps.Clone(weights)
	if in.Description != nil {
		a.cfg.Description = *in.Description
	}
	a.cfg.RevisionId = s.env.IDs.UUID()
	return a.snapshot(), nil
}

// DeleteAliasInput names the alias to delete.
type DeleteAliasInput struct {
	FunctionName string
	Name         string
}

// DeleteAlias deletes an alias, with the configurations attached to it.
func (s *Service) DeleteAlias(ctx context.Context, in DeleteAliasInput) error {
	sc, err := s.enter(ctx, "DeleteAlias")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, _, err := s.aliasLocked(sc, in.FunctionName, in.Name)
	if err != nil {
		return err
	}
	delete(f.aliases, in.Name)
	delete(f.invokeConfigs, in.Name)
	delete(f.provisioned, in.Name)
	delete(f.urls, in.Name)
	return nil
}
