package lambda

import (
	"context"
	"sort"

	"github.com/awsfake/awsfake/internal/faults"
)

// acquireLocked takes a concurrency slot for one execution of f: from its
// reserved concurrency when it has some, else from the account's unreserved
// pool (the quota less every function's reservation). It reports which one.
func (s *Service) acquireLocked(f *function) (reserved bool, err error) {
	if f.reserved != nil {
		if f.running >= int(*f.reserved) {
			return false, errThrottled(reasonReserved)
		}
		f.running++
		return true, nil
	}
	if f.p.unreserved >= s.accountCap-f.p.reserved {
		return false, errThrottled(reasonAccount)
	}
	f.p.unreserved++
	f.running++
	return false, nil
}

func (s *Service) releaseLocked(f *function, reserved bool) {
	f.running--
	if !reserved {
		f.p.unreserved--
	}
}

// PutFunctionConcurrencyInput reserves concurrency for a function.
type PutFunctionConcurrencyInput struct {
	FunctionName                 string
	ReservedConcurrentExecutions *int32
}

// PutFunctionConcurrency reserves concurrency for a function: it may run that
// many events at once and no more, and no other function may use them. As in
// AWS, the account must keep at least 100 unreserved, and 0 stops the
// function from running at all.
func (s *Service) PutFunctionConcurrency(ctx context.Context, in PutFunctionConcurrencyInput) (Concurrency, error) {
	sc, err := s.enter(ctx, "PutFunctionConcurrency")
	if err != nil {
		return Concurrency{}, err
	}
	r, err := s.parseUnqualified(sc, "functionName", in.FunctionName)
	if err != nil {
		return Concurrency{}, err
	}
	if in.ReservedConcurrentExecutions == nil {
		return Concurrency{}, errValidation("reservedConcurrentExecutions", "null", "Member must not be null")
	}
	n := *in.ReservedConcurrentExecutions
	if n < 0 {
		return Concurrency{}, errRange("reservedConcurrentExecutions", int64(n), 0, int64(s.accountCap))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.lookupLocked(r)
	if err != nil {
		return Concurrency{}, err
	}
	others := f.p.reserved - int(deref(f.reserved))
	if s.accountCap-others-int(n) < minUnreserved {
		return Concurrency{}, errInvalid("Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [%d].", minUnreserved)
	}
	for q, p := range f.provisioned {
		if p.requested > n {
			return Concurrency{}, errInvalid("ReservedConcurrentExecutions %d should not be lower than function's total provisioned concurrency %d (qualifier %s).", n, p.requested, q)
		}
	}
	f.p.reserved = others + int(n)
	f.reserved = &n
	return Concurrency{ReservedConcurrentExecutions: &n}, nil
}

// GetFunctionConcurrencyInput names a function.
type GetFunctionConcurrencyInput struct {
	FunctionName string
}

// GetFunctionConcurrency returns a function's reserved concurrency; its
// ReservedConcurrentExecutions is nil when none is reserved.
func (s *Service) GetFunctionConcurrency(ctx context.Context, in GetFunctionConcurrencyInput) (Concurrency, error) {
	sc, err := s.enter(ctx, "GetFunctionConcurrency")
	if err != nil {
		return Concurrency{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.functionNamedLocked(sc, in.FunctionName)
	if err != nil {
		return Concurrency{}, err
	}
	if f.reserved == nil {
		return Concurrency{}, nil
	}
	n := *f.reserved
	return Concurrency{ReservedConcurrentExecutions: &n}, nil
}

// DeleteFunctionConcurrencyInput names a function.
type DeleteFunctionConcurrencyInput struct {
	FunctionName string
}

// DeleteFunctionConcurrency removes a function's reservation: it runs on the
// account's unreserved concurrency again.
func (s *Service) DeleteFunctionConcurrency(ctx context.Context, in DeleteFunctionConcurrencyInput) error {
	sc, err := s.enter(ctx, "DeleteFunctionConcurrency")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.functionNamedLocked(sc, in.FunctionName)
	if err != nil {
		return err
	}
	if f.reserved != nil {
		// Executions in progress move to the unreserved pool they now
		// count against.
		f.p.reserved -= int(*f.reserved)
		f.reserved = nil
	}
	return nil
}

// provisionedConfig is a provisioned concurrency configuration.
type provisionedConfig struct {
	requested    int32
	lastModified string
}

// ProvisionedConcurrencyConfig describes provisioned concurrency on a version
// or alias. The fake allocates it at once: Status is READY as soon as it is
// put.
type ProvisionedConcurrencyConfig struct {
	FunctionArn                              string `json:",omitempty"`
	RequestedProvisionedConcurrentExecutions int32
	AvailableProvisionedConcurrentExecutions int32
	AllocatedProvisionedConcurrentExecutions int32
	Status                                   string
	LastModified                             string
}

// PutProvisionedConcurrencyConfigInput provisions concurrency for a version
// or alias.
type PutProvisionedConcurrencyConfigInput struct {
	FunctionName                    string
	Qualifier                       string
	ProvisionedConcurrentExecutions int32
}

// PutProvisionedConcurrencyConfig keeps that many execution environments of
// the version (or the alias's version) initialised: invocations they serve
// have no cold start, and they are never retired for idleness. $LATEST
// cannot have provisioned concurrency, and a function's provisioned
// concurrency may not exceed its reserved concurrency.
func (s *Service) PutProvisionedConcurrencyConfig(ctx context.Context, in PutProvisionedConcurrencyConfigInput) (ProvisionedConcurrencyConfig, error) {
	sc, err := s.enter(ctx, "PutProvisionedConcurrencyConfig")
	if err != nil {
		return ProvisionedConcurrencyConfig{}, err
	}
	r, err := s.parseRef(sc, "functionName", in.FunctionName, in.Qualifier)
	if err != nil {
		return ProvisionedConcurrencyConfig{}, err
	}
	if in.ProvisionedConcurrentExecutions < 1 {
		return ProvisionedConcurrencyConfig{}, errValidation("provisionedConcurrentExecutions", in.ProvisionedConcurrentExecutions,
			"Member must have value greater than or equal to 1")
	}
	if r.qualifier == "" || r.qualifier == latest {
		return ProvisionedConcurrencyConfig{}, errInvalid("Provisioned Concurrency Configs cannot be applied to unpublished function versions.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, v, err := s.resolveLocked(r)
	if err != nil {
		return ProvisionedConcurrencyConfig{}, err
	}
	total := in.ProvisionedConcurrentExecutions
	for q, p := range f.provisioned {
		if q != r.qualifier {
			total += p.requested
		}
	}
	if f.reserved != nil && total > *f.reserved {
		return ProvisionedConcurrencyConfig{}, errInvalid("Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function")
	}
	if f.reserved == nil && int(total) > s.accountCap-f.p.reserved-minUnreserved {
		return ProvisionedConcurrencyConfig{}, errInvalid("Requested Provisioned Concurrency exceeds the account's unreserved concurrency minus its minimum of [%d].", minUnreserved)
	}
	p := &provisionedConfig{requested: in.ProvisionedConcurrentExecutions, lastModified: lastModified(s.now())}
	f.provisioned[r.qualifier] = p
	version := v.cfg.Version
	// Made by an API call: its log streams come from the cloud's source, in
	// the order of the calls.
	f.pool(version).setProvisioned(s.provisionedForLocked(f, version), func() *environment { return s.newEnvLocked(version, s.env.IDs) })
	return p.snapshot(""), nil
}

// provisionedForLocked sums the provisioned concurrency of the qualifiers
// that resolve to version.
func (s *Service) provisionedForLocked(f *function, version string) int {
	n := 0
	for q, p := range f.provisioned {
		if v, err := s.versionLocked(f, ref{at: f.p.at, name: f.name, qualifier: q}); err == nil && v.cfg.Version == version {
			n += int(p.requested)
		}
	}
	return n
}

func (p *provisionedConfig) snapshot(arn string) ProvisionedConcurrencyConfig {
	return ProvisionedConcurrencyConfig{
		FunctionArn:                              arn,
		RequestedProvisionedConcurrentExecutions: p.requested,
		AvailableProvisionedConcurrentExecutions: p.requested,
		AllocatedProvisionedConcurrentExecutions: p.requested,
		Status:                                   "READY",
		LastModified:                             p.lastModified,
	}
}

// GetProvisionedConcurrencyConfigInput names a version or alias.
type GetProvisionedConcurrencyConfigInput struct {
	FunctionName string
	Qualifier    string
}

// GetProvisionedConcurrencyConfig returns the provisioned concurrency of a
// version or alias.
func (s *Service) GetProvisionedConcurrencyConfig(ctx context.Context, in GetProvisionedConcurrencyConfigInput) (ProvisionedConcurrencyConfig, error) {
	sc, err := s.enter(ctx, "GetProvisionedConcurrencyConfig")
	if err != nil {
		return ProvisionedConcurrencyConfig{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, r, err := s.provisionedLocked(sc, in.FunctionName, in.Qualifier)
	if err != nil {
		return ProvisionedConcurrencyConfig{}, err
	}
	return f.provisioned[r.qualifier].snapshot(""), nil
}

func (s *Service) provisionedLocked(sc faults.Scope, name, qualifier string) (*function, ref, error) {
	r, err := s.parseRef(sc, "functionName", name, qualifier)
	if err != nil {
		return nil, r, err
	}
	f, err := s.lookupLocked(r)
	if err != nil {
		return nil, r, err
	}
	if f.provisioned[r.qualifier] == nil {
		return nil, r, userError("ProvisionedConcurrencyConfigNotFoundException",
			"No Provisioned Concurrency Config found for this function")
	}
	return f, r, nil
}

// DeleteProvisionedConcurrencyConfigInput names a version or alias.
type DeleteProvisionedConcurrencyConfigInput struct {
	FunctionName string
	Qualifier    string
}

// DeleteProvisionedConcurrencyConfig removes provisioned concurrency; its
// environments become ordinary ones that idle out.
func (s *Service) DeleteProvisionedConcurrencyConfig(ctx context.Context, in DeleteProvisionedConcurrencyConfigInput) error {
	sc, err := s.enter(ctx, "DeleteProvisionedConcurrencyConfig")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, r, err := s.provisionedLocked(sc, in.FunctionName, in.Qualifier)
	if err != nil {
		return err
	}
	v, _ := s.versionLocked(f, r)
	delete(f.provisioned, r.qualifier)
	if v != nil {
		f.pool(v.cfg.Version).setProvisioned(s.provisionedForLocked(f, v.cfg.Version), nil)
	}
	return nil
}

// ListProvisionedConcurrencyConfigsInput pages through a function's
// provisioned concurrency configurations.
type ListProvisionedConcurrencyConfigsInput struct {
	FunctionName string
	Marker       string
	MaxItems     int32
}

// ListProvisionedConcurrencyConfigsOutput is one page of them.
type ListProvisionedConcurrencyConfigsOutput struct {
	ProvisionedConcurrencyConfigs []ProvisionedConcurrencyConfig
	NextMarker                    string `json:",omitempty"`
}

// ListProvisionedConcurrencyConfigs lists them, each with the qualified ARN
// of its version or alias.
func (s *Service) ListProvisionedConcurrencyConfigs(ctx context.Context, in ListProvisionedConcurrencyConfigsInput) (ListProvisionedConcurrencyConfigsOutput, error) {
	sc, err := s.enter(ctx, "ListProvisionedConcurrencyConfigs")
	if err != nil {
		return ListProvisionedConcurrencyConfigsOutput{}, err
	}
	s.mu.Lock()
	f, err := s.functionNamedLocked(sc, in.FunctionName)
	if err != nil {
		s.mu.Unlock()
		return ListProvisionedConcurrencyConfigsOutput{}, err
	}
	var all []ProvisionedConcurrencyConfig
	for q, p := range f.provisioned {
		all = append(all, p.snapshot(f.qualifiedARN(q)))
	}
	s.mu.Unlock()
	sort.Slice(all, func(i, j int) bool { return all[i].FunctionArn < all[j].FunctionArn })
	items, next, err := page(all, func(c ProvisionedConcurrencyConfig) string { return c.FunctionArn }, in.Marker, in.MaxItems, pageTo50)
	if err != nil {
		return ListProvisionedConcurrencyConfigsOutput{}, err
	}
	return ListProvisionedConcurrencyConfigsOutput{ProvisionedConcurrencyConfigs: nonNil(items), NextMarker: next}, nil
}

// AccountLimit is the account's Lambda quotas.
type AccountLimit struct {
	TotalCodeSize                  int64
	CodeSizeUnzipped               int64
	CodeSizeZipped                 int64
	ConcurrentExecutions           int32
	UnreservedConcurrentExecutions int32
}

// AccountUsage is what the account uses of them.
type AccountUsage struct {
	TotalCodeSize int64
	FunctionCount int64
}

// GetAccountSettingsOutput holds the account's quotas and usage.
type GetAccountSettingsOutput struct {
	AccountLimit AccountLimit
	AccountUsage AccountUsage
}

// GetAccountSettings returns the quotas and usage of the caller's account in
// the caller's region. It returns the account's quotas (AWS's defaults: 75 GB of
// code, 250 MB unzipped, 50 MB zipped, the concurrency quota) and usage.
func (s *Service) GetAccountSettings(ctx context.Context) (GetAccountSettingsOutput, error) {
	sc, err := s.enter(ctx, "GetAccountSettings")
	if err != nil {
		return GetAccountSettingsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var size int64
	var count, reserved int
	if p := s.partitionLocked(placeOf(sc)); p != nil {
		for _, f := range p.functions {
			size += f.latest.cfg.CodeSize
			for _, v := range f.versions {
				size += v.cfg.CodeSize
			}
		}
		count, reserved = len(p.functions), p.reserved
	}
	return GetAccountSettingsOutput{
		AccountLimit: AccountLimit{TotalCodeSize: 80530636800, CodeSizeUnzipped: 262144000, CodeSizeZipped: 52428800,
			ConcurrentExecutions: int32(s.accountCap), UnreservedConcurrentExecutions: int32(s.accountCap - reserved)},
		AccountUsage: AccountUsage{TotalCodeSize: size, FunctionCount: int64(count)},
	}, nil
}
