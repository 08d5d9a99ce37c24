package route53

import (
	"context"
	"net/netip"
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/sched"
)

// Health check types AWS accepts.
const (
	hcHTTP        = "HTTP"
	hcHTTPS       = "HTTPS"
	hcHTTPStr     = "HTTP_STR_MATCH"
	hcHTTPSStr    = "HTTPS_STR_MATCH"
	hcTCP         = "TCP"
	hcCalculated  = "CALCULATED"
	hcCloudWatch  = "CLOUDWATCH_METRIC"
	hcRecoveryCtl = "RECOVERY_CONTROL"
)

// MaxHealthChecks is AWS's default quota of active health checks per
// account.
const MaxHealthChecks = 200

// AlarmIdentifier names the CloudWatch alarm of a CLOUDWATCH_METRIC check.
type AlarmIdentifier struct {
	Region string `xml:"Region"`
	Name   string `xml:"Name"`
}

// HealthCheckConfig is a health check's settings, as AWS stores them (the
// defaults filled: RequestInterval 30, FailureThreshold 3, Port 80 or 443).
type HealthCheckConfig struct {
	IPAddress                    string           `xml:"IPAddress,omitempty"`
	Port                         *int32           `xml:"Port,omitempty"`
	Type                         string           `xml:"Type"`
	ResourcePath                 string           `xml:"ResourcePath,omitempty"`
	FullyQualifiedDomainName     string           `xml:"FullyQualifiedDomainName,omitempty"`
	SearchString                 string           `xml:"SearchString,omitempty"`
	RequestInterval              *int32           `xml:"RequestInterval,omitempty"`
	FailureThreshold             *int32           `xml:"FailureThreshold,omitempty"`
	MeasureLatency               *bool            `xml:"MeasureLatency,omitempty"`
	Inverted                     *bool            `xml:"Inverted,omitempty"`
	Disabled                     *bool            `xml:"Disabled,omitempty"`
	HealthThreshold              *int32           `xml:"HealthThreshold,omitempty"`
	ChildHealthChecks            []string         `xml:"ChildHealthChecks>ChildHealthCheck,omitempty"`
	EnableSNI                    *bool            `xml:"EnableSNI,omitempty"`
	Regions                      []string         `xml:"Regions>Region,omitempty"`
	AlarmIdentifier              *AlarmIdentifier `xml:"AlarmIdentifier,omitempty"`
	InsufficientDataHealthStatus string           `xml:"InsufficientDataHealthStatus,omitempty"`
}

// HealthCheck is one health check as GetHealthCheck answers it.
type HealthCheck struct {
	Id                 string            `xml:"Id"`
	CallerReference    string            `xml:"CallerReference"`
	HealthCheckConfig  HealthCheckConfig `xml:"HealthCheckConfig"`
	HealthCheckVersion int64             `xml:"HealthCheckVersion"`
}

// healthCheck is a health check's state: its settings and what its checker
// saw.
type healthCheck struct {
	account string
	HealthCheck
	created time.Time
	// The checker's results: consecutive successes and failures, the
	// status Route 53 reports (healthy until enough data), the last report.
	okRun, failRun int
	healthy        bool
	last           *StatusReport
	lastDue        time.Time // when the last probe was due
	gen            int       // bumped by UpdateHealthCheck: a probe of older settings is dropped
	lastFailure    *StatusReport
	job            *sched.Job // the next probe, nil while one is in flight
	deleted        bool
	tags           map[string]string
}

// StatusReport is one checker's observation.
type StatusReport struct {
	Status      string    `xml:"Status"`
	CheckedTime time.Time `xml:"CheckedTime"`
}

// HealthCheckObservation is a checker region's last observation.
type HealthCheckObservation struct {
	Region       string        `xml:"Region"`
	IPAddress    string        `xml:"IPAddress"`
	StatusReport *StatusReport `xml:"StatusReport"`
}

// The one checker the fake runs: its region and address (AWS runs one per
// checker region; the fake's single checker stands for all of them, so
// "more than 18% of checkers healthy" is "the checker healthy").
const (
	checkerRegion = "us-east-1"
	checkerIP     = "15.177.2.1"
)

func bptr(b bool) *bool  { return &b }
func i32(v int32) *int32 { return &v }
func deref[T any](p *T) T {
	var z T
	if p != nil {
		return *p
	}
	return z
}
func flag(p *bool) bool { return p != nil && *p }

// checkConfig validates a health check's settings and fills AWS's
// defaults.
func checkConfig(c *HealthCheckConfig) error {
	switch c.Type {
	case hcHTTP, hcHTTPS, hcHTTPStr, hcHTTPSStr, hcTCP:
		return checkEndpoint(c)
	case hcCalculated:
		if len(c.ChildHealthChecks) > 256 {
			return invalidInput("1 validation error detected: Value at 'healthCheckConfig.childHealthChecks' failed to satisfy constraint: Member must have length less than or equal to 256")
		}
		if c.HealthThreshold == nil {
			c.HealthThreshold = i32(int32(len(c.ChildHealthChecks)))
		}
		if *c.HealthThreshold < 0 || *c.HealthThreshold > 256 {
			return invalidInput("1 validation error detected: Value '%d' at 'healthCheckConfig.healthThreshold' failed to satisfy constraint: Member must have value between 0 and 256", *c.HealthThreshold)
		}
	case hcCloudWatch, hcRecoveryCtl:
		return invalidInput("Health checks of type %s are not supported by this fake.", c.Type)
	default:
		return invalidInput("1 validation error detected: Value '%s' at 'healthCheckConfig.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH, TCP, CALCULATED, CLOUDWATCH_METRIC, RECOVERY_CONTROL]", c.Type)
	}
	fillCommon(c)
	return nil
}

// checkEndpoint validates the settings of a probing check.
func checkEndpoint(c *HealthCheckConfig) error {
	if c.IPAddress == "" && c.FullyQualifiedDomainName == "" {
		return invalidInput("Invalid parameter : Either IPAddress or FullyQualifiedDomainName must be specified.")
	}
	if c.IPAddress != "" {
		// AWS refuses loopback, private and reserved addresses; the fake
		// accepts them so that a test's httptest.Server can be probed.
		if _, err := netip.ParseAddr(c.IPAddress); err != nil {
			return invalidInput("Invalid parameter : The IP address %s is not valid.", c.IPAddress)
		}
	}
	if c.Type == hcTCP && c.Port == nil {
		return invalidInput("Invalid parameter : Port is required for TCP health checks.")
	}
	if c.Port == nil {
		c.Port = i32(80)
		if c.Type == hcHTTPS || c.Type == hcHTTPSStr {
			c.Port = i32(443)
		}
	}
	if *c.Port < 1 || *c.Port > 65535 {
		return invalidInput("1 validation error detected: Value '%d' at 'healthCheckConfig.port' failed to satisfy constraint: Member must have value between 1 and 65535", *c.Port)
	}
	strMatch := c.Type == hcHTTPStr || c.Type == hcHTTPSStr
	if strMatch && c.SearchString == "" {
		return invalidInput("Invalid parameter : SearchString is required for %s health checks.", c.Type)
	}
	if !strMatch && c.SearchString != "" {
		return invalidInput("Invalid parameter : SearchString is only allowed for HTTP_STR_MATCH and HTTPS_STR_MATCH health checks.")
	}
	for name, v := range map[string]string{"resourcePath": c.ResourcePath, "fullyQualifiedDomainName": c.FullyQualifiedDomainName, "searchString": c.SearchString} {
		if len(v) > 255 {
			return invalidInput("1 validation error detected: Value at 'healthCheckConfig.%s' failed to satisfy constraint: Member must have length less than or equal to 255", name)
		}
	}
	if c.RequestInterval == nil {
		c.RequestInterval = i32(30)
	}
	if *c.RequestInterval != 10 && *c.RequestInterval != 30 {
		return invalidInput("Invalid parameter : RequestInterval must be 10 or 30.")
	}
	if c.FailureThreshold == nil {
		c.FailureThreshold = i32(3)
	}
	if err := checkThreshold(*c.FailureThreshold); err != nil {
		return err
	}
	if c.EnableSNI == nil {
		c.EnableSNI = bptr(c.Type == hcHTTPS || c.Type == hcHTTPSStr)
	}
	if c.MeasureLatency == nil {
		c.MeasureLatency = bptr(false)
	}
	return nil
}

func checkThreshold(n int32) error {
	if n < 1 || n > 10 {
		return invalidInput("1 validation error detected: Value '%d' at 'healthCheckConfig.failureThreshold' failed to satisfy constraint: Member must have value between 1 and 10", n)
	}
	return nil
}

func fillCommon(c *HealthCheckConfig) {
	if c.Inverted == nil {
		c.Inverted = bptr(false)
	}
	if c.Disabled == nil {
		c.Disabled = bptr(false)
	}
}

// CreateHealthCheckInput is CreateHealthCheck's input.
type CreateHealthCheckInput struct {
	CallerReference   string            `xml:"CallerReference"`
	HealthCheckConfig HealthCheckConfig `xml:"HealthCheckConfig"`
}

// CreateHealthCheckOutput is CreateHealthCheck's output.
type CreateHealthCheckOutput struct {
	HealthCheck HealthCheck `xml:"HealthCheck"`
	Location    string      `xml:"-"`
}

// CreateHealthCheck creates a health check. A probing check's first probe
// is due RequestInterval seconds later on the cloud's clock; until
// FailureThreshold results agree, it is healthy. A CallerReference reused
// with the same settings answers the existing check; with others, or of a
// deleted check, it is HealthCheckAlreadyExists.
func (s *Service) CreateHealthCheck(ctx context.Context, in CreateHealthCheckInput) (CreateHealthCheckOutput, error) {
	sc, err := s.enter(ctx, "CreateHealthCheck")
	if err != nil {
		return CreateHealthCheckOutput{}, err
	}
	if in.CallerReference == "" || len(in.CallerReference) > 64 {
		return CreateHealthCheckOutput{}, invalidInput("1 validation error detected: Value '%s' at 'callerReference' failed to satisfy constraint: Member must have length between 1 and 64", in.CallerReference)
	}
	cfg := in.HealthCheckConfig
	if err := checkConfig(&cfg); err != nil {
		return CreateHealthCheckOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accountLocked(sc.Account, true)
	if prev, ok := a.hcRefs[in.CallerReference]; ok {
		if !prev.deleted && sameConfig(prev.HealthCheckConfig, cfg) {
			return CreateHealthCheckOutput{HealthCheck: prev.HealthCheck, Location: location(prev.Id)}, nil
		}
		return CreateHealthCheckOutput{}, newError(codeHealthCheckAlreadyExists, "A health check with the specified CallerReference already exists: %s", in.CallerReference)
	}
	if err := s.checkChildrenLocked(sc.Account, cfg.ChildHealthChecks); err != nil {
		return CreateHealthCheckOutput{}, err
	}
	if len(a.checks) >= s.maxHealthChecks {
		return CreateHealthCheckOutput{}, newError(codeTooManyHealthChecks, "This health check can't be created because the current account has reached the limit on the number of active health checks.")
	}
	hc := &healthCheck{account: sc.Account, created: s.now(), healthy: true,
		HealthCheck: HealthCheck{Id: s.env.IDs.UUID(), CallerReference: in.CallerReference, HealthCheckConfig: cfg, HealthCheckVersion: 1}}
	a.checks[hc.Id] = hc
	a.hcOrder = append(a.hcOrder, hc.Id)
	a.hcRefs[in.CallerReference] = hc
	s.checks[hc.Id] = hc
	s.scheduleLocked(hc)
	return CreateHealthCheckOutput{HealthCheck: hc.HealthCheck, Location: location(hc.Id)}, nil
}

func location(id string) string {
	return "https://route53.amazonaws.com/2013-04-01/healthcheck/" + id
}

func sameConfig(a, b HealthCheckConfig) bool {
	return a.IPAddress == b.IPAddress && deref(a.Port) == deref(b.Port) && a.Type == b.Type &&
		a.ResourcePath == b.ResourcePath && a.FullyQualifiedDomainName == b.FullyQualifiedDomainName &&
		a.SearchString == b.SearchString && deref(a.RequestInterval) == deref(b.RequestInterval) &&
		deref(a.FailureThreshold) == deref(b.FailureThreshold) && flag(a.Inverted) == flag(b.Inverted) &&
		flag(a.Disabled) == flag(b.Disabled) && deref(a.HealthThreshold) == deref(b.HealthThreshold) &&
		slices.Equal(a.ChildHealthChecks, b.ChildHealthChecks)
}

// checkChildrenLocked checks that a calculated check's children are the
// account's health checks (InvalidInput: the SDK's CreateHealthCheck
// models no NoSuchHealthCheck).
func (s *Service) checkChildrenLocked(account string, children []string) error {
	a := s.accountLocked(account, false)
	for _, id := range children {
		if a.checks[id] == nil {
			return invalidInput("Invalid parameter : The child health check %s does not exist.", id)
		}
	}
	return nil
}

// healthCheckLocked returns the account's health check id.
func (s *Service) healthCheckLocked(account, id string) (*healthCheck, error) {
	hc := s.accountLocked(account, false).checks[id]
	if hc == nil {
		return nil, newError(codeNoSuchHealthCheck, "No health check exists with the specified ID %s.", id)
	}
	return hc, nil
}

// statusLocked is the health Route 53 gives a check for routing: the
// checker's (inverted if asked), healthy while disabled, and for a
// calculated check whether at least HealthThreshold children are healthy.
func (s *Service) statusLocked(hc *healthCheck, depth int) bool {
	c := hc.HealthCheckConfig
	if flag(c.Disabled) {
		return true
	}
	healthy := hc.healthy
	if c.Type == hcCalculated {
		n := 0
		for _, id := range c.ChildHealthChecks {
			if s.healthByIDLocked(id, depth+1) {
				n++
			}
		}
		healthy = int32(n) >= deref(c.HealthThreshold)
	}
	if flag(c.Inverted) {
		return !healthy
	}
	return healthy
}

// healthByIDLocked is the routing health of the check a record names: a
// SetHealthCheckStatus mark wins; an unknown id is healthy.
func (s *Service) healthByIDLocked(id string, depth int) bool {
	if v, ok := s.marked[id]; ok {
		return v
	}
	if hc := s.checks[id]; hc != nil && depth < 8 {
		return s.statusLocked(hc, depth)
	}
	return true
}
