package route53

import (
	"context"
	"strconv"
)

// GetHealthCheck returns a health check.
func (s *Service) GetHealthCheck(ctx context.Context, id string) (HealthCheck, error) {
	sc, err := s.enter(ctx, "GetHealthCheck")
	if err != nil {
		return HealthCheck{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	hc, err := s.healthCheckLocked(sc.Account, id)
	if err != nil {
		return HealthCheck{}, err
	}
	return hc.HealthCheck, nil
}

// UpdateHealthCheckInput is UpdateHealthCheck's input: the settings to
// change (nil or empty keeps one), ResetElements the ones to clear.
type UpdateHealthCheckInput struct {
	HealthCheckId                string           `xml:"-"`
	HealthCheckVersion           *int64           `xml:"HealthCheckVersion"`
	IPAddress                    string           `xml:"IPAddress"`
	Port                         *int32           `xml:"Port"`
	ResourcePath                 string           `xml:"ResourcePath"`
	FullyQualifiedDomainName     string           `xml:"FullyQualifiedDomainName"`
	SearchString                 string           `xml:"SearchString"`
	FailureThreshold             *int32           `xml:"FailureThreshold"`
	Inverted                     *bool            `xml:"Inverted"`
	Disabled                     *bool            `xml:"Disabled"`
	HealthThreshold              *int32           `xml:"HealthThreshold"`
	ChildHealthChecks            []string         `xml:"ChildHealthChecks>ChildHealthCheck"`
	EnableSNI                    *bool            `xml:"EnableSNI"`
	Regions                      []string         `xml:"Regions>Region"`
	AlarmIdentifier              *AlarmIdentifier `xml:"AlarmIdentifier"`
	InsufficientDataHealthStatus string           `xml:"InsufficientDataHealthStatus"`
	ResetElements                []string         `xml:"ResetElements>ResettableElementName"`
}

// UpdateHealthCheck changes a health check's settings (its type stays)
// and bumps its version; a HealthCheckVersion other than the current one
// is HealthCheckVersionMismatch. The check keeps its status; a probe in
// flight under the old settings is dropped.
func (s *Service) UpdateHealthCheck(ctx context.Context, in UpdateHealthCheckInput) (HealthCheck, error) {
	sc, err := s.enter(ctx, "UpdateHealthCheck")
	if err != nil {
		return HealthCheck{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	hc, err := s.healthCheckLocked(sc.Account, in.HealthCheckId)
	if err != nil {
		return HealthCheck{}, err
	}
	if in.HealthCheckVersion != nil && *in.HealthCheckVersion != hc.HealthCheckVersion {
		return HealthCheck{}, newError(codeHealthCheckVersion, "The value of HealthCheckVersion in the request doesn't match the value of HealthCheckVersion in the health check.")
	}
	cfg, err := updatedConfig(hc.HealthCheckConfig, in)
	if err != nil {
		return HealthCheck{}, err
	}
	if err := s.checkChildrenLocked(sc.Account, cfg.ChildHealthChecks); err != nil {
		return HealthCheck{}, err
	}
	hc.HealthCheckConfig = cfg
	hc.HealthCheckVersion++
	hc.gen++
	if hc.job != nil {
		hc.job.Cancel()
		hc.job = nil
	}
	s.scheduleLocked(hc)
	return hc.HealthCheck, nil
}

// updatedConfig applies an update to settings and validates the result.
func updatedConfig(cfg HealthCheckConfig, in UpdateHealthCheckInput) (HealthCheckConfig, error) {
	for _, e := range in.ResetElements {
		switch e {
		case "FullyQualifiedDomainName":
			cfg.FullyQualifiedDomainName = ""
		case "Regions":
			cfg.Regions = nil
		case "ResourcePath":
			cfg.ResourcePath = ""
		case "ChildHealthChecks":
			cfg.ChildHealthChecks = nil
		default:
			return cfg, invalidInput("1 validation error detected: Value '[%s]' at 'resetElements' failed to satisfy constraint: Member must satisfy enum value set: [FullyQualifiedDomainName, Regions, ResourcePath, ChildHealthChecks]", e)
		}
	}
	setStr := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	setStr(&cfg.IPAddress, in.IPAddress)
	setStr(&cfg.ResourcePath, in.ResourcePath)
	setStr(&cfg.FullyQualifiedDomainName, in.FullyQualifiedDomainName)
	setStr(&cfg.SearchString, in.SearchString)
	setStr(&cfg.InsufficientDataHealthStatus, in.InsufficientDataHealthStatus)
	for dst, v := range map[**int32]*int32{&cfg.Port: in.Port, &cfg.FailureThreshold: in.FailureThreshold, &cfg.HealthThreshold: in.HealthThreshold} {
		if v != nil {
			*dst = v
		}
	}
	for dst, v := range map[**bool]*bool{&cfg.Inverted: in.Inverted, &cfg.Disabled: in.Disabled, &cfg.EnableSNI: in.EnableSNI} {
		if v != nil {
			*dst = v
		}
	}
	if in.ChildHealthChecks != nil {
		cfg.ChildHealthChecks = in.ChildHealthChecks
	}
	if in.Regions != nil {
		cfg.Regions = in.Regions
	}
	if in.AlarmIdentifier != nil {
		cfg.AlarmIdentifier = in.AlarmIdentifier
	}
	return cfg, checkConfig(&cfg)
}

// DeleteHealthCheck deletes a health check. As in AWS, records that name
// it are not checked (they become healthy: an unknown check is healthy);
// its CallerReference stays taken.
func (s *Service) DeleteHealthCheck(ctx context.Context, id string) error {
	sc, err := s.enter(ctx, "DeleteHealthCheck")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	hc, err := s.healthCheckLocked(sc.Account, id)
	if err != nil {
		return err
	}
	hc.deleted = true
	if hc.job != nil {
		hc.job.Cancel()
		hc.job = nil
	}
	a := s.accountLocked(sc.Account, false)
	delete(a.checks, id)
	delete(s.checks, id)
	for i, v := range a.hcOrder {
		if v == id {
			a.hcOrder = append(a.hcOrder[:i], a.hcOrder[i+1:]...)
			break
		}
	}
	return nil
}

// ListHealthChecksOutput is ListHealthChecks' output.
type ListHealthChecksOutput struct {
	HealthChecks []HealthCheck `xml:"HealthChecks>HealthCheck"`
	Marker       string        `xml:"Marker"`
	IsTruncated  bool          `xml:"IsTruncated"`
	NextMarker   string        `xml:"NextMarker,omitempty"`
	MaxItems     string        `xml:"MaxItems"`
}

// ListHealthChecks lists the account's health checks oldest first, at
// most maxItems (default and maximum 1,000) from marker (an id).
func (s *Service) ListHealthChecks(ctx context.Context, marker, maxItems string) (ListHealthChecksOutput, error) {
	sc, err := s.enter(ctx, "ListHealthChecks")
	if err != nil {
		return ListHealthChecksOutput{}, err
	}
	limit := 1000
	if maxItems != "" {
		n, perr := strconv.Atoi(maxItems)
		if perr != nil || n < 1 {
			return ListHealthChecksOutput{}, invalidInput("1 validation error detected: Value '%s' at 'maxItems' failed to satisfy constraint: Member must be a positive integer", maxItems)
		}
		limit = min(n, 1000)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accountLocked(sc.Account, false)
	out := ListHealthChecksOutput{HealthChecks: []HealthCheck{}, Marker: marker, MaxItems: strconv.Itoa(limit)}
	started := marker == ""
	for _, id := range a.hcOrder {
		if !started && id == marker {
			started = true
		}
		if !started {
			continue
		}
		if len(out.HealthChecks) == limit {
			out.IsTruncated, out.NextMarker = true, id
			break
		}
		out.HealthChecks = append(out.HealthChecks, a.checks[id].HealthCheck)
	}
	return out, nil
}

// GetHealthCheckCount returns how many health checks the account has.
func (s *Service) GetHealthCheckCount(ctx context.Context) (int64, error) {
	sc, err := s.enter(ctx, "GetHealthCheckCount")
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return int64(len(s.accountLocked(sc.Account, false).checks)), nil
}

// GetHealthCheckStatus returns the checker's last observation of a
// probing check (none before its first probe). A calculated check has no
// checkers: it is InvalidInput, as in AWS.
func (s *Service) GetHealthCheckStatus(ctx context.Context, id string) ([]HealthCheckObservation, error) {
	return s.observations(ctx, "GetHealthCheckStatus", id, func(hc *healthCheck) *StatusReport { return hc.last })
}

// GetHealthCheckLastFailureReason returns the checker's last failed
// observation of a probing check (none if it never failed).
func (s *Service) GetHealthCheckLastFailureReason(ctx context.Context, id string) ([]HealthCheckObservation, error) {
	return s.observations(ctx, "GetHealthCheckLastFailureReason", id, func(hc *healthCheck) *StatusReport { return hc.lastFailure })
}

func (s *Service) observations(ctx context.Context, op, id string, pick func(*healthCheck) *StatusReport) ([]HealthCheckObservation, error) {
	sc, err := s.enter(ctx, op)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	hc, err := s.healthCheckLocked(sc.Account, id)
	if err != nil {
		return nil, err
	}
	if !probing(hc.HealthCheckConfig.Type) {
		return nil, invalidInput("Invalid parameter : %s health checks do not have checker observations.", hc.HealthCheckConfig.Type)
	}
	out := []HealthCheckObservation{}
	if r := pick(hc); r != nil {
		rep := *r
		out = append(out, HealthCheckObservation{Region: checkerRegion, IPAddress: checkerIP, StatusReport: &rep})
	}
	return out, nil
}
