package route53

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync"
	"time"
)

// Probes are real: an HTTP(S) GET or a TCP connection to the endpoint,
// made by the one checker the fake runs, through the http.Client and
// dialer SetHealthCheckProber sets (by default the fake's own, which does
// not validate certificates, as AWS does not). Each probing check has one
// job on the cloud's scheduler, at its next due probe (RequestInterval
// after the last one was due, the first RequestInterval after
// CreateHealthCheck). The job starts the probe in a goroutine counted for
// cloud.Settle and holds no lock while it is in flight; the timeouts AWS
// documents run on the cloud's clock and cancel the real dial or read:
// HTTP(S) a connection within 4 s and a status within 2 s of it, TCP a
// connection within 10 s.
const (
	connectTimeout = 4 * time.Second
	statusTimeout  = 2 * time.Second
	tcpTimeout     = 10 * time.Second
	// searchWindow is how much of a body a string match reads.
	searchWindow = 5120
)

// Dialer is the dial function of probes: net.Dialer's DialContext, or a
// test's.
type Dialer func(ctx context.Context, network, address string) (net.Conn, error)

// prober is the client and dialer of probes.
type prober struct {
	client *http.Client
	dial   Dialer
	own    *http.Transport // the default client's, closed by Close
}

func (p *prober) close() {
	if p.own != nil {
		p.own.CloseIdleConnections()
	}
}

// SetHealthCheckProber sets the http.Client of HTTP(S) probes and the
// dialer of TCP probes (and of the default client); nil keeps the fake's
// own. Redirects are never followed: a 3xx is healthy.
func (s *Service) SetHealthCheckProber(client *http.Client, dial Dialer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prober.close()
	s.prober = prober{dial: dial}
	if client != nil {
		c := *client
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		s.prober.client = &c
	}
}

// clientLocked returns the probes' client and dialer, building the default
// ones on first use.
func (s *Service) clientLocked() (*http.Client, Dialer) {
	p := &s.prober
	if p.dial == nil {
		p.dial = (&net.Dialer{}).DialContext
	}
	if p.client == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec // AWS does not validate checked endpoints' certificates
		t.DialContext = p.dial
		t.DisableKeepAlives = true
		p.own = t
		p.client = &http.Client{Transport: t, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	return p.client, p.dial
}

// probing reports whether a check type is probed by checkers.
func probing(typ string) bool {
	switch typ {
	case hcHTTP, hcHTTPS, hcHTTPStr, hcHTTPSStr, hcTCP:
		return true
	}
	return false
}

// scheduleLocked puts a probing check's next probe on the scheduler:
// RequestInterval after the last one was due (after its creation for the
// first). One already due runs at once.
func (s *Service) scheduleLocked(hc *healthCheck) {
	if s.closed || hc.deleted || !probing(hc.HealthCheckConfig.Type) || flag(hc.HealthCheckConfig.Disabled) {
		return
	}
	from := hc.created
	if hc.last != nil {
		from = hc.lastDue
	}
	due := from.Add(time.Duration(deref(hc.HealthCheckConfig.RequestInterval)) * time.Second)
	fire := func(time.Time) { s.fire(hc, due) }
	if due.After(s.now()) {
		hc.job = s.env.Sched.At(due, fire)
	} else {
		hc.job = s.env.Sched.Run(fire)
	}
}

// fire starts the probe due at due, in a goroutine counted for Settle.
func (s *Service) fire(hc *healthCheck, due time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	hc.job = nil
	if s.closed || hc.deleted {
		return
	}
	cfg := hc.HealthCheckConfig
	client, dial := s.clientLocked()
	gen := hc.gen
	done := s.env.Bus.Begin()
	s.probes.Add(1)
	go func() {
		defer s.probes.Done()
		defer done()
		ok, status := s.probe(cfg, client, dial)
		s.record(hc, gen, due, ok, status)
	}()
}

// record keeps a probe's result and schedules the next probe. A check
// turns unhealthy after FailureThreshold consecutive failures and healthy
// again after as many successes.
func (s *Service) record(hc *healthCheck, gen int, due time.Time, ok bool, status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if hc.deleted || gen != hc.gen {
		return
	}
	rep := &StatusReport{Status: status, CheckedTime: due}
	hc.last, hc.lastDue = rep, due
	threshold := int(deref(hc.HealthCheckConfig.FailureThreshold))
	if ok {
		hc.okRun, hc.failRun = hc.okRun+1, 0
		if hc.okRun >= threshold {
			hc.healthy = true
		}
	} else {
		hc.lastFailure = rep
		hc.failRun, hc.okRun = hc.failRun+1, 0
		if hc.failRun >= threshold {
			hc.healthy = false
		}
	}
	s.scheduleLocked(hc)
}

// clockTimeout is a deadline on the cloud's clock that cancels a probe.
type clockTimeout struct {
	s      *Service
	cancel context.CancelFunc
	mu     sync.Mutex
	job    interface{ Cancel() bool }
	fired  bool
}

func (s *Service) newTimeout(cancel context.CancelFunc, d time.Duration) *clockTimeout {
	t := &clockTimeout{s: s, cancel: cancel}
	t.rearm(d)
	return t
}

// rearm cancels the pending deadline and, for d > 0, sets one d from now.
func (t *clockTimeout) rearm(d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.job != nil {
		t.job.Cancel()
		t.job = nil
	}
	if d > 0 {
		t.job = t.s.env.Sched.At(t.s.now().Add(d), func(time.Time) {
			t.mu.Lock()
			t.fired = true
			t.mu.Unlock()
			t.cancel()
		})
	}
}

func (t *clockTimeout) timedOut() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.fired
}

// probe makes one probe and returns whether it succeeded and the status
// AWS's checker would report.
func (s *Service) probe(cfg HealthCheckConfig, client *http.Client, dial Dialer) (bool, string) {
	host := cfg.IPAddress
	if host == "" {
		host = cfg.FullyQualifiedDomainName
	}
	addr := net.JoinHostPort(host, fmt.Sprint(deref(cfg.Port)))
	ctx, cancel := context.WithCancel(s.probeCtx)
	defer cancel()
	if cfg.Type == hcTCP {
		t := s.newTimeout(cancel, tcpTimeout)
		defer t.rearm(0)
		conn, err := dial(ctx, "tcp", addr)
		if err != nil {
			return false, connectFailure(err, t.timedOut())
		}
		_ = conn.Close()
		return true, "Success: TCP connection established."
	}
	return s.probeHTTP(ctx, cancel, cfg, addr, client)
}

// probeHTTP makes an HTTP(S) probe: a GET of ResourcePath, with the FQDN
// (or the address) as Host.
func (s *Service) probeHTTP(ctx context.Context, cancel context.CancelFunc, cfg HealthCheckConfig, addr string, client *http.Client) (bool, string) {
	scheme := "http"
	if cfg.Type == hcHTTPS || cfg.Type == hcHTTPSStr {
		scheme = "https"
	}
	path := cfg.ResourcePath
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	t := s.newTimeout(cancel, connectTimeout)
	defer t.rearm(0)
	trace := &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { t.rearm(statusTimeout) }}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodGet, scheme+"://"+addr+path, nil)
	if err != nil {
		return false, "Failure: " + err.Error()
	}
	if cfg.FullyQualifiedDomainName != "" {
		req.Host = cfg.FullyQualifiedDomainName
	}
	req.Header.Set("User-Agent", userAgentProbe)
	resp, err := client.Do(req)
	if err != nil {
		return false, connectFailure(err, t.timedOut())
	}
	defer func() { _ = resp.Body.Close() }()
	code := fmt.Sprintf("HTTP Status Code %d, %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	if resp.StatusCode < 200 || resp.StatusCode >= 400 {
		return false, "Failure: " + code
	}
	if cfg.SearchString == "" {
		return true, "Success: " + code
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, searchWindow))
	if err != nil && !errors.Is(err, io.EOF) {
		return false, connectFailure(err, t.timedOut())
	}
	if !strings.Contains(string(body), cfg.SearchString) {
		return false, "Failure: Search string not found in response body."
	}
	return true, "Success: " + code + ". Search string found in response body."
}

// userAgentProbe is the User-Agent of AWS's checkers.
const userAgentProbe = "Amazon-Route53-Health-Check-Service"

// connectFailure is the status of a probe that got no answer.
func connectFailure(err error, timedOut bool) string {
	const tail = " The endpoint or the internet connection is down, or requests are being blocked by your firewall. See https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-router-firewall-rules.html"
	if timedOut {
		return "Failure: Connection timed out." + tail
	}
	if errors.Is(err, context.Canceled) {
		return "Failure: The health checker stopped."
	}
	return "Failure: Connection refused." + tail
}
